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


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("万亿", 1e12),
        ("十万亿", 1e13),
        ("三万亿", 3e12),
        ("一万二千亿", 1.2e12),
        ("一亿零五百万", 105_000_000.0),
        ("三亿五", 350_000_000.0),
        ("一千二百万零八", 12_000_008.0),
        ("3万亿", 3e12),
        ("十万亿余", 1e13),
    ],
)
def test_compound_large_units(numeral, value):
    assert parse_number(numeral) == value


# Every string over these characters, up to a length, is fed to the parsers: none may raise.
_ODD_ALPHABET = "零〇一二两三五九十百千万亿点余多几数之分"


def _odd_numerals(max_len: int):
    from itertools import product

    for n in range(1, max_len + 1):
        for chars in product(_ODD_ALPHABET, repeat=n):
            yield "".join(chars)


def test_odd_numerals_never_raise():
    """Any numeral-looking string gives None or a finite, non-negative float: never an exception."""
    import math

    seen = 0
    for s in _odd_numerals(4):
        for parse in (parse_number, parse_chinese):
            v = parse(s)
            assert v is None or (isinstance(v, float) and math.isfinite(v) and v >= 0), (s, v)
        seen += 1
    for s in ("百分之", "百分之百分之五", "1.2.3万", "5万万", "亿万", "万万亿", "１２万", "9" * 400, "3,4,5亿", "二点", "点"):
        parse_number(s)
    assert seen == sum(len(_ODD_ALPHABET) ** n for n in range(1, 5))


_DIGITS = "零一二三四五六七八九"


def _write_section(n: int) -> str:
    """n < 10000 written the long way (一千零五, 三百二十): the reference the parser must read back."""
    out, zero = "", False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit_value)
        if d:
            out += ("零" if zero and out else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def _write(n: int) -> str:
    """n written in Chinese with 万 and 亿 sections (one 万亿 level too: 三万二千亿)."""
    parts = []
    for big, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        d, n = divmod(n, big)
        if d:
            head = _write(d) if d >= 10_000 else _write_section(d)
            if parts and (d < big // 10 if big == 10_000 else d < 1000):
                head = "零" + head
            parts.append(head + name)
    return "".join(parts)


@pytest.mark.parametrize(
    "n",
    [
        1,
        7,
        10,
        11,
        20,
        105,
        110,
        999,
        1001,
        1010,
        9999,
        10_000,
        10_001,
        10_100,
        35_000,
        120_000_000,
        100_000_008,
        300_000_000_000,
        1_000_000_000_000,
        32_000_000_000_000,
        1_200_000_005_000,
        987_654_321,
        10_000_000_000_000,
    ],
)
def test_written_numbers_read_back(n):
    assert parse_chinese(_write(n)) == float(n), _write(n)


@pytest.mark.parametrize(
    ("numeral", "value"), [("3万4千", 34000.0), ("7万5千", 75000.0), ("2亿5000万", 250000000.0), ("1万2千3百", 12300.0)]
)
def test_arabic_digits_on_both_sides_of_a_scale_character(numeral, value):
    assert parse_number(numeral) == value
