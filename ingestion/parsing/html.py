"""HTML e-paper pages → plain page text (pure: text in, text out).

Many papers publish their e-paper pages as HTML. The parser reads plain text laid out
as the printed page: one paragraph per block, blank lines between blocks. So an HTML page
is recognised by its content (not only its file name), parsed with a real HTML parser
(BeautifulSoup with the standard library's ``html.parser`` backend: lxml is not
installed), and flattened to that layout: block elements become paragraphs, ``<br>`` a
line break, and script, style, navigation and the document head are dropped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import PreformattedString

# Elements whose content is never page text.
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "textarea",
    "input",
)
# Block-level elements: each starts a paragraph of its own.
_BLOCKS = frozenset(
    "address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_TAG_NAMES = "html|head|body|meta|title|div|p|br|span|table|tr|td|h[1-6]|ul|ol|li|a|img|font|center|article|section"
# A document that starts as HTML (after whitespace and comments) is HTML whatever its name.
_STARTS_AS_HTML = re.compile(r"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]{{0,500}}>", re.I)
# Tags among a plain-text page's characters: a few may be quoted, a markup page is full of them.
_MIN_TAGS = 3
_MIN_TAG_SHARE = 0.002
_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # HTML's collapsible white space; U+3000 (an indent in Chinese) is kept
_BLANKS = re.compile(r"\n{3,}")
_PARAGRAPH = "\x00P\x00"  # marks between blocks while the tree is flattened (NUL never survives decoding)
_LINE = "\x00L\x00"


def looks_like_html(text: str, file_name: str = "") -> bool:
    """True when ``text`` is an HTML document: it starts as one, or it is full of HTML tags.

    The file name only lowers the bar (an ``.html`` file needs one tag, not a tag density);
    a ``.txt`` file that is really HTML is still recognised.
    """
    head = text[:4096]
    if _STARTS_AS_HTML.match(head):
        return True
    tags = len(_TAG.findall(text[:200_000]))
    if file_name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return tags >= 1
    return tags >= _MIN_TAGS and tags / max(len(text[:200_000]), 1) >= _MIN_TAG_SHARE


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, with one paragraph per block element and blank lines between.

    Returns an empty string when nothing visible remains (a page of scripts or images). The
    tree is walked once with an explicit stack: no recursion and no tree edits, so a deeply
    nested page costs time in proportion to its size.
    """
    soup = BeautifulSoup(html, "html.parser")
    parts: list[str] = []
    stack: list[tuple[PageElement, bool, bool]] = [(soup, False, False)]  # (node, closing, inside <pre>)
    while stack:
        node, closing, in_pre = stack.pop()
        if closing:
            parts.append(_PARAGRAPH)
            continue
        if isinstance(node, NavigableString):
            # Comments, the doctype, processing instructions: not text a reader sees.
            if not isinstance(node, PreformattedString):
                parts.append(str(node) if in_pre else _SPACE.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag) or node.name in _DROP:
            continue
        if node.name == "br":
            parts.append(_LINE)
            continue
        if node.name in _BLOCKS:
            parts.append(_PARAGRAPH)
            stack.append((node, True, in_pre))
        inner_pre = in_pre or node.name == "pre"
        stack.extend((child, False, inner_pre) for child in reversed(node.contents))
    text = "".join(parts).replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n").replace("\xa0", " ")
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
    return text if text.strip() else ""
