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
        ("新装了5盏路灯。", 5.0, "盏", "exact", "count"),
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


def test_range_is_approx_with_both_ends():
    m = one("每组3至5人。".replace("每组", "分组"))
    assert (m.value, m.unit, m.qualifier, m.value_low, m.value_high) == (5.0, "人", "approx", 3.0, 5.0)


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
        "这两天雨水较多。",  # 这两天
        "请拨打6543210咨询。",  # phone number
        "家住8号楼2单元。",  # addresses
        "每3天巡查一次。",  # frequency
        "大家树牢四个意识。",  # slogan
        "数十名群众围观。",  # vague
        "十几个孩子在玩。",  # vague
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
