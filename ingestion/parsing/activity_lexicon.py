"""The activity trigger lexicon: which words report which of the twelve kinds of activity.

Read by ``activities.py``, which decides from the sentence around a trigger whether it
reports something done (not a plan, an appeal, a policy or a name). The words come from
the benchmark SPEC's definitions of the twelve types and from reading a broad sample of
real reports for the verbs and nouns they use for each kind (local papers and a national
daily: epidemic-control checks such as 测温/消毒/值守, exhibitions, sports events …).

* ``TRIGGERS``: type → words. A word may be listed under two types.
* ``SELF_WORDS``: words that are an action in themselves (the clause needs no other verb).
* ``REGEX_TRIGGERS``: triggers whose words are apart (组织…志愿者; a role-named 志愿者 doing
  the work of its clause; 为…办理; 开设…窗口).

What a word needs around it and what rules it out are in ``activity_conditions.py``.
"""

from __future__ import annotations

import re

# Trigger words per type: general newsroom vocabulary for each kind of activity.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "volunteer_service": tuple(
        (
            "志愿服务 志愿活动 志愿者服务 双报到 学雷锋 义务劳动 义务巡逻 义剪 红马甲 志愿服务队 志愿队 "
            "志愿岗 志愿者 青年突击队 志愿服务项目 公益服务 "
            "变身志愿者 招募志愿者 志愿者招募 注册志愿者 小分队 义务 巡逻"
        ).split()
    ),
    "medical_health": tuple(
        (
            "义诊 送医 巡诊 医疗服务 诊疗服务 健康体检 免费体检 量血压 测血压 测量血压 健康咨询 针灸 理疗 "
            "门诊 家庭医生 签约服务 医疗队 健康讲座 疫苗接种 核酸检测 健康筛查 送药 医疗健康 中医 体检 "
            "筛查 免费诊疗 巡回医疗 坐诊 健康检查 送医送药 健康档案 体质监测 体质测试 体质检测 出诊 康复训练 "
            "救治 诊治 接诊 收治 医疗救治 会诊 接种 远程问诊 在线问诊 义务诊疗 健康服务 手术 心肺复苏 清创 缝合 "
            "流行病学调查 流调 问诊平台 检查身体"
        ).split()
    ),
    "publicity_education": tuple(
        (
            "宣讲 普法 讲座 讲解 宣传教育 宣传活动 教育宣传 知识宣传 宣传 警示教育 廉洁教育 廉政教育 "
            "廉洁文化 廉政文化 家风 家教 家庭教育 移风易俗 知识竞赛 开放日 展播 倡议书 宣传页 宣传单 "
            "宣传册 手册 明白纸 宣传栏 公益广告 以案释法 法治 反诈 防诈 安全知识 劝导 文明引导 直播课 "
            "公开课 微课堂 讲堂 课堂 解答 答疑 评选 讲师团 宣讲团 宣传队 空中课堂 网课 在线课程 "
            "发起 发出 科学实验 防疫知识 健康知识 健康教育 小视频 短视频 手抄报 广播 大喇叭 文明实践 "
            "以案说法 送法 科普 宣教 告知书 宣传资料 宣传材料 展板 直播 网络教学 线上教学 在线教学 远程教学 "
            "解读 政策宣讲 解疑释惑 释疑解惑 解释 普及 提醒 劝说 劝阻 事迹报告 报告会 评比 推介会 推介活动 海报 横幅 喇叭 "
            # a photo show of a theme or of achievements (建市40周年图片展, 成就展): publicity (two annotators)
            "图片展 成就展 主题展 "
            # a health talk is a lecture as well as care brought to residents (the SPEC names both)
            "健康讲座"
        ).split()
    ),
    "inspection_enforcement": tuple(
        (
            "检查 检查指导 督导 督查 执法 排查 专项整治 集中整治 整治行动 巡查 摸查 暗访 明察 抽查 查处 整改 "
            "打击 治安巡逻 隐患 监管 督办 取缔 专项行动 整治 联合惩戒 惩戒措施 "
            "抽检 约谈 稽查 巡检 督察 查验 查封 扣押 清查 联合执法 "
            "督促 测温 测量体温 体温检测 体温监测 量体温 值守 执勤 卡点 把守 巡防 登记排查 监测 审计 核查 "
            "巡视 巡察 立案 查获 抓获 侦破 拘留 严查 劝返 管控 封闭管理 巡护 巡河 巡堤 检测 检疫 核验 关闭 "
            "审查调查 立案审查 关停 轮值 行政处罚 追逃 追赃 逮捕 批捕 审查起诉 提起公诉 专项监督 法律监督 巡边 "
        ).split()
    ),
    "environment_infrastructure": tuple(
        (
            "清理 清扫 清洁 清运 清除 保洁 打扫 捡拾 捡垃圾 拆除 绿化 植树 补植 修缮 维修 修复 修路 "
            "修建 修好 修补 修理 铺设 改造 安装 装上 更换 疏通 施划 粉刷 拔除 除草 硬化 亮化 美化 环境整治 "
            "人居环境 线缆 井盖 路灯 垃圾分类 整修 布放 清洗 建成公园 围栏 违建 私搭乱建 牛皮癣 小广告 "
            "绿地 管网 管道 大扫除 卫生死角 "
            "清淤 疏浚 改厕 户厕 充电桩 扫雪 清雪 除雪 铲雪 除冰 补绿 增绿 栽植 栽种 划线 拆违 拆掉 翻新 口袋公园 "
            "改造而成 改建而成 浇水 滴灌 灌溉 "
            "小游园 健身器材 公厕 停车位 车位 停车场 加装 增设 "
            "消毒 消杀 通风 喷洒 造林 种树 建成通车 竣工 开工建设 建成投用 修通 硬化道路 污水处理 治沙 爱国卫生 治理 "
            # 援建: building done as aid, both works and help (blind annotators type it either way)
            "施工 援建 修葺 墙绘 开建 改建 破土动工 开工 "
            # flood and storm works (加固河堤, 全力抢险, 排涝, 爆破泄洪): repairs done against a disaster
            "加固 抢险 抢修 排涝 泄洪 筑堤 封堵 堵口"
        ).split()
    ),
    "survey_research": tuple(
        (
            "调研 走访 摸底 摸排 问卷 民意调查 市场调查 入户调查 调查 征集意见 征求意见 听取意见 实地察看 "
            "实地查看 蹲点 察看 普查 视察 察访 问需 访谈 摸清 "
            "考察 询问 了解情况 了解需求 询问需求 电话询问 上门摸排 问卷调查 "
            "摸清底数 数据分析 大数据分析 分析研判 统计分析 监测分析 精准画像 信息采集 登记造册 建档立卡 "
            "考古发掘 考古调查 考古勘探 民调 民意测验 "
        ).split()
    ),
    "meeting_deliberation": tuple(
        (
            "会议 调度会 推进会 座谈会 座谈 议事会 议事 协商 商量 商讨 研讨会 听证会 恳谈会 联席会 "
            "现场会 调度 出谋划策 畅谈 面对面 碰头 碰头会 "
            "常委会 全会 代表大会 动员会 部署会 协调会 例会 会商 恳谈 听证 大会 年会 "
            "论坛 峰会 会谈 研讨 视频会议 电视电话会议 专题会 工作会 联席会议 茶话会 谈判 磋商 会见 会晤 发布会 "
            "共商 递交国书 开会 商议 讨论 审议 招待会 见面会 调度部署 动员部署 签约仪式 签字仪式 签约 开工活动 开工仪式 开工典礼"
        ).split()
    ),
    "training_exchange": tuple(
        (
            "培训 观摩 拉练 参观 经验交流 交流学习 学习交流 考察学习 培训班 实训 读书学习 学习小组 研学 "
            "交流工作经验 交流经验 "
            "轮训 集训 演练 学习班 研修 跟岗学习 取经 比武 技能培训 岗前培训 授课 带教 传帮带 访学 研学旅行 考察交流 "
            "集体学习 研讨班 研修班 进修班 交流会 交流会议 考察团 训练营 技能大比 技能竞赛 技能大赛 岗位练兵 讲课 "
            "技能训练 分享交流 交流分享 夏令营 秋令营 冬令营 "
        ).split()
    ),
    "culture_recreation": tuple(
        (
            "文艺 演出 汇演 晚会 村晚 艺术节 文化节 舞蹈 跳舞 广场舞 合唱 唱红歌 红歌 戏曲 书画展 "
            "摄影展 电影 运动会 故事会 分享会 讲述 故事 插花 联欢 节目 小品 情景剧 欢聚一堂 作品征集 "
            "征文 书法 朗诵 诵读 文化活动 趣味 游艺 体育 文体活动 比赛 送戏 京剧 评剧 豫剧 越剧 "
            "黄梅戏 歌舞 杂技 曲艺 文化下乡 文化惠民 巡演 展演 音乐会 非遗 马拉松 健步走 篮球赛 "
            "婚礼 集体婚礼 作品展 展览 展出 美术展 灯谜 舞龙 舞狮 秧歌 庙会 灯会 花灯 民俗活动 读书会 读书分享 "
            "诗会 歌咏 春联 剪纸 拔河 徒步 足球赛 乒乓球赛 羽毛球赛 联赛 邀请赛 观影 "
            "健身 冰雪 滑雪 滑冰 冬泳 登山 登高 跑步 长跑 迎新跑 越野跑 龙舟 赛事 锦标赛 冠军赛 "
            "表演 展映 春晚 嘉年华 游园 灯笼 年画 民俗表演 社火 书画 摄影 球赛 太极拳 健身操 首播 播映 "
            "决赛 半决赛 文化周 文化月 艺术周 电影节 音乐节 戏剧节 读书节 读书月 旅游节 灯光秀 上演 微电影 "
            "演奏 弹奏 八段锦 五禽戏 灯展 花灯展 送文化 义演 "
        ).split()
    ),
    "charity_assistance": tuple(
        (
            "慰问 捐款 捐赠 捐助 捐了 募捐 募集 救助 资助 代缴 助学 送温暖 关爱 困难群众 困难家庭 慰问金 "
            "救助金 赠送 义卖 结对帮扶 帮扶 爱心 "
            "无偿献血 献血 捐资 捐物 认捐 帮困 救济 慈善 公益事业 调拨 调配 送去 运送 援助 支援 筹措 免收 免除 免去 "
            "看望 走访慰问 捐献 助老 帮困解难 减免 免费赠送 爱心企业 生活补助 困难补助 奖学金 公益项目 公益活动 "
            "捐给 捐赠给 免费送给 转送 易地扶贫搬迁 扶贫搬迁 贴息 空运 发送 发运 调运 扶贫行动 扶贫活动 "
            # aid building for a poorer place (北京援建的示范点, a works type too); people rescued from a disaster
            # (救助, as the SPEC has it)
            "援建 营救 搜救 救援"
        ).split()
    ),
    "party_building": tuple(
        (
            "主题党日 党日活动 党课 三会一课 党建品牌 党建+ 党建联建 组织生活 党员活动 入党誓词 党史学习 "
            "党史教育 党员示范岗 亮身份 共产党员 党建 红色网格 支部建设 党员教育 党员管理 支部 "
            "党员大会 民主生活会 入党宣誓 先锋岗 党建联盟 支部共建 党纪学习 主题教育 "
            "临时党支部 党员突击队 党员先锋队 党小组 党员服务队 重温入党誓词 党支部 发展党员 火线入党"
        ).split()
    ),
    "public_service": tuple(
        (
            "便民 惠民服务 政务服务 一网通办 办证 出证 便捷服务 上门服务 代办 帮办 热线 小程序 摊位 "
            "服务中心 职工之家 驿站 即时办 一站式 服务清单 精准服务 惠民 全流程 办事大厅 服务窗口 "
            "绿色通道 延时服务 预约服务 上门办理 办结 即办 网上办 掌上办 一次办 一件事 惠企 审批 证照 "
            "营业执照 身份证 办理业务 服务点 受理 "
            "不打烊 不涨价 保供 稳价 退款 全额退款 代购 配送 线上办理 网上办理 招聘会 就业服务 "
            "送货上门 送菜上门 无接触配送 线上服务 网上受理 "
            "包车 专列 点对点 "
            "专窗 一窗受理 一窗通办 在线办理 网上申报 线上申报 网上预约 线上预约 预约登记 预约办理 不见面审批 "
            "全程网办 就近办 马上办 秒批 秒办 容缺受理 上门送证 免费邮寄 零审批 "
            # a court's services to litigants (网上立案, 电子送达, 诉前调解)
            "网上立案 在线立案 电子送达 诉前调解 诉调对接"
        ).split()
    ),
}

# Patterns for triggers whose words are apart: (pattern, type, the literal words one of which it cannot
# match without, tested on the page and the paragraph first because that is cheaper than the pattern).
REGEX_TRIGGERS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(r"(?:组织|发动|动员|招募|带领|出动|派出|抽调|选派|组成|组建)(?![、，,和及与])[^，,。；;]{0,24}志愿者"),
        "volunteer_service",
        ("志愿者",),
    ),
    (re.compile(r"征(?:集|求)[^，,。；;]{0,8}意见|听取[^，,。；;]{1,24}?意见"), "survey_research", ("意见",)),
    # an advertisement placed to tell the public (刊登整版广告, 投放公益广告)
    (re.compile(r"(?:刊登|投放|刊播|播出|推出)[^，,。；;]{0,6}广告"), "publicity_education", ("广告",)),
    # a survey told by its findings (一项调查结果显示, 抽样调查发现); not the paper's own (记者调查发现)
    (re.compile(r"调查(?:结果)?(?:显示|表明)|调查发现|调查[^，,。；;]{1,8}?(?:显示|表明)(?!出)"), "survey_research", ("调查",)),
    # looking into how things stand on the spot (实地了解通风消毒、体温检测等情况)
    (
        re.compile(r"(?:实地|深入|详细|逐一|上门)了解[^，,。；;]{0,30}(?:情况|做法|经验|探索|实践|进展|需求|诉求)"),
        "survey_research",
        ("了解",),
    ),
    # how a crop, a project or a household is doing, looked at (查看赤松茸生长情况, 查看项目建设进展)
    (re.compile(r"查看[^，,。；;]{0,20}?(?:情况|进展|进度|长势)"), "survey_research", ("查看",)),
    # volunteers named by their role or body doing the work of their clause (社区的志愿者们为老人做饭,
    # 文物保护志愿者撰写村志); a bare 志愿者 in a list of doers (社区工作者、志愿者上门摸排) gives only the work's type
    (
        re.compile(
            r"(?<![、和与及等])(?<=[\u4e00-\u9fff”’])(?<!组织|招募|动员|发动|带领|协调|安排|委托|联系|邀请|引导|依托|借助|通过|联合|作为|成为|担任|当起|化身|这些|那些|感谢)志愿者们?"
            r"[^，,。；;：:“”]{0,16}?(?:为|帮|给|替|陪|协助|守护|送|上门|深入|走进|来到|开展|坚守|照顾|清扫|打扫|准备|提醒|"
            r"引导|劝导|值守|巡逻|巡查|配送|接送|讲解|撰写|筹建|编写|护送|分组|分赴|轮流|义务|走遍|跑遍|协调|调解)"
        ),
        "volunteer_service",
        ("志愿者",),
    ),
    # volunteers opening their clause, doing its work (志愿者们的任务是巡查步道, 志愿者在湖边巡查): the match
    # is the doer alone, so the work keeps its own type too
    (
        re.compile(
            r"(?:^|(?<=[，,。；;：:\s]))志愿者们?(?=[^，,。；;：:“”]{0,16}?(?:为|帮|给|替|陪|协助|守护|送|上门|深入|走进|来到|"
            r"开展|坚守|照顾|清扫|打扫|准备|提醒|引导|劝导|值守|巡逻|巡查|配送|接送|讲解|护送|分组|分赴|轮流|义务))"
        ),
        "volunteer_service",
        ("志愿者",),
    ),
    # services done for residents (为居民办理医保, 帮群众代办证件)
    (re.compile(r"(?:为|帮|替|代)[^，,。；;]{1,14}?(?:办理|代办|代购)"), "public_service", ("办", "代购")),
    # a service window or desk opened (开设“长三角”专窗, 设立便民服务窗口)
    (re.compile(r"(?:开设|设立|开通|设置|增设|开辟)[^，,。；;]{0,12}(?:窗口|专窗|专席|服务台)"), "public_service", ("窗",)),
    # residents formed into a patrol or service team (吸纳热心居民组成巡访队)
    (
        re.compile(r"(?:吸纳|组建|组成|成立)[^，,。；;]{0,24}?(?:巡访|巡逻|护卫|志愿服务|志愿者?)[^，,。；;]{0,4}?队"),
        "volunteer_service",
        ("队",),
    ),
    # people called together to talk a matter over (召集各家族代表, 召集党员和居民代表); called together
    # to do something (召集村民开展…活动), they do that
    (
        re.compile(
            r"召集[^，,。；;]{0,12}?(?:代表|居民|村民|党员|成员|负责人|骨干|群众|官员|干部|专家)"
            r"(?![^，,。；;]{0,8}?(?:开展|参加|参与|进行|举办|组织|制作|清理|打扫))"
        ),
        "meeting_deliberation",
        ("召集",),
    ),
    (
        # not a press conference named as where something was said (在新闻发布会上表示, 在例行记者会上说, 吹风会上)
        re.compile(r"会议上(?<![社机体理晚舞赛展庙灯]会议上)|会上(?<![社机体理晚舞赛展庙灯运动博览易唱乐布者风享事读诗演交两]会上)"),
        "meeting_deliberation",
        ("会",),
    ),
    # experience or plans shared with others (同各国分享诊疗方案, 分享了抗疫经验): an exchange
    (re.compile(r"分享了?[^，,。；;]{0,12}?(?:经验|方案)(?!的)"), "training_exchange", ("分享",)),
    # a festival spent together (与留校学生共度元宵佳节, 欢度春节): a celebration held
    (
        re.compile(r"(?:共度|共庆|欢度|同庆|喜度)[^，,。；;]{0,6}?(?:佳节|节日|春节|新春|元宵|中秋|端午|新年|国庆|华诞)"),
        "culture_recreation",
        ("共度", "共庆", "欢度", "同庆", "喜度"),
    ),
    # things given or fitted to a household or a person by those who help (县残联帮他装了耳蜗,
    # 政府给每家每户都发了米、面、油, 为他们配了家具)
    (
        re.compile(
            r"(?:帮|为|给)(?:他|她|他们|她们|每家每户|每户|家家户户|贫困户|困难户|残疾人)(?:都|还|免费)?"
            r"(?:买了|装了|发了|配了|送了|捐了|买|装上|发放|配备|赠送|购买|购置)"
        ),
        "charity_assistance",
        ("他", "她", "户", "残疾人"),
    ),
    # fittings mended (修了近30个楼道的灯泡和开关)
    (
        re.compile(r"修(?:了|好了?|复了?)[^，,。；;]{0,12}(?:灯泡|灯|开关|水管|管道|屋顶|门窗|线路|电路|路面|护栏|井盖)"),
        "environment_infrastructure",
        ("修",),
    ),
    # a meeting called, however it is named (召开党员群众场子会、院子会)
    # (the hit is 召开 alone, so a named kind of meeting inside, 民主生活会, keeps its own type)
    (re.compile(r"召开(?=[^，,。；;、和及]{0,16}?会(?![议员长场所计]))"), "meeting_deliberation", ("召开",)),
    # help handed to people in need (给困难学生发放生活补助, 为每户低保户送去米面油)
    (
        re.compile(
            r"(?:为|给|向)[^，,。；;]{0,8}?(?:贫困户|贫困家庭|贫困学生|贫困群众|困难学生|困难群众|困难家庭|困难职工|"
            r"困难党员|低保户|五保户|特困|孤寡老人|留守儿童|空巢老人|残疾人)[^，,。；;]{0,8}?"
            r"(?:提供|发放|发|送|赠送|捐赠|捐|资助|补助|补贴|购买|购置)"
        ),
        "charity_assistance",
        ("贫困", "困难", "低保", "五保", "特困", "孤寡", "留守", "空巢", "残疾"),
    ),
    # food, clothes and relief handed to households or residents (给居民送去蔬菜粮油, 为受灾群众提供热饭)
    (
        re.compile(
            r"(?:为|给|向)[^，,。；;]{0,12}?(?:家庭|住户|居民|村民|群众|老人|每家每户|每户|灾民)(?:都|还|免费)?"
            r"(?:配备|发放|派发|分发|送去|送上|赠送|发了|送了|配了|提供)了?"
            r"(?:(?!口罩|体温计|消毒液|消毒水|酒精|防护服|手套)[^，,。；;]){0,12}?"
            r"(?:蔬菜|粮油|大米|米、面|生活用品|慰问品|药品|盒饭|饭菜|热饭|餐食|饮用水|矿泉水|棉被|衣物|物资(?<!防疫物资)(?<!防护物资))"
        ),
        "charity_assistance",
        ("家庭", "住户", "居民", "村民", "群众", "老人", "每户"),
    ),
    # protective supplies handed to every household in an epidemic (为每户隔离家庭配了体温计和口罩, 向居民发放了
    # 口罩、酒精等物资): a service to all residents, no help to the needy
    (
        re.compile(
            r"(?:为|给|向)[^，,。；;]{0,12}?(?:家庭|住户|居民|村民|群众|每家每户|每户)(?:都|还|免费)?"
            r"(?:配备|发放|派发|分发|送去|送上|发了|送了|配了|提供)了?[^，,。；;]{0,12}?"
            r"(?:口罩|体温计|消毒液|消毒水|酒精|防护服|手套|防疫物资|防护物资)"
        ),
        "public_service",
        ("家庭", "住户", "居民", "村民", "群众", "每户"),
    ),
    # supplies bought and handed out (购置…物资，发放给快递小哥; 把慰问品送给环卫工人)
    (
        re.compile(
            r"(?:发放|分发|派发|赠送|送)给[^，,。；;]{0,10}?(?:小哥|骑手|工人|职工|环卫|司机|困难|贫困|老人|群众|居民|村民|"
            r"家庭|儿童|学生|孩子|农户|住户)"
        ),
        "charity_assistance",
        ("给",),
    ),
    # a workshop set up in a village to employ the poor (设置“扶贫车间”, 建成扶贫车间70余个)
    (re.compile(r"(?:设置|设立|建成|建起|建立|开办|引进|开设)[^，,。；;]{0,12}?扶贫车间"), "charity_assistance", ("扶贫车间",)),
    # help to households in need, one by one (一对一地帮助13个困难户, 结对帮扶贫困户)
    (
        re.compile(r"(?:帮助|帮扶|结对|资助|救助|照顾)[^，,。；;]{0,12}?(?:困难户|困难群众|困难家庭|贫困户|低保户|孤寡老人|留守儿童)"),
        "charity_assistance",
        ("困难", "贫困", "低保", "孤寡", "留守"),
    ),
    # a technique taught on the spot (农技员在指导蘑菇种植技术, 传授养殖技术)
    (re.compile(r"(?:指导|传授|讲授|示范)[^，,。；;]{0,12}?(?:技术|技能|技艺)"), "training_exchange", ("技",)),
    # a patrol or ranger team set up by an authority (当地政府成立了专业的巡护队)
    (
        re.compile(r"(?:成立|组建|组织)了?[^，,。；;]{0,8}?(?:巡护|巡查|护林|巡山)(?:队|小组)"),
        "inspection_enforcement",
        ("巡护", "巡查", "护林", "巡山"),
    ),
    # guidance received (还得到很多指导, 接受专家指导): training
    (re.compile(r"(?:得到|接受|获得)了?[^，,。；;]{0,6}?指导"), "training_exchange", ("指导",)),
    # jobs arranged for the poor (在附近企业安排了一批岗位，…优先录用贫困劳动力)
    (
        re.compile(r"(?:安排|提供|开发|设置)了?[^，,。；;]{0,10}?岗位(?=[^。；;]{0,40}?(?:贫困|困难|低保|残疾))"),
        "charity_assistance",
        ("岗位",),
    ),
    # a hard problem solved for people (帮助农户解决贷款难题)
    (re.compile(r"(?:帮助|帮)[^，,。；;]{1,8}?解决[^，,。；;]{0,20}?难题"), "charity_assistance", ("难题",)),
    # how to use something shown to others (给同事们演示如何用手机填报)
    (re.compile(r"(?:为|向|给)[^，,。；;]{1,12}?演示"), "training_exchange", ("演示",)),
    # supplies sent to a stricken place or abroad (援助物资抵达受灾地区, 9批次防疫物资运抵); medical teams
    # sent keep their own type (医疗队 is care)
    (
        re.compile(r"(?:医疗物资|抗疫物资|防疫物资|援助物资|救灾物资|捐赠物资)[^，,。；;]{0,6}?(?:抵达|运抵|送抵|送达)"),
        "charity_assistance",
        ("物资",),
    ),
    # losses or conditions assessed on the spot (为地震评估了损失情况)
    (re.compile(r"评估了?[^，,。；;]{0,10}?(?:损失|灾情|受损|险情)"), "survey_research", ("评估",)),
    # a method or safety knowledge taught to people (交警…教授正确穿戴方法)
    (re.compile(r"教授[^，,。；;]{0,10}?(?:方法|知识|常识|要领|技巧)"), "publicity_education", ("教授",)),
    # works called for (征集抗疫题材的自创作品): a contest of songs, photos, essays
    (re.compile(r"征集[^，,。；;]{0,16}?作品"), "culture_recreation", ("作品",)),
    # a work published under its title (出版《…》一书, 发表《…》白皮书, 发布了《…报告》); a document that
    # directs (《…意见》《…通知》《…办法》) is policy, not publicity, and a scholar's findings or books
    # (发表在《…》杂志上, 出版《…》等专著) are research, not publicity
    (
        re.compile(
            r"(?:出版|发表|发布|刊发|刊登|推出)了?(?![在于])[^，,。；;《、]{0,12}《[^》]{1,40}"
            r"(?<!意见|通知|办法|规定|条例|方案|决定|规划|纲要|细则|规则|公告|通告|准则|措施|制度|宣言|声明|公报|决议)"
            r"(?<!法)(?<!（试行）)(?<!（草案）)(?<!\(试行\))》"  # 《…条例（试行）》 is a regulation too
            r"(?![^，,。；;]{0,3}(?:专著|著作|论文|学术))"
        ),
        "publicity_education",
        ("《",),
    ),
    (
        re.compile(r"发放[^，,。；;]{0,20}(?:手册|宣传|倡议书|资料|明白纸|传单|折页|读本|告知书|提示卡|一封信|公开信)"),
        "publicity_education",
        ("发放",),
    ),
    # a book or a speech published under its title, the verb after it (《…》单行本日前由出版社出版发行)
    (re.compile(r"》(?:一书|单行本|丛书|读本|图书)[，,]?[^，,。；;]{0,16}?(?:出版|发行)(?![社量])"), "publicity_education",
     ("一书", "单行本", "丛书", "读本", "图书")),
    # a white paper released, the verb after it (《中国法院的互联网司法》白皮书在乌镇发布)
    (re.compile(r"》(?:白皮书|蓝皮书)[^，,。；;]{0,12}?(?:发布|首发|出版)(?!会)"), "publicity_education", ("皮书",)),
    # people sent away to study (选送上百名青年到各类学校学习深造)
    (re.compile(r"选送[^，,。；;]{0,20}?(?:学习|深造|培训|进修|留学)"), "training_exchange", ("选送",)),
    # a debtor who will not pay put on the courts' list of defaulters (将其列入失信被执行人名单)
    (re.compile(r"列入[^，,。；;]{0,4}?失信(?:被执行人)?名单"), "inspection_enforcement", ("失信",)),
    # food and daily goods brought to people who cannot go out (给居家隔离的居民和行动不便的老人送菜)
    (
        re.compile(
            # (为的是群众买菜时…: a purpose, not goods brought)
            r"(?:为(?!的是|了)|给|帮|替)[^，,。；;]{0,16}?(?:老人|居民|群众|村民|患者|病人|住户|家庭|独居|孤寡|隔离|残疾人|困难户)"
            r"[^，,。；;]{0,6}?(?:送|买|采购|代购)(?:了|去|来)?(?:菜|饭|米|餐|蔬菜|物资|生活用品|粮油|口罩|食品|年货|水(?![电费平])|饮用水)"
        ),
        "charity_assistance",
        ("送", "买", "购"),
    ),
    # door-to-door persuasion (挨家挨户沟通, 逐户宣传)
    (
        re.compile(r"(?:挨家挨户|挨门挨户|逐户|入户)[^，,。；;]{0,4}?(?:沟通|宣传|劝说|动员|讲解|解释|做工作|发放宣传)"),
        "publicity_education",
        ("户",),
    ),
    # work skills passed on to workers and farmers (一步步教给当地工人, 把技术教给农户); a child or a resident
    # taught a pastime (教孩子们写家书, 教居民插花) is that pastime
    (
        re.compile(r"教给(?:当地|周边|村里)?的?(?:工人|农民|村民|农户|职工|贫困户|种植户|养殖户|技术员)"),
        "training_exchange",
        ("教给",),
    ),
    # experience passed on to others (向当地企业详细介绍…防控措施, 为学员传授经验); not what a reporter was told
    (
        re.compile(
            r"(?:向|为)(?!记者|笔者|本报|媒体)[^，,。；;]{1,12}?(?:介绍|传授)[^，,。；;]{0,16}?(?:经验|做法|防控措施|防疫措施|诊疗方案)"
        ),
        "training_exchange",
        ("经验", "做法", "措施", "诊疗方案"),
    ),
    # permits issued within days (企业开办时间压缩至两个工作日, 审批时限缩短到5个工作日)
    (
        re.compile(
            r"(?:开办|审批|办理|办结|登记|办证|注册)(?:时间|时限|周期|环节|流程)?[^，,。；;]{0,4}?(?:压缩|缩短|减少|压减)"
            r"(?:至|到|为|了)?[^，,。；;]{0,6}?工作日"
        ),
        "public_service",
        ("工作日",),
    ),
    # an online service opened to the public (开通法信平台, 上线“无接触酒店”查询, 研发了应急物资综合管理平台,
    # 升级优化云闪付APP数字发票服务); not a platform for cooperation or talks (搭建合作平台, 对话平台)
    (
        re.compile(
            r"(?:开通|上线|推出|启动|研发|升级)(?:了|运行|优化)?[^，,。；;]{0,16}?"
            r"(?<!合作|交流|对话|发展|科创|功能|行动|履职|问诊|诊疗)(?:平台|APP|App|app|小程序|查询|服务系统|网站|公众号)"
        ),
        "public_service",
        ("平台", "APP", "App", "app", "小程序", "查询", "服务系统", "网站", "公众号"),
    ),
    # help given to people in need (为阿富汗难民提供帮助, 向灾民提供援助)
    (
        re.compile(
            r"(?:为|向|给)[^，,。；;]{0,12}?(?:难民|灾民|困难群众|困难家庭|贫困户|孤儿|留守儿童|残疾人|孤寡老人)"
            r"[^，,。；;]{0,6}?提供(?:了)?[^，,。；;]{0,6}?(?:帮助|援助|救助|资助)"
        ),
        "charity_assistance",
        ("提供",),
    ),
    # people moved out of danger (转移疏散被困群众, 用橡皮艇转移受困村民, 疏散群众90余人): rescue, 救助 in the SPEC
    (
        re.compile(
            r"(?:转移|疏散|撤离|救出|解救)(?:安置|疏散|转移)?了?[^，,。；;]{0,8}?"
            r"(?:(?:被困|受困|遇险|受灾|受威胁|危险区域?)[^，,。；;]{0,4}?(?:群众|村民|居民|人员|游客|师生|老人|人)|群众)"
        ),
        "charity_assistance",
        ("转移", "疏散", "撤离", "救出", "解救"),
    ),
    # a film or a show watched together (组织归侨观看影片《…》, 观看了川剧表演)
    (
        re.compile(r"观看了?[^，,。；;]{0,6}?(?:影片|电影|演出|表演|节目|文艺|晚会|比赛|展览|话剧|戏曲|川剧|京剧)"),
        "culture_recreation",
        ("观看",),
    ),
    # disputes settled between neighbours or parties (用诉前调解化解了两户的矛盾, 调解纠纷30起)
    (
        re.compile(r"调解[^，,。；;]{0,10}?(?:纠纷|矛盾)|(?:化解|调处)了?[^，,。；;]{0,6}?(?:纠纷|矛盾)"),
        "public_service",
        ("调解", "化解", "调处"),
    ),
    # trains or flights added for travellers (加开列车467列, 增开航班)
    (re.compile(r"(?:加开|增开|开行)[^，,。；;]{0,6}?(?:列车|航班|班次|专列|公交|班车|动车)"), "public_service", ("开",)),
    # a care centre opened to residents (老年照料中心开张, 社区食堂开业)
    (
        re.compile(r"(?:照料中心|养老中心|服务中心|服务站|驿站|食堂|幸福院|托育|便民店)[^，,。；;]{0,3}?(?:正式)?(?:开张|开业|揭牌|投入使用|投用|启用|开放)"),
        "public_service",
        ("开张", "开业", "揭牌", "投入使用", "投用", "启用", "开放"),
    ),
    # medicine taken as a carer says (护师嘱托老人规律服药, 叮嘱患者按时用药)
    (re.compile(r"(?:嘱托|叮嘱|嘱咐|提醒|指导)[^，,。；;]{0,12}?(?:服药|用药)"), "medical_health", ("药",)),
    # something learnt or done with an organisation's help (在当地妇联帮助下学会了柳编, 在援藏干部的帮助下)
    (
        re.compile(r"在[^，,。；;]{1,16}?(?:的)?(?:帮助|帮扶|资助|援助)下"),
        "charity_assistance",
        ("帮助下", "帮扶下", "资助下", "援助下"),
    ),
    # a show that raises money (义演筹款, 义演所得捐给…): assistance as well as a show
    (re.compile(r"义演[^，,。；;]{0,12}?(?:筹|募|捐|善款|所得)|(?:筹|募)[^，,。；;]{0,8}?义演"), "charity_assistance", ("义演",)),
    # wages owed to workers recovered for them (镇政府介入，追回欠薪; 帮农民工讨回工资)
    (
        re.compile(r"(?:追回|讨回|追讨|追缴)[^，,。；;]{0,8}?(?:欠薪|工资|薪酬|劳动报酬|血汗钱)"),
        "charity_assistance",
        ("追", "讨回"),
    ),
    # households in need given a new home (安置了全乡的贫困户300户, 妥善安置受灾群众)
    (
        re.compile(r"安置(?:了|好)?[^，,。；;]{0,12}?(?:贫困户|贫困群众|贫困人口|受灾群众|受灾户|灾民|搬迁群众|搬迁户|移民|被困群众)"),
        "charity_assistance",
        ("安置",),
    ),
    # a flood held back by hand (用身体堵住了洪水, 封堵决口)
    (re.compile(r"堵(?:住|截)?了?[^，,。；;]{0,6}?(?:洪水|决口|管涌|缺口|溃口)"), "environment_infrastructure", ("堵",)),
    # a show opened (“某某展·上海站”在图书馆开幕, 书画展昨日开展); not a word ending in 展 (发展, 进展, 开展)
    (
        re.compile(r"(?<![发进拓扩施伸开])展(?:[·・][^”」，,。；;]{1,10})?[”」]?(?:在|于|近日|日前|昨日|今天|\d{1,2}日)?[^，,。；;]{0,16}?(?:开幕|揭幕|开展(?![^，,。；;]{0,6}(?:活动|工作)))"),
        "culture_recreation",
        ("展",),
    ),
    # a report heard (听取湖北省和武汉市防控工作汇报): a meeting with those reporting
    (re.compile(r"听取[^，,。；;]{0,24}?汇报"), "meeting_deliberation", ("汇报",)),
    # a contact number made public for residents to call (公布自己的电话号码, 把手机号公示在各楼栋)
    (
        re.compile(
            r"(?:公布|公示|张贴|留下)[^，,。；;]{0,10}?(?:电话|手机号|联系方式|号码|热线)"
            r"|把[^，,。；;]{0,8}?(?:电话|手机号|联系方式|号码)[^，,。；;]{0,3}?(?:公布|公示|张贴)"
        ),
        "public_service",
        ("电话", "手机号", "联系方式", "号码", "热线"),
    ),
)

# Words that are actions in themselves (the clause needs no other verb).
SELF_WORDS = set(
    (
        "会见 会晤 修葺 赠送 修好 注册志愿者 巡查 清除 义诊 捐了 清理 实地查看 参观 修理 捡拾 疏通 商讨 募集 "
        "交流经验 摸排 修补 测量血压 慰问 布放 整修 抽查 暗访 义剪 打扫 除草 欢聚一堂 经验交流 维修 "
        "办证 捐助 劝导 拔除 针灸 普法 捡垃圾 出证 义卖 调研 跳舞 清扫 送医 修缮 唱红歌 以案释法 "
        "征集意见 议事 捐款 修建 听取意见 招募志愿者 拆除 修路 施划 主题党日 明察 交流工作经验 巡逻 "
        "摸查 铺设 募捐 保洁 修复 捐赠 出谋划策 宣讲 蹲点 征求意见 量血压 党课 双报到 插花 三会一课 "
        "巡诊 座谈 植树 培训 畅谈 观摩 补植 督导 查处 实地察看 排查 执法 讲解 变身志愿者 测血压 "
        "粉刷 商量 摸底 清运 走访 拉练 资助 整改 救助 督查 更换 集中整治 "
        "抽检 约谈 稽查 巡检 督察 查封 扣押 清查 联合执法 清淤 疏浚 改厕 扫雪 清雪 除雪 铲雪 除冰 补绿 "
        "增绿 栽植 拆违 拆掉 改造而成 改建而成 浇水 滴灌 视察 察访 问需 摸清 以案说法 送法 免费诊疗 巡回医疗 坐诊 送医送药 献血 "
        "无偿献血 捐资 捐物 认捐 帮困 入党宣誓 轮训 集训 演练 跟岗学习 取经 猜灯谜 舞龙 舞狮 观影 "
        "延时服务 预约服务 上门办理 加装 出诊 康复训练 讲课 "
        "看望 走访慰问 捐献 义演 免费赠送 测温 测量体温 量体温 值守 执勤 把守 巡防 登记排查 审计 核查 巡视 巡察 "
        "立案 查获 抓获 侦破 拘留 严查 劝返 消毒 消杀 造林 种树 修通 治沙 竣工 开工建设 建成通车 建成投用 "
        "硬化道路 考察 询问 了解情况 了解需求 询问需求 电话询问 上门摸排 问卷调查 救治 诊治 接诊 收治 医疗救治 会诊 "
        "义务诊疗 授课 带教 传帮带 技能培训 岗前培训 会谈 长跑 迎新跑 越野跑 滑雪 滑冰 冬泳 登山 表演 "
        "决赛 半决赛 民俗表演 不打烊 不涨价 稳价 线上办理 网上办理 重温入党誓词 帮困解难 送货上门 送菜上门 无接触配送 "
        "受理 代办 帮办 代缴 在线办理 网上申报 线上申报 网上预约 线上预约 预约登记 预约办理 上门送证 巡护 巡河 巡堤 "
        "解疑释惑 释疑解惑 政策宣讲 共商 递交国书 捐给 捐赠给 免费送给 开会 流行病学调查 流调 "
        "逮捕 批捕 审查起诉 提起公诉 招待会 关停 发展党员 火线入党 商议 民调 民意测验 首播 零审批 检查指导 "
        "开建 改建 破土动工 灯光秀 研讨班 研修班 进修班 加固 抢修 排涝 泄洪 筑堤 营救 搜救 调度部署 动员部署 "
        "演奏 弹奏 检查身体 抢险 栽种 技能训练 网上立案 在线立案 电子送达 诉前调解 专项监督 巡边"
    ).split()
)
