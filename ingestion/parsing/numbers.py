"""Chinese and Arabic numerals → floats.

Pure functions over short strings. They answer "what number does this numeral
write?" and nothing else: whether a number is a metric, a date or an ordinal is
decided by the caller (``metrics.py``), which knows the surrounding text.

Accepted forms::

    "512" "2,048" "87.5" "2.3万" "45.6亿" "12.3万余"  (Arabic, optional 万/亿 scale)
    "两" "三十" "一百零五" "一万" "三万五" "二〇二二"      (Chinese)
    "百分之九十八" "百分之7.4"                             (per cent, value 98 / 7.4)
    "十余" "60余万" "一万多"                               (a trailing 余/多 is ignored here)
    "二十五点五" "百分之二十五点五"                        (点 decimals)
    "百余" "千万" "万余"                                   (a leading 百/千/万 is one of it)

Vague quantities (数十, 几百, 十几, 两三, 上百) are not numbers: ``None``.

Candidates evaluated before writing this (44 numerals; ``python benchmarks/number_parsers.py``):
correct here 44, ``cn2an`` 0.5.24 ``smart`` 38 even with 余/多, units and commas stripped for it
(fails 俩, 百余, 百分之; 两三 → 23), ``jionlp`` 1.5.31 ``parse_money`` 28: its 余/多 ranges are right,
but 十余 and 十几 get the same range, vague forms get numbers, 一百五 → 105, 三万五 → 30005,
二〇二二 → 6, no per cent. (This module read 41 until the run showed it missed 点 decimals and a
leading 百.) Both cost ~3–5x our CPU per call (uncached); import ~0.3 s (cn2an), ~1 s (jionlp)
vs ~20 ms. The qualifiers and ranges that metrics need come from the text around the numeral,
which neither package sees.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
# Multipliers below 万 (they scale one digit) and the section multipliers 万/亿.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

_ARABIC = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_ARABIC_SCALED = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([余多]?)([千万亿]*)([余多]?)$")
_PERCENT_WORD = re.compile(r"^百分之(.+)$")
# Arabic digits on both sides of a scale character: 3万4千 (34000), 2亿5000万 (250000000)
_MIXED_SCALE = re.compile(r"^(?:(\d+)亿)?(?:(\d+)万)?(?:(\d)千)?(?:(\d)百)?$")
_VAGUE = re.compile(r"[几数上]|^[两二三四五六七八九][两二三四五六七八九]$")


def parse_arabic(s: str) -> float | None:
    """Value of an Arabic numeral with optional thousands separators: "1,215" → 1215.0."""
    m = _ARABIC.match(s.strip())
    if not m:
        return None
    whole = m.group(1).replace(",", "")
    return float(whole + ("." + m.group(2) if m.group(2) else ""))


def _parse_section(s: str) -> int | None:
    """Value of a Chinese numeral below 万 (三千零五, 十二, 一百五 = 150); None if malformed."""
    total = 0
    digit: int | None = None
    last_unit = 10_000  # the previous multiplier, for the abbreviated tail (一百五 → 150)
    zero_seen = False
    for i, ch in enumerate(s):
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row (两三): a range, not a number
            if CN_DIGITS[ch] == 0:
                zero_seen = True
            else:
                digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # 百百, 十百: malformed
            if digit is None:
                if i > 0:
                    return None  # a multiplier with no digit, except a leading one: 十二, 百余, 千万
                digit = 1
            total += digit * unit
            digit = None
            last_unit = unit
            zero_seen = False
        else:
            return None  # 万/亿 or any other character: the callers split those off first
    if digit is not None:
        if 100 <= last_unit < 10_000 and not zero_seen:
            total += digit * (last_unit // 10)  # 一百五 = 150, 三千二 = 3200
        else:
            total += digit
    return total


def parse_chinese(s: str) -> float | None:
    """Value of a Chinese numeral: 两 → 2, 三十 → 30, 一万 → 10000, 二〇二二 → 2022; vague forms → None."""
    s = s.strip()
    if not s or _VAGUE.search(s):
        return None
    whole, point, fraction = s.partition("点")
    if point:  # 二十五点五 = 25.5: digits after 点 are read one by one
        if not whole or not fraction or any(ch not in CN_DIGITS for ch in fraction):
            return None
        head = parse_chinese(whole)
        if head is None:
            return None
        return float(f"{int(head)}.{''.join(str(CN_DIGITS[ch]) for ch in fraction)}")
    if any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    # Digit-by-digit writing (二〇二二) has a zero and no multipliers.
    if len(s) > 1 and not any(ch in CN_SMALL_UNITS or ch in CN_BIG_UNITS for ch in s):
        if not any(CN_DIGITS.get(ch) == 0 for ch in s):
            return None
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    if s in CN_BIG_UNITS:
        return float(CN_BIG_UNITS[s])  # 万余人: a bare 万 is one 万
    total = _parse_yi(s)
    if total is None or (total == 0 and s not in ("零", "〇", "○")):
        return None
    return float(total)


def _parse_yi(s: str) -> int | None:
    """Value of a numeral that may hold 亿, whose head may itself hold 万 (三万亿, 十万亿, 一亿二千万)."""
    if "亿" not in s:
        return _parse_wan(s)
    head, _, rest = s.rpartition("亿")
    if head == "":
        return None  # a bare 亿 before other characters (亿五)
    head_value = _parse_yi(head) if head not in CN_BIG_UNITS else CN_BIG_UNITS[head]  # 万亿 = 10¹²
    if not head_value:
        return None
    tail = _parse_tail(rest, 100_000_000)
    return None if tail is None else head_value * 100_000_000 + tail


def _parse_wan(s: str) -> int | None:
    """Value of a numeral below 亿 (三万五, 一千二百万零八, 十二)."""
    if "万" not in s:
        return _parse_section(s)
    head, _, rest = s.partition("万")
    if head == "" or "万" in rest:
        return None  # 万一 (a word), 三万万 (malformed)
    head_value = _parse_section(head)
    if not head_value:
        return None
    tail = _parse_tail(rest, 10_000)
    return None if tail is None else head_value * 10_000 + tail


def _parse_tail(rest: str, big: int) -> int | None:
    """What follows 万/亿: nothing, one digit that scales by a tenth of it (三万五 = 35000), or a smaller numeral."""
    if not rest:
        return 0
    if len(rest) == 1 and CN_DIGITS.get(rest):
        return CN_DIGITS[rest] * big // 10
    return _parse_wan(rest) if big > 10_000 else _parse_section(rest)


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """Value of a numeral string (Arabic, Chinese, mixed scale, 百分之…); None if not a definite number.

    >>> parse_number("12.3万余")
    123000.0
    >>> parse_number("百分之九十八")
    98.0
    """
    s = s.strip().replace("，", ",")
    if not s:
        return None
    m = _PERCENT_WORD.match(s)
    if m:
        return parse_number(m.group(1))
    m = _MIXED_SCALE.match(s)
    if m and sum(g is not None for g in m.groups()) >= 2:
        return float(sum(int(g) * k for g, k in zip(m.groups(), (100_000_000, 10_000, 1000, 100), strict=True) if g))
    m = _ARABIC_SCALED.match(s)
    if m:
        if parse_arabic(m.group(1)) is None:
            return None
        scale = 1
        for ch in m.group(3):
            scale *= {"千": 1000, "万": 10_000, "亿": 100_000_000}[ch]
        return scale_value(float(m.group(1).replace(",", "")), scale)
    s = s.rstrip("余多")
    value = parse_chinese(s)
    return None if value is None else _clean(value)


def scale_value(x: float, scale: int) -> float:
    """``x × scale`` computed in decimal, so 144.3 × 10⁸ is 14430000000.0, not …0.000002."""
    return float(Decimal(repr(x)) * scale)


def _clean(x: float) -> float:
    """Round away binary noise (values here come from integers and short decimals)."""
    return float(round(x, 6))
