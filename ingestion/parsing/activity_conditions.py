"""What an activity trigger needs around it, and what rules it out (the conditions of ``activity_lexicon``).

Read by ``activities.py`` with the trigger words of ``activity_lexicon.py``:

* ``NEEDS``: words that count only with one of the given verbs in their clause (手册 only when
  发放, 小程序 only when 开发/推出 …), where the general action verbs would not do.
* ``AFTER_BLOCK``: what may not follow a word (宣传部 is an office, 检查站 a place, 运送难 a problem).
* ``BEFORE_BLOCK``: what may not come right before a word (技改造, 虚假宣传, 游客…询问).
"""

from __future__ import annotations

import re

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
    "驿站": re.compile(r"打造|建成|建立|成立|开设|设立|创建|建设|建起|新建|布局"),
    "惩戒措施": re.compile(r"采取|实施|出台|联合"),
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
    # a lantern fair or show held, set up or come round again (灯展为期一周, 花灯会如约而至)
    **dict.fromkeys(("灯会", "灯展", "花灯展"), re.compile(r"举办|举行|开展|开幕|观赏|逛|如约|亮相|布置|为期|点亮|亮灯")),
    # walls, dykes and houses made safe (加固河堤, 防风加固), not a policy or a defence line "reinforced"
    "加固": re.compile(r"堤|坝|房|屋|桥|护坡|围堰|河|墙|路基|棚|门窗|防风|危房|校舍|船|设施|堰|涵|闸|山体|边坡"),
    # experience shared as an exchange held (导师与青年进行分享交流), not guests chatting at a party
    **dict.fromkeys(("分享交流", "交流分享"), re.compile(r"进行|开展|组织|举办|举行")),
    # building started on projects or homes (棚改开工577万套, 项目主体开工), not a factory back at work
    "开工": re.compile(r"项目|工程|棚改|棚户区|改造|[\d万千百十]套|建设|主体|道路|公路|铁路|桥|住房|房屋|设施|场馆"),
    # a groundbreaking or signing ceremony held (集中开工活动举行, 签约仪式): an event, a kind of meeting
    **dict.fromkeys(("开工活动", "开工仪式", "开工典礼"), re.compile(r"举行|举办|出席|参加|启动|现场")),
    "签约": re.compile(r"举行|举办|出席|仪式|现场|集中|签约了|签约项目"),
    # a health exercise taught or practised as a pastime, not one prescribed in a ward
    **dict.fromkeys(("八段锦", "五禽戏"), re.compile(r"教|练|学|打|表演|展示|带领|跟着")),
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
        "议事": r"日程",  # 提上议事日程: put on the agenda, no meeting held
        "开工": r"活动|仪式|典礼|现场|率",  # a groundbreaking ceremony is an event held (a meeting); 开工率 a rate
        "送医": r"用|疗器械|疗物资",  # 发送医用防护服, 送医疗物资: supplies sent, not doctors
        "关停": r"后|时|以后|之后|的",  # 企业关停后: when a plant closed, no closure ordered
        "共商": r"共建",  # 共商共建共享: a principle of cooperation, not talks held
        "会议": r"室|精神|[^，,。；;]{0,10}?驻地",  # …会议广西代表团驻地: where a delegation stays
        "执法": r"局|队|人员|部门|中队|大队|安全|合作",  # 执法安全合作: a field of cooperation agreed
        "调研": r"员|主题|课题|报告|成果|组|大队|支队|中队|处|科|室|中心",
        "滑雪": r"场|服|板|鞋|道",  # a ski slope or gear named, no skiing reported  # 情报调研大队副大队长: an office
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
        # irrigation water, area or systems named (灌溉用水, 有效灌溉面积): a resource or a statistic
        "灌溉": r"用水|水源|面积|定额|系数|条件|设施|方式|技术",
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
        "援建": r"干部|人员|队|工作|任务|资金|方|省|城市|单位|机制|地区",
        "检查": r"站|组|报告|身体",  # 检查身体: a health check (care), no inspection
        # a rescue team or office named (救援队, 应急救援中心), and 抢险救援, which is rescue
        "救援": r"队|站|中心|人员|力量|机构|装备|物资|体系|能力|部门|支队|大队|总队|局|车|通道|工作",
        # …and 抢险 named, or as the time of something else (抢险队, 抗洪抢险的场景, 抢险后)
        "抢险": r"救援|队|小分队|人员|力量|物资|车|中心|工作|的|后|时|中|期间|以来",
        "抢修": r"班|队|人员|车|中心|一线|工作|的|后|时",
        "泄洪": r"通道|区|口|道|闸|洞|能力",
        "演奏": r"家|室|厅|版|者",  # a doctor's questions are care, not a survey
    }.items()
}
# What may not come before a trigger in its clause: a pattern ending where the trigger starts
# (技改造, 健身大会, or words further back: 向…政府和人民致以诚挚慰问).
BEFORE_BLOCK: dict[str, re.Pattern[str]] = {
    w: re.compile(p)
    for w, p in {
        "大会": r"[身动育高球术歌舞灯花食庙书赛艺跑游山泳骑棋]$",  # 健身大会, 运动大会: a sports or culture event, not a meeting
        "改造": r"[技术化型]$",
        "宣传": r"不$|虚假$",  # 虚假宣传类案件: false advertising, a kind of case
        "调研": r"式$",  # “走马观花”式调研: a manner of research criticised, none done
        "清除": r"[消点]$",  # 消除; 定点清除 (a targeted killing), not a clean-up
        "硬化": r"脉$",
        "调查": r"案$",
        "讲述": r"[影片剧品说书》]$",  # 影片讲述, 该剧讲述: a work's plot, not a story told
        # sympathy between governments and peoples, in words (向巴政府和人民致以诚挚慰问, 各国领导人…表示慰问和
        # 支持): no visit, no help (two blind annotators of three); sympathy to a family (向其亲属表示慰问) stays
        "慰问": r"(?:政府|人民|国家|领导人|中方|各国|国际)[^。；;]{0,40}?(?:致以|表示|转达|致)[^，,。；;]{0,6}$",
        # a draft to be put before a session (将按程序提请…会议审议), not a deliberation held
        "审议": r"(?:提请|提交|报请|交由|将)[^，,。；;]{0,24}$",
        # investors looking a place over (拉个企业来考察, 客商前来考察), not research done
        "考察": r"(?:企业|客商|投资商|投资者|外商|老板)(?:前?来|过来)?$",
        # onlookers or customers asking (观众驻足、询问; 每次有人询问): no one surveyed
        "询问": r"(?:观众|游客|市民|路人|顾客|网友|行人|有人|不少人|许多人|很多人)[^，,。；;]{0,6}$",
        "决赛": r"技能(?:大赛|竞赛|比赛)[^，,。；;]{0,16}$",  # a skills contest's final: training, no sport
        "监测": r"体质$",  # 国民体质监测: a health check of people (medical), no inspection
        "立案": r"(?:网上|在线|网络|线上)$",  # 网上立案: a court's service to litigants, no case opened on anyone
    }.items()
}
