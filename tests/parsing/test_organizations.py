"""Organisation mentions by suffix, with left extension and its stops."""

from __future__ import annotations

import pytest

from ingestion.parsing.organizations import extract_organizations, find_organization_mentions


def names(text: str) -> list[str]:
    return [o.name for o in extract_organizations(text, [(0, len(text))])]


def types(text: str) -> dict[str, str]:
    return {o.name: o.org_type for o in extract_organizations(text, [(0, len(text))])}


@pytest.mark.parametrize(
    ("text", "name", "org_type"),
    [
        ("近日，东城区市场监督管理局开展检查。", "东城区市场监督管理局", "government"),
        ("西湖街道党工委召开会议。", "西湖街道党工委", "party"),
        ("共青团南山区委组织青年参加。", "共青团南山区委", "mass_org"),
        ("县妇联走访困难家庭。", "县妇联", "mass_org"),
        ("东城区慈善总会发起募捐活动。", "东城区慈善总会", "mass_org"),
        ("红星社区组织居民议事。", "红星社区", "community"),
        ("市人民医院派出医护人员。", "市人民医院", "hospital"),
        ("实验小学开展安全教育。", "实验小学", "school"),
        ("中国邮政储蓄银行某支行捐赠物资。", "中国邮政储蓄银行", "company"),
        ("区纪委监委开展廉政教育。", "区纪委监委", "party"),
        ("县消防救援大队深入企业。", "县消防救援大队", "government"),
    ],
)
def test_suffix_and_type(text, name, org_type):
    assert types(text).get(name) == org_type


def test_conjunction_inside_a_name_is_kept():
    assert "省住房和城乡建设厅" in names("省住房和城乡建设厅召开会议。")
    assert "市发展和改革委员会" in names("市发展和改革委员会发布通知。")


def test_conjunction_between_two_names_splits():
    found = names("城南服务中心和城北服务中心组织志愿者。")
    assert "城南服务中心" in found and "城北服务中心" in found


def test_stops_at_verbs_before_the_name():
    assert names("社区特邀市中医院专家坐诊。") == ["市中医院"]
    assert "县人民医院" in names("镇政府联合县人民医院开展义诊。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("仓库被改造成北湖方舱医院。", ["北湖方舱医院"]),  # what a place is turned into: not part of the name
        ("患者被送往城西人民医院。", ["城西人民医院"]),  # where someone is taken
        ("一座座乡镇卫生院建了起来。", ["乡镇卫生院"]),  # a doubled measure word (one after another)
    ],
)
def test_stops_at_where_someone_is_taken_and_what_a_place_becomes(text, expected):
    assert names(text) == expected


def test_longest_mention_wins():
    assert names("市交通局运输科深入企业。") == ["市交通局运输科"]


@pytest.mark.parametrize(
    "text",
    [
        "要从全局出发，把握大局。",  # 全局, 大局
        "优化城乡布局。",  # 布局, 城乡
        "走进社区开展服务。",  # bare 社区
        "推动书画下乡。",  # 下乡
        "配备5个乡镇的设备。",  # 乡镇 after a number
        "要做好中心工作。",  # 中心工作
    ],
)
def test_non_names(text):
    assert names(text) == []


def test_measure_word_after_a_number_is_not_part_of_the_name():
    assert names("组建3支红星志愿服务队。") == ["红星志愿服务队"]


def test_dedupe_per_article_but_mentions_are_all_found():
    text = "星光社区召开会议。会后星光社区组织清扫。"
    assert names(text) == ["星光社区"]
    assert len(find_organization_mentions(text, [(0, len(text))])) == 2


@pytest.mark.parametrize(
    ("text", "name", "org_type"),
    [
        ("县委召开党建工作推进会。", "县委", "party"),  # the county's own committee, named alone
        ("县委常委会召开会议。", "县委常委会", "government"),
        ("县人大常委会举行会议。", "县人大常委会", "government"),
        ("县政协组织委员视察。", "县政协", "government"),
        ("县图书馆举办读书会。", "县图书馆", "other"),
    ],
)
def test_committees_and_venues(text, name, org_type):
    assert types(text).get(name) == org_type


def test_organise_some_is_not_the_organisation_department():
    assert names("县政协组织部分委员开展视察。") == ["县政协"]


def test_time_words_end_a_name_on_the_left():
    assert names("2月3日上午青石县应急管理局召开调度会。") == ["青石县应急管理局"]


def test_a_count_of_towns_is_no_town():
    assert names("灯光秀点亮了江城三镇的夜空。") == []
    assert names("两乡联合开展巡河。") == []
    assert names("十里铺镇开展义诊活动。") == ["十里铺镇"]
