"""Page layout → articles, from the structure of the text alone.

A page arrives as OCR or markdown text: one paragraph per line, blank lines
between paragraphs, and larger gaps (two or more blank lines) where a picture
sat. Each line is classified first (``lines.classify_lines``: dateline,
byline, credit, caption, deck, head, furniture, body); headline rules live in
``headlines``, credit rules in ``credits``.

Two layouts are read:

**A file holding one article of an archive** (``headlines.file_header``: the
kicker, title and deck in the first three physical lines, flush left; the
paragraphs indented): ``segment_archive``. Both layouts build their articles from
headline groups and anchors (``drafts``).

**A page of several articles** (everything else). An article is a headline
group followed by a dateline or byline (the anchor). The group is the run of
head lines right above the anchor: its last line is the title unless that is a
deck; a line before the title that leads in (ends with a colon or a dash), is
wholly quoted or is a deeper markdown heading is the kicker; lines above are
section labels, or a picture's caption when they follow a gap. Features often
print lead paragraphs above their title: body paragraphs between a boundary
(the banner, a section label, a caption after a gap) and a byline-anchored
title are that feature's leads. An article runs until the next article's first
line; duplicated paragraphs are dropped from its body.

Under a briefs label (新闻速递, 简讯, 速览 …) a headline followed by a body
paragraph is a brief even without a dateline; where the column's other items
carry datelines, only a headline set like theirs (same markdown level, a
bullet, the ``who：what`` form) is one. Bulleted headlines (■ ● ▲ ◆) over text
above the page's first anchored story are a briefs column of their own. Photo
news is a headline by a picture (after a gap, or where the text above ends), one
caption paragraph and the photographer's credit. A page with no anchor at all
is read as a single story (title, body, maybe a trailing （name） credit).

In both layouts: two short head lines under a kicker that leads in are one title
set on two lines; a column label bracketed at the end of the title line
(…（快评）) is the article's section, not title text (``headlines.column_label``);
every dateline and closing credit of an article credits people, so a round-up
closing several paragraphs with credits credits them all. A credit closing a
story (…。（张三 李四）, or on a line of its own) is kept apart from the other
credits: its names without a role word are the writers, or the correspondents
when a reporter is already credited (``page._credits``).
"""

from __future__ import annotations

import re

from ingestion.parsing.credits import (
    inline_photo_credit,
)
from ingestion.parsing.drafts import Draft, PageLayout, assemble, group_above, make_draft
from ingestion.parsing.headlines import (
    BRIEFS_LABEL,
    file_header,
    is_headline_like,
)
from ingestion.parsing.lines import GAP, Line, classify_lines, is_spaced
from ingestion.parsing.segment_archive import segment_file

_SENTENCE_END = "。！？!?…"
_CLOSERS = '”’」』)"'




def _ends_sentence(s: str) -> bool:
    s = s.rstrip()
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _SENTENCE_END


def _find_banner(lines: list[Line], page: str) -> int | None:
    """The campaign line across the top of the page, if the first line is one."""
    top = next((i for i, ln in enumerate(lines) if ln.kind != "furniture"), None)
    if top is None:
        return None
    first = lines[top]
    s = first.text(page)
    if first.kind != "head" and not (first.kind == "body" and is_headline_like(s, 60)):
        return None
    if first.md:
        return None
    nxt = lines[top + 1] if len(lines) > top + 1 else None
    if nxt is None or nxt.kind in ("dateline", "byline", "deck"):
        return None
    parts = [p for p in s.split() if len(p) >= 6]
    if len(s) >= 20 or len(parts) >= 2:
        return top
    return None


def _find_leads(lines: list[Line], page: str, d: Draft, floor: int, banner: int | None) -> None:
    """Body paragraphs printed above a feature's headline, opened by a boundary line."""
    if d.anchored != "byline" or d.labels or d.captions:
        return
    leads: list[int] = []
    j = d.first - 1
    while j >= floor and j != banner and lines[j].kind == "body" and len(leads) < 3:
        leads.insert(0, j)
        j -= 1
    if not leads:
        return
    at_top = j == banner or all(lines[k].kind == "furniture" for k in range(j + 1))
    if not at_top:
        if j < floor:
            return  # the paragraphs above are the previous article's
        b = lines[j]
        if b.kind not in ("head", "caption"):
            return
        if b.kind == "head" and (b.md > lines[d.title].md > 0 or _WHO_WHAT.match(b.text(page))):
            # A lower heading or a ``who：what`` headline above is another item's
            # title (a brief without a dateline), not a label opening leads.
            return
        if b.blanks >= GAP or b.kind == "caption":
            # A caption after a picture: the text before it must be complete,
            # or the paragraphs under the picture continue that text.
            if j - 1 >= 0 and lines[j - 1].kind == "body" and not _ends_sentence(lines[j - 1].text(page)):
                return
        d.boundary = j
        d.first = j
    else:
        d.first = leads[0]
    d.leads = leads


_WHO_WHAT = re.compile(r"^[^:：]{2,16}[:：]")


def _same_shape(a: Line, b: Line, page: str) -> bool:
    """Two headlines set alike: the same markdown level, both bulleted, or both ``who：what``."""
    if a.md and a.md == b.md:
        return True
    if a.bullet and b.bullet:
        return True
    return bool(_WHO_WHAT.match(a.text(page)) and _WHO_WHAT.match(b.text(page)))


def _is_briefs_label(ln: Line, page: str) -> bool:
    s = ln.text(page)
    return ln.kind == "head" and len(s) <= 12 and BRIEFS_LABEL.search(s) is not None


def _briefs_items(lines: list[Line], page: str, taken: set[int], anchored: list[Draft]) -> list[Draft]:
    """Headline + body pairs under a briefs label that carry no dateline.

    Where the column's other items carry datelines, a headline-like line without one
    is an item only when it is set like those items' headlines (same markdown level,
    a bullet, the ``who：what`` form); otherwise it is a subheading or a caption there.
    """
    drafts = []
    n = len(lines)
    titles = sorted(d.title for d in anchored)
    for i, ln in enumerate(lines):
        if not _is_briefs_label(ln, page):
            continue
        end = i + 1  # the column runs to a picture gap, a byline, a heading as high, another label
        while end < n:
            cur = lines[end]
            if cur.blanks >= GAP or cur.kind == "byline" or (ln.md and cur.md and cur.md <= ln.md):
                break
            if _is_briefs_label(cur, page):
                break
            end += 1
        dated = [t for t in titles if i < t < end]
        first_item = len(drafts)
        for j in range(i + 1, end - 1):
            cur, nxt = lines[j], lines[j + 1]
            if cur.kind != "head" or nxt.kind != "body" or nxt.dup or j in taken or j + 1 in taken:
                continue
            if dated and not any(_same_shape(cur, lines[t], page) for t in dated):
                continue
            d = make_draft(lines, page, j + 1, [j], "none")
            if not dated and not any(x.labels for x in drafts[first_item:]):
                d.labels = [i]  # the column's label heads its first item
                d.group = [i, j]
                d.first = i
            drafts.append(d)
    return drafts


def _after_break(lines: list[Line], page: str, i: int, banner: int | None, spaced: bool) -> bool:
    """True when line ``i`` can open a picture's block: after a gap, at the top, or where the text above ends.

    Pages without blank lines show no gap where the picture sat; there the line
    above must close something (a credit, or a paragraph's last sentence).
    """
    if lines[i].blanks >= GAP or i == 0 or (banner is not None and i == banner + 1):
        return True
    if all(lines[k].kind == "furniture" for k in range(i)):
        return True
    if spaced:
        return False  # the page shows its pictures' gaps, and there is none here
    above = lines[i - 1]
    return above.kind == "credit" or (above.kind in ("body", "dateline") and _ends_sentence(above.text(page)))


def _photo_items(lines: list[Line], page: str, taken: set[int], banner: int | None) -> list[Draft]:
    """Photo news: a headline by a picture, one caption paragraph, the photographer's credit.

    The credit closes the caption (…。 本报记者 张三 摄, …。（李四 摄）) or stands on
    the next line, and no running text follows: text that goes on is a story.
    """
    drafts = []
    n = len(lines)
    spaced = is_spaced(lines)
    for i, ln in enumerate(lines):
        if ln.kind != "head" or ln.dup or i == banner or i in taken or i + 1 >= n:
            continue
        if not _after_break(lines, page, i, banner, spaced):
            continue
        cap = lines[i + 1]
        if cap.kind not in ("body", "caption") or cap.dup or cap.blanks >= GAP or i + 1 in taken:
            continue
        s = cap.text(page)
        end = i + 1
        if not inline_photo_credit(s):
            if i + 2 >= n or lines[i + 2].kind != "credit" or lines[i + 2].blanks >= GAP:
                continue
            end = i + 2
        nxt = lines[end + 1] if end + 1 < n else None
        if nxt is not None and nxt.blanks < GAP and nxt.kind in ("body", "dateline", "credit", "caption"):
            continue
        drafts.append(make_draft(lines, page, i + 1, [i], "photo"))
        taken.update(range(i, end + 1))
    return drafts


def _bullet_items(lines: list[Line], page: str, taken: set[int], anchored: list[Draft], banner: int | None) -> list[Draft]:
    """A column of bulleted headlines (■ ● …) over text, outside any anchored story.

    Inside a story bullets mark subheadings, so only items above the page's first
    dateline- or byline-anchored story count. A headline-like line right above the
    first item is the column's label.
    """
    limit = min((d.first for d in anchored), default=len(lines))
    drafts: list[Draft] = []
    for j in range(limit - 1):
        cur, nxt = lines[j], lines[j + 1]
        if not cur.bullet or cur.kind != "head" or j in taken or j + 1 in taken:
            continue
        if nxt.kind != "body" or nxt.dup:
            continue
        d = make_draft(lines, page, j + 1, [j], "bullet")
        above = j - 1
        if not drafts and above >= 0 and above != banner and above not in taken:
            if lines[above].kind == "head" and not lines[above].bullet and lines[j].blanks < GAP:
                d.labels = [above]
                d.group = [above, j]
                d.first = above
        drafts.append(d)
        taken.update(range(d.first, j + 2))
    return drafts


def _title_below(lines: list[Line], page: str, anchor: int) -> int | None:
    """The headline right under a byline that has none above it, if any."""
    if lines[anchor].kind != "byline" or anchor + 2 >= len(lines):
        return None
    head, nxt = lines[anchor + 1], lines[anchor + 2]
    if head.kind == "head" and not head.dup and nxt.kind in ("body", "dateline"):
        return anchor + 1
    return None


def _single_story(lines: list[Line], page: str, banner: int | None) -> list[Draft]:
    """A page without any dateline or byline: its first headline and what follows."""
    for i, ln in enumerate(lines):
        if i == banner and i + 1 < len(lines) and lines[i + 1].kind == "body":
            banner = None  # a lone title is not a banner
        if ln.kind == "head" and i != banner and i + 1 < len(lines) and lines[i + 1].kind in ("body", "deck", "head"):
            group = [i]
            k = i + 1
            while k < len(lines) and lines[k].kind in ("deck",) and len(group) < 3:
                group.append(k)
                k += 1
            if k < len(lines) and lines[k].kind == "body":
                return [make_draft(lines, page, k, group, "none")]
    return []




def segment(text: str) -> PageLayout:
    """Banner and articles of a normalised page."""
    lines = classify_lines(text)
    header = file_header(text, [ln.start for ln in lines], [ln.kind for ln in lines])
    if header is not None:
        return segment_file(lines, text, header)
    banner = _find_banner(lines, text)
    drafts: list[Draft] = []
    floor = (banner + 1) if banner is not None else 0
    while floor < len(lines) and lines[floor].kind == "furniture":
        floor += 1
    taken: set[int] = set()
    seen_titles: set[str] = set()
    for i, ln in enumerate(lines):
        if ln.kind not in ("dateline", "byline"):
            continue
        if ln.kind == "byline" and drafts and drafts[-1].anchor == i - 1:
            continue  # a second credit line under the same headline
        group = group_above(lines, text, i, floor, banner)
        if not group:
            below = _title_below(lines, text, i)
            if below is None:
                continue
            # A commentary or a column prints the byline above its headline.
            d = make_draft(lines, text, i, [below], ln.kind)
            d.first = i
            drafts.append(d)
            taken.update(range(i, below + 1))
            floor = below + 1
            continue
        d = make_draft(lines, text, i, group, ln.kind)
        title_text = lines[d.title].text(text)
        if ln.dup and title_text in seen_titles:
            continue  # the same story printed twice by a column break
        seen_titles.add(title_text)
        _find_leads(lines, text, d, floor, banner)
        drafts.append(d)
        taken.update(range(d.first, i + 1))
        floor = i + 1
    extra = _briefs_items(lines, text, taken, drafts)
    for d in extra:
        taken.update(range(d.first, d.anchor + 1))
    extra += _photo_items(lines, text, taken, banner)
    extra += _bullet_items(lines, text, taken, drafts, banner)
    if extra:
        drafts = sorted(drafts + extra, key=lambda d: d.first)
    if not drafts:
        drafts = _single_story(lines, text, banner)
        if drafts and banner is not None and drafts[0].title == banner:
            banner = None
    articles = assemble(lines, text, drafts)
    banner_span = (lines[banner].text_start, lines[banner].end) if banner is not None else None
    return PageLayout(banner=banner_span, articles=tuple(articles), lines=tuple(lines))
