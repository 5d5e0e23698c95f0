"""Normalisation keeps every offset valid; paragraphs and OCR repeats."""

from __future__ import annotations

from ingestion.parsing.normalise import duplicate_spans, normalise, paragraphs


def test_length_is_preserved_for_mixed_text():
    text = "\ufeff　　本報訊（記者　王某）２０２３年，ＡＢＣ公司\r\n產值增長１２．５％。\r\n"
    out = normalise(text)
    assert len(out) == len(text)


def test_full_width_digits_letters_and_ascii_punctuation_become_half_width():
    assert normalise("２０２３年ＡＢｃ") == "2023年ABc"
    assert normalise("（记者）：，；！？") == "(记者):,;!?"
    assert normalise("增长１２．５％") == "增长12.5%"


def test_chinese_only_punctuation_is_kept():
    s = "他说：“好。”《规划》、……——"
    out = normalise(s)
    for ch in "“”。《》、…—":
        assert ch in out


def test_spaces_and_carriage_returns_become_plain_spaces():
    assert normalise("甲\u3000乙\r\n丙\u00a0丁\u200b") == "甲 乙 \n丙 丁 "


def test_traditional_characters_become_simplified():
    assert normalise("經濟發展與區域協調") == "经济发展与区域协调"


def test_simplified_text_is_unchanged():
    s = "著名作家在乾隆年间的故事里发现了后来的头发。"
    assert normalise(s) == s


def test_paragraphs_are_stripped_non_blank_lines():
    text = "  标题 \n\n\n 正文第一段。\n   \n第二段\n"
    spans = paragraphs(text)
    assert [text[a:b] for a, b in spans] == ["标题", "正文第一段。", "第二段"]


def test_exact_repeat_is_a_duplicate():
    text = "某社区组织志愿者清理楼道杂物二十余处。\n其他内容在这里出现并且足够长。\n某社区组织志愿者清理楼道杂物二十余处。"
    spans = paragraphs(text)
    assert duplicate_spans(text, spans) == {2}


def test_paragraph_contained_in_an_earlier_one_is_a_duplicate():
    first = "居民代表围坐一起商量小区停车难题，物业公司当场承诺增设车位，大家纷纷点赞。"
    part = "物业公司当场承诺增设车位，大家纷纷点赞。"
    text = f"{first}\n\n{part}"
    assert duplicate_spans(text, paragraphs(text)) == {1}


def test_heavy_overlap_across_a_column_break_is_a_duplicate():
    a = "社区党委书记介绍，今年以来共解决居民诉求一百余件，群众满意度明显提升。"
    b = "下一步将继续完善议事协商机制，推动更多问题在基层解决。"
    repeat = a[10:] + b[:12]
    text = f"{a}\n{b}\n{repeat}"
    assert duplicate_spans(text, paragraphs(text)) == {2}


def test_short_lines_are_never_duplicates():
    text = "本报记者 张三\n正文内容并不重复的一段文字。\n本报记者 张三"
    assert duplicate_spans(text, paragraphs(text)) == set()


def test_different_paragraphs_are_not_duplicates():
    text = "第一段讲述社区议事会的做法和成效。\n第二段讲述志愿服务队开展活动的情况。"
    assert duplicate_spans(text, paragraphs(text)) == set()


def test_characters_of_place_names_are_not_converted():
    # OpenCC reads 乾 as the traditional form of 干; in 乾安县 it is not.
    assert normalise("乾安縣的發展") == "乾安县的发展"


def test_sentences_from_one_template_are_not_repeats():
    a = "近日，甲乙丙丁局召开专题推进会，对重点任务逐项研究部署，推动工作落实。"
    b = "近日，戊己庚辛局召开专题推进会，对重点任务逐项研究部署，推动工作落实。"
    text = f"{a}\n\n{b}"
    assert duplicate_spans(text, paragraphs(text)) == set()


def test_a_repeat_with_one_misread_character_is_a_repeat():
    a = "居民代表围坐一起商量小区停车难题，物业公司当场承诺增设车位，大家纷纷点赞。"
    b = a.replace("承诺", "承偌")
    text = f"{a}\n\n{b}"
    assert duplicate_spans(text, paragraphs(text)) == {1}


def test_fold_maps_exactly_as_the_translation_table():
    from ingestion.parsing.normalise import _TABLE, _fold

    sample = "".join(chr(k) for k in _TABLE) + "本报讯（记者 张三）２０２３年，居民满意率达９８％。\r\n\u3000\u3000正文"
    assert _fold(sample) == sample.translate(_TABLE)
    assert _fold("没有要换的字。") == "没有要换的字。"
