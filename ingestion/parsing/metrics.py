"""Metrics: quantities an article states (a number with a unit, measure word or %).

``extract_metrics`` scans the article's paragraph spans for a numeral followed
by a unit from ``UNITS`` and keeps it unless the context shows it is not a
quantity: a date or clock time (their units 年/月/日/时 are not in the table, a
four-digit 年 is a year), an age (岁 is not a unit), an ordinal (第…), a frequency
(每…), a name, slogan or code (inside short quotation marks or 《》, N大 + noun,
set phrases such as 两个维护), the numeral 一 used as "a/one", or a place name
written with a numeral (五里桥村). A target quoted as printed (“增长6%左右”) is a
figure, not a name; a bare scale after a qualifier (过亿只, 近百亿元) is one too.

Qualifiers and the value band (``value_low``/``value_high``):

* ``exact``: low = high = value.
* ``at_least`` (余, 多, 以上, 超过, 逾, 超, 突破, 不少于): low = value, high = None.
* ``at_most`` (近, 不到, 不足, 以内, 之内, 以下): low = None, high = value.
* ``approx`` (约, 大约, 左右, 上下): low = high = None, since the text states no
  bound.
* an explicit range (3至5人, 10-15天, 两至三年) is one quantity: one ``approx`` metric
  whose value is the high end and whose band is the range (low = 3, high = 5), with
  the unit printed after the high end.

Forms other papers print, and what they give:

* a bare 万/亿 amount with no unit (总投资2.5亿, 年产值可达4亿) is money, unit 元,
  when its own clause has a money word (投资, 资金, 收入, 产值 …) before it; after
  人口 it is 人. Otherwise it is left out: SPEC keeps the unit printed after 万/亿,
  and with none printed only the clause can say what is counted.
* 成 is a share in tenths, kept as printed (八成以上 → 8 成, at_least: SPEC keeps the unit
  printed, and every blind annotator wrote 成), also after a single Chinese digit, unless a
  word goes on (成立, 成长, 成活 …); the marts read it as a per cent (``units.csv``: ×10).
* 副 (20副楹联) and 届 (举办4届, 连续五届) count; 届 before a body's name (十三届全国人大)
  is the session's name, and 2020届 a graduating class. People's nouns printed as the
  measure word (8.2万多人口, 2.2万多老年人) give the unit 人.
* 逼近 is at_most like 接近; 突破, 超 are at_least.
* the numeral 一 is "a/one" (一张, 一次) unless a bound goes with it: 不到一年, 约一公里,
  一年多, 一名以上 are quantities (SPEC: 一 only "used as a/one in description" is out).
* a span of time is a duration wherever it is stated (SPEC: 工作了18年), also as the
  period of a change (30年来, 近5年, 过去3个月); a four-digit 年 is a year, a date.
* points of a score (得分92.5分) are the unit 分, with Arabic numerals only (十分 is
  "very", 三分之一 a share) and not after a clock's hour (9时57分).
* units of power, energy and force (万千瓦, 千瓦时, 千伏, 千牛), temperatures (摄氏度),
  container counts (标准箱) and foreign currencies (卢比, 卢布, 韩元 …) are printed units.
* 个半 and a 半 after the unit add a half (6个半小时 → 6.5 个小时, 一个半月 → 1.5 个月,
  3天半 → 3.5 天); 半 alone before a unit of time is 0.5 of it (近半个小时, 半年来; not 上半年).
* 多/余 after a four-digit number of 年, or 距今 before it, makes it a span (5000多年, 距今约9000年).
* a bare 万/亿 amount followed by who is counted and 人口 (5480万农村人口, 1000万以上
  贫困人口, 460万失业人员) is people, unit 人, unless a money word comes before it.
* a fraction of a count is a measure only as a rate (每千人口床位数4.88张, 人均2.5亩);
  otherwise (2.2个) it is not a count of things. 款 (两百余款产品), 对 (结成帮扶对子46对)
  and 字 (Arabic numerals only: 铭文6000字, not 八字方针) count, and so do 列, 章, 步, 颗, 碗
  and 个年头.
* a fraction written out (三分之一, 四分之三以上) is a per cent rounded to 0.01
  (33.33 %), as 百分之九十八 is 98 %.
* the subject: a bare change (…总额63.7亿元，增长4.1%) takes the noun of the metric
  before it in the sentence (总额增长); a second number of the same thing in one
  clause (分别达到38526元和17302元) takes the first one's subject. What a figure counts and
  its reporting period are read in ``metric_subjects.py``.

Speed: the page is scanned once for numeral starts and quotation marks (page.py
calls per article with the same text, so the scan is kept for the next article);
each numeral is then matched where it starts, not by a pattern tried at every
character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ingestion.parsing.metric_subjects import CHANGE_ONLY, SUBJECT_VERB_TAIL
from ingestion.parsing.metric_subjects import period as metric_period
from ingestion.parsing.metric_subjects import subject as metric_subject
from ingestion.parsing.model import ParsedMetric
from ingestion.parsing.numbers import parse_number, scale_value
from ingestion.parsing.restated import drop_restated
from ingestion.parsing.units import CN_SINGLE_DIGIT_BAD_UNITS as _CN_SINGLE_DIGIT_BAD_UNITS
from ingestion.parsing.units import UNIT_ALIAS, UNIT_KIND
from ingestion.parsing.units import UNIT_ALT as _UNIT_ALT
from ingestion.parsing.units import UNIT_BLOCKER_EXCEPTIONS as _UNIT_BLOCKER_EXCEPTIONS
from ingestion.parsing.units import UNIT_BLOCKERS as _UNIT_BLOCKERS

# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
_AR = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (零部件, 零件, 零售, 零星 … are words, not the numeral zero before a unit: 零部件 is no "0 部")
_CN = r"(?!零(?:部件|件|售|星|散|碎|钱|食))[一二三四五六七八九十两俩〇零][零〇一二三四五六七八九十两百千万亿]*"
_NUMBER = re.compile(
    # 3万4千, 2亿5000万: Arabic digits on both sides of a scale character, read as one number
    rf"(?P<pct>百分之)?(?P<num>\d+万\d千(?:\d百)?|\d+亿\d+万|(?:{_AR})(?:万亿|万|亿|千(?![米克瓦牛伏卡]))?|{_CN})"
    rf"(?P<q1>余|多)?(?P<mag>[万亿](?![万亿]))?(?P<q2>余|多)?"
    rf"(?P<unit>个(?:多|半)?(?:月|小时|工作日|星期|季度|百分点)|{_UNIT_ALT})?"
    rf"(?P<post>以上|以下|以内|之内|左右|上下|[多余](?![\u4e00-\u9fff])|[多余](?=[的了来]))?"
)
_AR_START = re.compile(r"\d")
# 近千人, 上百家, and 百余名/千余户/万余元 (no numeral before 百/千/万; 余/多 then required, see _bare_scale_hits)
_CN_BARE_SCALE = re.compile(
    r"(?:(?P<pre>近|逾|超|约|上(?<!成千上)(?<!成百上)|突破|过(?<![通经越度路跨错难穿]过))|(?<![\d一二三四五六七八九十两几数百千万亿]))"
    r"(?P<num>[百千]?[万亿]|[百千])(?P<q1>余|多)?(?P<unit>"
    + _UNIT_ALT
    + ")"
)

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
    ("最低", "at_least"),
    ("最少", "at_least"),
    ("逾", "at_least"),
    ("超", "at_least"),
    ("不超过", "at_most"),
    ("不到", "at_most"),
    ("不足", "at_most"),
    ("将近", "at_most"),
    ("接近", "at_most"),
    ("逼近", "at_most"),
    ("少于", "at_most"),
    ("低于", "at_most"),
    ("至多", "at_most"),
    ("最高", "at_most"),
    ("最多", "at_most"),
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
_AGO_BEFORE = re.compile(r"距今(?:约|大约|已有|已|有)?$")
_HALF_AFTER = frozenset(("天", "年", "周", "个月", "个小时", "小时", "个星期", "个工作日", "个季度"))
_PHASE_BEFORE = re.compile(r"(?:工程|项目|园区|大楼|线)$")
# 级 measures wind (阵风7级, 风力5级, 4—5级偏北风) and earthquakes (6.2级地震); elsewhere it is a rank (三级医院)
_FORCE_BEFORE = re.compile(r"(?:阵风|风力|风速|震级)[^，,。；;\d]{0,3}$")
_FORCE_AFTER = re.compile(r"[^，,。；;、\d]{0,4}?(?:风|地震)")
# Set phrases and political slogans written with a numeral + measure word.
_SET_PHRASES = re.compile(
    r"(?:两个|三个|四个|五个|六个|八个|十个)(?:确立|维护|意识|自信|全面|代表|务必|结合|全民|必须|坚持|"
    r"优先|着力|走在前列|一批|统筹)"
    r"|三天两头|三番五次|千家万户|三五成群|四面八方|五湖四海|七嘴八舌|三令五申|三言两语|接二连三|"
    r"[这那前头]两(?:天|年|日|周)|四处|两头|(?<!为期)(?<!历时)(?<!连续)(?<!持续)(?<!经过)(?<!用了)四周(?![后内以来])|[一二三四五六七八九十]项(?:规定|基本原则|原则)|[一二三四五六七八九十]年级|[一二三四五六七八九十]周岁|三会一课|两学一做|五位一体"
)
_ELLIPTIC_POINTS = re.compile(r"(?:[、，,和与及]\s*[\d.]+个)*[、，,和与及]\s*[\d.]+个百分点")
# Round-the-clock descriptions, not measured durations: 24小时服务热线, 365天无休.
_ROUND_THE_CLOCK = re.compile(r"(?:服务|值班|值守|在线|不间断|营业|热线|开放|无休|待命|监控|运转|响应)")
_PLACE_AFTER_UNIT = re.compile(r"[村庄店屯镇山寺桥街路巷营河湾沟坊堡寨乡县区洲岛井湖]")

_QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "「": "」", "『": "』", "《": "》", "〈": "〉", "'": "'"}
_QUOTE_OPEN = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")
_QUOTE_INNER_BREAK = re.compile(r"[，,。！？!?；;]")
# Any numeral _NUMBER can match starts with one of these: scanning for them first is much
# cheaper than letting the big pattern try every position.
_NUMBER_START = re.compile(r"[\d百一二三四五六七八九十两俩〇零]")
_DIGIT_OR_DOT = re.compile(r"[\d.]")
_NEGATIVE_SIGN = re.compile(r"(?:^|[^\dA-Za-z.])[-−–]$")
_GLUED_BEFORE = re.compile(r"[A-Za-z+＋×/\-·.]$")
_LATIN_OR_PLUS = re.compile(r"[A-Za-z+＋]")
_ORDINAL_BEFORE = re.compile(r"第\s*$|第[\d一二三四五六七八九十]+[、,，和及与]\s*$|每\s*$")
_WEEKDAY_BEFORE = re.compile(r"(?:周|星期|礼拜|初)$")
# a year of a reign or of the Republic (光绪二十年, 民国三十八年): a date, not a span
# a rank among others (排名前三位, 位居全国前十名, 跻身前五): a place in a list, not a count
_RANK_BEFORE = re.compile(r"(?:排|居|列|进入|跻身|名列|位列)[^，,。；;\d]{0,6}前\s*$")
_ERA_BEFORE = re.compile(r"(?:顺治|康熙|雍正|乾隆|嘉庆|道光|咸丰|同治|光绪|宣统|民国)$")
_CJK_LAST = re.compile(r"[\u4e00-\u9fff]$")
_CJK_FIRST = re.compile(r"[\u4e00-\u9fff]")
# 四届八次全会, 十三届全国人大三次会议: a session's number after the term and the body it names
_SESSION_BEFORE = re.compile(r"届(?:全国|省|市|县|区|中央|人大常委会|人大|政协|党代会|委员会|纪委|常委会|职代会)*\s*$")
_CLOCK_BEFORE = re.compile(r"[时点:：]\s*$")
# a race time's hundredths after the seconds (7秒69 is 7.69 s); three digits or more are no hundredths
_HUNDREDTHS = re.compile(r"([0-9]{2})(?![0-9])")
# a race named by its distance (男子60米, 女子100米): an event, not a distance covered
_RACE_BEFORE = re.compile(r"(?:男子|女子|男女|混合)\s*$")
_SESSION_AFTER = re.compile(r"(?:全会|全体会议|会议精神|全委会)")
_VAGUE_BEFORE = re.compile(r"(?<![人户次总件个份岁字天基系参倍位])[数几]$")
_NON_DIGIT = re.compile(r"\D")
_SEPARATOR = re.compile(r"[,，.]")
_SCALE_CHAR = re.compile(r"[万亿千]")
_MULTIPLIER_CHAR = re.compile(r"[十百千万亿]")
_PREFIX_FILLER = re.compile(r"(?:了|达到|达|为|有|计)$")
_SPACES = re.compile(r"\s+")
# units counted only with Arabic numerals under 1000 (59国, 5省, 42城, 7道, 2市6县, 3包)
_ARABIC_COUNTS = frozenset("国省城道县市包")
_SERVICE_NUMBER_AFTER = re.compile(r"(?:旅客|普速|动车组|高铁|货运|国际)?(?:列车|航班|动车|班列|高铁)")
_CLAUSE_BREAK_BEFORE = re.compile(r".*[，,、：:；;。！？!?（）()\n“”]")
# What a bare 万/亿 amount counts, from the words before it in its clause.
_MONEY_CONTEXT = re.compile(
    r"投资|资金|收入|营收|产值|总额|金额|销售额|营业额|成交额|交易额|利润|税收|财政|预算|贷款|融资|补贴|补助|奖金|"
    r"奖励|经费|费用|资产|存款|生产总值|GDP|增加值|消费|成本|投入|捐款|善款|拨付|筹集|募集|基金|损失|工资|薪酬|价值|造价"
)
_PEOPLE_CONTEXT = re.compile(r"人口")
# a bare 万/亿 amount of people named after it (5480万农村人口, 1000万以上贫困人口)
_PEOPLE_AFTER = re.compile(
    r"(?:以上|以下|左右)?[\u4e00-\u9fff]{0,10}?(?:人口(?!密度|比例|比重|占比|结构|增长|增速|规模|总量|总数|数量)"
    # people named by what they are (湖北6000多万人民, 4亿多中等收入群体); 人民币 is money
    r"|人民(?!币|日报|政府|法院|检察院|医院|银行|警察|解放军|代表|大会|网|广播)|群众|居民|村民|市民|中等收入群体"
    # …and by who they are (100万阿富汗难民, 3000万农民工, 2亿多学生)
    r"|难民|移民|侨民|华侨|农民工|农民|职工|学生|儿童|老人|妇女|青少年|游客|旅客|患者|党员"
    r"|人员(?!密集|流动|往来|聚集|经费)|毕业生|劳动力)"  # 460万失业人员, 874万高校毕业生
)
# a rate per head or per thousand (每千人口床位数4.88张, 人均2.5亩): a fraction of a count is a measure
_RATE_BEFORE = re.compile(r"每[十百千万]?(?:人口|人|户|名|位|平方公里)|人均|户均|平均")
# 三分之一, 2/3 written out: a share, given as a per cent (三分之一 → 33.33 %).
_FRACTION = re.compile(
    r"(?P<den>[一二三四五六七八九十两千\d]{1,3})分之(?P<num>[一二三四五六七八九十两\d]{1,3}(?:\.\d+)?)"
    r"(?P<post>以上|以下|以内|左右|多)?"
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_BREAK = re.compile(r"[，,、：:；;。！？!?（）()\n“”‘’\"《》…—\s]")




@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ costs 3x, and pages make thousands
class _Hit:
    value: float
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    num_start: int
    num_end: int  # end of the numeral (before the unit)
    end: int  # end of unit and trailing qualifier


# A target quoted as printed in a plan (“增长6%左右”, “下降3%以上”): a figure, not a name or a slogan.
_TARGET_VERB = r"(?:增长|下降|提高|降低|减少|增加|上涨|达到|控制在|保持在)"
_TARGET_FIGURE = r"[0-9]+(?:\.[0-9]+)?(?:%|个百分点)"
_TARGET_QUALIFIER = r"(?:左右|以上|以内|以下)"
_QUOTED_FIGURE = re.compile(  # a bare “98%” stays a name: the verb or the qualifier makes it a target
    rf"{_TARGET_VERB}{_TARGET_FIGURE}{_TARGET_QUALIFIER}?|{_TARGET_FIGURE}{_TARGET_QUALIFIER}"
)


def _quoted_name_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside short quotation marks (names, slogans, codes) and all 《》 titles."""
    out: list[tuple[int, int]] = []
    i = start
    while True:
        m = _QUOTE_OPEN.search(text, i, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        close = _QUOTE_PAIRS[ch]
        j = text.find(close, i + 1, min(end, i + 60))
        if j == -1:
            i += 1
            continue
        inner = text[i + 1 : j]
        if ch in "《〈" or (len(inner) <= 25 and not _QUOTE_INNER_BREAK.search(inner) and not _QUOTED_FIGURE.fullmatch(inner)):
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
    word = _PREFIX_FILLER.sub("", m.group(0))
    return _PREFIX_KIND.get(word)


def _unit_blocked(unit: str, text: str, end: int) -> bool:
    """The unit ending at ``end`` is the first half of another word (家庭, 支部, 处理), not a unit."""
    nxt = text[end : end + 1]
    if not nxt or nxt not in _UNIT_BLOCKERS.get(unit, ""):
        return False
    exception = _UNIT_BLOCKER_EXCEPTIONS.get(unit)
    return not (exception and exception.match(text, end))


def _band(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """The bounds a qualifier gives a value (the module docstring's table): exact both, at_least low, at_most high."""
    return (None if qualifier in ("at_most", "approx") else value, None if qualifier in ("at_least", "approx") else value)


def _implied_unit(text: str, m: re.Match[str], line_start: int, end: int | None = None) -> str | None:
    """The unit of a bare 万/亿 amount (总投资2.5亿, 人口约76万) when the words before it say what it counts.

    ``end``: where the amount ends when that is not where the match does (a measure word that
    turned out to begin another word: 7500多万家乡人民).
    """
    num = m.group("num")
    end = m.end() if end is None else end
    if not (m.group("mag") or num[-1] in "万亿"):
        return None
    head = text[max(line_start, m.start() - 14) : m.start()]
    cut = _CLAUSE_BREAK_BEFORE.search(head)
    if cut:
        head = head[cut.end() :]
    nxt = text[end : end + 1]
    if nxt and _CJK_FIRST.match(nxt) and not _MONEY_CONTEXT.search(head) and _PEOPLE_AFTER.match(text, end):
        return "人"
    if nxt and _CJK_FIRST.match(nxt) and nxt not in "的用建投":
        return None  # an unknown measure word follows
    if _MONEY_CONTEXT.search(head):
        return "元"
    if _PEOPLE_CONTEXT.search(head):
        return "人"
    return None


def _match_to_hit(text: str, m: re.Match[str], line_start: int, in_range: bool = False) -> _Hit | None:
    """Turn a numeral match into a metric candidate, or None if the context rules it out.

    ``in_range``: the numeral is the second end of a range (10-15天), so the dash before it
    is not a minus sign or a code's hyphen.
    """
    num = m.group("num")
    unit = m.group("unit")
    pct = m.group("pct")
    start = m.start()
    before = text[max(line_start, start - 8) : start]
    after = text[m.end() : m.end() + 6]
    is_arabic = bool(_AR_START.match(num))
    implied = False
    if pct:
        unit = "%"
    elif unit and _unit_blocked(unit, text, m.end("unit")):
        # the measure word begins another word (7500多万家乡人民): an amount of people, or nothing
        if _implied_unit(text, m, line_start, end=m.start("unit")) != "人":
            return None
        unit, implied = "人", True
    if not unit:
        unit = _implied_unit(text, m, line_start)
        if unit is None:
            return None
        implied = True
    if unit == "户籍":
        return None
    negative = not in_range and bool(_NEGATIVE_SIGN.search(before)) and is_arabic
    # Glued to other alphanumerics: codes, versions, model numbers, 1+6, 5G.
    if (
        not negative
        and not in_range
        and _GLUED_BEFORE.search(before)
        or (is_arabic and _LATIN_OR_PLUS.match(text[m.start("unit") : m.start("unit") + 1]))
    ):
        return None
    if unit == "%" and _LATIN_OR_PLUS.match(after):
        return None
    # Ordinals (第三, 第一、二季度), frequencies (每3天), weekdays/grades (周三, 初三).
    if _ORDINAL_BEFORE.search(before):
        return None
    if unit in ("位", "名") and _RANK_BEFORE.search(before):
        return None
    if not is_arabic and _WEEKDAY_BEFORE.search(before):
        return None
    if unit == "年" and _ERA_BEFORE.search(before):
        return None
    if not is_arabic and _CJK_LAST.search(before) and before[-1] in "之唯统专万单同整逐":
        return None
    # Session names: 四届八次全会, 八次全体会议.
    if _SESSION_BEFORE.search(before) or (unit == "次" and _SESSION_AFTER.match(text[m.end("unit") : m.end("unit") + 4])):
        return None
    # Vague quantities: 数十, 几百, 十几.
    if (not is_arabic and _VAGUE_BEFORE.search(before)) or text[m.end("num") : m.end("num") + 1] == "几":
        return None
    unit_clean = unit
    inner_more = half = False
    if unit.startswith("个") and len(unit) > 1 and unit[1] in "多半":
        inner_more = unit[1] == "多"
        half = unit[1] == "半"  # 6个半小时 is 6.5 个小时
        unit_clean = "个" + unit[2:]
    nxt = text[m.end("unit") : m.end("unit") + 1] if m.group("unit") else ""
    if nxt == "半" and unit_clean in _HALF_AFTER:
        half = True  # 3天半, 两年半
    if nxt and not implied and _unit_blocked(unit_clean, text, m.end("unit")):
        return None
    value = parse_number(("百分之" if pct else "") + num)
    if value is None:
        return None
    if half:
        value += 0.5
    digits_only = _NON_DIGIT.sub("", num)
    if is_arabic and len(digits_only) >= 7 and not _SEPARATOR.search(num) and not _SCALE_CHAR.search(num):
        return None  # phone numbers and codes
    if (
        not is_arabic
        and num in ("一", "壹")
        and not m.group("mag")
        and not pct
        and not (
            m.group("post")
            or m.group("q1")
            or m.group("q2")
            or inner_more
            or half
            or (_prefix_qualifier(before) and not before.endswith(("最多", "最高", "最少", "最低")))
        )
    ):
        return None  # 一 meaning "a/one": 一张, 一位居民, 一次; with a bound (不到一年, 约一公里, 一年多) it is a number
    if not is_arabic and len(num) == 1 and unit_clean in _CN_SINGLE_DIGIT_BAD_UNITS and not (
        unit_clean == "起" and num in "两二三五六七八九十" and _CJK_FIRST.match(text[m.end() : m.end() + 1])
    ):
        return None  # 一起 is "together"; 两起袭击 counts incidents
    if not is_arabic and not _MULTIPLIER_CHAR.search(num) and len(num) > 1:
        return None  # 二〇二二 (a year) or 两三 (a range)
    if unit_clean == "对" and value <= 2 and nxt and nxt in "0123456789一二两":
        return None  # 1对1, 一对一: a way of pairing, not pairs
    if unit_clean == "次" and _SERVICE_NUMBER_AFTER.match(text, m.end()):
        return None  # 3634次列车, K21次旅客列车: a train's number, not a count
    if unit_clean == "字" and not is_arabic:
        return None  # 八字方针, 十六字: a slogan's length, not a count
    if unit_clean in _ARABIC_COUNTS and (not is_arabic or value >= 1000):
        return None  # 两国, 三道: names and manners; 2019国庆: a year, then a word
    if unit_clean == "成" and value > 10:
        return None  # tenths go to ten: 2019成都… is a year, then the city
    if unit_clean == "分" and (not is_arabic or _CLOCK_BEFORE.search(before)):
        return None  # 十分重要, 三分之一; 9时57分, 8点15分: a clock's minutes
    if unit_clean == "米" and _RACE_BEFORE.search(before):
        return None
    if unit_clean == "级" and not (_FORCE_BEFORE.search(before) or _FORCE_AFTER.match(text, m.end("unit"))):
        return None
    if unit_clean == "期" and _PHASE_BEFORE.search(before):
        return None  # 子午工程二期: a phase, named by its number
    if unit_clean == "届" and value >= 1000:
        return None  # 2020届毕业生: a class, named by its year
    # Years and dates.
    # 5000多年, 距今约9000年: a span, not the year (2030年左右 is a year)
    more = bool(m.group("q1") or m.group("q2")) or bool(_AGO_BEFORE.search(before))
    if unit_clean == "年" and before.endswith("今明"):
        return None  # 今明两年: this year and the next, a time, not a span counted
    if unit_clean == "年" and not more and (value >= 1000 or not is_arabic and len(num) > 2 and "十" not in num):
        return None
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
    unit_clean = UNIT_ALIAS.get(unit_clean, unit_clean)
    if (UNIT_KIND.get(unit_clean) == "count" and value != int(value) and not m.group("mag") and not implied
            and not _RATE_BEFORE.search(_CLAUSE_BREAK_BEFORE.sub("", text[max(line_start, start - 16) : start]))):
        return None  # 2.2个 is not a count of things; 每千人口4.88张 is a rate
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
    if (m.group("q1") or m.group("q2") or inner_more) and not q_pre:
        qualifier = "at_least"  # 3000余人; a word before the number says more (近1万余人次 is at_most)
    post = m.group("post")
    if post:
        qualifier = _SUFFIX_KIND[post]
    end = m.end()
    if unit_clean == "秒" and is_arabic and not mag and value == int(value):
        hundredths = _HUNDREDTHS.match(text, m.end("unit"))
        if hundredths:
            value = round(value + int(hundredths.group(1)) / 100, 2)
            end = hundredths.end()
    low, high = _band(value, qualifier)
    return _Hit(value, unit_clean, qualifier, low, high, start, m.end("num"), end)


def _fraction_hits(text: str, a: int, b: int) -> list[_Hit]:
    """三分之一, 四分之三以上: shares written as fractions, as a per cent rounded to 0.01."""
    out = []
    for m in _FRACTION.finditer(text, a, b):
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if not den or num is None or num > den:
            continue
        value = round(num / den * 100, 2)
        qualifier = _prefix_qualifier(text[max(a, m.start() - 8) : m.start()]) or "exact"
        if m.group("post"):
            qualifier = _SUFFIX_KIND[m.group("post")]
        out.append(_Hit(value, "%", qualifier, *_band(value, qualifier), m.start(), m.end("num"), m.end()))
    return out


# half a unit of time with no numeral (近半个小时, 不到半小时, 半个月, 半年来); not 上半年, 大半年, 一半
_HALF = re.compile(
    r"(?P<pre>近|约|不到|不足|仅|只有|大约)?(?<![上下前后每多大一两三四五六七八九十个])半"
    r"(?:个(?P<u1>小时|月|星期|钟头)|(?P<u2>年)(?![度级刊])|(?P<u3>小时))"
)
_HALF_UNIT = {"小时": "个小时", "月": "个月", "星期": "个星期", "钟头": "个小时", "年": "年"}
_HALF_QUALIFIER = {"近": "at_most", "不到": "at_most", "不足": "at_most", "约": "approx", "大约": "approx"}


def _half_hits(text: str, a: int, b: int) -> list[_Hit]:
    """半个小时, 近半个月, 半年: half a unit of time, 0.5 of it."""
    out = []
    for m in _HALF.finditer(text, a, b):
        unit = "小时" if m.group("u3") else _HALF_UNIT[m.group("u1") or m.group("u2")]  # 半小时 as printed
        qualifier = _HALF_QUALIFIER.get(m.group("pre") or "", "exact")
        start = m.start() + len(m.group("pre") or "")
        out.append(_Hit(0.5, unit, qualifier, *_band(0.5, qualifier), start, m.end() - len(unit), m.end()))
    return out


# tens and some (十几个, 二十几年, 十几亿人): at least the tens. Only this form: 几十, 几百, 数千 (some tens,
# hundreds, thousands) are vague amounts, which annotators leave out or mark optional.
_SOME = re.compile(
    r"(?<![\d一二三四五六七八九十两几数百千万亿第])(?P<tens>[二三四五六七八九]?十)几"
    r"(?P<big>万|亿)?(?P<unit>个(?:月|小时|工作日|星期)|" + _UNIT_ALT + ")"
)
_CN_DIGIT = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _some_hits(text: str, a: int, b: int) -> list[_Hit]:
    """十几个, 二十几年, 十几亿人: the tens, at least (十几 → 10, 二十几 → 20)."""
    out = []
    for m in _SOME.finditer(text, a, b):
        unit = m.group("unit")
        if _unit_blocked(unit, text, m.end()):
            continue
        unit = UNIT_ALIAS.get(unit, unit)  # 十几亿人口 counts 人
        tens = m.group("tens")
        value = 10.0 * (_CN_DIGIT[tens[0]] if len(tens) == 2 else 1)
        if m.group("big"):
            value *= 1e4 if m.group("big") == "万" else 1e8
        num_end = m.start("unit")
        out.append(_Hit(value, unit, "at_least", *_band(value, "at_least"), m.start(), num_end, m.end()))
    return out


_BARE_SCALES = {"百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}
_BARE_QUALIFIERS = {
    "近": "at_most", "逾": "at_least", "超": "at_least", "约": "approx", "上": "at_least", "过": "at_least",
    "突破": "at_least", None: "exact",
}


def _bare_scale_hits(text: str, a: int, b: int) -> list[_Hit]:
    """近千人, 逾万元, 上百家, 过亿只, 近百亿元: a bare scale after a qualifier; 百余名, 千余户: before 余/多."""
    out = []
    for m in _CN_BARE_SCALE.finditer(text, a, b):
        pre = m.group("pre")
        if pre is None and not m.group("q1"):
            continue  # 千家万户, 百姓: a bare 百/千/万 needs a qualifier before it or 余/多 after it
        unit = m.group("unit")
        if unit == "户籍" or _unit_blocked(unit, text, m.end()):
            continue
        value = 1.0
        for ch in m.group("num"):  # 百 千 万 亿, and 百万 千万 百亿 千亿: the scales multiply
            value *= _BARE_SCALES[ch]
        qualifier = _BARE_QUALIFIERS[pre]
        if m.group("q1"):
            qualifier = "at_least"
        out.append(_Hit(value, unit, qualifier, *_band(value, qualifier), m.start("num"), m.end("num"), m.end()))
    return out


def _bounds(breaks: list[int], a: int, b: int, pos: int, end: int) -> tuple[int, int]:
    """The piece of ``text[a:b]`` around ``pos..end`` between the break characters at ``breaks``."""
    i = bisect_left(breaks, pos)
    s = breaks[i - 1] + 1 if i else a
    j = bisect_left(breaks, end, i)
    return s, (breaks[j] if j < len(breaks) else b)


@dataclass(frozen=True, slots=True)
class _PageScan:
    """Character positions found in one pass over a whole page, shared by its articles."""

    text: str
    number_starts: list[int]
    quote_opens: list[int]
    bare_scale: bool  # whether 近千/逾万/上百 + unit occurs anywhere
    fraction: bool  # whether N分之M occurs anywhere


_last_scan: _PageScan | None = None


def _page_scan(text: str) -> _PageScan:
    """The scan of ``text``, kept for the page's next article (page.py calls once per article)."""
    global _last_scan
    last = _last_scan
    if last is not None and last.text is text:
        return last
    scan = _PageScan(
        text=text,
        number_starts=[m.start() for m in _NUMBER_START.finditer(text)],
        quote_opens=[m.start() for m in _QUOTE_OPEN.finditer(text)],
        bare_scale=_CN_BARE_SCALE.search(text) is not None,
        fraction="分之" in text,  # a plain substring test: the pattern itself is slow to scan with
    )
    _last_scan = scan
    return scan


def _hits_in_span(text: str, a: int, b: int, scan: _PageScan) -> list[_Hit]:
    opens = scan.quote_opens
    i = bisect_left(opens, a)
    quoted = _quoted_name_spans(text, a, b) if i < len(opens) and opens[i] < b else []
    hits: list[_Hit] = []
    # (low end, where the high end must start, low's start, low's end)
    pending_range: tuple[float, int, int, int] | None = None
    starts = scan.number_starts
    pos = a
    for c in starts[bisect_left(starts, a) : bisect_left(starts, b)]:
        if c < pos:
            continue  # inside the numeral matched before
        m = _NUMBER.match(text, c, b)
        if m is None:
            continue
        pos = m.end()
        start = m.start()
        if start > a and _DIGIT_OR_DOT.match(text, start - 1):
            continue
        if quoted and _inside(start, quoted):
            continue
        # A range: 3至5人, 3-5天 → the first numeral has no unit and is followed by 至/到/-/~.
        if not m.group("unit") and not m.group("pct"):
            nxt = text[m.end() : m.end() + 1]
            if nxt and nxt in "至到-~—～":
                low = parse_number(m.group("num"))
                pending_range = (low, m.end() + 1, start, m.end()) if low is not None else None
                continue
            if not (m.group("mag") or m.group("num")[-1] in "万亿"):
                pending_range = None
                continue
            # a bare 万/亿 amount: _match_to_hit infers its unit from the words before it, if it can
        in_range = bool(pending_range and pending_range[1] == start)
        hit = _match_to_hit(text, m, a, in_range)
        if hit is None:
            pending_range = None
            continue
        if in_range:
            low = pending_range[0]
            mag = m.group("mag") or (m.group("num")[-1] if m.group("num")[-1] in "万亿" else None)
            if mag and low < hit.value / 1000:  # 1至1.5亿元: the low end is in 亿 too
                low = scale_value(low, 10_000 if mag == "万" else 100_000_000)
            # One stated quantity, one metric: the high end, approx, with the range as its band
            # (a row per end would count 3至5人 twice in any sum over the marts).
            hit = _Hit(hit.value, hit.unit, "approx", low, hit.value, pending_range[2], hit.num_end, hit.end)
        pending_range = None
        hits.append(hit)
    if scan.bare_scale:
        for h in _bare_scale_hits(text, a, b):
            if not _inside(h.num_start, quoted):
                hits.append(h)
    if text.find("十几", a, b) != -1:
        for h in _some_hits(text, a, b):
            if not _inside(h.num_start, quoted):
                hits.append(h)
    if text.find("半", a, b) != -1:
        for h in _half_hits(text, a, b):
            if not _inside(h.num_start, quoted):
                hits.append(h)
    if scan.fraction and text.find("分之", a, b) != -1:
        for h in _fraction_hits(text, a, b):
            if not _inside(h.num_start, quoted):
                hits.append(h)
    return hits


def extract_metrics(text: str, spans: list[tuple[int, int]]) -> list[ParsedMetric]:
    """Quantities stated in an article's paragraphs ``spans`` of ``text``, in text order, deduplicated."""
    out: list[ParsedMetric] = []
    seen: set[tuple[float, str, str]] = set()
    scan = _page_scan(text)
    for a, b in spans:
        hits = _hits_in_span(text, a, b, scan)
        if not hits:
            continue
        hits.sort(key=lambda h: h.num_start)
        sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text, a, b)]
        clause_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, a, b)]
        last_noun: tuple[int, str] | None = None  # (sentence start, subject noun) of the metric before
        prev_hit: tuple[int, int, str | None] | None = None  # (clause start, end, subject) of the metric before
        for hit in hits:
            sent_start, _ = _bounds(sentence_ends, a, b, hit.num_start, hit.num_start)
            c_start, c_end = _bounds(clause_breaks, a, b, hit.num_start, hit.end)
            same_clause = prev_hit[1:] if prev_hit and prev_hit[0] == c_start else None
            subject, q_start, q_end = metric_subject(text, hit.num_start, hit.end, hit.unit, c_start, c_end, same_clause)
            prev_hit = (c_start, hit.end, subject)
            if subject and CHANGE_ONLY.fullmatch(subject):
                if last_noun and last_noun[0] == sent_start:
                    subject = last_noun[1] + subject  # 社会消费品零售总额…，增长3.2% → 社会消费品零售总额增长
            elif subject:
                noun = SUBJECT_VERB_TAIL.sub("", subject)
                last_noun = (sent_start, noun) if noun and not CHANGE_ONLY.search(noun) else None
            q_start = min(q_start, hit.num_start)
            # The quote also holds a qualifier written before the number (超过95%).
            before = text[max(c_start, hit.num_start - 4) : hit.num_start]
            pm = _PREFIX_RE.search(before)
            if pm and not _FALSE_PREFIX.search(before):
                q_start = min(q_start, hit.num_start - len(pm.group(0)))
            quote = text[q_start : max(q_end, hit.end)]
            key = (hit.value, hit.unit, _SPACES.sub("", quote))
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
                    period=metric_period(text, sent_start, hit.num_start),
                    start=q_start,
                    end=max(q_end, hit.end),
                )
            )
    return drop_restated(out, text, spans) if len(spans) > 1 and out else out
