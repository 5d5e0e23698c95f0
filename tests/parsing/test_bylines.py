"""Credits → people with roles (and the paper a credit names)."""

from __future__ import annotations

import pytest

from ingestion.parsing.bylines import dateline_place, parse_byline


def people(s: str) -> list[tuple[str, str]]:
    found, _ = parse_byline(s, 0, len(s))
    return [(p.name, p.role) for p in found]


def paper(s: str) -> str | None:
    return parse_byline(s, 0, len(s))[1]


def test_bracketed_dateline_credit_full_width():
    assert people("本报讯（记者王小明 通讯员李华 赵敏）") == [
        ("王小明", "reporter"),
        ("李华", "correspondent"),
        ("赵敏", "correspondent"),
    ]


def test_bracketed_dateline_credit_half_width_correspondent_first():
    assert people("本报讯(通讯员刘洋 记者陈晨)") == [("刘洋", "correspondent"), ("陈晨", "reporter")]


def test_standalone_byline_with_two_correspondents():
    assert people("本报记者 周游 本报通讯员 孙小红 胡一鸣") == [
        ("周游", "reporter"),
        ("孙小红", "correspondent"),
        ("胡一鸣", "correspondent"),
    ]


def test_named_paper_byline_and_paper():
    s = "某某日报记者 高原 钱多多 通讯员 马力"
    assert people(s) == [("高原", "reporter"), ("钱多多", "reporter"), ("马力", "correspondent")]
    assert paper(s) == "某某日报"


def test_named_paper_bracketed_credit():
    s = "某某日报(记者钱多多 通讯员吴静)"
    assert people(s) == [("钱多多", "reporter"), ("吴静", "correspondent")]
    assert paper(s) == "某某日报"


def test_this_paper_is_reported_literally():
    assert paper("本报记者 周游") == "本报"


def test_dateline_with_place_and_date():
    s = "本报石家庄2月4日电（记者张伟 李娜）"
    assert people(s) == [("张伟", "reporter"), ("李娜", "reporter")]
    assert paper(s) == "本报"
    assert dateline_place(s) == "石家庄"


def test_photo_report_makes_everyone_a_photographer_too():
    got = people("本报记者 周游 本报通讯员 孙小红 摄影报道")
    assert got == [
        ("周游", "reporter"),
        ("孙小红", "correspondent"),
        ("周游", "photographer"),
        ("孙小红", "photographer"),
    ]


@pytest.mark.parametrize(
    "s, name",
    [
        ("某某日报通讯员 曹一鸣摄", "曹一鸣"),
        ("本报记者 高原摄", "高原"),
        ("本报记者 高原 摄", "高原"),
        ("（李四 摄）", "李四"),
    ],
)
def test_photo_credit_is_photographer_only(s, name):
    assert people(s) == [(name, "photographer")]


def test_spaced_out_two_character_name_is_one_name():
    assert people("本报记者 韩  鑫") == [("韩鑫", "reporter")]


def test_names_separated_by_spaces_stay_separate():
    assert people("记者 师一 冯小八 王小二") == [("师一", "reporter"), ("冯小八", "reporter"), ("王小二", "reporter")]


def test_two_spaced_out_names_in_a_row():
    assert people("记者 王 鑫 李 四") == [("王鑫", "reporter"), ("李四", "reporter")]


def test_trailing_credit_without_role_lists_reporters():
    assert people("（张三  李四）") == [("张三", "reporter"), ("李四", "reporter")]


def test_text_and_picture_credit():
    assert people("文/本报记者 张三 图/本报通讯员 李四") == [("张三", "reporter"), ("李四", "photographer")]
    assert people("文/图 本报记者 张三") == [("张三", "reporter"), ("张三", "photographer")]


def test_bare_credit_after_briefs_marker():
    assert people("本报讯 记者 张三 通讯员 李四") == [("张三", "reporter"), ("李四", "correspondent")]


def test_person_spans_point_at_the_names():
    s = "本报讯（记者王小明 通讯员李华）"
    found, _ = parse_byline(s, 0, len(s))
    assert [s[p.start : p.end] for p in found] == ["王小明", "李华"]


def test_names_without_role_take_the_callers_default():
    s = "（张三  李四）"
    found, _ = parse_byline(s, 0, len(s), default_role="correspondent")
    assert [(p.name, p.role) for p in found] == [("张三", "correspondent"), ("李四", "correspondent")]


def test_role_words_win_over_the_default():
    s = "（记者 张三 通讯员 李四）"
    found, _ = parse_byline(s, 0, len(s), default_role="correspondent")
    assert [(p.name, p.role) for p in found] == [("张三", "reporter"), ("李四", "correspondent")]


def test_this_papers_correspondents_in_a_closing_credit():
    assert people("（本报通讯员 林一鸣 王小二）") == [("林一鸣", "correspondent"), ("王小二", "correspondent")]


def test_spaced_name_before_a_list_separator():
    assert people("（段　斌、范小燕）") == [("段斌", "reporter"), ("范小燕", "reporter")]


# --- datelines, round-up and picture credits -------------------------------------------
from ingestion.parsing.credits import closing_credit_start, is_furniture, is_photo_credit, trailing_credit  # noqa: E402
from ingestion.parsing.normalise import normalise  # noqa: E402


def norm_people(s: str) -> list[tuple[str, str]]:
    return people(normalise(s))


@pytest.mark.parametrize("s", ["本报北京3月1日电", "本报电", "新华社甲城3月1日电", "本报北京、甲城3月1日电", "据新华社甲城电"])
def test_a_dateline_head_names_no_one(s):
    assert people(s) == []


def test_dateline_head_still_names_the_paper():
    assert paper("本报北京3月1日电") == "本报"


def test_dateline_inside_a_closing_bracket():
    assert norm_people("（新华社北京3月1日电  记者王小明）") == [("王小明", "reporter")]
    assert norm_people("（据新华社甲城电 记者王小明、李华）") == [("王小明", "reporter"), ("李华", "reporter")]
    assert norm_people("（本报北京、甲城、乙城3月1日电  记者王小明、李华）") == [("王小明", "reporter"), ("李华", "reporter")]


def test_several_places_in_a_dateline():
    assert dateline_place("本报北京、甲城3月1日电（记者王小明）") == "北京"


def test_round_up_credit_lists_every_reporter():
    assert norm_people("（综合本报记者王小明、李华、张三报道）") == [
        ("王小明", "reporter"),
        ("李华", "reporter"),
        ("张三", "reporter"),
    ]


@pytest.mark.parametrize("s", ["（王小明、李华参与采写）", "（本报记者王小明、李华整理）"])
def test_writers_who_took_part_or_compiled(s):
    assert norm_people(s) == [("王小明", "reporter"), ("李华", "reporter")]


def test_the_credit_in_an_authors_note_is_its_last_clause():
    s = normalise("这是一个句子。（作者为甲大学教授、乙协会理事，本报驻某国记者王小明采访整理）")
    m = trailing_credit(s)
    assert m is not None
    start = closing_credit_start(s, m)
    found, _ = parse_byline(s, start, len(s))
    assert [(p.name, p.role) for p in found] == [("王小明", "reporter")]


@pytest.mark.parametrize("s", ["王小明摄（某某视觉）", "王  明摄（某某影像）", "王小明摄（新华社发）", "新华社记者  王  明摄"])
def test_picture_credit_with_its_source(s):
    s = normalise(s)
    assert is_photo_credit(s)
    assert [role for _, role in people(s)] == ["photographer"]


def test_names_only_photo_report():
    # no role word before the names: the photographers' credit (nine of twelve blind annotations)
    assert is_photo_credit("王  明  李小华摄影报道")
    assert people("王  明  李小华摄影报道") == [("王明", "photographer"), ("李小华", "photographer")]
    # with one, everyone it credits is a photographer too
    assert people("本报记者 王明 李小华摄影报道") == [
        ("王明", "reporter"),
        ("李小华", "reporter"),
        ("王明", "photographer"),
        ("李小华", "photographer"),
    ]


@pytest.mark.parametrize("s", ["版式设计:王小明", "本版制图:王小明", "制图:王小明", "本版图片来源:某某影像", "美术设计:李华"])
def test_layout_and_chart_credits_are_furniture(s):
    assert is_furniture(s)


@pytest.mark.parametrize(
    "s",
    [
        "这是一句话。(记者手记)",
        "这是一句话。(讲话全文见第二版)",
        "这是一句话。(上)",
        "这是一句话。(本报甲城3月1日电)",
        "这是一句话。(作者单位:甲大学)",
        "这是一句话。(执笔:王小明)",
        "这是一句话。(新华社)",
    ],
)
def test_brackets_that_are_no_closing_credit(s):
    assert trailing_credit(s) is None


@pytest.mark.parametrize("s", ["这是一句话。(王小明)", "这是一句话。(王  明 李华)", "(综合本报记者王小明、李华报道)"])
def test_brackets_that_are_closing_credits(s):
    assert trailing_credit(s) is not None


def test_a_long_foreign_place_in_a_dateline():
    s = normalise("据新华社某某某国某某某某某城2月25日电  （记者王小明）")
    assert people(s) == [("王小明", "reporter")]


def test_a_round_up_credit_names_this_paper():
    assert paper(normalise("（综合本报记者王小明、李华报道）")) == "本报"


def test_a_news_sites_or_apps_reporter_is_credited_without_the_outlet_taken_for_a_name():
    assert people("某某网讯（某某新闻记者 王小明 通讯员 李华）") == [("王小明", "reporter"), ("李华", "correspondent")]
    assert people("某某网记者　王小明　李华") == [("王小明", "reporter"), ("李华", "reporter")]


def test_a_paper_and_its_site_credited_together_are_the_outlet():
    assert people("某某日报—某某网记者 王小明") == [("王小明", "reporter")]
    assert people("某某报·某某网记者李华") == [("李华", "reporter")]


def test_picture_credits_with_a_slash_and_a_line_ending_in_she_credit_every_name_with_the_picture():
    assert people("文/本报记者 王小明 摄/李华") == [("王小明", "reporter"), ("李华", "photographer")]
    assert people("某某报·某某网记者李华/摄") == [("李华", "photographer")]
    assert people("本报记者 王小明 本报通讯员 李华 摄") == [("王小明", "photographer"), ("李华", "photographer")]


def test_a_reporter_posted_or_sent_abroad_and_a_source_cited():
    assert people("本报驻南非记者  王小明") == [("王小明", "reporter")]
    assert people("本报赴某国特派记者 王小明") == [("王小明", "reporter")]
    assert people("某某每日电讯记者王小明、李华") == [("王小明", "reporter"), ("李华", "reporter")]  # a paper named 电讯
    assert trailing_credit(normalise("近日，侨胞们举行联谊活动。（据某某侨网）")) is None  # a source, nobody credited
    assert trailing_credit(normalise("近日，侨胞们举行联谊活动。（王小明）")) is not None
