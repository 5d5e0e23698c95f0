"""Page layout → articles, on small pages written for each rule."""

from __future__ import annotations

import pytest

from ingestion.parsing.normalise import normalise
from ingestion.parsing.page import parse_page, to_benchmark
from ingestion.parsing.segment import classify_lines, segment


def layout(text: str):
    norm = normalise(text)
    return norm, segment(norm)


def titles(text: str) -> list[str]:
    norm, lay = layout(text)
    return [norm[a.title[0] : a.title[1]] for a in lay.articles]


BODY = "近日，某街道组织志愿者走进社区，开展环境整治活动，清理楼道杂物，受到居民好评。"
BODY2 = "活动现场，工作人员向居民发放宣传手册，讲解垃圾分类知识，引导大家养成好习惯。"
BODY3 = "据介绍，该区今年已累计完成老旧小区改造任务，惠及居民数千户，群众获得感明显增强。"
BODY4 = "下一步，相关部门将持续跟进，建立长效管护机制，让改造成果更好惠及于民。"

PAGE = f"""

奋力推进城市更新 全面提升群众生活品质

“周末”进行时

甲街道：志愿服务进社区

本报讯（记者王小明 通讯员李华）{BODY}

{BODY2}

新闻速递

乙区：书香浸润校园

本报讯（记者王小明）{BODY3}

丙局：开展安全检查

本报讯(通讯员赵敏 记者王小明){BODY4}



社区志愿者清理小广告

{BODY2}

多方联动解民忧 共建共治促和谐

本报记者 王小明 本报通讯员 刘洋

议事会开到家门口

{BODY}

{BODY2}

服务送到心坎上

{BODY}

“一线”看变化
"""


def test_classify_kinds():
    norm = normalise(PAGE)
    kinds = {norm[ln.text_start : ln.end][:8]: ln.kind for ln in classify_lines(norm)}
    assert kinds["本报记者 王小明"] == "byline"
    assert kinds[normalise("本报讯（记者王小明")[:8]] == "dateline"
    assert kinds[normalise("甲街道：志愿服务")] == "head"
    assert kinds[BODY2[:8].replace("，", ",")] == "body"


def test_banner_labels_and_articles():
    norm, lay = layout(PAGE)
    assert norm[lay.banner[0] : lay.banner[1]] == "奋力推进城市更新 全面提升群众生活品质"
    got = [(norm[a.title[0] : a.title[1]], a.section, a.kind) for a in lay.articles]
    assert got == [
        (normalise("甲街道：志愿服务进社区"), "“周末”进行时", "news"),
        (normalise("乙区：书香浸润校园"), "新闻速递", "brief"),
        (normalise("丙局：开展安全检查"), "新闻速递", "brief"),
        ("多方联动解民忧 共建共治促和谐", None, "feature"),
    ]


def test_section_label_at_the_foot_and_subheadings_are_not_articles():
    assert "“一线”看变化" not in titles(PAGE)
    assert "议事会开到家门口" not in titles(PAGE)


def test_caption_after_a_picture_is_not_an_article_and_leads_go_to_the_feature():
    norm, lay = layout(PAGE)
    feature = lay.articles[-1]
    lead_start = norm.index(normalise(BODY2), norm.index("社区志愿者清理小广告"))
    assert feature.start <= lead_start
    brief = lay.articles[2]
    assert brief.end < norm.index("社区志愿者清理小广告")


def test_people_per_article():
    page = parse_page(PAGE)
    got = {a.title: [(p.name, p.role) for p in a.people] for a in page.articles}
    assert got["甲街道：志愿服务进社区"] == [("王小明", "reporter"), ("李华", "correspondent")]
    assert got["丙局：开展安全检查"] == [("赵敏", "correspondent"), ("王小明", "reporter")]
    assert got["多方联动解民忧 共建共治促和谐"] == [("王小明", "reporter"), ("刘洋", "correspondent")]


def test_deck_with_dashes_and_named_paper():
    text = f"""
城市更新,步伐不停

——某区持续推进老旧小区改造

某某日报记者 高原 通讯员 马力

{BODY}

{BODY2}
"""
    page = parse_page(text)
    (a,) = page.articles
    assert a.title == "城市更新,步伐不停"
    assert a.subtitle == "某区持续推进老旧小区改造"
    assert page.newspaper == "某某日报"
    assert page.page_banner is None


def test_sentence_deck_and_kicker():
    text = f"""
某县选派驻村干部强化帮扶

今年以来,各工作队帮助销售农产品,修缮道路,建设水渠,成效明显

某某日报(记者高原 通讯员马力){BODY}

{BODY2}

“实干争先 奋勇争优”

某局开展品牌创建活动

某某日报(记者高原)

{BODY}
"""
    page = parse_page(text)
    assert [a.title for a in page.articles] == ["某县选派驻村干部强化帮扶", "某局开展品牌创建活动"]
    assert page.articles[0].subtitle.startswith("今年以来")
    assert page.articles[1].kicker == "“实干争先 奋勇争优”"


def test_markdown_headings_sections_and_kicker():
    text = f"""
## 新闻速递

### 某局： 开展培训

本报讯（记者王小明）{BODY}

### 某区： 举办讲座

本报讯（记者王小明）{BODY2}

## 另一篇深度报道

本报记者 王小明

### 小标题一

{BODY}

## 创文明城市

### 某社区：

## 老旧小区换新颜

本报记者 王小明

{BODY2}
"""
    page = parse_page(text)
    got = [(a.title, a.section, a.kind, a.kicker) for a in page.articles]
    assert got == [
        ("某局： 开展培训", "新闻速递", "brief", None),
        ("某区： 举办讲座", "新闻速递", "brief", None),
        ("另一篇深度报道", None, "feature", None),
        ("老旧小区换新颜", "创文明城市", "feature", "某社区："),
    ]


def test_single_story_crlf_with_dateline_and_trailing_credit():
    text = (
        "\r\n　　全省推进冬季农田水利建设\r\n\r\n"
        "　　本报石家庄２月４日电（记者王小明　李　强）　记者从有关部门获悉，今年以来各地完成投资３．５亿元。\r\n\r\n"
        "　　下一步，将继续推进。（张三　李四）\r\n"
    )
    page = parse_page(text)
    (a,) = page.articles
    assert a.title == "全省推进冬季农田水利建设"
    assert a.dateline_place == "石家庄"
    assert [(p.name, p.role) for p in a.people] == [
        ("王小明", "reporter"),
        ("李强", "reporter"),
        ("张三", "correspondent"),  # the dateline already credits the reporters
        ("李四", "correspondent"),
    ]
    assert "石家庄市" in [r.name for r in a.regions]


def test_single_story_without_any_credit():
    text = f"\n\n某地举办迎春活动\n\n{BODY}\n\n{BODY2}\n"
    assert titles(text) == ["某地举办迎春活动"]


def test_briefs_column_without_datelines():
    text = f"""
简讯

某区开展安全检查

{BODY}（刘洋）

某县举办农民培训

{BODY2}（王芳）
"""
    page = parse_page(text)
    got = [(a.title, a.section, a.kind, [(p.name, p.role) for p in a.people]) for a in page.articles]
    assert got == [
        ("某区开展安全检查", "简讯", "brief", [("刘洋", "reporter")]),
        ("某县举办农民培训", "简讯", "brief", [("王芳", "reporter")]),
    ]


def test_headline_like_line_in_a_dated_briefs_column_is_not_an_item():
    text = f"""
新闻速递

某局：开展检查

本报讯（记者王小明）{BODY}

民意直通解难题

{BODY2}
"""
    assert [a.title for a in parse_page(text).articles] == ["某局：开展检查"]


def test_duplicated_paragraphs_are_dropped_from_the_body():
    text = f"""
某地开展活动

本报记者 王小明

{BODY}

{BODY2}

{BODY}
"""
    norm, lay = layout(text)
    (a,) = lay.articles
    body = [norm[x:y] for x, y in a.body_spans]
    assert body.count(normalise(BODY)) == 1


def test_photo_captions_and_credits_inside_an_article():
    text = f"""
某区巩固创建成果

本报记者 王小明

{BODY}

上图:志愿者在街头服务。

本报通讯员 曹一鸣摄

下图:居民在公园散步。 本报记者 高原 摄

{BODY2}
"""
    page = parse_page(text)
    (a,) = page.articles
    assert [(p.name, p.role) for p in a.people] == [
        ("王小明", "reporter"),
        ("曹一鸣", "photographer"),
        ("高原", "photographer"),
    ]


def test_truncated_last_line_stays_in_the_last_article():
    text = f"""
某地开展活动

本报记者 王小明

{BODY}

居民们纷纷表示，这样的活动
"""
    norm, lay = layout(text)
    (a,) = lay.articles
    assert a.end == len(norm.rstrip())


def test_to_benchmark_shape_and_quotes_from_the_original():
    text = f"\n\n某地开展活动\n\n本报讯（记者王小明）{BODY}\n"
    doc = to_benchmark(parse_page(text), "x.txt", text)
    assert doc["file"] == "x.txt"
    (a,) = doc["articles"]
    assert set(a) >= {
        "title",
        "subtitle",
        "section",
        "kind",
        "people",
        "regions",
        "activity_types",
        "activities",
        "metrics",
    }
    for m in a["metrics"]:
        assert m["quote"] in text


def test_a_short_news_item_keeps_its_body_when_a_feature_follows():
    text = f"""
某局：开展检查

本报讯（记者王小明）{BODY}

{BODY3}

多方联动解民忧 共建共治促和谐

本报记者 王小明

{BODY2}
"""
    norm, lay = layout(text)
    news, feature = lay.articles
    assert news.end > norm.index(normalise(BODY3))
    assert feature.start > news.end


# --- layouts of other papers ------------------------------------------------------


def arts(text: str) -> list[tuple]:
    page = parse_page(text)
    return [(a.title, a.section, a.kind, [(p.name, p.role) for p in a.people]) for a in page.articles]


def test_headline_broken_over_two_lines_without_a_blank_is_one_title():
    text = f"""
某区：老旧小区
焕发新活力

本报讯（记者王小明）{BODY}

{BODY2}

某县：业务培训强本领

本报讯（记者王小明）{BODY3}
"""
    assert [a[0] for a in arts(text)] == ["某区：老旧小区焕发新活力", "某县：业务培训强本领"]


def test_headline_broken_inside_a_quotation_is_one_title():
    text = f"\n\n某街道：党员当好“领\n\n头雁”\n\n本报讯（记者王小明）{BODY}\n\n{BODY2}\n"
    assert [a[0] for a in arts(text)] == ["某街道：党员当好“领头雁”"]


def test_kicker_and_label_on_adjacent_lines_stay_apart():
    text = f"""
新闻速递
某区开展消防检查

本报讯（记者王小明）{BODY}

某社区：
居民议事会开到楼道里

本报讯（记者王小明）{BODY2}
"""
    page = parse_page(text)
    assert [(a.title, a.kicker) for a in page.articles] == [
        ("某区开展消防检查", None),
        ("居民议事会开到楼道里", "某社区："),
    ]


def test_photo_news_after_a_picture_is_an_article():
    text = f"""
某区：开展安全检查

本报讯（记者王小明）{BODY}

{BODY2}



街头游园添新绿

3月2日，市民在滨河公园散步赏景。

本报记者 高原 摄

新闻速递

某县：举办农民培训

本报讯（记者王小明）{BODY3}
"""
    assert arts(text) == [
        ("某区：开展安全检查", None, "news", [("王小明", "reporter")]),
        ("街头游园添新绿", None, "news", [("高原", "photographer")]),
        ("某县：举办农民培训", "新闻速递", "brief", [("王小明", "reporter")]),
    ]


def test_photo_news_with_the_credit_closing_the_caption():
    text = (
        "\n\n口袋公园成了居民的后花园\n\n3月2日，居民在口袋公园里休闲健身。（韩  鑫 摄）\n\n\n\n"
        f"某区：开展安全检查\n\n本报讯（记者王小明）{BODY}\n"
    )
    got = arts(text)
    assert got[0] == ("口袋公园成了居民的后花园", None, "news", [("韩鑫", "photographer")])
    assert [a[0] for a in got] == ["口袋公园成了居民的后花园", "某区：开展安全检查"]


def test_caption_and_credit_inside_a_story_are_not_photo_news():
    text = f"""
某区巩固创建成果

本报记者 王小明

{BODY}



整治后的街巷干净整洁

本报记者 高原 摄

{BODY2}
"""
    assert [a[0] for a in arts(text)] == ["某区巩固创建成果"]


def test_picture_headline_followed_by_running_text_is_not_photo_news():
    text = f"""
某区巩固创建成果

本报记者 王小明

{BODY}



议事会开到家门口

3月2日，居民围坐在一起商量停车难题。

本报记者 高原 摄

{BODY2}
"""
    assert [a[0] for a in arts(text)] == ["某区巩固创建成果"]


def test_bulleted_briefs_without_label_or_datelines():
    text = f"""■ 某区开展安全检查
{BODY}（刘洋）
■ 某县举办农民培训
{BODY2}
{BODY3}（通讯员 王芳 李强）
"""
    assert arts(text) == [
        ("某区开展安全检查", None, "brief", [("刘洋", "reporter")]),
        ("某县举办农民培训", None, "brief", [("王芳", "correspondent"), ("李强", "correspondent")]),
    ]


def test_bulleted_briefs_under_a_label_take_it_as_section():
    text = f"\n\n基层动态\n\n● 某区：开展安全检查\n\n{BODY}\n\n● 某县：举办农民培训\n\n{BODY2}\n"
    assert [(a[0], a[1], a[2]) for a in arts(text)] == [
        ("某区：开展安全检查", "基层动态", "brief"),
        ("某县：举办农民培训", "基层动态", "brief"),
    ]


def test_bulleted_subheadings_inside_a_feature_are_not_briefs():
    text = f"""
多方联动解民忧

本报记者 王小明

{BODY}

■ 议事会开到家门口

{BODY2}

■ 服务送到心坎上

{BODY3}
"""
    assert [(a[0], a[2]) for a in arts(text)] == [("多方联动解民忧", "feature")]


def test_undated_item_set_like_the_dated_ones_in_a_briefs_column():
    text = f"""
## 新闻速递

### 某局：开展检查

本报讯（记者王小明）{BODY}

### 某区：举办讲座

{BODY2}

## 多方联动解民忧

本报记者 王小明

{BODY3}
"""
    assert [(a[0], a[1], a[2]) for a in arts(text)] == [
        ("某局：开展检查", "新闻速递", "brief"),
        ("某区：举办讲座", "新闻速递", "brief"),
        ("多方联动解民忧", None, "feature"),
    ]


def test_closing_credit_names_are_correspondents_when_a_reporter_is_credited():
    text = f"\n\n某地开展活动\n\n本报讯（记者王小明）{BODY}\n\n{BODY2}（张三  李四）\n"
    assert arts(text)[0][3] == [("王小明", "reporter"), ("张三", "correspondent"), ("李四", "correspondent")]


def test_closing_credit_on_a_repeated_paragraph_still_counts():
    text = f"\n\n某地开展活动\n\n本报讯（记者王小明）{BODY}\n\n{BODY2}\n\n{BODY3}\n\n{BODY2}（张三）\n"
    assert ("张三", "correspondent") in arts(text)[0][3]


def test_agency_dateline_credits_its_reporters():
    text = f"\r\n　　某地开展活动\r\n\r\n　　新华社北京3月1日电（记者王小明 李　强）{BODY}\r\n　　{BODY2}\r\n"
    page = parse_page(text)
    (a,) = page.articles
    assert [(p.name, p.role) for p in a.people] == [("王小明", "reporter"), ("李强", "reporter")]
    assert a.dateline_place == "北京" and "北京市" in [r.name for r in a.regions]


def test_names_and_labels_as_printed_on_a_page_with_traditional_forms():
    text = f"\n\n基層動態\n\n某區：開展安全檢查\n\n本報訊（記者王小明 通訊員張三）{BODY}\n"
    page = parse_page(text)
    (a,) = page.articles
    assert (a.title, a.section, a.kind) == ("某區：開展安全檢查", "基層動態", "brief")
    assert [(p.name, p.role) for p in a.people] == [("王小明", "reporter"), ("張三", "correspondent")]


def test_edition_lines_are_page_furniture():
    text = f"\r\n第03版：要闻\r\n\r\n某地开展活动\r\n\r\n　　本报讯（记者王小明）{BODY}\r\n"
    assert [a[0] for a in arts(text)] == ["某地开展活动"]
    for line in ("某某日报  2024年3月5日  第3版", "2024年3月5日　星期二", "第3版 本地新闻"):
        kinds = [ln.kind for ln in classify_lines(normalise(f"{line}\n\n某地开展活动\n\n本报讯（记者王小明）{BODY}\n"))]
        assert kinds[0] == "furniture", line


def test_a_long_headline_opening_a_single_story():
    title = "某市出台二十条措施支持民营企业发展壮大，着力破解中小企业融资难融资贵问题并持续优化营商环境"
    assert len(title) > 40
    text = f"\r\n　　{title}\r\n\r\n　　本报讯（记者王小明）{BODY}\r\n　　{BODY2}\r\n"
    assert [a[0] for a in arts(text)] == [title]


def test_photo_news_on_a_page_without_blank_lines():
    text = f"""某区：开展安全检查
本报讯（记者王小明）{BODY}
{BODY2}
街头游园添新绿
3月2日，市民在滨河公园散步赏景。
本报记者 高原 摄
某县：举办农民培训
本报讯（记者王小明）{BODY3}
"""
    assert [(a[0], a[3]) for a in arts(text)] == [
        ("某区：开展安全检查", [("王小明", "reporter")]),
        ("街头游园添新绿", [("高原", "photographer")]),
        ("某县：举办农民培训", [("王小明", "reporter")]),
    ]


def test_subheading_over_a_captioned_sentence_in_a_spaced_feature_is_not_photo_news():
    text = f"""
多方联动解民忧

本报记者 王小明

{BODY}

议事会开到家门口

3月2日，居民围坐在一起商量停车难题。

本报记者 高原 摄

服务送到心坎上

{BODY2}
"""
    assert [a[0] for a in arts(text)] == ["多方联动解民忧"]


def test_line_going_on_after_a_break_is_body_not_a_subheading():
    # an OCR break left "…改造任务" alone on a line; the next line opens with its comma
    page = f"老旧小区焕新颜\n\n{BODY}\n\n据介绍，甲区今年已完成老旧小区改造任务\n\n，惠及居民数千户。\n\n{BODY2}\n"
    norm = normalise(page)
    kinds = {norm[ln.text_start : ln.end]: ln.kind for ln in classify_lines(norm)}
    assert kinds["据介绍,甲区今年已完成老旧小区改造任务"] == "body"  # normalised: half-width comma
    art = segment(norm).articles[0]
    assert len(art.prose_spans) == len(art.body_spans) - 1  # only the headline is no prose


# --- one article per file, as an archive delivers it ---------------------------------
# The first line is the kicker (blank when there is none), the second the title, the third
# the deck (or blank); the paragraphs below are indented with ideographic spaces.


def archive(kicker: str, title: str, deck: str, *paras: str) -> str:
    return "\r\n".join([kicker, title, deck, *("　　" + p for p in paras)]) + "\r\n"


def test_archive_slots_decide_kicker_title_and_deck():
    page = parse_page(archive("", "某地开展冬季植树", "今年已栽下树苗逾万株", BODY, BODY2))
    (a,) = page.articles
    assert (a.title, a.subtitle, a.kicker) == ("某地开展冬季植树", "今年已栽下树苗逾万株", None)
    page = parse_page(archive("某县推进人居环境整治，村容村貌持续改善", "小村庄换了新模样", "", BODY, BODY2))
    (a,) = page.articles
    assert (a.title, a.kicker, a.subtitle) == ("小村庄换了新模样", "某县推进人居环境整治，村容村貌持续改善", None)


def test_the_event_is_the_title_over_a_deck_saying_what_it_did():
    # 引题 naming the meeting, 主题 saying what it went on to do: annotators read the event as the title
    (a,) = parse_page(archive("某某主持召开甲省防汛工作会议", "部署做好汛期防灾减灾工作", "某某出席", BODY)).articles
    assert (a.title, a.kicker) == ("某某主持召开甲省防汛工作会议", None)
    assert a.subtitle == "部署做好汛期防灾减灾工作某某出席"
    (a,) = parse_page(archive("某某给甲村村民回信", "勉励他们用勤劳的双手建设美丽家乡", "", BODY)).articles
    assert (a.title, a.subtitle) == ("某某给甲村村民回信", "勉励他们用勤劳的双手建设美丽家乡")
    # a kicker leading into what was said stays the kicker
    (a,) = parse_page(archive("某某在甲省考察时强调", "要求各地抓好春耕生产", "", BODY)).articles
    assert (a.title, a.kicker) == ("要求各地抓好春耕生产", "某某在甲省考察时强调")


def test_archive_title_too_long_for_a_headline_is_still_the_title():
    title = "甲市人大常委会关于批准甲市城市总体规划修编有关事项和乙区行政区划调整方案以及丙县撤县设区的决定"
    (a,) = parse_page(archive("", title, "（某年某月某日甲市人大常委会第十次全体会议表决通过）", BODY)).articles
    assert a.title == title


def test_title_opening_with_a_quotation_under_a_lead_in_kicker():
    (a,) = parse_page(archive("某县乡村教师王小明——", "“只要孩子们需要，我就一直在！”", "", BODY, BODY2)).articles
    assert (a.title, a.kicker) == ("“只要孩子们需要，我就一直在！”", "某县乡村教师王小明——")


def test_column_label_after_the_title_is_the_section():
    (a,) = parse_page(archive("", "让小区停车不再难（快评）", "", BODY)).articles
    assert (a.title, a.section) == ("让小区停车不再难", "快评")
    (a,) = parse_page(archive("", "凝心聚力 共克时艰（同心协力 共度难关）", "", BODY, BODY2)).articles
    assert (a.title, a.section) == ("凝心聚力 共克时艰", "同心协力 共度难关")
    # on a page of another layout too
    (a,) = parse_page(f"\n\n小事里见文明（有感而发）\n\n{BODY}\n\n{BODY2}\n").articles
    assert (a.title, a.section) == ("小事里见文明", "有感而发")


@pytest.mark.parametrize(
    "headline",
    [
        "【同心协力 共度难关】凝心聚力 共克时艰",
        "（同心协力 共度难关）凝心聚力 共克时艰",
        "【同心协力 共度难关】 凝心聚力 共克时艰",
    ],
)
def test_column_label_before_the_title_is_the_section_too(headline):
    (a,) = parse_page(archive("", headline, "", BODY, BODY2)).articles
    assert (a.title, a.section) == ("凝心聚力 共克时艰", "同心协力 共度难关")


def test_brackets_that_open_a_title_with_a_number_stay_in_it():
    (a,) = parse_page(archive("", "（一）某地改革纪实", "", BODY)).articles
    assert (a.title, a.section) == ("（一）某地改革纪实", None)


@pytest.mark.parametrize("title", ["某地改革纪实（上）", "某区垃圾分类管理办法（试行）", "青年骨干培训班（第三期）"])
def test_brackets_that_number_or_mark_a_title_stay_in_it(title):
    (a,) = parse_page(archive("", title, "", BODY)).articles
    assert a.title == title


def test_short_commentary_with_an_exclamation_and_a_label():
    (a,) = parse_page(archive("", "社区志愿者，好样的！（快评）", "", BODY, BODY2)).articles
    assert (a.title, a.section) == ("社区志愿者，好样的！", "快评")


def test_notebook_piece_labelled_with_a_role_word_has_no_person():
    (a,) = parse_page(archive("", "把服务做到群众心坎上（记者手记）", "", BODY)).articles
    assert (a.title, a.section, a.people) == ("把服务做到群众心坎上", "记者手记", ())


def test_labelled_piece_inside_an_archive_file_is_an_article_of_its_own():
    # a notebook or sidebar printed after the story: its headline ends with its column's label
    page = parse_page(archive("", "某地开展冬季植树", "", BODY, BODY2, "绿色是最美的底色（记者手记）", BODY, BODY2))
    assert [(a.title, a.section) for a in page.articles] == [("某地开展冬季植树", None), ("绿色是最美的底色", "记者手记")]
    page = parse_page(archive("", "某地开展冬季植树", "", BODY, "植树有哪些讲究？（延伸阅读）", BODY2))
    assert [(a.title, a.section) for a in page.articles][1] == ("植树有哪些讲究？", "延伸阅读")
    # a picture's credit with its agency in brackets is not a headline
    (a,) = parse_page(archive("", "某地开展冬季植树", "", BODY, "王小明摄（新华社发）", BODY2)).articles
    assert a.title == "某地开展冬季植树"


def test_dateline_without_names_credits_nobody():
    (a,) = parse_page(archive("", "某地开展冬季植树", "", "本报北京3月1日电  " + BODY, BODY2)).articles
    assert a.people == () and a.dateline_place == "北京"
    (a,) = parse_page(archive("", "某地开展冬季植树", "", "本报电  " + BODY, BODY2)).articles
    assert a.people == ()


def test_briefs_file_items_take_the_label_as_section():
    page = parse_page(archive("", "资讯速递", "", "甲县新建口袋公园", BODY, "乙市开通夜间公交", BODY2 + "（王小明）"))
    got = [(a.title, a.section, a.kind, [(p.name, p.role) for p in a.people]) for a in page.articles]
    assert got == [
        ("甲县新建口袋公园", "资讯速递", "brief", []),
        ("乙市开通夜间公交", "资讯速递", "brief", [("王小明", "reporter")]),
    ]


def test_briefs_file_with_datelines_and_closing_names():
    page = parse_page(
        archive(
            "",
            "新闻速递",
            "",
            "甲馆推出线上课堂",
            "本报电  " + BODY,
            "（王  明）",
            "乙所研究取得进展",
            "本报电  " + BODY2,
            "（李小华）",
        )
    )
    got = [(a.title, a.section, [(p.name, p.role) for p in a.people]) for a in page.articles]
    assert got == [
        ("甲馆推出线上课堂", "新闻速递", [("王明", "reporter")]),
        ("乙所研究取得进展", "新闻速递", [("李小华", "reporter")]),
    ]


def test_round_up_of_localities_each_with_place_line_headline_and_credit():
    page = parse_page(
        archive(
            "",
            "各地欢度元宵佳节",
            "",
            "甲省乙市",
            "古城灯会人气旺",
            BODY,
            BODY2 + "（本报记者 王小明）",
            "丙省丁县",
            "非遗展演年味浓",
            BODY3 + "（本报记者 李华）",
        )
    )
    got = [(a.title, a.section, a.kicker, [(p.name, p.role) for p in a.people]) for a in page.articles]
    assert [g[0] for g in got] == ["古城灯会人气旺", "非遗展演年味浓"]
    assert [g[3] for g in got] == [[("王小明", "reporter")], [("李华", "reporter")]]
    assert {g[1] for g in got} == {"各地欢度元宵佳节"}


def test_round_up_items_after_an_introduction_keep_the_file_article():
    page = parse_page(
        archive(
            "",
            "各地欢度元宵佳节",
            "",
            BODY4,
            "甲省乙市",
            "古城灯会人气旺",
            BODY,
            BODY2 + "（本报记者 王小明）",
            "丙省丁县",
            "非遗展演年味浓",
            BODY3 + "（本报记者 李华）",
        )
    )
    assert [a.title for a in page.articles] == ["各地欢度元宵佳节", "古城灯会人气旺", "非遗展演年味浓"]


def test_items_with_a_lead_in_kicker_and_a_title_on_two_lines():
    page = parse_page(
        archive(
            "",
            "新春走一线",
            "",
            "甲市某派出所民警——",
            "全员不休假",
            "守岗保平安",
            "本报记者  王小明",
            BODY,
            BODY2,
            "乙县某村卫生员李华——",
            "“乡亲们的健康，就是我的年！”",
            "本报记者  刘  洋",
            BODY3,
        )
    )
    got = [(a.title.replace("\n", ""), a.kicker, [(p.name, p.role) for p in a.people]) for a in page.articles]
    assert [(t.replace(" ", ""), k, p) for t, k, p in got] == [
        ("全员不休假守岗保平安", "甲市某派出所民警——", [("王小明", "reporter")]),
        ("“乡亲们的健康，就是我的年！”", "乙县某村卫生员李华——", [("刘洋", "reporter")]),
    ]


def test_commentaries_each_under_its_author_are_articles():
    page = parse_page(
        archive(
            "",
            "众人拾柴火焰高（大家谈）",
            "",
            "编者按：" + BODY4,
            "把小事办好",
            "张  明",
            BODY,
            "（作者为甲县某社区党委书记）",
            "让服务更贴心",
            "李小华",
            BODY2,
            "（作者为乙市某中学教师）",
        )
    )
    assert [(a.title, a.section) for a in page.articles] == [
        ("众人拾柴火焰高", "大家谈"),
        ("把小事办好", None),
        ("让服务更贴心", None),
    ]
    assert all(a.people == () for a in page.articles)  # an author is no reporter


def test_photo_label_over_captions_alone_is_the_picture_reports_title():
    page = parse_page(archive("", "图片报道", "", "3月1日，游客在某省某市公园赏花。", "王小明摄（某某视觉）"))
    (a,) = page.articles
    assert (a.title, a.section, a.kind, page.no_article) == ("图片报道", None, "news", None)
    assert [(p.name, p.role) for p in a.people] == [("王小明", "photographer")]


def test_cartoon_label_advert_and_bare_headline_hold_no_article():
    page = parse_page(archive("", "漫画", "", "这正是：一句打油诗。", "王小明图"))
    assert (page.articles, page.no_article) == ((), "picture")
    assert parse_page(archive("", "广告", "")).no_article == "advert"
    page = parse_page(archive("", "众志成城 共克时艰", "", "本版制图：王小明"))
    assert (page.articles, page.no_article) == ((), "headline only")


def test_photo_news_with_its_own_title_in_an_archive_file():
    (a,) = parse_page(archive("", "春到梯田", "", "3月1日，农民在某县梯田里春耕。", "王小明摄（某某视觉）")).articles
    assert (a.title, [(p.name, p.role) for p in a.people]) == ("春到梯田", [("王小明", "photographer")])


def test_key_points_over_the_dateline_are_not_an_item():
    page = parse_page(
        archive(
            "某部门印发意见", "支持小微企业发展", "", "■降低融资担保费率", "■扩大担保业务规模", "本报北京3月1日电  " + BODY, BODY2
        )
    )
    assert [a.title for a in page.articles] == ["支持小微企业发展"]


def test_closing_round_up_credit_and_layout_credit():
    (a,) = parse_page(
        archive("", "各地欢度元宵佳节", "", BODY, "欢乐闹元宵", BODY2, "（综合本报记者王小明、李华、张三报道）", "版式设计：赵四")
    ).articles
    assert [(p.name, p.role) for p in a.people] == [("王小明", "reporter"), ("李华", "reporter"), ("张三", "reporter")]


def test_several_credits_in_one_round_up():
    (a,) = parse_page(
        archive(
            "", "各地抓好春耕生产", "", BODY + "（记者王小明）", BODY2 + "（记者李华）", "本报甲城3月1日电（记者张三）" + BODY3
        )
    ).articles
    assert sorted(p.name for p in a.people) == sorted(["王小明", "李华", "张三"])


def test_picture_credits_with_their_source_name_the_photographers():
    (a,) = parse_page(archive("", "春到梯田", "", BODY, "上图：农民在梯田里春耕。", "王小明摄（某某视觉）", BODY2)).articles
    assert [(p.name, p.role) for p in a.people] == [("王小明", "photographer")]


def test_names_only_photo_report_line():
    (a,) = parse_page(archive("", "春到梯田", "", BODY, "王  明  李小华摄影报道")).articles
    assert [(p.name, p.role) for p in a.people] == [("王明", "photographer"), ("李小华", "photographer")]


def test_one_short_line_that_reads_as_a_name_is_a_subheading():
    page = parse_page(archive("", "某县推进乡村振兴", "", BODY, "产业兴旺", "成效显著", BODY2, BODY3))
    assert [a.title for a in page.articles] == ["某县推进乡村振兴"]


def test_a_column_name_that_may_head_a_story_splits_only_short_items():
    short = archive("", "科技动态", "", "甲所发布新型材料", BODY, "乙校建成联合实验室", BODY2)
    assert [a.title for a in parse_page(short).articles] == ["甲所发布新型材料", "乙校建成联合实验室"]
    long = archive("", "市场新动态", "", "线上消费升温", BODY, BODY2, BODY3, BODY4, "线下门店回暖", BODY, BODY2)
    assert [a.title for a in parse_page(long).articles] == ["市场新动态"]


def test_a_closing_credit_line_with_an_agency_dateline_names_where_the_story_was_filed():
    text = f"\n\n某地开展活动\n\n{BODY}\n\n{BODY2}\n\n（新华社成都3月2日电  记者王小明）\n"
    page = parse_page(text)
    assert [(p.name, p.role) for p in page.articles[0].people] == [("王小明", "reporter")]
    assert "成都市" in [r.name for r in page.articles[0].regions]
    assert not page.articles[0].metrics  # the dateline's date is no quantity


@pytest.mark.parametrize(
    "dateline",
    [
        "某某网北京5月12日电（记者王小明）",  # a news site's dateline
        "某某新媒体沧州5月8日讯（通讯员李华　记者王小明）",
        "某某在线8月30日讯（某某日报记者 王小明）",  # a date with no place
    ],
)
def test_a_news_sites_dateline_credits_its_reporters(dateline):
    text = "\r\n".join(["", "某县开展志愿服务活动", "", "", "\u3000\u3000" + dateline + "近日，某县组织志愿者清扫街道。"])
    page = parse_page(text)
    assert ("王小明", "reporter") in [(p.name, p.role) for a in page.articles for p in a.people]


def test_a_long_caption_ending_with_its_pictures_credit_credits_the_photographer_and_keeps_its_text():
    caption = (
        "6月8日，工人们在某县一家服装厂的流水线上赶制订单。这几年，县里把小作坊引进村子，"
        "让留在家里的妇女就近上班、照看老小两不误。到今年春天，全县已有这样的作坊八十多个，"
        "吸纳村民2000余人务工。本报记者 王小明 摄"
    )
    page = parse_page("\r\n".join(["", "某县：车间助增收", "", "", "\u3000\u3000" + caption]))
    (article,) = page.articles
    assert [(p.name, p.role) for p in article.people] == [("王小明", "photographer")]
    assert 2000 in [m.value for m in article.metrics]


@pytest.mark.parametrize(
    ("last_line", "expected"),
    [
        # a caption's credit with the picture's source after it, at the end of a long caption
        (
            "3月2日，某县人民医院的隔离病区外，一位护士举着写给家人的纸板向窗外挥手，家人在楼下回应。"
            "图为她换班前的这一刻，她已经二十多天没有回家了。王小明摄（某某视觉）",
            [("王小明", "photographer")],
        ),
        # a caption's credit with its source after a slash
        ("3月2日，某县人民医院的医护人员在隔离病区外交接班。王小明摄/某某图片", [("王小明", "photographer")]),
        # a picture report's credit with its source, on a line of its own
        ("王小明　李华摄影报道（某某中国）", [("王小明", "photographer"), ("李华", "photographer")]),
        # …and at the end of a caption
        ("3月2日，某县医护人员在病区外交接班。王小明 李华摄影报道", [("王小明", "photographer"), ("李华", "photographer")]),
    ],
)
def test_picture_credits_followed_by_the_pictures_source(last_line, expected):
    text = "\r\n".join(["", "并肩作战", "", "", "\u3000\u3000近日，某县医护人员坚守一线。", "\u3000\u3000" + last_line])
    page = parse_page(text)
    assert [(p.name, p.role) for a in page.articles for p in a.people] == expected


def test_fact_lines_of_a_report_set_as_a_form_are_body_text():
    text = (
        "\r\n“一句代表说的话”（会场观察）\r\n\r\n　　时间：3月6日上午\r\n"
        "　　日程：某领导参加某省代表团审议\r\n　\r\n　　“今年收成怎么样？”几位代表发言时，他多次问到这个问题。\r\n"
    )
    kinds = {ln.text(normalise(text))[:2]: ln.kind for ln in classify_lines(normalise(text))}
    assert kinds["时间"] == kinds["日程"] == "body"
    norm = normalise(text)
    (a,) = parse_page(text).articles
    assert [(x.activity_type, norm[x.start : x.end]) for x in a.activities] == [
        ("meeting_deliberation", "某领导参加某省代表团审议")
    ]


def test_an_author_line_is_a_byline_and_a_key_points_label_is_no_title():
    body = "近日，某县开展边境巡逻，守护边民平安，受到群众好评。"
    (a,) = parse_page(f"某地开展巡边\n作者：本报记者 王小明\n{body}\n{body}\n").articles
    assert (a.title, [(p.name, p.role) for p in a.people]) == ("某地开展巡边", [("王小明", "reporter")])
    (a,) = parse_page(f"老街焕新颜（深阅读）\n核心阅读\n{body}\n{body}\n").articles
    assert a.title == "老街焕新颜"
