"""Synthetic newspaper pages with exact ground truth (pure core + thin file edge).

``generate_day(day, seed)`` composes one day's edition of an invented city paper:
a city page (banner, section label, news items, a briefs column, a photo caption,
photo news, kicker lines), a feature (——deck, byline line, inner subheadings), a
single-story file (CRLF, full-width indents, a dateline ``本报<城市>M月D日电（记者X
通讯员Y）`` or ``新华社<城市>M月D日电（记者X Y）``, a closing ``（X  Y）`` credit with
or without role words), a markdown-headed page and a briefs column of ■/●-bulleted
items without datelines. Where real papers differ from the seeds, pages vary too:
no blank lines between paragraphs, headlines broken over two lines, half-width
punctuation, a few traditional forms (區 縣 査 …) throughout, names typeset with
spaces inside (韩  鑫) or transliterated (…·…), role words with titles (融媒体记者,
特约通讯员), development zones of the city (高新区, 经济开发区), edition lines.
Each page carries its truth in the benchmark gold shape (``shared/benchmark/SPEC.md``),
recorded while the text is written, so every quote is a substring of the page and
every title one of its lines (or two adjacent lines joined).

All wording is invented here; region names come from the real gazetteer shipped
with ``cpca``. Determinism: one ``random.Random`` per (seed, day); no clock, no
global RNG, no iteration over sets.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import operator
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from ingestion.parsing.gazetteer import ethnic_words
from ingestion.parsing.gazetteer import short_form as _data_short_form
from ingestion.parsing.regions import COMMON_WORD_SHORT_FORMS

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


# ---------------------------------------------------------------- article builder
@dataclass
class _Ctx:
    rng: random.Random
    day: date
    prov: Region
    city: Region
    counties: tuple[Region, ...]
    paper: str  # the city paper, <city short>日报
    prov_paper: str
    staff: dict = field(default_factory=dict)  # paper → its reporters of the day
    used: set = field(default_factory=set)  # person names already on the page
    titles: set = field(default_factory=set)  # headlines already on the page
    tight: bool = False  # the page puts no blank lines between paragraphs
    paras: set = field(default_factory=set)  # sentences already on the page
    page_paper: str | None = None  # the paper of a joined page's first part, which later parts keep
    # Stock sentences (FILLERS) used in this part of a joined page. None: pages of one part record them
    # among ``paras``, where one without placeholders makes _build re-roll the very article that printed
    # it (kept there so that those pages stay as they were; joined pages use this set instead).
    stock: set | None = None


class _Art:
    """One article under construction: the truth is recorded as the text is written."""

    def __init__(self, cx: _Ctx, kind: str, section: str | None = None):
        self.cx, self.rng, self.kind, self.section = cx, cx.rng, kind, section
        self.title = self.subtitle = None
        self.head: list[str] = []  # title, deck and byline lines as printed
        self.body: list[tuple[str, str]] = []  # ("p" | "sub" | "cap", text)
        self.people, self.regions, self.units, self.names, self.acts, self.mets = [], [], [], [], [], []
        self.met_acts: dict[str, str] = {}  # metric clause → the activity type it reports
        self.seen, self.org_kind, self.metric_paras = set(), {}, []
        self.home = cx.rng.choice(cx.counties)  # the county the story is mostly about
        self.zone_bare: str | None = None  # how the zone named in the story is written bare
        self.printed: list[str] = []  # other words printed that contain a place-like pair (新华社)

    # ---- regions, people, organisations, places
    def reg(self, unit: Region, short: bool | None = None) -> str:
        """The unit as printed (full or short form), recorded in the truth.

        A short form that is also an everyday word (公安, 惠民, 长安 …) is not used:
        a reader could not tell the place from the word, so papers print the full name.
        """
        if short is None:
            short = self.rng.random() < (0.15 if unit.name.endswith("区") else 0.4)
        if unit.name not in self.regions:
            self.regions.append(unit.name)
            self.units.append(unit)
        return unit.short if short and unit.short and unit.short not in COMMON_WORD_SHORT_FORMS else unit.name

    def county(self, short: bool | None = None) -> str:
        return self.reg(self.home if self.rng.random() < 0.7 else self.rng.choice(self.cx.counties), short)

    def zone(self) -> str:
        """A development zone of the page's city, written after the city's short name (沧州高新区)."""
        kind = self.rng.choice(list(ZONES))
        printed = self.reg(self.cx.city, True) + kind
        name = (self.cx.city.short or self.cx.city.name) + kind
        if name not in self.regions:
            self.regions.append(name)  # a zone counts as a unit, named after its city's short form
        self.zone_bare = ZONES[kind]
        return printed

    def shown(self, name: str) -> str:
        """A credited name as typeset: two-character names are sometimes padded to three widths (韩  鑫)."""
        if len(name) == 2 and self.rng.random() < 0.15:
            return name[0] + self.rng.choice(["  ", "\u3000", " "]) + name[1]
        return name

    def person(self, dotted: bool = False) -> str:
        while True:
            if dotted:
                name = self.rng.choice(DOTTED[0]) + "·" + self.rng.choice(DOTTED[1])
            else:
                name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if name not in self.cx.used and not region_hits(name):
                self.cx.used.add(name)
                self.names.append(name)
                return name

    def credit(self, name: str, *roles: str) -> str:
        for role in roles:
            if {"name": name, "role": role} not in self.people:
                self.people.append({"name": name, "role": role})
        return name

    def pick(self, pool: str) -> str:
        return self.rng.choice(_pools()[pool]) + POOLS[pool][1]

    def org(self, kind: str) -> str:
        r = self.rng
        if kind == "comm":
            name = self.pick("comm") + r.choice(["党委", "居委会", "党支部"])
        elif kind == "hosp":
            name = (f"{self.reg(self.cx.city, False)}第{_cn(r.randint(1, 5), False)}人民医院" if r.random() < 0.5
                    else self.county(False) + r.choice(["人民医院", "中医医院"]))
        elif kind == "comp":
            name = self.reg(self.cx.city, True) + r.choice(BIZ)
        elif kind == "party":
            name = r.choice([lambda: self.pick("comm") + "党委", lambda: self.pick("vill") + "党支部",
                             lambda: f"{self.county(False)}{r.choice(DEPTS['govt'])}机关党支部"])()
        else:
            dept, x = r.choice(DEPTS[kind]), r.random()
            name = (self.county(False) + dept if x < 0.6 else "市" + dept if x < 0.85
                    else self.reg(self.cx.city, False) + dept)
        self.org_kind.setdefault(name, kind)
        return name

    def place(self, kind: str) -> str:
        r = self.rng
        if kind == "comm":
            return (f"{self.county(False)}{self.pick('street')}{self.pick('comm')}" if r.random() < 0.3
                    else self.pick("comm"))
        if kind == "vill":
            return f"{self.county()}{self.pick('town')}{self.pick('vill')}" if r.random() < 0.4 else self.pick("vill")
        if kind == "sq":
            return self.pick("sq")[:-2] + r.choice(["广场", "公园"])
        return self.pick("res")[:-2] + r.choice(["小区", "家园"])

    # ---- activities and metrics: each returns the clause it records
    def act(self, typ: str | None = None, org: str | None = None) -> str:
        cands = [t for t in ACTS if (typ is None or t[0] == typ) and t[3] not in self.seen]
        fitting = [t for t in cands if org and t[1] == self.org_kind.get(org)]
        typ_, okind, pkind, tpl, *also = self.rng.choice(fitting or cands or ACTS)
        self.seen.add(tpl)
        org = org or self.org(okind)
        place = self.place(pkind) if pkind else None
        for _ in range(5):  # not 春晖社区党委 … 在春晖社区
            if place is None or place not in org:
                break
            place = self.place(pkind)
        names = TOPICS[typ_][1].split("|")
        name = self.rng.choice(names) if "{name}" in tpl else None
        clause = tpl.format(org=org, place=place, name=name)
        for t in (typ_, *also):
            self.acts.append({"quote": clause, "type": t, "organizer": org, "name": name, "place": place})
        return clause

    def met(self, title: bool = False) -> str:
        r = self.rng
        while True:
            x = r.random()
            if title or x < 0.7:
                tpl, unit, kind, subj, lo, hi, st, act = r.choice([m for m in METRICS if "T" in m[6]] if title else METRICS)
                surf, value, qual = _qty(r, unit, lo, hi, "e" if title else st)
            else:
                if x < 0.85:
                    subj, lo = r.choice(PERCENTS)
                    v = min(_dec(r, lo, 100, r.choice([0, 1, 1])), Decimal(100))
                    more = v < 100 and r.random() < 0.3
                    tpl = subj + ("超过" if more else r.choice(["达", "为", "达到"])) + "{q}"
                    qual = "at_least" if more else "exact"
                else:
                    subj = r.choice(CHANGES) + "同比" + r.choice(["增长", "增长", "下降"])
                    v, tpl, qual = _dec(r, 1, 30, 1), subj + "{q}", "exact"
                unit, kind, value, surf, act = "%", "percent", _num(v), f"{_plain(v)}%", None
            clause = tpl.format(q=surf)
            if (value, unit) not in self.seen and subj not in self.seen:
                self.seen |= {(value, unit), subj}
                if act:
                    self.met_acts[clause] = act
                self.mets.append({"quote": clause, "value": value, "unit": unit, "qualifier": qual, "kind": kind,
                                  "subject": subj, "optional": False})
                return clause

    # ---- sentences
    def p(self, text: str) -> None:
        self.body.append(("p", text))

    def stats(self, org: str, k: int, clauses: list[str] | None = None, total: str | None = None) -> None:
        """A sentence of figures, each clause a metric (and an activity of ``org`` when it reports one)."""
        clauses = clauses or sorted((self.met() for _ in range(k)), key=lambda c: c.endswith("%"))
        if total is None:
            total = "" if clauses[0].endswith("%") or clauses[0].startswith(NO_TOTAL) else "共"
        said = f"{org}{total}{'，'.join(clauses)}"
        for clause in clauses:
            if clause in self.met_acts:
                self.acts.append({"quote": said, "type": self.met_acts[clause], "organizer": org, "name": None,
                                  "place": None})
        self.metric_paras.append(len(self.body))
        self.p(f"{self.rng.choice(STAT_LEADS)}{said}。")

    def filler(self) -> str:
        used = self.cx.paras if self.cx.stock is None else self.cx.stock
        fresh = [t for t in FILLERS if t not in used]  # a page does not repeat a stock sentence
        tpl = self.rng.choice(fresh or FILLERS)
        used.add(tpl)
        x = (self.county() if self.rng.random() < 0.7 else self.reg(self.cx.city)) if "{X}" in tpl else ""
        return tpl.format(X=x, place=self.place("res") if "{place}" in tpl else "",
                          city=self.reg(self.cx.city, True) if "{city}" in tpl else "")

    def saying(self) -> str:
        who = self.rng.choice([lambda: f"居民{self.person()}", lambda: f"{self.place('res')}居民{self.person()}",
                               lambda: f"{self.pick('comm')}党委书记{self.person()}"])()
        return f"“{self.rng.choice(SAYINGS)}”{who}说。"

    def trap(self) -> str:
        """A sentence whose numbers are not metrics: dates, clock times, ages, ordinals, codes, names."""
        r, cx = self.rng, self.cx
        d = cx.day - timedelta(days=r.randint(1, 20))
        return r.choice([
            lambda: f"{d.month}月{d.day}日{r.choice(['上午9', '上午10', '下午3', '下午4'])}时许，"
                    f"{self.place('comm')}活动室里已经坐满了居民。",
            lambda: f"今年{r.randint(62, 88)}岁的老党员{self.person()}是{self.place('res')}的老住户。",
            lambda: f"{r.choice([6, 7, 8])}0多岁的居民{self.person()}每天都到阅览室看书读报。",
            lambda: f"{self.person()}已经连续第{_cn(r.randint(3, 9), False)}年当选楼栋长。",
            lambda: f"这一做法在全市基层治理考评中位列第{_cn(r.randint(1, 5), False)}位。",
            lambda: f"群众有急事难事，可以拨打“{r.randint(2000000, 8999999)}”服务热线，也能扫码留言。",
            lambda: f"{self.pick('comm')}推行“1+{r.randint(2, 9)}”网格管理模式，让小事不出小区。",
            lambda: "一位居民拿着刚领到的宣传册，仔细地读了起来。",
            lambda: "大家表示，要把党的二十大精神落实到为民服务的具体行动中。",
            lambda: f"早在{cx.day.year - r.randint(2, 9)}年，{self.pick('comm')}就被评为"
                    f"{self.reg(cx.prov, r.random() < 0.5)}文明社区。",
            lambda: self.scene("活动室不大，一张圆桌旁围坐着前来议事的居民。", "meeting_deliberation"),
            lambda: "社区推行“三个一”工作法：一张连心卡、一本民情簿、一支志愿队。"])()

    def scene(self, sentence: str, activity_type: str) -> str:
        """A sentence that shows an activity under way without naming who holds it."""
        self.acts.append({"quote": sentence.split("，")[-1].rstrip("。"), "type": activity_type, "organizer": None,
                          "name": None, "place": None})
        return sentence

    def visitor(self) -> str:
        """Visitors from another province: the province and its city count as regions too."""
        g, r = gazetteer(), self.rng
        op = r.choice([p for p in g.provinces if p.name.endswith("省") and p.name != "台湾省" and p != self.cx.prov])
        oc = r.choice([c for c in g.cities[op.code[:2]] if c.name.endswith("市")])
        return f"来自{self.reg(op, False)}{self.reg(oc, False)}的游客{self.person()}也被热闹的场面吸引。"

    def photo(self, paper: str) -> None:
        """A caption (not an article) and its credit, whose photographer belongs to this article."""
        r = self.rng
        own = "本报" if paper == self.cx.paper else paper
        if r.random() < 0.4 and self.people:
            who = self.people[0]["name"]
            line = f"{own}{'记者' if self.people[0]['role'] == 'reporter' else '通讯员'} {self.shown(who)}摄"
        else:
            who = self.person()
            shown = self.shown(who)
            line = r.choice([f"{own}记者 {shown} 摄", f"{shown} 摄", f"{own}通讯员 {shown}摄"])
        self.credit(who, "photographer")
        tpl = r.choice(CAPTIONS)
        caption = tpl.format(place=self.place("res") if "{place}" in tpl else "",
                             city=self.reg(self.cx.city, True) if "{city}" in tpl else "")
        self.body += [("cap", caption), ("cap", line)]

    # ---- finishing
    def lines(self, md: str = "") -> list[str]:
        return self.head + [md + text if kind == "sub" else text for kind, text in self.body]

    def _keep(self) -> list[str]:
        """Strings a page may print without them being a stray place name."""
        return ([f for u in self.units for f in u.forms()] + self.names + self.printed
                + [self.cx.paper, self.cx.prov_paper])

    def strays(self) -> list[str]:
        text = "\n".join(self.lines())
        for k in sorted(set(self._keep()), key=lambda s: (-len(s), s)):
            text = text.replace(k, "□")
        return region_hits(text)

    def ocr_noise(self, dup: bool, split: bool) -> None:
        """Repeat a metric paragraph (an OCR column break) and/or break a paragraph mid-sentence."""
        r = self.rng
        if dup and self.metric_paras:
            i = r.choice(self.metric_paras)
            self.body.insert(min(i + 2, len(self.body)), self.body[i])
        paras = [i for i, (k, t) in enumerate(self.body) if k == "p" and len(t) > 40]
        if split and paras:
            i = r.choice(paras)
            text = self.body[i][1]
            start = text.find("）") + 5 if text.startswith(("本报", self.cx.prov_paper)) else 12
            protect = [a["quote"] for a in self.acts] + [m["quote"] for m in self.mets] + self._keep()
            spans = _spans(protect, text)
            ok = [j for j in range(start, len(text) - 8) if not any(a < j < b for a, b in spans)]
            if ok:
                j = r.choice(ok)
                self.body[i:i + 1] = [("p", text[:j]), ("p", text[j:])]

    def truth(self) -> dict:
        return {"title": self.title, "subtitle": self.subtitle, "section": self.section, "kind": self.kind,
                "people": self.people, "regions": self.regions,
                "activity_types": list(dict.fromkeys(a["type"] for a in self.acts)),
                "activities": self.acts, "metrics": self.mets}


def _build(make, cx: _Ctx, *args, **kw) -> _Art:
    """Build an article, re-rolling a draft that repeats a headline or names a place the truth does not list."""
    for _ in range(60):
        art = make(cx, *args, **kw)
        paras = {x for _, t in art.body for x in re.findall(r"[^。！？]+[。！？]?", t) if len(x) >= 12}
        paras |= {a["quote"] for a in art.acts}  # one activity is reported by one story
        # A sentence printed again in another story would read as an OCR repeat: not on one page.
        if art.title not in cx.titles and not paras & cx.paras and not art.strays():
            cx.titles.add(art.title)
            cx.paras |= paras
            return art
    raise RuntimeError("could not compose an article free of stray place names")


# ---------------------------------------------------------------- article kinds
def _byline_inline(a: _Art, tag: str, paper: str) -> str:
    """本报讯（记者X 通讯员Y Z） and its variants; <省>日报（记者X Y） on the provincial paper."""
    r, s = a.rng, a.shown
    rep, x = r.choice(a.cx.staff[paper]), r.random()
    jz, tx = r.choice(REPORTER_WORDS), r.choice(CORRESPONDENT_WORDS)
    if x < 0.4:
        cors = [a.person(dotted=r.random() < 0.05) for _ in range(r.choice([1, 1, 2]))]
        a.credit(rep, "reporter")
        for c in cors:
            a.credit(c, "correspondent")
        return f"{tag}（{jz}{s(rep)} {tx}{' '.join(map(s, cors))}）"
    if x < 0.6:
        cor = a.credit(a.person(), "correspondent")
        return f"{tag}（{tx}{s(cor)} {jz}{s(a.credit(rep, 'reporter'))}）"
    if x < 0.75 and paper != a.cx.paper:
        other = a.credit(a.person(), "reporter")
        return f"{tag}（{jz}{s(a.credit(rep, 'reporter'))} {s(other)}）"
    if x < 0.9:
        return f"{tag}（{jz}{s(a.credit(rep, 'reporter'))}）"
    return f"{tag}（{tx}{s(a.credit(a.person(), 'correspondent'))}）"


def _trailing_credit(a: _Art) -> str:
    """A credit closing the story: （X  Y）, （通讯员 X）, （记者 X 通讯员 Y）.

    Names without a role word are the story's writers when nothing else credits it, and its
    correspondents when a reporter is already credited (in the dateline or a byline).
    """
    r, s = a.rng, a.shown
    x = r.random()
    if x < 0.55:
        names = [a.person() for _ in range(r.choice([1, 2, 2]))]
        role = "correspondent" if any(p["role"] == "reporter" for p in a.people) else "reporter"
        for n in names:
            a.credit(n, role)
        sep = r.choice(["  ", " ", "、", "\u3000"])
        return "（" + sep.join(map(s, names)) + "）"
    if x < 0.8:
        names = [a.credit(a.person(), "correspondent") for _ in range(r.choice([1, 2]))]
        return f"（{r.choice(['', '本报'])}通讯员{r.choice(['', ' '])}{' '.join(map(s, names))}）"
    rep, cor = a.credit(a.person(), "reporter"), a.credit(a.person(), "correspondent")
    return f"（记者 {s(rep)} 通讯员 {s(cor)}）"


def _dated(a: _Art, paper: str) -> str:
    """A dateline with the place it was filed from: 本报<城市>M月D日电."""
    d = a.cx.day - timedelta(days=a.rng.randint(0, 2))
    return f"本报{a.reg(a.cx.city, True)}{d.month}月{d.day}日电" if paper == a.cx.paper else f"{paper}讯"


def _title_lines(a: _Art, title: str, two_line: bool) -> list[str]:
    """The headline as printed: one line, or broken over two by a narrow column or the OCR.

    Either the second line follows with no blank line between (one block of type), or
    the break falls inside a quotation, which leaves the first line with an open quote.
    Breaks never fall next to the colon of a ``who：what`` headline (that would make
    the first line a kicker) or inside a place name or a person's name.
    """
    r = a.rng
    if not two_line or len(title) < 10:
        return [title]
    # On a page without blank lines only an open quotation shows where a headline breaks.
    tight = a.cx.tight
    protect = _spans(a._keep(), title)

    def ok(j: int) -> bool:
        return (title[j - 1] not in "：: " and title[j] not in "：: " and title[j - 1:j + 1] != "  "
                and not any(x < j < y for x, y in protect))

    q, q2 = title.find("“"), title.find("”")
    inside = [j for j in range(q + 2, q2) if ok(j)] if 0 < q < q2 else []
    if inside and (tight or r.random() < 0.5):
        return [title[:(j := r.choice(inside))].rstrip(), title[j:].lstrip()]
    cands = [j for j in range(4, len(title) - 1) if ok(j)]
    if not cands or tight:
        return [title]
    j = r.choice(cands)
    return [title[:j].rstrip() + "\n" + title[j:].lstrip()]


def _news(cx: _Ctx, kind: str, section: str | None, md: str = "", paper: str | None = None,
          photo: bool = False, dup: bool = False, split: bool = False, *, bullet: str = "",
          credit: str = "inline", zone: bool = False, two_line: bool = False, kicker: bool = False) -> _Art:
    """A news item or brief: headline, byline, activities, metrics, traps, a plan.

    ``credit`` is ``inline`` (本报讯（记者…）), ``trailing`` (…。（X Y）) or ``none``;
    ``bullet`` marks the headline (■ in a briefs column); ``zone`` sets the story in a
    development zone of the city; ``two_line`` may break the headline over two lines;
    ``kicker`` prints the headline's ``who：`` on a line of its own above the title.
    """
    a, r = _Art(cx, kind, section), cx.rng
    paper = paper or cx.paper
    typ = r.choice(TYPES)
    if zone:
        org = a.zone() + "管委会"
        a.org_kind[org] = "govt"
    else:
        org = a.org(r.choice([t for t in ACTS if t[0] == typ])[1])
    title_metric = a.met(title=True) if kind == "news" and r.random() < 0.2 else None
    if title_metric:  # a headline with a number: the same metric as in the body, listed once
        a.title = f"{a.county()}{title_metric}"
    else:
        who = org if (org.startswith("市") or region_hits(org)) and r.random() < 0.5 else a.county()
        a.title = f"{who}：{' ' if md and r.random() < 0.5 else ''}{r.choice(TOPICS[typ][0].split('|'))}"
    if kicker and not title_metric and not md and not bullet:
        # The who of the headline on a line of its own (a kicker): the title is the rest.
        a.subtitle, a.title = a.title.split("：", 1)
        a.subtitle += "："
        a.head += [a.subtitle, a.title]
    else:
        a.head += [md + bullet + x for x in _title_lines(a, a.title, two_line and not md and not bullet)]
    if credit == "inline" and (kind == "news" or r.random() < 0.85):
        tag = (_dated(a, paper) if r.random() < 0.15 else "本报讯") if paper == cx.paper \
            else paper + r.choice(["", "讯"])
        byline = _byline_inline(a, tag, paper)
    else:
        byline = ""
    a.p(f"{byline}{r.choice(LEADS)}{a.act(typ, org)}，{r.choice(PURPOSES)}。")
    if zone and a.zone_bare:
        a.p(f"{r.choice(STAT_LEADS)}{a.zone_bare}持续优化营商环境，服务企业和群众。")
    if r.random() < 0.5:
        a.p(f"{a.act(None, org if r.random() < 0.5 else None)}。{a.filler() if r.random() < 0.5 else ''}")
    if title_metric:
        a.stats(org, 1, [title_metric], "已")
    if photo:
        a.photo(paper)
    if r.random() < 0.8:
        a.stats(org, r.choice([1, 2, 2, 3] if kind == "news" else [1, 2]))
    for fn in r.sample([a.trap, a.saying, a.trap, a.filler], k=r.choice([1, 2])):
        a.p(fn())
    if r.random() < 0.5:
        a.p(r.choice(PLANS).format(org=org))
    a.ocr_noise(dup, split)
    if credit == "trailing":
        a.body[-1] = ("p", a.body[-1][1] + _trailing_credit(a))
    return a


def _photo_news(cx: _Ctx) -> _Art:
    """Photo news: a headline over a picture's caption sentence and the photographer's credit."""
    a, r = _Art(cx, "news"), cx.rng
    topic = r.choice(PHOTO_TITLES)
    a.title = f"{a.county()}：{topic}" if r.random() < 0.3 else topic
    a.head.append(a.title)
    d = cx.day - timedelta(days=r.randint(1, 5))
    place = a.pick("sq")[:-2] + r.choice(["广场", "公园"])
    if r.random() < 0.6:
        place = a.county() + place
    caption = r.choice(PHOTO_CAPTIONS).format(date=f"{d.month}月{d.day}日", place=place)
    who = a.credit(a.person(), "photographer")
    s, x = a.shown(who), r.random()
    if x < 0.3:
        body = [caption, f"本报记者 {s} 摄"]
    elif x < 0.5:
        body = [caption, f"本报通讯员 {s}摄"]
    elif x < 0.65:
        body = [caption, f"{s} 摄"]
    elif x < 0.8:
        body = [f"{caption} 本报记者 {s} 摄"]
    else:
        body = [f"{caption}（{s} 摄）"]
    a.body = [("cap", t) for t in body]
    return a


def _feature(cx: _Ctx, section: str | None, md: str = "", paper: str | None = None, dup: bool = False,
             two_line: bool = False) -> _Art:
    """A long report: title, ——deck, byline line, inner subheadings with a photo, a closing plan."""
    a, r = _Art(cx, "feature", section), cx.rng
    paper = paper or cx.paper
    a.title = r.choice(FEATURE_TITLES)
    a.head += [md + x for x in _title_lines(a, a.title, two_line and not md)]
    if r.random() < 0.75:
        deck = r.choice(DECKS)
        deck = deck.format(county=a.county() if "{county}" in deck else "",
                           city=a.reg(cx.city, True) if "{city}" in deck else "",
                           comm=a.pick("comm") if "{comm}" in deck else "",
                           vill=a.pick("town") + a.pick("vill") if "{vill}" in deck else "")
        a.subtitle = deck[2:]
        a.head.append(deck)
    reps = [r.choice(cx.staff[paper])] + ([a.person()] if r.random() < 0.3 else [])
    cors = [a.person() for _ in range(r.choice([0, 1, 1, 2]))]
    photo_report = r.random() < 0.2  # 摄影报道: the writers took the photos too
    for p in reps:
        a.credit(p, "reporter", *(["photographer"] if photo_report else []))
    for c in cors:
        a.credit(c, "correspondent", *(["photographer"] if photo_report else []))
    shown_reps, shown_cors = " ".join(map(a.shown, reps)), " ".join(map(a.shown, cors))
    if paper == cx.paper and r.random() < 0.6:
        line = f"本报记者 {shown_reps}" + (f" 本报通讯员 {shown_cors}" if cors else "")
    else:
        line = f"{paper}记者 {shown_reps}" + (f" 通讯员 {shown_cors}" if cors else "")
    a.head.append(line + (" 摄影报道" if photo_report else ""))
    a.p(a.filler())
    typ = r.choice(TYPES)
    main = a.org(r.choice([t for t in ACTS if t[0] == typ])[1])
    a.p(f"{r.choice(LEADS)}{a.act(typ, main)}。{a.saying() if r.random() < 0.5 else ''}")
    subs = r.sample(SUBHEADS, k=r.choice([2, 3, 3]))
    photo_at = r.randrange(len(subs))
    for i, sub in enumerate(subs):
        a.body.append(("sub", sub))
        a.p(f"{r.choice(LEADS)}{a.act()}。")
        for fn in r.sample([lambda: f"{a.act()}。", a.saying, a.trap, a.filler, a.visitor], k=r.choice([1, 2])):
            a.p(fn())
        if r.random() < 0.7:
            a.stats(a.org(r.choice(["govt", "comm", "civil"])), r.choice([1, 2, 3]))
        if i == photo_at:
            a.photo(paper)
    a.p(r.choice(PLANS).format(org=main))
    a.ocr_noise(dup, not md)
    return a


def _story(cx: _Ctx, dup: bool) -> _Art:
    """A single-story file: headline, a dateline with its place (本报<城市>M月D日电（记者X…） or
    新华社<城市>M月D日电（记者X Y）), and often a credit closing the last paragraph."""
    a, r = _Art(cx, "news"), cx.rng
    typ = r.choice(TYPES)
    heads = TOPICS[typ][0].split("|")
    a.title = f"{a.county()}{r.choice(heads)}" if r.random() < 0.6 else r.choice(FEATURE_TITLES)
    a.head.append(a.title)
    if r.random() < 0.4:
        a.subtitle = f"{a.county()}{r.choice(['着力', '持续', '全力'])}{r.choice(heads)}"
        a.head.append("——" + a.subtitle)
    d = cx.day - timedelta(days=1)
    s = a.shown
    org = a.org(r.choice(["govt", "civil", "enforce", "health"]))
    x = r.random()
    if x < 0.3:  # an agency's story: its reporters are credited like the paper's own
        place = a.reg(r.choice([cx.city, _capital()]), True)
        a.printed.append("新华社")
        reps = [a.credit(a.person(), "reporter") for _ in range(r.choice([1, 2]))]
        head = f"新华社{place}{d.month}月{d.day}日电（记者{' '.join(map(s, reps))}）"
    else:
        rep = a.credit(r.choice(cx.staff[cx.paper]), "reporter")
        cor = a.credit(a.person(), "correspondent") if x < 0.5 else None
        head = (f"本报{a.reg(cx.city, True)}{d.month}月{d.day}日电（记者{s(rep)}"
                + (f" 通讯员{s(cor)}" if cor else "") + "）")
    a.p(f"{head}{r.choice(LEADS)}{a.act(typ, org)}，{r.choice(PURPOSES)}。")
    for fn in r.sample([a.filler, a.saying, a.trap, a.visitor, lambda: f"{a.act()}。"], k=3):
        a.p(fn())
    a.stats(org, r.choice([2, 3]))
    a.p(r.choice(PLANS).format(org=org))
    a.ocr_noise(dup, False)
    if x >= 0.3 and r.random() < 0.8:
        credit = _trailing_credit(a)
        if r.random() < 0.2:
            a.body.append(("p", credit))  # on a line of its own
        else:
            a.body[-1] = ("p", a.body[-1][1] + credit)
    return a


@functools.lru_cache(maxsize=1)
def _capital() -> Region:
    """The national capital, where agency stories are often filed from."""
    return next(p for p in gazetteer().provinces if p.code == "110000000000")


# ---------------------------------------------------------------- pages
@dataclass(frozen=True, slots=True)
class GeneratedPage:
    file_name: str
    text: str  # as delivered, without the BOM that utf-8-sig adds
    encoding: str  # utf-8 | utf-8-sig | gb18030
    meta: dict  # newspaper, edition_date, page_number
    truth: dict  # benchmark gold shape

    def data(self) -> bytes:
        """The file's bytes."""
        return self.text.encode(self.encoding)


def _half(x):
    """Half-width punctuation (，：（） → ,:()) applied to a page and, identically, to its truth."""
    return _convert(x, _HALF)


def _convert(x, table: dict):
    """A character table applied to page text and, identically, to every printed string of its truth.

    Region names are not printed strings: the truth lists them in their standard full form.
    """
    if isinstance(x, str):
        return x.translate(table)
    if isinstance(x, list):
        return [_convert(v, table) for v in x]
    if isinstance(x, dict):
        return {k: v if k in ("regions", "newspaper", "file") else _convert(v, table) for k, v in x.items()}
    return x


def _traditional(rng: random.Random) -> dict:
    """A few traditional forms that one page prints throughout (as OCR of some typefaces does)."""
    keys = sorted(rng.sample(sorted(_TRAD), rng.randint(3, 6)))
    return str.maketrans({k: _TRAD[k] for k in keys})


def _city_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    banner = r.choice(BANNERS) if r.random() < 0.85 else None
    label, blabel = r.choice(SECTIONS), r.choice(BRIEF_LABELS)
    n_news, n_brief = r.randint(2, 4), r.randint(2, 3)
    dup_at = r.randrange(n_news + n_brief)
    zone_at = r.randrange(n_news) if r.random() < 0.3 else -1
    bullet = r.choice(BULLETS) + r.choice(["", " "]) if r.random() < 0.25 else ""
    lines, arts = ([banner] if banner else []) + [label], []
    for i in range(n_news + n_brief):
        if i == n_news:
            if r.random() < 0.35:  # photo news after a picture, between the news and the briefs
                photo = _build(_photo_news, cx)
                arts.append(photo)
                lines += [""] + photo.lines()
            lines.append(blabel)
        news = i < n_news
        a = _build(_news, cx, "news" if news else "brief", label if news else blabel, "", None,
                   i == 0, dup_at == i, news and r.random() < 0.3, bullet="" if news else bullet,
                   credit="inline" if news or r.random() < 0.8 else "trailing", zone=i == zone_at,
                   two_line=news and r.random() < 0.2, kicker=news and r.random() < 0.1)
        arts.append(a)
        lines += a.lines()
        if i == 0 and r.random() < 0.4:
            lines.append(r.choice(SLOGANS))  # a slogan line between articles: not an article
    if r.random() < 0.3:
        lines += ["", r.choice(SECTIONS)]  # a stray label at the foot of the page
    return lines, arts, banner, cx.paper


def _feature_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    paper = cx.prov_paper if r.random() < 0.4 else cx.paper
    paper = cx.page_paper or paper  # one page, one paper: a joined page's later parts keep the first's
    banner = r.choice(BANNERS) if r.random() < 0.3 else None
    section = r.choice(SECTIONS) if r.random() < 0.4 else None
    arts = [_build(_feature, cx, section, "", paper, r.random() < 0.5, r.random() < 0.2)]
    arts += [_build(_news, cx, "news", None, "", paper, two_line=r.random() < 0.2)
             for _ in range(r.choice([0, 1, 2]))]
    lines = ([banner] if banner else []) + ([section] if section else []) + [x for a in arts for x in a.lines()]
    return lines, arts, banner, paper


def _markdown_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    banner = r.choice(BANNERS) if r.random() < 0.7 else None
    blabel = r.choice(BRIEF_LABELS)
    lead = _build(_news, cx, "news", None, "## ", None, False, False, True, zone=r.random() < 0.2)
    briefs = [_build(_news, cx, "brief", blabel, "### ", None, False, i == 0) for i in range(r.randint(2, 3))]
    feature = _build(_feature, cx, None, "## ")
    lines = ([banner] if banner else []) + [""] + lead.lines() + [f"## {blabel}"]
    lines += [x for b in briefs for x in b.lines()] + feature.lines("### ")
    if r.random() < 0.5:
        lines.append(f"## {r.choice(SECTIONS)}")
    return lines, [lead, *briefs, feature], banner, cx.paper


def _column_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    """A briefs column on its own: bulleted headlines, no datelines, credits at the end if any."""
    r = cx.rng
    label = r.choice(BRIEF_LABELS) if r.random() < 0.6 else None
    bullet = r.choice(BULLETS) + r.choice(["", " "])
    n = r.randint(3, 5)
    dup_at = r.randrange(n) if r.random() < 0.3 else -1
    arts = [_build(_news, cx, "brief", label, "", None, False, i == dup_at, False, bullet=bullet,
                   credit=r.choice(["trailing", "trailing", "none"]), zone=r.random() < 0.1) for i in range(n)]
    lines = ([label] if label else []) + [x for a in arts for x in a.lines()]
    return lines, arts, None, cx.paper


def _context(day: date, seed: int) -> _Ctx:
    rng = random.Random(f"newsdw-generate|{seed}|{day.isoformat()}")
    prov, city, counties = rng.choice(_editions())
    cx = _Ctx(rng, day, prov, city, tuple(rng.sample(counties, min(4, len(counties)))),
              f"{city.short}日报", f"{prov.short}日报")
    probe = _Art(cx, "news")
    cx.staff = {cx.paper: [probe.person() for _ in range(2)], cx.prov_paper: [probe.person() for _ in range(2)]}
    return cx


def _edition_line(rng: random.Random, day: date, n: int, paper: str) -> str:
    """The page's edition line (date, page number, the page's name): furniture, not an article."""
    return rng.choice([f"{paper}  {day.year}年{day.month}月{day.day}日  第{n}版",
                       f"第{n:02d}版：{rng.choice(['要闻', '综合', '城事', '民生'])}",
                       f"{day.year}年{day.month}月{day.day}日　星期{'一二三四五六日'[day.weekday()]}"])


PAGE_MAKERS = {"city": _city_page, "feature": _feature_page, "markdown": _markdown_page, "column": _column_page}


# A page's person names are unique on it (headlines too, while fresh ones last), and the
# vocabularies are finite: past this size a page would run out of fresh names.
MAX_PAGE_BYTES = 200_000


def _file_name(kind: str, n: int, taken: set) -> str:
    """Page ``n``'s file name: ``story_NN.txt``, the first markdown page ``briefs.txt``, ``columnNN.txt``, ``pNN.txt``."""
    if kind == "story":
        return f"story_{n:02d}.txt"
    if kind == "markdown" and "briefs.txt" not in taken:
        return "briefs.txt"
    return f"{'column' if kind == 'column' else 'p'}{n:02d}.txt"


def _joined_page(cx: _Ctx, kind: str, n: int, name: str, page_bytes: tuple[int, int]) -> GeneratedPage:
    """Page ``n`` of kind ``kind`` made of parts of that kind joined until its text reaches a size drawn
    from ``page_bytes`` (UTF-8 bytes, both ends included); a part that would pass the upper end is left out.

    The page's furniture is printed once: the edition line and banner of the first part (later
    parts' banners are dropped), one paper (cx.page_paper), one layout (tight or not, half-width
    or not, traditional forms or not). Every part is an ordinary page body of its kind, so each
    article's truth is recorded as it is written, exactly as on a page of one part.
    Person names and headlines stay unique over the whole page; stock sentences only within a part.
    """
    r, day, (lo, hi) = cx.rng, cx.day, page_bytes
    enc = "utf-8-sig" if kind == "story" and r.random() < 0.5 else "gb18030" if r.random() < 0.1 else "utf-8"
    table = dict(_HALF) if kind != "story" and r.random() < 0.35 else {}
    if r.random() < 0.12:
        table.update(_traditional(r))  # no key or value in common with _HALF: one table does both
    cx.tight = kind != "story" and r.random() < (0.4 if kind == "column" else 0.12)
    with_edition, edition = r.random() < 0.25, None
    lead_blank = r.random() < 0.5
    target = r.randint(lo, hi)
    lines: list[str] = []  # as printed: the table applied, line by line (it maps characters one to one)
    arts: list[_Art] = []
    banner = paper = None
    size, misses = 0, 0

    def assemble(body: list[str]) -> str:
        top = edition.translate(table) if edition else None
        if kind == "story":
            return "\r\n".join(([top, ""] if top else []) + body) + "\r\n"
        body = ([top] if top else []) + body
        if cx.tight:  # one line per paragraph, no blank lines
            return "\n".join(x for x in body if x) + "\n"
        return ("\n\n" if lead_blank else "") + "\n\n".join(body) + "\n"

    while size < target:
        cx.paras, cx.stock = set(), set()  # a stock sentence may come back in another part of a long page
        used, titles = set(cx.used), set(cx.titles)  # a part left out gives its names and headlines back
        try:
            if kind == "story":
                a = _build(_story, cx, r.random() < 0.3)
                indent = "　　" if r.random() < 0.5 else ""
                part = ([""] if lines else []) + [indent + a.head[0], ""] + a.head[1:] + ["　　" + t for _, t in a.body]
                part_arts, part_banner, part_paper = [a], None, cx.paper
            else:
                part, part_arts, part_banner, part_paper = PAGE_MAKERS[kind](cx)
        except RuntimeError:  # no fresh headline left (12 feature titles): on a page this long one may repeat
            if not titles:
                raise
            cx.used, cx.titles = used, set()
            continue
        if part_banner and lines:
            part = part[1:]  # the banner is printed once, at the top of the page
        if table:
            part = [x.translate(table) for x in part]
        if not lines:  # the edition line names the first part's paper
            edition = _edition_line(r, day, n, part_paper) if with_edition else None
        grown = len(assemble(lines + part).encode("utf-8"))
        if grown > hi:
            misses += 1
            cx.used, cx.titles = used, titles
            if size >= lo:
                break  # in range already: stop short of the drawn size rather than pass the upper end
            if misses > 50:
                raise ValueError(f"could not fill a {kind} page to {lo}-{hi} bytes: parts are too large for the range")
            continue
        if not lines:
            banner, paper = part_banner, part_paper
            cx.page_paper = paper
        lines += part
        arts += part_arts
        size = grown
    cx.page_paper = cx.stock = None
    text = assemble(lines)
    truth = {"file": name, "newspaper": paper, "page_banner": banner, "articles": [a.truth() for a in arts]}
    if table:
        truth = _convert(truth, table)
    meta = {"newspaper": paper, "edition_date": day.isoformat(), "page_number": f"{n:02d}"}
    # The truth is built of fresh dicts, lists, strings and numbers already: no JSON round trip
    # to copy it (that took a tenth of a year's generation).
    return GeneratedPage(name, text, enc, meta, truth)


def generate_day(day: date, seed: int = 0, pages: int = 3,
                 page_bytes: tuple[int, int] | None = None) -> list[GeneratedPage]:
    """A day's edition: page 1 is a city page; the others are a feature, a markdown page, a single
    story and a briefs column, shuffled (later pages repeat the kinds).

    With ``page_bytes`` = (low, high), every page is made of parts of its kind joined until its
    text (in UTF-8) reaches a size drawn between low and high bytes: the volume of real pages
    (10–20 KB) rather than the few short articles of a page of one part.
    """
    if page_bytes is not None and not 0 < page_bytes[0] <= page_bytes[1] <= MAX_PAGE_BYTES:
        raise ValueError(f"page size range must be 0 < low <= high <= {MAX_PAGE_BYTES}, not {page_bytes}")
    cx = _context(day, seed)
    r, staff = cx.rng, {n for names in cx.staff.values() for n in names}
    others = ["feature", "markdown", "story", "column"]
    r.shuffle(others)
    kinds = ["city"] + [others[i % 4] if i < 4 or r.random() < 0.5 else "city" for i in range(pages - 1)]
    out, taken = [], set()
    for n, kind in enumerate(kinds, start=1):
        cx.used, cx.titles, cx.paras = set(staff), set(), set()
        if page_bytes is not None:
            name = _file_name(kind, n, taken)
            taken.add(name)
            out.append(_joined_page(cx, kind, n, name, page_bytes))
            continue
        if kind == "story":
            a = _build(_story, cx, r.random() < 0.3)
            name, arts, banner, paper = f"story_{n:02d}.txt", [a], None, cx.paper
            indent = "　　" if r.random() < 0.5 else ""
            top = [_edition_line(r, day, n, paper), ""] if r.random() < 0.3 else []
            text = "\r\n".join(top + [indent + a.head[0], ""] + a.head[1:] + ["　　" + t for _, t in a.body]) + "\r\n"
        else:
            cx.tight = r.random() < (0.4 if kind == "column" else 0.12)
            lines, arts, banner, paper = PAGE_MAKERS[kind](cx)
            if r.random() < 0.2:
                lines = [_edition_line(r, day, n, paper)] + lines
            if kind == "markdown" and "briefs.txt" not in taken:
                name = "briefs.txt"
            else:
                name = f"{'column' if kind == 'column' else 'p'}{n:02d}.txt"
            if cx.tight:  # one line per paragraph, no blank lines (a picture's place leaves no trace)
                text = "\n".join(x for x in lines if x) + "\n"
            else:
                text = ("\n\n" if r.random() < 0.5 else "") + "\n\n".join(lines) + "\n"
        taken.add(name)
        enc = "utf-8-sig" if kind == "story" and r.random() < 0.5 else "gb18030" if r.random() < 0.1 else "utf-8"
        truth = {"file": name, "newspaper": paper, "page_banner": banner, "articles": [a.truth() for a in arts]}
        if kind != "story" and r.random() < 0.35:
            text, truth = _half(text), _half(truth)
        if r.random() < 0.12:
            table = _traditional(r)
            text, truth = _convert(text, table), _convert(truth, table)
        meta = {"newspaper": paper, "edition_date": day.isoformat(), "page_number": f"{n:02d}"}
        out.append(GeneratedPage(name, text, enc, meta, json.loads(json.dumps(truth))))
    return out


# ---------------------------------------------------------------- edge
def write_landing(out: Path, days: int, start: date, seed: int = 0, pages: int = 3,
                  page_bytes: tuple[int, int] | None = None, truth: bool = True) -> list[Path]:
    """Write ``days`` editions of ``pages`` pages each from ``start``: ``<out>/<day>/<file>`` with a
    ``.meta.json`` sidecar, and (unless ``truth`` is false) the truth as ``<out>/_truth/<day>/<stem>.json``;
    return the page paths. ``page_bytes`` = (low, high) joins each page's parts until its text is
    between low and high UTF-8 bytes (see ``generate_day``)."""
    written = []
    for i in range(days):
        day = start + timedelta(days=i)
        folder, truth_folder = Path(out) / day.isoformat(), Path(out) / "_truth" / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        if truth:
            truth_folder.mkdir(parents=True, exist_ok=True)
        for page in generate_day(day, seed, pages, page_bytes):
            path = folder / page.file_name
            path.write_bytes(page.data())
            (folder / f"{page.file_name}.meta.json").write_text(
                json.dumps(page.meta, ensure_ascii=False, indent=1), encoding="utf-8")
            if truth:  # one line: json's C encoder (an indented dump takes the pure-Python one, 10× slower)
                (truth_folder / f"{Path(page.file_name).stem}.json").write_text(
                    json.dumps(page.truth, ensure_ascii=False), encoding="utf-8")
            written.append(path)
    return written
