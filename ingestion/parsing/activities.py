"""Activities an article reports organisations carrying out, typed by trigger words.

Sentences are split at 。！？；and line ends, clauses at ，：(never inside a
short quotation, which is a name). A trigger word from ``TRIGGERS`` in a
clause makes an activity of its type when

* the trigger is an action in itself (清理, 排查, 宣讲, 慰问, 义诊 …), or the
  clause (or the one before it, unless a colon lists what that one is made of)
  has an action verb (开展, 组织, 举办, 召开, 走进, 深入, 进行, 发放 …) for
  triggers that are nouns (志愿服务, 会议, 活动 …), or a tally follows the
  trigger's object (检查沿街商户98家, 受理群众诉求2500余件: work done, counted);
* the clause is not a purpose clause (为加强…, 为了…);
* the paragraph is not in a part of a report headed as tasks, aims or requirements
  (三、明年的主要任务; （一）总体要求), nor in a document's full text (…意见》全文如下：),
  nor itself a programme (most clauses open with a policy verb and no doer, nothing told
  as done: 加快推进…，完善…，支持…);
* the sentence has not turned to plans, wishes, directives or conditions before
  the trigger (下一步, 接下来, 今后, 将 as a future marker, 还会, 预计, 想, 要, 要求,
  必须, 有必要, 应加强, 计划, 拟, 力争, 如有, 否则 …), or to documents issued and work assigned
  (印发, 出台, 部署). 将 followed by a noun is the object marker
  (将闲置空地改造成小游园) and does not count;
* the activity was not called off earlier in its clause (取消…文体活动, 暂停举办);
* its clause has no appeal or aim before it (倡议/号召/鼓励/希望…参与志愿服务,
  确保…完成改造); 在…号召下 is how a reported act came about and does not count;
* it does not describe a system, capacity, policy or statistic rather than an
  act (志愿服务体系, 医疗服务能力, 发现、整改、反馈的闭环机制, 把志愿服务作为抓手,
  垃圾分类覆盖率达90%, 志愿服务参与人数同比增长);
* it is not a word of an organisation's or the place's name (政务服务中心,
  社区党支部, 在体育广场开展…).

The trigger words are the lexicon in ``activity_lexicon.py``, their conditions in ``activity_conditions.py``.
Some triggers need particular verbs (``_NEEDS``: 手册 only when 发放, 小程序 only
when 开发/推出 …), some are blocked by what follows or precedes them (宣传部,
检查站, 调研主题, 技改造), and a negated trigger (未能得到整治, 不按规定安装) does not
count. A trigger inside a quoted name (开展“健康进万家”活动) counts only when
the clause has no trigger outside quotation marks, so the name's words decide
the type only when nothing else does. 整治 (集中整治,
专项整治) is enforcement when its object is
order (问题, 违法, 经营, 占道 …), environment work when it is the environment
(垃圾, 杂物, 违建, 线缆 …); 巡逻 is volunteer service when residents or volunteers
do it and enforcement otherwise.

The organizer is the article's current subject: the organisation mention (from
``organizations``) or place name (东城区…, 白河县…) that opens a clause, carried
forward through later clauses and sentences until another subject opens one;
他们/该区 keep it, 我院/我局 clear it; a bare 社区党委 is completed with the
community last named (红星社区党委). The name is a quoted name the clause gives
the activity (开展“…”活动, 以“…”为主题); the place is what follows 走进/深入/在/到 …
when it names a community, village, street or venue. One activity is returned
per clause and type; an article's activity types are the set of these.

Speed: page.py calls once per article with the same page text, so the page is
scanned once (trigger words by one Aho-Corasick pass, ahocorasick-rs: pyahocorasick
searches a trie node's children linearly, and its root has some 250; sentence, clause, quote,
plan and appeal marks by patterns that start with a literal, which the regex
engine skips to) and the scan is kept for the page's next article. Each
paragraph takes its part of the scan by bisection; sentences without triggers
and without anything that could name a new subject cost a few comparisons.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, MatchKind

from ingestion.parsing.activity_conditions import AFTER_BLOCK as _AFTER_BLOCK
from ingestion.parsing.activity_conditions import BEFORE_BLOCK as _BEFORE_BLOCK
from ingestion.parsing.activity_conditions import NEEDS as _NEEDS
from ingestion.parsing.activity_lexicon import REGEX_TRIGGERS, TRIGGERS
from ingestion.parsing.activity_lexicon import SELF_WORDS as _SELF_WORDS
from ingestion.parsing.activity_subjects import (
    BULLETS,
    SUBJECT_MARK,
    activity_name,
    clause_place,
    clause_subject,
    org_mentions,
    place_span,
    qualify,
)
from ingestion.parsing.metrics import UNIT_KIND
from ingestion.parsing.model import ParsedActivity, ParsedOrganization
from ingestion.parsing.plans import ANNOUNCED as _ANNOUNCED
from ingestion.parsing.plans import APPEAL as _APPEAL
from ingestion.parsing.plans import DOCUMENT_SAYS as _DOCUMENT_SAYS
from ingestion.parsing.plans import DONE as _DONE
from ingestion.parsing.plans import DONE_HEADING as _DONE_HEADING
from ingestion.parsing.plans import FULL_TEXT_FOLLOWS as _FULL_TEXT_FOLLOWS
from ingestion.parsing.plans import FUTURE_EVENT as _FUTURE_EVENT
from ingestion.parsing.plans import HEADING as _HEADING
from ingestion.parsing.plans import HEADING_RANKS as _HEADING_RANKS
from ingestion.parsing.plans import PLAN_HEADING as _PLAN_HEADING
from ingestion.parsing.plans import PLAN_MARKERS as _PLAN_MARKERS
from ingestion.parsing.plans import POLICY_CONTEXT as _POLICY_CONTEXT
from ingestion.parsing.plans import POLICY_OPENING as _POLICY_OPENING
from ingestion.parsing.plans import STRENGTHENED as _STRENGTHENED
from ingestion.parsing.plans import STRENGTHENED_OF as _STRENGTHENED_OF
from ingestion.parsing.plans import TASKS_FOLLOW as _TASKS_FOLLOW
from ingestion.parsing.plans import plan_cut as _plan_cut
from ingestion.parsing.plans import programme_paragraph

ACTION_VERBS = re.compile(
    r"开展|组织|举办|举行|召开|进行|实施|启动|发放|走进|深入|参与|参加|投身|成立|组建|邀请|联合|推出|开设|"
    r"设立|打造|建成|完成|上门|入户|来到|前往|提供|开启|搭建|建立|创建|开办|做实|招募|动员|发动|带领|"
    r"通过|利用|依托|先后|累计|共计|协调|推行|赴|送|向|组成|加入|变身|正在|帮助|下沉|投入|分成|分赴|"
    r"自发|轮流|经常|定期|每周|每月|每天|常态化|开通|发起|设置|执行|坚持|安排|实行|启用|拿出|筹集|跑遍|走遍|遍访|出席|"
    # an event opening or closing is held (会议在京开幕, 运动会闭幕, 培训班开班)
    r"开幕|闭幕|落幕|落下帷幕|拉开帷幕|开营|开班|开赛|揭幕"
)
# Someone at work as the report is written (民警在检查入境客车, 志愿者们在清扫路面): 在 before the work.
_AT_WORK = re.compile(r"(?:员|警|者|们|生|师|工|士|兵|民|部|队|长|医|护)(?:正|都|还|也)?在$")

# An activity called off earlier in its clause (取消小区内各类文体活动, 暂停举办庙会) did not take place.
_CANCELLED = re.compile(r"(?:取消|暂停|停办|叫停|停止|推迟|暂缓)[^，,。；;]*$")
# History recalled as background (早在2012年举行的…会议上): not what the report tells of.
_LONG_AGO = re.compile(r"早在[^，,。；;]{0,4}\d{4}年[^，,。；;]*$")
# The paper's own reporting (记者走访发现, 笔者调查了解到) is no survey anyone held; nor is it where the
# reporter leads the sentence and the survey follows in a clause without a doer of its own
# (记者分头前往几地，走访…).
_REPORTER = re.compile(r"记者|笔者")
_REPORTER_LEADS = re.compile(r"(?:^|[。！？!?；;，,\s])(?:本报|几位|多路)?(?:记者|笔者)们?[^，,。；;！？!?]{0,10}[，,]$")
_REPORTER_REACH = 20  # characters looked back for the reporter's clause


def _reporters_own(text: str, cs: int, pos: int) -> bool:
    """True when a survey word at ``pos`` (clause from ``cs``) is the paper's own reporting."""
    return bool(_REPORTER.search(text, cs, pos)) or (
        pos - cs <= 4 and _REPORTER_LEADS.search(text, max(0, cs - _REPORTER_REACH), cs) is not None
    )
# what could not be done (疫情使大家不能聚集在一起开会, 无法按期组织培训) did not take place
_UNABLE = re.compile(r"(?:不能|无法|没法|未能|难以)[^，,。；;]{0,10}$")
# 不便, 不法, 不良, 不幸, 不足, 不同, 不满: adjectives (为腿脚不便的老人义诊), no act negated
_NEGATED = re.compile(r"(?:不(?<!不不)(?![断定停少仅但时久打便法良幸足同满])|未|没有|禁止|严禁)[^，,。、；;]{0,5}$")
# what a ban lists is forbidden, not done (严禁运输、观赏、展示、展演等一切经营利用行为)
_BANNED = re.compile(r"(?:禁止|严禁)[^，,。；;]{0,24}$")
# what an inspector or visitor looked into (实地了解通风消毒、体温检测等情况): the object observed, not work done
_OBSERVING = re.compile(r"(?:了解|察看|查看|询问|听取|掌握|督导|督查|检查)[^，,。；;]{0,30}$")
# what visitors looked round (专家组考察了医院的分诊台和病房): the places seen, not work done there
_VISITED = re.compile(r"(?:考察|参观|视察)了?[^，,。；;]{0,30}$")
# an inspection later in the clause, of what 对 names before it (对道路保洁、垃圾分类等开展巡查);
# 实施流调和排查 is two acts: the verb comes before them
_DOING = re.compile(r"开展|进行|实施|组织")
_INSPECTED = re.compile(r"[^，,。；;]{0,36}?(?:巡查|检查|排查|督查|抽查|巡检|核查)")
_OBSERVED = re.compile(r"[^，,。；;]{0,20}?(?:等)?(?:情况|进展|落实情况|工作情况)")
# what opens a report of its own after a ；, ending a directive's reach (与此同时, 此外, 随后)
_FRESH_START = re.compile(r"\s*(?:与此同时|同时|此外|另外|另一方面|随后|其间|其后|目前|截至目前)[，,]")
# a question asked (“怎样才能劝说父母戴上口罩”, 如何开展志愿服务): how it could be done, not what was done
_QUESTION = re.compile(r"(?:怎样|怎么|如何|能否|是否)[^，,。；;]{0,6}$")
# the problems to be solved (着力解决…渗透侦察、战场维修等重难点问题): named, not work done
_SOLVING = re.compile(r"(?:解决|破解|攻克|化解|克服|协调|研究)[^，,。；;]{0,30}$")
_PROBLEM = re.compile(r"[^，,。；;]{0,16}?(?:问题|难题|难点|瓶颈|短板)")
# a work named as an example (像垃圾分类这样的现实课题): mentioned, not reported
_LIKE = re.compile(r"(?:像|如同|好比)[^，,。；;]{0,4}$")
_LIKE_AFTER = re.compile(r"[^，,。；;]{0,4}?(?:这样|一样|这类|那样)")
# a sport naming a person (滑雪名将, 乒乓球运动员), and a complaint of too many (会议多、文件多、督查多)
_SPORT_PERSON = re.compile(r"[^，,。；;]{0,6}?(?:名将|运动员|选手|教练|冠军|队员|健将|爱好者)")
_TOO_MANY = re.compile(r"多[、，,。；;]")
# methods named for how work is done (采取重点复核与随机抽查相结合), not the work
_METHODS = re.compile(r"[^，,。；;]*?相结合")
# topics or fields listed (涵盖…监督、调查、处置…等各个方面; 在医疗健康、教育培训、文艺演出等领域): what a
# text covers or where a market grows, not work done
_TOPICS = re.compile(r"[^，,。；;]{0,40}?等(?:各个|多个|诸多|几个|重点)?(?:方面|领域|行业)")
# A trigger that qualifies a system, capacity or standard (志愿服务体系, 医疗服务能力, 执法水平).
_ABSTRACT_AFTER = re.compile(
    r"体系|机制|制度|能力|水平|格局|意识|理念|精神|氛围|质量|效能|短板|需求|政策|标准|规范|职能|模式|路径"
    # a statistic about the activity, not the activity (垃圾分类覆盖率达90%, 志愿服务参与人数同比增长)
    r"|[\u4e00-\u9fff]{0,5}?(?:率(?!先)|人数|件量|数量|总量|人次数|规模)(?=[为是达超过近约同比环比较增降下提上突破0-9%，,。；;])"
)
# A tally after a trigger's object: what was done, counted or measured (检查沿街商户98家, 召开议事会十二次,
# 清运垃圾40吨) in the units metrics.py reads; a duration or a rate is no tally of work.
_TALLY_UNITS = sorted((u for u, kind in UNIT_KIND.items() if kind not in ("duration", "percent", "other")), key=len, reverse=True)
_COUNTED = re.compile(
    r"[^，,。；;、0-9一二三四五六七八九十两]{0,10}?(?:共|累计|达|超过|逾|近|约)?"
    r"(?<!第)(?:[0-9][0-9.,]*|[一二三四五六七八九十两百千]+)[万亿]?(?:余|多)?"
    r"(?:" + "|".join(map(re.escape, _TALLY_UNITS)) + ")"
)
# the passive of work done right before its trigger (得到硬化, 得以修缮, 得到了及时救治)
_PASSIVE_DONE = re.compile(r"(?:得到|得以)了?(?:有效|及时|妥善|全面|进一步|很好|彻底|明显|根本)?的?$")
# 把…作为/当作/列为/纳入…: the trigger is what a policy is about, not an act (把志愿服务作为重要抓手).
_AS_POLICY = re.compile(r"[把将]")
_AS_POLICY_AFTER = re.compile(r"作为|当作|当成|列为|纳入|摆在|放在")
# A trigger that only names a step of a mechanism or system the clause describes.
# A speech cited by the meeting where it was given (在庆祝大会上的重要讲话中指出, 在…开班式上发表的讲话):
# a source quoted, not a meeting reported.
_CITED_SPEECH = re.compile(r"(?:[^，,。；;“”]{0,30}?上)?(?:的|发表的)[^，,。；;]{0,8}?(?:讲话|致辞|演讲)")
_DESCRIBED = re.compile(
    r"[^，,。；;“”]{0,12}的[\u4e00-\u9fff]{0,6}(?:机制|制度|模式|体系|工作法|办法|流程|格局"
    r"|消息|剪报|照片|录像|新闻报道"  # …会见代表团的消息剪报: a record of it, shown or kept
    r"|优势|作用|特长"  # 发挥他们宣传党的政策…等方面的优势: a strength, not an act
    r"|宗旨|理念|使命|初心"  # 践行为患者健康服务的宗旨: an aim professed
    r"|技术指导|知识|指南|要点)"  # 开展环境消毒的技术指导: the topic of guidance given
)
_PURPOSE = re.compile(  # used with .match(text, clause_start)
    r"(?:为了|为(?:进一步|更好|切实|加强|推动|推进|促进|营造|确保|破解|解决|提高|提升|引导|强化|减轻|精准|做强|"
    r"做优|打通|实现|满足|维护|保障|巩固|深化|落实|充分|广泛|让|使|方便|助力|丰富|弘扬|传承|增强|扎实|全面|"
    r"持续|有效|严格|规范|压实|近距离|倾听|了解|严把|发挥|激发|凝聚|加快|筑牢|守护|补齐|优化|打造|树立|培育|"
    r"提振|帮助|推广|普及|号召|响应|庆祝|纪念|迎接|喜迎|做好|抓好|搭建|畅通|拓宽|健全|完善)|旨在)"
)
# A clause that goes on with the purpose (为加强…，强化对…力度，近日…开展…).
_PURPOSE_GOES_ON = re.compile(
    r"(?:进一步|更好|切实|加强|推动|推进|促进|营造|确保|提高|提升|引导|强化|减轻|实现|满足|维护|保障|巩固|深化|"
    r"落实|让|使|助力|丰富|弘扬|传承|增强|激发|凝聚|加快|筑牢|优化|树立|培育|不断)"
)

_SENT_SPLIT = re.compile(r"[。！？!?；;\n]")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"'}
_QUOTE_OPEN = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")

_ENV_OBJECTS = re.compile(
    r"环境|卫生|垃圾|杂物|违建|违章|线缆|绿化|人居|村容|河道|市容|私搭乱建|底商|牛皮癣|小广告|乱堆|坑洼|道路|"
    r"住房|危房|房屋|农房|院落|庭院|厕所|黑臭|沟渠|坑塘|村庄|"
    # waters and shores (河湖整治, 海湾整治行动)
    r"河湖|湖泊|湖区|水域|水体|水系|流域|海湾|海岸|岸线|湿地|滩涂|航道|水道|"
    # works built (航道整治工程, 整治施工)
    r"工程|施工"
)
_ORDER_OBJECTS = re.compile(r"问题|违法|违规|行为|乱象|经营|占道|摊|商户|门店|餐饮|食品|安全|秩序|停放|停车")
_VOLUNTEER_PATROL = re.compile(r"志愿|义务|自发|楼门长|楼长|居民|老人|党员|轮流")

# Each pattern trigger with its needed words as one literal pattern (a C-level scan of a paragraph).
_REGEX_TRIGGERS = tuple((rx, kind, re.compile("|".join(map(re.escape, needs)))) for rx, kind, needs in REGEX_TRIGGERS)


def _build_automaton() -> tuple[AhoCorasick, tuple[tuple[tuple[str, str], ...], ...]]:
    """An automaton over the trigger words, and per word its ((word, type), …) (a word may have two types)."""
    by_word: dict[str, tuple[tuple[str, str], ...]] = {}
    for activity_type, words in TRIGGERS.items():
        for w in words:
            by_word[w] = (*by_word.get(w, ()), (w, activity_type))
    words = list(by_word)
    return AhoCorasick(words, matchkind=MatchKind.Standard), tuple(by_word[w] for w in words)


_AUTO, _AUTO_VALUES = _build_automaton()


def _quote_spans(text: str, a: int, b: int) -> list[tuple[int, int, bool]]:
    """Quotation spans in ``text[a:b]`` as (start, end, is_name): short ones are names, long ones speech.

    Quotations inside a speech are found as well (a name quoted in what someone said).
    """
    out = []
    i = a
    while True:
        m = _QUOTE_OPEN.search(text, i, b)
        if m is None:
            break
        i = m.start()
        j = text.find(_QUOTE_PAIRS[text[i]], i + 1, b)
        if j == -1:
            i += 1
            continue
        inner = text[i + 1 : j]
        is_name = text[i] == "《" or (len(inner) <= 30 and not _SENTENCE_MARK.search(inner))
        out.append((i, j + 1, is_name))
        # a name may be quoted inside a speech (“…开展的‘关爱老人’义诊活动。”): look inside it too
        i = j + 1 if is_name or text[i] == '"' else i + 1  # a straight quote closes as it opens
    return out


def _clauses(text: str, a: int, b: int, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of the sentence ``text[a:b]``; commas inside quoted names do not split."""
    out = []
    s = a
    for m in _CLAUSE_SPLIT.finditer(text, a, b):
        if any(x < m.start() < y for x, y in names):
            continue
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if b > s:
        out.append((s, b))
    return out


# Repairs of personal goods are a service to residents, not infrastructure work.
_PERSONAL_REPAIRS = re.compile(r"家电|电器|手表|钟表|雨伞|自行车|衣服|衣物|鞋|手机|磨刀|理发|电脑")
_REPAIR_WORDS = {"修理", "维修", "修复", "修好", "修补"}
# words whose type depends on their object or doer
_CONTEXT_TYPED = {
    *("整治", "集中整治", "专项整治", "整治行动", "巡逻", "检查", "清理", "除草", "拔除", "授课", "考察"),
    *("讲解", "讲堂", "参观", "讲课"),
}
# a craft or a trade's skills taught to those who work in it (讲解开关故障实例, 技术状元大讲堂): training
_SKILLS = re.compile(r"技术|技能|工艺|操作|故障|维修|检修|工匠|技师|技工|绝活")
# tourists and the public looking round (游客参观学习, 各地群众参观): a holiday, no study visit
_SIGHTSEERS = re.compile(r"游客|游人|群众|市民|观众|旅客|家长")
# classes given to pupils are schooling, which the SPEC files under education, not training of staff
_PUPILS = re.compile(r"学生|学子|孩子|学校|小学|中学|初中|高中|中小学|幼儿|同学|班级|年级")
_FIELD_WORK = re.compile(r"(?<![绿草空场基园])地里|田里|田间|麦田|稻田|棉田|菜地|菜园|果园|茶园|大棚|庄稼|农田")
# an examination of a patient (术中胃镜检查, 为老人做身体检查) is care, not an inspection
_MEDICAL_EXAM = re.compile(r"(?:镜|CT|B超|彩超|超声|影像|病理|身体|体格|核磁|医学|心电|眼底|口腔|术中|术前|产前)检查")
# what is cleared is a procedure or a site being dug (对审批流程进行清理, 沉船遗物的清理), not litter
_NOT_LITTER = re.compile(
    r"流程|事项|证明|文件|规章|收费|制度|政策|规定|措施|清单|限制|条款|债务|欠款|账款|文物|遗物|遗址|沉船|船体|墓葬|考古|出土|发掘"
)


def _resolve_type(word: str, activity_type: str, clause: str, sentence: str) -> str | None:
    if word in _REPAIR_WORDS and _PERSONAL_REPAIRS.search(clause):
        return None
    if word == "检查" and _MEDICAL_EXAM.search(clause):
        return "medical_health"
    if word == "清理" and _NOT_LITTER.search(clause):
        return None
    if word in ("除草", "拔除") and _FIELD_WORK.search(clause):
        return None  # weeding a field is farming, not upkeep of public space
    if word.endswith("整治") or word == "整治行动":
        if _ORDER_OBJECTS.search(clause):
            return "inspection_enforcement"
        if _ENV_OBJECTS.search(clause):
            return "environment_infrastructure"
        # no object in the clause (整治提升行动顺利开展): the sentence's, if it names one
        if not _ORDER_OBJECTS.search(sentence) and _ENV_OBJECTS.search(sentence):
            return "environment_infrastructure"
        return "inspection_enforcement"
    if word == "巡逻":
        return "volunteer_service" if _VOLUNTEER_PATROL.search(sentence) else "inspection_enforcement"
    if word == "考察" and "考察团" in sentence:
        return "training_exchange"  # a delegation's visit to learn from another place
    if word in ("授课", "讲课") and _PUPILS.search(clause):
        return "publicity_education"
    if word in ("讲解", "讲堂") and _SKILLS.search(sentence):
        return "training_exchange"
    if word == "参观" and _SIGHTSEERS.search(sentence):
        return None
    return activity_type


@dataclass(frozen=True, slots=True)
class _PageScan:
    """What one pass over a whole page finds; each article then takes the part inside its paragraphs."""

    text: str
    triggers: list[tuple[int, str, str]]  # (start, word, type), in the automaton's order (by end)
    trigger_ends: list[int]  # index of each trigger's last character, ascending
    quote_opens: list[int]
    clause_splits: list[int]
    sentence_ends: list[int]
    regex_triggers: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]  # those with a needed word on the page
    plan_marks: list[int]  # where a plan or directive marker may start
    appeals: list[int]  # where an appeal or aim (倡议, 号召, 确保 …) starts


_last_scan: _PageScan | None = None


def _page_scan(text: str) -> _PageScan:
    """The scan of ``text``, kept for the page's next article (page.py calls once per article)."""
    global _last_scan
    last = _last_scan
    if last is not None and last.text is text:
        return last
    triggers = []
    trigger_ends = []
    # Every match, overlaps included, ordered as they end (the longer first when two end together).
    matches = _AUTO.find_matches_as_indexes(text, overlapping=True)
    matches.sort(key=lambda m: (m[2], m[1]))
    for idx, start, end in matches:
        for word, kind in _AUTO_VALUES[idx]:
            triggers.append((start, word, kind))
            trigger_ends.append(end - 1)
    scan = _PageScan(
        text=text,
        triggers=triggers,
        trigger_ends=trigger_ends,
        quote_opens=[m.start() for m in _QUOTE_OPEN.finditer(text)],
        clause_splits=[m.start() for m in _CLAUSE_SPLIT.finditer(text)],
        sentence_ends=[m.start() for m in _SENT_SPLIT.finditer(text)],
        regex_triggers=tuple((rx, kind, needs) for rx, kind, needs in _REGEX_TRIGGERS if needs.search(text)),
        plan_marks=sorted(m.start() for rx in _PLAN_MARKERS for m in rx.finditer(text)),
        appeals=[m.start() for m in _APPEAL.finditer(text)],
    )
    _last_scan = scan
    return scan


def _appealed(appeals: list[int], cs: int, pos: int, names: list[tuple[int, int]]) -> bool:
    """Whether an appeal or aim outside quoted names comes before ``pos`` in its clause (from ``cs``)."""
    i = bisect_left(appeals, cs)
    while i < len(appeals) and appeals[i] < pos:
        if not any(x < appeals[i] < y for x, y in names):
            return True
        i += 1
    return False


def _any_between(positions: list[int], a: int, b: int) -> bool:
    i = bisect_left(positions, a)
    return i < len(positions) and positions[i] < b


_PURPOSE_FIRST = "为旨"  # first characters of a _PURPOSE match


def extract_activities(
    text: str,
    spans: list[tuple[int, int]],
    organizations: Sequence[ParsedOrganization],
    headings: Sequence[tuple[int, int]] = (),
) -> list[ParsedActivity]:
    """Activities reported in an article's paragraphs ``spans``, in text order (one per clause and type).

    ``headings`` are the article's headline lines and inner subheadings: they report nothing, but a
    numbered one that sets out tasks or aims (``_PLAN_HEADING``) says that what follows it is planned.
    """
    mention_at = {start: name for start, _end, name in org_mentions(text, spans, organizations)}
    mention_starts = list(mention_at)  # ascending
    out: list[ParsedActivity] = []
    seen: set[tuple[str, int, int]] = set()
    subject: str | None = None  # the article's current subject, carried across sentences
    plan_rank: int | None = None  # inside a part that sets out what is to be done: its heading's rank
    heading_starts = {a for a, _ in headings}
    for a, b in sorted([*spans, *headings]):
        heading = _HEADING.match(text, a, b)
        if heading:
            rank = next(i for i, g in enumerate(_HEADING_RANKS) if heading.group(g))
            title = heading.group("title")
            if _PLAN_HEADING.search(title) and not _DONE_HEADING.search(title):
                plan_rank = rank if plan_rank is None else min(rank, plan_rank)
            elif plan_rank is not None and rank <= plan_rank:
                plan_rank = None
        if plan_rank is not None or a in heading_starts or programme_paragraph(text, a, b):
            continue
        subject = _paragraph_activities(text, a, b, mention_at, mention_starts, seen, subject, out)
        if _FULL_TEXT_FOLLOWS.search(text, a, b):
            break  # …意见》全文如下: the rest is the document itself, what it asks for, not work reported
    return out


def _paragraph_activities(
    text: str,
    a: int,
    b: int,
    mention_at: dict[int, str],
    mention_starts: list[int],
    seen: set[tuple[str, int, int]],
    subject: str | None,
    out: list[ParsedActivity],
) -> str | None:
    """Append the activities of the paragraph ``text[a:b]`` to ``out``; return the subject it ends with."""
    if _DOCUMENT_SAYS.match(text, a, b):
        return subject
    tasks = _TASKS_FOLLOW.search(text, a, b)
    if tasks:
        b = tasks.start()  # 要做好以下工作：…: the rest of the paragraph lists tasks, not work reported
    scan = _page_scan(text)
    # No trigger spans a sentence break, so the hits fall into the sentences in order.
    ends_at = scan.trigger_ends
    found = [h for h in scan.triggers[bisect_left(ends_at, a) : bisect_left(ends_at, b)] if h[0] >= a]
    regex_ok = (
        tuple((rx, kind) for rx, kind, needs in scan.regex_triggers if needs.search(text, a, b)) if scan.regex_triggers else ()
    )
    names = [(x, y) for x, y, is_name in _quote_spans(text, a, b) if is_name] if _any_between(scan.quote_opens, a, b) else []
    plan_marks = scan.plan_marks
    splits = scan.clause_splits
    breaks = splits[bisect_left(splits, a) : bisect_left(splits, b)]
    if names:  # commas inside quoted names do not split
        breaks = [p for p in breaks if not any(x < p < y for x, y in names)]
    sentence_ends = scan.sentence_ends
    ends = sentence_ends[bisect_left(sentence_ends, a) : bisect_left(sentence_ends, b)]
    ends.append(b)
    n_found, n_breaks = len(found), len(breaks)
    k = bi = 0
    s = a
    planning = False  # a directive before a ；carries over to the rest of the full sentence
    for e in ends:
        if e > s:
            j = k
            while j < n_found and found[j][0] < e:
                j += 1
            if j == k and not regex_ok and not SUBJECT_MARK.search(text, s, e) and not _any_between(mention_starts, s, e):
                # Nothing to report and no clause that could name a new subject: only the plan state moves on.
                while bi < n_breaks and breaks[bi] < e:
                    bi += 1
                planning = planning or (_any_between(plan_marks, s, e) and _plan_cut(text, s, e, names) < e)
                if e >= b or text[e] not in "；;":
                    planning = False
                s = e + 1
                continue
            clauses: list[tuple[int, int]] = []
            cs = s
            while bi < n_breaks and breaks[bi] < e:
                c = breaks[bi]
                bi += 1
                if c > cs:
                    clauses.append((cs, c))
                cs = c + 1
            if e > cs:
                clauses.append((cs, e))
            hits = found[k:j]
            k = j
            # Purpose clauses (为加强…, and the clauses that go on with the purpose) name no doer;
            # any other clause may open with one, who stays the subject until another is named.
            purpose: set[int] = set()
            in_purpose = False
            clause_subjects: list[str | None] = []
            for idx, (cs, ce) in enumerate(clauses):
                if text[cs] in _PURPOSE_FIRST and _PURPOSE.match(text, cs, ce):
                    in_purpose = True
                elif in_purpose and not _PURPOSE_GOES_ON.match(text, cs, ce):
                    in_purpose = False
                if in_purpose:
                    purpose.add(idx)
                else:
                    name = clause_subject(text, cs, ce, mention_at, e)
                    if name is not None:
                        subject = name or None
                clause_subjects.append(subject)
            # A sentence without any marker (the page-wide scan says where they may be) has no plan.
            cut = _plan_cut(text, s, e, names) if _any_between(plan_marks, s, e) else e
            if planning and _FRESH_START.match(text, s, e):
                planning = False  # …也要做好防护；与此同时，社区给老人送去了…: a new report after the ；
            effective_cut = s if planning else cut
            # a question (“中医药在诊疗中有哪些应用经验？”) asks about work, it reports none: its last clause
            # is cut (…继续实行封闭管理，民生需求是否得到保障？ keeps its first); a question quoted at the end
            # of a sentence (听他们讲故事，会忍不住问：“不害怕吗？”) leaves the sentence standing
            if e < b and text[e] in "？?" and clauses and not text[s:max(text.rfind("“", s, e), s)].strip("”’ "):
                effective_cut = min(effective_cut, clauses[-1][0])
            if effective_cut > s and (hits or regex_ok):
                _sentence_activities(
                    text,
                    s,
                    e,
                    clauses,
                    purpose,
                    clause_subjects,
                    names,
                    hits,
                    regex_ok,
                    effective_cut,
                    mention_at,
                    mention_starts,
                    scan.appeals,
                    seen,
                    out,
                )
            planning = cut < e or planning
        if e >= b or text[e] not in "；;":
            planning = False
        s = e + 1
    return subject


def _sentence_activities(
    text: str,
    s: int,
    e: int,
    clauses: list[tuple[int, int]],
    purpose: set[int],
    clause_subjects: list[str | None],
    names: list[tuple[int, int]],
    found: list[tuple[int, str, str]],
    regex_triggers: tuple[tuple[re.Pattern[str], str], ...],
    cut: int,
    mention_at: dict[int, str],
    mention_starts: list[int],
    appeals: list[int],
    seen: set[tuple[str, int, int]],
    out: list[ParsedActivity],
) -> None:
    """Append the activities of the sentence ``text[s:e]`` (triggers ``found`` before ``cut``) to ``out``."""
    starts = [cs for cs, _ in clauses]
    acting: dict[int, bool] = {}  # clause index → the clause or the one before has an action verb
    place_at: dict[int, tuple[int, int] | None] = {}  # clause index → where its place is named
    sentence: str | None = None
    # clause index → hits (start, word, type, inside a quoted name)
    hits_by_clause: dict[int, list[tuple[int, str, str, bool]]] = {}
    policy_sentence = bool(_POLICY_CONTEXT.search(text, s, e))
    policy_clause: dict[int, bool] = {}  # clause index → states a policy's content
    for pos, word, activity_type in found:
        if pos >= cut:
            continue
        blocker = _AFTER_BLOCK.get(word)
        if blocker and blocker.match(text, pos + len(word)):
            continue
        idx = bisect_right(starts, pos) - 1
        if idx < 0 or idx in purpose:
            continue
        cs, ce = clauses[idx]
        if pos >= ce:
            continue
        before_block = _BEFORE_BLOCK.get(word)
        if before_block and before_block.search(text, cs, pos):
            continue
        window = max(cs, pos - 6)
        for _x, y in names:
            if window < y <= pos:
                window = y  # a negation inside a quoted name (“不打烊”) is part of the name
        if (_NEGATED.search(text, window, pos) or _CANCELLED.search(text, cs, pos) or _LONG_AGO.search(text, cs, pos)
                or _UNABLE.search(text, max(cs, pos - 14), pos)
                or (text.find("禁", cs, pos) >= 0 and _BANNED.search(text, cs, pos))):
            continue  # 未安装, 不按规定安装, 未能得到整治; 取消…文体活动
        if _STRENGTHENED.search(text, max(cs, pos - 10), pos) or (
                text[pos - 1] == "的" and _STRENGTHENED_OF.search(text, cs, pos)):
            continue
        if policy_sentence:
            if idx not in policy_clause:
                policy_clause[idx] = bool(_POLICY_OPENING.match(text, cs, ce)) and not _DONE.search(text, cs, ce)
            if policy_clause[idx]:
                continue
        end = pos + len(word)
        if _TOO_MANY.match(text, end) or (text.find("相结合", end, ce) >= 0 and _METHODS.match(text, end, ce)) or (
            (text.find("方面", end, ce) >= 0 or text.find("领域", end, ce) >= 0 or text.find("行业", end, ce) >= 0)
            and _TOPICS.match(text, end, ce)
        ) or (
            activity_type not in ("survey_research", "inspection_enforcement")
            and _OBSERVED.match(text, end, ce)
            and _OBSERVING.search(text, cs, pos)
        ) or (activity_type not in ("survey_research", "training_exchange") and _VISITED.search(text, cs, pos)):
            continue
        if _PROBLEM.match(text, end, ce) and _SOLVING.search(text, cs, pos):
            continue
        if (activity_type != "inspection_enforcement" and (to := text.rfind("对", cs, pos)) >= 0
                and not _DOING.search(text, to, pos) and _INSPECTED.match(text, end, ce)):
            continue  # 对道路保洁、垃圾分类等开展巡查: what is inspected, not work of its own
        if _QUESTION.search(text, cs, pos):
            continue
        if text.find("将", end, ce) >= 0 and (future := _FUTURE_EVENT.search(text, end, ce)) and not _ANNOUNCED.search(
                text, end, future.start()):
            continue
        if _LIKE.search(text, cs, pos) and _LIKE_AFTER.match(text, end, ce):
            continue
        if activity_type == "culture_recreation" and _SPORT_PERSON.match(text, end, ce):
            continue
        if activity_type == "survey_research" and _reporters_own(text, cs, pos):
            continue  # 记者在走访中了解到, 记者分头前往几地，走访…: how the story was gathered
        if _CITED_SPEECH.match(text, pos + len(word), ce):
            continue  # 在…大会上的重要讲话中指出: a speech cited by where it was given
        if _DESCRIBED.match(text, pos + len(word), ce) or _ABSTRACT_AFTER.match(text, pos + len(word), ce):
            continue  # 发现、整改、反馈的闭环机制, 志愿服务体系, 医疗服务能力: a system or a capacity, not an act
        if _AS_POLICY.search(text, cs, pos) and _AS_POLICY_AFTER.search(text, pos, ce):
            continue  # 把志愿服务作为重要抓手: a policy's object
        if appeals and _appealed(appeals, cs, pos, names):
            continue
        need = _NEEDS.get(word)
        if need is not None:
            if not need.search(text, cs, ce):
                continue
        elif word not in _SELF_WORDS:
            ok = acting.get(idx)
            if ok is None:
                # The verb of the clause before counts unless a colon lists what the clause is made of
                # (推行“三个一”工作法：一张连心卡、一支志愿队).
                ok = bool(ACTION_VERBS.search(text, cs, ce)) or (
                    idx > 0
                    and text[cs - 1] not in "：:"
                    and bool(ACTION_VERBS.search(text, clauses[idx - 1][0], clauses[idx - 1][1]))
                )
                acting[idx] = ok
            # A trigger with its tally after it (检查沿街商户98家, 受理诉求2500余件) reports work done, and
            # so does one in the passive (道路得到硬化, 患者得到及时救治).
            if not ok and not _COUNTED.match(text, pos + len(word), ce) and not _PASSIVE_DONE.search(
                    text, max(cs, pos - 8), pos) and not _AT_WORK.search(text, max(cs, pos - 4), pos):
                continue
        if word in _CONTEXT_TYPED or word in _REPAIR_WORDS:
            if sentence is None:
                sentence = text[s:e]
            activity_type = _resolve_type(word, activity_type, text[cs:ce], sentence)
            if activity_type is None:
                continue
        # A word inside a quoted name, or a service word inside an organisation's name (政务服务中心),
        # decides the type only when the clause has no other trigger.
        if idx not in place_at:
            place_at[idx] = place_span(text, cs, ce)
        where = place_at[idx]
        if where and where[0] <= pos and pos + len(word) <= where[1]:
            continue  # a word of the place's name (在体育广场开展…) is no act either
        weak = bool(names) and any(x < pos < y for x, y in names)
        if mention_starts:
            i = bisect_right(mention_starts, pos) - 1
            if i >= 0 and pos + len(word) <= mention_starts[i] + len(mention_at[mention_starts[i]]):
                continue  # a word of an organisation's name (政务服务中心, 社区党支部) is no act of it
        hits_by_clause.setdefault(idx, []).append((pos, word, activity_type, weak))
    for rx, activity_type in regex_triggers:
        for m in rx.finditer(text, s, e):
            pos = m.start()
            if pos >= cut:
                continue
            idx = bisect_right(starts, pos) - 1
            if idx < 0 or pos >= clauses[idx][1] or idx in purpose:
                continue
            if appeals and _appealed(appeals, clauses[idx][0], pos, names):
                continue
            if _CITED_SPEECH.match(text, m.end(), clauses[idx][1]) or _LONG_AGO.search(text, clauses[idx][0], pos):
                continue
            if activity_type == "survey_research" and _reporters_own(text, clauses[idx][0], pos):
                continue  # 记者调查发现: how the story was gathered
            in_name = bool(names) and any(x < pos < y for x, y in names)
            hits_by_clause.setdefault(idx, []).append((pos, m.group(0), activity_type, in_name))
    for idx in sorted(hits_by_clause):
        hits = hits_by_clause[idx]
        chosen = [h for h in hits if not h[3]] or hits
        # A longer trigger overrides the words inside it (环境整治 over 整治); when all are of one
        # type, dropping some changes nothing.
        if len(chosen) > 1 and any(h[2] != chosen[0][2] for h in chosen):
            chosen = [
                h
                for h in chosen
                if not any(
                    o is not h and o[0] <= h[0] and h[0] + len(h[1]) <= o[0] + len(o[1]) and len(o[1]) > len(h[1]) for o in chosen
                )
            ]
        cs, ce = clauses[idx]
        for activity_type in dict.fromkeys(h[2] for h in chosen):
            key = (activity_type, cs, ce)
            if key in seen:
                continue
            seen.add(key)
            q_start = cs
            while q_start < ce and (text[q_start] in BULLETS or text[q_start].isspace()):
                q_start += 1
            out.append(
                ParsedActivity(
                    activity_type=activity_type,
                    organizer=qualify(clause_subjects[idx], cs, mention_at),
                    name=activity_name(text, (cs, ce), names) if names else None,
                    place=clause_place(text[cs:ce]),
                    start=q_start,
                    end=ce,
                )
            )
