"""Headline groups → article layouts: what both page layouts build articles from.

``segment`` (a page of several articles) and ``segment_archive`` (a file holding one
article of an archive) find each article's headline group and anchor as a ``Draft``
(``group_above``, ``make_draft``: which line of the group is the title, the kicker, the
deck, a section label or a caption); ``assemble`` turns the drafts, in page order, into
``ArticleLayout``s: each article runs until the next one's first line, with its section,
credits, closing credits, body and the sentences that report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.parsing.credits import (
    PHOTO_CREDIT_END,
    closing_credit_start,
    dateline_head,
    dateline_match,
    inline_photo_credit,
    trailing_credit,
)
from ingestion.parsing.headlines import (
    BRIEFS_LABEL,
    MAX_DECK,
    MIN_TITLE,
    is_headline_like,
    is_lead_in,
    split_label,
)
from ingestion.parsing.lines import GAP, Line

CLAUSE_MARK = re.compile(r"[,，、]")

MIN_FEATURE_CHARS = 800


# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ArticleLayout:
    title: tuple[int, int]
    subtitle: tuple[int, int] | None  # deck (——…) or a sentence under the title
    kicker: tuple[int, int] | None
    section: str | None  # the label's text (normalised)
    section_span: tuple[int, int] | None  # where the label is printed
    kind: str  # news | brief | feature
    credit_spans: tuple[tuple[int, int], ...]  # text holding bylines and credits, for people
    # Bracketed credits closing the story or one of its paragraphs (（张三 李四）, （综合本报记者…报道）)
    closing_credits: tuple[tuple[int, int], ...]
    body_spans: tuple[tuple[int, int], ...]  # headline lines + leads + body + captions, no repeats
    dateline_place: str | None
    # body_spans without headline lines and inner subheadings: the sentences that report
    prose_spans: tuple[tuple[int, int], ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PageLayout:
    banner: tuple[int, int] | None
    articles: tuple[ArticleLayout, ...]
    lines: tuple[Line, ...]
    no_article: str | None = None  # picture | advert | headline only: a page that holds no article by design


@dataclass(slots=True)
class Draft:
    anchor: int  # index of the dateline/byline line (or first body line of an unanchored item)
    group: list[int]  # head/deck lines above the anchor
    title: int
    deck: int | None
    kicker: int | None
    labels: list[int]  # section labels inside the group
    captions: list[int]  # captions inside the group (after a gap)
    leads: list[int]
    boundary: int | None  # label/caption line that opened the leads
    first: int  # first line that belongs to the article
    anchored: str  # dateline | byline | none | photo | bullet | author | credit | file
    title_top: int | None = None  # first line of a title printed on two lines
    deck_top: int | None = None  # first line of a deck printed on two lines (a content deck, then 某某出席)

def _is_deck(lines: list[Line], page: str, i: int, above: int | None) -> bool:
    """A dashed subtitle, or a whole sentence printed under the title (too long for a headline)."""
    ln = lines[i]
    if ln.kind == "deck":
        return True
    if above is None or ln.kind not in ("head", "body"):
        return False
    s, t = ln.text(page), lines[above].text(page)
    if len(t) < MIN_TITLE or BRIEFS_LABEL.search(t):
        return False  # what is above is a section label, so this line is the title
    commas = s.count(",") + s.count("，")
    return len(s) > 25 and len(s) > 1.5 * len(t) and commas >= 2 and "," not in t and "，" not in t


def _is_kicker(lines: list[Line], page: str, i: int, title: int) -> bool:
    s = lines[i].text(page)
    if is_lead_in(s):
        return True  # 某地： / 某某研究员—— leads into the title
    if s.startswith("“") and s.endswith("”") and s.count("“") == 1:
        return True
    return bool(lines[i].md and lines[title].md and lines[i].md > lines[title].md)


def group_above(lines: list[Line], page: str, anchor: int, floor: int, banner: int | None) -> list[int]:
    """Head/deck lines right above ``anchor`` (not below ``floor``), top to bottom."""
    group: list[int] = []
    j = anchor - 1
    while j >= floor and j != banner:
        ln = lines[j]
        s = ln.text(page)
        ok = ln.kind == "head" or (ln.kind == "deck" and not group)  # a deck sits under its title
        if not ok and not group and ln.kind == "body" and is_headline_like(s, MAX_DECK):
            # A whole-sentence deck between title and byline (青龙… / 截至目前,…), or a
            # headline too long for a head line that opens the page right above its dateline.
            ok = (j - 1 >= floor and lines[j - 1].kind == "head") or all(
                k == banner or lines[k].kind == "furniture" for k in range(j)
            )
        if not ok:
            break
        group.insert(0, j)
        if ln.blanks >= GAP:
            break  # a picture sat above: nothing higher belongs to this headline
        j -= 1
    return group


# A line saying what a meeting or a letter went on to do (部署…, 勉励他们…, 强调…): under the line naming
# the event (李克强主持召开…会议, 习近平给…回信) it is the deck, and the event is the title.
_CONTENT_DECK = re.compile(r"(?:部署|勉励|强调|指出|要求|听取|希望|号召|研究|审议|决定|宣读)")
# …unless the line above leads into it (某某在…时强调), which makes that line the kicker
_LEADS_INTO = re.compile(r"(?:强调|指出|表示|要求|说|：|:|——|—)$")


def event_over_content(lines: list[Line], page: str, event: int, content: int) -> bool:
    """True when ``content`` is a content deck under ``event``, the title of the story."""
    upper, lower = lines[event], lines[content]
    if upper.kind != "head" or upper.blanks or not _CONTENT_DECK.match(lower.text(page)):
        return False
    s = upper.text(page)
    return len(s) >= MIN_TITLE and not _LEADS_INTO.search(s) and not BRIEFS_LABEL.search(s)


def make_draft(lines: list[Line], page: str, anchor: int, group: list[int], anchored: str) -> Draft:
    deck = None
    rest = list(group)
    if len(rest) >= 2 and _is_deck(lines, page, rest[-1], rest[-2]):
        deck = rest.pop()
    title = rest.pop()
    deck_top = None
    if rest and event_over_content(lines, page, rest[-1], title):
        if deck is None:
            deck = title
        else:
            deck_top = title
        title = rest.pop()
    title_top = None
    if len(rest) >= 2 and _two_line_title(lines, page, rest[-2], rest[-1], title):
        title_top = rest.pop()
    kicker = None
    if rest and _is_kicker(lines, page, rest[-1], title):
        kicker = rest.pop()
    labels, captions = [], []
    in_caption = False
    for k in rest:
        if lines[k].blanks >= GAP:
            in_caption = True
        elif lines[k].blanks > 0:
            in_caption = False
        (captions if in_caption else labels).append(k)
    return Draft(anchor, group, title, deck, kicker, labels, captions, [], None, group[0], anchored, title_top, deck_top)


MAX_TITLE_HALF = 12  # each line of a title broken in two under its kicker


def _two_line_title(lines: list[Line], page: str, kicker: int, top: int, title: int) -> bool:
    """True when ``top`` and ``title`` are one title set on two lines under a lead-in kicker.

    某地某人——/全员无休假/起早来执勤: two short head lines below a kicker that leads in with
    a dash or a colon are the two halves of its title, not a label and a title.
    """
    a, b = lines[top], lines[title]
    if a.kind != "head" or b.kind != "head" or b.blanks or a.md != b.md:
        return False
    s1, s2 = a.text(page), b.text(page)
    if not is_lead_in(lines[kicker].text(page)) or is_lead_in(s1) or BRIEFS_LABEL.search(s1):
        return False
    return len(s1) <= MAX_TITLE_HALF and len(s2) <= MAX_TITLE_HALF

def section_text(lines: list[Line], page: str, i: int) -> str:
    return lines[i].text(page).strip()

def assemble(lines: list[Line], page: str, drafts: list[Draft]) -> list[ArticleLayout]:
    out = []
    n = len(lines)
    section: str | None = None
    section_span: tuple[int, int] | None = None
    section_md = 0
    section_count = 0
    section_briefs = False
    for k, d in enumerate(drafts):
        nxt_first = drafts[k + 1].first if k + 1 < len(drafts) else n
        last = nxt_first - 1
        if k + 1 == len(drafts):
            # Labels printed at the foot of the page head nothing that follows.
            while last > d.anchor and lines[last].kind == "head" and not CLAUSE_MARK.search(lines[last].text(page)):
                last -= 1
        label = (
            d.labels[-1]
            if d.labels
            else (
                d.boundary
                if d.boundary is not None and lines[d.boundary].kind == "head" and lines[d.boundary].blanks < GAP
                else None
            )
        )
        title_md = lines[d.title].md
        if label is not None:
            section = section_text(lines, page, label)
            section_span = (lines[label].text_start, lines[label].end)
            section_md = lines[label].md
            section_count = 0
            section_briefs = bool(BRIEFS_LABEL.search(section))
        else:
            broke = bool(d.captions) or (d.boundary is not None and label is None)
            if section_md and title_md and title_md <= section_md and section_count:
                broke = True
            if section_briefs and d.anchored == "byline":
                broke = True
            if d.anchored == "photo":
                broke = True  # a picture with its own headline stands apart from the column above
            if broke:
                section, section_md, section_count, section_briefs = None, 0, 0, False
                section_span = None
        section_count += 1

        credit_spans: list[tuple[int, int]] = []
        body_spans: list[tuple[int, int]] = []
        heading_spans: set[tuple[int, int]] = set()
        closings: list[tuple[int, int]] = []
        subheads = 0
        body_chars = 0
        place = None
        head_lines = [x for x in (d.kicker, d.title_top, d.title, d.deck_top, d.deck) if x is not None]
        for x in sorted(head_lines):
            body_spans.append((lines[x].text_start, lines[x].end))
            heading_spans.add(body_spans[-1])
        for x in d.leads:
            if not lines[x].dup:
                body_spans.append((lines[x].text_start, lines[x].end))
                body_chars += lines[x].end - lines[x].start
        for j in range(d.anchor, last + 1):
            ln = lines[j]
            if j in head_lines or ln.kind == "furniture":
                continue
            s = ln.text(page)
            if ln.kind == "dateline":
                # The story's own dateline, or one of several in a round-up: each credits people.
                m = dateline_match(s)
                cgroup = "credit" if m.group("credit") else ("bare" if m.group("bare") else None)
                cs = ln.text_start + (m.start(cgroup) if cgroup else m.end("head"))
                ce = ln.text_start + m.end()
                credit_spans.append((ln.text_start, ce))
                if j == d.anchor:
                    place = m.group("place") or m.group("place2")
                    place = place.split("、")[0] if place else None
                if ln.dup:
                    continue
                body_spans.append((ln.text_start, cs))
                if ce < ln.end:
                    body_spans.append((ce, ln.end))
                body_chars += ln.end - ce
                continue
            if ln.kind == "credit" and s.startswith("(") and not PHOTO_CREDIT_END.search(s):
                m = trailing_credit(s)
                if m:  # a closing credit printed on a line of its own
                    closings.append((ln.text_start + closing_credit_start(s, m), ln.end))
                    # its dateline (（新华社北京1月3日电 记者…）) names where the story was filed from,
                    # like a dateline opening the story: a place for the regions, no prose
                    head = dateline_head(s, m.start("inner"))
                    if head and (head.group("place") or head.group("place2")):
                        body_spans.append((ln.text_start + head.start(), ln.text_start + head.end()))
                        heading_spans.add(body_spans[-1])
                    continue
            if ln.kind in ("byline", "credit"):
                credit_spans.append((ln.text_start, ln.end))
                continue
            if ln.dup:
                continue
            if ln.kind == "caption":
                m = inline_photo_credit(s)
                if m and m.start() > 0:
                    credit_spans.append((ln.text_start + m.start(), ln.end))
                    body_spans.append((ln.text_start, ln.text_start + m.start()))
                    continue
            body_spans.append((ln.text_start, ln.end))
            if ln.kind == "head" and j != d.anchor:
                subheads += 1
                heading_spans.add(body_spans[-1])
            if ln.kind == "body":
                body_chars += ln.end - ln.start
                if s.endswith(")"):
                    m = trailing_credit(s)  # a paragraph of a round-up closed by its reporter's credit
                    if m and m.start() > 0:
                        closings.append((ln.text_start + closing_credit_start(s, m), ln.end))
        # A story closed by a bracketed credit: …。（张三 李四）, even on a repeated paragraph.
        for j in range(last, d.anchor - 1, -1):
            ln = lines[j]
            if ln.kind in ("credit", "byline") or (ln.dup and trailing_credit(ln.text(page)) is None):
                continue  # a repeated paragraph still carries the credit printed after it
            if ln.kind == "body" or (ln.kind == "dateline" and j == d.anchor):
                m = trailing_credit(ln.text(page))
                span = (ln.text_start + closing_credit_start(ln.text(page), m), ln.end) if m and m.start() > 0 else None
                if span and span not in closings:
                    closings.append(span)
            break
        t0, t1 = lines[d.title if d.title_top is None else d.title_top].text_start, lines[d.title].end
        art_section, art_section_span = section, section_span
        split = split_label(page[t0:t1])
        if split:  # 标题（某某专栏）, 【某某专栏】标题: the bracketed column label is a section, not title text
            (la, lb), (a, b) = split
            la, lb = t0 + la, t0 + lb
            t0, t1 = t0 + a, t0 + b
            if art_section is None:
                art_section, art_section_span = page[la:lb].strip(), (la, lb)
        if section_briefs or d.anchored == "bullet":
            kind = "brief"
        elif d.anchored == "byline" or (subheads and body_chars >= MIN_FEATURE_CHARS):
            kind = "feature"
        else:
            kind = "news"
        out.append(
            ArticleLayout(
                title=(t0, t1),
                subtitle=(lines[d.deck if d.deck_top is None else d.deck_top].text_start, lines[d.deck].end)
                if d.deck is not None
                else None,
                kicker=(lines[d.kicker].text_start, lines[d.kicker].end) if d.kicker is not None else None,
                section=art_section,
                section_span=art_section_span,
                kind=kind,
                credit_spans=tuple(credit_spans),
                closing_credits=tuple(closings),
                body_spans=tuple(body_spans),
                dateline_place=place,
                prose_spans=tuple(x for x in body_spans if x not in heading_spans),
                start=lines[d.first].start,
                end=lines[last].end,
            )
        )
    return out
