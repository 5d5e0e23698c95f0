"""What reads as a plan, a directive or a policy rather than a report of work done.

The activity extractor (``activities.py``) asks these questions of a sentence, a clause or a
paragraph: has the sentence turned to plans, wishes, directives or conditions (``plan_cut``: 下一步,
将 as a future marker, 要, 要求, 如有 …); does a clause state what a document asks for
(``POLICY_OPENING`` in a ``POLICY_CONTEXT``); does a numbered heading open a part that sets out tasks
(``HEADING``, ``PLAN_HEADING``); does a whole paragraph set out a programme (``programme_paragraph``).
"""

from __future__ import annotations

import re

# Plan and directive markers. Each alternative starts with a literal character (a lookbehind
# comes after it), so the regex engine can skip ahead to candidate characters.
PLAN_HARD = re.compile(
    # plans and the future
    r"下一步|下阶段|下一阶段|接下来|今后|以后(?<![之了束完后]以后)|将来|未来|计划(?!志愿者|项目|全国|以来|实施以来|启动以来|学员|受益)|拟(?<![模虚草]拟)|即将(?<![立随当]即将)|"
    r"准备(?=开展|举办|组织|在|于|将)|打算|届时|力争|争取|预计|有望|目标是|目标为|"
    + "|".join(f"{w}会(?![议员长场所上见晤])" for w in "还也仍都就")
    + r"|想(?<![思理设梦感回联构猜]想)(?![法象到起念必方])|"
    r"愿(?<![志心意宏夙祝许还自情甘]愿)(?![望景])|"  # a wish (愿同各方分享…; not 志愿, 自愿)
    # directives, appeals and conditions: what follows is asked for, not reported as done
    r"强调[，,:：]|指出[，,:：]|要求|务必|必须|应当|应该|需要|亟需|亟待|仍需|还需|尚需|有必要|"
    r"应(?=加强|严格|切实|及时|按照|做好|积极|主动|认真|进一步|充分|坚持|确保|立即|尽快|依法|抓紧|随时|定期|经常|注意|避免|尽量|当|予以)|"
    r"如果|如有|一旦|否则|有条件的|企图|试图|妄图|"
    # what a plan or document is about (重点是加强职业技能培训, 主要是扩大…), and the exhortation 讲好…故事
    r"重点是(?=对|加强|扩大|推进|做好|实施|鼓励|抓好|落实|完善|健全|强化|提升|开展)|"
    r"主要是(?=对|加强|扩大|推进|做好|实施|鼓励|抓好|落实|完善|健全|强化|提升|开展)|讲好(?<!为讲好)(?<!为了讲好)(?=[^，,。；;]{0,12}故事)|"
    # documents issued and work assigned: policy, not a report of what was done
    r"印发|出台|部署(?![会了])|会议(?:确定|决定|提出|明确)[，,:：]?"
)
# Appeals and aims: the rest of their clause is asked for or aimed at, not reported as done
# (倡议市民参与志愿服务, 确保年底前完成改造); the clauses after them may report acts again.
# (在…号召下 is how an act came about, not an appeal.) 原定/原计划 (what was planned before a change) reaches
# as far, too.
# 急需 (urgently needs) asks for what follows in its clause; 急需的 (urgently needed) describes what was given
APPEAL = re.compile(r"倡议(?![书下])|倡导(?!下)|号召(?!下)|呼吁(?!下)|鼓励(?!下)|希望(?!小学|工程)|确保|原定|原计划|急需(?!的)")
FUTURE_JIANG = re.compile(
    r"将(?:(?<![即也还又都并正就]将)(?=持续|继续|进一步|常态化|把|推进|加大|全面|不断|深入|积极|大力|切实|坚持|努力|"
    r"着力|以|在|于|发挥|开展|举办|组织|启动|实施|建立|推动|加快|加强|围绕|聚焦|重点|创新|用|陆续|逐步|"
    r"适时|定期|集中|统筹|为|始终|更加|联系|做好|继续|和|与|同|跟|会|要|进行|成为|从|投入|全力|精心|送|走进|前往|赴|"
    r"来到|推出|上线|建成|完成|实现|达到|迎来|举行|召开|邀请|带领|正式|首次|陆续|分批|针对|对|开工|动工|竣工|投用|投产|通车|采取|打造|建设|"
    r"提供|赠送|发放|开放|设立|开设|增设|新建|安装|派出|选派|组建|成立|安排|给予|捐赠|协助|上门|免费|面向|惠及|"
    r"改建|扩建|开建|修建|修缮|拆除)"
    r"|(?<=[即也还又都并正就]将)(?<!立即将)(?<!随即将)(?<!当即将))"  # 立即将其…: at once, not 即将
)
# What would follow on a condition (医生就能早些施救, 才能做好); 就能享受到免费体检 tells of a service there to
# be had. A pattern of its own: in PLAN_HARD its frequent first characters would slow the whole scan.
CONDITIONAL = re.compile(r"[就才便](?<![展发施挥][就才便])(?:能|可以)(?![力源量手耐]|享受|得到|受到|体验)")
DIRECTIVE_YAO = re.compile(r"要(?<![主重需只必想纪摘提扼紧次首简概不]要)(?![求点素闻害职事道务件不])")
# Every marker of plans, the future, directives and conditions (see plan_cut).
PLAN_MARKERS = (PLAN_HARD, FUTURE_JIANG, DIRECTIVE_YAO, CONDITIONAL)
# 每月都要, 天天都要: a habit reported (每…都要), not a directive.
HABIT = re.compile(r"(?:每[^，,。；;]{0,6}?|天天|次次|年年|月月)都?$")
ADDRESSED = re.compile(r"各|所有|全体|大家|广大|人人")  # who a directive is addressed to
# 按照…要求, 根据…需要: a standard followed, not a directive.
STANDARD_FOLLOWED = re.compile(r"(?:按照|根据|依照|对照|按|结合|围绕|满足|针对)[^，,。]{0,24}$")
# 指出，近年来…: a speaker looking back reports what was done (what he asks for comes with 要, 必须 …).
LOOKING_BACK = re.compile(r"[^，,。；;]{0,12}?(?:以来|年来)[，,]")
# What is to be strengthened (加强职业技能培训, 加大对…的宣传教育, 强化资金使用监管) is a policy's aim,
# not work reported; what was strengthened (加强了巡逻) is reported.
STRENGTHENED = re.compile(r"(?:加强|强化|加大|注重)(?!了)[^，,。；;、]{0,8}$")
# …and what is to be strengthened with its object first (加强审计查出问题的整改, 加大对违法行为的查处力度)
STRENGTHENED_OF = re.compile(r"(?:加强|强化|加大|注重)(?!了)[^，,。；;]{0,30}的$")
# The subject of a future event (由…共同主办的…论坛将在杭州举行, 本届展会将于10月开幕): the event is yet to
# come, unless someone decided or announced it in between (会议决定将于…举行: the meeting was held).
FUTURE_EVENT = re.compile(r"将(?:于|在)[^，,。；;]{0,20}?(?:举行|召开|举办|开幕|启幕|揭幕|开展|启动)")
ANNOUNCED = re.compile(r"决定|宣布|表示|商定|同意|透露|介绍|提出|通知|称|说")

# A policy's content: in a sentence about a document or what it asks for (文件, 意见, 提出, 部署 …), a clause
# that opens with a policy verb (推进, 加强, 广泛开展 …) and says nothing was done (no 了, 已, 累计 …) states
# the policy, not work done (有序推进…通硬化路建设, 广泛开展村庄清洁行动).
POLICY_CONTEXT = re.compile(r"文件|意见|方案|规划|纲要|通知|办法|条例|提出|明确|部署|政策|措施|举措|一号|任务|目标")
POLICY_ADVERB = (
    r"(?:继续|持续|进一步|大力|积极|广泛|深入|扎实|有序|全面|着力|加快|切实|不断|稳步|统筹)"
)
POLICY_OPENING = re.compile(
    r"\s*(?:[一二三四五六七八九十]是)?(?:[要应需并还也再更])?"
    rf"(?:{POLICY_ADVERB}?(?:推进|加强|推动|深化|扩大|完善|健全|强化|提升|提高|优化)"
    rf"|{POLICY_ADVERB}(?:实施|落实|开展|做好|抓好|支持|鼓励|引导|推广|建立|发展))"
)
DONE = re.compile(r"了|已|先后|累计|共计|完成|建成|截至|目前|去年|以来")
# A paragraph that opens with what a document says (《通知》指出/提出…, 意见要求…) states the
# document's content throughout: measures asked for, not work reported.
DOCUMENT_SAYS = re.compile(
    r"[\s　]*(?:《[^》\n]{1,40}》|(?:该|这份|这一)?(?:通知|意见|方案|办法|规定|决定|纲要|规划|条例|文件|公告|通告))"
    r"(?:[^，,。；;\n]{0,30}?(?:指出|提出|要求|强调|明确|规定|部署)|(?:在|对|从|就)[^，,。；;\n]{0,30}?(?:基础上|作出|作了))"
)
# A numbered heading of a report or a document (一、… / （一）… / 第一部分…) standing alone or ending its
# first sentence; a heading that names tasks, aims or requirements (三、明年计划的主要任务; （一）总体要求。)
# opens a part that sets out what is to be done, which reports nothing done: it lasts to the next heading
# of the same or a higher rank that does not (二、… after 一、…; a （二） inside it leaves it open).
HEADING = re.compile(
    r"[\s　]*(?:(?P<part>第[一二三四五六七八九十]+部分)|(?P<chapter>[一二三四五六七八九十]+、)"
    r"|(?P<section>[（(][一二三四五六七八九十]+[)）]))(?P<title>[^。！？!?\n]{1,40})(?:[。！？!?]|[\s　]*$)"
)
HEADING_RANKS = ("part", "chapter", "section")
PLAN_HEADING = re.compile(
    r"任务|目标|总体要求|基本要求|政策取向|工作安排|工作部署|工作思路|工作打算|工作重点|重点工作|指导思想|基本原则|建议|下一步|今后"
)
DONE_HEADING = re.compile(r"完成|实现|取得|成效|成绩|成果|进展|情况|回顾")  # （一）主要目标较好完成。
# A paragraph ending where a document's full text begins (…的若干意见》全文如下：); not a letter's or a
# speech's, which may tell of things done.
FULL_TEXT_FOLLOWS = re.compile(
    r"(?:》|意见|通知|决定|方案|规划|条例|办法|公报|决议|声明|纲要)全文如下[：:。]?[\s　]*$"
)
# A list of tasks announced (要做好以下工作：, 重点抓好以下几项任务：): what follows in the paragraph is to be done.
TASKS_FOLLOW = re.compile(
    r"以下(?:几项|几个方面|[一二三四五六七八九十]项|[一二三四五六七八九十]个方面)?(?:重点)?(?:工作|任务|措施|事项)[：:]"
)


def plan_cut(text: str, s: int, e: int, names: list[tuple[int, int]]) -> int:
    """Position from which the sentence ``text[s:e]`` speaks of plans or directives (``e`` if never).

    Markers inside quoted names and slogans (“陋习要不得”) do not count.
    """
    cut = e
    for rx in PLAN_MARKERS:
        for m in rx.finditer(text, s, e):
            if any(x < m.start() < y for x, y in names):
                continue
            if m.group(0)[:2] in ("强调", "要求", "指出", "需要") and STANDARD_FOLLOWED.search(
                text[max(s, m.start() - 26) : m.start()]
            ):
                continue  # 按照…要求，: a standard followed, not a directive
            if m.group(0)[:2] in ("强调", "指出") and LOOKING_BACK.match(text, m.end()):
                continue  # 指出，2019年以来，…开展了…: a review of work done
            if (m.group(0) == "要" and HABIT.search(text, max(s, m.start() - 10), m.start())
                    and not ADDRESSED.search(text, max(s, m.start() - 16), m.start())):
                continue  # 每月都要抽一天巡河: what someone does every time (各单位每天都要: a directive)
            cut = min(cut, m.start())
            break
    return cut


# A paragraph that sets out a programme (…加快推进…，完善…，支持…): most of its clauses, its first among
# them, open with a policy verb and name no doer, and nothing in it is told as done (no 了, 已, 累计, no
# date or 以来). Plan reports, documents and their readings are written so; a report of work names who
# did it or when (该市加强…, 近年来…), or says 了.
# The adverbs of a policy clause (POLICY_ADVERB), and the modal and manner words of a programme.
_PROGRAMME_ADVERB = (
    rf"(?:{POLICY_ADVERB}|要|应|并|同时|还|也|稳妥|依法|坚决|更加|更好|努力|尽快|及时|主动|重点|抓紧|认真|"
    r"精准|多渠道|大幅|适当|合理|科学|有效|着重)*"
)
_PROGRAMME_VERB = re.compile(
    _PROGRAMME_ADVERB + r"(?:加快|加强|加大|推进|推动|深化|完善|健全|强化|提升|提高|扩大|优化|落实|做好|抓好|坚持|"
    r"支持|鼓励|引导|促进|保障|稳定|培育|探索|构建|创新|规范|严格|推广|发挥|增强|巩固|拓展|拓宽|维护|防范|确保|"
    r"保持|营造|落细|压实|用好|办好|管好|守好|筑牢|织密|放宽|缩减|降低|减少|控制|实现|形成|编制|制定|研究|"
    r"补齐|发展|改善|缩小|化解|弥补|激发|提振|释放)"
)
_TOLD_DONE = re.compile(
    r"了|已|累计|共计|截至|截止|同比|比上年|比去年|先后|日前|近日|连日来|[0-9０-９一二三四五六七八九十]月|年来|以来|去年|"
    r"上半年|季度"
)
_PROGRAMME_SPLIT = re.compile(r"[，,；;。！!？?：:]")
_ITEM_NUMBER = re.compile(
    r"[\s　]*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[)）]|——|[一二三四五六七八九十]+、|\d+[.、．])?"
)


def programme_paragraph(text: str, a: int, b: int) -> bool:
    """Whether the paragraph ``text[a:b]`` sets out a programme of policy rather than reporting work."""
    if _TOLD_DONE.search(text, a, b):
        return False
    start = _ITEM_NUMBER.match(text, a, b).end()
    clauses = [c.strip(" 　") for c in _PROGRAMME_SPLIT.split(text[start:b])]
    clauses = [c for c in clauses if len(c) >= 4]
    if len(clauses) < 4 or not _PROGRAMME_VERB.match(clauses[0]):
        return False
    return 2 * sum(1 for c in clauses if _PROGRAMME_VERB.match(c)) >= len(clauses)
