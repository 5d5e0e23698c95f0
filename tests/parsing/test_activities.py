"""Activity detection rules on short sentences written for the tests."""

from __future__ import annotations

import pytest

from ingestion.parsing.activities import extract_activities
from ingestion.parsing.organizations import extract_organizations


def acts(text: str):
    spans = [(0, len(text))]
    return extract_activities(text, spans, extract_organizations(text, spans))


def kinds(text: str) -> set[str]:
    return {a.activity_type for a in acts(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日，星光社区组织党员志愿者开展志愿服务活动。", "volunteer_service"),
        ("县人民医院医护人员走进李家村为村民义诊。", "medical_health"),
        ("宣讲团深入田间地头宣讲政策。", "publicity_education"),
        ("执法人员对沿街商铺进行检查。", "inspection_enforcement"),
        ("区城管局对占道经营开展专项整治。", "inspection_enforcement"),
        ("志愿者们清理楼道杂物。", "environment_infrastructure"),
        ("街道对辖区背街小巷环境进行整治。", "environment_infrastructure"),
        ("市发改委深入企业开展调研。", "survey_research"),
        ("社区召开居民议事会。", "meeting_deliberation"),
        ("县教育局组织教师开展业务培训。", "training_exchange"),
        ("文化站举办广场舞比赛。", "culture_recreation"),
        ("区总工会走访慰问困难职工。", "charity_assistance"),
        ("机关党支部开展主题党日活动。", "party_building"),
        ("政务服务中心推出上门服务。", "public_service"),
    ],
)
def test_type_per_trigger(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "下一步，社区将开展志愿服务活动。",  # plan
        "街道将持续开展环境整治。",  # future 将
        "我们要组织更多的培训。",  # directive
        "计划下月举办文艺演出。",  # plan
        "为加强食品安全监督检查，强化部门协作。",  # purpose clause
        "市委宣传部发布通知。",  # 宣传部 is a name
        "他在检查站工作。",  # 检查站 is a place
    ],
)
def test_no_activity(text):
    assert kinds(text) == set()


def test_jiang_as_object_marker_is_not_future():
    assert "environment_infrastructure" in kinds("社区将废弃花坛改造成小游园，并完成改造。")


def test_triggers_in_quoted_name_only_when_nothing_outside():
    # the name says 义诊; the clause itself says nothing else → medical
    assert kinds("东风社区开展“义诊送健康”活动。") == {"medical_health"}
    # the clause says 志愿服务 outside the quotes → that decides, not the name's 便民
    assert "public_service" not in kinds("社区开展“便民惠民”志愿服务活动。")


def test_organizer_name_place():
    text = "近日，东风街道办事处在幸福社区开展“邻里一家亲”主题志愿服务活动，组织居民包饺子。"
    a = [x for x in acts(text) if x.name][0]
    assert a.organizer == "东风街道办事处"
    assert a.name == "邻里一家亲"
    assert a.place == "幸福社区"


def test_organizer_carries_over_to_the_next_sentence():
    text = "红星社区召开议事会。会后，工作人员清理了楼道杂物。"
    env = [a for a in acts(text) if a.activity_type == "environment_infrastructure"]
    assert env and env[0].organizer == "红星社区"


def test_region_as_subject():
    a = acts("近日，白河县组织开展观摩活动。")[0]
    assert a.organizer == "白河县" and a.activity_type == "training_exchange"


def test_quote_is_a_substring_clause():
    text = "社区组织志愿者清扫街道，受到居民好评。"
    for a in acts(text):
        assert text[a.start : a.end] in text and "清扫" in text[a.start : a.end]


def test_every_type_has_triggers():
    from ingestion.parsing.activities import ACTIVITY_TYPES, TRIGGERS

    assert set(TRIGGERS) == set(ACTIVITY_TYPES)


def test_negated_trigger_is_not_an_activity():
    assert kinds("这片空地始终未能得到彻底清理。") == set()


def test_directive_carries_over_semicolons():
    text = "书记要求，要加强督促检查；在做好学习的同时开展调研活动。"
    assert kinds(text) == set()


def test_following_a_standard_is_not_a_directive():
    assert "environment_infrastructure" in kinds("按照环境卫生责任区要求，开展卫生清扫活动。")


def test_personal_repairs_are_not_infrastructure():
    assert "environment_infrastructure" not in kinds("志愿者为居民免费维修家电。")
