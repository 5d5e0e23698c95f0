"""Organisation mentions found by their suffix (…局, …委员会, …社区, …医院, …公司 …).

A mention is found at an organisation suffix and extended leftwards over the
name's CJK characters, at most ``MAX_NAME`` characters, stopping at
punctuation, digits and the verbs and prepositions that introduce a name
(开展, 联合, 邀请, 在, 对, 向 …). A conjunction (和, 与, 及) stops the name only
when a complete organisation name precedes it, so 住房和城乡建设局 and 发展和改革委员会
stay whole while "A中心和B中心" gives two names. Of overlapping candidates the
longest wins, so 市交通局运输科 is one mention, not two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ingestion.parsing.model import ParsedOrganization

MAX_NAME = 20

# suffix → (org_type, minimum prefix length, characters that must not follow,
#           characters that must not precede: 大局, 城乡, 集中学)
_SUFFIXES: dict[str, tuple[str, int, str, str]] = {}


def _add(org_type: str, min_prefix: int, blockers: str, pre_blockers: str, *suffixes: str) -> None:
    for s in suffixes:
        _SUFFIXES[s] = (org_type, min_prefix, blockers, pre_blockers)


_add(
    "party",
    1,
    "",
    "",
    *(
        "党委 党工委 党支部 党总支 纪委监委 纪委 监委 机关工委 县委 市委 区委 省委 政法委 组织部 宣传部 统战部 宣传统战部 党校"
    ).split(),
)
_add("party", 1, "织员", "", *"党组".split())
# A county's or city's own committee is named by these alone at the start of a clause (县委召开…).
_add("party", 0, "", "", *"县委 市委 区委 省委".split())
_add("party", 1, "分", "", "组织部")  # 组织部分委员: "organise some", not the department
_add("government", 1, "委员主任", "", *"人大常委会 常委会 政协".split())
_add("other", 1, "长员", "", *"图书馆 文化馆 博物馆 纪念馆 科技馆 美术馆 档案馆 少年宫 文化宫".split())
_add("party", 2, "分署门队", "", *"支部".split())
_add(
    "mass_org",
    1,
    "",
    "",
    *(
        "妇联 团委 总工会 工会 残联 科协 文联 侨联 工商联 红十字会 联合会 协会 商会 学会 基金会 促进会 研究会 "
        "志愿者协会 慈善总会 慈善会"
    ).split(),
)
_add(
    "government",
    1,
    "",
    "",
    *(
        "人民政府 政府 管委会 委员会 人民法院 法院 人民检察院 检察院 街道办事处 办事处 公安局 派出所 司法所 卫健委 "
        "发改委 教委 农委 住建委 工信委 网信办 文明办 创城办 综治办 信访办 扶贫办 政府办 党政办 人防办 督查办 "
        "办公室 支队 大队 中队 武装部"
    ).split(),
)
_add("government", 2, "", "", "海关")  # a customs office needs a place name (黄埔海关)
_add("government", 2, "面势部限级长", "大格布结全当开残变饭时赌骗终定僵棋胜败出入电", *"局".split())
_add("government", 2, "", "大客餐展舞门前歌饭宴事", *"厅".split())
_add("government", 2, "道办工委", "", *"街道".split())
# Numerals and quantifiers before 镇/乡 count towns (武汉三镇, 两乡, 各镇); they open no town's name.
TOWN_COUNTERS = "一二三四五六七八九十两几各多数每"
_add("government", 2, "村镇亲土愁贤情音野里民间下", "城村下家老返故回同异他本全重古小名集" + TOWN_COUNTERS, *"乡".split())
_add("government", 2, "村街区政长", "乡城村重古小名集市" + TOWN_COUNTERS, *"镇".split())
_add("government", 2, "理置罚于在长级", "", *"管理处 执法处".split())
_add("government", 2, "技学普研室长目", "学专本内外儿妇眼牙工理文百", *"科".split())
_add("company", 2, "", "", *"有限公司 分公司 公司 集团 银行 合作社".split())
_add("hospital", 1, "", "", *"医院 卫生院 保健院 卫生服务站 卫生服务中心 卫生室 诊所 疾控中心 疾病预防控制中心".split())
_add("school", 1, "习", "中集", *"学校 小学 中学 大学 学院 幼儿园".split())
_add("community", 2, "", "", *"社区 村委会 居委会 业委会 村民委员会 居民委员会".split())
_add("other", 2, "工任城区位点环思", "", *"中心".split())
_add(
    "other",
    2,
    "位点岗台着在立起出长",
    "",
    *("实践站 服务站 工作站 救助站 管理站 监测站 文化站 实践所 服务所 事务所 研究所 研究院 设计院 养老院 敬老院 福利院").split(),
)
_add(
    "other",
    2,
    "伍员长列",
    "",
    *(
        "服务队 志愿队 突击队 工作队 小分队 先锋队 宣讲队 巡逻队 文艺队 执法队 宣讲团 讲师团 艺术团 合唱团 观摩团 志愿服务团"
    ).split(),
)

# The suffix decides the type, with a few names that say otherwise.
_TYPE_OVERRIDES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^共青团|团[省市县区]?委$|团[省市县区]委"), "mass_org"),
    (re.compile(r"(?:村民|居民)委员会$"), "community"),
    (re.compile(r"纪律检查委员会$|党委|党工委|党支部|党总支$"), "party"),
)

_SUFFIX_RE = re.compile("|".join(re.escape(s) for s in sorted(_SUFFIXES, key=len, reverse=True)))
_ORG_END_RE = re.compile("(?:" + "|".join(re.escape(s) for s in sorted(_SUFFIXES, key=len, reverse=True)) + ")$")

# Words that end the name on their left: verbs, prepositions, time words, roles.
_STOP_WORDS = tuple(
    (
        "特邀 邀请 联合 协同 携手 会同 配合 协助 联系 协调 组织 带领 率领 指导 督促 发动 动员 "
        "开展 举办 召开 深入 走进 来到 前往 通过 依托 按照 根据 围绕 推动 推进 积极 主动 先后 "
        "共同 成立 组建 设立 打造 建成 建立 参加 参与 获悉 介绍 表示 告诉 荣获 授予 评为 作为 "
        "成为 属于 位于 下辖 包括 包联 所属 及时 立即 随即 第一时间 近日 连日来 日前 目前 今年 "
        "去年 以来 期间 会后 会前 随后 之后 此后 然后 最后 今后 节前 节后 课后 赛后 事后 当天 "
        "当日 次日 此前 之前 辖区 记者 通讯员 负责人 工作人员 同志 还是 就是 不仅 以及 并且 其中 "
        "同时 此外 如今 现在 已经 正在 牵头 主办 承办 协办 支持 帮助 针对 对于 关于 面向 来自 "
        "报到 入驻 进驻 走访 慰问 看望 检查 督导 调研 视察 考察 观摩 学习 交流 服务于 相关 有关 "
        "所有 各级 上级 全体 广大 发挥 察看 查看 持续 深化 拓展 融入 注入 上传 展示 增强 实现 "
        "坚持 强化 加强 提升 完善 落实 解决 打通 打开 召集 清除 建设好 一下 一些 一批 部分 有的 "
        "个别 网上 线上 线下 进一步 当地 单位 领导 书记 主任 干部 居民 群众 代表 老人 孩子 不出 "
        "进行 完成 高于 低于 超过 下达 抓好 建好 办好 做好 管好 用好 当好 消除 前来 赶到 反馈 "
        "联动 对接 依靠 利用 覆盖 涉及 得知 获知 看到 听说 选派 派出 上午 下午 中午 晚上 今天 昨天 今日 昨日 "
        # where someone is taken and what a place is turned into (送往定点医院, 改造成方舱医院)
        "送往 赶往 转往 奔赴 赶赴 住进 送进 转入 改造成 改建成 改成 变成 改为 转为 "
        "在 对 把 被 让 给 的 了 着 等 就 也 还 又 并 即 请 "
        "到 从 由 以 是 于 各 该 其 每 这 那 我 你 他 她 们 进 至 当 员 者"
    ).split()
)
_STOP_RE = re.compile("|".join(re.escape(w) for w in sorted(_STOP_WORDS, key=len, reverse=True)))
# Single characters that are stop words except in these name-internal words.
_STOP_EXCEPTIONS: dict[str, re.Pattern[str]] = {
    "有": re.compile(r"有限"),
    "经": re.compile(r"经(?:济|信|开|贸|管|侦)"),
    "为": re.compile(r"为民"),
    "向": re.compile(r"向[阳东西南北前]"),
    "将": re.compile(r"将军"),
    "对": re.compile(r"对外"),
}
_COND_STOPS = re.compile(r"[有经为向将]")
_CONJ_RE = re.compile(r"[和与及同]")
_GENERIC_PREFIX = re.compile(
    r"^(?:各|该|本|全|所|其|每|这|那|相关|有关|属地|辖区|包联|共建|基层|上级|下级|老旧|城市|农村|和谐|文明|智慧|"
    r"示范|公立|定点|周边|附近|多个|多家|不少|部分|大型|小型|新型|重点|主管|职能|责任|行业|企业|机关|单位|"
    r"社会|爱心|志愿|青年|党员|物业|服务|综合)+$"
)
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CJK_RUN_END = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+\Z")  # with endpos: the CJK run ending there
_NUMERAL_MEASURE = re.compile(r"[一二三四五六七八九十两几多数每这那此该各其\d][个家位名支所座处条批]")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ costs 3x, and pages make thousands
class _Cand:
    start: int
    end: int
    org_type: str


def _name_start(text: str, lo: int, suffix_start: int) -> int:
    """Leftmost start of the name ending in the suffix at ``suffix_start``."""
    run = _CJK_RUN_END.search(text, max(lo, suffix_start - MAX_NAME), suffix_start)
    i = run.start() if run else suffix_start
    return i + _cut(text[i:suffix_start], i > lo and text[i - 1].isdigit())


@functools.lru_cache(maxsize=16384)
def _cut(ext: str, after_digit: bool) -> int:
    """Where the name starts in ``ext``, the run of CJK characters before a suffix (names repeat: cached).

    ``after_digit``: a digit stands right before ``ext`` (3支青年突击队).
    """
    cut = 0
    for m in _STOP_RE.finditer(ext):
        cut = max(cut, m.end())
    for m in _COND_STOPS.finditer(ext):
        exc = _STOP_EXCEPTIONS[m.group(0)]
        if not exc.match(ext, m.start()):
            cut = max(cut, m.end())
    if ext.startswith("联合", cut - 2) and cut >= 2:
        # 中国联合… (a national company) / 联合会 / 联合国: here 联合 is part of the name.
        if ext[max(0, cut - 4) : cut - 2] == "中国" or ext[cut : cut + 1] in ("会", "国"):
            cut = _recut(ext, cut - 2)
    for m in _CONJ_RE.finditer(ext):
        # 住房和城乡建设局 keeps its 和; "A中心和B中心" and "业务工作与工会" do not.
        if m.start() >= cut and (_ORG_END_RE.search(ext[: m.start()]) or len(ext) - m.end() < 2):
            cut = max(cut, m.end())
    for m in _NUMERAL_MEASURE.finditer(ext):
        cut = max(cut, m.end())
    if 0 < cut < len(ext) and ext[cut] == ext[cut - 1] and ext[cut] in "个家位名支所座处条批":
        cut += 1  # 一家家综合医院: the doubled measure word (one after another) is not part of the name
    while cut < len(ext) and ext[cut] in "和与及同":
        cut += 1
    if (after_digit if cut == 0 else ext[cut - 1].isdigit()) and cut < len(ext) and ext[cut] in "个家位名支所座处条批":
        cut += 1  # 3支青年突击队: the measure word is not part of the name
    return cut


def _recut(ext: str, limit: int) -> int:
    """The stop-word cut considering only ``ext[:limit]``."""
    cut = 0
    for m in _STOP_RE.finditer(ext[:limit]):
        cut = max(cut, m.end())
    return cut


def _quoted(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the whole of a quotation (“情暖山乡”): an event name, not a body."""
    return start > 0 and text[start - 1] in '“‘"「' and end < len(text) and text[end] in '”’"」'


def _candidates(text: str, a: int, b: int) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _SUFFIX_RE.finditer(text, a, b):
        m_start, m_end = m.span()
        suffix = text[m_start:m_end]
        org_type, min_prefix, blockers, pre_blockers = _SUFFIXES[suffix]
        nxt = text[m_end : m_end + 1]
        prev = text[m_start - 1 : m_start] if m_start > a else ""
        if (nxt and nxt in blockers) or (prev and prev in pre_blockers):
            continue
        start = _name_start(text, a, m_start)
        prefix = text[start:m_start]
        if len(prefix) < min_prefix or (prefix or min_prefix) and _GENERIC_PREFIX.match(prefix or "各"):
            continue
        if suffix in ("乡", "镇", "街道", "中心") and _quoted(text, start, m_end):
            continue
        name = text[start:m_end]
        for pat, t in _TYPE_OVERRIDES:
            if pat.search(name):
                org_type = t
                break
        out.append(_Cand(start, m_end, org_type))
    return out


def _maximal(cands: list[_Cand]) -> list[_Cand]:
    """Drop candidates inside a longer one (市交通局 inside 市交通局运输科)."""
    if len(cands) < 2:
        return cands
    keep = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if any(k.start <= c.start and c.end <= k.end for k in keep):
            continue
        keep = [k for k in keep if not (c.start <= k.start and k.end <= c.end)]
        keep.append(c)
    return sorted(keep, key=lambda c: c.start)


def find_organization_mentions(text: str, spans: list[tuple[int, int]]) -> list[ParsedOrganization]:
    """Every organisation mention in the paragraphs ``spans``, in text order (not deduplicated)."""
    out: list[ParsedOrganization] = []
    for a, b in spans:
        for c in _maximal(_candidates(text, a, b)):
            out.append(ParsedOrganization(name=text[c.start : c.end], org_type=c.org_type, start=c.start, end=c.end))
    return out


def extract_organizations(text: str, spans: list[tuple[int, int]]) -> list[ParsedOrganization]:
    """Organisations named in an article: one record per distinct name, at its first mention."""
    seen: set[str] = set()
    out: list[ParsedOrganization] = []
    for org in find_organization_mentions(text, spans):
        if org.name in seen:
            continue
        seen.add(org.name)
        out.append(org)
    return out
