"""Administrative units named in an article (rules in the benchmark's SPEC.md).

One index over every full name and every short form of two or more characters
(built once per process, see ``_raw_mentions``) finds candidate mentions; the
longest match wins where candidates overlap (沧州市 over 沧州). A mention is then
kept or dropped by rules that hold for any page:

* not inside a newspaper's name (沧州日报, 河北日报 name the paper, not the place);
* a short form that is also an everyday word is dropped (平安, 复兴, 光明, 运河
  …: ``COMMON_WORD_SHORT_FORMS``) unless printed right after its own city's or
  province's name (北京大兴, 深圳南山), as are full names that are ordinary words
  (城区, 郊区, 东区 …);
* a short form directly followed by 路/街/大道/巷/胡同, or squeezed between a
  direction and 里/村/庄 (东河北里), names a street or a neighbourhood;
* a county-level short form (and a two-character county name such as 兴县)
  only counts for a county whose province or city the page names (any of them: a
  national paper's page names several), unless it is printed with its suffix
  (昌江县) or has three characters or more (乌兰浩特): 柳河 in 柳河山谷 on a Hebei
  page is not Liuhe County in Jilin, 和政 in 党和政府 is no county; full names count
  anywhere;
* a city's or county's short form is not the unit before a river, lake or mountain
  word (嘉陵江, 岳麓山), after a surname and before what follows a person's name
  (刘大庆介绍), or where it is read across a common word (重大庆典, 搬迁安置);
* a two-character county name glued to 域/级/城 is the word 县域/县级/县城
  (振兴县域经济 does not name 兴县).

Development zones: 高新区 / 经济开发区 / 开发区 / 经济技术开发区 written after a
city's name (沧州高新区) or bare on a page whose city is known become
"<city short>高新区" / "<city short>经济开发区" / "<city short>经济技术开发区"
(level ``zone``, no code); a bare zone written after the same kind of zone was
named in full on the page is that zone again. A bare zone also yields its city,
marked ``inferred`` because the city is implied, not printed (the benchmark
lists only printed units). A zone named after a town (XX镇开发区) is not a unit.
The state-level new areas (国家级新区: 雄安新区, 两江新区 …), listed with their
approvals in ``data/national_new_areas.csv``, are zones under their own names
wherever printed; a county's short form inside such a name (江北 of 江北新区, 南沙
of 南沙新区) is not that county, a city's (兰州新区, 长春新区) still names the city.
(浦东新区 and 滨海新区 are districts of the code list.)
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ahocorasick_rs import AhoCorasick, MatchKind

from ingestion.parsing.gazetteer import Gazetteer, Region, load_gazetteer
from ingestion.parsing.model import ParsedRegion

# Short forms that are ordinary Chinese words far more often than place names
# (peace, revival, resources, for example, police, port, canal, news agency …),
# and the names of lakes, regions and cities' nicknames or old names that districts
# were named after (西湖, 太湖, 江汉 the plain, 榕城 for Fuzhou, 姑苏 for Suzhou).
# Drawn from general vocabulary: short forms that a general-purpose dictionary
# lists as common nouns, verbs or adjectives. The full names still count.
COMMON_WORD_SHORT_FORMS = frozenset(
    """
    平安 复兴 振兴 光明 前进 友好 友谊 爱民 惠民 富民 新民 回民 民权 民乐 共和 互助 同仁 同德
    新兴 兴隆 兴业 宏伟 解放 红旗 向阳 东风 和平 太平 安宁 安定 和顺 万全 吉利 长安 长寿
    富裕 博爱 方正 资源 合作 比如 南部 公安 新建 商城 港口 灯塔 平房 丰满
    磐石 榆树 梨树 龙潭 龙凤 龙门 龙井 白塔 元宝 马尾 石狮 莲花 光泽 清流 开化 温泉 天山
    高明 清新 阳春 南海 江海 江岸 南岸 前锋 大英 石棉 朝天 金牛 锦江 新都 东坡 九龙 三江
    七星 凌云 乐业 紫金 大悟 云梦 华容 咸丰 台前 平原 高密 牡丹 康乐 木兰 建华 阳明 鸡冠
    恒山 龙江 中原 二七 上街 老城 新城 新市 城关 城厢 城东 城西 城南 城北 城中 市中 站前
    铁东 铁西 江南 江北 江东 江城 河东 河西 河口 路南 路北 桥东 桥西 滨海 鼓楼 山城 湖滨
    卧龙 中站 小店 大安 大城 大厂 大名 大兴 大方 江山 安居 朝阳 青山 白云 天河 金山 宝山
    南山 北山 东山 西山 凤凰 桃源 石门 洞口 荷塘 芙蓉 黑河 红河 白沙
    盐田 中山 阿里 白银 普洱 大理 玉树 东方 中方 会同 通道 海港 运河 新华 无极 高新
    日照 泰山 临江 延长 清水 长子 平定 威信 平和 工农 武功 万年 三元 六合 大观 黄龙 石林 永和
    太和 名山 同心 无为 天涯 海棠 麒麟 海盐 天台 高台 水城 铜鼓
    云霄 江汉 西湖 东湖 南湖 北湖 太湖 青山湖 姑苏 龙城 鹿城 榕城
    """.split()
)
# Cities whose short form is also a common word (天下大同, 长治久安, 幸福安康): the city when the page names
# its province or another place in it (在大同买了一套房 on a page naming 山西 or 太原), as a county's short form.
_CITY_IN_CONTEXT = frozenset("大同 长治 安康".split())
# Short forms that are a place only when not followed by these characters
# (新乡贤 is a village worthy, 大同小异 a set phrase, 哈密瓜 a melon).
_WORD_AFTER = {
    "新乡": ("贤", "村"),
    "哈密": ("瓜",),
    "长白": ("山",),
    "北京": ("时间",),
    "文山": ("会海",),  # 文山会海: too many papers and meetings
    # Pakistan and China (巴中两国, 巴中合作), not the city of Sichuan
    "巴中": ("两国", "合作", "关系", "友谊", "友好", "建交", "经济走廊", "双方", "两国人民"),
    "大同": ("小异", "盟", "世界", "社会", "理想", "思想"),
    "长治": ("久安",),
    "乌苏": ("里",),  # 乌苏里江, the river
    "白山": ("黑水",),  # 白山黑水: the mountains and rivers of the Northeast, a set phrase
}
# Short forms that read as a pair of countries on a page naming the foreign one (在巴中资机构, 巴中友谊
# on a page about Pakistan): there the short form is not the city; its full name (巴中市) still counts.
# 海西 on a page about Fujian or the Strait is 海峡西岸 (海西研究院, 海西经济区), not the prefecture in Qinghai.
_COUNTRY_PAIR = {"巴中": ("巴基斯坦", "巴方"), "海西": ("福建", "海峡", "台湾", "闽")}
# Full names that are everyday words (a town's 城区, the 郊区 of any city).
COMMON_WORD_FULL_NAMES = frozenset("城区 郊区 矿区 东区 西区 新区 市区 新市区 解放区".split())
# A full name opening with 市 read across a word that ends in 市 (城市中区域, 全市中区县) is no unit.
_CITY_WORD_BEFORE = frozenset("城全本该各我此")
# What follows a short form when it names a street or a building, not the unit.
_STREET_AFTER = ("路", "街", "大街", "大道", "巷", "胡同", "门")  # …or a gate (广安门医院)
# …except words for streets in general (鹰潭街头 is in the city, not on a street named after it;
# 宁蒗路灯 are the county's street lights).
_STREETS_IN_GENERAL = ("街头", "街巷", "街面", "街区", "街景", "街坊", "路灯", "路面", "路网", "路况", "门户", "门口", "门前")
_DIRECTIONS = "东西南北"
# One-character names of provinces, which with a direction name a part of one (豫西, 苏北, 皖南)
_PROVINCE_LETTERS = frozenset("豫冀鲁晋陕甘川蜀滇黔湘鄂赣皖苏浙闽粤桂琼辽吉黑蒙宁青新藏渝沪京津")
_NEIGHBOURHOOD_AFTER = ("里", "村", "庄", "屯")
# A newspaper's name: the place, up to three more characters, then a paper word
# (沧州日报, 唐山劳动日报, 河北青年报) — but not 报道 (a report).
_NEWSPAPER_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:日报|晚报|都市报|青年报|商报|时报|法制报|经济报)")
_COUNTY_WORD_AFTER = ("域", "级", "城", "委")  # 县域, 县级, 县城, 市委和县委
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
# A city's or county's short form followed by a natural feature is the feature's name (嘉陵江, 岳麓山,
# 青山湖畔): the river, lake or mountain, which the unit was named after, not the unit. Provinces and
# a place name that goes on with another unit (南京江北新区) are not affected.
_FEATURE_AFTER = (
    *"江河湖山岭峰峡溪寨洞滩畔塔堂亭阁祠寺庙陵",  # a pavilion, hall, shrine or temple named after the place (合江亭, 武侯祠)
    "景区",
    "风景区",
    "名胜区",
)
_NOT_FEATURE = ("峰会", "山区", "河段", "湖区")  # a summit, and the hills of a place
# Surnames that most often open a two-character given name equal to a place's short form
# (王永清, 刘大庆, 何嘉兴); such a mention followed by what follows a person's name is that person.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯史陶贺顾毛郝龚邵钱严覃戴莫孔汤池"
)
_PERSON_AFTER = re.compile(
    r"(?:说|表示|介绍|告诉|认为|坦言|回忆|感慨|感触|笑着|出席|等\d|等人|、[\u4e00-\u9fff]{2,3}(?:[、，,]|出席|参加|陪同)|同志|代表|委员|主任|书记|局长|"
    r"院长|所长|校长|经理|先生|女士|老师|教授|院士|医生|护士|手上|[\s（(])"
)
# Characters that open a two-character short form and are also function words or common word
# halves (党和政府 is no 和政, 带来安全 no 来安, 十八大关于 no 大关, 壮大新动能 no 大新): after another
# Chinese character that is not a preposition and not the end of a place, they belong to that word
# (辖区内江河 is 区内 and 江河, no 内江).
_LEADING_WORD_CHARS = frozenset("和与及新来以之为内")
# 大 opens many short forms (大连, 大庆): only after the characters of a word ending in 大 (重大庆典, 壮大新动能).
_BEFORE_DA = frozenset("重最壮强伟广巨加扩八盛庞远放博长高宏浩")
# 民 opens some (民和, 民勤): after the first character of a word ending in 民 (人民和全世界, 人民勤劳) it is that word's.
_BEFORE_MIN = frozenset("人居农村市公网国军牧渔移灾难选股藏回汉全庶臣良贫饥")
# A short form that reads as a numeral and a measure word (三台旋耕机, 五台设备): a count when a noun follows,
# the county when its suffix, a function word or punctuation does.
_NUMERAL_COUNTIES = frozenset("三台 五台".split())
_AFTER_NUMERAL_COUNTY = frozenset("县市区的人、和与及在是，,。；;：:）)”")
# Common words that a two-character short form's last character begins (和政府, 迁安置, 新平台, 界首批):
# printed right after the short form, the characters belong to that word, not to the place.
_WORD_TAIL_PAIRS = frozenset(
    """
    政府 关于 平台 丰收 首批 安置 安全 中华 元宵 远大 于是 于全 国家 台阶 台上 化工 化学 发展 和平
    平安 安排 安装 安心 东部 西部 南部 北部 中部 城市 宁静 康复 民主 民族 民生 福利 华人 华侨 明显
    明确 清楚 清理 山水 江河 海外 兴趣 兴奋 庆祝 庆典 阳光 光明 定期 定位 丰富 丰厚 宁愿 长期 长远
    山庄 水平
    """.split()
)
# A page's city is trusted (for bare 开发区 and for naming 本报's paper) only
# when it is named this often and this much more than any other city.
MIN_CITY_MENTIONS = 3
CITY_DOMINANCE = 2.0
# Administrative suffixes a short form may be printed with after a reform
# (永年县 became 永年区): the printed suffix gives the current full name.
_REFORM_SUFFIXES = ("区", "县", "市", "旗")
# …except where the character starts an ordinary word (泊头市场, 某地区域).
_NOT_REFORM = frozenset("区域 区级 县域 县级 县城 市场 市民 市级 市区 市县 市委 市政".split())

NEW_AREAS_CSV = Path(__file__).resolve().parent / "data" / "national_new_areas.csv"


@functools.cache
def _new_area_re() -> re.Pattern[str]:
    """The state-level new areas' names (longest first), from ``data/national_new_areas.csv``."""
    with open(NEW_AREAS_CSV, encoding="utf-8", newline="") as f:
        names = sorted((row["name"] for row in csv.DictReader(f)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


_ZONE_RE = re.compile(r"高新技术产业开发区|高新技术开发区|高新区|经济技术开发区|经济开发区|开发区")
_ZONE_KIND = {
    "高新技术产业开发区": "高新区",
    "高新技术开发区": "高新区",
    "高新区": "高新区",
    "经济技术开发区": "经济技术开发区",
    "经济开发区": "经济开发区",
    "开发区": "经济开发区",
}
# A zone word right after these is a town's, a village's or a sector's own park
# (XX镇开发区, 工业开发区), not the page city's development zone.
_TOWN_AFTER = ("镇", "乡", "街道")
_TOWN_BEFORE = ("镇", "乡", "村", "街道", "社区", "工业", "产业", "农业", "旅游", "科技", "物流")


@dataclass(frozen=True, slots=True)
class RegionContext:
    """What the page as a whole says about where it is."""

    newspaper: str | None = None  # the page's paper: mentions inside its name are skipped
    city_code: str | None = None  # the page's city: bare 开发区/高新区 belong to it
    province_codes: frozenset[str] = frozenset()  # county short forms count only here
    city_codes: frozenset[str] = frozenset()  # …or in a city named on the page
    exclude: tuple[tuple[int, int], ...] = ()  # spans never searched (people's names)
    city_confident: bool = False  # the city is the paper's, or clearly the most named


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ costs 3x, and pages make thousands
class _Mention:
    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    is_full: bool  # the surface is a full name of (one of) the candidates


@dataclass(frozen=True, slots=True)
class _Matcher:
    table: dict[str, tuple[tuple[Region, ...], bool]]  # surface → (candidates, is a full name)
    surfaces: tuple[str, ...]  # the automaton's patterns, by index
    automaton: AhoCorasick  # over every surface


@functools.cache
def _matcher() -> _Matcher:
    """Index over full names and short forms, with each surface's candidates (built once)."""
    gaz = load_gazetteer()
    full: dict[str, list[Region]] = {}
    short: dict[str, list[Region]] = {}
    for r in gaz.regions:
        full.setdefault(r.name, []).append(r)
        if r.short_name:
            short.setdefault(r.short_name, []).append(r)
    table: dict[str, tuple[tuple[Region, ...], bool]] = {}
    for surface, regs in short.items():
        table[surface] = (tuple(regs), False)
    for surface, regs in full.items():
        # A full name shadows a short form spelled the same; keep the full candidates first.
        extra = [r for r in short.get(surface, []) if r not in regs]
        table[surface] = (tuple(regs + extra), True)
    surfaces = tuple(table)
    return _Matcher(table, surfaces, AhoCorasick(list(surfaces), matchkind=MatchKind.Standard))


@functools.cache
def _current_by_code() -> dict[str, Region]:
    """Per code, the unit listed last under it: the current name where a unit was renamed since the code list."""
    return {r.code: r for r in load_gazetteer().regions}


# A short form whose first character ends a common word before it (隆重庆祝, 郑重庆贺).
# (九成都返京: nine tenths all came back, not 成都)
_WORD_BEFORE: dict[str, str] = {
    "重庆": "隆郑庄慎尊严稳",
    "成都": "一二两三四五六七八九十几数",
    "大同": "下界",  # 天下大同, 世界大同
    "安康": "福泰平康健",  # 幸福安康, 健康安康
}


def _mountain_area(m: _Mention, spans: set[tuple[int, int]], text: str) -> bool:
    """A district named X山区 read across a place ending in X and the word 山区 (云南山区, 江西山区).

    The place is a two-character name ending in X, not the tail of a full name (深圳市南山区).
    """
    return (
        m.is_full
        and len(m.surface) == 3
        and m.surface.endswith("山区")
        and (m.start - 1, m.start + 1) in spans
        and text[m.start - 1] not in "省市县区州盟旗"
    )


def _raw_mentions(text: str, a: int, b: int) -> list[_Mention]:
    """Gazetteer matches in ``text[a:b]``, overlaps resolved longest-first.

    One pass of an Aho-Corasick automaton (ahocorasick-rs) over the text gives
    every match, overlaps included; at each position the longest name is the
    candidate. (pyahocorasick searches a trie node's children linearly, and the
    root here has some 900: three times slower on real pages than even a regex
    prefilter; the Rust automaton is four times faster than that.)
    """
    mt = _matcher()
    span = text if a == 0 and b == len(text) else text[a:b]
    longest: dict[int, int] = {}  # start → the longest match's end
    for _idx, start, end in mt.automaton.find_matches_as_indexes(span, overlapping=True):
        if end > longest.get(start, 0):
            longest[start] = end
    found = []
    table = mt.table
    for start, end in longest.items():
        surface = span[start:end]
        regs, is_full = table[surface]
        found.append(_Mention(a + start, a + end, surface, regs, is_full))
    if len(found) < 2:
        return found
    # 云南山区 is Yunnan's mountain areas, not 南山区: a X山区 district gives way to the place ending in X
    spans = {(m.start, m.end) for m in found}
    found = [m for m in found if not _mountain_area(m, spans, text)]
    # Greedy longest-first: a match survives unless a longer one overlaps it. Between two of one
    # length, a short form that opens with a preposition or particle gives way to the name after it
    # (从江西: 江西, not 从江), then the earlier one wins.
    found.sort(key=lambda m: (m.start - m.end, not m.is_full and m.surface[0] in _FUNCTION_BEFORE, m.start))
    used = bytearray(b - a)
    taken: list[_Mention] = []
    for m in found:
        lo, hi = m.start - a, m.end - a
        if used.find(1, lo, hi) < 0:
            used[lo:hi] = b"\x01" * (hi - lo)
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken


@functools.lru_cache(maxsize=8)
def _page_mentions(text: str) -> tuple[tuple[int, ...], tuple[_Mention, ...]]:
    """Matches over a whole page (computed once per page), with their start offsets."""
    ms = _raw_mentions(text, 0, len(text))
    return tuple(m.start for m in ms), tuple(ms)


def _newspaper_spans(text: str, a: int, b: int, newspaper: str | None) -> tuple[tuple[int, int], ...]:
    if not newspaper:
        return ()
    out = []
    i = text.find(newspaper, a, b)
    while i >= 0:
        out.append((i, i + len(newspaper)))
        i = text.find(newspaper, i + 1, b)
    return tuple(out)


def _after_parent(text: str, start: int, r: Region, gaz: Gazetteer) -> bool:
    """Whether the name (full or short) of ``r``'s city or province ends right at ``start``."""
    for code in (r.city_code, r.province_code):
        parent = gaz.by_code.get(code) if code and code != r.code else None
        if parent is not None and any(
            name and len(name) >= 2 and text.startswith(name, start - len(name)) for name in (parent.name, parent.short_name)
        ):
            return True
    return False


def _choose(m: _Mention, text: str, ctx: RegionContext, gaz: Gazetteer) -> Region | None:
    """The unit a mention names, or None when the rules say it is not a place here."""
    after = text[m.end : m.end + 3]
    before = text[m.start - 1] if m.start > 0 else ""
    # Printed with an administrative suffix (昌江县, 互助县); a suffix counts only where the short form starts
    # a word (管委会东区 is no 会东区).
    before_ok = not _CJK.match(before) or before in _FUNCTION_BEFORE
    suffixed = after[:1] in _REFORM_SUFFIXES and after[:2] not in _NOT_REFORM and before_ok
    parent_printed = False
    if _NEWSPAPER_AFTER.match(text, m.end):
        return None
    if m.is_full:
        if m.surface in COMMON_WORD_FULL_NAMES:
            return None
        if m.surface.startswith("市") and (before in _CITY_WORD_BEFORE or after[:1] in ("域", "县")):
            return None
        if m.surface.endswith("市") and after[:1] == "场":
            return None  # 长沙湾市场: a market, not 沙湾市
        if m.surface[0] in _DIRECTIONS and before in _PROVINCE_LETTERS:
            return None  # 豫西山区, 闽西山区: a part of a province, then 山区, not 西山区
        cands = [r for r in m.candidates if r.name == m.surface]
    else:
        if m.surface in COMMON_WORD_SHORT_FORMS:
            # …unless printed right after the name of its own city or province (北京大兴, 广州天河), or with
            # a suffix that is its own unit's (互助县 for 互助土族自治县), where it starts a word
            parented = [r for r in m.candidates if _after_parent(text, m.start, r, gaz)]
            own_suffix = [r for r in m.candidates if suffixed and r.name.endswith(after[:1])]
            if not parented and not own_suffix:
                return None
            m = _Mention(m.start, m.end, m.surface, tuple(parented or own_suffix), m.is_full)
            parent_printed = True
        if after.startswith(_STREET_AFTER) and not after.startswith(_STREETS_IN_GENERAL):
            return None
        if before in _DIRECTIONS and after.startswith(_NEIGHBOURHOOD_AFTER):
            return None
        if after.startswith(_WORD_AFTER.get(m.surface, ())) and m.surface in _WORD_AFTER:
            return None
        if m.surface in _COUNTRY_PAIR and any(country in text for country in _COUNTRY_PAIR[m.surface]):
            return None
        cands = list(m.candidates)
        if m.surface in _CITY_IN_CONTEXT:
            cands = [r for r in cands if r.province_code in ctx.province_codes]
    two_char_county = m.is_full and len(m.surface) == 2
    if two_char_county and after.startswith(_COUNTY_WORD_AFTER):
        return None
    # A county's short form (and a two-character county name) is a word or a person's name as often
    # as the county (和政 in 党和政府, 来安 in 带来安全): it counts when printed with its suffix (昌江县), when
    # it is long enough to be unambiguous (乌兰浩特), or when the page names its province or city.
    needs_context = not suffixed and len(m.surface) < 3 and not parent_printed
    kept = []
    for r in cands:
        if r.level == "county" and (not m.is_full or two_char_county) and needs_context:
            if r.province_code not in ctx.province_codes and r.city_code not in ctx.city_codes:
                continue
        kept.append(r)
    if not kept:
        return None

    current = _current_by_code()
    printed_suffix = after[:1] if not m.is_full and after[:1] in _REFORM_SUFFIXES and after[:2] not in _NOT_REFORM else None

    def rank(r: Region) -> tuple:
        in_city = ctx.city_code is not None and (r.city_code == ctx.city_code or r.code == ctx.city_code)
        in_prov = r.province_code in ctx.province_codes
        # A unit of the page's own province first (兴安 on a Heilongjiang page is its 兴安区,
        # not Inner Mongolia's 兴安盟), then the higher level (吉林 is the province).
        # A printed suffix names the kind of unit first (昌江县 is the county, not Jingdezhen's 昌江区).
        suffix_differs = printed_suffix is not None and not r.name.endswith(printed_suffix)
        # Of two names under one code (永年县, and 永年区 since 2016) the current one.
        return (suffix_differs, not (in_city or in_prov), _LEVEL_RANK[r.level], not in_city, r.code, r is not current[r.code])

    return min(kept, key=rank)


def _zone_name(kind: str, prefix: Region | None, prefix_surface: str, ctx: RegionContext, gaz: Gazetteer) -> str | None:
    if prefix is not None:
        if prefix.level == "city":
            return (prefix.short_name or prefix.name) + kind
        if prefix.level == "county":
            return prefix_surface + kind
        return None
    city = gaz.by_code.get(ctx.city_code) if ctx.city_code and ctx.city_confident else None
    if city is None:
        return None
    return (city.short_name or city.name) + kind


def _spans_index(spans) -> tuple[list[int], list[int]]:
    ordered = sorted(spans)
    return [x for x, _ in ordered], [y for _, y in ordered]


def _in_spans(pos: int, index: tuple[list[int], list[int]]) -> bool:
    starts, ends = index
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


@functools.lru_cache(maxsize=8)
def _page_regions(text: str, ctx: RegionContext) -> tuple[tuple[int, ...], tuple[ParsedRegion, ...]]:
    """Every accepted mention on the page under ``ctx`` (zones included), ordered by start."""
    gaz = load_gazetteer()
    out: list[ParsedRegion] = []
    skip = _spans_index(ctx.exclude + _newspaper_spans(text, 0, len(text), ctx.newspaper))
    ends: dict[int, tuple[Region, str]] = {}
    mention_starts = frozenset(_page_mentions(text)[0])
    for m in _page_mentions(text)[1]:
        if _in_spans(m.start, skip):
            continue
        r = _choose(m, text, ctx, gaz)
        if r is None or (not m.is_full and r.level != "province" and _not_the_unit(m, text, mention_starts, ends)):
            continue
        if not m.is_full and m.start and text[m.start - 1] in _WORD_BEFORE.get(m.surface, ""):
            continue  # 隆重庆祝: 隆重 + 庆祝, not 重庆
        name, end = r.name, m.end
        nxt = text[m.end : m.end + 1]
        if (
            not m.is_full
            and r.level == "county"
            and nxt in _REFORM_SUFFIXES
            and not r.name.endswith(nxt)
            and text[m.end : m.end + 2] not in _NOT_REFORM
        ):
            name, end = m.surface + nxt, m.end + 1  # printed with its post-reform suffix
        ends[end] = (r, text[m.start : end])
        out.append(ParsedRegion(name=name, surface=text[m.start : end], code=r.code, level=r.level, start=m.start, end=end))
    named: dict[str, tuple[str, Region | None]] = {}  # zone kind → the zone last named in full, its city
    for z in _ZONE_RE.finditer(text):
        if _in_spans(z.start(), skip):
            continue
        kind = _ZONE_KIND[z.group()]
        prefix, prefix_surface = ends.get(z.start(), (None, ""))
        if prefix is None and not _bare_zone_ok(text, z.start()):
            continue
        city = None
        if prefix is None and kind in named:
            # 高新区 written bare after 沧州高新区 on the same page is that zone again.
            name, city = named[kind]
        else:
            name = _zone_name(kind, prefix, prefix_surface, ctx, gaz)
            if name and prefix is not None:
                named[kind] = (name, gaz.city_of(prefix.code))
            elif name:
                city = gaz.by_code[ctx.city_code]
        if name:
            out.append(ParsedRegion(name=name, surface=z.group(), code=None, level="zone", start=z.start(), end=z.end()))
            if prefix is None and city is not None:
                # The zone lies in its city even where the city is not printed.
                out.append(
                    ParsedRegion(
                        name=city.name,
                        surface=z.group(),
                        code=city.code,
                        level=city.level,
                        start=z.start(),
                        end=z.end(),
                        inferred=True,
                    )
                )
    for z in _new_area_re().finditer(text):
        if _in_spans(z.start(), skip):
            continue
        # 江北 of 南京江北新区 is not 江北区; 兰州 of 兰州新区 is still 兰州市
        out = [r for r in out if not (r.level == "county" and z.start() <= r.start < z.end())]
        out.append(ParsedRegion(name=z.group(), surface=z.group(), code=None, level="zone", start=z.start(), end=z.end()))
    out.sort(key=lambda r: r.start)
    return tuple(r.start for r in out), tuple(out)


def _not_the_unit(m: _Mention, text: str, mention_starts: frozenset[int], ends: dict) -> bool:
    """True when a city's or county's short form is here a feature's name, a person's name or part of a word.

    Or a town's: a county's short form before 镇/乡/街道 names a town (吉木萨尔县…三台镇 is
    no 三台县; towns share names with counties far away), and the county the town lies in
    is named in full where it is meant.
    """
    after = text[m.end : m.end + 3]
    if after.startswith(_TOWN_AFTER) and any(c.level == "county" for c in m.candidates):
        return True
    if after.startswith(_FEATURE_AFTER) and not after.startswith(_NOT_FEATURE) and m.end not in mention_starts:
        return True
    if len(m.surface) != 2:
        return False
    before = text[m.start - 1 : m.start] if m.start else ""
    follows_place = m.start in ends
    if before in _SURNAMES and not follows_place and _PERSON_AFTER.match(text, m.end):
        return True
    if m.surface[0] == "大" and before in _BEFORE_DA and not follows_place:
        return True
    if m.surface[0] == "民" and before in _BEFORE_MIN and not follows_place:
        return True
    if m.surface in _NUMERAL_COUNTIES and after[:1] and after[:1] not in _AFTER_NUMERAL_COUNTY:
        return True
    if m.surface[0] in _LEADING_WORD_CHARS and _CJK.match(before) and before not in _FUNCTION_BEFORE and not follows_place:
        return True
    return (m.surface[1] + after[:1]) in _WORD_TAIL_PAIRS and m.end not in mention_starts


_CJK = re.compile("[\u4e00-\u9fff]")


# Characters after which a bare 开发区 cannot be a proper name's tail: function
# words, verbs of motion and the like (在开发区, 到开发区, 全开发区, 邀请开发区).
_FUNCTION_BEFORE = frozenset("在到由和与及是为将对让把给请向从该本全各的了入进至驻经于同跟往赴返来去回这那其此每请邀")


def _bare_zone_ok(text: str, pos: int) -> bool:
    """True when a zone word without a place before it is the page city's zone.

    Not after a town or village (XX镇开发区 is that town's park) and not where
    the characters before continue some other name (临港经济开发区).
    """
    before = text[max(0, pos - 2) : pos]
    if before.endswith(_TOWN_BEFORE):
        return False
    prev = before[-1:]
    return not ("\u4e00" <= prev <= "\u9fff") or prev in _FUNCTION_BEFORE


def find_regions(text: str, spans: list[tuple[int, int]], context: RegionContext) -> list[ParsedRegion]:
    """Each administrative unit named in the article's spans, once, in full form, in order of first mention."""
    starts, regions = _page_regions(text, context)
    position: dict[str, int] = {}
    out: list[ParsedRegion] = []
    for a, b in spans:
        i = bisect.bisect_left(starts, a)
        while i < len(regions) and regions[i].start < b:
            r = regions[i]
            i += 1
            if r.end > b:
                continue
            k = position.get(r.name)
            if k is None:
                position[r.name] = len(out)
                out.append(r)
            elif out[k].inferred and not r.inferred:
                out[k] = r  # printed after all: keep the printed mention
    return out


def page_context(
    text: str,
    spans: list[tuple[int, int]],
    newspaper: str | None = None,
    exclude: tuple[tuple[int, int], ...] = (),
) -> RegionContext:
    """Where the page is: the paper's city/province if its name shows one, else the most-named ones.

    Counts only mentions that need no context (full names, province and city
    short forms), so the result does not depend on itself.
    """
    gaz = load_gazetteer()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    probe = RegionContext(newspaper=newspaper, exclude=exclude)
    inside = _spans_index(spans)
    skip = _spans_index(exclude)
    for m in _page_mentions(text)[1]:
        if not _in_spans(m.start, inside) or _in_spans(m.start, skip):
            continue
        r = _choose(m, text, probe, gaz)
        if r is None or (r.level == "county" and not m.is_full):
            continue
        provinces[r.province_code] += 1
        city = gaz.city_of(r.code)
        if city is not None:
            cities[city.code] += 1
    paper_city, paper_province = _paper_place(newspaper, gaz)
    ranked = cities.most_common(2)
    top_city = ranked[0][0] if ranked else None
    clear = (
        bool(ranked) and ranked[0][1] >= MIN_CITY_MENTIONS and (len(ranked) == 1 or ranked[0][1] >= CITY_DOMINANCE * ranked[1][1])
    )
    city_code = paper_city or top_city
    # Every province named on the page (a national paper's page may name several), the paper's own.
    province_codes = set(provinces)
    if paper_province:
        province_codes.add(paper_province)
    if city_code:
        province_codes.add(gaz.by_code[city_code].province_code)
    return RegionContext(
        newspaper=newspaper,
        city_code=city_code,
        province_codes=frozenset(province_codes),
        city_codes=frozenset(cities),
        exclude=exclude,
        city_confident=bool(paper_city) or clear,
    )


def _paper_place(newspaper: str | None, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """City and province a paper's name starts with (沧州日报 → 沧州市, 河北日报 → 河北省)."""
    if not newspaper:
        return None, None
    for m in _raw_mentions(newspaper, 0, len(newspaper)):
        if m.start != 0:
            break
        regs = sorted(m.candidates, key=lambda r: _LEVEL_RANK[r.level])
        r = regs[0]
        if r.level == "city":
            return r.code, r.province_code
        if r.level == "province":
            return None, r.code
    return None, None


def dominant_city_name(context: RegionContext) -> str | None:
    """Short name of the page's city (沧州), if it is known with confidence."""
    if not context.city_code or not context.city_confident:
        return None
    r = load_gazetteer().by_code.get(context.city_code)
    return (r.short_name or r.name) if r else None
