"""Page layout → articles, from the structure of the text alone.

A page arrives as OCR or markdown text: one paragraph per line, blank lines
between paragraphs, and larger gaps (two or more blank lines) where a picture
sat. Each line is classified first (``lines.classify_lines``: dateline,
byline, credit, caption, deck, head, furniture, body); headline rules live in
``headlines``, credit rules in ``credits``.

Two layouts are read:

**A file holding one article of an archive** (``headlines.file_header``: the
kicker, title and deck in the first three physical lines, flush left; the
paragraphs indented). The file's headline heads its article. Inside the body,
items with their own headline are articles of their own: a headline group over
a dateline or a byline line, over an author's name (commentaries, several to a
column), the parts of a round-up that each open with a headline and close with
a credit, headlines over text under a briefs label (新闻速递), headlines over a
captioned picture under a picture label. When the items start right under the
file's headline, that headline is their section label, not an article; body
text above the first item belongs to the file's own article. A picture or
advert label (图片报道, 广告) heads no article, nor does a headline with only
furniture below it (``PageLayout.no_article`` says which).

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

import dataclasses
import re
from dataclasses import dataclass

from ingestion.parsing.credits import (
    INLINE_PHOTO_CREDIT,
    PHOTO_CREDIT_END,
    closing_credit_start,
    dateline_match,
    trailing_credit,
)
from ingestion.parsing.headlines import (
    BRIEFS_LABEL,
    MAX_DECK,
    MIN_TITLE,
    HeaderSlots,
    column_label,
    file_header,
    is_headline_like,
    is_lead_in,
    is_picture_label,
)
from ingestion.parsing.lines import GAP, Line, classify_lines, is_spaced

_SENTENCE_END = "。！？!?…"
# Clause punctuation: a short line with it is cut-off text, not a label.
_CLAUSE_MARK = re.compile(r"[,，、]")
_CLOSERS = '”’」』)"'
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
class _Draft:
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


def _group_above(lines: list[Line], page: str, anchor: int, floor: int, banner: int | None) -> list[int]:
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


def _make_draft(lines: list[Line], page: str, anchor: int, group: list[int], anchored: str) -> _Draft:
    deck = None
    rest = list(group)
    if len(rest) >= 2 and _is_deck(lines, page, rest[-1], rest[-2]):
        deck = rest.pop()
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
    return _Draft(anchor, group, title, deck, kicker, labels, captions, [], None, group[0], anchored, title_top)


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


def _find_leads(lines: list[Line], page: str, d: _Draft, floor: int, banner: int | None) -> None:
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


def _briefs_items(lines: list[Line], page: str, taken: set[int], anchored: list[_Draft]) -> list[_Draft]:
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
            d = _make_draft(lines, page, j + 1, [j], "none")
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


def _photo_items(lines: list[Line], page: str, taken: set[int], banner: int | None) -> list[_Draft]:
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
        if not (s.endswith(("摄", "摄)")) and INLINE_PHOTO_CREDIT.search(s)):
            if i + 2 >= n or lines[i + 2].kind != "credit" or lines[i + 2].blanks >= GAP:
                continue
            end = i + 2
        nxt = lines[end + 1] if end + 1 < n else None
        if nxt is not None and nxt.blanks < GAP and nxt.kind in ("body", "dateline", "credit", "caption"):
            continue
        drafts.append(_make_draft(lines, page, i + 1, [i], "photo"))
        taken.update(range(i, end + 1))
    return drafts


def _bullet_items(lines: list[Line], page: str, taken: set[int], anchored: list[_Draft], banner: int | None) -> list[_Draft]:
    """A column of bulleted headlines (■ ● …) over text, outside any anchored story.

    Inside a story bullets mark subheadings, so only items above the page's first
    dateline- or byline-anchored story count. A headline-like line right above the
    first item is the column's label.
    """
    limit = min((d.first for d in anchored), default=len(lines))
    drafts: list[_Draft] = []
    for j in range(limit - 1):
        cur, nxt = lines[j], lines[j + 1]
        if not cur.bullet or cur.kind != "head" or j in taken or j + 1 in taken:
            continue
        if nxt.kind != "body" or nxt.dup:
            continue
        d = _make_draft(lines, page, j + 1, [j], "bullet")
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


def _single_story(lines: list[Line], page: str, banner: int | None) -> list[_Draft]:
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
                return [_make_draft(lines, page, k, group, "none")]
    return []


def _section_text(lines: list[Line], page: str, i: int) -> str:
    return lines[i].text(page).strip()


# ---------------------------------------------------------------------------
# A file holding one article of an archive (headline slots, indented body)
# ---------------------------------------------------------------------------
# Common single and compound surnames: a name printed alone under a commentary's headline.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "司徒", "端木")
_AUTHOR = re.compile(
    r"^(?:\((?P<country>[\u4e00-\u9fff]{2,10})\)\s*)?"
    r"(?P<name>[\u4e00-\u9fff] {1,3}[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,16})$"
)
# Briefs columns that a whole file can be: its items are short headlined paragraphs.
_BRIEFS_FILE = re.compile(r"(?:速递|速览|简讯|快讯|短讯|简报|集锦|播报|快报|一句话新闻|一览)$")
# Column names that head briefs as often as a story: their items must be short to be briefs.
_BRIEFS_FILE_LOOSE = re.compile(r"(?:要闻|动态|资讯|时讯|快递|短波)$")
MAX_BRIEF_LINES = 3  # text lines of one item in a column whose name alone does not say briefs
MAX_BRIEFS_LABEL = 8
MAX_ITEM_HEADS = 3  # kicker (a place, a person), title and one more line of an item's headline


def is_author_line(s: str) -> bool:
    """A commentary's author printed alone under its headline: 张  红, 王明钦, （某国）某某·某某."""
    m = _AUTHOR.match(s)
    if not m:
        return False
    name = m.group("name")
    if m.group("country") or "·" in name:
        return True
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def _closes_chunk(ln: Line, page: str) -> bool:
    """A paragraph, or a line of its own, that ends with a closing credit."""
    if ln.kind not in ("body", "credit", "dateline"):
        return False
    s = ln.text(page)
    if not s.endswith(")"):
        return False
    m = trailing_credit(s)
    return m is not None and (m.start() > 0 or ln.kind == "credit")


def _heads_then_text(lines: list[Line], page: str, start: int, taken: set[int]) -> int | None:
    """The first text line after one to three head lines from ``start``, else None."""
    k = start
    while k < len(lines) and lines[k].kind == "head" and k - start < MAX_ITEM_HEADS and k not in taken:
        if is_author_line(lines[k].text(page)):
            return None
        k += 1
    if k == start or k >= len(lines) or k in taken or lines[k].kind not in ("body", "dateline"):
        return None
    return k


def _file_items(lines: list[Line], page: str, hd: HeaderSlots, briefs: str | None, picture: bool) -> list[_Draft]:
    """Articles inside the body of an archive file: items with their own headline and credit.

    An item is a headline group over a dateline (本报电 …, 本报某地某日电（记者…）), a byline
    line (本报记者 某某), or an author's name (a commentary among several); in a round-up whose
    paragraphs close with credits, each part that opens with its own headline (a place line,
    a title) is an item; under a briefs label (新闻速递) each headline over text is one;
    under a picture label each headline over a captioned picture is one.
    """
    n = len(lines)
    b0 = hd.body
    drafts: list[_Draft] = []
    taken = set(range(b0))
    floor = b0
    for i in range(b0, n):
        ln = lines[i]
        kind = ln.kind
        if kind in ("dateline", "byline"):
            if i == b0 or (kind == "byline" and drafts and drafts[-1].anchor == i - 1):
                continue  # the file's own dateline or byline; a second credit line
        elif kind == "head" and i + 1 < n and lines[i + 1].kind in ("body", "dateline") and is_author_line(ln.text(page)):
            kind = "author"
        else:
            continue
        group = _group_above(lines, page, i, floor, None)
        if not group or (kind == "author" and any(is_author_line(lines[g].text(page)) for g in group)):
            continue
        if all(lines[g].bullet for g in group):
            continue  # ■ key points over the story's dateline, not an item's headline
        d = _make_draft(lines, page, i, group, kind)
        drafts.append(d)
        taken.update(range(d.first, i + 1))
        floor = i + 1
    if sum(d.anchored == "author" for d in drafts) == 1:
        # Commentaries come several to a column: one short line that reads as a name is a subheading.
        drafts = [d for d in drafts if d.anchored != "author"]
    starts = [j + 1 for j in range(b0, n) if _closes_chunk(lines[j], page)]
    first = b0
    while first < n and lines[first].kind == "body" and (not starts or first < starts[0]):
        first += 1  # an introduction above the round-up's first part
    starts.insert(0, first)
    if len(starts) >= 3:  # a round-up: two or more parts closed by their credits
        chunks = []
        for st in starts:
            k = _heads_then_text(lines, page, st, taken) if st < n and st not in taken else None
            if k is not None:
                chunks.append(_make_draft(lines, page, k, list(range(st, k)), "credit"))
        if len(chunks) >= 2:
            for d in chunks:
                taken.update(range(d.first, d.anchor + 1))
            drafts += chunks
    if briefs or picture:
        found: list[_Draft] = []
        for j in range(b0, n):
            if j in taken or lines[j].kind != "head":
                continue
            k = _heads_then_text(lines, page, j, taken) if briefs else None
            if picture and j + 1 < n and lines[j + 1].kind in ("body", "caption"):
                s = lines[j + 1].text(page)
                photo = s.endswith(("摄", "摄)")) or (j + 2 < n and lines[j + 2].kind == "credit")
                k = j + 1 if photo else None
            if k is None:
                continue
            d = _make_draft(lines, page, k, list(range(j, k)), "photo" if picture else "none")
            found.append(d)
            taken.update(range(j, k + 1))
        if briefs == "loose":
            ends = [d.first for d in found[1:]] + [n]
            sizes = [sum(lines[x].kind == "body" for x in range(d.anchor, end)) for d, end in zip(found, ends, strict=True)]
            if any(size > MAX_BRIEF_LINES for size in sizes):
                found = []  # long parts under subheadings: one story, not a column of briefs
        drafts += found
    if drafts and all(d.labels and d.kicker is None for d in drafts):
        # Every item prints a line above its title (a place, a person): its kicker, not a section.
        for d in drafts:
            d.kicker = d.labels.pop()
    return sorted(drafts, key=lambda d: d.first)


def _segment_file(lines: list[Line], page: str, hd: HeaderSlots) -> PageLayout:
    """Articles of a page laid out as one archive file (see ``headlines.file_header``).

    The file's headline is its article's, unless the body is made of items that open
    right under it: then the headline is the items' section label (新闻速递, a round-up's
    name). Body paragraphs above the first item belong to the file's own article.
    A headline that only labels a picture or an advert (图片报道, 广告) heads no article,
    and neither does a headline with nothing but furniture below it.
    """
    n = len(lines)
    b0 = hd.body
    head_text = lines[hd.title].text(page)
    title_text = head_text
    col = column_label(head_text)
    if col:
        title_text = head_text[: col[0] - 1].rstrip()
    picture = is_picture_label(title_text)
    briefs = None
    if len(title_text) <= MAX_BRIEFS_LABEL:
        briefs = "strict" if _BRIEFS_FILE.search(title_text) else "loose" if _BRIEFS_FILE_LOOSE.search(title_text) else None
    items = _file_items(lines, page, hd, briefs, picture)
    first_item = items[0].first if items else n
    intro = [j for j in range(b0, first_item) if lines[j].kind in ("body", "dateline", "caption") and not lines[j].dup]
    deck = hd.deck
    anchored = "file"
    if b0 < n and lines[b0].kind in ("dateline", "byline"):
        anchored = lines[b0].kind
    if len(items) == 1 and not intro and not (briefs or picture) and items[0].anchored in ("dateline", "byline"):
        # One headlined credit right under the file's headline: a second headline line over its own story.
        only = items.pop()
        anchored = only.anchored
        if deck is None and len(only.group) == 1 and not lines[only.group[0]].bullet:
            deck = only.group[0]
        intro = [only.anchor]
    drafts = list(items)
    as_label = bool(items) and not intro
    if intro and not picture:  # text under the headline (a credit or a subheading alone is none)
        group = [x for x in (hd.kicker, hd.title, deck) if x is not None]
        drafts.insert(0, _Draft(b0, group, hd.title, deck, hd.kicker, [], [], [], None, group[0], anchored))
    articles = _assemble(lines, page, drafts)
    if as_label or picture:
        # The file's headline names the column its items stand in.
        span = (lines[hd.title].text_start, lines[hd.title].text_start + len(title_text))
        articles = [
            dataclasses.replace(a, section=title_text.strip(), section_span=span, kind="brief" if briefs else a.kind)
            if a.section is None
            else a
            for a in articles
        ]
    reason = None
    if not articles:
        reason = ("advert" if "广告" in title_text else "picture") if picture else "headline only" if not intro else None
    return PageLayout(banner=None, articles=tuple(articles), lines=tuple(lines), no_article=reason)


def segment(text: str) -> PageLayout:
    """Banner and articles of a normalised page."""
    lines = classify_lines(text)
    header = file_header(text, [ln.start for ln in lines], [ln.kind for ln in lines])
    if header is not None:
        return _segment_file(lines, text, header)
    banner = _find_banner(lines, text)
    drafts: list[_Draft] = []
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
        group = _group_above(lines, text, i, floor, banner)
        if not group:
            below = _title_below(lines, text, i)
            if below is None:
                continue
            # A commentary or a column prints the byline above its headline.
            d = _make_draft(lines, text, i, [below], ln.kind)
            d.first = i
            drafts.append(d)
            taken.update(range(i, below + 1))
            floor = below + 1
            continue
        d = _make_draft(lines, text, i, group, ln.kind)
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
    articles = _assemble(lines, text, drafts)
    banner_span = (lines[banner].text_start, lines[banner].end) if banner is not None else None
    return PageLayout(banner=banner_span, articles=tuple(articles), lines=tuple(lines))


def _assemble(lines: list[Line], page: str, drafts: list[_Draft]) -> list[ArticleLayout]:
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
            while last > d.anchor and lines[last].kind == "head" and not _CLAUSE_MARK.search(lines[last].text(page)):
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
            section = _section_text(lines, page, label)
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
        head_lines = [x for x in (d.kicker, d.title_top, d.title, d.deck) if x is not None]
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
                    continue
            if ln.kind in ("byline", "credit"):
                credit_spans.append((ln.text_start, ln.end))
                continue
            if ln.dup:
                continue
            if ln.kind == "caption":
                m = INLINE_PHOTO_CREDIT.search(s)
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
        col = column_label(page[t0:t1])
        if col:  # 标题（某某专栏）: the bracketed column label is a section, not title text
            la, lb = t0 + col[0], t0 + col[1]
            t1 = la - 1
            while t1 > t0 and page[t1 - 1] in " \n":
                t1 -= 1
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
                subtitle=(lines[d.deck].text_start, lines[d.deck].end) if d.deck is not None else None,
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
