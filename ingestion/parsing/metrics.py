"""Metrics: quantities an article states (a number with a unit, measure word or %).

``extract_metrics`` scans the article's paragraph spans for a numeral followed
by a unit from ``UNITS`` and keeps it unless the context shows it is not a
quantity: a date or clock time (their units 年/月/日/时 are not in the table, a
four-digit 年 is a year), an age (岁 is not a unit), an ordinal (第…), a frequency
(每…), a name, slogan or code (inside short quotation marks or 《》, N大 + noun,
set phrases such as 两个维护), the numeral 一 used as "a/one", or a place name
written with a numeral (五里桥村).

Qualifiers and the value band (``value_low``/``value_high``):

* ``exact``: low = high = value.
* ``at_least`` (余, 多, 以上, 超过, 逾, 超, 突破, 不少于): low = value, high = None.
* ``at_most`` (近, 不到, 不足, 以内, 之内, 以下): low = None, high = value.
* ``approx`` (约, 大约, 左右, 上下): low = high = None, since the text states no
  bound; an explicit range (3至5人) is ``approx`` with low = 3, high = 5 and
  value = the upper end (the number the unit is printed with).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.parsing.model import ParsedMetric
from ingestion.parsing.numbers import parse_number, scale_value

# ---------------------------------------------------------------------------
# Units: the measure word or unit printed after the number, with its kind.
# ---------------------------------------------------------------------------
_UNIT_KINDS: dict[str, tuple[str, ...]] = {
    "count": (
        "人次",
        "人",
        "名",
        "位",
        "户次",
        "户",
        "家",
        "个",
        "次",
        "场次",
        "场",
        "条",
        "处",
        "支",
        "栋",
        "幢",
        "座",
        "项",
        "件次",
        "件",
        "所",
        "台次",
        "台",
        "辆次",
        "辆",
        "份",
        "批次",
        "批",
        "期",
        "盏",
        "类",
        "棵",
        "株",
        "块",
        "套",
        "张",
        "本",
        "册",
        "篇",
        "部",
        "间",
        "片",
        "根",
        "种",
        "起",
        "例",
        "宗",
        "头",
        "只",
        "匹",
        "艘",
        "架次",
        "架",
        "幅",
        "面",
        "箱",
        "袋",
        "盒",
        "桶",
        "瓶",
        "双",
        "组",
        "轮",
        "单",
        "笔",
        "枚",
        "尊",
        "车次",
        "班次",
        "趟",
        "门",
        "口",
        "节",
        "堂",
        "课",
        "首",
        "封",
        "张次",
        "所次",
        "余人",
    ),
    "money": ("元", "美元", "欧元", "港元", "日元", "英镑", "块钱"),
    "percent": ("%", "％", "个百分点", "百分点", "成"),
    "area": ("平方米", "平方公里", "平方千米", "平米", "亩", "公顷", "㎡"),
    "length": ("皮长公里", "芯公里", "芯千米", "公里", "千米", "延米", "米", "厘米", "毫米"),
    "weight": ("吨", "公斤", "千克", "斤", "克"),
    "duration": (
        "个工作日",
        "工作日",
        "个小时",
        "小时",
        "分钟",
        "秒",
        "天",
        "个月",
        "个星期",
        "周",
        "年",
        "课时",
        "学时",
        "个季度",
    ),
    "other": ("倍", "立方米", "方", "千瓦时", "千瓦", "兆瓦", "升", "毫升", "户籍"),
}
UNIT_KIND: dict[str, str] = {u: kind for kind, units in _UNIT_KINDS.items() for u in units}
UNIT_KIND.pop("户籍")  # listed only so that "户籍" never reads as 户 + 籍
UNIT_KIND.pop("方")  # too often a non-unit (多方, 六方参与); cubic metres are 立方米
UNIT_KIND.pop("余人")
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(set(UNIT_KIND) | {"户籍"}, key=len, reverse=True))

# A unit followed by one of these characters is the first half of another word
# (家庭, 支部, 处理, 名单, 场所 …), not a measure word.
_UNIT_BLOCKERS: dict[str, str] = {
    "家": "庭长属乡中里",
    "人": "民员工口才力气们",
    "名": "义称单片胜列额字",
    "支": "部持援出付撑队伍",
    "处": "理置罚长级室分于在",
    "项": "目链",
    "所": "有以谓属在长",
    "场": "所景馆面合景地",
    "台": "账阶湾上",
    "期": "间待望限盼工项",
    "批": "示评准复",
    "份": "额子",
    "座": "谈位右",
    "次": "日年序要级",
    "天": "然津下空地使",
    "年": "级代度龄轻纪终底初中行计规攻",
    "周": "边围末岁年到",
    "元": "旦素宵老首",
    "米": "饭粮面",
    "克": "服难",
    "条": "件例款约幅",
    "件": "事",
    "本": "地级届次人着质领",
    "部": "门分署长队",
    "面": "对向临貌积",
    "口": "号罩岸径子",
    "门": "口店前诊",
    "节": "日约能点目",
    "起": "来到步点草",
    "块": "钱",
    "间": "隔断",
    "单": "位元独纯",
    "笔": "者记",
    "头": "脑",
    "课": "题程堂",
    "首": "都先次位府",
    "成": "为功立员本果效绩",
    "倍": "增",
    "双": "方向手",
    "组": "织建成长",
    "轮": "流",
    "种": "植类子",
    "个": "人体",
}

# Units whose numeral must be Arabic or a multi-character Chinese numeral: with a
# single Chinese digit they are idioms or descriptions (一批, 两手, 三成群 …).
_CN_SINGLE_DIGIT_BAD_UNITS = {"面", "口", "门", "节", "头", "双", "成", "课", "首", "起", "方", "本", "单", "笔"}

# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
_AR = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = r"[一二三四五六七八九十两俩〇零][零〇一二三四五六七八九十两百千万亿]*"
_NUMBER = re.compile(
    rf"(?P<pct>百分之)?(?P<num>(?:{_AR})(?:万亿|万|亿|千(?![米克瓦]))?|{_CN})"
    rf"(?P<q1>余|多)?(?P<mag>[万亿](?![万亿]))?(?P<q2>余|多)?"
    rf"(?P<unit>个(?:多|半)?(?:月|小时|工作日|星期|季度|百分点)|{_UNIT_ALT})?"
    rf"(?P<post>以上|以下|以内|之内|左右|上下|[多余](?![\u4e00-\u9fff])|[多余](?=[的了来]))?"
)
_AR_START = re.compile(r"\d")
_CN_BARE_SCALE = re.compile(r"(?P<pre>近|逾|超|约|上)(?P<num>[百千万])(?P<q1>余|多)?(?P<unit>" + _UNIT_ALT + ")")

# ---------------------------------------------------------------------------
# Qualifiers
# ---------------------------------------------------------------------------
_PREFIX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("不少于", "at_least"),
    ("不低于", "at_least"),
    ("多于", "at_least"),
    ("高于", "at_least"),
    ("超过", "at_least"),
    ("突破", "at_least"),
    ("至少", "at_least"),
    ("最少", "at_least"),
    ("逾", "at_least"),
    ("超", "at_least"),
    ("不超过", "at_most"),
    ("不到", "at_most"),
    ("不足", "at_most"),
    ("将近", "at_most"),
    ("接近", "at_most"),
    ("少于", "at_most"),
    ("低于", "at_most"),
    ("至多", "at_most"),
    ("近", "at_most"),
    ("大约", "approx"),
    ("大概", "approx"),
    ("约为", "approx"),
    ("约合", "approx"),
    ("约", "approx"),
)
_PREFIX_RE = re.compile("(?:" + "|".join(re.escape(p) for p, _ in _PREFIX_QUALIFIERS) + r")(?:了|达到|达|为|有|计)?$")
_PREFIX_KIND = dict(_PREFIX_QUALIFIERS)
# 近 is not "nearly" in 最近, 附近, 邻近 …; 超 not in 赶超, 高超.
_FALSE_PREFIX = re.compile(r"(?:[最附邻靠就亲贴远]近|[赶高]超)(?:了|达到|达|为|有|计)?$")
_SUFFIX_KIND = {
    "以上": "at_least",
    "多": "at_least",
    "余": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "approx",
    "上下": "approx",
}

# ---------------------------------------------------------------------------
# Exclusions by context
# ---------------------------------------------------------------------------
# Set phrases and political slogans written with a numeral + measure word.
_SET_PHRASES = re.compile(
    r"(?:两个|三个|四个|五个|六个|八个|十个)(?:确立|维护|意识|自信|全面|代表|务必|结合|全民|必须|坚持|"
    r"优先|着力|走在前列|一批|统筹)"
    r"|三天两头|三番五次|千家万户|三五成群|四面八方|五湖四海|七嘴八舌|三令五申|三言两语|接二连三|"
    r"[这那前头]两(?:天|年|日|周)|四处|两头|[一二三四五六七八九十]年级|[一二三四五六七八九十]周岁|三会一课|两学一做|五位一体"
)
_ELLIPTIC_POINTS = re.compile(r"(?:[、，,和与及]\s*[\d.]+个)*[、，,和与及]\s*[\d.]+个百分点")
# Round-the-clock descriptions, not measured durations: 24小时服务热线, 365天无休.
_ROUND_THE_CLOCK = re.compile(r"(?:服务|值班|值守|在线|不间断|营业|热线|开放|无休|待命|监控|运转|响应)")
_PLACE_AFTER_UNIT = re.compile(r"[村庄店屯镇山寺桥街路巷营河湾沟坊堡寨乡县区洲岛井湖]")
_PERIOD_LIKE = re.compile(r"^(?:年|个月|天|周|个星期|个季度)(?:来|以来|内|里|中)")

_QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "「": "」", "『": "』", "《": "》", "〈": "〉", "'": "'"}
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_BREAK = re.compile(r"[，,、：:；;。！？!?（）()\n“”‘’\"《》…—\s]")

# Subject: words that end a noun phrase after the measure word, or begin a clause
# before the number and carry no meaning for "what is counted".
_SUBJECT_STOP_AFTER = re.compile(
    r"(?:进行|开展|实现|完成|参加|参与|实行|得到|获得|接受|纳入|入选|被|已|均|都|共|将|在|从|为|和|与|及|就|也|还|正|"
    r"的|是|达|等|中|里|内|后|前|时|，|,|、|。|；|;|：|:|（|\(|“|”|\s)"
)
_SUBJECT_LEAD = re.compile(
    r"^(?:截至目前|截至[^，,]{0,8}?(?:月份?|日|底|末)|目前|今年以来|去年以来|今年|去年|近年来|此外|同时|其中|"
    r"先后|累计|共计|共|总计|合计|已经|已|还|又|并|就|再|均|都|仅|还有|有|其|该|这|那|此|全力|"
    r"，|,|、)+"
)
_SUBJECT_TAIL = re.compile(r"(?:达到|达|为|约|近|超过|超|逾|不到|不足|了|共|累计|总计|合计|突破|平均)+$")

_PERIOD = re.compile(
    r"(?:今年|去年|\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:至|到|-|—|~)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?"
    r"|截至(?:目前|当前|今天|昨天|上月底|年底|(?:今年|去年|\d{4}年)?\d{1,2}月份?(?:\d{1,2}日)?(?:底|末)?|(?:今年|去年|\d{4}年)(?:底|末)?)"
    r"|(?:今年|去年|本年度|\d{4}年)?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年初以来)"
    r"|(?:自|从)?(?:今年|去年|\d{4}年)?\d{1,2}月(?:份)?以来"
    r"|(?:自|从)?(?:今年|去年|\d{4}年|近年)以来"
    r"|\d{4}年(?:度)?"
    r"|今年|去年|目前"
)


@dataclass(frozen=True, slots=True)
class _Hit:
    value: float
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    num_start: int
    num_end: int  # end of the numeral (before the unit)
    end: int  # end of unit and trailing qualifier


def _quoted_name_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside short quotation marks (names, slogans, codes) and all 《》 titles."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, min(end, i + 60))
        if j == -1:
            i += 1
            continue
        inner = text[i + 1 : j]
        if ch in "《〈" or (len(inner) <= 25 and not re.search(r"[，,。！？!?；;]", inner)):
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1  # direct speech: its numbers are metrics like any other
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _prefix_qualifier(before: str) -> str | None:
    """Qualifier written just before the number (超过95%, 近400人, 约60吨)."""
    if _FALSE_PREFIX.search(before):
        return None
    m = _PREFIX_RE.search(before)
    if not m:
        return None
    word = re.sub(r"(?:了|达到|达|为|有|计)$", "", m.group(0))
    return _PREFIX_KIND.get(word)


def _match_to_hit(text: str, m: re.Match[str], line_start: int) -> _Hit | None:
    """Turn a numeral match into a metric candidate, or None if the context rules it out."""
    num = m.group("num")
    unit = m.group("unit")
    pct = m.group("pct")
    start = m.start()
    before = text[max(line_start, start - 8) : start]
    after = text[m.end() : m.end() + 6]
    is_arabic = bool(_AR_START.match(num))
    if pct:
        unit = "%"
    if not unit:
        return None
    if unit == "户籍":
        return None
    negative = bool(re.search(r"(?:^|[^\dA-Za-z.])[-−–]$", before)) and is_arabic
    # Glued to other alphanumerics: codes, versions, model numbers, 1+6, 5G.
    if (
        not negative
        and re.search(r"[A-Za-z+＋×/\-·.]$", before)
        or (is_arabic and re.match(r"[A-Za-z+＋]", text[m.start("unit") : m.start("unit") + 1]))
    ):
        return None
    if re.match(r"[A-Za-z+＋]", after) and unit in ("%",):
        return None
    # Ordinals (第三, 第一、二季度), frequencies (每3天), weekdays/grades (周三, 初三).
    if re.search(r"第\s*$|第[\d一二三四五六七八九十]+[、,，和及与]\s*$|每\s*$", before):
        return None
    if not is_arabic and re.search(r"(?:周|星期|礼拜|初)$", before):
        return None
    if not is_arabic and re.search(r"[\u4e00-\u9fff]$", before) and before[-1] in "之唯统专万单同整逐":
        return None
    # Session names: 四届八次全会, 八次全体会议.
    if re.search(r"届\s*$", before) or (
        unit == "次" and re.match(r"(?:全会|全体会议|会议精神|全委会)", text[m.end("unit") : m.end("unit") + 4])
    ):
        return None
    # Vague quantities: 数十, 几百, 十几.
    if (not is_arabic and re.search(r"(?<![人户次总件个份岁字天基系参倍位])[数几]$", before)) or text[
        m.end("num") : m.end("num") + 1
    ] == "几":
        return None
    unit_clean = unit
    inner_more = False
    if unit.startswith("个") and len(unit) > 1 and unit[1] in "多半":
        inner_more = unit[1] == "多"
        if unit[1] == "半":
            return None  # 一个半月: a fraction we do not model
        unit_clean = "个" + unit[2:]
    nxt = text[m.end("unit") : m.end("unit") + 1] if m.group("unit") else ""
    if nxt and nxt in _UNIT_BLOCKERS.get(unit_clean, ""):
        return None
    value = parse_number(("百分之" if pct else "") + num)
    if value is None:
        return None
    digits_only = re.sub(r"\D", "", num)
    if is_arabic and len(digits_only) >= 7 and not re.search(r"[,，.]", num) and not re.search(r"[万亿千]", num):
        return None  # phone numbers and codes
    if not is_arabic and num in ("一", "壹") and not m.group("mag") and not pct:
        return None  # 一 meaning "a/one": 一张, 一位居民, 一次
    if not is_arabic and len(num) == 1 and unit_clean in _CN_SINGLE_DIGIT_BAD_UNITS:
        return None
    if not is_arabic and not re.search(r"[十百千万亿]", num) and len(num) > 1:
        return None  # 二〇二二 (a year) or 两三 (a range)
    # Years and dates.
    if unit_clean == "年" and (value >= 1000 or not is_arabic and len(num) > 2 and "十" not in num):
        return None
    if unit_clean in ("年", "个月", "天", "周", "个星期", "个季度") and (
        re.search(r"近$|(?:最近|过去|未来)$", before) or _PERIOD_LIKE.match(text[m.end("unit") - len(unit) :])
    ):
        return None  # 近3年, 30年来: a period, not a measured quantity
    if unit_clean in ("小时", "天") and value in (24, 365) and _ROUND_THE_CLOCK.match(text, m.end()):
        return None
    # N大 + noun (三大运营商) never reaches here: 大 is not a unit.
    for sp in _SET_PHRASES.finditer(text, max(line_start, start - 6), m.end() + 6):
        if sp.start() <= m.end("num") and sp.end() > start:
            return None
    if (
        not is_arabic
        and nxt
        and _PLACE_AFTER_UNIT.match(nxt)
        and unit_clean in ("家", "里", "台", "棵", "座", "间", "口", "所", "道", "支", "个", "条")
    ):
        return None  # 三家店村, 五棵松: a place name
    if unit_clean == "个" and _ELLIPTIC_POINTS.match(text, m.end("unit")):
        unit_clean = "个百分点"  # 提高7.9个、3.4个和1.7个百分点
    if UNIT_KIND.get(unit_clean) == "count" and value != int(value) and not m.group("mag"):
        return None  # 2.2个 is not a count of things
    if negative:
        value = -value
        start -= 1
    mag = m.group("mag")
    if mag:
        value = scale_value(value, 10_000 if mag == "万" else 100_000_000)
    qualifier = "exact"
    q_pre = _prefix_qualifier(before)
    if q_pre:
        qualifier = q_pre
    if m.group("q1") or m.group("q2") or inner_more:
        qualifier = "at_least"
    post = m.group("post")
    if post:
        qualifier = _SUFFIX_KIND[post]
    low: float | None = value
    high: float | None = value
    if qualifier == "at_least":
        high = None
    elif qualifier == "at_most":
        low = None
    elif qualifier == "approx":
        low = high = None
    return _Hit(value, unit_clean, qualifier, low, high, start, m.end("num"), m.end())


def _bare_scale_hits(text: str, a: int, b: int) -> list[_Hit]:
    """近千人, 逾万元, 上百家: a bare 百/千/万 after a qualifier."""
    out = []
    for m in _CN_BARE_SCALE.finditer(text, a, b):
        unit = m.group("unit")
        nxt = text[m.end() : m.end() + 1]
        if unit == "户籍" or (nxt and nxt in _UNIT_BLOCKERS.get(unit, "")):
            continue
        value = {"百": 100.0, "千": 1000.0, "万": 10_000.0}[m.group("num")]
        pre = m.group("pre")
        qualifier = {"近": "at_most", "逾": "at_least", "超": "at_least", "约": "approx", "上": "at_least"}[pre]
        if m.group("q1"):
            qualifier = "at_least"
        low = None if qualifier in ("at_most", "approx") else value
        high = value if qualifier == "at_most" else None
        out.append(_Hit(value, unit, qualifier, low, high, m.start("num"), m.end("num"), m.end()))
    return out


def _subject(text: str, hit: _Hit, clause_start: int, clause_end: int) -> tuple[str | None, int, int]:
    """What is counted: the noun phrase after the unit, else the words before the number."""
    after = text[hit.end : clause_end]
    kind = UNIT_KIND.get(hit.unit, "other")
    if after and kind == "count" and re.match(r"[\u4e00-\u9fff]", after):
        stop = _SUBJECT_STOP_AFTER.search(after)
        phrase = after[: stop.start()] if stop else after
        phrase = phrase[:14]
        if len(phrase) >= 1:
            return phrase, hit.num_start, hit.end + len(phrase)
    before = text[clause_start : hit.num_start]
    lead = _SUBJECT_LEAD.match(before)
    begin = clause_start + (lead.end() if lead else 0)
    phrase = text[begin : hit.num_start]
    tail = _SUBJECT_TAIL.search(phrase)
    if tail:
        phrase = phrase[: tail.start()]
    phrase = phrase[-20:]
    if phrase:
        return phrase, begin if len(text[begin : hit.num_start]) <= 20 else hit.num_start - 20, hit.end
    if after and re.match(r"[\u4e00-\u9fff]", after):
        stop = _SUBJECT_STOP_AFTER.search(after)
        phrase = (after[: stop.start()] if stop else after)[:14]
        if phrase:
            return phrase, hit.num_start, hit.end + len(phrase)
    return None, hit.num_start, hit.end


def _period(text: str, sent_start: int, pos: int) -> str | None:
    """The reporting period stated earlier in the same sentence (今年1至9月份, 截至目前, 上半年)."""
    best = None
    for m in _PERIOD.finditer(text, sent_start, pos):
        if m.group(0):
            best = m.group(0)
    return best


def _sentence_bounds(text: str, a: int, b: int, pos: int) -> tuple[int, int]:
    s = a
    for m in _SENTENCE_END.finditer(text, a, pos):
        s = m.end()
    m = _SENTENCE_END.search(text, pos, b)
    return s, (m.start() if m else b)


def _clause_bounds(text: str, a: int, b: int, pos: int, end: int) -> tuple[int, int]:
    s = a
    for m in _CLAUSE_BREAK.finditer(text, a, pos):
        s = m.end()
    m = _CLAUSE_BREAK.search(text, end, b)
    return s, (m.start() if m else b)


def _hits_in_span(text: str, a: int, b: int) -> list[_Hit]:
    quoted = _quoted_name_spans(text, a, b)
    hits: list[_Hit] = []
    pending_range: tuple[float, int] | None = None
    for m in _NUMBER.finditer(text, a, b):
        if not m.group("num"):
            continue
        start = m.start()
        if start > a and re.match(r"[\d.]", text[start - 1]):
            continue
        if _inside(start, quoted):
            continue
        # A range: 3至5人, 3-5天 → the first numeral has no unit and is followed by 至/到/-/~.
        if not m.group("unit") and not m.group("pct"):
            nxt = text[m.end() : m.end() + 1]
            if nxt and nxt in "至到-~—～" and m.group("num"):
                low = parse_number(m.group("num"))
                pending_range = (low, m.end() + 1) if low is not None else None
            else:
                pending_range = None
            continue
        hit = _match_to_hit(text, m, a)
        if hit is None:
            pending_range = None
            continue
        if pending_range and pending_range[1] == start:
            low = pending_range[0]
            if m.group("mag") and low < hit.value / 1000:
                low *= 10_000 if m.group("mag") == "万" else 100_000_000
            hit = _Hit(hit.value, hit.unit, "approx", low, hit.value, hit.num_start, hit.num_end, hit.end)
        pending_range = None
        hits.append(hit)
    for h in _bare_scale_hits(text, a, b):
        if not _inside(h.num_start, quoted):
            hits.append(h)
    return hits


def extract_metrics(text: str, spans: list[tuple[int, int]]) -> list[ParsedMetric]:
    """Quantities stated in an article's paragraphs ``spans`` of ``text``, in text order, deduplicated."""
    out: list[ParsedMetric] = []
    seen: set[tuple[float, str, str]] = set()
    for a, b in spans:
        for hit in sorted(_hits_in_span(text, a, b), key=lambda h: h.num_start):
            sent_start, sent_end = _sentence_bounds(text, a, b, hit.num_start)
            c_start, c_end = _clause_bounds(text, a, b, hit.num_start, hit.end)
            subject, q_start, q_end = _subject(text, hit, c_start, c_end)
            q_start = min(q_start, hit.num_start)
            # The quote also holds a qualifier written before the number (超过95%).
            before = text[max(c_start, hit.num_start - 4) : hit.num_start]
            pm = _PREFIX_RE.search(before)
            if pm and not _FALSE_PREFIX.search(before):
                q_start = min(q_start, hit.num_start - len(pm.group(0)))
            quote = text[q_start : max(q_end, hit.end)]
            key = (hit.value, hit.unit, re.sub(r"\s+", "", quote))
            if key in seen:
                continue
            seen.add(key)
            out.append(
                ParsedMetric(
                    value=hit.value,
                    value_low=hit.low,
                    value_high=hit.high,
                    unit=hit.unit,
                    qualifier=hit.qualifier,
                    kind=UNIT_KIND.get(hit.unit, "other"),
                    subject=subject,
                    period=_period(text, sent_start, hit.num_start),
                    start=q_start,
                    end=max(q_end, hit.end),
                )
            )
    return out
