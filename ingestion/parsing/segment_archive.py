"""A file holding one article of an archive: its headline slots, then items inside its body.

The kicker, title and deck are the first three physical lines, flush left
(``headlines.file_header``); the paragraphs are indented. The file's headline heads
its article. Inside the body, items with their own headline are articles of their
own: a headline group over a dateline or a byline line, over an author's name
(commentaries, several to a column), the parts of a round-up that each open with a
headline and close with a credit, headlines over text under a briefs label (新闻速递),
headlines over a captioned picture under a picture label, and a headline that ends
with its column's label (…（记者手记）, …（延伸阅读）) over text. When the items start
right under the file's headline, that headline is their section label, not an
article; body text above the first item belongs to the file's own article. A picture
or advert label (图片报道, 广告) heads no article, nor does a headline with only
furniture below it (``PageLayout.no_article`` says which).
"""

from __future__ import annotations

import dataclasses
import re

from ingestion.parsing.credits import (
    trailing_credit,
)
from ingestion.parsing.drafts import Draft, PageLayout, assemble, event_over_content, group_above, make_draft
from ingestion.parsing.headlines import (
    HeaderSlots,
    column_label,
    is_photo_report_label,
    is_picture_label,
    without_label,
)
from ingestion.parsing.lines import Line

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


def _file_items(lines: list[Line], page: str, hd: HeaderSlots, briefs: str | None, picture: bool) -> list[Draft]:
    """Articles inside the body of an archive file: items with their own headline and credit.

    An item is a headline group over a dateline (本报电 …, 本报某地某日电（记者…）), a byline
    line (本报记者 某某), or an author's name (a commentary among several); in a round-up whose
    paragraphs close with credits, each part that opens with its own headline (a place line,
    a title) is an item; under a briefs label (新闻速递) each headline over text is one;
    under a picture label each headline over a captioned picture is one.
    """
    n = len(lines)
    b0 = hd.body
    drafts: list[Draft] = []
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
        group = group_above(lines, page, i, floor, None)
        if not group or (kind == "author" and any(is_author_line(lines[g].text(page)) for g in group)):
            continue
        if all(lines[g].bullet for g in group):
            continue  # ■ key points over the story's dateline, not an item's headline
        d = make_draft(lines, page, i, group, kind)
        drafts.append(d)
        taken.update(range(d.first, i + 1))
        floor = i + 1
    for j in range(b0 + 1, n - 1):
        # A headline inside the body that ends with its column's label (有心又有为（记者手记）,
        # …有何规定？（延伸阅读）) over text: a short piece of its own (a notebook, a comment, a sidebar).
        if j in taken or j + 1 in taken or lines[j].kind != "head" or lines[j + 1].kind != "body" or lines[j].bullet:
            continue
        s = lines[j].text(page)
        col = column_label(s)
        if col is None or s[: col[0] - 1].rstrip().endswith(("摄", "图")):
            continue
        drafts.append(make_draft(lines, page, j + 1, [j], "label"))
        taken.update((j, j + 1))
    drafts.sort(key=lambda d: d.first)
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
                chunks.append(make_draft(lines, page, k, list(range(st, k)), "credit"))
        if len(chunks) >= 2:
            for d in chunks:
                taken.update(range(d.first, d.anchor + 1))
            drafts += chunks
    if briefs or picture:
        found: list[Draft] = []
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
            d = make_draft(lines, page, k, list(range(j, k)), "photo" if picture else "none")
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


def segment_file(lines: list[Line], page: str, hd: HeaderSlots) -> PageLayout:
    """Articles of a page laid out as one archive file (see ``headlines.file_header``).

    The file's headline is its article's, unless the body is made of items that open
    right under it: then the headline is the items' section label (新闻速递, a round-up's
    name). Body paragraphs above the first item belong to the file's own article.
    A headline that only labels a picture or an advert (图片报道, 广告) heads no article of
    its own, but a photo label with nothing but captions under it (no headlined items) is
    the one headline of that picture report, its title; a headline with nothing but
    furniture below it heads no article.
    """
    n = len(lines)
    b0 = hd.body
    head_text = lines[hd.title].text(page)
    title_text = without_label(head_text)
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
    if picture and intro and not items and is_photo_report_label(title_text):
        picture = False  # only captions under a photo label: the label is their report's title
    if intro and not picture:  # text under the headline (a credit or a subheading alone is none)
        group = [x for x in (hd.kicker, hd.title, deck) if x is not None]
        title, kicker, deck_top = hd.title, hd.kicker, None
        if kicker is not None and event_over_content(lines, page, kicker, title):
            # 李克强主持召开…会议 / 部署… / 某某出席: the event is the title, what it did the deck
            deck, deck_top = (title, None) if deck is None else (deck, title)
            title, kicker = kicker, None
        drafts.insert(0, Draft(b0, group, title, deck, kicker, [], [], [], None, group[0], anchored, None, deck_top))
    articles = assemble(lines, page, drafts)
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
