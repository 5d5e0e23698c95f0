"""Headline lines: what reads as a headline, and which line of a headline group is the title.

A headline group is printed as up to three lines: a kicker above the title
(引题), the title (主题) and a deck below it (副题). Rules here, on normalised
text (ASCII brackets, colons and commas):

* A headline has no sentence punctuation outside quotation marks; a title that
  opens with a quotation may hold a whole exclamation (“我们能行！”).
* A column label printed in brackets at the end of the headline line
  (…（快评）, …（同心协力 共度难关）), or at its start (【某某专栏】…, （某某专栏）…, as
  web editions print it), is not part of the title: it is the article's section
  (``split_label``). Brackets that only number a part or mark a draft (（上）,
  （第三期）, （试行）) stay in the title.
* A line that ends with a dash (——) or a colon leads into the title below it:
  a kicker. A line that opens with a dash is a deck.
* A file that holds one article of an archive is laid out in fixed slots
  (``file_header``): the first line is the kicker, blank when there is none,
  the second the title, the third the deck or blank; the body paragraphs below
  are indented. The slots decide what a line is even where its wording would
  not (a kicker without a colon, a deck without a dash, a title too long for a
  headline).
* Labels that head a picture or an advert (图片报道, 广告) are never a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.parsing.credits import GENRE_AFTER_ROLE

MAX_HEAD = 40  # longest headline, label or subheading in characters
MAX_DECK = 90  # a deck (subtitle) between title and byline can be a whole sentence
MIN_TITLE = 8  # shorter lines above a long one are more likely labels than titles
BRIEFS_LABEL = re.compile(r"速递|速览|简讯|快讯|短讯|简报|集锦|要闻|动态|播报|快报|一句话新闻|新闻链接|扫描|一览|直击|传真")
# Labels over a picture report's photographs: with nothing but its captions under it, such a label is
# the report's only headline, and so its title (two annotators, each on their own).
_PHOTO_REPORT_WORDS = "图片报道 图片新闻 新闻图片 图片故事 图说 组图 摄影报道 新闻摄影".split()
PHOTO_REPORT_LABEL = re.compile(rf"^(?:{'|'.join(_PHOTO_REPORT_WORDS)})$")
# A page or column label over pictures, a cartoon or an advert: a section, never an article's title.
PICTURE_LABEL = re.compile(
    rf"^(?:{'|'.join([*_PHOTO_REPORT_WORDS, *'图片 图文 影像 摄影 漫画 广告 公益广告 广而告之'.split()])})$"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")
_LABEL_END = re.compile(r"\((?P<label>[^()]{2,40})\)\s*$")
_LABEL_START = re.compile(r"\s*(?:【(?P<label>[^【】]{2,40})】|\((?P<label2>[^()]{2,40})\))\s*")
# Brackets that belong to the title: a part, an issue, a draft, a year, a number.
_NOT_LABEL = re.compile(
    r"^(?:[上中下续完]篇?|之?[一二三四五六七八九十]+|第[0-9一二三四五六七八九十]+[期季届部分章节集篇版]|"
    r"[0-9]+|[0-9]{4}年?版?|试行|草案|暂行|修订|修正|讨论稿|征求意见稿|全文|摘要|节选|摘编|有删节|"
    r"[^()]*(?:摘登|节录|实录|答记者问))$"
)
_ROLE_CREDIT = re.compile(r"^(?:本报)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*$")
LEAD_IN_END = ("——", "—", "--", ":", "：")


def balanced(s: str) -> bool:
    return s.count("“") == s.count("”") and s.count("《") == s.count("》") and s.count("(") == s.count(")")


def cjk_count(s: str) -> int:
    return len(_CJK_CHAR.findall(s))


def _is_label(label: str, title: str) -> bool:
    credit = _ROLE_CREDIT.match(label) and not GENRE_AFTER_ROLE.search(label)  # （记者 张三）, not （记者手记）
    if cjk_count(title) < 2 or cjk_count(label) < 2 or _NOT_LABEL.match(label) or credit:
        return False
    return not any(ch in label for ch in "。;；")


def split_label(s: str, leading: bool = True) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(label span, title span) in the headline line ``s`` when it carries a bracketed column label, else None.

    The label is the text inside the brackets at the end of the line (标题（某某专栏）) or, with ``leading``,
    at its start (【某某专栏】标题, （某某专栏）标题, as web editions print it).
    """
    if s.endswith(")"):
        m = _LABEL_END.search(s)
        if m:
            title = s[: m.start()].rstrip()
            if _is_label(m.group("label").strip(), title) and not title.endswith(("(", "“", "《", "、", ",", "，")):
                return (m.start("label"), m.end("label")), (0, len(title))
    if leading and s[:1] in "【(":
        m = _LABEL_START.match(s)
        if m:
            g = "label" if m.group("label") is not None else "label2"
            if _is_label(m.group(g).strip(), s[m.end() :]):
                return (m.start(g), m.end(g)), (m.end(), len(s))
    return None


def column_label(s: str) -> tuple[int, int] | None:
    """Span in ``s`` of a column label bracketed at the end of a headline (the text inside), else None."""
    split = split_label(s, leading=False)
    return split[0] if split else None


def without_label(s: str) -> str:
    """``s`` with a column label at its end or its start removed."""
    split = split_label(s)
    return s[split[1][0] : split[1][1]] if split else s


def is_headline_like(s: str, limit: int = MAX_HEAD) -> bool:
    """A short line that reads as a headline: no sentence punctuation outside quotes, quotes closed."""
    if not s or cjk_count(s) < 2:
        return False
    s = without_label(s)
    if len(s) > limit:
        return False
    if "。" in s or "……" in s[2:]:
        return False
    outside = _QUOTED.sub("“”", s)  # a quotation may exclaim or ask: “我们能行！”
    inner = outside[:-1]
    if any(ch in inner for ch in "！？!?;；"):
        return False
    if s[-1] in ",，、;；—-" or s.startswith(("……", "…")):
        return False
    return balanced(s)


def is_lead_in(s: str) -> bool:
    """A kicker that leads into the title below: it ends with a dash or a colon (某某研究员——, 某地：)."""
    s = s.rstrip()
    return s.endswith(LEAD_IN_END) and cjk_count(s) >= 2 and not s.startswith(("—", "-"))


def is_deck_text(s: str) -> bool:
    """A deck printed with its dash: ——某区持续巩固创建成果."""
    return s.startswith(("——", "--", "—", "－－"))


def is_picture_label(s: str) -> bool:
    """图片报道, 广告 and the like: the label of a picture or an advert, not a title."""
    return PICTURE_LABEL.match(re.sub(r"\s+", "", s)) is not None


def is_photo_report_label(s: str) -> bool:
    """图片报道, 新闻图片 and the like: the label over a picture report's photographs."""
    return PHOTO_REPORT_LABEL.match(re.sub(r"\s+", "", s)) is not None


@dataclass(frozen=True, slots=True)
class HeaderSlots:
    """Line numbers (indexes into the page's non-blank lines) of an archive file's headline slots."""

    kicker: int | None
    title: int
    deck: int | None
    body: int  # first line below the headline


def _raw_lines(text: str, n: int) -> list[tuple[int, int]]:
    """Spans of the first ``n`` physical lines of ``text`` (line ends excluded)."""
    out = []
    pos = 0
    for _ in range(n):
        if pos > len(text):
            break
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        out.append((pos, end))
        pos = end + 1
    return out


def _indent(text: str, a: int, b: int) -> int:
    i = a
    while i < b and text[i] in " \t":
        i += 1
    return i - a


def file_header(text: str, starts: list[int], kinds: list[str]) -> HeaderSlots | None:
    """The kicker/title/deck slots of a page laid out as one archive file, else None.

    ``starts`` are the start offsets (after indentation) of the page's non-blank
    lines, ``kinds`` their classification. The layout: the first physical line is
    the kicker or blank, the second the title, the third the deck or blank, each
    set flush left; the paragraphs below are indented (most of them).
    """
    raw = _raw_lines(text, 4)
    if len(raw) < 3:
        return None
    slots: list[int | None] = []
    for k, (a, b) in enumerate(raw[:3]):
        if not text[a:b].strip():
            slots.append(None)
            continue
        if _indent(text, a, b):
            if k < 2:
                return None  # kicker and title are set flush left
            slots.append(None)  # the body starts right under the title
            continue
        slots.append(a)
    kicker_at, title_at, deck_at = slots
    if title_at is None:
        return None
    index = {s: i for i, s in enumerate(starts)}
    title = index.get(title_at)
    if title is None or kinds[title] in ("furniture", "dateline", "byline", "credit"):
        return None
    kicker = index.get(kicker_at) if kicker_at is not None else None
    deck = index.get(deck_at) if deck_at is not None else None
    if kicker is not None and kinds[kicker] in ("furniture", "dateline", "byline"):
        return None
    if deck is not None and kinds[deck] in ("dateline", "byline", "furniture"):
        deck = None
    body = (deck if deck is not None else title) + 1
    rest = starts[body:]
    if rest:
        indented = 0
        for s in rest:
            line_start = text.rfind("\n", 0, s) + 1
            indented += s - line_start >= 2
        if indented < 0.6 * len(rest):
            return None
    return HeaderSlots(kicker, title, deck, body)
