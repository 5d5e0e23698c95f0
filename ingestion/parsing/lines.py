"""A page's lines, each classified: what a line is before anyone asks which article it belongs to.

Kinds (``Line.kind``):

* ``dateline``: a paragraph opening with 本报讯（记者…）, 河北日报(记者…), 本报电,
  本报石家庄2月4日电（记者…）; it both credits people and starts the body.
* ``byline``: a line that is only a credit (本报记者 X 本报通讯员 Y Z,
  河北日报记者 X 通讯员 Y, …摄影报道).
* ``credit``: a photo credit (河北日报通讯员 X摄, X摄（某某视觉））, a names-only
  摄影报道 line, or a bracketed credit line (（张三 李四）).
* ``caption``: a line that says it is a caption (上图/下图/图为…, （资料片）).
* ``deck``: a headline line opening with a dash (——海港区…).
* ``head``: a short line without sentence punctuation outside quotation marks:
  a headline, kicker (one ending with a dash leads into the title below),
  section label, inner subheading, a picture's caption or a commentator's name.
* ``furniture``: editors', layout and chart credits, edition lines.
* ``body``: everything else, notes in brackets (（作者为…）), a report's fact lines
  (时间：…, 地点：…, 日程：…) and a key-points box's label (核心阅读) included.

A headline broken over two lines (no blank line between them on a page that
separates paragraphs with blank lines, or a quotation left open at the break)
is joined into one ``head`` line. Paragraphs that repeat earlier text (an OCR
column break) are marked ``dup``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ingestion.parsing.credits import (
    CAPTION_END,
    CAPTION_START,
    PICTURE_SOURCE,
    ROLE_RE,
    dateline_match,
    inline_photo_credit,
    is_byline_line,
    is_furniture,
    is_photo_credit,
    trailing_credit,
)
from ingestion.parsing.headlines import (
    BRIEFS_LABEL,
    MAX_DECK,
    MAX_HEAD,
    balanced,
    is_deck_text,
    is_headline_like,
    is_lead_in,
)
from ingestion.parsing.normalise import duplicate_spans, paragraphs

_MD = re.compile(r"^(#{1,6})\s*")
_BULLET = re.compile(r"(?:[■●▲◆□★☆◇○◎▶►•>]|[-+*]\s)\s*")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
GAP = 2  # blank lines that mark a picture's place (a layout break)


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ costs 3x, and pages make thousands
class Line:
    index: int
    start: int  # span of the stripped line in the page
    end: int
    text_start: int  # after markdown heading marks and bullets
    md: int  # markdown heading level, 0 when none
    blanks: int  # blank lines right before this one
    kind: str  # dateline | byline | credit | caption | deck | head | body
    dup: bool  # repeats an earlier paragraph (OCR column break)
    bullet: bool = False  # opens with a bullet mark (■ ● ▲ …)

    def text(self, page: str) -> str:
        """The line's text; a headline broken over two lines keeps the line break inside."""
        return page[self.text_start : self.end]


_CONTINUES = "，,、；;：:"  # a line opening with one of these is the rest of a sentence
# A fact line of a report set as a form (时间：某日下午 / 地点：某地 / 日程：某人参加某会): text that
# reports, though short and unpunctuated like a subheading.
_FACT_LINE = re.compile(r"(?:时间|日期|日程|议程|行程|地点|地址)[：:]\s*[^\s：:]")
# The label of a story's key-points box (核心阅读, 阅读提示): part of the story under the headline, never a title.
_KEY_POINTS = re.compile(r"(?:核心阅读|阅读提示|内容提要|编者按|导读)[：:]?$")


def _classify(s: str) -> str:
    if is_furniture(s):
        return "furniture"
    head = s[:14]
    if any(c in head for c in "报社网线闻体端台") and dateline_match(s):  # the last characters of a paper's or a site's name
        return "dateline"
    if len(s) > MAX_DECK:
        # Long lines are body text unless they announce a picture, or end with its credit after a
        # role word or a 图为 (…带动千余人就业。本报记者 王一 摄).
        if CAPTION_START.match(s) or CAPTION_END.search(s):
            return "caption"
        if (m := inline_photo_credit(s)) and (ROLE_RE.search(m.group()) or "图为" in s or PICTURE_SOURCE.search(s)):
            return "caption"
        return "body"
    if s[-1] == "。" and not CAPTION_START.match(s) and s[0] not in "—-－":
        return "body"  # a sentence: no credit, caption credit, deck or headline ends with 。
    if is_byline_line(s):
        return "byline"
    if is_photo_credit(s):
        return "credit"
    if s.startswith("(") and s.endswith(")"):
        m = trailing_credit(s)
        if m and m.start() <= 1:
            return "credit"
    if CAPTION_START.match(s) or CAPTION_END.search(s):
        return "caption"
    if s[0] == "(" and s[-1] == ")" and s.count("(") == 1:
        return "body"  # a note in brackets (（作者为…）, （2020年5月1日…通过）): text, never a headline
    if inline_photo_credit(s):
        return "caption"  # a picture's text ending with its credit
    if _FACT_LINE.match(s) or _KEY_POINTS.match(s):
        return "body"
    if is_deck_text(s) and is_headline_like(s.lstrip("—-－ "), MAX_DECK):
        return "deck"
    if is_headline_like(s) or (is_lead_in(s) and is_headline_like(s.rstrip("—-:： "))):
        return "head"  # a kicker leading into the title below ends with a dash: 某地某人——
    return "body"


def classify_lines(text: str) -> list[Line]:
    """Every non-blank line of the (normalised) page, classified."""
    spans = paragraphs(text)
    dups = duplicate_spans(text, spans)
    lines: list[Line] = []
    prev_end = 0
    carry = 0
    for i, (a, b) in enumerate(spans):
        # Blank lines above the page's first line are no picture's place.
        blanks = max(0, text.count("\n", prev_end, a) - 1) if lines else 0
        prev_end = b
        raw = text[a:b]
        md = 0
        ts = a
        m = _MD.match(raw)
        if m:
            md = len(m.group(1))
            ts = a + m.end()
        m2 = _BULLET.match(text, ts, b) if ts < b else None
        if m2:
            ts = m2.end()
        te = b
        while ts < te and text[ts] in "*_":
            ts += 1
        while te > ts and text[te - 1] in "*_":
            te -= 1
        s = text[ts:te].strip()
        if not _HAS_CJK.search(s):
            # Rules, image links and page furniture without text count as space.
            carry += blanks + 1
            continue
        kind = _classify(s)
        if kind == "body" and s[0] in _CONTINUES and lines and lines[-1].kind == "head" and not lines[-1].md:
            # A line that opens with a comma goes on with the one above: that was no headline either.
            lines[-1] = dataclasses.replace(lines[-1], kind="body")
        lines.append(Line(len(lines), a, te, ts, md, blanks + carry, kind, i in dups, m2 is not None))
        carry = 0
    return _join_broken_headlines(lines, text)


def is_spaced(lines: list[Line]) -> bool:
    """True when the page separates its paragraphs with blank lines (most lines follow a blank)."""
    return len(lines) >= 4 and sum(ln.blanks > 0 for ln in lines[1:]) >= 0.8 * (len(lines) - 1)


def _broken_headline(first: Line, second: Line, page: str, spaced: bool) -> bool:
    """True when two lines are one headline broken by a narrow column or the OCR.

    Either the second line follows with no blank line on a page that puts blank lines
    between paragraphs (the two lines are one block of type), or the first line leaves
    a quotation open that the second closes. The first line must not be a kicker or a
    briefs label of its own, and the two together must read as one headline.
    """
    if first.dup or second.dup or second.md or second.bullet or second.blanks >= GAP:
        return False
    if first.kind not in ("head", "body") or second.kind not in ("head", "body"):
        return False
    if (first.end - first.text_start) + (second.end - second.text_start) > MAX_HEAD:
        return False
    s1, s2 = first.text(page), second.text(page)
    if is_lead_in(s1) or (s1.startswith("“") and s1.endswith("”")) or BRIEFS_LABEL.search(s1):
        return False
    joined = s1 + s2
    if not is_headline_like(joined) or dateline_match(s2) or is_byline_line(s2):
        return False
    if spaced and second.blanks == 0:
        return True
    return not balanced(s1) and not balanced(s2)


def _join_broken_headlines(lines: list[Line], page: str) -> list[Line]:
    """Lines with each broken headline joined into one ``head`` line spanning both."""
    spaced = is_spaced(lines)
    if not any(_broken_headline(a, b, page, spaced) for a, b in zip(lines, lines[1:], strict=False)):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if i + 1 < len(lines) and _broken_headline(ln, lines[i + 1], page, spaced):
            nxt = lines[i + 1]
            ln = Line(len(out), ln.start, nxt.end, ln.text_start, ln.md, ln.blanks, "head", False, ln.bullet)
            i += 2
        else:
            ln = Line(len(out), ln.start, ln.end, ln.text_start, ln.md, ln.blanks, ln.kind, ln.dup, ln.bullet)
            i += 1
        out.append(ln)
    return out
