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
* the sentence has not turned to plans, wishes, directives or conditions before
  the trigger (下一步, 接下来, 今后, 将 as a future marker, 还会, 预计, 想, 要, 要求,
  必须, 应加强, 计划, 拟, 力争, 如有 …). 将 followed by a noun is the object marker
  (将闲置空地改造成小游园) and does not count;
* its clause has no appeal or aim before it (倡议/号召/鼓励/希望…参与志愿服务,
  确保…完成改造); 在…号召下 is how a reported act came about and does not count;
* it does not describe a system, capacity, policy or statistic rather than an
  act (志愿服务体系, 医疗服务能力, 发现、整改、反馈的闭环机制, 把志愿服务作为抓手,
  垃圾分类覆盖率达90%, 志愿服务参与人数同比增长);
* it is not a word of an organisation's or the place's name (政务服务中心,
  社区党支部, 在体育广场开展…).

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

from ingestion.parsing.metrics import UNIT_KIND
from ingestion.parsing.model import ParsedActivity, ParsedOrganization
from ingestion.parsing.organizations import _STOP_RE

# Trigger words per type: general newsroom vocabulary for each kind of activity.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "volunteer_service": tuple(
        (
            "志愿服务 志愿活动 志愿者服务 双报到 学雷锋 义务劳动 义务巡逻 义剪 红马甲 志愿服务队 志愿队 "
            "变身志愿者 招募志愿者 志愿者招募 注册志愿者 小分队 义务 巡逻"
        ).split()
    ),
    "medical_health": tuple(
        (
            "义诊 送医 巡诊 医疗服务 诊疗服务 健康体检 免费体检 量血压 测血压 测量血压 健康咨询 针灸 理疗 "
            "门诊 家庭医生 签约服务 医疗队 健康讲座 疫苗接种 核酸检测 健康筛查 送药 医疗健康 中医 体检 "
            "筛查 免费诊疗 巡回医疗 坐诊 健康检查 送医送药 健康档案"
        ).split()
    ),
    "publicity_education": tuple(
        (
            "宣讲 普法 讲座 讲解 宣传教育 宣传活动 教育宣传 知识宣传 宣传 警示教育 廉洁教育 廉政教育 "
            "廉洁文化 廉政文化 家风 家教 家庭教育 移风易俗 知识竞赛 开放日 展播 倡议书 宣传页 宣传单 "
            "宣传册 手册 明白纸 宣传栏 公益广告 以案释法 法治 反诈 防诈 安全知识 劝导 文明引导 直播课 "
            "公开课 微课堂 讲堂 课堂 解答 答疑 评选 讲师团 宣讲团 宣传队 "
            "以案说法 送法 科普 宣教 告知书 宣传资料 宣传材料 展板"
        ).split()
    ),
    "inspection_enforcement": tuple(
        (
            "检查 督导 督查 执法 排查 专项整治 集中整治 整治行动 巡查 摸查 暗访 明察 抽查 查处 整改 "
            "打击 治安巡逻 隐患 监管 督办 取缔 专项行动 整治 "
            "抽检 约谈 稽查 巡检 督察 查验 查封 扣押 清查 联合执法"
        ).split()
    ),
    "environment_infrastructure": tuple(
        (
            "清理 清扫 清洁 清运 清除 保洁 打扫 捡拾 捡垃圾 拆除 绿化 植树 补植 修缮 维修 修复 修路 "
            "修建 修好 修补 修理 铺设 改造 安装 更换 疏通 施划 粉刷 拔除 除草 硬化 亮化 美化 环境整治 "
            "人居环境 线缆 井盖 路灯 垃圾分类 整修 布放 清洗 建成公园 围栏 违建 私搭乱建 牛皮癣 小广告 "
            "绿地 管网 管道 大扫除 卫生死角 "
            "清淤 疏浚 改厕 户厕 充电桩 扫雪 清雪 除雪 铲雪 除冰 补绿 增绿 栽植 划线 拆违 翻新 口袋公园 "
            "小游园 健身器材 公厕 停车位 加装 增设"
        ).split()
    ),
    "survey_research": tuple(
        (
            "调研 走访 摸底 摸排 问卷 民意调查 市场调查 入户调查 调查 征集意见 征求意见 听取意见 实地察看 "
            "实地查看 蹲点 察看 普查 视察 察访 问需 访谈 摸清"
        ).split()
    ),
    "meeting_deliberation": tuple(
        (
            "会议 调度会 推进会 座谈会 座谈 议事会 议事 协商 商量 商讨 研讨会 听证会 恳谈会 联席会 "
            "现场会 调度 出谋划策 畅谈 面对面 "
            "常委会 全会 代表大会 动员会 部署会 协调会 例会 会商 恳谈 听证"
        ).split()
    ),
    "training_exchange": tuple(
        (
            "培训 观摩 拉练 参观 经验交流 交流学习 学习交流 考察学习 培训班 实训 读书学习 学习小组 研学 "
            "交流工作经验 交流经验 "
            "轮训 集训 演练 学习班 研修 跟岗学习 取经 比武"
        ).split()
    ),
    "culture_recreation": tuple(
        (
            "文艺 演出 汇演 晚会 村晚 艺术节 文化节 舞蹈 跳舞 广场舞 合唱 唱红歌 红歌 戏曲 书画展 "
            "摄影展 电影 运动会 故事会 分享会 讲述 故事 插花 联欢 节目 小品 情景剧 欢聚一堂 作品征集 "
            "征文 书法 朗诵 诵读 文化活动 趣味 游艺 体育 文体活动 比赛 送戏 京剧 评剧 豫剧 越剧 "
            "黄梅戏 歌舞 杂技 曲艺 文化下乡 文化惠民 巡演 展演 音乐会 非遗 马拉松 健步走 篮球赛 "
            "作品展 展览 展出 图片展 美术展 灯谜 舞龙 舞狮 秧歌 庙会 灯会 花灯 民俗活动 读书会 读书分享 "
            "诗会 歌咏 春联 剪纸 拔河 徒步 足球赛 乒乓球赛 羽毛球赛 联赛 邀请赛 观影"
        ).split()
    ),
    "charity_assistance": tuple(
        (
            "慰问 捐款 捐赠 捐助 捐了 募捐 募集 救助 资助 助学 送温暖 关爱 困难群众 困难家庭 慰问金 "
            "救助金 赠送 义卖 结对帮扶 帮扶 爱心 "
            "无偿献血 献血 捐资 捐物 认捐 帮困 救济"
        ).split()
    ),
    "party_building": tuple(
        (
            "主题党日 党日活动 党课 三会一课 党建品牌 党建+ 党建联建 组织生活 党员活动 入党誓词 党史学习 "
            "党史教育 党员示范岗 亮身份 共产党员 党建 红色网格 支部建设 党员教育 党员管理 支部 "
            "党员大会 民主生活会 入党宣誓 先锋岗 党建联盟 支部共建 党纪学习 主题教育"
        ).split()
    ),
    "public_service": tuple(
        (
            "便民 惠民服务 政务服务 一网通办 办证 出证 便捷服务 上门服务 代办 帮办 热线 小程序 摊位 "
            "服务中心 职工之家 驿站 即时办 一站式 服务清单 精准服务 惠民 全流程 办事大厅 服务窗口 "
            "绿色通道 延时服务 预约服务 上门办理 办结 即办 网上办 掌上办 一次办 一件事 惠企 审批 证照 "
            "营业执照 身份证 办理业务 服务点 受理"
        ).split()
    ),
}

# Patterns for triggers whose words are apart: (pattern, type).
REGEX_TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:组织|发动|动员|招募|带领)(?![、，,和及与])[^，,。；;]{0,12}志愿者"), "volunteer_service"),
    (re.compile(r"征(?:集|求)[^，,。；;]{0,8}意见"), "survey_research"),
    # residents formed into a patrol or service team (吸纳热心居民组成巡访队)
    (re.compile(r"(?:吸纳|组建|组成|成立)[^，,。；;]{0,12}(?:巡访|巡逻|护卫|志愿服务|志愿)队"), "volunteer_service"),
    (re.compile(r"会议上(?<![社机体理晚舞赛展庙灯]会议上)|会上(?<![社机体理晚舞赛展庙灯]会上)"), "meeting_deliberation"),
    (
        re.compile(r"发放[^，,。；;]{0,20}(?:手册|宣传|倡议书|资料|明白纸|传单|折页|读本|告知书|提示卡|一封信|公开信)"),
        "publicity_education",
    ),
)

# Words that are actions in themselves (the clause needs no other verb).
_SELF_WORDS = set(
    (
        "赠送 修好 注册志愿者 巡查 清除 义诊 捐了 清理 实地查看 参观 修理 捡拾 疏通 商讨 募集 "
        "交流经验 摸排 修补 测量血压 慰问 布放 整修 抽查 暗访 义剪 打扫 除草 欢聚一堂 经验交流 维修 "
        "办证 捐助 劝导 拔除 针灸 普法 捡垃圾 出证 义卖 调研 跳舞 清扫 送医 修缮 唱红歌 以案释法 "
        "征集意见 议事 捐款 修建 听取意见 招募志愿者 拆除 修路 施划 主题党日 明察 交流工作经验 巡逻 "
        "摸查 铺设 募捐 保洁 修复 捐赠 出谋划策 宣讲 蹲点 征求意见 量血压 党课 双报到 插花 三会一课 "
        "巡诊 座谈 植树 培训 畅谈 观摩 补植 督导 查处 实地察看 排查 执法 讲解 变身志愿者 测血压 "
        "粉刷 商量 摸底 清运 走访 拉练 资助 整改 救助 督查 更换 集中整治 "
        "抽检 约谈 稽查 巡检 督察 查封 扣押 清查 联合执法 清淤 疏浚 改厕 扫雪 清雪 除雪 铲雪 除冰 补绿 "
        "增绿 栽植 拆违 视察 察访 问需 摸清 以案说法 送法 免费诊疗 巡回医疗 坐诊 送医送药 献血 "
        "无偿献血 捐资 捐物 认捐 帮困 入党宣誓 轮训 集训 演练 跟岗学习 取经 猜灯谜 舞龙 舞狮 观影 "
        "延时服务 预约服务 上门办理 加装"
    ).split()
)

# Triggers that need particular verbs in their clause rather than any action verb.
_NEEDS: dict[str, re.Pattern[str]] = {
    "小程序": re.compile(r"开发|推出|上线|开通|建立|搭建|启用"),
    "热线": re.compile(r"开设|开通|设立|建立|受理"),
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
        r"安装(?:路灯|充电桩|监控|摄像头|护栏|座椅|健身器材|电梯|道闸|燃气|天然气|太阳能|扶手|坡道|灯)"
    ),
    "改造": re.compile(r"完成|实施|推进|进行|开展|提升|改造成|工程|全面"),
    "评选": re.compile(r"组织|开展|举办"),
    "故事": re.compile(r"讲述|讲|分享|宣讲|故事会"),
    "讲述": re.compile(r"故事"),
    "爱心": re.compile(r"捐|献|义卖|送|帮扶"),
    "帮扶": re.compile(r"开展|结对|入户|销售|送"),
    "关爱": re.compile(r"开展|组织|活动|服务"),
    "课堂": re.compile(r"开设|举办|开展|上|利用|巧用|通过"),
    "讲堂": re.compile(r"开设|举办|开展|办好|通过"),
    "隐患": re.compile(r"排查|整改|检查"),
    "监管": re.compile(r"开展|进行|实施|加强对|全程"),
    "打击": re.compile(r"严厉|依法"),
    "调度": re.compile(r"对.{0,20}调度|调度会|进行调度"),
    "面对面": re.compile(r"与.{0,10}面对面|面对面地坐"),
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
    "义务": re.compile(r"巡逻|劳动|清扫|服务|维护"),
    "小分队": re.compile(r"成立|组建|组成|志愿"),
    "法治": re.compile(r"宣传|教育|讲座"),
    "家风": re.compile(r"讲堂|宣讲|教育|建设|活动|传承"),
    "家教": re.compile(r"指导|讲座|宣讲"),
    "廉洁文化": re.compile(r"建设|融入|进|宣传|阵地|活动"),
    "廉政文化": re.compile(r"建设|阵地|公园|宣传"),
    "参观": re.compile(r"组织|参观、|参观学习|前往|到"),
    "专项行动": re.compile(r"整治|执法|检查|打击|清理"),
    "中医": re.compile(r"义诊|诊疗|理疗|服务|针灸"),
    "体检": re.compile(r"免费|开展|组织|提供|进行"),
    "筛查": re.compile(r"免费|开展|组织|提供|进行|为"),
    "健康检查": re.compile(r"免费|开展|组织|提供|进行|为"),
    "科普": re.compile(r"开展|活动|讲座|宣传|知识|进"),
    "宣教": re.compile(r"开展|进行|活动|健康"),
    "告知书": re.compile(r"发放|分发|送达|签订"),
    "宣传资料": re.compile(r"发放|分发|张贴|赠送|送"),
    "宣传材料": re.compile(r"发放|分发|张贴|赠送|送"),
    "展板": re.compile(r"展出|设置|摆放|制作|布置"),
    "查验": re.compile(r"开展|进行|逐一|严格"),
    "充电桩": re.compile(r"新增|安装|新建|建成|建设|增设"),
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
    "普查": re.compile(r"开展|进行|入户|登记|组织"),
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
    "研修": re.compile(r"举办|开办|组织|参加|开展"),
    "比武": re.compile(r"举办|开展|组织|参加|举行"),
    "展览": re.compile(r"举办|举行|开展|推出|开幕|展出|参观"),
    "展出": re.compile(r"作品|展品|图片|书画|照片"),
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
    "剪纸": re.compile(r"展示|教|学|体验|活动"),
    "拔河": re.compile(r"比赛|活动|举办|开展"),
    "徒步": re.compile(r"活动|举办|开展|组织"),
    "足球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "乒乓球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "羽毛球赛": re.compile(r"举办|举行|开展|组织|参加"),
    "联赛": re.compile(r"举办|举行|开展|组织|参加|开幕"),
    "邀请赛": re.compile(r"举办|举行|开展|组织|参加|开幕"),
    "救济": re.compile(r"发放|送|提供|临时"),
    "先锋岗": re.compile(r"设立|设置|创建|评选|开展"),
    "党建联盟": re.compile(r"成立|组建|建立|打造"),
    "支部共建": re.compile(r"开展|签约|结对"),
    "党纪学习": re.compile(r"开展|组织|教育|专题"),
    "主题教育": re.compile(r"开展|组织|参加|学习"),
    "绿色通道": re.compile(r"开通|开辟|设立|建立"),
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
}

# What may not follow (宣传部, 检查站, 调研主题) or precede (技改造, 消除) a trigger.
_AFTER_BLOCK: dict[str, re.Pattern[str]] = {
    w: re.compile(p)
    for w, p in {
        "宣传": r"部|统战|委员",
        "检查": r"站|组",
        "会议": r"室|精神",
        "执法": r"局|队|人员|部门|中队|大队",
        "调研": r"员|主题|课题|报告|成果|组",
        "党建": r"引领",
        "走访": r"慰问",
        "门诊": r"部|量|楼|大厅|收入",
        "监管": r"局|所|部门",
        "热线": r"电话",
        "整改": r"完成率|率",
        "督导": r"组",
        "巡逻": r"队",
        "调度": r"中心",
        "讲解": r"员",
        "清理": r"欠|拖欠|整顿",
        "清洁": r"能源|取暖|生产|供暖|燃料",
        "义务": r"教育|兵",
        "调查": r"处理|取证|核实",
        "募集": r"资金(?!用于)",
        "稽查": r"局|队|大队|支队",
        "督察": r"组|局|员",
        "巡检": r"员",
        "展板": r"上",
        "常委会": r"委员|副主任|主任",
        "代表大会": r"代表|常务",
        "审批": r"局|科|服务局",
        "普查": r"员|办|办公室",
    }.items()
}
_BEFORE_BLOCK: dict[str, str] = {
    "改造": "技术化型",
    "宣传": "不",
    "清除": "消",
    "硬化": "脉",
    "调查": "案",
}

ACTION_VERBS = re.compile(
    r"开展|组织|举办|举行|召开|进行|实施|启动|发放|走进|深入|参与|参加|投身|成立|组建|邀请|联合|推出|开设|"
    r"设立|打造|建成|完成|上门|入户|来到|前往|提供|开启|搭建|建立|创建|开办|做实|招募|动员|发动|带领|"
    r"通过|利用|依托|先后|累计|共计|协调|推行|赴|送|向|组成|加入|变身|正在|帮助|下沉|投入|分成|分赴|"
    r"自发|轮流|经常|定期|每周|每月|每天|常态化"
)

# Plan and directive markers. Each alternative starts with a literal character (a lookbehind
# comes after it), so the regex engine can skip ahead to candidate characters.
_PLAN_HARD = re.compile(
    # plans and the future
    r"下一步|下阶段|下一阶段|接下来|今后|以后(?<![之了束完后]以后)|将来|未来|计划|拟(?<![模虚草]拟)|即将|"
    r"准备(?=开展|举办|组织|在|于|将)|打算|届时|力争|争取|预计|有望|目标是|目标为|"
    + "|".join(f"{w}会(?![议员长场所上])" for w in "还也仍都就")
    + r"|想(?<![思理设梦感回联构猜]想)(?![法象到起念必方])|"
    # directives, appeals and conditions: what follows is asked for, not reported as done
    r"强调[，,:：]|指出[，,:：]|要求|务必|必须|应当|应该|需要|亟需|亟待|仍需|还需|尚需|"
    r"应(?=加强|严格|切实|及时|按照|做好|积极|主动|认真|进一步|充分|坚持|确保|立即|尽快|依法)|"
    r"如果|如有|一旦"
)
# Appeals and aims: the rest of their clause is asked for or aimed at, not reported as done
# (倡议市民参与志愿服务, 确保年底前完成改造); the clauses after them may report acts again.
# (在…号召下 is how an act came about, not an appeal.)
_APPEAL = re.compile(r"倡议(?![书下])|倡导(?!下)|号召(?!下)|呼吁(?!下)|鼓励(?!下)|希望(?!小学|工程)|确保")
_FUTURE_JIANG = re.compile(
    r"将(?:(?<![即也还又都并正就]将)(?=持续|继续|进一步|常态化|把|推进|加大|全面|不断|深入|积极|大力|切实|坚持|努力|"
    r"着力|以|在|于|发挥|开展|举办|组织|启动|实施|建立|推动|加快|加强|围绕|聚焦|重点|创新|用|陆续|逐步|"
    r"适时|定期|集中|统筹|为|始终|更加|联系|做好|继续|和|与|同|跟|会|要|进行|成为|投入|全力|精心|送|走进|前往|赴|"
    r"来到|推出|上线|建成|完成|实现|达到|迎来|举行|召开|邀请|带领|正式|首次|陆续|分批|针对|对)"
    r"|(?<=[即也还又都并正就]将))"
)
_DIRECTIVE_YAO = re.compile(r"要(?<![主重需只必想纪摘提扼紧次首简概不]要)(?![求点素闻害职事道务件不])")
# 按照…要求, 根据…需要: a standard followed, not a directive.
_STANDARD_FOLLOWED = re.compile(r"(?:按照|根据|依照|对照|按|结合|围绕|满足|针对)[^，,。]{0,24}$")
_NEGATED = re.compile(r"(?:不(?<!不不)(?![断定停少仅但时久打])|未|没有|禁止|严禁)[^，,。、；;]{0,5}$")
# A trigger that qualifies a system, capacity or standard (志愿服务体系, 医疗服务能力, 执法水平).
_ABSTRACT_AFTER = re.compile(
    r"体系|机制|制度|能力|水平|格局|意识|理念|精神|氛围|质量|效能|短板|需求|政策|标准|规范|职能"
    # a statistic about the activity, not the activity (垃圾分类覆盖率达90%, 志愿服务参与人数同比增长)
    r"|[\u4e00-\u9fff]{0,5}?(?:率(?!先)|人数|件量|数量|总量|人次数|规模)(?=[为是达超过近约同比环比较增降下提上突破0-9%，,。；;])"
)
# A tally after a trigger's object: what was done, counted or measured (检查沿街商户98家, 召开议事会十二次,
# 清运垃圾40吨) in the units metrics.py reads; a duration or a rate is no tally of work.
_TALLY_UNITS = sorted((u for u, kind in UNIT_KIND.items() if kind not in ("duration", "percent", "other")), key=len, reverse=True)
_COUNTED = re.compile(
    r"[^，,。；;、0-9一二三四五六七八九十两]{0,10}?(?:共|累计|达|超过|逾|近|约)?"
    r"(?:[0-9][0-9.,]*|[一二三四五六七八九十两百千]+)[万亿]?(?:余|多)?"
    r"(?:" + "|".join(map(re.escape, _TALLY_UNITS)) + ")"
)
# 把…作为/当作/列为/纳入…: the trigger is what a policy is about, not an act (把志愿服务作为重要抓手).
_AS_POLICY = re.compile(r"[把将]")
_AS_POLICY_AFTER = re.compile(r"作为|当作|当成|列为|纳入|摆在|放在")
# A trigger that only names a step of a mechanism or system the clause describes.
_DESCRIBED = re.compile(r"[^，,。；;“”]{0,12}的[\u4e00-\u9fff]{0,6}(?:机制|制度|模式|体系|工作法|办法|流程|格局)")
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
    r"环境|卫生|垃圾|杂物|违建|违章|线缆|绿化|人居|村容|河道|市容|私搭乱建|底商|牛皮癣|小广告|乱堆|坑洼|道路"
)
_ORDER_OBJECTS = re.compile(r"问题|违法|违规|行为|乱象|经营|占道|摊|商户|门店|餐饮|食品|安全|秩序|停放|停车")
_VOLUNTEER_PATROL = re.compile(r"志愿|义务|自发|楼门长|楼长|居民|老人|党员|轮流")

# A clause opening with a place name is its subject (白河县组织开展…, 东城区以…为抓手).
_REGION_NAME = (
    r"[\u4e00-\u9fff]{1,8}(?:自治县|自治州|开发区|高新区|新区|区(?![域委政长内外级划块])|县(?![委政长级城域])|"
    r"市(?![场民委政级区长直属容貌面域内外])|镇(?![村街政长])|乡(?![村镇亲土愁贤情]))"
)
_REGION_SUBJECT = re.compile(f"({_REGION_NAME})(?=[\u4e00-\u9fff])")
_REGION_BAD_CHARS = re.compile(r"[对在为由们于我他她与和随着已举办开设立经过把将让被从向的了是有这那各该本全辖]")
_REGION_GENERIC = re.compile(
    r"(?:[山城市社小辖园景郊片街老校商矿库灾牧林湖厂]区|[城都超股集门上夜菜]市|[城乡村古小重集]镇|"
    r"[城下家老返还故回同异他]乡)$"
)
# Leading words that do not belong to the subject: time, datelines, connectives.
_LEAD_WORDS = (
    "本报讯 近日 连日来 日前 近期 前不久 今年以来 去年以来 近年来 目前 截至目前 同时 此外 如今 当天 当日 随后 其中 另外 "
    "与此同时 据悉 据了解 在此基础上 首先 其次 最后 一是 二是 三是 四是 五是 春节前夕 节日期间 节前 节后"
).split()
# Datelines (本报石家庄2月4日电, 新华社北京2月4日电) and dates (2月3日上午) opening a clause.
_LEAD_DATES = r"(?:本报|新华社)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚|当天)?"
_BULLETS = "#■□●○◆◇▲△▶►★☆•·"
_CLAUSE_LEAD = re.compile(
    r"(?:\s|[" + _BULLETS + r"]|（[^）]{0,30}）|\([^)]{0,30}\)|" + _LEAD_DATES + "|" + "|".join(_LEAD_WORDS) + ")*"
)
# Pronouns and references that point back to the current subject.
_BACK_REFERENCE = re.compile(r"(?:他们|她们|该区|该县|该市|该镇|该乡|该局|该院|该中心|该社区|全区|全县|全市|全镇|全乡)")
_FIRST_PERSON = re.compile(r"我(?:院|局|们|市|县|区|镇|乡|校|司|行|所|委|办|中心|单位|部)")
# A clause whose first character is none of these (and not a space) has no lead, back-reference
# or first person: only a mention or a place name can open it.
_OPENING_FIRST = frozenset(_BULLETS + "（(我他她该全本新" + "".join(w[0] for w in _LEAD_WORDS))
# Every place name _REGION_NAME matches ends in one of these, within 11 characters.
_REGION_LAST = re.compile("[区县市镇乡州]")
# A clause can name a new subject only by a mention, 我… or a place name (which has one of 区县市镇乡州).
_SUBJECT_MARK = re.compile("[我区县市镇乡州]")
# What opens a clause, in one match: the lead, then a back-reference, the writer's own body or a
# place name (tried in that order; an organisation mention right after the lead comes first).
_CLAUSE_OPENING = re.compile(
    f"(?P<lead>{_CLAUSE_LEAD.pattern})"
    f"(?:(?P<back>{_BACK_REFERENCE.pattern})|(?P<first>{_FIRST_PERSON.pattern})|(?P<region>{_REGION_NAME})(?=[\u4e00-\u9fff]))?"
)
_PLACE = re.compile(
    r"(?:走进|深入到|深入|来到|前往|在(?<![正现所存实内外]在)|到(?<![达做办得送回直]到)|赴|进(?<![推促先引改跟]进)|下沉至|下沉到)"
    r"((?:[\u4e00-\u9fff]{2,30})(?:社区|村|小区|街道|广场|公园|学校|医院|实践站|实践所|中心|大厅|会议室|门口|路|街|"
    r"镇|乡|市场|商圈|游园|楼前|院内|企业|校园|营业厅))(?=[，,、。；;：:（(]|[开进组举召为对向与和等参慰走讲宣]|$)"
)
_PLACE_BAD = re.compile(r"^(?:各|辖区|基层|一线|所在|有关|相关|深入|走进|企业$|社区$|村$|小区$|学校$|医院$)")
_NAME_AFTER = re.compile(
    r"^(?:主题活动|系列活动|主题党日|活动|为主题|主题|志愿服务|专项行动|行动|进社区|进校园|进农村|进企业|进机关|"
    r"模式|品牌|机制|平台|小程序|工程|项目|服务|讲堂|课堂|宣讲|比赛|竞赛|大赛|评选|晚会|演出|展览|培训|会)"
)
_NAME_BEFORE = re.compile(r"(?:开展|以|启动|举办|举行|组织|推出|创新|推行|开发了|建立|打造|开设|实施)$")


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
    """Quotation spans in ``text[a:b]`` as (start, end, is_name): short ones are names, long ones speech."""
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
        i = j + 1
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


def _plan_cut(text: str, s: int, e: int, names: list[tuple[int, int]]) -> int:
    """Position from which the sentence ``text[s:e]`` speaks of plans or directives (``e`` if never).

    Markers inside quoted names and slogans (“陋习要不得”) do not count.
    """
    cut = e
    for rx in (_PLAN_HARD, _FUTURE_JIANG, _DIRECTIVE_YAO):
        for m in rx.finditer(text, s, e):
            if any(x < m.start() < y for x, y in names):
                continue
            if m.group(0)[:2] in ("强调", "要求", "指出", "需要") and _STANDARD_FOLLOWED.search(
                text[max(s, m.start() - 26) : m.start()]
            ):
                continue  # 按照…要求，: a standard followed, not a directive
            cut = min(cut, m.start())
            break
    return cut


# Repairs of personal goods are a service to residents, not infrastructure work.
_PERSONAL_REPAIRS = re.compile(r"家电|电器|手表|钟表|雨伞|自行车|衣服|衣物|鞋|手机|磨刀|理发|电脑")
_REPAIR_WORDS = {"修理", "维修", "修复", "修好", "修补"}
_CONTEXT_TYPED = {"整治", "集中整治", "专项整治", "巡逻"}  # words whose type depends on their object or doer


def _resolve_type(word: str, activity_type: str, clause: str, sentence: str) -> str | None:
    if word in _REPAIR_WORDS and _PERSONAL_REPAIRS.search(clause):
        return None
    if word.endswith("整治"):
        if _ORDER_OBJECTS.search(clause):
            return "inspection_enforcement"
        return "environment_infrastructure" if _ENV_OBJECTS.search(clause) else "inspection_enforcement"
    if word == "巡逻":
        return "volunteer_service" if _VOLUNTEER_PATROL.search(sentence) else "inspection_enforcement"
    return activity_type


def _org_mentions(
    text: str, spans: list[tuple[int, int]], organizations: Sequence[ParsedOrganization]
) -> list[tuple[int, int, str]]:
    """Every occurrence of the article's organisation names inside its paragraphs, longer names first."""
    if not organizations or not spans:
        return []
    names = sorted({o.name for o in organizations}, key=len, reverse=True)
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    lo, hi = ordered[0][0], max(b for _, b in ordered)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # spans never overlap, so one list serves them all
    for name in names:
        n = len(name)
        i = text.find(name, lo, hi)
        while i != -1:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + n <= ordered[k][1] and not any(x <= i < y or x < i + n <= y for x, y in taken):
                found.append((i, i + n, name))
                taken.append((i, i + n))
            i = text.find(name, i + 1, hi)
    return sorted(found)


def _clause_subject(text: str, cs: int, ce: int, mention_at: dict[int, str], sentence_end: int) -> str | None:
    """The organisation or place opening the clause ``text[cs:ce]``; None for 他们/该区 … (the subject goes on)."""
    c0 = text[cs]
    if c0 not in _OPENING_FIRST and "\u4e00" <= c0 <= "\u9fff":
        # The common case, decided without the full pattern: no lead, so a mention or a place opens it.
        if cs < sentence_end and cs in mention_at:
            return mention_at[cs]
        if _REGION_LAST.search(text, cs + 1, min(ce, cs + 11)) is None:
            return None
        m = _REGION_SUBJECT.match(text, cs, ce)
        return _region_subject(m.group(1)) if m else None
    m = _CLAUSE_OPENING.match(text, cs, ce)
    start = m.end(1)
    if start < sentence_end and start in mention_at:
        return mention_at[start]
    opening = m.lastgroup  # "lead" when nothing follows it
    if opening == "region":
        return _region_subject(m.group("region"))
    return "" if opening == "first" else None  # 我院, 我局: the writer's own body, not named; 他们 goes on


def _region_subject(region: str) -> str | None:
    """A place name opening a clause, unless it is too short, generic or holds a verb."""
    if (
        len(region) >= 2
        and not _REGION_BAD_CHARS.search(region)
        and not _REGION_GENERIC.search(region)
        and not _STOP_RE.search(region)
    ):
        return region
    return None


def _qualify(name: str | None, pos: int, mention_at: dict[int, str]) -> str | None:
    """Make a back-reference like 社区党委 specific with the community last named (红星社区党委)."""
    if not name:
        return name
    for generic in ("社区", "村", "公司"):
        if name.startswith(generic) and len(name) > len(generic):
            for full in reversed([full for start, full in mention_at.items() if start < pos]):
                if full.endswith(generic) and len(full) > len(generic) and not full.startswith(generic):
                    return full + name[len(generic) :]
            break
    return name


def _name(text: str, clause: tuple[int, int], names: list[tuple[int, int]]) -> str | None:
    """The activity's own name: a quoted name the clause introduces (开展“…”活动, 以“…”为主题)."""
    for x, y in names:
        if clause[0] <= x and y <= clause[1] and text[x] != "《":
            follow = text[y : min(clause[1], y + 12)]
            follow = re.sub(r"^[\u4e00-\u9fff]{0,6}?(?=主题活动|系列活动|活动|志愿服务|专项行动)", "", follow)
            lead = text[max(clause[0], x - 4) : x]
            if _NAME_AFTER.match(follow) or (_NAME_BEFORE.search(lead) and re.match(r"[“‘\"]", text[x])):
                inner = text[x + 1 : y - 1].strip()
                if 2 <= len(inner) <= 30:
                    return inner
    return None


def _place(clause_text: str) -> str | None:
    """Where it happened, when the clause says so (走进X村, 在X社区, 到X小区)."""
    for m in _PLACE.finditer(clause_text):
        place = m.group(1).removeprefix("了")
        if not _PLACE_BAD.match(place):
            return place
    return None


def _place_span(text: str, cs: int, ce: int) -> tuple[int, int] | None:
    """Where in ``text`` the clause ``text[cs:ce]`` names its place (as ``_place`` finds it), if it does."""
    clause = text[cs:ce]
    place = _place(clause)
    if place is None:
        return None
    i = clause.find(place)
    return (cs + i, cs + i + len(place))


@dataclass(frozen=True, slots=True)
class _PageScan:
    """What one pass over a whole page finds; each article then takes the part inside its paragraphs."""

    text: str
    triggers: list[tuple[int, str, str]]  # (start, word, type), in the automaton's order (by end)
    trigger_ends: list[int]  # index of each trigger's last character, ascending
    quote_opens: list[int]
    clause_splits: list[int]
    sentence_ends: list[int]
    regex_triggers: tuple[tuple[re.Pattern[str], str, str], ...]  # those whose needed word occurs on the page
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
        regex_triggers=tuple(
            (rx, kind, lit) for (rx, kind), lit in zip(REGEX_TRIGGERS, _REGEX_TRIGGER_NEEDS, strict=True) if lit in text
        ),
        plan_marks=sorted(m.start() for rx in (_PLAN_HARD, _FUTURE_JIANG, _DIRECTIVE_YAO) for m in rx.finditer(text)),
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


# Literal words without which the regex triggers cannot match: a cheap test before running them.
_REGEX_TRIGGER_NEEDS: tuple[str, ...] = ("志愿者", "意见", "队", "会", "发放")
_PURPOSE_FIRST = "为旨"  # first characters of a _PURPOSE match


def extract_activities(
    text: str, spans: list[tuple[int, int]], organizations: Sequence[ParsedOrganization]
) -> list[ParsedActivity]:
    """Activities reported in an article's paragraphs ``spans``, in text order (one per clause and type)."""
    mention_at = {start: name for start, _end, name in _org_mentions(text, spans, organizations)}
    mention_starts = list(mention_at)  # ascending
    out: list[ParsedActivity] = []
    seen: set[tuple[str, int, int]] = set()
    subject: str | None = None  # the article's current subject, carried across sentences
    for a, b in spans:
        subject = _paragraph_activities(text, a, b, mention_at, mention_starts, seen, subject, out)
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
    scan = _page_scan(text)
    # No trigger spans a sentence break, so the hits fall into the sentences in order.
    ends_at = scan.trigger_ends
    found = [h for h in scan.triggers[bisect_left(ends_at, a) : bisect_left(ends_at, b)] if h[0] >= a]
    regex_ok = (
        tuple((rx, kind) for rx, kind, lit in scan.regex_triggers if text.find(lit, a, b) != -1) if scan.regex_triggers else ()
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
            if j == k and not regex_ok and not _SUBJECT_MARK.search(text, s, e) and not _any_between(mention_starts, s, e):
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
                    name = _clause_subject(text, cs, ce, mention_at, e)
                    if name is not None:
                        subject = name or None
                clause_subjects.append(subject)
            # A sentence without any marker (the page-wide scan says where they may be) has no plan.
            cut = _plan_cut(text, s, e, names) if _any_between(plan_marks, s, e) else e
            effective_cut = s if planning else cut
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
    for pos, word, activity_type in found:
        if pos >= cut:
            continue
        blocker = _AFTER_BLOCK.get(word)
        if blocker and blocker.match(text, pos + len(word)):
            continue
        before_block = _BEFORE_BLOCK.get(word)
        if before_block and pos > 0 and text[pos - 1] in before_block:
            continue
        idx = bisect_right(starts, pos) - 1
        if idx < 0 or idx in purpose:
            continue
        cs, ce = clauses[idx]
        if pos >= ce:
            continue
        window = max(cs, pos - 6)
        for _x, y in names:
            if window < y <= pos:
                window = y  # a negation inside a quoted name (“不打烊”) is part of the name
        if _NEGATED.search(text, window, pos):
            continue  # 未安装, 不按规定安装, 未能得到整治
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
            # A trigger with its tally after it (检查沿街商户98家, 受理诉求2500余件) reports work done.
            if not ok and not _COUNTED.match(text, pos + len(word), ce):
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
            place_at[idx] = _place_span(text, cs, ce)
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
            while q_start < ce and (text[q_start] in _BULLETS or text[q_start].isspace()):
                q_start += 1
            out.append(
                ParsedActivity(
                    activity_type=activity_type,
                    organizer=_qualify(clause_subjects[idx], cs, mention_at),
                    name=_name(text, (cs, ce), names) if names else None,
                    place=_place(text[cs:ce]),
                    start=q_start,
                    end=ce,
                )
            )
