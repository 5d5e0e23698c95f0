"""Who carried out an activity, where, and under what name (pure functions of the text).

``activities`` finds what was done; this module reads the rest of a clause around it:

* the subject: an organisation mention or a place name (东城区…, 白河县…) that opens a
  clause, after leads such as datelines, dates and connectives (本报讯, 近日, 同时 …);
  他们/该区 keep the subject before, 我院/我局 name the writer's own body; a bare
  社区党委 is completed with the community last named (``qualify``);
* the place: what follows 走进/深入/在/到 … when it names a community, village, street
  or venue (``place``);
* the name: a quoted name the clause gives the activity (开展“…”活动, 以“…”为主题).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ingestion.parsing.model import ParsedOrganization
from ingestion.parsing.organizations import _STOP_RE, TOWN_COUNTERS

# A clause opening with a place name is its subject (白河县组织开展…, 东城区以…为抓手).
_REGION_NAME = (
    r"[\u4e00-\u9fff]{1,8}(?:自治县|自治州|开发区|高新区|新区|区(?![域委政长内外级划块])|县(?![委政长级城域])|"
    r"市(?![场民委政级区长直属容貌面域内外])|镇(?![村街政长])|乡(?![村镇亲土愁贤情]))"
)
_REGION_SUBJECT = re.compile(f"({_REGION_NAME})(?=[\u4e00-\u9fff])")
_REGION_BAD_CHARS = re.compile(r"[对在为由们于我他她与和随着已举办开设立经过把将让被从向的了是有这那各该本全辖]")
_REGION_GENERIC = re.compile(
    rf"(?:[山城市社小辖园景郊片街老校商矿库灾牧林湖厂]区|[城都超股集门上夜菜]市|[城乡村古小重集{TOWN_COUNTERS}]镇|"
    rf"[城下家老返还故回同异他{TOWN_COUNTERS}]乡)$"
)
# Leading words that do not belong to the subject: time, datelines, connectives.
_LEAD_WORDS = (
    "本报讯 近日 连日来 日前 近期 前不久 今年以来 去年以来 近年来 目前 截至目前 同时 此外 如今 当天 当日 随后 其中 另外 "
    "与此同时 据悉 据了解 在此基础上 首先 其次 最后 一是 二是 三是 四是 五是 春节前夕 节日期间 节前 节后"
).split()
# Datelines (本报石家庄2月4日电, 新华社北京2月4日电) and dates (2月3日上午) opening a clause.
_LEAD_DATES = r"(?:本报|新华社)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚|当天)?"
BULLETS = "#■□●○◆◇▲△▶►★☆•·"
CLAUSE_LEAD = re.compile(
    r"(?:\s|[" + BULLETS + r"]|（[^）]{0,30}）|\([^)]{0,30}\)|" + _LEAD_DATES + "|" + "|".join(_LEAD_WORDS) + ")*"
)
# Pronouns and references that point back to the current subject.
_BACK_REFERENCE = re.compile(r"(?:他们|她们|该区|该县|该市|该镇|该乡|该局|该院|该中心|该社区|全区|全县|全市|全镇|全乡)")
_FIRST_PERSON = re.compile(r"我(?:院|局|们|市|县|区|镇|乡|校|司|行|所|委|办|中心|单位|部)")
# A clause whose first character is none of these (and not a space) has no lead, back-reference
# or first person: only a mention or a place name can open it.
OPENING_FIRST = frozenset(BULLETS + "（(我他她该全本新" + "".join(w[0] for w in _LEAD_WORDS))
# Every place name _REGION_NAME matches ends in one of these, within 11 characters.
_REGION_LAST = re.compile("[区县市镇乡州]")
# A clause can name a new subject only by a mention, 我… or a place name (which has one of 区县市镇乡州).
SUBJECT_MARK = re.compile("[我区县市镇乡州]")
# What opens a clause, in one match: the lead, then a back-reference, the writer's own body or a
# place name (tried in that order; an organisation mention right after the lead comes first).
_CLAUSE_OPENING = re.compile(
    f"(?P<lead>{CLAUSE_LEAD.pattern})"
    f"(?:(?P<back>{_BACK_REFERENCE.pattern})|(?P<first>{_FIRST_PERSON.pattern})|(?P<region>{_REGION_NAME})(?=[\u4e00-\u9fff]))?"
)
_PLACE = re.compile(
    r"(?:走进|深入到|深入|来到|前往|在(?<![正现所存实内外]在)|到(?<![达做办得送回直]到)|赴|进(?<![推促先引改跟]进)|下沉至|下沉到)"
    r"((?:[\u4e00-\u9fff]{2,30})(?:社区|村|小区|街道|广场|公园|学校|医院|实践站|实践所|中心|大厅|会议室|门口|路|街|"
    r"镇|乡|市场|商圈|游园|楼前|院内|企业|校园|营业厅))(?=[，,、。；;：:（(]|[开进组举召为对向与和等参慰走讲宣]|$)"
)
_PLACE_BAD = re.compile(r"^(?:各|辖区|基层|一线|所在|有关|相关|深入|走进|企业$|社区$|村$|小区$|学校$|医院$)")
_NAME_AFTER = re.compile(
    r"^(?:主题活动|系列活动|主题党日|活动|为主题|主题|志愿服务|专项行动|行动|进社区|进校园|进农村|进企业|进机关|"
    r"模式|品牌|机制|平台|小程序|工程|项目|服务|讲堂|课堂|宣讲|比赛|竞赛|大赛|评选|晚会|演出|展览|培训|会)"
)
_NAME_BEFORE = re.compile(r"(?:开展|以|启动|举办|举行|组织|推出|创新|推行|开发了|建立|打造|开设|实施)$")


def org_mentions(
    text: str, spans: list[tuple[int, int]], organizations: Sequence[ParsedOrganization]
) -> list[tuple[int, int, str]]:
    """Every occurrence of the article's organisation names inside its paragraphs, longer names first."""
    if not organizations or not spans:
        return []
    names = sorted({o.name for o in organizations}, key=len, reverse=True)
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    lo, hi = ordered[0][0], max(b for _, b in ordered)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # spans never overlap, so one list serves them all
    for name in names:
        n = len(name)
        i = text.find(name, lo, hi)
        while i != -1:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + n <= ordered[k][1] and not any(x <= i < y or x < i + n <= y for x, y in taken):
                found.append((i, i + n, name))
                taken.append((i, i + n))
            i = text.find(name, i + 1, hi)
    return sorted(found)


def clause_subject(text: str, cs: int, ce: int, mention_at: dict[int, str], sentence_end: int) -> str | None:
    """The organisation or place opening the clause ``text[cs:ce]``; None for 他们/该区 … (the subject goes on)."""
    c0 = text[cs]
    if c0 not in OPENING_FIRST and "\u4e00" <= c0 <= "\u9fff":
        # The common case, decided without the full pattern: no lead, so a mention or a place opens it.
        if cs < sentence_end and cs in mention_at:
            return mention_at[cs]
        if _REGION_LAST.search(text, cs + 1, min(ce, cs + 11)) is None:
            return None
        m = _REGION_SUBJECT.match(text, cs, ce)
        return _region_subject(m.group(1)) if m else None
    m = _CLAUSE_OPENING.match(text, cs, ce)
    start = m.end(1)
    if start < sentence_end and start in mention_at:
        return mention_at[start]
    opening = m.lastgroup  # "lead" when nothing follows it
    if opening == "region":
        return _region_subject(m.group("region"))
    return "" if opening == "first" else None  # 我院, 我局: the writer's own body, not named; 他们 goes on


def _region_subject(region: str) -> str | None:
    """A place name opening a clause, unless it is too short, generic or holds a verb."""
    if (
        len(region) >= 2
        and not _REGION_BAD_CHARS.search(region)
        and not _REGION_GENERIC.search(region)
        and not _STOP_RE.search(region)
    ):
        return region
    return None


def qualify(name: str | None, pos: int, mention_at: dict[int, str]) -> str | None:
    """Make a back-reference like 社区党委 specific with the community last named (红星社区党委)."""
    if not name:
        return name
    for generic in ("社区", "村", "公司"):
        if name.startswith(generic) and len(name) > len(generic):
            for full in reversed([full for start, full in mention_at.items() if start < pos]):
                if full.endswith(generic) and len(full) > len(generic) and not full.startswith(generic):
                    return full + name[len(generic) :]
            break
    return name


def activity_name(text: str, clause: tuple[int, int], names: list[tuple[int, int]]) -> str | None:
    """The activity's own name: a quoted name the clause introduces (开展“…”活动, 以“…”为主题)."""
    for x, y in names:
        if clause[0] <= x and y <= clause[1] and text[x] != "《":
            follow = text[y : min(clause[1], y + 12)]
            follow = re.sub(r"^[\u4e00-\u9fff]{0,6}?(?=主题活动|系列活动|活动|志愿服务|专项行动)", "", follow)
            lead = text[max(clause[0], x - 4) : x]
            if _NAME_AFTER.match(follow) or (_NAME_BEFORE.search(lead) and re.match(r"[“‘\"]", text[x])):
                inner = text[x + 1 : y - 1].strip()
                if 2 <= len(inner) <= 30:
                    return inner
    return None


def clause_place(clause_text: str) -> str | None:
    """Where it happened, when the clause says so (走进X村, 在X社区, 到X小区)."""
    for m in _PLACE.finditer(clause_text):
        place = m.group(1).removeprefix("了")
        if not _PLACE_BAD.match(place):
            return place
    return None


def place_span(text: str, cs: int, ce: int) -> tuple[int, int] | None:
    """Where in ``text`` the clause ``text[cs:ce]`` names its place (as ``place`` finds it), if it does."""
    clause = text[cs:ce]
    place = clause_place(clause)
    if place is None:
        return None
    i = clause.find(place)
    return (cs + i, cs + i + len(place))
