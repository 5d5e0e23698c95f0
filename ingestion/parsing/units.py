"""Units of measure for metrics: the measure words and units printed after a number, with their kinds.

Read by ``metrics.py`` (which numbers are metrics, and of what) and ``activities.py``
(a tally after a trigger's object). ``UNIT_BLOCKERS`` says which characters after a
unit make it the first half of another word (家庭, 支部, 处理), and
``CN_SINGLE_DIGIT_BAD_UNITS`` which units a single Chinese digit does not count with
(一批, 两手).
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Units: the measure word or unit printed after the number, with its kind.
# ---------------------------------------------------------------------------
_UNIT_KINDS: dict[str, tuple[str, ...]] = {
    "count": (
        "人次",
        "人份",  # doses or test kits: 检测试剂盒7341万人份
        "人年",  # person-years of research work (研发人员全时当量572万人年)
        "人",
        "名",
        "位",
        "户次",
        "户",
        "家",
        "个",
        "次",
        "场次",
        "场",
        "条",
        "处",
        "支",
        "栋",
        "幢",
        "座",
        "项",
        "件次",
        "件套",
        "件",
        "所",
        "台次",
        "台",
        "辆次",
        "艘次",  # ship voyages: 开行315艘次
        "辆",
        "份",
        "批次",
        "批",
        "期",
        "盏",
        "类",
        "棵",
        "株",
        "块",
        "套",
        "张",
        "本",
        "册",
        "页",
        "篇",
        "部",
        "间",
        "片",
        "根",
        "种",
        "起",
        "例",
        "宗",
        "头",
        "只",
        "匹",
        "艘",
        "架次",
        "架",
        "幅",
        "面",
        "箱",
        "袋",
        "盒",
        "桶",
        "瓶",
        "双",
        "组",
        "轮",
        "单",
        "笔",
        "枚",
        "尊",
        "车次",
        "班次",
        "趟",
        "门",
        "口",
        "节",
        "堂",
        "课",
        "首",
        "封",
        "张次",
        "所次",
        "余人",
        "副",
        "届",
        "款",  # 两百余款产品
        "对",  # 结成帮扶对子146对; not 对于, 对接, 1对1
        "字",  # 铭文近6000字; Arabic numerals only (八字方针 is a slogan)
        "列",  # 中欧班列开行1万列; not 列车, 列入
        "章",  # 条例共10章62条; not 章程
        "步",  # 每天走2万步; a single Chinese digit is a manner (一步, 两步走)
        "颗",  # 五十颗元宵
        "碗",  # 上百碗元宵
        "圈",  # 绕赤道5圈; not 圈子, 圈内
        "包",  # 领到3包种子; Arabic numerals only (三包 is a warranty)
        # countries, provinces, cities and courses counted with Arabic numerals (59国人员, 也门南部5省, 42城公交,
        # 拉出7道彩烟); 两国, 三道 are as often names and manners
        *("国", "省", "城", "道", "县", "市"),
        "方面",  # 提出十方面措施; not 一方面 (on the one hand)
        "集",  # episodes: 该剧仅用4集; not 集体, 集中
        *("人口", "老年人", "老人", "年轻人", "病人", "工人", "客人", "游人"),  # read as 人 (UNIT_ALIAS)
    ),
    "money": (
        "元",
        "块钱",
        # foreign currencies, as printed (50亿美元, 20亿卢比)
        *("美元", "欧元", "港元", "澳门元", "日元", "英镑", "韩元", "澳元", "加元", "新台币", "卢比", "卢布"),
        *("泰铢", "林吉特", "比索", "雷亚尔", "兰特", "法郎", "瑞郎", "迪拉姆", "里亚尔", "第纳尔", "坚戈", "先令"),
        *("奈拉", "越南盾", "索姆", "克朗", "里拉", "兹罗提", "福林", "列伊", "塔卡", "基普", "瑞尔", "缅元"),
    ),
    # ‰: per mille; 基点: a hundredth of a percentage point
    "percent": ("%", "％", "‰", "个百分点", "百分点", "成", "个基点", "基点"),
    "area": ("平方米", "平方公里", "平方千米", "平米", "亩", "公顷", "㎡", "垧"),
    "length": ("皮长公里", "芯公里", "芯千米", "公里", "千米", "延米", "米", "厘米", "毫米"),
    "weight": ("吨", "公斤", "千克", "斤", "克"),
    "duration": (
        "个工作日",
        "工作日",
        "个年头",  # 走了12个年头
        "个小时",
        "小时",
        "分钟",
        "秒",
        "天",
        "个月",
        "个星期",
        "周",
        "年",
        "课时",
        "学时",
        "个季度",
        "个昼夜",
        "昼夜",
    ),
    "other": (
        *("倍", "立方米", "方", "升", "毫升", "户籍"),
        # power, energy and force (120万千瓦, 3.6亿千瓦时, 500千牛, 1000千伏)
        *("千瓦时", "兆瓦时", "千瓦", "兆瓦", "吉瓦", "千伏", "千牛", "牛顿", "马力", "千卡"),
        # transport work: freight and passengers carried a distance (运输总周转量1292.7亿吨公里)
        *("吨公里", "人公里"),
        *("摄氏度", "℃", "分贝", "标准箱", "标箱", "海里"),
        "级",  # wind force and earthquake magnitude only (阵风7级, 4—5级偏北风, 6.2级地震); not 三级医院
        "分",  # points of a score (得分92.5分, 拿下46分); Arabic numerals only, not a clock's minutes
    ),
}
UNIT_KIND: dict[str, str] = {u: kind for kind, units in _UNIT_KINDS.items() for u in units}
UNIT_KIND.pop("户籍")  # listed only so that "户籍" never reads as 户 + 籍
UNIT_KIND.pop("方")  # too often a non-unit (多方, 六方参与); cubic metres are 立方米
UNIT_KIND.pop("余人")
# Nouns of people printed where the measure word would be (8.2万多人口, 2.2万多老年人): the unit is 人.
UNIT_ALIAS: dict[str, str] = dict.fromkeys(("人口", "老年人", "老人", "年轻人", "病人", "工人", "客人", "游人"), "人")
UNIT_ALT = "|".join(re.escape(u) for u in sorted(set(UNIT_KIND) | {"户籍"}, key=len, reverse=True))

# Words that begin with a blocker yet follow the unit as its noun (1万余家中小企业: not 家中, "at home").
UNIT_BLOCKER_EXCEPTIONS: dict[str, re.Pattern[str]] = {
    "家": re.compile(r"中(?:小|资|外|央)"),
    "位": re.compile(r"数字"),  # 137位数字经济领军人物: people, then 数字经济
    "名": re.compile(r"义(?:工|务|警)"),  # 280余名义工: volunteers, not 名义 (in name)
    "成": re.compile(r"都(?!市)"),  # 九成都返京: nine tenths all came back (成都市 stays the city's)
}
# A unit followed by one of these characters is the first half of another word
# (家庭, 支部, 处理, 名单, 场所 …), not a measure word.
UNIT_BLOCKERS: dict[str, str] = {
    "国": "际庆家考内外产企有资务旗歌徽门土籍情策学画货军宝营标防道力库",
    "位": "数于置",  # 两位数衰退: double digits; 位于, 位置
    "集": "体中团结合市镇装资聚训成群思邮约会散锦",
    "省": "市区份委级长内外钱力心事会略去得",
    "市": "场民区委长级政值面县州内外辖属直中镇",  # 5市场主体, 市民, 市区: not cities counted
    "县": "城委级区域长乡市内外镇",
    "城": "市区乡镇际墙管建关里中门堡楼池",
    "道": "路理德教歉具别谢义观家口题",
    "家": "庭长属乡中里",
    "人": "民员工口才力气们",
    "名": "义称单片胜列额字",
    "支": "部持援出付撑队伍",
    "处": "理置罚长级室分于在",
    "项": "目链",
    "所": "有以谓属在长",
    "场": "所景馆面合景地",
    "台": "账阶湾上",
    "期": "间待望限盼工项",
    "批": "示评准复",
    "份": "额子",
    "座": "谈位右",
    "次": "日年序要级产",  # 三次产业: the three sectors
    "圈": "子内层套养外",
    "包": "括装含容干联保袱裹厢间车机户片子",
    "天": "然津下空地使",
    "年": "级代度龄轻纪终底初中行计规攻义",  # …, 九年义务教育
    "周": "边围末岁年到",
    "元": "旦素宵老首",
    "米": "饭粮面栏蛙仰蝶",  # 110米栏, 100米蛙泳: a race, named by its distance
    "克": "服难",
    "公斤": "级",  # 女子50公斤级: a weight class
    "千克": "级",
    "条": "件例款约幅",
    "件": "事",
    "页": "面岩码脚眉",  # 页面, 页岩 (shale), 页码
    "本": "地级届次人着质领",
    "部": "门分署长队委",  # 四部委: four ministries, no count of 部
    "面": "对向临貌积",
    "口": "号罩岸径子",
    "门": "口店前诊",
    "节": "日约能点目气",  # 二十四节气: the solar terms
    "起": "来到步点草",
    "块": "钱儿",
    "间": "隔断",
    "单": "位元独纯",
    "笔": "者记",
    "头": "脑",
    "课": "题程堂",
    "首": "都先次位府",
    "成": "为功立员本果效绩长就交品人型年熟新都活群片规网形",
    "倍": "增",
    "双": "方向手",
    "组": "织建成长",
    "轮": "流车番胎椅",  # 三轮车, 两轮番 …
    "种": "植类子",
    "个": "人体",
    "副": "主市省县区局长总书部厅处科院校理秘经队组",  # 副市长, 副主任: a deputy, not a pair
    "款": "式项待额子",
    "对": "于面话象外接照比付待应称准抗立口手方策症标表路岸",
    "字": "号母节头幕样眼句",
    "列": "车入出举为席队表岛强支",
    "章": "程法节",
    "步": "伐骤入行调子态",
    "碗": "筷",
    # 十三届全国人大, 十九届四中全会: the session's name, not a count of sessions
    "届": "全中人政委省市县区世国亚奥党常一二三四五六七八九十",
    # 分别, 分享, 分析, 分局 …; 分之 is a share, 2分12秒 a time, 1分钱 money
    "分": "别享配析类布成为期批散工管队院行局会社公中流摊担离段级化解身手明外量数子厂店部所支区站片组拣头红送发派包拨赴"
    "秒半钱厘之0123456789",
}

# Units whose numeral must be Arabic or a multi-character Chinese numeral: with a
# single Chinese digit they are idioms or descriptions (一批, 两手, 三成群 …).
CN_SINGLE_DIGIT_BAD_UNITS = {"面", "口", "门", "节", "头", "双", "课", "首", "起", "方", "本", "单", "笔", "对", "步", "章"}
