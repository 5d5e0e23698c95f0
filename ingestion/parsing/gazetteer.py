"""China's administrative divisions, from the data file shipped with the ``cpca`` package.

``adcodes.csv`` (columns adcode, name, longitude, latitude) lists provinces,
prefecture-level and county-level units with 12-digit codes. The hierarchy is
read off the code: a province has ``code[2:] == '0' * 10``, a prefecture-level
unit ``code[4:] == '0' * 8``, everything else is county level. Placeholder rows
(市辖区, 县, 省直辖县级行政区划) are skipped; a county under such a placeholder
hangs directly off its province.

The file is located with ``importlib.util.find_spec`` instead of
``importlib.resources.files("cpca")`` because importing ``cpca`` itself needs
``pkg_resources`` (setuptools), which the environment does not ship.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Outermost administrative suffixes, longest first so 自治县 wins over 县.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "林区",
    "矿区",
    "新区",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)
# Ethnic words that appear in autonomous units' names; 族 is often dropped there
# (新疆维吾尔自治区, 伊犁哈萨克自治州), so both spellings are stripped.
_EXTRA_ETHNIC = ("各族",)


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # 12-digit administrative code
    name: str  # full name as in the code list: 沧州市, 青龙满族自治县
    short_name: str | None  # usual short form of two or more characters, else None
    level: str  # province | city | county
    parent_code: str | None
    province_code: str
    city_code: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    regions: tuple[Region, ...]
    by_code: dict[str, Region]

    def province_of(self, code: str) -> Region | None:
        """The province a unit belongs to (itself for a province)."""
        r = self.by_code.get(code)
        return self.by_code.get(r.province_code) if r else None

    def city_of(self, code: str) -> Region | None:
        """The prefecture-level unit a unit belongs to, if any."""
        r = self.by_code.get(code)
        if r is None:
            return None
        if r.level == "city":
            return r
        return self.by_code.get(r.city_code) if r.city_code else None


def _data_dir() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the cpca package (administrative code list) is not installed")
    return Path(spec.origin).parent / "resources"


def _ethnic_words(lines: Iterable[str]) -> tuple[str, ...]:
    words: set[str] = set(_EXTRA_ETHNIC)
    for line in lines:
        w = line.strip()
        if not w:
            continue
        words.add(w)
        if w.endswith("族") and len(w) > 2:
            words.add(w[:-1])  # 维吾尔族 → 维吾尔, 哈萨克族 → 哈萨克
    # Longest first so 土家族 is stripped before 家族-like fragments could match.
    return tuple(sorted(words, key=len, reverse=True))


def short_form(name: str, ethnic: tuple[str, ...]) -> str | None:
    """Usual short form: the name without its administrative suffix and ethnic words.

    青龙满族自治县 → 青龙, 新疆维吾尔自治区 → 新疆, 内蒙古自治区 → 内蒙古,
    沧州市 → 沧州. Nothing shorter than two characters is returned (沧县 has no
    usable short form), and nothing equal to the full name.
    """
    base = name
    for suf in _SUFFIXES:
        if base.endswith(suf) and len(base) > len(suf):
            base = base[: -len(suf)]
            break
    stripped = True
    while stripped:
        stripped = False
        for w in ethnic:
            if base.endswith(w) and len(base) - len(w) >= 2:
                base = base[: -len(w)]
                stripped = True
                break
    if len(base) < 2 or base == name:
        return None
    return base


def _level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def build_gazetteer(rows: Iterable[dict[str, str]], nations: Iterable[str]) -> Gazetteer:
    """Gazetteer from code-list rows (adcode, name) and the list of ethnic group names."""
    ethnic = _ethnic_words(nations)
    raw = [(r["adcode"].strip(), r["name"].strip()) for r in rows if r.get("adcode") and r.get("name")]
    known = {code for code, name in raw if name not in _PLACEHOLDERS}
    regions = []
    for code, name in raw:
        if name in _PLACEHOLDERS or len(code) != 12:
            continue
        level = _level(code)
        province = code[:2] + "0" * 10
        city = code[:4] + "0" * 8
        city_code = city if level != "province" and city in known else None
        if level == "province":
            parent = None
        elif level == "city":
            parent = province
        else:
            parent = city_code or province
        regions.append(
            Region(
                code=code,
                name=name,
                short_name=short_form(name, ethnic),
                level=level,
                parent_code=parent,
                province_code=province,
                city_code=city_code if level != "province" else None,
            )
        )
    regions.sort(key=lambda r: r.code)
    return Gazetteer(regions=tuple(regions), by_code={r.code: r for r in regions})


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from cpca's ``adcodes.csv`` (read once per process)."""
    d = _data_dir()
    with open(d / "adcodes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    nations_path = d / "56_nations.csv"
    nations = nations_path.read_text(encoding="utf-8").splitlines() if nations_path.exists() else []
    return build_gazetteer(rows, nations)


def gazetteer_rows() -> list[dict]:
    """The gazetteer as rows for the ``raw.gazetteer`` table."""
    return [
        {
            "region_code": r.code,
            "region_name": r.name,
            "short_name": r.short_name,
            "level": r.level,
            "parent_code": r.parent_code,
            "province_code": r.province_code,
            "city_code": r.city_code,
        }
        for r in load_gazetteer().regions
    ]
