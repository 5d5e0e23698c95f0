"""Numeral parsing: Arabic, Chinese, scaled and per-cent forms; vague forms give None."""

from __future__ import annotations

import pytest

from ingestion.parsing.numbers import parse_arabic, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("两", 2.0),
        ("俩", 2.0),
        ("十", 10.0),
        ("十二", 12.0),
        ("三十", 30.0),
        ("一百零五", 105.0),
        ("一百五", 150.0),
        ("三千零五", 3005.0),
        ("两千", 2000.0),
        ("一万", 10000.0),
        ("三万五", 35000.0),
        ("十万", 100000.0),
        ("一亿二千万", 120000000.0),
        ("二〇一九", 2019.0),
        ("二十五点五", 25.5),  # 点 decimals
        ("零点五", 0.5),
        ("百", 100.0),  # a leading multiplier is one of it: 百余人, 千余户, 万余元
        ("千", 1000.0),
        ("万", 10000.0),
        ("千万", 10000000.0),
    ],
)
def test_chinese(numeral, value):
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("numeral", ["两三", "几十", "十几", "数十", "", "百百", "十百", "二十五点", "点五", "万一"])
def test_chinese_vague_or_malformed_is_none(numeral):
    assert parse_chinese(numeral) is None


@pytest.mark.parametrize(("numeral", "value"), [("512", 512.0), ("2,048", 2048.0), ("87.5", 87.5), ("1,234.5", 1234.5)])
def test_arabic(numeral, value):
    assert parse_arabic(numeral) == value


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("2.3万", 23000.0),
        ("45.6亿", 4560000000.0),
        ("12.3万余", 123000.0),
        ("60余万", 600000.0),
        ("2300万余", 23000000.0),
        ("一万多", 10000.0),
        ("十余", 10.0),
        ("百分之九十八", 98.0),
        ("百分之7.4", 7.4),
        ("5千", 5000.0),
    ],
)
def test_parse_number(numeral, value):
    assert parse_number(numeral) == value


def test_scaled_decimal_has_no_binary_noise():
    assert parse_number("14.7万") == 147000.0
    assert parse_number("12.03万") == 120300.0
