"""Activity detection rules on short sentences written for the tests."""

from __future__ import annotations

import pytest

from ingestion.parsing.activities import extract_activities
from ingestion.parsing.organizations import extract_organizations


def acts(text: str):
    spans = [(0, len(text))]
    return extract_activities(text, spans, extract_organizations(text, spans))


def kinds(text: str) -> set[str]:
    return {a.activity_type for a in acts(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日，星光社区组织党员志愿者开展志愿服务活动。", "volunteer_service"),
        ("县人民医院医护人员走进李家村为村民义诊。", "medical_health"),
        ("宣讲团深入田间地头宣讲政策。", "publicity_education"),
        ("执法人员对沿街商铺进行检查。", "inspection_enforcement"),
        ("区城管局对占道经营开展专项整治。", "inspection_enforcement"),
        ("志愿者们清理楼道杂物。", "environment_infrastructure"),
        ("街道对辖区背街小巷环境进行整治。", "environment_infrastructure"),
        ("市发改委深入企业开展调研。", "survey_research"),
        ("社区召开居民议事会。", "meeting_deliberation"),
        ("县教育局组织教师开展业务培训。", "training_exchange"),
        ("文化站举办广场舞比赛。", "culture_recreation"),
        ("区总工会走访慰问困难职工。", "charity_assistance"),
        ("机关党支部开展主题党日活动。", "party_building"),
        ("政务服务中心推出上门服务。", "public_service"),
    ],
)
def test_type_per_trigger(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "下一步，社区将开展志愿服务活动。",  # plan
        "街道将持续开展环境整治。",  # future 将
        "我们要组织更多的培训。",  # directive
        "计划下月举办文艺演出。",  # plan
        "为加强食品安全监督检查，强化部门协作。",  # purpose clause
        "市委宣传部发布通知。",  # 宣传部 is a name
        "他在检查站工作。",  # 检查站 is a place
    ],
)
def test_no_activity(text):
    assert kinds(text) == set()


def test_jiang_as_object_marker_is_not_future():
    assert "environment_infrastructure" in kinds("社区将废弃花坛改造成小游园，并完成改造。")


def test_triggers_in_quoted_name_only_when_nothing_outside():
    # the name says 义诊; the clause itself says nothing else → medical
    assert kinds("东风社区开展“义诊送健康”活动。") == {"medical_health"}
    # the clause says 志愿服务 outside the quotes → that decides, not the name's 便民
    assert "public_service" not in kinds("社区开展“便民惠民”志愿服务活动。")


def test_organizer_name_place():
    text = "近日，东风街道办事处在幸福社区开展“邻里一家亲”主题志愿服务活动，组织居民包饺子。"
    a = [x for x in acts(text) if x.name][0]
    assert a.organizer == "东风街道办事处"
    assert a.name == "邻里一家亲"
    assert a.place == "幸福社区"


def test_organizer_carries_over_to_the_next_sentence():
    text = "红星社区召开议事会。会后，工作人员清理了楼道杂物。"
    env = [a for a in acts(text) if a.activity_type == "environment_infrastructure"]
    assert env and env[0].organizer == "红星社区"


def test_region_as_subject():
    a = acts("近日，白河县组织开展观摩活动。")[0]
    assert a.organizer == "白河县" and a.activity_type == "training_exchange"


def test_quote_is_a_substring_clause():
    text = "社区组织志愿者清扫街道，受到居民好评。"
    for a in acts(text):
        assert text[a.start : a.end] in text and "清扫" in text[a.start : a.end]


def test_every_type_has_triggers():
    from ingestion.parsing.activities import TRIGGERS
    from ingestion.parsing.model import ACTIVITY_TYPES

    assert set(TRIGGERS) == set(ACTIVITY_TYPES)


def test_negated_trigger_is_not_an_activity():
    assert kinds("这片空地始终未能得到彻底清理。") == set()


def test_directive_carries_over_semicolons():
    text = "书记要求，要加强督促检查；在做好学习的同时开展调研活动。"
    assert kinds(text) == set()


def test_following_a_standard_is_not_a_directive():
    assert "environment_infrastructure" in kinds("按照环境卫生责任区要求，开展卫生清扫活动。")


def test_personal_repairs_are_not_infrastructure():
    assert "environment_infrastructure" not in kinds("志愿者为居民免费维修家电。")


# --------------------------------------------------------------------------- wording of other papers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县团委组织40余名青年志愿者走上街头开展文明交通劝导。", "volunteer_service"),
        ("县血站组织无偿献血活动，86名市民献血。", "charity_assistance"),
        ("县人民医院眼科医生到敬老院为老人进行眼部筛查。", "medical_health"),
        ("县医院医务人员为辖区老人上门建立健康档案。", "medical_health"),
        ("市场监管所对超市蔬菜进行农药残留抽检。", "inspection_enforcement"),
        ("县交通运输局约谈3家客运企业负责人。", "inspection_enforcement"),
        ("县纪委监委对各乡镇落实情况进行明察暗访。", "inspection_enforcement"),
        ("县水利局组织对城区河道进行清淤疏浚。", "environment_infrastructure"),
        ("大雪过后，环卫工人连夜清扫主干道积雪。", "environment_infrastructure"),
        ("公交公司为南坡村更换老化线路，新装太阳能路灯。", "environment_infrastructure"),
        ("县统计局开展农业普查入户登记。", "survey_research"),
        ("县政协组织委员就养老服务开展专题视察。", "survey_research"),
        ("县委常委会召开会议，研究部署当前工作。", "meeting_deliberation"),
        ("县应急管理局在城区广场举行地震应急演练。", "training_exchange"),
        ("县文化馆举办迎新春书画作品展。", "culture_recreation"),
        ("南湖区举办猜灯谜、舞龙舞狮等民俗活动。", "culture_recreation"),
        ("县书法家协会组织书法家为群众义写春联。", "culture_recreation"),
        ("县慈善总会为困难学生发放助学金。", "charity_assistance"),
        ("镇党委召开专题民主生活会。", "party_building"),
        ("县政务服务中心推行延时服务和预约服务。", "public_service"),
        ("县司法局推出“下班不打烊”延时服务。", "public_service"),  # 不 inside a quoted name
        ("燃气公司在如意社区开设服务点，上门为老人办理业务。", "public_service"),
        ("县公安局开通节假日办证绿色通道。", "public_service"),
    ],
)
def test_type_in_other_wording(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # plans and the future
        "接下来，社区还会组织志愿者定期上门探访独居老人。",
        "预计今年底前完成全部管网改造。",
        "今年，我县计划完成20个老旧小区改造。",
        "该镇拟于3月底前启动人居环境整治行动。",
        "明年将重点实施城区管网改造工程。",
        "下阶段，区里准备在更多社区推广义诊服务。",
        "我们小区想安装电动车充电桩。",
        "力争年底前实现村级党组织活动场所全覆盖。",
        # directives
        "县委要求各乡镇立即开展安全隐患大排查。",
        "会议强调，要持续深入开展文明城市创建宣传教育。",
        "各单位应严格落实值班制度，加强节日期间安全检查。",
        "各乡镇要高度重视，认真组织开展好志愿服务活动。",
        # appeals and aims
        "倡议广大市民积极参与志愿服务。",
        "希望全县党员干部积极投身志愿服务。",
        "鼓励企业开展技能培训。",
        "号召全体居民参与垃圾分类。",
        "确保年底前完成农村户厕改造任务。",
        # conditions
        "如有需要，居民可拨打热线预约上门服务。",
        "有条件的老旧小区加装电梯、增设停车位。",
        "今年的重点是加强农民职业技能培训。",  # what a plan is about
        "要讲好脱贫攻坚故事。",
        "采取重点复核与随机抽查相结合的办法。",  # methods named
        # policy statements
        "该县坚持把志愿服务作为创建文明城市的重要抓手。",
        "不断完善志愿服务体系。",
        "近年来，基层医疗服务能力持续提升。",
        "建立了问题发现、交办、整改、反馈的闭环机制。",
        "居民在刚建成的口袋公园里休闲健身。",
    ],
)
def test_plans_directives_appeals_and_policy_are_not_activities(text):
    assert kinds(text) == set()


def test_appeal_reaches_only_to_the_end_of_its_clause():
    text = "社区呼吁居民清理垃圾，志愿者们当天就清理了楼道杂物。"
    assert [text[a.start : a.end] for a in acts(text)] == ["志愿者们当天就清理了楼道杂物"]


def test_an_act_done_on_someone_s_call_is_reported():
    assert kinds("在志愿者的号召下，小区居民一天就捐款2万多元。") == {"charity_assistance"}


def test_aim_in_a_purpose_clause_does_not_hide_the_act():
    text = "为确保节日安全，县应急管理局开展安全生产大检查。"
    assert kinds(text) == {"inspection_enforcement"}


def test_collective_clean_up_is_environment_work_not_enforcement():
    assert kinds("白沙镇开展农村人居环境集中整治。") == {"environment_infrastructure"}
    assert kinds("区城管执法大队集中整治占道经营。") == {"inspection_enforcement"}


def test_health_checks_for_residents():
    assert kinds("医护人员为老人进行眼部筛查。") == {"medical_health"}


def test_service_word_inside_an_organisation_name_gives_way():
    # 政务服务 is part of the organiser's name; the clause reports a meeting
    assert kinds("县政务服务中心召开专题推进会。") == {"meeting_deliberation"}
    # with nothing else in the clause the name still tells the type
    assert kinds("县政务服务中心推出帮办代办服务。") == {"public_service"}


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        ("本报石家庄2月4日电（记者张三）县市场监管局近日开展节前食品安全检查。", "县市场监管局"),
        ("2月3日上午青石县应急管理局召开安全生产调度会。", "青石县应急管理局"),
        ("■ 县人民医院组织专家到东坡村开展义诊。", "县人民医院"),
        ("县委召开党建工作推进会。", "县委"),
        ("县人大常委会举行第十八次会议。", "县人大常委会"),
    ],
)
def test_organizer_after_datelines_dates_and_bullets(text, organizer):
    assert acts(text)[0].organizer == organizer


def test_quote_does_not_start_with_a_bullet():
    text = "■ 县图书馆举办少儿绘本阅读分享会。"
    a = acts(text)[0]
    assert text[a.start : a.end].startswith("县图书馆")


def test_clause_openings_fast_path_covers_every_lead():
    """Clauses whose first character is outside OPENING_FIRST skip the lead pattern: it must never match there."""
    from ingestion.parsing.activity_subjects import CLAUSE_LEAD, OPENING_FIRST

    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        if ch not in OPENING_FIRST:
            assert CLAUSE_LEAD.match(ch + "日电近日").end() == 0, ch


def test_page_scan_is_shared_by_the_articles_of_one_page():
    from ingestion.parsing import activities

    page = "标题一\n县卫生院为村民义诊。\n标题二\n社区召开居民议事会。\n"
    first = extract_activities(page, [(4, 14)], [])
    scan = activities._last_scan
    second = extract_activities(page, [(19, 29)], [])
    assert activities._last_scan is scan  # one pass over the page serves both articles
    assert [a.activity_type for a in first] == ["medical_health"]
    assert [a.activity_type for a in second] == ["meeting_deliberation"]
    # the same results when each article is parsed on its own page
    alone = "县卫生院为村民义诊。"
    assert [a.activity_type for a in extract_activities(alone, [(0, len(alone))], [])] == ["medical_health"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trigger with its tally after it is work done, even without another verb
        ("今年以来，城关区市场监管局共检查沿街商户120家。", {"inspection_enforcement"}),
        ("截至目前，和平街道共受理居民诉求860余件。", {"public_service"}),
        ("全年新增停车位300个。", {"environment_infrastructure"}),
        # residents formed into a patrol team
        ("东关社区吸纳40名热心居民组成巡逻队。", {"volunteer_service"}),
        ("东关社区为12个老旧小区加装电梯。", {"environment_infrastructure"}),
    ],
)
def test_tallied_and_team_activities(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全区垃圾分类覆盖率达到95%。",  # a rate about an activity is no activity
        "志愿服务参与人数同比增长12%。",  # neither is a head count
        "社区推行“三个一”工作法：一张明白卡、一本台账、一支志愿队。",  # a list after a colon
        "截至目前，县政务服务中心共惠及群众800余户。",  # a word of an organisation's name
    ],
)
def test_statistics_names_and_lists_are_no_activity(text):
    assert kinds(text) == set()


def test_word_of_the_place_name_does_not_type_the_activity():
    # 体育 is a culture word, but here it names the square where a talk on fraud is given
    assert kinds("近日，县司法局在体育广场开展“守护钱袋”主题宣传活动。") == {"publicity_education"}


# --- the broader lexicon (activity_lexicon.py): phrasings of real reports for the twelve kinds ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # epidemic-control checks at gates and checkpoints are inspections; disinfection is cleaning work
        ("青禾物业对进出小区的人员逐一测量体温。", "inspection_enforcement"),
        ("柳岸村在路口设置卡点，党员轮流值守。", "inspection_enforcement"),
        ("物业公司每天对楼道、电梯进行全面消毒。", "environment_infrastructure"),
        ("县审计局在审计中发现问题，督促整改。", "inspection_enforcement"),
        ("民警当场抓获嫌疑人3名。", "inspection_enforcement"),
        # goods and relief given, rent waived
        ("星河集团向县医院捐赠口罩2万个。", "charity_assistance"),
        ("商场为商户减免一个月租金。", "charity_assistance"),
        ("区领导看望慰问一线医护人员。", "charity_assistance"),
        # services kept running or moved online
        ("营业厅将现场业务改为线上办理。", "public_service"),
        ("超市春节期间不打烊，保障居民购买新鲜蔬菜。", "public_service"),
        ("志愿者为独居老人送菜上门。", "public_service"),
        # treatment, lessons, sports and shows
        ("县医院收治患者12名。", "medical_health"),
        ("科技馆推出“空中课堂”，录制科学实验小视频。", "publicity_education"),
        ("社区发起“文明餐桌”行动。", "publicity_education"),
        ("千余名市民参加新年登高健身活动。", "culture_recreation"),
        ("绿湾公园展出剪纸作品200余件。", "culture_recreation"),
        ("市长在青禾县考察时，详细询问农户收入。", "survey_research"),
        ("镇党委成立临时党支部，组建党员突击队。", "party_building"),
        ("大学生报名当起志愿者。", "volunteer_service"),
        ("访学班的学员们走进青禾高新区，观看生产流程。", "training_exchange"),  # a study visit
        ("街道把助老服务送到老人家中。", "charity_assistance"),
        ("市场监管局督促商户整改问题。", "inspection_enforcement"),
        ("他跑遍了全县各个乡镇，宣传党的政策。", "publicity_education"),
        ("该镇累计完成造林1.2万亩，防沙治沙成效明显。", "environment_infrastructure"),
    ],
)
def test_broader_lexicon(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "小区取消各类群众性文体活动。",  # called off, not held
        "省政府印发方案，部署开展专项整治。",  # a document and an assignment, not the work done
        "否则将处以拘留。",  # a condition
        "市场上消毒液、口罩等货源充足。",  # the product, not the act
        "中央气象台发布大雾预警。",  # a forecast, not an inspection
        "公司研发了扶贫跑步鸡项目。",  # a word inside a name
        "社区工作者、志愿者上门摸排老人情况。",  # volunteers doing a survey: the survey's type only
        "她曾在奥运会上夺得两枚金牌，在运动会上打破纪录。",  # a games, not a meeting
        "管床医生详细询问患者病情。",  # a doctor's questions, not a survey
        "青禾市将采取新模式，建设蔬菜基地，努力实现保供稳价。",  # 将 before 采取: a plan
        "检查餐具消毒、食品包装等是否符合规范。",  # an item checked (the checking is a plan here: no subject)
        "县纪委督促各部门把新规定写进工作手册。",  # a directive to departments, not an inspection
    ],
)
def test_broader_lexicon_keeps_out(text):
    assert kinds(text) == ({"survey_research"} if "摸排" in text else set())


# --------------------------------------------------------------------------- volunteers, services, explaining, checks
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # volunteers named by their role or body, doing the work
        ("柳湾社区的志愿者们每天为独居老人准备午饭。", "volunteer_service"),
        ("几位古建保护志愿者走遍全县，撰写了一本村志。", "volunteer_service"),
        ("青年志愿者轮流在站台引导旅客进站。", "volunteer_service"),
        # services done for residents, windows opened, online services
        ("街道便民中心为辖区老人办理医保续费。", "public_service"),
        ("银行网点为小微商户代办收款码。", "public_service"),
        ("税务分局开设企业复工专窗，集中受理申报。", "public_service"),
        ("不动产中心推行网上预约，群众可在线办理登记。", "public_service"),
        ("政务大厅对企业开办业务实行“一站式”受理。", "public_service"),
        # explaining policies and knowledge to the public or to workers
        ("农业农村厅负责人解读今年的惠农政策。", "publicity_education"),
        ("专家在发布会上对新规进行了解读。", "publicity_education"),
        ("厂医给返岗工人普及防护知识。", "publicity_education"),
        ("网格员挨家挨户提醒村民出门戴口罩。", "publicity_education"),
        ("护林员在林区入口上前劝阻游客吸烟。", "publicity_education"),
        # checks, patrols and tests of goods
        ("市场监管所对农贸市场蔬菜进行抽样检测。", "inspection_enforcement"),
        ("海关关员对入境船舶逐一进行卫生检疫。", "inspection_enforcement"),
        ("护林队每天进山巡护，密切监测火情。", "inspection_enforcement"),
        # finding out the situation from data and registers
        ("街道利用大数据分析返乡人员分布。", "survey_research"),
        ("村干部逐户登记造册，摸清底数。", "survey_research"),
    ],
)
def test_volunteers_services_explaining_checks(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("县文明办协调志愿者帮助老人注册账号。", "volunteer_service"),  # volunteers arranged by a body: its work
        ("社区工作者、志愿者上门摸排老人情况。", "volunteer_service"),  # a bare 志愿者 in a list of doers
        ("这些志愿者在社区开展健康讲座。", "volunteer_service"),  # the lecture's type only
        ("全市宽带普及率达到九成。", "publicity_education"),  # a rate, not spreading knowledge
        ("他解释道，这批树苗是去年栽的。", "publicity_education"),  # speech
        ("这套理论对现实有较强的解释力。", "publicity_education"),
        ("公司研发了快速检测解决方案。", "inspection_enforcement"),  # a product
        ("拒绝接受检疫的，依法处理。", "inspection_enforcement"),  # a rule, not a check done
        ("县检测中心位于城东。", "inspection_enforcement"),  # a body's name
        ("科研人员有必要为公众解疑释惑。", "publicity_education"),  # what should be done
        ("数据分析能力是企业的核心竞争力。", "survey_research"),  # a capacity
    ],
)
def test_volunteers_services_explaining_checks_keep_out(text, unexpected):
    assert unexpected not in kinds(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("她在物业公司当保洁员，每月工资三千元。", "environment_infrastructure"),  # a job
        ("一辆新型清扫车停在路边。", "environment_infrastructure"),  # a vehicle
        ("他后来成了一名电梯维修工。", "environment_infrastructure"),
        ("央行着力疏通利率传导机制。", "environment_infrastructure"),  # a mechanism, not a pipe
        ("纪委及时清除干部队伍中的两面人。", "environment_infrastructure"),  # people, not rubbish
        ("区政府全面清理各类审批事项。", "environment_infrastructure"),  # procedures
        ("县医院建立起全科医生培训基地。", "training_exchange"),  # a base, not a training held
    ],
)
def test_worker_vehicle_base_and_metaphor_are_no_work(text, unexpected):
    assert unexpected not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "物业组织保洁人员对小区进行全面清扫，完成清扫工作后逐栋消毒。",
        "维修人员连夜抢修，完成管道维修工作。",
    ],
)
def test_work_itself_still_counts(text):
    assert "environment_infrastructure" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "记者在走访中了解到，村里今年新添了三台收割机。",
        "笔者调查发现，不少商户已经换上了新招牌。",
    ],
)
def test_the_papers_own_reporting_is_no_survey(text):
    assert "survey_research" not in kinds(text)


def test_a_survey_by_others_in_a_story_still_counts():
    assert "survey_research" in kinds("县农业农村局组织技术人员走访种植户，了解春耕需求。")


def test_a_herbicide_is_no_weeding():
    assert "environment_infrastructure" not in kinds("老张说，自家地里早就打了除草剂。")
    assert "environment_infrastructure" in kinds("志愿者们在小区绿地里拔草除草。")


def test_a_speaker_looking_back_reports_work_done():
    looking_back = "李明指出，近年来，全市两千多名青年志愿者深入社区，开展了上千场义诊活动。"
    assert {"volunteer_service", "medical_health"} <= kinds(looking_back)


def test_what_a_speaker_asks_for_is_still_no_report():
    assert kinds("李明指出，要组织志愿者深入社区开展义诊活动。") == set()
    assert kinds("李明强调，各地必须开展安全大检查。") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县委理论学习中心组举行集体学习。", "training_exchange"),
        ("五位劳动模范在会上作先进事迹报告。", "publicity_education"),
        ("镇政府给困难学生发放生活补助。", "charity_assistance"),
        ("村委会为每户低保户送去米面油。", "charity_assistance"),
        ("乡卫生院为贫困户定制健康服务包。", "medical_health"),
        ("县医院为这位老人实施了胃镜检查。", "medical_health"),  # an examination, not an inspection
        ("镇里完成了老旧住房整治。", "environment_infrastructure"),  # 整治 of houses
        ("跨江大桥正在紧张施工。", "environment_infrastructure"),
        ("这所学校由对口省份援建。", "environment_infrastructure"),
        ("县里依法关闭了十多家违规小煤窑。", "inspection_enforcement"),
        ("两国代表团在日内瓦进行了新一轮谈判。", "meeting_deliberation"),
        ("街道成立了一支退休教师志愿者队伍。", "volunteer_service"),
        ("市纪委监委对该局原局长进行了立案审查调查。", "inspection_enforcement"),
        ("督导组实地了解隔离点消毒、体温检测等情况。", "survey_research"),
        ("他作为代表参加了全市民兵动员大会。", "meeting_deliberation"),
        ("驻村干部挨家挨户劝说村民移风易俗。", "publicity_education"),
        ("基金会为山区学生提供了200个奖学金名额。", "charity_assistance"),
        ("去年县残联帮他装了助听器。", "charity_assistance"),  # fitted to a person by those who help
        ("乡政府给每家每户都发了米、面、油。", "charity_assistance"),
        ("国家主席会见了来访的外国总统。", "meeting_deliberation"),
        ("急诊科医生立刻为患者实施手术。", "medical_health"),
        ("物业师傅修了近30个楼道的灯泡和开关。", "environment_infrastructure"),
        ("开发区为企业提供办公场地，并免去3年租金。", "charity_assistance"),
        ("社区组建“志愿管家”队伍并成立党支部。", "party_building"),
        ("考古队在遗址开展考古发掘。", "survey_research"),
        ("基金会持续在当地开展扶贫、教育等公益项目。", "charity_assistance"),
        ("两国外长在日内瓦举行会晤。", "meeting_deliberation"),
        ("市政府新闻办召开新闻发布会。", "meeting_deliberation"),
        ("村党支部召开了几次院坝会。", "meeting_deliberation"),  # a meeting called, however it is named
        ("镇党委召开专题民主生活会。", "party_building"),  # the named kind keeps its type
        ("村里的公厕、长廊陆续修葺一新。", "environment_infrastructure"),
    ],
)
def test_wording_of_a_national_daily(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("区里对报销流程进行了全面清理。", "environment_infrastructure"),  # a procedure, not litter
        ("考古队对古墓遗物进行清理。", "environment_infrastructure"),  # a dig
        ("展柜里摆着剪纸培训学校学员的作品。", "culture_recreation"),  # a school's name, not a class held
        ("县医院为这位老人实施了胃镜检查。", "inspection_enforcement"),
        ("施工单位负责人介绍了情况。", "environment_infrastructure"),  # the builder, not the work
        ("各地应抓紧开展施工进场准备。", "environment_infrastructure"),  # a directive
        ("援建干部来到村里。", "environment_infrastructure"),
        ("大雾天气，高速公路入口临时关闭。", "inspection_enforcement"),  # a road closed, nobody shut down
        ("订单减少，被迫关闭的工厂多了起来。", "inspection_enforcement"),  # closed by the market
        ("市纪委监委对该局原局长进行了立案审查调查。", "survey_research"),  # a discipline case, not a survey
        ("通知严禁在景区内举办演出、展览等活动。", "culture_recreation"),  # what a ban lists is not done
        ("某大学医学院讲座教授张明说。", "publicity_education"),  # a title, not a lecture
        ("执勤民警王明说，这里车流量大。", "inspection_enforcement"),  # the officer named, not the duty
        ("这将损害重启双边磋商的前景。", "meeting_deliberation"),
        ("督导组实地了解隔离点消毒、体温检测等情况。", "environment_infrastructure"),  # what was looked into
        ("短道速滑名将李明说，比赛很激烈。", "culture_recreation"),  # a sport naming a person
        ("基层干部反映会议多、文件多、督查多。", "inspection_enforcement"),  # too many, not held
        ("店家表示将免费赠送年夜饭。", "charity_assistance"),  # promised
        ("新条例健全了联合执法的模式。", "inspection_enforcement"),  # a model, not an act
        ("全民健身大会在各地同步举行。", "meeting_deliberation"),  # a sports event
        ("参观者走进人民大会堂。", "meeting_deliberation"),  # a building
        ("有人企图靠赠送礼品拉拢他。", "charity_assistance"),  # an attempt, not a gift given
        ("资产公司救助了一批问题企业。", "charity_assistance"),  # a bailout of firms
        ("十几名乡亲已在地里除草。", "environment_infrastructure"),  # farming
        ("展柜里有当年总理会见代表团的消息剪报。", "meeting_deliberation"),  # a record of it, kept
        ("充分发挥老党员宣传政策、调解纠纷等方面的优势。", "publicity_education"),  # a strength
        ("条例涵盖监督、调查、处置等各个方面。", "survey_research"),  # topics covered
        ("瞄准违规操办婚丧喜庆这个整治重点。", "inspection_enforcement"),  # a target named
        ("原定3月召开的年会宣布推迟。", "meeting_deliberation"),  # what was planned
        ("调整结构，修复企业的造血功能。", "environment_infrastructure"),  # a function restored
    ],
)
def test_not_that_kind(text, absent):
    assert absent not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "文件提出，有序推进较大自然村通硬化路建设。",  # what a document asks for
        "意见明确，持续推进农村危房改造，加强乡村医疗服务。",
        "七是深化政务便民服务，这是方案的重点。",
    ],
)
def test_a_policy_s_content_is_not_work_done(text):
    assert kinds(text) == set()


def test_work_done_in_a_sentence_about_a_policy_is_still_reported():
    # the same verbs with work done (了, 累计) or a standard followed (按照…要求) stay activities
    assert kinds("按照文件要求，全县已推进危房改造1200户。") == {"environment_infrastructure"}
    assert kinds("按照环境卫生责任区要求，开展卫生清扫活动。") == {"environment_infrastructure"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a work published under its title is publicity
        ("市出版社出版了《乡村振兴案例选编》一书。", "publicity_education"),
        ("国务院新闻办公室发表《中国的能源发展》白皮书。", "publicity_education"),
        ("研究院发布了《2019年城市发展报告》。", "publicity_education"),
        # 会见 after 还/也 is the meeting, not the modal 会
        ("总理还会见了某组织新任秘书长。", "meeting_deliberation"),
        ("国家主席接受5国新任驻华大使递交国书。", "meeting_deliberation"),
        ("与会代表齐聚一堂，共商产业转型升级之路。", "meeting_deliberation"),
        ("他把全部奖金捐给了村里的小学。", "charity_assistance"),
        ("街道在主干道西侧新开放了50个停车位。", "environment_infrastructure"),
        # waters and shores cleaned up are environment work, not enforcement
        ("县里启动了投资5亿元的河道整治行动。", "environment_infrastructure"),
        ("镇里对辖区湖泊岸线开展整治。", "environment_infrastructure"),
        ("社区带领居民组成了以退休老人为主的楼委会和志愿者队伍。", "volunteer_service"),
        ("社区老党员为孩子们讲述红色故事。", "culture_recreation"),
    ],
)
def test_publishing_meetings_and_other_wording(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # directives and joint statements issued are policy, a scholar's findings and books research
        "省政府办公厅印发《关于加快发展的意见》。",
        "市政府发布《关于进一步优化营商环境的若干措施》。",
        "与会各方会后发表了《联合声明》。",
        "中央军委印发并发布了《某某工作条例（试行）》。",  # a regulation on trial is a regulation
        "这一成果发表在最新一期《某某》杂志上。",
        "他先后出版了《江南市镇研究》等专著。",
        # what is to be strengthened is an aim
        "要充实人员力量、加强业务培训、提升服务能力。",
        "县里加强农民职业技能培训，促进返乡创业。",
        # the future with 将从…起, and the modal 会 before a verb
        "某委员会将从下月1日起举行听证会。",
        "他将会见来访的外宾。",
        # a film's plot, a trend, measures cleared away
        "这部电影讲述的故事感动了观众。",
        "影片上映后引发观影热潮。",
        "市商务局清理取消了一批不合理的限制措施。",
    ],
)
def test_publishing_and_aims_keep_out(text):
    assert acts(text) == []


def test_what_was_strengthened_is_reported():
    assert "inspection_enforcement" in kinds("社区加强了对外来人员的排查。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("村支书召集各家族的代表，一起商量办法。", "meeting_deliberation"),
        ("社区组建“楼栋管家”志愿队伍。", "volunteer_service"),
        ("县残联为每户残疾人家庭购买了轮椅。", "charity_assistance"),
        ("镇里为困难群众购买了意外保险。", "charity_assistance"),
        ("球队队员走进社区开展公益服务活动。", "volunteer_service"),
        ("社区工作人员正在开会汇总居民的需求。", "meeting_deliberation"),
        ("疾控人员对密切接触者开展流行病学调查。", "medical_health"),  # epidemiology, not a survey
        ("镇长每周都要抽半天巡河。", "inspection_enforcement"),  # 每…都要: a habit, not a directive
        ("执法队关停了12家违规排污的小作坊。", "inspection_enforcement"),
        ("村党支部今年发展党员5名。", "party_building"),
        ("仓库和展馆被连夜改造成临时方舱医院。", "environment_infrastructure"),  # no hospital named 改造成…医院
        ("网格员给独居老人和隔离的家庭送菜。", "charity_assistance"),
        ("工作组挨家挨户宣传垃圾分类。", "publicity_education"),
        ("技术员把嫁接方法一步步教给村里的农户。", "training_exchange"),
        ("社区为两位抗疫护士举办了婚礼。", "culture_recreation"),
        ("区里举办了特色农产品推介会。", "publicity_education"),
        ("支部书记公布了自己的手机号码，随时接听居民来电。", "public_service"),
        ("网格长把自己的电话号码张贴在每个单元门口。", "public_service"),
        ("爱心人士给山区小学的学生送去了新棉衣。", "charity_assistance"),  # gifts and clothes given
        ("合作社买来一批口罩，免费送给村里的老人。", "charity_assistance"),
        ("市长召集交通、住建部门的官员商议治堵办法。", "meeting_deliberation"),
        ("据一项民调，六成受访者支持这一方案。", "survey_research"),
        ("市电视台对开幕式进行了全程直播。", "publicity_education"),  # an event broadcast live
        ("县长在动员大会上作了讲话。", "meeting_deliberation"),  # a speech given there: the meeting is reported
        ("街道在背街小巷新增了60个车位。", "environment_infrastructure"),
        ("党员在卡口昼夜轮值，守住村门。", "inspection_enforcement"),
        ("市场监管局全年作出行政处罚决定150件。", "inspection_enforcement"),
        ("老人们每天清晨在公园里打太极拳。", "culture_recreation"),
        ("商会把一批防护服转送到缺少物资的乡镇卫生院。", "charity_assistance"),
        ("全县去年完成3000人易地扶贫搬迁。", "charity_assistance"),
        ("医院为社区居民开通了线上问诊平台。", "medical_health"),
        ("《中国湿地保护》白皮书在北京发布。", "publicity_education"),  # the verb after the title
        ("县里选送20名青年教师到师范大学进修。", "training_exchange"),
        ("法院立即将其列入失信被执行人名单。", "inspection_enforcement"),  # 立即将: at once, not 即将
        ("各支部就新修订的条例展开专题讨论。", "meeting_deliberation"),  # a discussion held
        ("两位退休教师二十年来义务看护村里的古桥。", "volunteer_service"),  # unpaid work
        ("理发师每月义务为敬老院的老人理发。", "volunteer_service"),
        ("村医上门为留守老人做体检。", "medical_health"),
        ("统计局已启动第一次全国林草资源普查。", "survey_research"),
        ("民警多次上门，劝说摊主不要再占道经营。", "publicity_education"),  # told to stop
        ("物业在每个单元门口装上了智能摄像头。", "environment_infrastructure"),
        ("老旧小区今年加装电梯40部。", "environment_infrastructure"),
        ("志愿者在车站张贴防诈骗宣传海报。", "publicity_education"),
        ("银行对受灾农户的逾期利息予以减免。", "charity_assistance"),  # fees and interest waived
        ("省财政为创业青年的贷款给予全额贴息。", "charity_assistance"),
        ("省卫健委的一项抽样调查结果显示，居民健康素养有所提升。", "survey_research"),  # a survey by its findings
        ("公益组织在地铁站投放了一组反诈广告。", "publicity_education"),
        ("镇里举办了首届村民春晚。", "culture_recreation"),
        ("村干部挂横幅、播喇叭，提醒村民不要聚集。", "publicity_education"),  # banners and loudspeakers
        ("纪录片于当晚在电视台首播。", "culture_recreation"),  # a broadcast premiere
        ("当地对高新技术项目实行零审批，将企业开办时间压缩至两个工作日。", "public_service"),  # permits faster
        ("区里把审批时限缩短到5个工作日。", "public_service"),
        ("专家组向当地医院详细介绍中国的防控措施。", "training_exchange"),  # experience passed on
        ("副总理在甲市检查指导疫情防控工作。", "inspection_enforcement"),  # an inspection visit
        ("她听取甲省和甲市防控工作汇报。", "meeting_deliberation"),  # a report heard
        ("总书记参加甲省代表团审议。", "meeting_deliberation"),  # a session deliberating
        ("多个城市开启出口防疫物资绿色通道。", "public_service"),
        ("该国过去数十年里竭尽全力为阿富汗难民提供帮助。", "charity_assistance"),  # help to people in need
        ("领导同志以不同方式表示哀悼并向其亲属表示慰问。", "charity_assistance"),  # sympathy to a family
        ("最高人民法院开通法信平台，面向社会公众提供法律信息。", "public_service"),  # an online service opened
        ("支付APP在300多个城市上线了“无接触酒店”查询。", "public_service"),
    ],
)
def test_called_together_teams_and_things_bought_for_people(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("县里制定了30项整改措施。", "inspection_enforcement"),  # measures to be taken
        ("基地开发了多门研学课程。", "training_exchange"),  # a product, not a study trip
        ("疫情使编辑们不能聚集在一起开会。", "meeting_deliberation"),  # what could not be done
        ("志愿者召集村民开展防疫知识宣传活动。", "meeting_deliberation"),  # called together to do that
        ("各单位每天都要开展检查。", "inspection_enforcement"),  # every unit is told to: a directive
        ("组织部在一线考察识别干部。", "survey_research"),  # judging cadres, not research
        ("老师手把手地教孩子们剪纸。", "training_exchange"),  # a pastime taught is that pastime
        ("她应邀参加了朋友的婚礼。", "culture_recreation"),  # a wedding attended is no event held
        ("无人机对敌方指挥官实施了定点清除。", "environment_infrastructure"),  # a targeted killing, no clean-up
        ("主播在直播间推销家乡的农产品。", "publicity_education"),  # a seller's live stream
        ("本届会议的轮值主席由某国担任。", "inspection_enforcement"),  # an office, not a watch
        ("对违反规定的单位，依法给予行政处罚。", "inspection_enforcement"),  # what a rule provides for
        ("小区停车场的收费标准上调了。", "environment_infrastructure"),
        ("来信已转送至有关部门办理。", "charity_assistance"),  # a letter passed on, no goods
        ("总书记看望参加全国政协会议的文艺界委员。", "charity_assistance"),  # delegates visited, no help given
        ("检查组即将开展专项检查。", "inspection_enforcement"),  # about to: not done yet
        ("要加快推进易地扶贫搬迁后续扶持。", "charity_assistance"),  # a plan
        ("民营资本在健康体检、技能培训等领域加快布局。", "training_exchange"),  # fields a market grows in
        # a speech cited by the meeting where it was given is a source, not a meeting reported
        ("他在全省工作会议上的讲话中指出，要抓好落实。", "meeting_deliberation"),
        ("文集收入了作者在年会、论坛上发表的五篇演讲。", "meeting_deliberation"),
        ("这部纪录片在网上引发了热烈讨论。", "meeting_deliberation"),  # a debate set off, no meeting
        ("经专家讨论，医院决定立即转院。", "meeting_deliberation"),
        ("她常去编辑部主持人的家里请教讨论。", "meeting_deliberation"),  # 主持人 is no chair of a discussion
        ("公民既享有权利，也要履行保护环境的义务。", "volunteer_service"),  # a duty, no unpaid work
        ("他是村里的义务讲解员。", "volunteer_service"),  # a role named
        ("海报上的明星笑容灿烂。", "publicity_education"),  # a poster seen, none put up
        ("网友留言：“怎样才能劝说父母不要出门聚会？”", "publicity_education"),  # a question asked
        ("课题组研究如何开展社区义诊。", "medical_health"),
        ("记者调查发现，部分商户仍在营业。", "survey_research"),  # how the story was gathered
        ("他的手机喇叭坏了。", "publicity_education"),  # a loudspeaker named, none played
        ("会场外的横幅被风吹落。", "publicity_education"),
        ("货车车身一侧挂一红色横幅。", "publicity_education"),  # a banner described, none hung to tell
        ("除夕夜，一家人在家看春晚。", "culture_recreation"),  # a gala watched at home
        ("化工厂关停后，工人们陆续外出打工。", "inspection_enforcement"),  # when a plant closed, no order
        ("报告建议加强对审计查出问题的整改。", "inspection_enforcement"),  # to be strengthened, object first
        ("副总理走进有关处室，看望干部职工，同大家交流。", "charity_assistance"),  # a work visit, no help given
        ("两国领导人见证了执法安全合作文件的签署。", "inspection_enforcement"),  # a field of cooperation
        ("好不容易拉个企业来考察，结果半路就掉头走了。", "survey_research"),  # investors looking around
        ("主持人走访中匈两国，记录普通人的生活。", "survey_research"),  # countries travelled
        ("多国领导人对中国抗击疫情表示慰问和支持。", "charity_assistance"),  # sympathy between peoples, in words
        ("总理向该国政府和人民致以诚挚慰问。", "charity_assistance"),
        ("有不少像垃圾分类这样具有跨界性的现实课题。", "environment_infrastructure"),  # an example named
        ("记者来到全国人大会议甲省代表团驻地甲省大厦。", "meeting_deliberation"),  # where a delegation stays
        ("他是护林员，也是国庆日常巡逻人员。", "inspection_enforcement"),  # a duty named, no patrol
        ("有关草案将按程序提请大会审议。", "meeting_deliberation"),  # to be put before a session
        ("论坛为各方搭建了高端对话平台。", "public_service"),  # a platform for talks, no service
        ("他生前系州公安局禁毒支队情报调研大队副大队长。", "survey_research"),  # an office named
        ("蔬菜提前分装好，为的是群众在买菜时少排队。", "charity_assistance"),  # a purpose, no goods brought
        ("国会通过的新救助法案将为小企业提供更多资金。", "charity_assistance"),  # a relief bill named
        ("两地启动了科创合作平台建设。", "public_service"),
        ("“社区开展了哪些志愿服务？”", "volunteer_service"),  # a question asked, no work reported
        ("记者问：中医药在诊疗中有哪些应用经验？", "medical_health"),
        # problems named to be solved are not work done
        ("演练着力解决夜间通信、装备维修等重难点问题。", "environment_infrastructure"),
    ],
)
def test_measures_and_products_are_no_activity(text, absent):
    assert absent not in kinds(text)


def test_a_list_of_tasks_announced_reports_no_work():
    # what follows 要做好以下工作： in its paragraph is to be done
    assert acts("全县今年要做好以下几项工作：对所有农户开展全面排查。组织党员志愿者入户宣传。") == []
    # work reported before the announcement still counts
    assert "inspection_enforcement" in kinds("镇里开展了全面排查。下一阶段要抓好以下任务：加强宣传。")


def test_a_paragraph_stating_a_documents_content_reports_no_work():
    # what a notice asks for, sentence after sentence, is its content, not work reported
    text = "《通知》就保护医务人员提出十方面措施。各地要开辟绿色通道。及时组织一次免费健康体检。"
    assert acts(text) == []
    assert acts("该意见明确，各地开展专项检查，组织志愿服务。") == []
    # a paragraph that reports work is still read
    assert "inspection_enforcement" in kinds("市场监管局对全市药店开展了专项检查。")


def test_a_question_cuts_only_the_clause_it_asks():
    # the statement before the question stands; a question quoted at the end leaves the sentence standing
    assert "inspection_enforcement" in kinds("全省农村社区继续实行最严封闭管理，百姓基本民生需求是否得到保障？")
    assert "culture_recreation" in kinds("我听他们讲过一些惊心动魄的故事，会忍不住问：“不害怕吗？”")
    # a visit to comfort the staff is still help given
    assert "charity_assistance" in kinds("书记来到医院，看望慰问一线医务人员。")


@pytest.mark.parametrize(
    "text",
    [
        "由省文化厅和市政府共同主办的第三届山水文化论坛将在桂林举行。",  # an event that is the subject of 将…举行
        "本届农民运动会将于下月在县体育场开幕。",
        "发言人在例行记者会上说，双方同意加强合作。",  # a press conference named as where it was said
        "医院负责人20日在新闻发布会上表示，两名患者情况稳定。",
    ],
)
def test_events_to_come_and_statements_at_a_press_conference_are_no_activity(text):
    assert kinds(text) == set()


def test_a_meeting_that_decided_a_future_event_was_held():
    assert kinds("筹委会召开会议决定将于下月举行开幕式。") == {"meeting_deliberation"}


def test_a_press_conference_held_is_a_meeting():
    assert kinds("市政府新闻办昨天召开新闻发布会，介绍春运安排。") == {"meeting_deliberation"}


def test_premiums_paid_for_the_poor_are_assistance():
    assert kinds("县医保局为全县3000名贫困人口代缴城乡居民医疗保险费。") == {"charity_assistance"}
    assert kinds("社区工作人员为独居老人代办社保卡。") == {"public_service"}


def test_pursuing_fugitives_is_enforcement_and_the_office_that_does_it_is_no_act():
    assert kinds("省纪委监委立即开展追逃工作。") == {"inspection_enforcement"}
    assert kinds("国际追逃追赃工作办公室负责人答记者问。") == set()


def test_work_reported_in_the_passive_counts():
    assert kinds("经过两年改造，村里的巷道都得到硬化，路面也拓宽了。") == {"environment_infrastructure"}
    # what someone got (得到一个机会) is no passive of the work in the next clause
    assert kinds("老李上月得到一个外出务工的机会，可是检查证件时才发现过期了。") == set()


def test_a_final_played_and_a_festival_spent_together_are_recreation():
    assert kinds("全省青少年象棋锦标赛决赛昨天在县文化馆结束。") == {"culture_recreation"}
    assert kinds("留校的外国学生与老师们一起共度中秋佳节。") == {"culture_recreation"}
    assert kinds("首届乡村文化周日前在镇上启动。") == {"culture_recreation"}


def test_an_ordinal_is_no_tally_of_work_done():
    # 第一批参观者: who came first, not a count of a team's work
    assert kinds("援鄂医疗队的队员们成为第一批客人。") == set()
    assert "medical_health" in kinds("县医院组建医疗队3支，赶赴乡镇。")


def test_classes_for_pupils_are_education_and_for_adults_training():
    assert kinds("县第二中学的老师们为800名学生在线授课。") == {"publicity_education"}
    assert kinds("农业专家每月到合作社为社员授课。") == {"training_exchange"}


def test_what_an_inspection_covers_is_no_work_of_its_own():
    assert kinds("街道对辖区道路保洁、垃圾分类等开展日常巡查。") == {"inspection_enforcement"}
    # two acts done to the same people stay two
    assert kinds("工作人员对返乡人员进行流行病学调查和医学排查。") == {"medical_health", "inspection_enforcement"}


def test_waterway_works_are_infrastructure():
    assert kinds("挖掘船正在江面上进行航道整治施工。") == {"environment_infrastructure"}


def test_supplies_handed_to_households_are_assistance_even_after_an_exhortation():
    assert kinds("镇政府为每个隔离家庭发放了粮油和蔬菜。") == {"charity_assistance"}
    # protective supplies for every household in an epidemic are a service to all (two annotators of one set)
    assert kinds("镇政府为每个隔离家庭发放了口罩和消毒液。") == {"public_service"}
    # a ；then 与此同时 opens a report of its own: the directive before it does not reach it
    assert kinds("大家在家也要做好防护；与此同时，社区给独居老人送去了蔬菜。") == {"charity_assistance"}
    # without the connective the directive still reaches past the ；
    assert kinds("大家在家也要做好防护；社区给独居老人送去蔬菜。") == set()


def test_what_is_urgently_needed_is_not_done_but_what_was_urgently_needed_was_given():
    assert kinds("保护区内的受伤动物急需救助。") == set()
    assert kinds("市里向灾区提供急需的救灾物资援助。") == {"charity_assistance"}
    # the need is its clause's: the help in the next clause was given
    assert kinds("老人生病急需用钱，邻居们一天就捐款1万多元。") == {"charity_assistance"}


def test_medical_supplies_sent_are_assistance_not_doctors_sent():
    assert kinds("各地企业向灾区发送医用口罩5万个。") == {"charity_assistance"}
    assert kinds("乡卫生院组织医生为村里老人送医送药。") == {"medical_health"}


def test_the_topic_of_technical_guidance_is_no_work_of_its_own():
    assert "environment_infrastructure" not in kinds("疾控专家对车站开展环境消毒的技术指导。")
    assert kinds("物业公司对车站候车大厅进行全面消毒。") == {"environment_infrastructure"}


def test_arrests_and_prosecutions_are_enforcement():
    assert kinds("县检察院已对该犯罪嫌疑人批准逮捕。") == {"inspection_enforcement"}
    assert kinds("县监委将该案移送检察机关审查起诉。") == {"inspection_enforcement"}


def test_a_reception_attended_is_a_meeting():
    assert kinds("副省长出席某国驻华使馆国庆招待会并致辞。") == {"meeting_deliberation"}


def test_a_book_published_under_its_title_is_publicity():
    assert kinds("《乡村振兴读本》单行本日前由省教育出版社出版发行。") == {"publicity_education"}


def test_fodder_and_festive_goods_brought_in_a_disaster_are_assistance():
    assert kinds("旗里连夜调拨饲草料500吨，分发给受灾牧户。") == {"charity_assistance"}
    assert kinds("驻地部队用直升机把年货和给养空运到海岛哨所。") == {"charity_assistance"}


def _report(*paragraphs: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """A report's text from paragraphs; a paragraph marked with a leading ``#`` is a subheading."""
    text, prose, heads = "", [], []
    for p in paragraphs:
        line = p.lstrip("#")
        (heads if p.startswith("#") else prose).append((len(text), len(text) + len(line)))
        text += line + "\n"
    return text, prose, heads


def test_a_part_headed_as_tasks_or_aims_reports_nothing_done_until_the_next_heading_of_its_rank():
    text, prose, heads = _report(
        "#一、去年工作回顾",
        "（一）民生保障有力。市民政局走访慰问困难群众3000户。",
        "#二、今年的主要任务",
        "#（一）全面推进乡村振兴",
        "深入开展村庄清洁行动，组织职业技能培训100万人次。",
        "#三、附则",
        "县卫健委开展义诊活动。",
    )
    found = {a.activity_type for a in extract_activities(text, prose, extract_organizations(text, prose), heads)}
    assert found == {"charity_assistance", "medical_health"}
    # without the headings nothing says the middle part is planned
    assert {a.activity_type for a in extract_activities(text, prose, [])} >= {"training_exchange", "medical_health"}


def test_a_heading_that_reports_aims_met_opens_no_planned_part():
    text, prose, heads = _report("#（一）主要目标较好完成。", "区城管局开展专项整治行动。")
    assert {a.activity_type for a in extract_activities(text, prose, [], heads)} == {"inspection_enforcement"}


def test_a_documents_full_text_states_policy_but_a_letters_may_tell_of_things_done():
    text, prose, _ = _report(
        "近日，两部门印发《关于加强农村环境治理的意见》。《关于加强农村环境治理的意见》全文如下：",
        "严厉打击非法排污行为，开展农村人居环境整治。",
    )
    assert extract_activities(text, prose, []) == []
    text, prose, _ = _report("他给村民回了信。回信全文如下：", "去年我到村里考察，同大家座谈交流。")
    assert {a.activity_type for a in extract_activities(text, prose, [])} >= {"meeting_deliberation"}


def test_a_paragraph_that_sets_out_a_programme_reports_nothing_done():
    programme = (
        "二是改善乡村面貌。深入开展村容村貌整治，加快推进农村公路建设，"
        "完善乡镇卫生院服务网络，支持各地开展职业技能培训，健全困难群众救助制度。"
    )
    text, prose, _ = _report(programme)
    assert extract_activities(text, prose, []) == []
    # the same measures told as done (了, a date, a doer) are work reported
    for done in (
        programme.replace("深入开展", "深入开展了"),
        "3月以来，" + programme,
        "县里" + programme[len("二是改善乡村面貌。") :],
    ):
        text, prose, _ = _report(done)
        assert {a.activity_type for a in extract_activities(text, prose, [])} >= {"environment_infrastructure"}, done


def test_a_short_paragraph_of_measures_is_not_taken_for_a_programme():
    text, prose, _ = _report("深入开展村容村貌整治，清运垃圾二十车。")
    assert {a.activity_type for a in extract_activities(text, prose, [])} == {"environment_infrastructure"}


def test_building_begun_and_buildings_converted_are_infrastructure_but_not_when_still_to_come():
    assert "environment_infrastructure" in kinds("当天夜里，新的传染病医院破土开建。")
    assert "environment_infrastructure" in kinds("镇里改建了村小学的食堂。")
    assert "environment_infrastructure" not in kinds("区里将改建老旧小区的车棚。")


def test_a_light_show_is_recreation_and_a_seminar_class_training():
    assert "culture_recreation" in kinds("元宵节晚上，灯光秀点亮了江边的夜空。")
    assert "training_exchange" in kinds("他在县里举办的干部研讨班上作了辅导报告。")


def test_an_exchange_meeting_and_experience_shared_are_exchange_but_a_wish_to_share_is_not_done():
    assert kinds("两市卫健委举行防控经验视频交流会。") == {"training_exchange"}
    assert "training_exchange" in kinds("援外医疗队同当地医生分享了诊疗经验。")
    assert kinds("我们愿同周边国家分享减贫经验。") == set()
    assert "charity_assistance" in kinds("村民们自愿捐款修缮祠堂。")  # 自愿 (of their own will) is no wish
    assert "volunteer_service" in kinds("社区组织志愿者清扫街道。")  # 志愿 is no wish either


def test_what_would_follow_on_a_condition_and_a_principle_of_cooperation_are_not_done():
    assert kinds("车再快一些，医生就能早些救治病人。") == set()
    assert kinds("只有这样才能做好防疫宣传。") == set()
    assert "medical_health" in kinds("老人们在村里就能享受到免费体检。")  # the service is there to be had
    assert kinds("合作遵循共商共建共享的原则。") == set()
    assert "meeting_deliberation" in kinds("两国外长共商合作大计。")


def test_patrol_craft_and_inspection_reports_are_things_not_acts():
    assert kinds("海上巡逻机梯队低空飞过广场。") == set()
    assert kinds("她翻看着电脑里存着的河道巡查报告。") == set()
    assert "inspection_enforcement" in kinds("民警每天在景区巡逻。")


def test_online_teaching_is_education_and_a_poverty_relief_drive_assistance():
    assert kinds("停课期间，多所中学开展在线教学。") == {"publicity_education"}
    assert kinds("县工商联组织民营企业开展精准扶贫行动。") == {"charity_assistance"}
    assert kinds("要深入推进精准扶贫行动。") == set()


def test_views_heard_from_named_people_are_a_survey():
    assert kinds("政协委员在廊桥现场听取村民和游客对景区建设的意见。") == {"survey_research"}


def test_a_count_of_towns_is_no_subject_and_does_not_swallow_the_act():
    found = acts("元宵夜，灯光秀点亮了江城三镇的夜空。")
    assert [(a.activity_type, a.organizer) for a in found] == [("culture_recreation", None)]


def test_a_name_quoted_inside_a_speech_does_not_type_the_activity_beside_it():
    said = "“这是我们服务队开展的‘关爱老人健康’义诊活动。”社区主任说。"
    assert kinds(said) >= {"medical_health"}
    assert "charity_assistance" not in kinds(said)
    # the name alone still types what it names
    assert "charity_assistance" in kinds("“上周我们开展了‘关爱困难老人’慰问活动，大家都来了。”他说。")


def test_volunteers_dispatched_and_volunteers_patrolling_are_volunteer_service():
    assert kinds("街道出动机关干部、社区干部及共建单位志愿者40余人，在路口值守。") >= {"volunteer_service"}
    # annotators split between the two
    assert kinds("志愿者们每天的任务是巡查景区步道。") == {"volunteer_service", "inspection_enforcement"}
    assert kinds("区市场监管局执法人员巡查农贸市场。") == {"inspection_enforcement"}


def test_a_delegations_study_visit_is_training_but_a_leaders_inspection_tour_a_survey():
    assert kinds("县考察团赴沿海某市学习，考察团先后考察了产业园和两家企业。") == {"training_exchange"}
    assert kinds("省长在产业园考察了三家企业的生产情况。") == {"survey_research"}


def test_greeting_athletes_at_their_games_is_no_assistance():
    assert "charity_assistance" not in kinds("开幕式后，副县长到现场看望了参赛队员。")
    assert "charity_assistance" in kinds("县领导看望慰问了参赛队员和困难职工。")


def test_a_health_talk_is_both_a_lecture_and_care():
    assert kinds("区中医院医生走进社区开展健康讲座。") == {"medical_health", "publicity_education"}


def test_what_someone_does_every_week_is_reported_and_what_one_should_do_is_not():
    assert kinds("他每周要抽出半天时间巡河。") == {"inspection_enforcement"}
    assert kinds("经营户应随时检查老化线路。") == set()


def test_teams_formed_with_volunteers_and_volunteers_named_before_a_list_do_volunteer_service():
    assert kinds("街道组成了由机关干部、网格员和志愿者组成的80余人服务队。") >= {"volunteer_service"}
    assert kinds("社区志愿者与驻区单位职工在广场包饺子送给环卫工人。") >= {"volunteer_service"}


def test_looking_at_how_a_crop_or_a_project_is_doing_is_a_survey():
    assert kinds("驻村干部查看大棚蔬菜的生长情况。") == {"survey_research"}


def test_face_to_face_is_a_meeting_only_when_people_sit_down_to_talk():
    assert kinds("乡党委与村民代表面对面座谈，听取意见。") >= {"meeting_deliberation"}
    assert "meeting_deliberation" not in kinds("他在晨跑途中与驻村干部面对面。")


def test_onlookers_asking_and_a_knack_learnt_are_no_survey():
    assert kinds("展台前许多观众停下询问。") == set()
    assert kinds("老张一点点摸清了养蜂的门道。") == set()
    assert kinds("工作人员上门询问老人的需求。") == {"survey_research"}


def test_a_fitness_test_of_residents_is_a_health_check():
    assert "medical_health" in kinds("体育局在广场开展国民体质监测。")
    assert "inspection_enforcement" not in kinds("体育局在广场开展国民体质监测。")


def test_a_play_staged_is_culture_but_a_battle_staged_is_a_figure_of_speech():
    assert kinds("话剧《老街》每晚在市剧场上演。") == {"culture_recreation"}
    assert kinds("一场攻坚战在这里上演。") == set()


def test_a_coop_pulled_down_a_training_camp_opened_and_clean_up_named_by_its_sentence():
    assert kinds("老王当天就拆掉了自家的鸡舍。") == {"environment_infrastructure"}
    assert kinds("团县委举办的青年训练营在村文化礼堂开营。") == {"training_exchange"}
    assert kinds("村容村貌整治提升行动顺利开展。") == {"environment_infrastructure"}
    assert kinds("市场秩序整治提升行动顺利开展。") == {"inspection_enforcement"}


def test_an_adjective_with_bu_negates_nothing():
    assert kinds("村医前往山区，为腿脚不便的老人义诊。") == {"medical_health"}
    assert kinds("各地举行不同规模的应急演练。") == {"training_exchange"}
    assert kinds("他没有参加培训。") == set()


def test_house_calls_and_rehabilitation_are_care_but_a_diagnosis_given_is_not_a_house_call():
    assert kinds("乡村医生每天上山出诊。") == {"medical_health"}
    assert kinds("护理员陪老人做康复训练。") == {"medical_health"}
    assert "medical_health" not in kinds("系统给出诊断建议。")


def test_skills_contests_and_skills_taught_at_work_are_training():
    assert kinds("300余名焊工参加技能竞赛。") == {"training_exchange"}
    assert kinds("老师傅正在讲解设备故障的排除方法。") == {"training_exchange"}
    assert kinds("民警向群众讲解防骗知识。") == {"publicity_education"}


def test_supplies_handed_to_workers_and_workshops_set_up_for_the_poor_are_assistance():
    assert kinds("区总工会购置了手套和口罩，发放给环卫工人。") == {"charity_assistance"}
    assert kinds("该县在村里设立扶贫车间40个。") == {"charity_assistance"}


def test_false_advertising_and_sightseers_are_no_activity():
    assert kinds("虚假宣传类案件数量居前。") == set()
    assert kinds("假日里游客四处参观学习、品尝小吃。") == set()
    assert kinds("镇党委组织干部参观学习先进经验。") == {"training_exchange"}


def test_help_meals_and_water_for_households_in_need_are_assistance_but_a_transport_problem_is_not():
    assert kinds("党员一对一地帮助村里的8个困难户。") == {"charity_assistance"}
    assert kinds("志愿者为受灾群众免费提供热饭。") >= {"charity_assistance"}
    assert kinds("消防队员为山区群众送水。") == {"charity_assistance"}
    assert kinds("山里的蔬菜运送难。") == set()


def test_classes_given_techniques_taught_and_works_called_for():
    assert kinds("书屋管理员给小学生们讲课。") == {"publicity_education"}
    assert kinds("老专家给村干部讲课。") == {"training_exchange"}
    assert kinds("农技员在大棚里指导蘑菇种植技术。") == {"training_exchange"}
    assert kinds("市总工会征集职工自创的诗歌作品。") == {"culture_recreation"}


def test_learning_what_a_place_tried_is_a_survey_and_building_finished_is_infrastructure():
    assert kinds("调研组详细了解当地在垃圾分类方面的探索和实践。") == {"survey_research"}
    assert kinds("大桥主墩的施工近日正式完成。") == {"environment_infrastructure"}


def test_a_problem_worked_on_is_named_not_done_and_a_volunteer_working_it_out_serves():
    assert kinds("街道正在研究老旧管网改造问题。") == set()
    assert kinds("社区志愿者老李在居民家门前协调雨水管网改造问题。") == {"volunteer_service"}


def test_a_rest_station_for_outdoor_workers_is_a_service_and_a_courier_resting_there_gives_nothing():
    assert kinds("外卖配送员在街边的爱心驿站休息。") == set()
    assert kinds("县总工会建成爱心驿站12个。") == {"public_service"}
    assert kinds("爱心人士为孩子们送来了书包。") == {"charity_assistance"}


def test_a_press_meet_held_is_a_meeting_and_a_volunteer_patrolling_later_in_the_sentence_serves():
    assert kinds("市政府新闻办举行记者见面会。") == {"meeting_deliberation"}
    # volunteers on patrol: their service, and a patrol (annotators split between the two)
    assert kinds("志愿者在湖边来回巡查。") == {"volunteer_service", "inspection_enforcement"}


def test_a_programme_named_as_a_plan_is_no_plan_and_a_story_sharing_is_no_meeting():
    assert kinds("在青年志愿服务山区计划全国宣讲会现场，他说。") == {"publicity_education"}
    assert kinds("县里计划明年修建两座桥。") == set()
    assert "meeting_deliberation" not in kinds("在分享会上，她讲起了支教的日子。")


def test_irrigation_done_a_building_converted_and_defaulters_punished():
    assert kinds("村干部和村民在玉米地里浇水抗旱。") == {"environment_infrastructure"}
    assert kinds("全省有效灌溉面积达到1000万亩。") == set()
    assert kinds("文化中心由闲置的粮站改造而成。") == {"environment_infrastructure"}
    assert kinds("各级法院对失信被执行人采取惩戒措施。") == {"inspection_enforcement"}


def test_a_survey_read_by_its_findings_a_method_taught_and_an_aim_professed():
    assert kinds("一项创新调查的监测评价显示，投入持续增长。") == {"survey_research"}
    assert "publicity_education" in kinds("民警向骑手教授正确佩戴头盔的方法。")
    assert kinds("医生们践行为患者健康服务的宗旨。") == set()
    assert kinds("街道今年建设了12个市民驿站。") == {"public_service"}


def test_protective_supplies_for_every_household_are_a_service_and_losses_assessed_a_survey():
    assert kinds("社区向住户发放了口罩、酒精等物资。") == {"public_service"}
    assert kinds("街道为受灾群众发放了生活物资。") == {"charity_assistance"}
    assert kinds("专家组为地震评估了损失情况。") == {"survey_research"}
    assert kinds("200多名参加登山大会的爱好者登顶。") == set()


def test_teams_set_up_to_patrol_shows_made_to_others_and_supplies_arriving():
    assert kinds("当地政府成立了专业的巡护队。") == {"inspection_enforcement"}
    assert kinds("车间主任给同事们演示如何用手机填报信息。") == {"training_exchange"}
    assert kinds("一批防疫物资运抵灾区。") == {"charity_assistance"}
    assert "medical_health" in kinds("首批援助医疗队100人抵达当地。")


def test_what_visitors_looked_round_is_no_work_of_theirs_and_a_theme_photo_show_is_publicity():
    assert kinds("专家组考察了医院的预检分诊和病房。") == {"survey_research"}
    assert kinds("当天还举办了建市40周年图片展。") == {"publicity_education"}
    assert kinds("社区举办老年书画展。") == {"culture_recreation"}


def test_a_documents_content_told_with_on_the_basis_of_is_policy():
    text = "《办法》在简化审批流程的基础上，明确了便民服务的要求。"
    assert extract_activities(text, [(0, len(text))], []) == []


def test_attending_a_summit_guidance_received_and_a_teams_daily_meeting():
    assert kinds("80位专家出席主题峰会。") == {"meeting_deliberation"}
    assert kinds("他还得到了专家的很多指导。") == {"training_exchange"}
    assert kinds("工作组成员每天碰头。") == {"meeting_deliberation"}


def test_jobs_arranged_for_the_poor_and_a_problem_solved_for_villagers_are_assistance():
    assert kinds("工作组在附近企业安排了200个岗位，优先录用贫困劳动力。") == {"charity_assistance"}
    assert kinds("企业今年提供了200个岗位。") == set()
    assert kinds("帮助村民解决了农机贷款难题。") == {"charity_assistance"}


def test_a_meetings_decisions_a_criticised_style_of_research_and_a_ski_slope_are_no_activity():
    assert kinds("会议确定，在西部地区增设一批保税区。") == set()
    assert kinds("一些地方仍有“走马观花”式调研。") == set()
    assert kinds("沿途有森林公园和滑雪场。") == set()


def test_people_moved_out_of_a_flood_are_rescued_and_dykes_made_safe_are_works():
    assert kinds("武警官兵用冲锋舟转移被困村民。") == {"charity_assistance"}
    assert kinds("消防员连夜营救被困游客40人、疏散群众200余人。") == {"charity_assistance"}
    assert kinds("镇应急小分队在低洼处加固河堤。") == {"environment_infrastructure"}
    assert kinds("干部们连夜奋战，全力抢险。") == {"environment_infrastructure"}
    assert kinds("某县对两段圩堤实施爆破泄洪。") == {"environment_infrastructure"}
    # a rescue team or a flood channel named, a defence "reinforced", a flood of years ago: none done
    assert kinds("应急救援中心位于城东。") == set()
    assert kinds("新建住房避开泄洪通道。") == set()
    assert kinds("要对薄弱环节再加固。") == set()
    assert kinds("那年抗洪抢险后，他留在了村里。") == set()


def test_dispatch_meetings_a_show_opened_and_a_pastime_taught():
    assert kinds("省应急厅调度部署节日安全防范工作。") == {"meeting_deliberation"}
    assert kinds("“某某书画展·北京站”近日在市图书馆开幕。") == {"culture_recreation"}
    assert kinds("此次灯展为期十天。") == {"culture_recreation"}
    assert kinds("大学生们教老人练八段锦。") == {"culture_recreation"}
    assert kinds("经济发展论坛在京开幕。") == {"meeting_deliberation"}  # 发展 is no show
    assert kinds("病区推广“八段锦”养生保健。") == set()


def test_aid_building_is_assistance_and_a_body_checked_is_care():
    assert kinds("这座教学楼由对口省份援建。") == {"charity_assistance", "environment_infrastructure"}
    assert kinds("志愿者为老人免费检查身体。") == {"medical_health", "volunteer_service"}
    assert kinds("采购商在广交会上洽谈订单。") == set()  # a trade fair, no meeting


def test_families_resettled_and_a_breach_held_and_the_reporters_own_visits():
    assert kinds("新区安置了来自全乡的贫困户800户。") == {"charity_assistance"}
    assert kinds("他跳进水里，用沙袋堵住了决口。") == {"environment_infrastructure"}
    # the reporter leads the sentence: the visits are how the story was gathered
    assert kinds("近日，记者分赴三地，实地走访古村落，采访村民。") == set()
    assert kinds("近日，县委书记分赴三地，实地走访古村落。") == {"survey_research"}


def test_a_film_watched_disputes_settled_trains_added_and_a_care_centre_opened():
    assert kinds("街道侨联组织归侨观看影片《某某》。") == {"culture_recreation"}
    assert kinds("调解员上门调解了两家的邻里纠纷。") == {"public_service"}
    assert kinds("铁路部门当天加开列车300列。") == {"public_service"}
    assert kinds("街道老年照料中心正式开张。") == {"public_service"}
    assert kinds("法院网上立案10万件，电子送达30万次。") == {"public_service"}
    assert kinds("检察机关立案查处一批案件。") == {"inspection_enforcement"}


def test_medicine_taken_as_told_help_received_a_pastime_brought_and_skills_drilled():
    assert kinds("卫生院护士叮嘱老人按时服药。") == {"medical_health"}
    assert kinds("在县妇联帮助下，她学会了编织手艺。") == {"charity_assistance"}
    assert kinds("团县委为牧区青年开展送文化活动。") == {"culture_recreation"}
    assert kinds("老师为学员进行技能训练。") == {"training_exchange"}
    assert kinds("导师与返乡青年进行分享交流。") == {"training_exchange"}
    assert kinds("老人们欢聚一堂、交流分享。") == {"culture_recreation"}  # guests chatting: no exchange held
    assert kinds("两位老兵坚持巡边四十年。") == {"inspection_enforcement"}


def test_an_event_opening_is_held_and_people_at_work_as_written_do_it():
    assert kinds("某省政协会议3月4日在省会开幕。") == {"meeting_deliberation"}
    assert kinds("全市职工运动会昨日闭幕。") == {"culture_recreation"}
    assert kinds("边检站民警在检查入境车辆。") == {"inspection_enforcement"}
    assert kinds("他在检查中发现了问题。") == set()  # no one at work named before 在


def test_building_started_a_groundbreaking_a_signing_and_wages_recovered():
    assert kinds("全省棚户区改造已开工12万套。") == {"environment_infrastructure"}
    assert kinds("某县一批重点项目集中开工活动举行。") == {"meeting_deliberation"}
    assert kinds("工业企业开工率达到九成。") == set()
    assert kinds("两家单位战略合作签约仪式在京举行。") == {"meeting_deliberation"}
    assert kinds("镇政府介入，历时半年追回欠薪。") == {"charity_assistance"}


def test_a_free_show_the_agenda_history_recalled_and_a_skills_final():
    assert kinds("剧团演员为市民义演传统剧目。") == {"culture_recreation"}
    assert "charity_assistance" in kinds("剧团举办义演筹款，帮助困难家庭。")
    assert kinds("古树保护被提上了议事日程。") == set()
    assert kinds("早在2012年举行的一次工作会议上就提出了这一目标。") == set()
    assert kinds("某省职工职业技能大赛决赛在省会落下帷幕。") == {"training_exchange"}
