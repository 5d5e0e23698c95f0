"""Bytes → text for landed pages: the encodings we accept, truncated files, and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ingestion.generate import generate_day
from ingestion.parsing.decode import DecodeError, decode_bytes

PAGE = "本报讯（记者王小明）近日，某社区开展志愿服务活动。\r\n\r\n第二段写明活动的成效。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (PAGE.encode("utf-8-sig"), "utf-8-sig"),
        (PAGE.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (PAGE.encode("utf-16-le"), "utf-16"),  # without one
        (PAGE.encode("utf-16-be"), "utf-16"),
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


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_file_cut_inside_a_character_drops_only_that_character(codec):
    data = PAGE.encode(codec)[:-1]  # the final 。 loses its last byte
    got = decode_bytes(data)
    assert got.truncated
    assert got.text == PAGE[:-1]


def test_declared_encoding_is_used():
    got = decode_bytes(PAGE.encode("gb18030"), declared="gb18030")
    assert (got.text, got.encoding) == (PAGE, "gb18030")


@pytest.mark.parametrize("declared", ["utf-8", "big5", "no-such-codec"])
def test_a_wrong_or_unknown_declaration_falls_back_to_what_the_bytes_are(declared):
    assert decode_bytes(PAGE.encode("gb18030"), declared=declared).text == PAGE


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),  # an image, not a page
        b"\x00\x01\x02\x03" * 50,
    ],
)
def test_bytes_that_are_not_a_page_are_refused(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_refusal_says_what_was_tried():
    with pytest.raises(DecodeError, match="gb18030"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def test_generated_pages_decode_to_their_text():
    pages = [p for i in range(12) for p in generate_day(date(2024, 6, 1) + timedelta(days=i), seed=4, pages=5)]
    assert {p.encoding for p in pages} >= {"utf-8", "utf-8-sig", "gb18030"}
    for p in pages:
        got = decode_bytes(p.data())
        assert got.text == p.text, p.file_name
        assert not got.truncated
