"""What a metric counts and over which period: the subject and the reporting period of a figure.

``metrics.py`` finds the figures; for each it asks here for the noun phrase it counts (the words after
the measure word, 120家签约商户, else the words before the number, 社会消费品零售总额增长3.2%)
and the reporting period stated earlier in its sentence (今年1至9月份, 截至目前, 上半年).
"""

from __future__ import annotations

import re

from ingestion.parsing.units import UNIT_KIND

_CJK_FIRST = re.compile(r"[\u4e00-\u9fff]")

# Every PERIOD match holds one of these characters, at most PERIOD_REACH characters after its start.
PERIOD_ANCHOR = re.compile(r"[月年季截目]")
PERIOD_REACH = 8

# Subject: words that end a noun phrase after the measure word, or begin a clause
# before the number and carry no meaning for "what is counted".
SUBJECT_STOP_AFTER = re.compile(
    r"(?:进行|开展|实现|完成|参加|参与|实行|得到|获得|接受|纳入|入选|被|已|均|都|共|将|在|从|为|和|与|及|就|也|还|正|"
    r"的|是|达|等|中|里|内|后|前|时|，|,|、|。|；|;|：|:|（|\(|“|”|\s|\d)"
)
SUBJECT_LEAD = re.compile(
    r"^(?:截至目前|截至[^，,]{0,8}?(?:月份?|日|底|末)|目前|今年以来|去年以来|今年|去年|近年来|此外|同时|其中|"
    r"先后|累计|共计|共|总计|合计|已经|已|还|又|并|就|再|均|都|仅|还有|有|此次|这次|本次|该次|该[县市区镇乡村局]|其|该|这|那|此|全力|"
    r"，|,|、)+"
)
SUBJECT_TAIL = re.compile(
    r"(?:达到|达|为|约|近|超过|超|逾|不到|不足|了|共|累计|总计|合计|突破|平均|可|已|将|预计|分别|依次|由|从)+$"
)
# Between two metrics of one clause: a conjunction or a change (…38526元和17302元, 由3个工作日压缩至1个).
BETWEEN_METRICS = re.compile(r"[和与及、，,]?[\u4e00-\u9fff]{0,4}")
# A subject that is only a change (增长3.2%) takes the noun of the metric before it in the sentence.
CHANGE_ONLY = re.compile(
    r"(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|比去年同期)?(?:增长|下降|提高|增加|减少|上升|回落|下滑|降低|增幅|降幅)"
)
SUBJECT_VERB_TAIL = re.compile(r"(?:完成|实现|达到|达|为|累计|共计|同比)+$")

PERIOD = re.compile(
    r"(?:今年|去年|\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:至|到|-|—|~)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?"
    r"|截至(?:目前|当前|今天|昨天|上月底|年底|(?:今年|去年|\d{4}年)?\d{1,2}月份?(?:\d{1,2}日)?(?:底|末)?|(?:今年|去年|\d{4}年)(?:底|末)?)"
    r"|(?:今年|去年|本年度|\d{4}年)?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年初以来)"
    r"|(?:自|从)?(?:今年|去年|\d{4}年)?\d{1,2}月(?:份)?以来"
    r"|(?:自|从)?(?:今年|去年|\d{4}年|近年)以来"
    r"|\d{4}年(?:度)?"
    r"|今年|去年|目前"
)


def subject(
    text: str,
    num_start: int,
    end: int,
    unit: str,
    clause_start: int,
    clause_end: int,
    prev: tuple[int, str | None] | None = None,
) -> tuple[str | None, int, int]:
    """What the metric printed at ``text[num_start:end]`` counts: the noun phrase after the unit, else
    the words before the number; returned with the span of the quote that holds it.

    ``prev`` is (end, subject) of the metric before this one when it is in the same clause: the
    words before this number start after it, and a second number of the same thing
    (分别达到38526元和17302元, 由3个工作日压缩至1个工作日) takes its subject.
    """
    after = text[end : clause_end]
    kind = UNIT_KIND.get(unit, "other")
    if after and kind == "count" and _CJK_FIRST.match(after):
        stop = SUBJECT_STOP_AFTER.search(after)
        phrase = after[: stop.start()] if stop else after
        phrase = phrase[:14]
        if len(phrase) >= 1:
            return phrase, num_start, end + len(phrase)
    if prev is not None and clause_start <= prev[0] <= num_start:
        if prev[1] and BETWEEN_METRICS.fullmatch(text, prev[0], num_start):
            return prev[1], num_start, end
        clause_start = prev[0]
    before = text[clause_start : num_start]
    lead = SUBJECT_LEAD.match(before)
    begin = clause_start + (lead.end() if lead else 0)
    phrase = text[begin : num_start]
    tail = SUBJECT_TAIL.search(phrase)
    if tail:
        phrase = phrase[: tail.start()]
    phrase = phrase[-20:]
    if phrase:
        return phrase, begin if len(text[begin : num_start]) <= 20 else num_start - 20, end
    skip = 1 if after[:1] == "的" else 0  # 三分之一的岗位, 七成的村
    if after[skip:] and _CJK_FIRST.match(after, skip):
        stop = SUBJECT_STOP_AFTER.search(after, skip)
        phrase = (after[skip : stop.start()] if stop else after[skip:])[:14]
        if phrase:
            return phrase, num_start, end + skip + len(phrase)
    return None, num_start, end


def period(text: str, sent_start: int, pos: int) -> str | None:
    """The reporting period stated earlier in the same sentence (今年1至9月份, 截至目前, 上半年)."""
    anchor = PERIOD_ANCHOR.search(text, sent_start, pos)
    if anchor is None:
        return None
    # Every match holds an anchor within its first 7 characters, so none starts before this.
    best = None
    for m in PERIOD.finditer(text, max(sent_start, anchor.start() - PERIOD_REACH), pos):
        if m.group(0):
            best = m.group(0)
    return best
