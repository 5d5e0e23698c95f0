"""Bytes → text for landed pages: the encodings we accept, truncated files, and refusals."""

from __future__ import annotations

import codecs
import random
from datetime import date, timedelta

import pytest

from ingestion.generate import generate_day
from ingestion.parsing.decode import SUPPORTED_ENCODINGS, DecodeError, canonical_encoding, decode_bytes

PAGE = "本报讯（记者王小明）近日，某社区开展志愿服务活动。\r\n\r\n第二段写明活动的成效。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (PAGE.encode("utf-8-sig"), "utf-8-sig"),
        (PAGE.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (PAGE.encode("utf-16-le"), "utf-16-le"),  # without one: the byte order is detected
        (PAGE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16"),
        (PAGE.encode("gb18030"), "gb18030"),
    ],
)
def test_accepted_encodings_decode_to_the_same_text(data, encoding):
    got = decode_bytes(data)
    assert (got.text, got.encoding, got.truncated) == (PAGE, encoding, False)


def test_byte_order_mark_is_not_part_of_the_text():
    assert not decode_bytes(PAGE.encode("utf-8-sig")).text.startswith("\ufeff")


def test_line_ends_are_kept():
    assert "\r\n" in decode_bytes(PAGE.encode("gb18030")).text


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16-le", "utf-16-be"])
def test_file_cut_inside_a_character_drops_only_that_character(codec):
    data = PAGE.encode(codec)[:-1]  # the final 。 loses its last byte
    got = decode_bytes(data)
    assert got.truncated
    assert got.text == PAGE[:-1]


def test_declared_encoding_is_used():
    got = decode_bytes(PAGE.encode("gb18030"), declared="gb18030")
    assert (got.text, got.encoding) == (PAGE, "gb18030")


@pytest.mark.parametrize("declared", ["utf-8", "utf-16", "big5", "no-such-codec", "", "x" * 500])
def test_a_wrong_or_unknown_declaration_falls_back_to_what_the_bytes_are(declared):
    got = decode_bytes(PAGE.encode("gb18030"), declared=declared)
    assert (got.text, got.encoding) == (PAGE, "gb18030")
    assert got.note  # says why the declaration was not used


@pytest.mark.parametrize(
    "codec, declared, used",
    [
        ("utf-16-le", "utf-16", "utf-16-le"),  # issue 12: raised "UTF-16 stream does not start with BOM"
        ("utf-16-be", "UTF-16", "utf-16-be"),
        ("utf-16-le", "utf-16-be", "utf-16-le"),
        ("utf-16-be", "utf-16-le", "utf-16-be"),
        ("utf-8", "gb18030", "utf-8"),
        ("utf-8", "utf-16", "utf-8"),
        ("gb18030", "GBK", "gb18030"),
    ],
)
def test_a_declared_encoding_that_does_not_fit_never_raises(codec, declared, used):
    got = decode_bytes(PAGE.encode(codec), declared=declared)
    assert (got.text, got.encoding) == (PAGE, used)


def test_a_declared_encoding_that_fits_is_used_without_a_note():
    got = decode_bytes(PAGE.encode("utf-16-le"), declared="utf-16-le")
    assert (got.encoding, got.note) == ("utf-16-le", None)


@pytest.mark.parametrize(
    "text",
    [
        "欧阳修\n司马光\n诸葛亮\n上官婉儿\n慕容复\n",  # issue 11: a list of names is text
        "𠮷野家\n𪚥\n䶮\n",  # names in CJK extension characters
        "阿卜杜拉·买买提\n José García \n Ólafur\n",
        "김민준\n이서연\n",
        "Ünïcödé — “quotes” … ½ ₂ ©\n",
        "第一版\f第二版\n",  # a form feed from a scanner is tolerated
    ],
)
@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_real_text_of_any_kind_is_accepted(text, codec):
    assert decode_bytes(text.encode(codec)).text == text


def test_a_list_of_chinese_names_is_accepted_in_gb18030():
    names = "欧阳修\n司马光\n诸葛亮\n上官婉儿\n慕容复\n"
    assert decode_bytes(names.encode("gb18030")) == decode_bytes(names.encode("gb18030"), declared="gb18030")
    assert decode_bytes(names.encode("gb18030")).text == names


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),  # an image, not a page
        b"\x00\x01\x02\x03" * 50,
        b"\x00" * 1000,
        b"   \r\n\t  ",  # nothing but white space
        bytes(range(256)) * 40,
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(7, 250)) * 8,  # a zip (docx) file
        random.Random(7).randbytes(20_000),
        random.Random(8).randbytes(20_001),
    ],
)
def test_bytes_that_are_not_a_page_are_refused(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_refusal_says_what_was_tried():
    with pytest.raises(DecodeError) as refused:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for codec in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        assert codec in str(refused.value)


@pytest.mark.parametrize("seed", range(40))
def test_random_bytes_never_raise_anything_but_decode_error(seed):
    rng = random.Random(seed)
    data = rng.randbytes(rng.randrange(1, 400))
    for declared in (None, "utf-16", "gb18030", "utf-8", "bogus"):
        try:
            decode_bytes(data, declared=declared)
        except DecodeError:
            pass


@pytest.mark.parametrize("name", ["utf8", "UTF-8", "utf_8_sig", "GB2312", "gbk", "UTF-16LE", "utf-16-be"])
def test_canonical_encoding_knows_the_supported_names(name):
    assert canonical_encoding(name) in SUPPORTED_ENCODINGS


@pytest.mark.parametrize("name", ["latin-1", "big5", "shift_jis", "rot13", "", None, 7, "x" * 100])
def test_canonical_encoding_refuses_the_rest(name):
    assert canonical_encoding(name) is None


def test_generated_pages_decode_to_their_text():
    pages = [p for i in range(12) for p in generate_day(date(2024, 6, 1) + timedelta(days=i), seed=4, pages=5)]
    assert {p.encoding for p in pages} >= {"utf-8", "utf-8-sig", "gb18030"}
    for p in pages:
        got = decode_bytes(p.data())
        assert got.text == p.text, p.file_name
        assert not got.truncated
