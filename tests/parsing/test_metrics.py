"""Metric extraction rules, one short sentence per rule (written for the tests, not taken from pages)."""

from __future__ import annotations

import pytest

from ingestion.parsing.metrics import extract_metrics


def metrics(text: str):
    return extract_metrics(text, [(0, len(text))])


def one(text: str):
    found = metrics(text)
    assert len(found) == 1, [(m.value, m.unit, text[m.start : m.end]) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "kind"),
    [
        ("检查发现不合格门店两家。", 2.0, "家", "exact", "count"),
        ("街坊们一周内捐款一万多元。", 10000.0, "元", "at_least", "money"),
        ("百分之九十八的受访者表示满意。", 98.0, "%", "exact", "percent"),
        ("全市登记志愿者12.3万余人。", 123000.0, "人", "at_least", "count"),
        ("上半年工业产值同比增长6.8%。", 6.8, "%", "exact", "percent"),
        ("近400人参加了长跑。", 400.0, "人", "at_most", "count"),
        ("共清运垃圾约50吨。", 50.0, "吨", "approx", "weight"),
        ("现场清运垃圾50吨左右。", 50.0, "吨", "approx", "weight"),
        ("满意率超过95%。", 95.0, "%", "at_least", "percent"),
        ("培训学员500人以上。", 500.0, "人", "at_least", "count"),
        ("审批时限压缩到3个工作日以内。", 3.0, "个工作日", "at_most", "duration"),
        ("新修步道2,048米。", 2048.0, "米", "exact", "length"),
        ("改造绿地2.7万余平方米。", 27000.0, "平方米", "at_least", "area"),
        ("全年营业收入45.6亿元。", 4560000000.0, "元", "exact", "money"),
        ("募集善款60余万元。", 600000.0, "元", "at_least", "money"),
        ("发放补贴不足20万元。", 200000.0, "元", "at_most", "money"),
        ("服务时长累计1.8万小时。", 18000.0, "小时", "exact", "duration"),
        ("她在街道任职12年。", 12.0, "年", "exact", "duration"),
        ("新增公交线路十余条。", 10.0, "条", "at_least", "count"),
        ("接待游客6321人次。", 6321.0, "人次", "exact", "count"),
        ("占比提高2个百分点。", 2.0, "个百分点", "exact", "percent"),
        ("近千名群众观看演出。", 1000.0, "名", "at_most", "count"),
        ("组织百余名党员参加。", 100.0, "名", "at_least", "count"),  # a bare 百 before 余
        ("惠及千余户居民。", 1000.0, "户", "at_least", "count"),
        ("捐款万余元。", 10000.0, "元", "at_least", "money"),
        ("新装了5盏路灯。", 5.0, "盏", "exact", "count"),
        # temperatures, wind force and earthquakes (级 only there), days and nights
        ("最高气温35℃。", 35.0, "℃", "exact", "other"),
        ("午后阵风可达7级。", 7.0, "级", "exact", "other"),
        ("当地发生6.2级地震。", 6.2, "级", "exact", "other"),
        ("部队连续激战4个昼夜。", 4.0, "个昼夜", "exact", "duration"),
    ],
)
def test_value_unit_qualifier_kind(text, value, unit, qualifier, kind):
    m = one(text)
    assert (m.value, m.unit, m.qualifier, m.kind) == (value, unit, qualifier, kind)


def test_before_after_pair_gives_two_metrics():
    found = metrics("门票由平均120元降低到平均45元。")
    assert [(m.value, m.unit) for m in found] == [(120.0, "元"), (45.0, "元")]


def test_value_band_follows_qualifier():
    assert (lambda m: (m.value_low, m.value_high))(one("帮扶300余户。")) == (300.0, None)
    assert (lambda m: (m.value_low, m.value_high))(one("用时近2小时。")) == (None, 2.0)
    assert (lambda m: (m.value_low, m.value_high))(one("约有50家参展。")) == (None, None)
    assert (lambda m: (m.value_low, m.value_high))(one("共有80家参展。")) == (80.0, 80.0)


def test_a_range_is_one_approx_metric_with_its_band():
    found = metrics("分组3至5人。")
    assert [(m.value, m.unit, m.qualifier, m.value_low, m.value_high) for m in found] == [(5.0, "人", "approx", 3.0, 5.0)]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("每户每季度补助800到1200元。", (800.0, 1200.0, "元")),
        ("果树挂果要等两至三年。", (2.0, 3.0, "年")),
        ("快递一到两天就能送达。", (1.0, 2.0, "天")),
        ("这台机器每小时能处理60—80吨秸秆。", (60.0, 80.0, "吨")),
        ("新品种能增产两到三成。", (2.0, 3.0, "成")),
        ("投资规模在1至1.5亿元之间。", (100000000.0, 150000000.0, "元")),
    ],
)
def test_a_range_keeps_both_ends_in_its_band(text, band):
    assert [(m.value_low, m.value_high, m.unit) for m in metrics(text)] == [band]
    assert [m.value for m in metrics(text)] == [band[1]]


def test_range_of_years_is_dates_not_metrics():
    assert metrics("1996—2003年，他在县城读书。") == []


@pytest.mark.parametrize(
    "text",
    [
        "6月12日上午，活动在广场举行。",  # date
        "9时许，志愿者到达现场。",  # clock time
        "2019年，该县启动改造。",  # year
        "70多岁的老人也来帮忙。",  # age
        "第十三届运动会开幕。",  # ordinal
        "居全市第四位。",  # rank
        "推行“1+6”工作法。",  # code in quotes
        "开通“12345热线”服务。",  # code in quotes
        "一位居民打来电话。",  # 一 as "a"
        "一次性餐具不再提供。",  # 一次性
        "三大运营商参与建设。",  # N大 + noun
        "学习贯彻二十大精神。",  # a name
        "服务千家万户。",  # set phrase
        "为百姓办实事。",  # 百 without 余/多 and no qualifier
        "这两天雨水较多。",  # 这两天
        "请拨打6543210咨询。",  # phone number
        "家住8号楼2单元。",  # addresses
        "每3天巡查一次。",  # frequency
        "大家树牢四个意识。",  # slogan
        "数十名群众围观。",  # vague
        "《2019年工作方案》印发。",  # inside a title
    ],
)
def test_not_metrics(text):
    assert metrics(text) == []


def test_direct_speech_numbers_still_count():
    m = one("“这片归我管的有9栋楼，天天都得转一遍。”网格员说。")
    assert (m.value, m.unit) == (9.0, "栋")


def test_subject_after_measure_word_and_before_number():
    assert one("辖区有12个老旧小区。").subject == "老旧小区"
    assert one("抽查小作坊40余家。").subject == "抽查小作坊"


def test_period_in_same_sentence():
    assert one("今年1至9月份，规上工业增加值同比增长6.1%。").period == "今年1至9月份"
    assert one("截至目前，累计发放贷款3亿元。").period == "截至目前"


def test_quote_span_holds_number_and_unit():
    text = "组织开展义诊活动12场。"
    m = one(text)
    assert "12场" in text[m.start : m.end]


def test_identical_repeats_are_deduplicated_but_distinct_quotes_kept():
    text = "共发放手册300份。共发放手册300份。另发放宣传页300份。"
    found = metrics(text)
    assert len(found) == 2


def test_multiple_spans_offsets_index_the_page():
    text = "标题\n今年新建公园3个。\n无关段落"
    found = extract_metrics(text, [(3, 12)])
    assert len(found) == 1 and text[found[0].start : found[0].end].endswith("3个")


@pytest.mark.parametrize(
    "text",
    [
        "传达市委四届八次全会精神。",  # a session's name
        "开通24小时服务热线。",  # round the clock, not a duration
        "实施三年行动计划。",  # a plan's name
        "二期工程开工。",  # a phase's name
        "增幅比上月高2.2个。",  # a fractional count is no count
    ],
)
def test_more_non_metrics(text):
    assert metrics(text) == []


def test_elliptic_percentage_points():
    found = metrics("分别提高7.9个、3.4个和1.7个百分点。")
    assert [(m.value, m.unit) for m in found] == [(7.9, "个百分点"), (3.4, "个百分点"), (1.7, "个百分点")]


def test_negative_percent():
    m = one("去年同期为-1.1%。")
    assert (m.value, m.unit) == (-1.1, "%")


def test_scale_before_a_unit_starting_with_qian():
    m = one("铺设光纤369.54万千米。")
    assert (m.value, m.unit, m.kind) == (3695400.0, "千米", "length")


def test_large_scaled_values_are_exact():
    assert one("更新改造投资144.3亿元。").value == 14430000000.0


# --------------------------------------------------------------------------- rules for other papers
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "kind"),
    [
        # a bare 万/亿 amount is money when its clause speaks of money (SPEC: the unit after 万/亿)
        ("该项目总投资2.5亿，年内开工。", 250000000.0, "元", "exact", "money"),
        ("落实各类补贴资金约80万。", 800000.0, "元", "approx", "money"),
        ("全县户籍人口约76万。", 760000.0, "人", "approx", "count"),
        # shares written as 成 (tenths) after a single Chinese digit: kept as printed, a percent kind
        ("八成以上的受访居民表示满意。", 8.0, "成", "at_least", "percent"),
        ("已有超过六成的村建起文化广场。", 6.0, "成", "at_least", "percent"),
        ("两成农户加入了合作社。", 2.0, "成", "exact", "percent"),
        ("如今九成都返京复工了。", 9.0, "成", "exact", "percent"),  # 九成都: nine tenths all, not 成都
        # fractions, as a per cent rounded to 0.01
        ("全镇三分之一的农户种上了大棚菜。", 33.33, "%", "exact", "percent"),
        ("近四分之三的路段完成了硬化。", 75.0, "%", "at_most", "percent"),
        # areas and durations
        ("新增高标准农田1.2万亩。", 12000.0, "亩", "exact", "area"),
        ("完成造林3800公顷。", 3800.0, "公顷", "exact", "area"),
        ("治理水土流失面积45平方公里。", 45.0, "平方公里", "exact", "area"),
        ("项目建设工期18个月。", 18.0, "个月", "exact", "duration"),
        ("他在村里当了20年支书。", 20.0, "年", "exact", "duration"),
        ("全年空气优良天数289天。", 289.0, "天", "exact", "duration"),
        ("高于全省平均水平0.4个百分点。", 0.4, "个百分点", "exact", "percent"),
    ],
)
def test_other_papers_value_unit_qualifier_kind(text, value, unit, qualifier, kind):
    m = one(text)
    assert (m.value, m.unit, m.qualifier, m.kind) == (value, unit, qualifier, kind)


@pytest.mark.parametrize(
    "text",
    [
        "建成后惠及群众2万余。",  # bare 万 with nothing that says what it counts
        "这台设备价格不菲，已运行2万。",  # no money word in its own clause
        "三成群结队的孩子跑过来。",  # 成 not ending the phrase
        "这批树苗七成活了下来。",  # 成活, not a share
        "2021-2023年获评先进单位。",  # a span of years
        "办理时间为周一至周五。",  # weekdays
    ],
)
def test_other_papers_non_metrics(text):
    assert metrics(text) == []


def test_bare_amount_money_context_must_be_in_its_clause():
    found = metrics("投资方来自外地，园区人数达到2万。")
    assert found == []


def test_range_with_a_dash_is_approx_with_both_ends():
    (m,) = metrics("每期培训10-15天。")
    assert (m.value, m.unit, m.qualifier, m.value_low, m.value_high) == (15.0, "天", "approx", 10.0, 15.0)
    assert m.subject == "每期培训"


def test_range_with_zhi_keeps_the_low_end_in_the_quote():
    text = "每个小组安排3至5人。"
    for m in metrics(text):
        assert "3至5人" in text[m.start : m.end] and m.subject == "每个小组安排"


def test_statistics_bulletin():
    text = "1至10月，全县规上工业增加值同比增长6.5%，社会消费品零售总额1234.5亿元，增长3.2%。"
    found = metrics(text)
    assert [(m.value, m.unit, m.kind) for m in found] == [
        (6.5, "%", "percent"),
        (123450000000.0, "元", "money"),
        (3.2, "%", "percent"),
    ]
    assert found[0].subject == "全县规上工业增加值同比增长"
    assert found[2].subject == "社会消费品零售总额增长"  # a bare change takes the noun before it
    assert {m.period for m in found} == {"1至10月"}


def test_second_number_of_the_same_thing_shares_the_subject():
    found = metrics("城乡居民人均可支配收入分别达到38526元和17302元。")
    assert [m.subject for m in found] == ["城乡居民人均可支配收入", "城乡居民人均可支配收入"]
    found = metrics("企业开办时间由3个工作日压缩至1个工作日。")
    assert [(m.value, m.subject) for m in found] == [(3.0, "企业开办时间"), (1.0, "企业开办时间")]


def test_subject_after_the_measure_word_stops_at_the_next_number():
    found = metrics("累计为120家企业减免税费3000余万元。")
    assert [(m.value, m.unit, m.subject) for m in found] == [
        (120.0, "家", "企业减免税费"),
        (30000000.0, "元", "企业减免税费"),
    ]


def test_share_subject_after_de():
    assert one("超过七成的征地工作已经完成。").subject == "征地工作"


def test_inspection_tallies():
    found = metrics("此次共出动执法人员86人次，检查经营主体312家，发现问题隐患17处。")
    assert [(m.value, m.unit) for m in found] == [(86.0, "人次"), (312.0, "家"), (17.0, "处")]
    assert found[0].subject == "出动执法人员"


def test_planned_quantities_are_still_metrics():
    found = metrics("下一步，计划新建口袋公园10个，改造老旧小区26个。")
    assert [(m.value, m.unit) for m in found] == [(10.0, "个"), (26.0, "个")]


@pytest.mark.parametrize(
    "lead",
    [
        "自2023年10月份以来",
        "从去年12月以来",
        "2024年10至12月份",
        "今年1-9月",
        "本年度前三季度",
        "去年第四季度",
        "截至2024年12月31日底",
        "自近年以来",
        "截至目前",
        "2023年度",
    ],
)
def test_period_scan_may_start_near_the_first_anchor(lead):
    """period() starts its scan PERIOD_REACH characters before the first 月/年/季/截/目: no match starts earlier."""
    from ingestion.parsing.metric_subjects import PERIOD, PERIOD_ANCHOR, PERIOD_REACH, period

    text = "据统计，" + lead + "，全县新增就业3200人。"
    for m in PERIOD.finditer(text):
        assert PERIOD_ANCHOR.search(text, m.start()).start() - m.start() < PERIOD_REACH, m.group(0)
    full = [m.group(0) for m in PERIOD.finditer(text, 0, text.index("3200"))]
    assert period(text, 0, text.index("3200")) == full[-1]


# --------------------------------------------------------------------------- national-paper forms
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("公园门口挂出20副春联。", 20.0, "副", "exact"),
        ("这项赛事已举办4届。", 4.0, "届", "exact"),
        ("青禾市连续五届获评文明城市。", 5.0, "届", "exact"),
        ("辖区有8.2万多人口。", 82000.0, "人", "at_least"),
        ("全街道有2.2万多老年人。", 22000.0, "人", "at_least"),
        ("年产值逼近50亿元。", 5_000_000_000.0, "元", "at_most"),
        ("全年交易额突破3万亿元。", 3e12, "元", "at_least"),
        ("合同金额超十万亿元。", 1e13, "元", "at_least"),
        ("近三成企业已复工。", 3.0, "成", "at_most"),
        # a bare scale after a qualifier
        ("新工厂的口罩日产量过亿只。", 1e8, "只", "at_least"),
        ("小程序的用户已上亿人。", 1e8, "人", "at_least"),
        ("全年营收近百亿元。", 1e10, "元", "at_most"),
        ("线上展会吸引观众超千万人次。", 1e7, "人次", "at_least"),
        ("交易额再次突破千亿元。", 1e11, "元", "at_least"),
        ("新品上市当月销量过万台。", 1e4, "台", "at_least"),
    ],
)
def test_national_paper_forms(text, value, unit, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "十三届全国人大三次会议在京开幕。",  # a session's name
        "2020届毕业生开始求职。",  # a graduating class
        "副市长出席会议。",  # no numeral before 副
        "两副市长分别发言。",  # 副 before an office is a deputy
    ],
)
def test_national_paper_non_metrics(text):
    assert not [m for m in metrics(text) if m.unit in ("届", "副")]


@pytest.mark.parametrize(
    "text",
    [
        "十三届全国人大三次会议在京开幕。",  # the session after the term and the body it names
        "十九届中央纪委四次全会召开。",
        "全国政协十三届三次会议闭幕。",
        "零部件供应恢复了，零部件企业陆续复工。",  # 零部件 is a word, not zero 部
        "零售门店已全部营业。",
    ],
)
def test_session_numbers_and_words_with_ling_are_no_counts(text):
    assert metrics(text) == []


def test_meetings_held_are_still_counted():
    assert [(m.value, m.unit) for m in metrics("常委会今年召开了三次会议。")] == [(3.0, "次")]


@pytest.mark.parametrize(
    "text",
    [
        "她获得女子50公斤级冠军。",  # a weight class
        "光绪二十年，他考中进士。",  # a reign's year is a date
        "三次产业结构持续优化。",  # the three sectors
        "投资3000万人民币建设新校区。",  # money, not people (no 元 either: not read as a count of 人)
    ],
)
def test_weight_classes_reign_years_and_sectors_are_no_metrics(text):
    assert [m for m in metrics(text) if m.unit in ("公斤", "年", "次", "人")] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全省6000多万人民众志成城。", 60_000_000.0),  # people counted as 人民
        ("代表7500多万家乡人民发言。", 75_000_000.0),
        ("我国有4亿多中等收入群体。", 400_000_000.0),
    ],
)
def test_people_named_by_what_they_are_are_counted_in_ren(text, value):
    assert [(m.value, m.unit) for m in metrics(text)] == [(value, "人")]


def test_a_unit_before_a_noun_that_begins_like_another_word():
    # 家中 is "at home", but 家中小企业 is 家 + 中小企业
    assert [(m.value, m.unit) for m in metrics("带动1万余家中小企业复工。")] == [(10000.0, "家")]
    assert metrics("老人们都留在家中。") == []


# --------------------------------------------------------------------------- figures restated in headlines
def _headline_and_body(headline: str, body: str) -> list[tuple[float, str]]:
    text = headline + "\n" + body
    spans = [(0, len(headline)), (len(headline) + 1, len(text))]
    return [(m.value, m.unit) for m in extract_metrics(text, spans)]


def test_headline_rounding_of_a_body_figure_is_one_metric():
    got = _headline_and_body("青禾县粮食产量突破13亿斤", "今年青禾县粮食总产量达13.26亿斤，比上年增长2%。")
    assert got == [(1_326_000_000.0, "斤"), (2.0, "%")]
    got = _headline_and_body("千余项目集中开工", "全市1014个项目集中开工。")
    assert (1014.0, "个") in got


def test_headline_figure_the_body_does_not_restate_is_kept():
    got = _headline_and_body("青禾县新建口袋公园12个", "今年以来，青禾县建成口袋公园，惠及居民3万人。")
    assert (12.0, "个") in got and (30000.0, "人") in got


def test_different_exact_figures_are_not_roundings():
    got = _headline_and_body("培养骨干1593名", "今年共培养本地医疗骨干1446名。")
    assert (1593.0, "名") in got and (1446.0, "名") in got


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("为商户提供最高30万元的贷款贴息。", "at_most"),
        ("每户补贴最多200元。", "at_most"),
        ("起步价最低为10元。", "at_least"),
        ("活动惠及群众近1万余人次。", "at_most"),  # the word before the number decides
        ("活动惠及群众1万余人次。", "at_least"),
    ],
)
def test_bound_words_before_the_number(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("工地离镇上不到一公里。", 1.0, "公里", "at_most"),
        ("从报名到开课用了约一个月。", 1.0, "个月", "approx"),
        ("这条便道修了一年多。", 1.0, "年", "at_least"),
        ("每班至少配一名以上保洁员。", 1.0, "名", "at_least"),
        ("救援队接警后近一小时赶到。", 1.0, "小时", "at_most"),
    ],
)
def test_one_with_a_bound_is_a_number(text, value, unit, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "老人一次拿了一张表。",  # 一 as "a/one"
        "大家想不到一块儿去。",  # 一块儿: together
        "食堂最多一天接待了八十多桌。".replace("八十多桌", "很多人"),  # 最多 bounds something else
    ],
)
def test_one_without_a_bound_is_not_a_number(text):
    assert metrics(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30年来，这所乡村小学走出了上千名学生。", 30.0),
        ("近5年，村里新修道路十几条。", 5.0),
        ("过去3个月，网格员走遍了每一栋楼。", 3.0),
        ("建站20多年来，站里没出过一次差错。", 20.0),
    ],
)
def test_span_of_time_before_a_change_is_a_duration(text, value):
    durations = [m for m in metrics(text) if m.kind == "duration"]
    assert [m.value for m in durations] == [value]


def test_year_with_laiyi_is_still_a_date():
    assert metrics("2018年以来，该县持续推进改厕。") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("这名选手综合得分87.5分。", 87.5),
        ("期末测评他拿到了96分。", 96.0),
    ],
)
def test_points_of_a_score(text, value):
    m = one(text)
    assert (m.value, m.unit, m.kind) == (value, "分", "other")


@pytest.mark.parametrize(
    "text",
    [
        "这项工作十分重要。",  # 十分: very
        "上午10时25分，车队从站前出发。",  # a clock's minutes
        "早上7点40分大家就到齐了。",  # a clock's minutes
        "二分之一的名额留给新人。".replace("二分之一的名额", "一半名额"),
        "小卖部分别卖了几样菜。".replace("小卖部分别卖了几样菜", "部分商户分别登记"),
    ],
)
def test_not_points(text):
    assert [m for m in metrics(text) if m.unit == "分"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("新建风电场装机容量45万千瓦。", 450000.0, "千瓦", "other"),
        ("全年累计发电2.8亿千瓦时。", 280000000.0, "千瓦时", "other"),
        ("新投运一座500千伏变电站。", 500.0, "千伏", "other"),
        ("这台起重设备额定拉力800千牛。", 800.0, "千牛", "other"),
        ("港口今年完成集装箱吞吐量36万标准箱。", 360000.0, "标准箱", "other"),
        ("当地政府拨款15亿卢比修建水渠。", 1500000000.0, "卢比", "money"),
        ("该公司在当地投资3000万卢布。", 30000000.0, "卢布", "money"),
        ("双边贸易额突破800亿韩元。", 80000000000.0, "韩元", "money"),
        ("夜间气温降到零下18摄氏度。", 18.0, "摄氏度", "other"),
    ],
)
def test_compound_and_foreign_units(text, value, unit, kind):
    m = one(text)
    assert (m.value, m.unit, m.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("抢修持续了4个半小时。", 4.5, "个小时", "exact"),  # 个半: half a unit more
        ("新村民搬进来已经一个半月。", 1.5, "个月", "exact"),  # 一 with a half is a quantity
        ("全省还有3200万农村人口喝上了自来水。", 32000000.0, "人", "exact"),  # 万 + who + 人口
        ("今年要再减少800万以上贫困人口。", 8000000.0, "人", "at_least"),
        ("两地干部结成结对子58对。", 58.0, "对", "exact"),
        ("这家工厂研发了三十余款新产品。", 30.0, "款", "at_least"),
        ("老人写下回忆录近3万字。", 30000.0, "字", "at_most"),
        ("全县每千人口拥有医师3.15人。", 3.15, "人", "exact"),  # a rate per head keeps its fraction
    ],
)
def test_halves_people_after_wan_pairs_models_words_and_rates(text, value, unit, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "大家牢记十六字方针。",  # a slogan's length in Chinese numerals
        "两个部门开展一对一帮扶。",  # 一对一 is a way of pairing, not pairs
        "投资2000万帮扶农村人口。",  # money before it: not people
    ],
)
def test_not_these_units(text):
    assert [(m.value, m.unit) for m in metrics(text) if m.unit in ("字", "对", "人")] == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("这座古城已有3000多年的历史。", 3000.0, "年", "at_least"),  # 多 makes it a span, not a year
        ("当晚发生两起交通事故。", 2.0, "起", "exact"),  # 两起 counts incidents
        ("镇里举办了三期技能培训班。", 3.0, "期", "exact"),
    ],
)
def test_spans_incidents_and_sessions(text, value, unit, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "预计到2035年左右基本建成。",  # a year with a bound is still a year
        "一时间谣言四起。",  # 四起: rising on all sides
        "大家一起动手。",
        "地铁工程二期开通。",  # a phase named by its number
        "严格落实中央八项规定精神。",  # a name
        "坚持四项基本原则。",
        "老人骑着三轮车去赶集。",  # a tricycle
        "中匈两国人民友谊深厚。",  # two countries named, not counted (Arabic numerals only)
        "一方面要加强监管，另一方面要优化服务。",
        "经济可能出现两位数衰退。",  # double digits, not two people
        "雨水是二十四节气之一。",  # the solar terms
        "71集团军的战士们列队出发。",  # 集团军: an army group, not episodes
        "2019国庆期间游客增多。",  # a year, then 国庆
        "全国31省市区联动。",  # 省市区: a word goes on
    ],
)
def test_years_idioms_phases_and_names_are_not_metrics(text):
    assert metrics(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("选手们经过4天半的比赛。", 4.5, "天"),  # N天半, N年半: half a unit more
        ("他在村里驻了两年半。", 2.5, "年"),
        ("中欧班列累计开行2万列。", 20000.0, "列"),
        ("为期四周的集训结束了。", 4.0, "周"),
    ],
)
def test_halves_after_the_unit_trains_and_weeks(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (value, unit)


@pytest.mark.parametrize("text", ["他环顾四周，没有人。", "这条线路被列入计划。", "村子四周都是山。"])
def test_surroundings_and_listing_are_not_metrics(text):
    assert metrics(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("排队用了近半个小时。", 0.5, "个小时", "at_most"),  # half a unit with no numeral
        ("近半年来，村里变化很大。", 0.5, "年", "at_most"),
        ("距今约8000年的稻作遗存。", 8000.0, "年", "approx"),  # years before now are a span
        ("他在山区走了15个年头。", 15.0, "个年头", "exact"),
        ("每天往返的列车增加到52对。", 52.0, "对", "exact"),
        ("条例共8章50条。", 8.0, "章", "exact"),
        ("救护车不到半小时就赶到了。", 0.5, "小时", "at_most"),  # 半小时: the unit as printed
        ("调查报告写了200页左右。", 200.0, "页", "approx"),
        ("向灾区调拨帐篷1.2万件套。", 12000.0, "件套", "exact"),
        ("已出口检测试剂盒7341万人份。", 73410000.0, "人份", "exact"),  # doses or kits, not people
        ("对59国人员实行入境免签政策。", 59.0, "国", "exact"),  # countries counted, Arabic numerals
        ("覆盖长三角42城公交。", 42.0, "城", "exact"),
        ("帮助夺回也门南部5省。", 5.0, "省", "exact"),
        ("飞机拉出7道彩烟。", 7.0, "道", "exact"),
        ("他家有6垧地。", 6.0, "垧", "exact"),  # the Northeast's measure of land
        ("会议提出七方面措施。", 7.0, "方面", "exact"),  # aspects counted; 一方面 is "on the one hand"
        ("航线去年共开行315艘次。", 315.0, "艘次", "exact"),  # voyages, as 架次 and 人次
        ("大会表彰了137位数字经济领军人物。", 137.0, "位", "exact"),  # 位 + 数字经济, not 位数
        ("贷款利率同比下降48个基点。", 48.0, "个基点", "exact"),  # basis points, as 个百分点
        ("民航完成运输总周转量1292.7亿吨公里。", 129270000000.0, "吨公里", "exact"),  # freight carried a distance
        ("该剧仅用4集就讲清楚了故事。", 4.0, "集", "exact"),  # episodes
        ("两国收容了100万阿富汗难民。", 1e6, "人", "exact"),  # people named by who they are
        ("他在这条路上走了二十几年。", 20.0, "年", "at_least"),  # tens and some: at least the tens
        ("每天工作十几个小时。", 10.0, "个小时", "at_least"),
        ("要解决十几亿人口的吃饭问题。", 1e9, "人", "at_least"),
    ],
)
def test_halves_spans_before_now_and_more_measure_words(text, value, unit, qualifier):
    m = metrics(text)[0]
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", ["上半年完成投资。", "大半年没回家。", "排在第十几位。", "几十年如一日。", "数百人围观。",
                                   "迈出第一步。", "实行两步走战略。", "开展一对一帮扶。"])
def test_halves_of_the_calendar_and_steps_in_words_are_not_metrics(text):
    assert metrics(text) == []


def test_a_half_takes_the_band_its_qualifier_gives():
    exact, near = metrics("等了半个小时。")[0], metrics("用了近半个月。")[0]
    assert (exact.value_low, exact.value_high) == (0.5, 0.5)
    assert (near.qualifier, near.value_low, near.value_high) == ("at_most", None, 0.5)


def test_pairs_at_the_end_of_a_sentence_are_counted():
    assert [(m.value, m.unit) for m in metrics("结成帮扶对子2对")] == [(2.0, "对")]


@pytest.mark.parametrize(
    "text",
    [
        "县里有一所三级医院。",  # a rank, not a grade of force
        "实行市、县、乡三级联动。",
        "今明两年要完成改造。",  # a time, not a span counted
    ],
)
def test_ranks_and_this_year_and_next_are_not_metrics(text):
    assert metrics(text) == []


def test_race_times_keep_their_hundredths_and_races_named_by_distance_are_no_distance():
    assert [(m.value, m.unit) for m in metrics("她在女子100米栏决赛中跑出12秒85。")] == [(12.85, "秒")]
    assert [(m.value, m.unit) for m in metrics("他以10秒08获得男子100米冠军。")] == [(10.08, "秒")]
    # three digits after the seconds are no hundredths; a distance run is still a distance
    assert [(m.value, m.unit) for m in metrics("队员们每天跑5000米。")] == [(5000.0, "米")]


def test_cities_and_counties_counted_in_arabic_numerals():
    assert [(m.value, m.unit) for m in metrics("这次暴雨波及2市6县。")] == [(2.0, "市"), (6.0, "县")]
    # a market, the townspeople, a county seat: words, not counts
    assert all(m.unit != "市" for m in metrics("全国有5市场主体参与。"))
    assert all(m.unit != "县" for m in metrics("3县城居民受益。"))


def test_a_bare_scale_in_a_word_is_no_figure():
    assert metrics("这家公司通过万家门店销售。") == []  # 通过 + 万家, not 过万家
    assert metrics("千万不要轻信陌生来电。") == []


def test_a_target_quoted_as_printed_is_a_figure_but_a_quoted_bare_percentage_stays_a_name():
    m = one("今年的预期目标是“增长5.5%左右”。")
    assert (m.value, m.unit, m.qualifier) == (5.5, "%", "approx")
    assert metrics("这家店打出了“100%”的招牌。") == []


def test_per_mille_and_nine_years_of_compulsory_schooling():
    m = one("当年的出生率为8.2‰。")
    assert (m.value, m.unit, m.kind) == (8.2, "‰", "percent")
    assert metrics("全面落实九年义务教育。") == []
    assert one("他在山村小学教了九年书。").unit == "年"


def test_people_counted_by_what_they_are_and_a_thousand_upon_thousands_is_no_figure():
    m = one("今年有120万失业人员实现再就业。")
    assert (m.value, m.unit) == (1.2e6, "人")
    m = one("全省帮助30万建档立卡易地搬迁贫困人口稳定就业。")
    assert (m.value, m.unit) == (3e5, "人")
    assert metrics("成千上万家小店重新开门。") == []
    assert metrics("成百上千名游客涌入古镇。") == []


def test_a_mixed_scale_area_and_person_years_are_read_whole():
    m = one("新建病房楼面积3万4千平方米。")
    assert (m.value, m.unit) == (34000.0, "平方米")
    m = one("研发人员投入达到572万人年。")
    assert (m.value, m.unit, m.kind) == (5720000.0, "人年", "count")


@pytest.mark.parametrize("text", ["该类案件数量排名前三位。", "该省经济总量位居全国前十名。", "三部委联合发文。"])
def test_a_rank_in_a_list_and_ministries_named_together_are_no_counts(text):
    assert [(m.value, m.unit) for m in metrics(text) if m.unit in ("位", "名", "部")] == []


def test_laps_packets_volunteers_and_a_trains_number():
    assert [(m.value, m.unit) for m in metrics("他骑行的里程可绕赤道5圈。")] == [(5, "圈")]
    assert [(m.value, m.unit) for m in metrics("每户领到3包玉米种子。")] == [(3, "包")]
    assert [(m.value, m.unit) for m in metrics("社区三包服务落实到位。")] == []  # a warranty's name
    assert [(m.value, m.unit) for m in metrics("共有280余名义工参与。")] == [(280, "名")]  # 名 + 义工, not 名义
    assert [(m.value, m.unit) for m in metrics("他乘坐1234次列车返乡。")] == []  # a train's number
    assert [(m.value, m.unit) for m in metrics("当天开行旅客列车300次。")] == [(300, "次")]
