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
