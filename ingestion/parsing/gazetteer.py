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

cpca's list dates from about 2015, so units renamed or created since (a
county that became a district or a city, two districts merged under a new
name) are missing. When the ``jionlp`` package is installed, its
``dictionary/china_location.zip`` (Apache-2.0, with changes up to 2023) supplies
them: its county-level units not in cpca are added (development zones, whose
codes have 7 in the fifth digit, are left to the zone rules in ``regions``).
The package is read as data, never imported.

Without jionlp, the units renamed or created since cpca's list are taken from
``data/admin_changes_since_2015.csv`` (one row per unit: its name, the unit of
cpca's list it replaced, province, prefecture, year of the Ministry of Civil
Affairs' approval — 民政部 县级以上行政区划变更批复 — and that source). A new unit
takes the code of the unit it replaced (an old text's 永年县 and a new one's 永年区
are the same place); units that cpca already lists are left out of the table.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_PLACEHOLDERS = frozenset(
    {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政区划", "市直辖行政区划", "自治区直辖行政区划"}
)
# Statistical areas in jionlp's tree that are no administrative unit (zones, parks, new areas).
_NOT_A_UNIT = re.compile(r"开发区|高新|产业园|园区|管委会|委员会|管理区|直辖|新区$")
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
    regions.sort(key=lambda r: r.code)  # stable: of two units sharing a code, the first listed stays first
    by_code: dict[str, Region] = {}
    for r in regions:
        by_code.setdefault(r.code, r)
    return Gazetteer(regions=tuple(regions), by_code=by_code)


def location_rows(text: str) -> list[dict[str, str]]:
    """Province, prefecture and county rows (adcode, name) of jionlp's ``china_location.txt``.

    The file is a tree indented with tabs: ``name<TAB>6-digit code<TAB>short``
    for provinces (no tab), prefectures (one) and counties (two); towns and
    villages below carry no code and are skipped, as are development zones and
    the districts of Taiwan, Hong Kong and Macau.
    """
    rows = []
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth > 2 or len(parts) < 2 or len(parts[1]) != 6 or not parts[1].isdigit():
            continue
        code, name = parts[1], parts[0]
        if depth == 2 and (code[4] == "7" or _NOT_A_UNIT.search(name)):
            continue  # a development zone's or a park's statistical code, not an administrative unit
        if name in _PLACEHOLDERS or code[:2] in ("71", "81", "82"):
            continue  # Taiwan, Hong Kong, Macau: their districts (东区, 南区 …) read as ordinary words
        rows.append({"adcode": code + "0" * 6, "name": name})
    return rows


def merge_rows(base: list[dict[str, str]], extra: list[dict[str, str]]) -> list[dict[str, str]]:
    """``base`` plus the rows of ``extra`` that name a unit ``base`` lacks (renamed or new units).

    A unit counts as known when its name is already listed in the same province
    (the lists file some county-level cities under different parents); a new
    name under a reused code is added beside the old one, which keeps the code
    (old texts still print the old name).
    """
    known = {(r["name"].strip(), r["adcode"].strip()[:2]) for r in base}
    out = list(base)
    for r in extra:
        key = (r["name"].strip(), r["adcode"].strip()[:2])
        if key not in known:
            known.add(key)
            out.append(r)
    return out


def _supplement_rows() -> list[dict[str, str]]:
    """Rows from jionlp's location data if that package is installed, else none."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location.zip"
    if not path.exists():
        return []
    with zipfile.ZipFile(path) as z:
        name = next((n for n in z.namelist() if n.endswith("china_location.txt")), None)
        if name is None:
            return []
        text = io.TextIOWrapper(z.open(name), encoding="utf-8").read()
    return location_rows(text)


CHANGES_CSV = Path(__file__).resolve().parent / "data" / "admin_changes_since_2015.csv"


def change_rows(base: list[dict[str, str]], path: Path = CHANGES_CSV) -> list[dict[str, str]]:
    """Rows (adcode, name) for the units of the changes table, coded as the unit each replaced in ``base``.

    A change whose former unit is not found once in its province (and prefecture, when given) is
    skipped rather than guessed.
    """
    if not path.exists():
        return []
    provinces = {r["name"]: r["adcode"][:2] for r in base if r["adcode"][2:] == "0" * 10}
    cities: dict[str, set[str]] = {}
    for r in base:
        if r["adcode"][4:] == "0" * 8 and r["adcode"][2:4] != "00":
            cities.setdefault(r["name"], set()).add(r["adcode"][:4])
    codes: dict[str, list[str]] = {}
    for r in base:
        codes.setdefault(r["name"], []).append(r["adcode"])
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for ch in csv.DictReader(f):
            province = provinces.get(ch["province"])
            found = [c for c in codes.get(ch["former_name"], []) if c[:2] == province]
            if ch.get("city"):
                found = [c for c in found if c[:4] in cities.get(ch["city"], set())]
            if len(found) == 1:
                out.append({"adcode": found[0], "name": ch["name"]})
    return out


@functools.cache
def ethnic_words() -> tuple[str, ...]:
    """Ethnic group names (with and without 族) that autonomous units' names carry, longest first."""
    path = _data_dir() / "56_nations.csv"
    return _ethnic_words(path.read_text(encoding="utf-8").splitlines() if path.exists() else [])


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer from cpca's ``adcodes.csv``, the changes table and jionlp's data when installed (read once)."""
    d = _data_dir()
    with open(d / "adcodes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    nations_path = d / "56_nations.csv"
    nations = nations_path.read_text(encoding="utf-8").splitlines() if nations_path.exists() else []
    rows = merge_rows(rows, change_rows(rows))
    return build_gazetteer(merge_rows(rows, _supplement_rows()), nations)


def gazetteer_rows() -> list[dict]:
    """The gazetteer as rows for the ``raw.gazetteer`` table (one per code: the first unit listed under it)."""
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
        for code, r in load_gazetteer().by_code.items()
    ]
