"""Extraction on paragraphs in the manner of other papers' pages (written for these tests).

The seed pages come from one city's papers; pages from elsewhere read differently:
statistics bulletins, county meeting reports, inspection round-ups with tallies,
briefs columns, datelines such as 本报<城市>X月X日电, and plans and directives
mixed into the reports. Each case lists every metric (value, unit) and the set
of activity types a careful reader takes from the paragraph.
"""

from __future__ import annotations

import pytest

from ingestion.parsing.activities import extract_activities
from ingestion.parsing.metrics import extract_metrics
from ingestion.parsing.organizations import extract_organizations
from ingestion.parsing.page import parse_page

CASES = {
    "statistics_bulletin": (
        "今年1至11月，青石县地区生产总值完成186.4亿元，同比增长5.8%。全县工业增加值增长7.2%，"
        "高于全市平均水平1.3个百分点。社会消费品零售总额63.7亿元，增长4.1%。城乡居民人均可支配收入"
        "分别达到38526元和17302元。",
        [
            (18640000000.0, "元"),
            (5.8, "%"),
            (7.2, "%"),
            (1.3, "个百分点"),
            (6370000000.0, "元"),
            (4.1, "%"),
            (38526.0, "元"),
            (17302.0, "元"),
        ],
        set(),
    ),
    "county_meeting": (
        "2月26日，青石县委常委会召开会议，传达学习全省安全生产工作会议精神，研究部署当前重点工作。"
        "会议强调，各乡镇、各部门要扎实开展安全隐患排查整治，确保全县安全形势持续稳定。县委常委出席会议，"
        "县政府有关负责同志列席会议。",
        [],
        {"meeting_deliberation"},
    ),
    "inspection_round_up": (
        "本报讯（记者 王晓燕）春节前夕，柳林县市场监督管理局组织执法人员对辖区商超、农贸市场开展节前食品安全"
        "专项检查。此次检查共出动执法人员86人次，检查各类经营主体312家，发现问题隐患17处，已全部督促整改到位。"
        "下一步，该局将持续加大监督抽检力度。",
        [(86.0, "人次"), (312.0, "家"), (17.0, "处")],
        {"inspection_enforcement"},
    ),
    "project_figures": (
        "该项目总投资3.6亿，占地面积120亩，建设工期约18个月，建成后可新增就业岗位300至500个，预计三分之一的"
        "岗位面向当地群众。目前已有超过七成的征地工作完成。",
        [(360000000.0, "元"), (120.0, "亩"), (18.0, "个月"), (500.0, "个"), (33.33, "%"), (7.0, "成")],
        set(),
    ),
    "forestry": (
        "近年来，该镇累计完成造林1.2万亩，治理水土流失面积8.5平方公里，新增湿地120公顷。护林员老赵在这片林场"
        "已经守了26年，每年巡山超过300天。",
        [(12000.0, "亩"), (8.5, "平方公里"), (120.0, "公顷"), (26.0, "年"), (300.0, "天")],
        {"environment_infrastructure"},  # afforestation and erosion control done: greening work (SPEC), tallied
    ),
    "plans_and_directives": (
        "下一步，青石县将围绕群众关心的热点难点问题，计划新建口袋公园10个，改造老旧小区26个。县委主要负责同志"
        "要求，各级各部门要把为民办实事作为检验工作成效的重要标准，持续开展志愿服务和文明劝导。",
        [(10.0, "个"), (26.0, "个")],
        set(),
    ),
    "womens_federation": (
        "县妇联联合县总工会开展“情暖三八”关爱活动，走访慰问困难妇女40户，发放慰问金2万元。",
        [(40.0, "户"), (20000.0, "元")],
        {"charity_assistance"},
    ),
    "approval_office": (
        "县行政审批局推行“帮办代办”服务，企业开办时间由3个工作日压缩至1个工作日。",
        [(3.0, "个工作日"), (1.0, "个工作日")],
        {"public_service"},
    ),
    "training_and_drill": (
        "县人社局举办返乡创业培训班，培训学员150人。县应急管理局联合消防部门在城区广场举行地震应急演练，500余名群众参加。",
        [(150.0, "人"), (500.0, "名")],
        {"training_exchange"},
    ),
    "volunteers_at_the_market": (
        "柳林镇组织30名志愿者在集市开展文明交通劝导志愿服务，发放宣传折页2000余份。",
        [(30.0, "名"), (2000.0, "份")],
        {"volunteer_service", "publicity_education"},
    ),
    "lantern_festival": (
        "元宵节期间，东城区举办社火表演和灯谜竞猜活动，吸引群众2万余人次。",
        [(20000.0, "人次")],
        {"culture_recreation"},
    ),
    "health_checks": (
        "县卫健局组织医务人员进村入户，为65岁以上老年人开展免费健康体检。",
        [],
        {"medical_health"},
    ),
    "road_repairs": (
        "县住建局对城区32条主次干道进行修补，修复破损路面1.8万平方米。",
        [(32.0, "条"), (18000.0, "平方米")],
        {"environment_infrastructure"},
    ),
    "party_day": (
        "南湖社区党支部组织党员到红色教育基地开展主题党日活动，重温入党誓词。",
        [],
        {"party_building"},
    ),
    "site_visit": (
        "县政协组织委员深入企业开展“民主监督”专题调研。",
        [],
        {"survey_research"},
    ),
    # a national daily's round-up of epidemic-time work by companies (no dateline city, goods and services)
    "epidemic_roundup": (
        "青禾物业对进出小区人员测量体温，每天对电梯、楼道进行全面消毒。星河超市春节期间不打烊，"
        "向市第一医院捐赠口罩5万个，并为商户减免一个月租金。",
        [(50000.0, "个")],
        {"inspection_enforcement", "environment_infrastructure", "public_service", "charity_assistance"},
    ),
    # sports and shows for the new year, with figures restated in shares (成) and large units (万亿)
    "new_year_events": (
        "元旦当天，青禾市举办新年登高健身活动，近万名市民参加，其中七成是年轻人。当晚，市文化馆组织文艺演出。"
        "全年全省旅游收入突破1.2万亿元。",
        [(10000.0, "名"), (7.0, "成"), (1_200_000_000_000.0, "元")],
        {"culture_recreation"},
    ),
    # plans, cancellations and documents issued are not reports of activities done
    "plans_cancellations_documents": (
        "受疫情影响，青禾县取消今年的元宵灯会。县政府印发方案，部署开展环境整治。下一步，该县将组织专项检查。",
        [],
        set(),
    ),
}


def _extract(text: str):
    spans = [(0, len(text))]
    metrics = extract_metrics(text, spans)
    activities = extract_activities(text, spans, extract_organizations(text, spans))
    return [(m.value, m.unit) for m in metrics], {a.activity_type for a in activities}


@pytest.mark.parametrize("name", sorted(CASES))
def test_paragraph(name):
    text, metrics, types = CASES[name]
    assert _extract(text) == (metrics, types)


# A single-story file as other papers deliver it: CRLF line ends, full-width indents, a
# 本报<城市>X月X日电 dateline and a closing credit in brackets.
STORY = (
    "青石县：便民服务延伸到村头\r\n"
    "\r\n"
    "\u3000\u3000本报云岭3月12日电（记者 李明 通讯员 周红）3月10日，青石县政务服务中心在柳林镇设立便民服务站，"
    "为村民代办社保、医保等业务。截至目前，该中心已在全县设立便民服务站46个，累计代办业务1.3万余件，"
    "群众满意率超过98%。\r\n"
    "\u3000\u3000当天，县人民医院医护人员还在服务站开展义诊，为120余名群众测量血压、血糖。\r\n"
    "\u3000\u3000下一步，该县将在所有行政村推广这一做法。（王芳）\r\n"
)

BRIEFS = (
    "新闻速递\n"
    "\n"
    "■ 白沙镇开展农村人居环境集中整治，清理垃圾杂物120余吨，拆除残垣断壁35处。\n"
    "■ 县图书馆举办少儿绘本阅读分享会，60余组亲子家庭参加。\n"
    "■ 县交通运输局约谈3家客运企业负责人，督促落实安全生产责任。\n"
)


def _page_union(text: str):
    page = parse_page(text)
    metrics = {(m.value, m.unit) for a in page.articles for m in a.metrics}
    types = {x.activity_type for a in page.articles for x in a.activities}
    return metrics, types


def test_single_story_file_with_crlf_and_dateline():
    metrics, types = _page_union(STORY)
    assert metrics == {(46.0, "个"), (13000.0, "件"), (98.0, "%"), (120.0, "名")}
    assert types == {"public_service", "medical_health"}


def test_briefs_column():
    metrics, types = _page_union(BRIEFS)
    assert metrics == {(120.0, "吨"), (35.0, "处"), (60.0, "组"), (3.0, "家")}
    assert types == {"environment_infrastructure", "culture_recreation", "inspection_enforcement"}


def test_a_column_label_after_the_headline_gives_no_metric():
    text = (
        "\r\n"
        "山乡道路条条通(奋斗100天)\r\n"
        "\r\n"
        "\u3000\u3000本报云岭3月12日电（记者 李明）今年以来，青石县新修通村公路28公里。\r\n"
    )
    page = parse_page(text)
    assert page.articles[0].section == "奋斗100天"
    assert {(m.value, m.unit) for m in page.articles[0].metrics} == {(28.0, "公里")}
