"""What the generator writes with (pure): invented words, the real gazetteer's regions, numbers as papers print them.

The word pools, sections, banners and sayings are invented here; region names come from the
real gazetteer shipped with ``cpca`` (entries of an invented pool that contain a real place
name are dropped). ``ingestion.generate_articles`` composes articles from them and
``ingestion.generate`` pages and files.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import operator
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ingestion.parsing.gazetteer import ethnic_words
from ingestion.parsing.gazetteer import short_form as _data_short_form

# ---------------------------------------------------------------- vocabulary
SURNAMES = ("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁"
            "沈姚卢姜崔钟谭陆汪范廖贾夏付方邹孟熊邱尹薛闫段雷侯史陶贺顾郝龚邵严戴孔汤")
GIVEN = ("晓燕 志强 海涛 丽娟 建军 春梅 文博 雅琴 子轩 浩然 立新 玉兰 国栋 淑华 明辉 静怡 俊杰 佳怡 志刚 淑芬 永刚 "
         "晨曦 思远 雪梅 振华 红霞 凤英 学军 桂兰 美玲 海燕 亚男 书豪 若溪 一鸣 沛然 梦瑶 家豪 雨萱 德胜 "
         "伟 敏 磊 静 勇 杰 娜 涛 超 鹏 霞 斌 颖 琳 凯 欣 蕾 帆 彤 悦 航 楠").split()
# transliterated names (given name · family name), as credits print them
DOTTED = ("阿依努尔 古丽娜 热合曼 艾尼瓦尔 迪丽拜尔".split(), "买买提 吐尔逊 艾力 依明 阿不都".split())
# role words a credit may use: reporters and correspondents with a title before the role
REPORTER_WORDS = ("记者",) * 6 + ("融媒体记者", "全媒体记者", "见习记者")
CORRESPONDENT_WORDS = ("通讯员",) * 8 + ("特约通讯员",)
# invented place-name parts; entries that happen to contain a real place name are dropped at load time
POOLS = {
    "comm": ("春晖 锦绣 翠竹 兰苑 福泰 金桥 育才 书香 丽景 晨光 桃园 梧桐 枫林 雅居 佳苑 曙光 星河 清泉 碧水 银杏 "
             "紫荆 兴旺 益民 景和 如意 馨园 明珠 康宁", "社区"),
    "vill": ("王家营 李庄 前屯 后屯 大柳树 刘家洼 小河沿 张官屯 杨庄 马家堡 南窑 北洼 郭庄 韩家集 孙庄 高家寨 白杨 "
             "石桥 槐树 枣林 杏花 周家坟 崔家楼 双庙 三里铺", "村"),
    "town": ("马坊 高桥 大营 东庄 北辛 杜桥 孟家 沙窝 郝村 黄店 于集 邢庄", "镇"),
    "street": ("建设路 人民路 迎宾路 光华路 胜利路 育英路 文化路 园林路 团结路 车站路 幸福路 新风路", "街道"),
    "sq": ("滨河 世纪 劳动 青年 体育 植物 文体 健身", "广场"),
    "res": ("锦华 翠园 御景 阳光 金色 绿洲 幸福里 和美 盛世 嘉和 宏达 颐景", "小区"),
}
BIZ = ["供电公司", "燃气公司", "公交集团", "水务集团", "移动分公司"]
DEPTS = {
    "enforce": ["市场监督管理局", "综合行政执法局", "应急管理局", "消防救援大队", "交通运输局"],
    "health": ["卫生健康局", "疾病预防控制中心", "医疗保障局"],
    "civil": ["民政局", "妇联", "总工会", "残联", "慈善总会"],
    "culture": ["文化广电和旅游局", "文化馆", "图书馆", "教育局"],
    "govt": ["文明办", "司法局", "住房和城乡建设局", "政务服务中心", "行政审批局"],
}
# activity type → (headlines, quoted activity names)
TOPICS = {
    "volunteer_service": ("志愿服务暖人心|志愿红扮靓街巷|党员志愿者争当“领头雁”",
                          "邻里守望 温暖同行|爱心敲门 服务到家|青春志愿 点亮家园"),
    "medical_health": ("义诊进社区 健康送到家|家门口的健康守护|送医上门暖民心",
                       "健康义诊进万家|医者仁心 情暖邻里|送医送药到身边"),
    "publicity_education": ("普法宣传入人心|文明新风润万家|反诈宣传筑牢“防火墙”",
                            "法治护航 幸福同行|文明新风进万家|防范诈骗 守护钱袋"),
    "inspection_enforcement": ("专项检查守护舌尖安全|集中整治还路于民|隐患排查织密“安全网”", ""),
    "environment_infrastructure": ("背街小巷换新颜|小修小补解民忧|路灯亮了 居民心暖了", ""),
    "survey_research": ("入户走访听民声|问需于民解难题|走访摸底找准民生痛点", ""),
    "meeting_deliberation": ("议事会上解民忧|居民的事商量着办|推进会推动任务落实", ""),
    "training_exchange": ("观摩学习促提升|业务培训强本领|交流互鉴共进步", ""),
    "culture_recreation": ("文艺演出乐民心|邻里欢聚一堂|文化服务进基层", "欢乐邻里节|唱响新时代|乡村大舞台"),
    "charity_assistance": ("爱心帮扶传递温暖|慰问困难家庭送温暖|爱心捐款助学子",
                           "爱心助学 点亮希望|情暖寒冬|微心愿 大爱心"),
    "party_building": ("主题党日显担当|党建引领聚合力|党课开到一线", "红色初心 薪火相传|党旗飘扬 服务先行|三进三访"),
    "public_service": ("便民服务“不打烊”|服务窗口提速增效|帮办代办暖人心", "下班不打烊|一窗通办|1+N帮办"),
}
TYPES = tuple(TOPICS)
# (type, organiser kind, place kind, clause[, other types]): the clause is the activity's quote; a clause
# that is two kinds of activity at once (volunteers guiding passers-by is also persuasion) lists both.
ACTS = [
    ("volunteer_service", "civil", "comm", "{org}组织志愿者走进{place}，开展“{name}”志愿服务活动"),
    ("volunteer_service", "comm", "res", "{org}组建的志愿服务队在{place}为独居老人送餐上门"),
    ("volunteer_service", "comp", None, "{org}青年志愿者在公交站点开展文明引导志愿服务", "publicity_education"),
    ("medical_health", "hosp", "comm", "{org}医护人员走进{place}，开展“{name}”义诊活动"),
    ("medical_health", "health", "vill", "{org}组织医疗队到{place}为村民免费体检"),
    ("medical_health", "hosp", None, "{org}为辖区65岁以上老人上门建立健康档案"),
    ("publicity_education", "govt", "sq", "{org}在{place}开展“{name}”主题宣传活动"),
    ("publicity_education", "enforce", None, "{org}工作人员向过往群众发放宣传资料，讲解安全防范知识"),
    ("publicity_education", "comm", "comm", "{org}邀请法律工作者走进{place}，举办民法典知识讲座"),
    ("inspection_enforcement", "enforce", None, "{org}对辖区商超、餐饮门店开展食品安全专项检查"),
    ("inspection_enforcement", "enforce", "sq", "{org}执法人员对{place}周边占道经营行为进行集中整治"),
    ("inspection_enforcement", "enforce", "res", "{org}联合物业公司对{place}电动自行车充电设施开展隐患排查"),
    ("environment_infrastructure", "comm", "res", "{org}组织人员对{place}的卫生死角进行集中清理"),
    ("environment_infrastructure", "govt", "res", "{org}对{place}破损路面进行修补，重新施划停车位"),
    ("environment_infrastructure", "comp", "vill", "{org}为{place}更换老化线路，新装太阳能路灯"),
    ("survey_research", "comm", "res", "{org}工作人员深入{place}入户走访，了解居民的实际需求"),
    ("survey_research", "govt", None, "{org}通过发放调查问卷的方式，摸清群众的急难愁盼"),
    ("meeting_deliberation", "comm", "comm", "{org}在{place}召开居民议事会，共同商议停车难问题"),
    ("meeting_deliberation", "govt", None, "{org}召开专题推进会，对重点任务逐项研究部署"),
    ("training_exchange", "govt", "vill", "{org}组织基层干部到{place}观摩学习"),
    ("training_exchange", "health", None, "{org}举办业务骨干培训班，邀请专家现场授课"),
    ("culture_recreation", "culture", "sq", "{org}在{place}举办“{name}”文艺演出"),
    ("culture_recreation", "comm", "comm", "{org}在{place}组织开展趣味运动会和书画展"),
    ("charity_assistance", "civil", "vill", "{org}走访慰问{place}的困难家庭，送去米、面、油等生活物资"),
    ("charity_assistance", "civil", None, "{org}发起“{name}”爱心募捐活动"),
    ("party_building", "party", None, "{org}开展“{name}”主题党日活动"),
    ("party_building", "party", None, "{org}书记为全体党员讲授专题党课"),
    ("public_service", "govt", "comm", "{org}在{place}设立便民服务站，为群众代办社保、医保业务"),
    ("public_service", "govt", None, "{org}推出“{name}”延时服务，群众下班后也能办理业务"),
    ("public_service", "comp", "comm", "{org}在{place}开设服务点，上门为老人办理业务"),
]
# (clause with {q}, unit, kind, subject, low, high, styles). Styles: e exact, c Chinese numeral, y 余, d 多,
# g 超过/逾/以上, j 近/不到, a 约/左右, w 万, i 亿; T = may also stand in a headline (exact only). The last
# field is the activity the clause reports its organisation doing (清运垃圾 is a clean-up), or None for a
# state or an outcome (惠及居民, 完成固定资产投资): a stats sentence reports activities too.
METRICS = [
    ("检查沿街商户{q}", "家", "count", "检查沿街商户", 30, 600, "eycg", "inspection_enforcement"),
    ("发现并整改问题隐患{q}", "处", "count", "整改问题隐患", 2, 300, "eydc", "inspection_enforcement"),
    ("清理卫生死角{q}", "处", "count", "清理卫生死角", 20, 500, "eyd", "environment_infrastructure"),
    ("清运各类垃圾{q}", "吨", "weight", "清运垃圾", 10, 900, "eyja", "environment_infrastructure"),
    ("修补破损路面{q}", "平方米", "area", "修补破损路面", 200, 40000, "eyw", "environment_infrastructure"),
    ("新增绿化面积{q}", "平方米", "area", "新增绿化面积", 1000, 90000, "ewaT", "environment_infrastructure"),
    ("铺设供水管道{q}", "米", "length", "铺设供水管道", 300, 9000, "eyj", "environment_infrastructure"),
    ("改造提升道路{q}", "公里", "length", "改造提升道路", 3, 80, "edT", "environment_infrastructure"),
    ("募集善款{q}", "元", "money", "募集善款", 20000, 900000, "w", "charity_assistance"),
    ("发放慰问金{q}", "元", "money", "发放慰问金", 5000, 900000, "ew", "charity_assistance"),
    ("完成固定资产投资{q}", "元", "money", "完成固定资产投资", 0, 0, "i", None),
    ("志愿服务时长累计{q}", "小时", "duration", "志愿服务时长", 2000, 200000, "ew", "volunteer_service"),
    ("注册志愿者{q}", "人", "count", "注册志愿者", 2000, 160000, "w", "volunteer_service"),
    ("组建志愿服务队{q}", "支", "count", "志愿服务队", 5, 120, "ecT", "volunteer_service"),
    ("开展宣讲活动{q}", "场", "count", "宣讲活动", 10, 600, "eyd", "publicity_education"),
    ("发放宣传资料{q}", "份", "count", "发放宣传资料", 500, 30000, "eywa", "publicity_education"),
    ("受理群众诉求{q}", "件", "count", "受理群众诉求", 50, 5000, "eyj", "public_service"),
    ("设置便民服务点{q}", "个", "count", "便民服务点", 2, 60, "ecT", "public_service"),
    ("惠及居民{q}", "户", "count", "惠及居民", 100, 9000, "eydj", None),
    ("培训基层干部{q}", "人次", "count", "培训基层干部", 50, 3000, "eyd", "training_exchange"),
    ("召开议事会{q}", "次", "count", "召开议事会", 2, 60, "ec", "meeting_deliberation"),
    ("入户走访{q}", "户", "count", "入户走访", 100, 5000, "eyd", "survey_research"),
    ("走访慰问困难家庭{q}", "户", "count", "走访慰问困难家庭", 10, 300, "ec", "charity_assistance"),
    ("义诊服务群众{q}", "人次", "count", "义诊服务群众", 100, 3000, "eyda", "medical_health"),
    ("举办文体活动{q}", "场", "count", "文体活动", 10, 200, "eyd", "culture_recreation"),
    ("新增停车位{q}", "个", "count", "新增停车位", 50, 2000, "eyjT", "environment_infrastructure"),
    ("拆除违法建筑{q}", "平方米", "area", "拆除违法建筑", 100, 20000, "eyg", "environment_infrastructure"),
    ("为{q}老旧小区加装充电设施", "个", "count", "加装充电设施的老旧小区", 3, 60, "ecT", "environment_infrastructure"),
    ("辖区{q}商户签订了门前责任书", "家", "count", "签订门前责任书的商户", 30, 900, "ey", None),
    ("吸纳{q}热心居民组成巡访队", "名", "count", "巡访队热心居民", 20, 400, "eyd", "volunteer_service"),
]
NO_TOTAL = ("为", "辖区", "志愿服务时长")  # clauses that do not read well after “共”
PERCENTS = [("问题整改完成率", 85), ("群众满意率", 90), ("诉求按时办结率", 88), ("垃圾分类覆盖率", 60)]
CHANGES = ["网上办件量", "接待游客人数", "志愿服务参与人数", "营业收入", "便民服务点办件量"]
BANNERS = ["凝心聚力建设文明城市 齐心协力共创美好家园", "深化文明创建 提升城市品质 增进民生福祉",
           "人人参与创文明 携手共建新家园", "弘扬时代新风 共建和谐家园", "践行社会主义核心价值观 争做新时代好市民",
           "提升城市治理水平 打造宜居宜业环境", "聚焦为民办实事 凝聚奋进正能量", "以新担当新作为 推动高质量发展"]
SECTIONS = ["创建在行动", "基层一线", "“争先创优”进行时", "民生关注", "城市更新进行时", "文明实践在身边"]
BRIEF_LABELS = ["新闻速递", "简讯", "一线快报", "动态速览", "基层动态"]
SLOGANS = ["文明城市你我共建 美好家园人人共享", "讲文明 树新风 做文明有礼好市民", "创建为了群众 创建依靠群众"]
FEATURE_TITLES = ["让文明之花开满街巷", "小网格织密幸福网", "把服务送到群众心坎上", "老旧小区的“逆袭”之路",
                  "一条街道的蝶变", "志愿红点亮幸福底色", "民生实事办到群众心坎里", "乡村处处展新颜",
                  "“家门口”的幸福感", "治理有温度 生活有质感", "一张清单管到底", "绣花功夫绘就城市新颜"]
DECKS = ["——{county}持续推进基层治理提质增效", "——{county}扎实推进文明城市创建工作",
         "——{city}打造“十五分钟便民生活圈”侧记", "——{county}{comm}探索共建共治新路径", "——走进{county}{vill}"]
SUBHEADS = ["网格连民心 服务零距离", "小切口解决大问题", "志愿者成了“主力军”", "议事会开到家门口", "老楼焕新颜",
            "文化活动丰富居民生活", "困难群众有人帮", "党建引领聚合力", "执法有力度 服务有温度", "便民服务“不打烊”",
            "干部下沉解难题", "环境整治见实效", "“红色管家”上岗", "居民从“旁观者”变“参与者”", "健康服务送上门",
            "长效机制保常态"]
LEADS = ["近日，", "连日来，", "日前，", "近期，", "今年以来，"]
PURPOSES = ["进一步提升群众的获得感和幸福感", "切实把服务送到群众身边", "营造共建共享的良好氛围",
            "推动各项工作落地见效", "让群众感受到实实在在的变化"]
STAT_LEADS = ["截至目前，", "今年以来，", "据统计，", "活动开展以来，", "自专项行动开展以来，"]
FILLERS = ["近年来，{X}坚持把群众满意作为工作的出发点和落脚点，持续提升基层治理水平。",
           "走进{place}，道路干净整洁，绿植错落有致，处处是宜居的生活画卷。",
           "如何把服务送到群众心坎上？{X}给出了自己的答案。",
           "小区是城市治理的末梢，也是群众感受最直接的地方。", "民生无小事，枝叶总关情。",
           "从“被动接单”到“主动上门”，服务方式的转变让群众看到了实实在在的变化。",
           "{X}坚持问题导向，建立了问题发现、交办、整改、反馈的闭环机制。",
           "如今的{place}面貌焕然一新，居民们的笑容也越来越灿烂。", "{city}市民对身边环境的变化感受最深。"]
SAYINGS = ["以前楼道堆满了杂物，现在干干净净的，住着真舒心。", "有事找网格员，一个电话就能解决，心里踏实。",
           "不出小区就能看病拿药，省了我们不少事。", "活动丰富了，邻里之间走动也勤了。",
           "路灯亮了，晚上出门再也不用摸黑了。", "办事不用来回跑，窗口工作人员特别耐心。",
           "孩子放学后有了去处，我们上班也放心了。"]
PLANS = ["下一步，{org}将继续深化志愿服务，推动活动常态化、长效化。", "下一步，{org}将持续加大巡查力度，巩固整治成果。",
         "{org}负责人表示，将进一步完善工作机制，把好事办实、实事办好。",
         "下一步，{org}将开展更多群众喜闻乐见的活动，不断提升居民的幸福感。"]
CAPTIONS = ["居民在刚建成的口袋公园里休闲健身", "整治后的{place}干净整洁", "孩子们在社区书屋里阅读绘本",
            "{place}的小广场上，老人们在下棋聊天", "焕然一新的{place}一角", "夜幕下的{city}街头灯火璀璨"]
_CN = "零一二三四五六七八九"
_HALF = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "！": "!", "？": "?"})
# Traditional (or variant) forms that OCR of some typefaces leaves in simplified pages; a page
# with them prints a few of these throughout. None of them occurs in a unit, role or type.
_TRAD = dict(zip("区县查发务动开门进这实会检园们说对", "區縣査發務動開門進這實會檢園們說對", strict=True))
BULLETS = "■●▲◆"
# Development zones a city runs (written after the city's short name) and how the zone is
# written again, bare, later in the same story.
ZONES = {"高新区": "高新区", "经济开发区": "开发区", "经济技术开发区": "经济技术开发区"}
# Photo news: a picture with its own headline, a caption sentence and a photographer's credit.
PHOTO_TITLES = ["街头游园添新绿", "口袋公园成了居民“后花园”", "老街巷焕发新活力", "健身步道引客来",
                "社区书屋飘书香", "小广场变身“大舞台”", "金色田野丰收忙", "夜市烟火气十足"]
PHOTO_CAPTIONS = ["{date}，居民在{place}休闲健身。", "{date}，市民在{place}散步赏景。",
                  "{date}，孩子们在{place}里阅读绘本。", "{date}，游客在{place}拍照留念。"]


# ---------------------------------------------------------------- gazetteer
@dataclass(frozen=True, slots=True)
class Region:
    code: str  # 12-digit administrative code
    name: str  # full form, as the truth lists it
    short: str | None  # usual short form (沧州市 → 沧州), if any

    def forms(self) -> tuple[str, ...]:
        return (self.name, self.short) if self.short else (self.name,)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    provinces: tuple[Region, ...]
    cities: dict  # 2-digit province prefix → tuple[Region, ...]
    counties: dict  # 4-digit city prefix → tuple[Region, ...]
    forms: frozenset  # every full and short form of two or more characters
    maxlen: int
    starts: dict  # first two characters of a form → the lengths of forms starting so, ascending


_PROV_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
               "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港", "澳门特别行政区": "澳门"}
_ETHNIC = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,5}?族)+自治[县州旗]$")


def short_form(name: str) -> str | None:
    """The usual short form of a full unit name (河北省 → 河北, 青龙满族自治县 → 青龙), or None."""
    if name in _PROV_SHORT:
        return _PROV_SHORT[name]
    if _ETHNIC.match(name):  # ethnic words come off by the list of groups (前郭尔罗斯蒙古族自治县 → 前郭尔罗斯)
        return _data_short_form(name, ethnic_words())
    if name.endswith("地区") and len(name) >= 4:
        return name[:-2]
    return name[:-1] if name[-1] in "省市县区" and len(name) >= 3 else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The cpca adcodes table (found without importing cpca, whose import needs pkg_resources)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (region gazetteer) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = sorted((r["adcode"], r["name"]) for r in csv.DictReader(fh))
    provinces, cities, counties = [], {}, {}
    for code, name in rows:
        if len(name) < 2 or name == "市辖区" or "行政区划" in name:
            continue  # placeholders
        reg = Region(code, name, short_form(name))
        if code[2:] == "0" * 10:
            provinces.append(reg)
        elif code[4:] == "0" * 8:
            cities.setdefault(code[:2], []).append(reg)
        elif code[6:] == "0" * 6:
            counties.setdefault(code[:4], []).append(reg)
    units = provinces + [r for v in cities.values() for r in v] + [r for v in counties.values() for r in v]
    forms = frozenset(f for r in units for f in r.forms() if len(f) >= 2)
    starts: dict[str, set[int]] = {}
    for f in forms:
        starts.setdefault(f[:2], set()).add(len(f))
    return Gazetteer(tuple(provinces), {k: tuple(v) for k, v in cities.items()},
                     {k: tuple(v) for k, v in counties.items()}, forms, max(map(len, forms)),
                     {k: tuple(sorted(v)) for k, v in starts.items()})


def region_hits(text: str) -> list[str]:
    """Every gazetteer form (full or short) occurring in ``text``, in order of position."""
    # Forms are found from their first two characters: the text's pairs of characters are made and
    # intersected with the forms' first pairs in C (map, set), so a text with no place name, the
    # common case (the generator checks every draft article), costs no Python loop over positions.
    g = gazetteer()
    pairs = set(map(operator.add, text, text[1:])) & g.starts.keys()
    found = []
    for pair in pairs:
        i = text.find(pair)
        while i >= 0:
            found += [(i, n) for n in g.starts[pair] if i + n <= len(text) and text[i:i + n] in g.forms]
            i = text.find(pair, i + 1)
    return [text[i:i + n] for i, n in sorted(found)]


def _spans(needles, text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-overlapping occurrence of each needle in ``text`` (as ``re.finditer``
    on the escaped needle finds them, without compiling a pattern per needle)."""
    out = []
    for s in needles:
        if not s:
            continue
        j = text.find(s)
        while j >= 0:
            out.append((j, j + len(s)))
            j = text.find(s, j + len(s))
    return out


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(x in y or y in x for x in a for y in b)


@functools.lru_cache(maxsize=1)
def _editions() -> tuple:
    """(province, city, usable counties) for every prefecture-level city a paper can be set in."""
    g, out = gazetteer(), []
    for prov in g.provinces:
        if not prov.name.endswith("省") or prov.name == "台湾省":
            continue
        for city in g.cities.get(prov.code[:2], ()):
            if not city.name.endswith("市") or not city.short or _overlap(city.forms(), prov.forms()):
                continue
            taken = city.forms() + prov.forms() + (city.short + "日报", prov.short + "日报")
            cands = [c for c in g.counties.get(city.code[:4], ())
                     if c.name[-1] in "区县市" and len(c.name) >= 3 and not _overlap(c.forms(), taken)]
            usable = tuple(c for c in cands if not any(o is not c and _overlap(c.forms(), o.forms()) for o in cands))
            if len(usable) >= 3:
                out.append((prov, city, usable))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _pools() -> dict:
    return {k: [x for x in words.split() if not region_hits(x + suffix)] for k, (words, suffix) in POOLS.items()}


# ---------------------------------------------------------------- numbers
def _cn(n: int, measure: bool = True) -> str:
    """Chinese numeral for 1..99 (两 before a measure word)."""
    if n == 2 and measure:
        return "两"
    if n < 10:
        return _CN[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else _CN[t]) + "十" + (_CN[u] if u else "")


def _dec(rng: random.Random, lo: float, hi: float, places: int) -> Decimal:
    scale = 10 ** places
    return (Decimal(rng.randint(int(lo * scale), int(hi * scale))) / scale).normalize()


def _plain(x: Decimal) -> str:
    return format(x.normalize(), "f")


def _num(x: Decimal) -> int | float:
    return int(x) if x == x.to_integral_value() else float(x)


def _qty(rng: random.Random, unit: str, lo: int, hi: int, styles: str) -> tuple[str, int | float, str]:
    """(surface, value, qualifier) of a quantity written in one of the allowed styles."""
    st = rng.choice(styles.replace("T", ""))
    if st == "w" and hi >= 20000:
        x = _dec(rng, max(lo, 10000) / 1e4, hi / 1e4, rng.choice([1, 1, 2]))
        more = rng.random() < 0.4
        return f"{_plain(x)}万{'余' if more else ''}{unit}", _num(x * 10000), "at_least" if more else "exact"
    if st == "i":
        x = _dec(rng, 1.1, 99.9, 1)
        return f"{_plain(x)}亿{unit}", _num(x * 100_000_000), "exact"
    if st == "c" and lo <= 30:
        n = 2 if lo <= 2 and rng.random() < 0.25 else rng.randint(max(lo, 2), min(hi, 30))
        return f"{_cn(n)}{unit}", n, "exact"
    n = rng.randint(lo, hi)
    if st in "ydgja":  # vague quantities are round numbers
        step = 10 if n < 1000 else 100
        n = max(step, n // step * step)
    forms = {"y": ([f"{n}余{unit}"], "at_least"), "d": ([f"{n}多{unit}"], "at_least"),
             "g": ([f"超过{n}{unit}", f"逾{n}{unit}", f"{n}{unit}以上"], "at_least"),
             "j": ([f"近{n}{unit}", f"不到{n}{unit}"], "at_most"), "a": ([f"约{n}{unit}", f"{n}{unit}左右"], "approx")}
    surfaces, qual = forms.get(st, ([f"{n}{unit}"], "exact"))
    return rng.choice(surfaces), n, qual


