"""The activity trigger lexicon: which words report which of the twelve kinds of activity.

Read by ``activities.py``, which decides from the sentence around a trigger whether it
reports something done (not a plan, an appeal, a policy or a name). The words come from
the benchmark SPEC's definitions of the twelve types and from reading a broad sample of
real reports for the verbs and nouns they use for each kind (local papers and a national
daily: epidemic-control checks such as 测温/消毒/值守, exhibitions, sports events …).

* ``TRIGGERS``: type → words. A word may be listed under two types.
* ``SELF_WORDS``: words that are an action in themselves (the clause needs no other verb).
* ``NEEDS``: words that count only with one of the given verbs in their clause.
* ``AFTER_BLOCK`` / ``BEFORE_BLOCK``: what may not follow or precede a word (宣传部, 技改造).
* ``REGEX_TRIGGERS``: triggers whose words are apart (组织…志愿者; a role-named 志愿者 doing
  the work of its clause; 为…办理; 开设…窗口).
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
            "流行病学调查 流调 问诊平台"
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
            # a health talk is a lecture as well as care brought to residents (the SPEC names both)
            "健康讲座"
        ).split()
    ),
    "inspection_enforcement": tuple(
        (
            "检查 检查指导 督导 督查 执法 排查 专项整治 集中整治 整治行动 巡查 摸查 暗访 明察 抽查 查处 整改 "
            "打击 治安巡逻 隐患 监管 督办 取缔 专项行动 整治 "
            "抽检 约谈 稽查 巡检 督察 查验 查封 扣押 清查 联合执法 "
            "督促 测温 测量体温 体温检测 体温监测 量体温 值守 执勤 卡点 把守 巡防 登记排查 监测 审计 核查 "
            "巡视 巡察 立案 查获 抓获 侦破 拘留 严查 劝返 管控 封闭管理 巡护 巡河 巡堤 检测 检疫 核验 关闭 "
            "审查调查 立案审查 关停 轮值 行政处罚 追逃 追赃 逮捕 批捕 审查起诉 提起公诉 "
        ).split()
    ),
    "environment_infrastructure": tuple(
        (
            "清理 清扫 清洁 清运 清除 保洁 打扫 捡拾 捡垃圾 拆除 绿化 植树 补植 修缮 维修 修复 修路 "
            "修建 修好 修补 修理 铺设 改造 安装 装上 更换 疏通 施划 粉刷 拔除 除草 硬化 亮化 美化 环境整治 "
            "人居环境 线缆 井盖 路灯 垃圾分类 整修 布放 清洗 建成公园 围栏 违建 私搭乱建 牛皮癣 小广告 "
            "绿地 管网 管道 大扫除 卫生死角 "
            "清淤 疏浚 改厕 户厕 充电桩 扫雪 清雪 除雪 铲雪 除冰 补绿 增绿 栽植 划线 拆违 拆掉 翻新 口袋公园 "
            "小游园 健身器材 公厕 停车位 车位 停车场 加装 增设 "
            "消毒 消杀 通风 喷洒 造林 种树 建成通车 竣工 开工建设 建成投用 修通 硬化道路 污水处理 治沙 爱国卫生 治理 "
            "施工 援建 修葺 墙绘 开建 改建 破土动工"
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
            "现场会 调度 出谋划策 畅谈 面对面 "
            "常委会 全会 代表大会 动员会 部署会 协调会 例会 会商 恳谈 听证 大会 年会 "
            "论坛 峰会 会谈 研讨 视频会议 电视电话会议 专题会 工作会 联席会议 茶话会 谈判 磋商 会见 会晤 发布会 "
            "共商 递交国书 开会 商议 讨论 审议 招待会 见面会"
        ).split()
    ),
    "training_exchange": tuple(
        (
            "培训 观摩 拉练 参观 经验交流 交流学习 学习交流 考察学习 培训班 实训 读书学习 学习小组 研学 "
            "交流工作经验 交流经验 "
            "轮训 集训 演练 学习班 研修 跟岗学习 取经 比武 技能培训 岗前培训 授课 带教 传帮带 访学 研学旅行 考察交流 "
            "集体学习 研讨班 研修班 进修班 交流会 交流会议 考察团 训练营 技能大比 技能竞赛 技能大赛 岗位练兵 讲课 "
        ).split()
    ),
    "culture_recreation": tuple(
        (
            "文艺 演出 汇演 晚会 村晚 艺术节 文化节 舞蹈 跳舞 广场舞 合唱 唱红歌 红歌 戏曲 书画展 "
            "摄影展 电影 运动会 故事会 分享会 讲述 故事 插花 联欢 节目 小品 情景剧 欢聚一堂 作品征集 "
            "征文 书法 朗诵 诵读 文化活动 趣味 游艺 体育 文体活动 比赛 送戏 京剧 评剧 豫剧 越剧 "
            "黄梅戏 歌舞 杂技 曲艺 文化下乡 文化惠民 巡演 展演 音乐会 非遗 马拉松 健步走 篮球赛 "
            "婚礼 集体婚礼 作品展 展览 展出 图片展 美术展 灯谜 舞龙 舞狮 秧歌 庙会 灯会 花灯 民俗活动 读书会 读书分享 "
            "诗会 歌咏 春联 剪纸 拔河 徒步 足球赛 乒乓球赛 羽毛球赛 联赛 邀请赛 观影 "
            "健身 冰雪 滑雪 滑冰 冬泳 登山 登高 跑步 长跑 迎新跑 越野跑 龙舟 赛事 锦标赛 冠军赛 "
            "表演 展映 春晚 嘉年华 游园 灯笼 年画 民俗表演 社火 书画 摄影 球赛 太极拳 健身操 首播 播映 "
            "决赛 半决赛 文化周 文化月 艺术周 电影节 音乐节 戏剧节 读书节 读书月 旅游节 灯光秀 上演 "
        ).split()
    ),
    "charity_assistance": tuple(
        (
            "慰问 捐款 捐赠 捐助 捐了 募捐 募集 救助 资助 代缴 助学 送温暖 关爱 困难群众 困难家庭 慰问金 "
            "救助金 赠送 义卖 结对帮扶 帮扶 爱心 "
            "无偿献血 献血 捐资 捐物 认捐 帮困 救济 慈善 公益事业 调拨 调配 送去 运送 援助 支援 筹措 免收 免除 免去 "
            "看望 走访慰问 捐献 义演 助老 帮困解难 减免 免费赠送 爱心企业 生活补助 困难补助 奖学金 公益项目 公益活动 "
            "捐给 捐赠给 免费送给 转送 易地扶贫搬迁 扶贫搬迁 贴息 空运 发送 发运 调运 扶贫行动 扶贫活动"
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
            "全程网办 就近办 马上办 秒批 秒办 容缺受理 上门送证 免费邮寄 零审批"
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
    (re.compile(r"调查(?:结果)?(?:显示|表明)|调查发现"), "survey_research", ("调查",)),
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
            r"引导|劝导|值守|巡逻|配送|接送|讲解|撰写|筹建|编写|护送|分组|分赴|轮流|义务|走遍|跑遍|协调|调解)"
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
        re.compile(r"会议上(?<![社机体理晚舞赛展庙灯]会议上)|会上(?<![社机体理晚舞赛展庙灯运动博览易唱乐布者风]会上)"),
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
    # supplies handed to households or residents (为每户隔离家庭配了体温计和口罩, 给居民发放防护物资)
    (
        re.compile(
            r"(?:为|给|向)[^，,。；;]{0,12}?(?:家庭|住户|居民|村民|群众|老人|每家每户|每户|灾民)(?:都|还|免费)?"
            r"(?:配备|发放|派发|分发|送去|送上|赠送|发了|送了|配了|提供)了?[^，,。；;]{0,12}?"
            r"(?:物资|口罩|体温计|消毒液|酒精|防护服|手套|蔬菜|粮油|大米|米、面|生活用品|慰问品|药品|盒饭|饭菜|热饭|餐食|"
            r"饮用水|矿泉水|棉被|衣物)"
        ),
        "charity_assistance",
        ("家庭", "住户", "居民", "村民", "群众", "老人", "每户"),
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
    # a technique taught on the spot (专家在指导羊肚菌种植技术, 传授养殖技术)
    (re.compile(r"(?:指导|传授|讲授|示范)[^，,。；;]{0,12}?(?:技术|技能|技艺)"), "training_exchange", ("技",)),
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
        "增绿 栽植 拆违 拆掉 视察 察访 问需 摸清 以案说法 送法 免费诊疗 巡回医疗 坐诊 送医送药 献血 "
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
        "开建 改建 破土动工 灯光秀 研讨班 研修班 进修班"
    ).split()
)

_GOODS = re.compile(
    r"物资|口罩|防护服|护目镜|手套|消毒液|酒精|药品|食品|蔬菜|粮油|大米|生活用品|产品|设备|呼吸机|"
    r"礼物|礼品|慰问品|衣物|棉衣|棉被|羽绒服|书包|文具|图书|书籍|学习用品|"  # gifts and clothes given
    r"饲草|饲料|草料|年货|给养|燃煤|煤炭"  # fodder for herds in a disaster, the season's supplies
)
# what is installed for the public (安装路灯, 装上高清摄像头)
_FIXTURES = (
    r"[^，,。；;]{0,4}?(?:路灯|充电桩|监控|摄像头|护栏|座椅|健身器材|电梯|道闸|燃气|天然气|太阳能|扶手|坡道|灯|"
    r"显示屏|大屏幕|喇叭|广播|水管|自来水|净水|空调|暖气)"
)
_FEES = re.compile(r"租金|费用|房租|使用费|服务费|管理费|物业费|学费|保费|税费|利息|息费|手续费|罚息|滞纳金")

# Triggers that need particular verbs in their clause rather than any action verb.
NEEDS: dict[str, re.Pattern[str]] = {
    "小程序": re.compile(r"开发|推出|上线|开通|建立|搭建|启用"),
    "热线": re.compile(r"开设|开通|开启|设立|建立|受理"),
    "摊位": re.compile(r"安排|规划|设置|划定|提供|设立"),
    "服务中心": re.compile(r"打造|建成|建立|成立|开设|设立"),
    "驿站": re.compile(r"打造|建成|建立|成立|开设|设立|创建"),
    "职工之家": re.compile(r"打造|建成|建立|成立|开设|设立|建设"),
    "手册": re.compile(r"发放|分发|赠送|送"),
    "倡议书": re.compile(r"发放|分发|刊发|发出|发布"),
    "宣传页": re.compile(r"发放|分发"),
    "宣传单": re.compile(r"发放|分发"),
    "宣传册": re.compile(r"发放|分发"),
    "明白纸": re.compile(r"发放|分发"),
    "宣传栏": re.compile(r"通过|利用|设置|张贴"),
    "公益广告": re.compile(r"新增|设置|张贴|推送|刊播|投放"),
    "线缆": re.compile(r"整治|规范|治理|捆扎|整理|清理"),
    "管网": re.compile(r"改造|维修|铺设|更换|疏通"),
    "管道": re.compile(r"改造|维修|铺设|更换|疏通"),
    "井盖": re.compile(r"修|固定|更换|维修"),
    "路灯": re.compile(r"安装|维修|更换|修|新装|装上|加装"),
    "围栏": re.compile(r"拆除|移除|安装"),
    "违建": re.compile(r"拆除|整治|清理"),
    "私搭乱建": re.compile(r"拆除|整治|清理|改造"),
    "牛皮癣": re.compile(r"清理|清除|整治"),
    "小广告": re.compile(r"清理|清除|整治"),
    "绿地": re.compile(r"开放|建设|新建|改造|共享"),
    "安装": re.compile(
        r"安装了|已安装|完成安装|为[^，,。]{1,10}安装|帮[^，,。]{1,6}安装|"
        r"安装" + _FIXTURES
    ),
    "装上": re.compile(r"装上" + _FIXTURES),
    "改造": re.compile(r"完成|实施|推进|进行|开展|提升|改造成|工程|全面"),
    "评选": re.compile(r"组织|开展|举办"),
    # told by people, not by a film or a book (电影讲述的故事 is the work's plot)
    "故事": re.compile(r"(?<![影片剧品说书])讲|分享|宣讲|故事会"),
    "讲述": re.compile(r"故事"),
    "爱心": re.compile(r"捐|献|义卖|(?<![配运快发])送|帮扶"),  # 配送员 delivers, no gift
    "帮扶": re.compile(r"开展|结对|入户|销售|送"),
    "关爱": re.compile(r"开展|组织|活动|服务"),
    "课堂": re.compile(r"开设|举办|开展|上|利用|巧用|通过"),
    "讲堂": re.compile(r"开设|举办|开展|办好|通过"),
    "隐患": re.compile(r"排查|整改|检查"),
    "监管": re.compile(r"开展|进行|实施|加强对|全程"),
    "打击": re.compile(r"严厉|依法"),
    "调度": re.compile(r"对.{0,20}调度|调度会|进行调度"),
    # sitting down face to face to talk a matter over, not any meeting in person (在途中与干部面对面)
    # a play or a show staged (大戏《…》在剧场上演), not a figure of speech (上演了一场攻坚战)
    "上演": re.compile(r"剧|戏|《|演出|节目|舞台|晚会|歌舞|音乐会"),
    "面对面": re.compile(
        r"面对面地?(?:坐|座谈|交流|恳谈|协商|议事|商议|沟通|听取)|(?:座谈|恳谈|协商|议事)[^，,。；;]{0,8}面对面"
    ),
    "共产党员": re.compile(r"开展|组织|学习|点赞"),
    "党建": re.compile(r"融入|开展|创建|打造|党建\+|品牌"),
    "支部": re.compile(r"划分|调整|建设|规范化|标准化|过硬|集中学|组织生活"),
    "红色网格": re.compile(r"创新|建立|打造|构建|推行"),
    "惠民": re.compile(r"开展|活动|服务"),
    "全流程": re.compile(r"开展|服务"),
    "服务清单": re.compile(r"整合|提供"),
    "精准服务": re.compile(r"提供"),
    "便民": re.compile(r"开展|提供|推出|建设|规划|设立|服务"),
    "体育": re.compile(r"比赛|运动会|活动"),
    "趣味": re.compile(r"比赛|运动会|活动"),
    "节目": re.compile(r"表演|演出|自编自演|排练|编排"),
    "文艺": re.compile(r"演出|汇演|队|活动|节目|表演|晚会"),
    "非遗": re.compile(r"展|演|体验|传承|活动"),
    "文化惠民": re.compile(r"活动|演出|开展|送"),
    "电影": re.compile(r"观看|放映|播放"),
    "比赛": re.compile(r"举办|举行|开展|组织|参加"),
    # unpaid work done (义务巡逻, 义务为老人理发), not a duty (履行义务) or a role (义务宣讲员)
    "义务": re.compile(
        r"义务(?:[为给帮替][^，,。；;]{1,8}?)?(?:巡逻|巡查|巡护|劳动|清扫|打扫|清理|服务|维护|保护|看护|照料|照看|讲解|"
        r"植树|理发|值守|守护)(?![员者队团])"
    ),
    "小分队": re.compile(r"成立|组建|组成|志愿"),
    "法治": re.compile(r"宣传|教育|讲座"),
    "家风": re.compile(r"讲堂|宣讲|教育|建设|活动|传承"),
    "家教": re.compile(r"指导|讲座|宣讲"),
    "廉洁文化": re.compile(r"建设|融入|进|宣传|阵地|活动"),
    "廉政文化": re.compile(r"建设|阵地|公园|宣传"),
    "参观": re.compile(r"组织|参观、|参观学习|前往|到"),
    "专项行动": re.compile(r"整治|执法|检查|打击|清理"),
    "中医": re.compile(r"义诊|诊疗|理疗|服务|针灸"),
    "体检": re.compile(r"免费|开展|组织|提供|进行|做体检|为[^，,。；;]{1,12}体检"),
    "筛查": re.compile(r"免费|开展|组织|提供|进行|为"),
    "健康检查": re.compile(r"免费|开展|组织|提供|进行|为"),
    "科普": re.compile(r"开展|活动|讲座|宣传|知识|进|视频|文章|推出|制作|发布"),
    "宣教": re.compile(r"开展|进行|活动|健康"),
    "告知书": re.compile(r"发放|分发|送达|签订"),
    "宣传资料": re.compile(r"发放|分发|张贴|赠送|送"),
    "宣传材料": re.compile(r"发放|分发|张贴|赠送|送"),
    "展板": re.compile(r"展出|设置|摆放|制作|布置"),
    # an event broadcast live (对大会进行直播, 全程直播); a seller's live stream is no publicity
    "直播": re.compile(r"进行(?:现场|全程)?直播|(?:现场|全程|同步)直播"),
    "查验": re.compile(r"开展|进行|逐一|严格"),
    "充电桩": re.compile(r"新增|安装|新建|建成|建设|增设"),
    "停车位": re.compile(r"新增|增设|开放|施划|划设|建成|新建|改造|共享|腾出|设置|增加|规划建设"),
    **dict.fromkeys(("车位", "停车场"), re.compile(r"新增|增设|开放|施划|划设|建成|新建|改造|共享|腾出|设置|增加")),
    # guards taking turns at a checkpoint (在村口日夜轮值); 轮值主席 is an office
    "轮值": re.compile(r"(?:日夜|昼夜|24小时|全天|轮流|排班)轮值|轮值(?:值守|看守|把守|守护)|在[^，,。；;]{1,10}轮值"),
    # penalties imposed, counted (作出行政处罚决定310件); a rule that provides for them is no act
    "行政处罚": re.compile(r"(?:作出|开出|下达|实施)[^，,。；;]{0,4}行政处罚"),
    "太极拳": re.compile(r"练|打|教|学|表演|展示"),
    "健身操": re.compile(r"跳|做|练|教|学|表演"),
    "划线": re.compile(r"施划|重新|车位|停车"),
    "翻新": re.compile(r"完成|进行|对"),
    "口袋公园": re.compile(r"(?:建成|新建|打造|改造|建设)(?!的)"),
    "小游园": re.compile(r"(?:建成|新建|打造|改造|建设)(?!的)"),
    "健康档案": re.compile(r"建立|建档|完善|更新"),
    "办理业务": re.compile(r"上门|代为|帮|延时|下班|预约"),
    "服务点": re.compile(r"开设|设立|设置|建立|打造"),
    "健身器材": re.compile(r"安装|更新|配备|新增|更换"),
    "公厕": re.compile(r"新建|改造|建成|修缮|提升"),
    "户厕": re.compile(r"改造|改建|新建|完成"),
    # a discussion held (展开学习讨论, 开展专题讨论, 集中讨论); not one set off (引发热烈讨论) or a decision's source (经讨论决定)
    # posters put up or handed out (张贴宣传海报), not a film's or a show's
    "海报": re.compile(r"张贴|发放|分发|制作|设计|印制|绘制"),
    # interest paid for borrowers (给予贴息, 财政贴息)
    "贴息": re.compile(r"给予|予以|提供|实施|财政|全额"),
    "讨论": re.compile(r"开展|展开|组织|进行|集中|主持(?!人)|专题|分组|学习|审议|参加"),
    "普查": re.compile(r"开展|展开|进行|入户|登记|组织|启动|完成"),
    "访谈": re.compile(r"开展|进行|入户|深度"),
    "常委会": re.compile(r"召开|举行|主持"),
    "全会": re.compile(r"召开|举行"),
    "代表大会": re.compile(r"召开|举行|开幕|闭幕"),
    "党员大会": re.compile(r"召开|举行|组织"),
    "民主生活会": re.compile(r"召开|举行|组织"),
    "动员会": re.compile(r"召开|举行"),
    "部署会": re.compile(r"召开|举行"),
    "协调会": re.compile(r"召开|举行|组织"),
    "例会": re.compile(r"召开|举行|组织"),
    "会商": re.compile(r"召开|举行|组织|开展|进行"),
    "学习班": re.compile(r"举办|开办|组织|参加"),
    # a wedding held for people (为他们举办婚礼, 举行集体婚礼), not one attended or planned
    "婚礼": re.compile(r"举办|举行|操办|主持"),
    "集体婚礼": re.compile(r"举办|举行|操办|主持|参加"),
    "推介会": re.compile(r"举办|举行|召开|组织|参加|开展"),
    "推介活动": re.compile(r"举办|举行|组织|开展|参加"),
    "研修": re.compile(r"举办|开办|组织|参加|开展"),
    "比武": re.compile(r"举办|开展|组织|参加|举行"),
    "展览": re.compile(r"举办|举行|开展|推出|开幕|展出|参观"),
    "展出": re.compile(r"作品|展品|图片|书画|照片|文物|藏品|实物|珍品|精品|佳作|画作|剪纸|年画|灯"),
    "作品展": re.compile(r"举办|举行|开展|推出|开幕|展出|参观"),
    "图片展": re.compile(r"举办|举行|开展|推出|开幕|展出|参观"),
    "美术展": re.compile(r"举办|举行|开展|推出|开幕|展出|参观"),
    "庙会": re.compile(r"举办|举行|开展|开幕|逛"),
    "灯会": re.compile(r"举办|举行|开展|开幕|观赏|逛"),
    "花灯": re.compile(r"观赏|展出|扎|制作|挂"),
    "秧歌": re.compile(r"扭|表演|演出"),
    "民俗活动": re.compile(r"举办|举行|开展|组织"),
    "读书会": re.compile(r"举办|举行|开展|组织"),
    "读书分享": re.compile(r"举办|举行|开展|组织|活动"),
    "诗会": re.compile(r"举办|举行|开展|组织"),
    "歌咏": re.compile(r"比赛|活动|举办|开展"),
    "春联": re.compile(r"写|送|赠|义写"),
    "剪纸": re.compile(r"展示|教(?!师|室)|学(?!校|员|生|院)|体验|活动"),  # not 剪纸培训学校, 学员的剪纸作品
    "拔河": re.compile(r"比赛|活动|举办|开展"),
    "徒步": re.compile(r"活动|举办|开展|组织"),
    "足球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "乒乓球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "羽毛球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "联赛": re.compile(r"举办|举行|开展|组织|参加|开幕"),
    "邀请赛": re.compile(r"举办|举行|开展|组织|参加|开幕"),
    "救济": re.compile(r"发放|送|提供|临时"),
    "先锋岗": re.compile(r"党员|党组织|支部"),  # a bare 先锋岗 may be any volunteer post
    "党建联盟": re.compile(r"成立|组建|建立|打造"),
    "支部共建": re.compile(r"开展|签约|结对"),
    "党纪学习": re.compile(r"开展|组织|教育|专题"),
    "主题教育": re.compile(r"开展|组织|参加|学习"),
    "绿色通道": re.compile(r"开通|开辟|设立|建立|开启|开设|打通"),
    "办结": re.compile(r"当天|当日|即时|限时|一次|现场|提速|快速"),
    "即办": re.compile(r"推行|实现|推出|实行"),
    "网上办": re.compile(r"推行|实现|推出|实行"),
    "掌上办": re.compile(r"推行|实现|推出|实行"),
    "一次办": re.compile(r"推行|实现|推出|实行|改革"),
    "一件事": re.compile(r"推行|实现|推出|实行|改革|办"),
    "惠企": re.compile(r"服务|政策兑现|送|活动"),
    "审批": re.compile(r"压缩|提速|简化|缩短|即时|并联|容缺"),
    "证照": re.compile(r"办理|发放|颁发|送达"),
    "营业执照": re.compile(r"办理|发放|颁发|送达"),
    "身份证": re.compile(r"办理|补办|发放|送达"),
    # goods given to hospitals, workers or residents (调拨…产品送至…医院, 为医院运送防护服, 向灾区发送医用口罩)
    **dict.fromkeys(("调拨", "调配", "送去", "运送", "援助", "支援", "筹措", "转送", "空运", "发送", "发运", "调运"), _GOODS),
    # the poor moved out of places that cannot sustain them (完成188万人易地扶贫搬迁任务)
    **dict.fromkeys(("易地扶贫搬迁", "扶贫搬迁"), re.compile(r"完成|实施|搬迁了|搬出|入住|安置")),
    "问诊平台": re.compile(r"上线|开通|推出|搭建|开设"),
    "免收": _FEES,
    "免除": _FEES,
    "免去": _FEES,
    "治理": re.compile(r"污染|河道|河流|水体|水土流失|荒漠|沙化|扬尘|黑臭|湿地|矿山"),
    # a campaign of persuasion launched (发起“公筷行动”, 发出…倡议)
    "发起": re.compile(r"“[^”]{1,16}”(?:行动|倡议)|倡议(?!书)"),
    "发出": re.compile(r"倡议(?!书)"),
    "减免": _FEES,
    "爱心企业": re.compile(r"捐|送|赠"),
    "慈善": re.compile(r"活动|捐|义卖|募|拍卖|晚会"),
    "公益事业": re.compile(r"用于|捐|资助|投身"),
    # help brought to the elderly (助老服务送到老人家中); an event for them (助老爱老活动) is left to its other words
    "助老": re.compile(r"服务|送到|上门|帮"),
    "督促": re.compile(r"整改|检查|商家|商户|企业|经营|问题|隐患"),  # not 督促各部门把…: a directive
    "卡点": re.compile(r"设置|设立|值守|执勤|检查|测温|坚守|驻守|值班"),
    "体温检测": re.compile(r"进行|开展|实行|每日|逐一|严格|为"),
    "体温监测": re.compile(r"进行|开展|实行|每日|逐一|严格|为"),
    "监测": re.compile(r"开展|进行|实时|动态|全天候|启动|24小时|评估|密切|跟踪|每日|每天|逐日|定期|加密|实施"),
    "管控": re.compile(r"严格|实施|实行|进行|封闭"),
    "封闭管理": re.compile(r"实行|实施|进行|全面"),
    "论坛": re.compile(r"举办|举行|召开|开幕|出席|闭幕|主办|承办"),
    "峰会": re.compile(r"举办|举行|召开|开幕|出席|闭幕|主办|承办"),
    "研讨": re.compile(r"举办|举行|召开|开展|组织|进行|参加"),
    "健身": re.compile(r"活动|大会|比赛|运动会|举办|开展|组织|参加|参与"),
    "冰雪": re.compile(r"活动|运动|嘉年华|赛|节|体验|举办|开展"),
    "登高": re.compile(r"活动|健身|大会|比赛"),
    "跑步": re.compile(r"活动|比赛|大会|健身|迎新|马拉松"),
    "龙舟": re.compile(r"赛|竞渡|划"),
    "赛事": re.compile(r"举办|举行|开展|组织|承办|参加|开赛"),
    "游园": re.compile(r"活动|游园会|举办"),
    "灯笼": re.compile(r"挂|制作|扎|点亮"),
    "年画": re.compile(r"展|贴|制作|体验|互动"),
    "社火": re.compile(r"表演|演出|闹|耍"),
    "书画": re.compile(r"展|比赛|作品|义写|活动|创作|笔会"),
    "摄影": re.compile(r"展|比赛|大赛"),
    "接种": re.compile(r"疫苗|开展|组织|完成|为"),
    "科学实验": re.compile(r"录制|视频|直播|演示|挑战|推出"),
    "防疫知识": re.compile(r"宣传|普及|讲解|发放|科普|推送|传播|讲座|课"),
    "健康知识": re.compile(r"宣传|普及|讲解|发放|科普|推送|传播|讲座|课"),
    "小视频": re.compile(r"录制|拍摄|制作"),
    "短视频": re.compile(r"录制|拍摄|制作"),
    "手抄报": re.compile(r"制作|绘制|活动|评比"),
    "广播": re.compile(r"宣传|喊话|播放|循环|播报"),
    "大喇叭": re.compile(r"宣传|喊话|播放|循环|播报|广播"),
    # banners hung and loudspeakers played to tell people (挂横幅、播喇叭); not a loudspeaker installed
    "横幅": re.compile(r"(?:挂|拉|拉起|拉出|拉上|张贴|制作|打出)了?(?:宣传|标语|醒目)?的?横幅"),
    "喇叭": re.compile(r"播喇叭|喇叭(?:喊|播|宣传|响)|用喇叭|通过喇叭|拿着喇叭|举着喇叭"),
    "保供": re.compile(r"稳价|货源|物资|供应|市场|蔬菜|民生"),
    "退款": re.compile(r"支持|办理|全额|免费|无条件|开通|提供"),
    "代购": re.compile(r"帮|为|服务|志愿|上门"),
    "配送": re.compile(r"上门|到家|免费|无接触|送到|送至|到小区|到社区"),
    "招聘会": re.compile(r"举办|举行|开展|组织|网络|线上|云"),
    "点对点": re.compile(r"接|送|运|返岗|包车|专列"),
    "包车": re.compile(r"开通|安排|组织|接|送"),
    "专列": re.compile(r"务工|返岗|接回|送回|返程"),
    # taking the role (当起志愿者, 报名成为志愿者); volunteers who only help with another kind of work
    # (志愿者上门摸排) give that work's type
    "志愿者": re.compile(r"化身|当起|当上|担任|作为|争当|报名|招募|成为|加入|变身|穿上|身穿"),
    "青年突击队": re.compile(r"组建|成立|组成"),
    "通风": re.compile(r"每日|定时|开窗|安排|进行|消毒"),
    "喷洒": re.compile(r"消毒|药"),
    "污水处理": re.compile(r"建成|新建|建起|改造|提标"),
    # explaining a policy or document to the public (解读一号文件, 专家进行了解读)
    "解读": re.compile(r"进行了?解读|解读(?:了|《|[^，,。；;]{0,12}(?:文件|政策|方案|条例|法规|办法|规定|精神|意见|通知|措施))"),
    "解释": re.compile(r"耐心|政策|(?:向|为|给|用)[^，,。；;]{1,10}解释"),
    "专窗": re.compile(r"开设|设立|开通|设置|增设|线下|办理"),
    # knowledge spread to residents or workers (向员工普及防护知识); not 普及率, 普及应用
    "普及": re.compile(r"普及[^，,。；;]{0,8}(?:知识|常识|法律|法规|政策|科学|防护|防疫|健康|安全|急救)"),
    # reminding people in person (挨家挨户提醒村民戴口罩)
    "提醒": re.compile(r"提醒(?:居民|群众|村民|市民|员工|职工|工人|游客|旅客|乘客|商户|大家|过往|往来|路人|家长|学生)"),
    # persuading people: named as residents, or told what to do or stop (劝说负责人不要再收购…, 劝说其主动退出)
    "劝说": re.compile(
        r"劝说(?:居民|群众|村民|市民|游客|商户|家人|亲友)|(?:耐心|上门|挨家挨户|逐户|反复|轮流)劝说|"
        r"劝说[^，,。；;]{0,8}?(?:不要|不再|别再|停止|放弃|主动|退出|离开|回家|返回|戴上|配合|接受|搬离)"
    ),
    "劝阻": re.compile(r"劝阻(?:居民|群众|村民|市民|游客|商户|聚集|聚餐|燃放|不文明)|上前劝阻|及时劝阻"),
    # a check of samples or goods (对市场蔬菜进行抽样检测); testing for a disease is medical (核酸检测)
    "检测": re.compile(
        r"抽样检测|快速检测|进行检测|开展检测|逐一检测|对[^，,。；;]{1,12}(?:进行|开展)?检测|检测(?:样品|样本|批次)"
    ),
    "检疫": re.compile(r"进行|开展|严格|实施|落实|逐一|逐个|登临"),
    "核验": re.compile(r"进行|开展|严格|逐一|对|身份|信息|证件|健康码"),
    # what is learned by analysing data (利用大数据分析返乡人员分布, 摸清底数)
    "数据分析": re.compile(r"通过|利用|依托|借助|运用|开展|进行"),
    "大数据分析": re.compile(r"通过|利用|依托|借助|运用|开展|进行"),
    "统计分析": re.compile(r"通过|利用|开展|进行"),
    "监测分析": re.compile(r"通过|利用|开展|进行|实时|动态"),
    "分析研判": re.compile(r"通过|开展|进行|组织|召开|综合|及时"),
    "精准画像": re.compile(r"通过|利用|形成|进行"),
    "信息采集": re.compile(r"开展|进行|入户|上门|逐户|完成"),
    "登记造册": re.compile(r"逐一|逐户|入户|上门|进行|全部"),
    "建档立卡": re.compile(r"逐一|逐户|入户|上门|进行|为"),
    # work under way on a site (大桥正在紧张施工), not the builder, the plan or its rules
    "施工": re.compile(r"正在|紧张|加紧|加快|昼夜|连夜|全面|进场|开始|复工|组织|抢|有序|全力|完成|完工"),
    "生活补助": re.compile(r"发放|发|给予|送|领"),
    "困难补助": re.compile(r"发放|发|给予|送|领"),
    "报告会": re.compile(r"举办|举行|召开|开展|组织|作|做"),
    "事迹报告": re.compile(r"作|做|举办|举行|开展|巡回|宣讲"),
    # an operation done (为患者实施手术), not a ward or its count
    "手术": re.compile(r"实施|进行|做了|完成|开展|主刀|施行|为[^，,。；;]{1,10}做"),
    "缝合": re.compile(r"伤口|清创"),
    "党支部": re.compile(r"成立|建立|组建|设立"),  # a branch set up (组建队伍并成立党支部)
    # a congress or annual meeting held or attended (参加了市国防动员大会, 出席博鳌亚洲论坛年会)
    "大会": re.compile(r"召开|举行|举办|参加|出席|闭幕|开幕|隆重|在[^，,。；;]{1,20}大会上"),
    "年会": re.compile(r"召开|举行|举办|参加|出席|闭幕|开幕|在[^，,。；;]{1,20}年会上"),
    "奖学金": re.compile(r"提供|发放|设立|颁发|资助|捐赠|捐资"),
    # talks held between parties (双方进行非直接谈判, 谈判仍在继续), not a call for them
    "谈判": re.compile(r"进行|举行|开展|继续|展开|恢复|启动|参加|参与|结束|达成"),
    "磋商": re.compile(r"进行|举行|开展|继续|展开|恢复|启动|参加|参与|结束|达成"),
    # closing down what breaks the rules (关闭小煤窑, 依法关闭违规企业), not a road or a window closed
    "关闭": re.compile(
        r"(?<!被迫)(?<!暂时)(?<!临时)关闭(?!的)[^，,。；;的]{0,10}(?:煤窑|煤矿|矿井|矿山|企业|工厂|作坊|养殖场|网站|账号|散乱污|窑)"
    ),
    "健康服务": re.compile(r"提供|开展|定制|送|上门|签约|为"),
    # a session sitting to deliberate (参加…代表团审议, 会议审议了), not a draft sent for it
    "审议": re.compile(
        r"参加[^，,。；;]{0,12}审议|出席|列席|分组审议|代表团审议|会议(?:上|期间)?审议|审议了|进行审议|认真审议|审议并"
    ),
    # a gala held or performed in, not one watched at home (在家看春晚)
    "春晚": re.compile(r"举办|举行|组织|录制|演出|表演|参加|参与|登上|亮相|排练|筹备|上演|办起|搬上"),
    "援建": re.compile(r"由|援建(?:了|的)|帮助|出资|投资|对口"),
}

# What may not follow (宣传部, 检查站, 调研主题) or precede (技改造, 消除) a trigger.
AFTER_BLOCK: dict[str, re.Pattern[str]] = {
    w: re.compile(p)
    for w, p in {
        "宣传": r"部|统战|委员",
        "检查": r"站|组|报告",
        "送医": r"用|疗器械|疗物资",  # 发送医用防护服, 送医疗物资: supplies sent, not doctors
        "关停": r"后|时|以后|之后|的",  # 企业关停后: when a plant closed, no closure ordered
        "共商": r"共建",  # 共商共建共享: a principle of cooperation, not talks held
        "会议": r"室|精神|[^，,。；;]{0,10}?驻地",  # …会议广西代表团驻地: where a delegation stays
        "执法": r"局|队|人员|部门|中队|大队|安全|合作",  # 执法安全合作: a field of cooperation agreed
        "调研": r"员|主题|课题|报告|成果|组|大队|支队|中队|处|科|室|中心",  # 情报调研大队副大队长: an office
        "党建": r"引领",
        "走访": r"慰问|[^，,。；;]{0,4}?(?:两国|多国|各国|三国)",  # countries travelled, not people asked
        "门诊": r"部|量|楼|大厅|收入",
        "监管": r"局|所|部门",
        "热线": r"电话",
        "整改": r"完成率|率|措施|方案|清单|任务|要求|意见",  # 整改措施: what is to be done
        "督导": r"组",
        "追逃": r"[^，,。；;]{0,4}?(?:办公室|办)",  # 中央追逃办, 追逃追赃工作办公室: an office named
        "追赃": r"[^，,。；;]{0,4}?(?:办公室|办)",
        # 日常巡逻人员: a person's duty named, not a patrol; 巡逻机, 巡逻艇: the craft
        "巡逻": r"队|人员|员|机|艇|车|船|舰",
        "巡查": r"报告",  # the report of a patrol kept or shown
        "整治": r"重点|对象|范围|任务|目标",
        "修复": r"[^，,。；;]{0,6}?(?:功能|关系|信心|信任|形象)",  # a function or a relation restored, not a repair
        # a bailout, not help to people; a relief bill or plan named (新救助法案将…), not help given
        "救助": r"[^，,。；;]{0,6}?(?:企业|金融机构|银行|机构|专家)|法案|法|计划|方案|政策",
        "调度": r"中心",
        "讲解": r"员",
        "出诊": r"断|疗",  # 给出诊断, 推出诊疗方案: a diagnosis given, no house call
        "运送": r"难|困难|不畅|受阻|成本|能力|车辆|工具",  # 蔬菜运送难: a problem named, no goods sent
        "爱心": r"驿站|小屋|之家",  # a rest station for outdoor workers: a service (驿站), not a gift
        "讲座": r"教授",  # a chair professor's title
        "执勤": r"警察|民警|交警|辅警|人员|车辆|车",  # the officer on duty named, not the duty
        # a procedure, a debt or a person cleared out is no clean-up (清理审批事项, 清除两面人)
        "清理": r"欠|拖欠|整顿|[^，,。；;]{0,8}?(?:流程|事项|证明|收费|规章|文件|欠款|账款|债务|两面人)",
        "清除": r"[^，,。；;]{0,10}?(?:两面人|壁垒|余毒)",
        "疏通": r"[^，,。；;]{0,8}?(?:机制|渠道|堵点|梗阻|传导|融资|政策)",
        "清洁": r"能源|取暖|生产|供暖|燃料|工(?!作)|员|车|剂",
        # the worker, the vehicle, the fee or the base, not the work (保洁员, 清扫车, 维修费, 实训基地)
        "保洁": r"员|工(?!作)|公司|车",
        "清扫": r"车|机|员|工(?!作)",
        "维修": r"费|工(?!作|程)|店|基金|资金|人员|员",
        "实训": r"基地|中心|室|楼",
        "研学": r"课程|基地|线路|产品|营地|资源",  # 研学课程: a product, not a study trip held
        "培训": r"基地|中心|机构|学校|费|师",
        "义务": r"教育|兵",
        "调查": r"处理|取证|核实",
        "募集": r"资金(?!用于)",
        "稽查": r"局|队|大队|支队",
        "督察": r"组|局|员",
        "巡检": r"员",
        "展板": r"上",
        "除草": r"剂|机",  # the herbicide or the machine, not the weeding (打了除草剂)
        "常委会": r"委员|副主任|主任",
        "代表大会": r"代表|常务",
        "审批": r"局|科|服务局",
        "普查": r"员|办|办公室",
        "消毒": r"液|剂|水|柜|湿巾|用品|产品|片|设备|物资|、",  # 餐具消毒、…等是否符合: an item checked
        "测温": r"枪|仪|门|设备",
        "审计": r"局|署|厅|部门|机关|人员|报告|结果|机构",
        "巡视": r"组|办|员|工作|整改",
        "巡察": r"组|办|员|工作|整改",
        "监测": r"站|点|数据|系统|网络|设备|仪|结果|显示|工程|预警|能力|体系",
        "治沙": r"人|英雄|精神",
        "救治": r"能力|体系|工作|方案|经验|中心|医院|定点",
        # delegates of a session visited (看望参加…会议的委员): a leader meeting them, not help given
        "看望": r"[^，,。；;]{0,24}?会议的[^，,。；;]{0,8}?(?:委员|代表)"
        # a leader's work visit greeting the staff of an office (走进处室，看望干部职工), no help given
        r"|[^，,。；;慰]{0,6}?(?:干部职工|干部|职工|员工|工作人员)(?![^，,。；;]{0,6}慰问)"
        # athletes or performers greeted at their event (看望了运动员代表): encouragement, not help
        r"|[^，,。；;慰]{0,8}?(?:运动员|队员|选手|参赛|代表队|运动队|演员|演职人员)(?![^，,。；;]{0,6}慰问)",
        "考察": r"学习|时|期间|途中|调研时|识别|干部|使用",  # 考察识别干部: judging cadres, not research
        "配送": r"中心|站|员|体系",
        "广播": r"电视|电台|台|剧",
        "观影": r"热|潮|人次|需求",  # 观影热潮: a trend, not a screening held
        "志愿者": r"们说|说|告诉|介绍",
        "询问": r"[^，,。]{0,3}(?:患者|病人|病情|病史|症状)",
        "摸清": r"[^，,。；;]{0,4}(?:门道|规律|窍门|诀窍|脾气|习性|套路)",  # a knack learnt, no survey
        "受理": r"中心|服务中心|窗口|大厅|平台|范围|条件|点",
        "代办": r"员|点|制|中心|站",
        "帮办": r"员|点|制|中心|站",
        "解读": r"能力|分析|力",
        "解释": r"力|道|说|称|权",
        "巡护": r"员|队|人员",
        "检测": r"能力|机构|中心|站|试剂|设备|结果|报告|显示|仪|技术|实验室|点|费|阳性|阴性|呈"
        r"|[^，,。；;]{0,4}(?:方案|产品|装置|系统)",
        "检疫": r"局|站|部门|机构|证|人员|所",
        "普及": r"率|应用|推广|程度",
        "评比": r"结果|标准|办法|细则|体系|指标",
        "大会": r"代表|主席团|秘书处|精神|报告|决议|堂|常务",
        "数据分析": r"能力|系统|平台|中心|技术|师",
        "大数据分析": r"能力|系统|平台|中心|技术|师",
        "信息采集": r"员|系统|平台|表",
        "建档立卡": r"贫困|户|人口|对象",
        "健康服务": r"业|产业|体系|能力|水平|机构|管理",
        "施工": r"单位|方|图|队|企业|许可|标准|成本|费|资质|人员|工人|期|安全|质量|进度|难度|条件|技术|工艺",
        "援建": r"干部|人员|队|工作|任务|资金|方|省|城市|单位|机制|地区",  # a doctor's questions are care, not a survey
    }.items()
}
# What may not come before a trigger in its clause: a pattern ending where the trigger starts
# (技改造, 健身大会, or words further back: 向…政府和人民致以诚挚慰问).
BEFORE_BLOCK: dict[str, re.Pattern[str]] = {
    w: re.compile(p)
    for w, p in {
        "大会": r"[身动育高球术歌舞灯花食庙书赛艺跑游]$",  # 健身大会, 运动大会: a sports or culture event, not a meeting
        "改造": r"[技术化型]$",
        "宣传": r"不$|虚假$",  # 虚假宣传类案件: false advertising, a kind of case
        "清除": r"[消点]$",  # 消除; 定点清除 (a targeted killing), not a clean-up
        "硬化": r"脉$",
        "调查": r"案$",
        "讲述": r"[影片剧品说书]$",  # 影片讲述, 该剧讲述: a work's plot, not a story told
        # sympathy between governments and peoples, in words (向巴政府和人民致以诚挚慰问, 各国领导人…表示慰问和
        # 支持): no visit, no help (two blind annotators of three); sympathy to a family (向其亲属表示慰问) stays
        "慰问": r"(?:政府|人民|国家|领导人|中方|各国|国际)[^。；;]{0,40}?(?:致以|表示|转达|致)[^，,。；;]{0,6}$",
        # a draft to be put before a session (将按程序提请…会议审议), not a deliberation held
        "审议": r"(?:提请|提交|报请|交由|将)[^，,。；;]{0,24}$",
        # investors looking a place over (拉个企业来考察, 客商前来考察), not research done
        "考察": r"(?:企业|客商|投资商|投资者|外商|老板)(?:前?来|过来)?$",
        # onlookers or customers asking (观众驻足、询问; 每次有人询问): no one surveyed
        "询问": r"(?:观众|游客|市民|路人|顾客|网友|行人|有人|不少人|许多人|很多人)[^，,。；;]{0,6}$",
        "监测": r"体质$",  # 国民体质监测: a health check of people (medical), no inspection
    }.items()
}
