"""The synthetic page generator: deterministic, and its truth is exactly what the text says."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ingestion import generate as g
from ingestion import generate_articles as ga
from ingestion import generate_vocabulary as gv
from ingestion.records import ACTIVITY_TYPES, ARTICLE_KINDS, METRIC_KINDS, QUALIFIERS, ROLES

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SCORE = SHARED / "benchmark" / "score.py"
START = date(2024, 3, 1)
PAGE_KEYS = ["file", "newspaper", "page_banner", "articles"]
ARTICLE_KEYS = ["title", "subtitle", "section", "kind", "people", "regions", "activity_types", "activities", "metrics"]
ACTIVITY_KEYS = ["quote", "type", "organizer", "name", "place"]
METRIC_KEYS = ["quote", "value", "unit", "qualifier", "kind", "subject", "optional"]
PERSON = re.compile(f"[{gv.SURNAMES}](?:{'|'.join(sorted(gv.GIVEN, key=len, reverse=True))})")


@pytest.fixture(scope="module")
def month() -> list[g.GeneratedPage]:
    """30 days × 4 pages, so every page kind appears many times."""
    return [p for i in range(30) for p in g.generate_day(START + timedelta(days=i), seed=7, pages=4)]


@pytest.fixture(scope="module")
def articles(month):
    return [(p, a) for p in month for a in p.truth["articles"]]


def _load_score():
    if not SCORE.exists():
        pytest.skip(f"benchmark scorer not found at {SCORE}")
    spec = importlib.util.spec_from_file_location("benchmark_score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _title_lines(text: str) -> set[str]:
    """Every line without heading marks or bullets, and every two adjacent lines joined (a headline
    broken over two lines), whitespace removed."""
    lines = [re.sub(r"^#+", "", line.strip()).strip().lstrip(gv.BULLETS) for line in text.splitlines()]
    lines = [_squash(x) for x in lines if x.strip()]
    return set(lines) | {a + b for a, b in zip(lines, lines[1:], strict=False)}


_SIMPLE = str.maketrans({v: k for k, v in gv._TRAD.items()})


def _simplified(text: str) -> str:
    """A page's text with the traditional forms the generator may print turned back."""
    return text.translate(_SIMPLE)


# ------------------------------------------------------------ determinism
def test_same_seed_gives_identical_bytes_and_truth():
    a = g.generate_day(date(2024, 5, 17), seed=3)
    b = g.generate_day(date(2024, 5, 17), seed=3)
    assert [(p.file_name, p.encoding, p.data(), p.meta, p.truth) for p in a] == \
           [(p.file_name, p.encoding, p.data(), p.meta, p.truth) for p in b]
    assert len(a) == 3


def test_output_does_not_depend_on_hash_seed():
    code = ("import hashlib, datetime; from ingestion.generate import generate_day; "
            "h = hashlib.sha256(); "
            "[h.update(p.data() + repr(p.truth).encode()) for i in range(4) "
            " for p in generate_day(datetime.date(2024, 1, 1) + datetime.timedelta(days=i), seed=5, pages=4)]; "
            "print(h.hexdigest())")
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                             check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_different_day_or_seed_gives_different_text():
    base = [p.text for p in g.generate_day(date(2024, 5, 17), seed=3)]
    assert base != [p.text for p in g.generate_day(date(2024, 5, 18), seed=3)]
    assert base != [p.text for p in g.generate_day(date(2024, 5, 17), seed=4)]


def test_month_has_variety(month):
    texts = [p.text for p in month]
    assert len(set(texts)) == len(texts)
    titles = {a["title"] for p in month for a in p.truth["articles"]}
    assert len(titles) > 150
    assert len({p.meta["newspaper"] for p in month}) > 10


# ------------------------------------------------------------ truth matches text
def test_truth_has_the_gold_shape_and_vocabularies(month):
    for p in month:
        t = p.truth
        assert list(t) == PAGE_KEYS and t["file"] == p.file_name
        assert t["newspaper"] == p.meta["newspaper"] and t["newspaper"].endswith("日报")
        assert p.meta["edition_date"] and p.meta["page_number"]
        assert t["articles"]
        assert len({a["title"] for a in t["articles"]}) == len(t["articles"])
        for a in t["articles"]:
            assert list(a) == ARTICLE_KEYS
            assert a["kind"] in ARTICLE_KINDS
            assert all(list(x) == ["name", "role"] and x["role"] in ROLES for x in a["people"])
            assert len({(x["name"], x["role"]) for x in a["people"]}) == len(a["people"])
            assert len(set(a["regions"])) == len(a["regions"])
            assert a["activity_types"] == list(dict.fromkeys(x["type"] for x in a["activities"]))
            assert set(a["activity_types"]) <= set(ACTIVITY_TYPES)
            for act in a["activities"]:
                assert list(act) == ACTIVITY_KEYS
            for m in a["metrics"]:
                assert list(m) == METRIC_KEYS
                assert m["qualifier"] in QUALIFIERS and m["kind"] in METRIC_KINDS
                assert isinstance(m["value"], (int, float)) and not isinstance(m["value"], bool)
                assert m["optional"] is False and m["subject"]
            keys = [(m["value"], m["unit"]) for m in a["metrics"]]
            assert len(set(keys)) == len(keys)


def test_every_title_is_a_line_and_every_quote_a_substring(month):
    for p in month:
        lines = _title_lines(p.text)
        flat = _squash(p.text)
        for a in p.truth["articles"]:
            assert _squash(a["title"]) in lines, (p.file_name, a["title"])
            if a["subtitle"]:
                assert a["subtitle"] in p.text
            for x in a["people"]:
                assert x["name"] in flat  # names may be typeset with spaces inside (韩  鑫)
            for act in a["activities"]:
                assert act["quote"] in p.text, act
                for k in ("organizer", "name", "place"):
                    assert act[k] is None or act[k] in act["quote"], (k, act)
            for m in a["metrics"]:
                assert m["quote"] in p.text, m
        if p.truth["page_banner"]:
            assert _squash(p.truth["page_banner"]) in lines


def test_sections_are_labels_printed_on_the_page(month):
    for p in month:
        lines = _title_lines(p.text)
        for a in p.truth["articles"]:
            assert a["section"] is None or _squash(a["section"]) in lines
            if a["kind"] == "brief" and not p.file_name.startswith("column"):
                assert _simplified(a["section"]) in gv.BRIEF_LABELS
            if a["kind"] == "brief" and a["section"]:
                assert _simplified(a["section"]) in gv.BRIEF_LABELS


def _cn_value(s: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" not in s:
        return digits[s]
    tens, _, units = s.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def test_metric_values_units_and_qualifiers_follow_the_quote(articles):
    for _, a in articles:
        for m in a["metrics"]:
            q, unit = m["quote"], m["unit"]
            num = re.search(r"(\d+(?:\.\d+)?)(万|亿)?(余|多)?" + re.escape(unit), q)
            if num:
                scale = {None: 1, "万": 10_000, "亿": 100_000_000}[num.group(2)]
                value = Decimal(num.group(1)) * scale
            else:
                cn = re.search(r"([两一二三四五六七八九十]+)" + re.escape(unit), q)
                assert cn, m
                value = Decimal(_cn_value(cn.group(1)))
            assert Decimal(str(m["value"])) == value, m
            expected = ("at_least" if re.search(r"余|多|超过|逾|以上", q) else "at_most" if re.search(r"近|不到", q)
                        else "approx" if re.search(r"约|左右", q) else "exact")
            assert m["qualifier"] == expected, m
            assert (m["kind"] == "percent") == (unit == "%")
            assert m["kind"] != "money" or unit == "元"


def test_numbers_that_are_not_metrics_are_on_the_pages_but_not_in_the_truth(month, articles):
    text = "".join(p.text for p in month)
    for trap in (r"\d+月\d+日", r"\d+时许", r"今年\d+岁", r"\d+多岁", r"第[一二三四五六七八九]+[年位]", r"“\d{7}”",
                 r"“1\+\d”", "二十大", "一位居民", "一张圆桌", r"\d{4}年", "65岁以上", "三个一"):
        assert re.search(trap, text), trap
    for _, a in articles:
        for m in a["metrics"]:
            assert not re.search(r"岁|月\d|时许|第|二十大|热线|1\+", m["quote"]), m


def test_plans_are_not_activities(month, articles):
    assert "下一步，" in "".join(p.text for p in month) or "下一步," in "".join(p.text for p in month)
    for _, a in articles:
        for act in a["activities"]:
            assert "将" not in act["quote"].replace(act["organizer"] or "", "").replace(act["place"] or "", ""), act


def test_repeated_paragraph_keeps_its_metrics_once(month):
    repeated = 0
    for p in month:
        paras = [line.strip() for line in p.text.splitlines() if len(line.strip()) > 20]
        dups = {x for x in paras if paras.count(x) > 1}
        for x in dups:
            for a in p.truth["articles"]:
                quotes = [m["quote"] for m in a["metrics"] if m["quote"] in x]
                repeated += bool(quotes)
                assert len(quotes) == len(set(quotes))
    assert repeated >= 10


# ------------------------------------------------------------ regions
@pytest.fixture(scope="module")
def full_names() -> set[str]:
    gz = gv.gazetteer()
    levels = [gz.provinces, *gz.cities.values(), *gz.counties.values()]
    return {u.name for level in levels for u in level}


def test_regions_are_real_full_names_that_the_page_writes(articles, full_names):
    zones = tuple(gv.ZONES)
    for p, a in articles:
        text = _simplified(p.text)
        for name in a["regions"]:
            if name.endswith(zones):  # a city's development zone: <city short><zone>, its city listed too
                city = next(r for r in a["regions"] if r in full_names and name.startswith(gv.short_form(r) or r))
                assert name in text and city
                continue
            assert name in full_names, name
            forms = [name] + ([gv.short_form(name)] if gv.short_form(name) else [])
            assert any(f in text for f in forms), (p.file_name, name)


def test_no_place_name_on_a_page_is_left_out_of_the_truth(month):
    for p in month:
        keep = {p.truth["newspaper"], "新华社"} | {x["name"] for a in p.truth["articles"] for x in a["people"]}
        keep |= {f for a in p.truth["articles"] for r in a["regions"] for f in (r, gv.short_form(r)) if f}
        masked = PERSON.sub("□", p.text)  # residents quoted in the body are people, not places
        for k in sorted((k for k in keep if k), key=lambda s: (-len(s), s)):
            masked = masked.replace(k, "□")
        assert not gv.region_hits(masked), (p.file_name, gv.region_hits(masked))


def test_newspaper_name_is_not_a_region(articles):
    for p, a in articles:
        city = p.truth["newspaper"].removesuffix("日报")
        if p.text.count(city) == p.text.count(p.truth["newspaper"]):
            assert not any(r.startswith(city) for r in a["regions"]), (p.file_name, a["title"])


# ------------------------------------------------------------ layouts and encodings
def test_page_kinds_and_layout_features_all_occur(month, articles):
    names = [p.file_name for p in month]
    assert any(n.startswith("story_") for n in names) and "briefs.txt" in names and "p01.txt" in names
    assert any(n.startswith("column") for n in names)
    text = "\n".join(p.text for p in month)
    for feature in (r"^## ", r"^### ", r"^——", r"本报讯（记者", r"本报讯\(", r"本报记者 \S+", r"通讯员", r"摄$",
                    r"本报[\u4e00-\u9fff]{2,}\d+月\d+日电（记者", r"（\S+  \S+）\r?$", "摄影报道", "日报记者 ",
                    r"本报[\u4e00-\u9fff]{2,}\d+月\d+日电（记者\S+ 通讯员", r"新华社[\u4e00-\u9fff]{2,}\d+月\d+日电（记者",
                    r"^[■●▲◆] ?\S", r"（(?:本报)?通讯员 ?\S+）\r?$", r"（记者 \S+ 通讯员 \S+）\r?$",
                    r"^\u3000\u3000（[^）\n]+）\r?$", r"[\u4e00-\u9fff](?: {1,2}|\u3000)[\u4e00-\u9fff](?: 摄|摄|）| |$)",
                    "高新区", "经济开发区", "经济技术开发区", "[區縣査]", r"[\u4e00-\u9fff]·[\u4e00-\u9fff]",
                    "融媒体记者|全媒体记者|见习记者", "特约通讯员", r"^\S+[：:]$", r"^(?:\S+日报  \d+年\d+月\d+日  )?第\d+版"):
        assert re.search(feature, text, re.M), feature
    kinds = {a["kind"] for _, a in articles}
    assert kinds == {"news", "brief", "feature"}
    roles = {x["role"] for _, a in articles for x in a["people"]}
    assert roles == set(ROLES)
    assert {x for _, a in articles for m in a["metrics"] for x in [m["qualifier"]]} == set(QUALIFIERS)
    assert {m["kind"] for _, a in articles for m in a["metrics"]} >= {"count", "money", "percent", "area",
                                                                       "length", "weight", "duration"}
    assert any(m["value"] >= 100_000_000 for _, a in articles for m in a["metrics"])
    cn_numeral = re.compile(r"[两三四五六七八九十]+[家个支户处次]")
    cn_quotes = [m["quote"] for _, a in articles for m in a["metrics"] if cn_numeral.search(m["quote"])]
    assert any("两" in q for q in cn_quotes) and any("十" in q for q in cn_quotes)


def test_files_decode_in_their_declared_encoding(month):
    encodings = [p.encoding for p in month]
    assert {"utf-8", "gb18030", "utf-8-sig"} <= set(encodings)
    assert 0.03 < encodings.count("gb18030") / len(encodings) < 0.25
    for p in month:
        data = p.data()
        assert data.decode(p.encoding) == p.text
        if p.encoding == "utf-8-sig":
            assert data.startswith(b"\xef\xbb\xbf")
        if p.file_name.startswith("story_"):
            assert "\r\n" in p.text and "\n" not in p.text.replace("\r\n", "")
            assert re.search("\n　　(?:本报|新华社)", p.text)
        else:
            assert "\r" not in p.text
    assert any("," in p.text and "，" not in p.text for p in month)  # half-width pages
    assert any("，" in p.text for p in month)


def test_no_seed_text_is_copied(month):
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("seed pages not available")
    n = 12

    def grams(paragraph: str) -> set[str]:
        t = re.sub(r"\s+", "", paragraph)
        return {t[i:i + n] for i in range(len(t) - n + 1)}

    # Paragraph by paragraph (as tests/test_no_seed_text.py reads the seeds): the end of one
    # paragraph and the stock opening of the next are not copied text.
    seen = set().union(*(grams(x) for s in seeds for x in s.read_text(encoding="utf-8").splitlines()))
    for p in month:
        t = p.text
        # Real place names are not copied text: a stock lead before a county's name can match a seed.
        for r in sorted({x for a in p.truth["articles"] for x in a["regions"]}, key=len, reverse=True):
            t = t.replace(r, "□")
            if gv.short_form(r):
                t = t.replace(gv.short_form(r), "□")
        shared = set().union(*(grams(x) for x in t.splitlines())) & seen
        assert not shared, (p.file_name, sorted(shared)[:3])


# ------------------------------------------------------------ the benchmark scorer accepts the truth
def test_score_check_passes_on_generated_truth(month, tmp_path, capsys):
    score = _load_score()
    pages_dir, gold_dir = tmp_path / "pages", tmp_path / "gold"
    pages_dir.mkdir()
    gold_dir.mkdir()
    for i, p in enumerate(month):
        name = f"{i:03d}_{p.file_name}"
        (pages_dir / name).write_text(p.text, encoding="utf-8")  # score.py reads pages as UTF-8
        (gold_dir / f"{Path(name).stem}.json").write_text(
            json.dumps(dict(p.truth, file=name), ensure_ascii=False), encoding="utf-8")
    assert score.check(gold_dir, pages_dir) == 0, capsys.readouterr().out
    _, overall, _ = score.score(gold_dir, gold_dir)
    assert all(overall[w][2] == 1.0 for w in score.WHATS)


# ------------------------------------------------------------ the file edge
def test_write_landing_writes_pages_sidecars_and_truth(tmp_path):
    paths = g.write_landing(tmp_path, days=2, start=date(2024, 2, 28), seed=1)
    assert len(paths) == 6
    assert {p.parent.name for p in paths} == {"2024-02-28", "2024-02-29"}
    for day in ("2024-02-28", "2024-02-29"):
        pages = g.generate_day(date.fromisoformat(day), seed=1)
        for page in pages:
            path = tmp_path / day / page.file_name
            assert path in paths and path.read_bytes() == page.data()
            meta = json.loads((tmp_path / day / f"{page.file_name}.meta.json").read_text(encoding="utf-8"))
            assert meta == page.meta and meta["edition_date"] == day
            truth_file = tmp_path / "_truth" / day / f"{Path(page.file_name).stem}.json"
            text = truth_file.read_text(encoding="utf-8")
            assert json.loads(text) == page.truth and "\\u" not in text
    assert not any(p.name.endswith(".meta.json") for p in paths)


def test_gazetteer_is_read_from_cpca():
    gz = gv.gazetteer()
    by_name = {r.name: r for r in gz.provinces}
    assert by_name["河北省"].short == "河北" and by_name["河北省"].code == "130000000000"
    assert gv.short_form("青龙满族自治县") == "青龙" and gv.short_form("沧州市") == "沧州"
    assert gv.short_form("献县") is None
    assert all(r.name != "市辖区" for v in gz.counties.values() for r in v)
    assert len(gv._editions()) > 100


# ------------------------------------------------------------ layouts of other papers
def _printed_titles(p) -> set[str]:
    return {_squash(re.sub(r"^#+", "", x.strip())).lstrip(gv.BULLETS) for x in p.text.splitlines() if x.strip()}


def test_some_headlines_are_broken_over_two_lines(month):
    broken = [(p, a) for p in month for a in p.truth["articles"] if _squash(a["title"]) not in _printed_titles(p)]
    assert len(broken) >= 5
    for p, a in broken:
        assert _squash(a["title"]) in _title_lines(p.text)


def test_pages_without_blank_lines_occur(month):
    tight = [p for p in month if "\n\n" not in p.text.strip() and not p.file_name.startswith("story_")]
    assert len(tight) >= 3
    assert any(not p.file_name.startswith("column") for p in tight)


def test_photo_news_is_an_article_credited_to_its_photographer(articles):
    photo = [(p, a) for p, a in articles if a["people"] and {x["role"] for x in a["people"]} == {"photographer"}
             and _simplified(a["title"]).split("：")[-1] in gv.PHOTO_TITLES]
    assert len(photo) >= 3
    for _, a in photo:
        assert (a["kind"], a["section"], a["activities"], a["metrics"]) == ("news", None, [], [])


def test_briefs_column_pages_have_bulleted_items_without_datelines(month):
    columns = [p for p in month if p.file_name.startswith("column")]
    assert columns
    for p in columns:
        assert "本报讯" not in p.text and "日电" not in p.text
        for a in p.truth["articles"]:
            assert a["kind"] == "brief"
            assert a["section"] is None or _simplified(a["section"]) in gv.BRIEF_LABELS


def _closing_credit(with_reporter: bool) -> tuple[ga._Art, str]:
    """A closing credit of names only, for an article that does or does not credit a reporter already."""
    cx = g._context(START, 11)
    for _ in range(100):
        a = ga._Art(cx, "news")
        if with_reporter:
            a.credit(cx.staff[cx.paper][0], "reporter")
        credit = ga._trailing_credit(a)
        if "记者" not in credit and "通讯员" not in credit:
            return a, credit
    raise AssertionError("no names-only credit drawn")


@pytest.mark.parametrize("with_reporter, role", [(True, "correspondent"), (False, "reporter")])
def test_a_closing_credit_of_names_only(with_reporter, role):
    a, credit = _closing_credit(with_reporter)
    named = [x for x in a.people if x["name"] != a.cx.staff[a.cx.paper][0]]
    assert named and all(x["role"] == role for x in named)
    assert all(x["name"] in _squash(credit) for x in named)


def test_a_zone_is_listed_with_its_city(articles):
    zones = [(p, a, r) for p, a in articles for r in a["regions"] if r.endswith(tuple(gv.ZONES))]
    assert len(zones) >= 5
    for p, a, r in zones:
        city = [x for x in a["regions"] if x.endswith("市") and r.startswith(gv.short_form(x) or x)]
        assert city, (p.file_name, r, a["regions"])


def test_traditional_forms_stay_in_printed_strings_not_in_regions(month):
    trad = [p for p in month if re.search("[區縣査]", p.text)]
    assert trad
    for p in trad:
        for a in p.truth["articles"]:
            assert not re.search("[區縣]", "".join(a["regions"]))
            assert a["title"] in p.text.replace("\r", "") or _squash(a["title"]) in _title_lines(p.text)


# ------------------------------------------------------------ full-size pages (--pages-per-day, --page-kb)
FULL = (10_000, 20_000)  # UTF-8 bytes of text, as `newsdw generate --page-kb 10-20`


@pytest.fixture(scope="module")
def full_pages() -> list[g.GeneratedPage]:
    """Three days of 12 pages of 10-20 KB: every page kind, joined from several parts."""
    return [p for i in range(3) for p in g.generate_day(START + timedelta(days=40 + i), seed=5, pages=12, page_bytes=FULL)]


def _article_spans(p: g.GeneratedPage) -> tuple[list[str], list[tuple[int, int]]]:
    """The page's lines (heading marks, bullets and whitespace removed), and each truth article's stretch
    of them, found in the truth's order: from the line of its headline (one line or two adjacent lines
    joined; from the kicker line right above it if there is one) to the next article's headline."""
    lines = [_squash(re.sub(r"^#+", "", x.strip()).strip().lstrip(gv.BULLETS)) for x in p.text.splitlines()]
    lines = [x for x in lines if x]
    starts, k = [], 0
    for a in p.truth["articles"]:
        title = _squash(a["title"])
        while k < len(lines) and title not in (lines[k], lines[k] + (lines[k + 1] if k + 1 < len(lines) else "")):
            k += 1
        assert k < len(lines), (p.file_name, a["title"])
        kicker = a["subtitle"] and k > 0 and lines[k - 1] == _squash(a["subtitle"])
        starts.append(k - 1 if kicker else k)
        k += 1
    return lines, list(zip(starts, [*starts[1:], len(lines)], strict=True))


def test_full_size_pages_have_the_asked_number_and_size(full_pages):
    by_day: dict[str, list[g.GeneratedPage]] = {}
    for p in full_pages:
        by_day.setdefault(p.meta["edition_date"], []).append(p)
        assert FULL[0] <= len(p.text.encode("utf-8")) <= FULL[1], (p.file_name, len(p.text.encode("utf-8")))
        assert p.data().decode(p.encoding) == p.text
    assert [len(v) for v in by_day.values()] == [12, 12, 12]
    for pages in by_day.values():
        assert len({p.file_name for p in pages}) == 12
        assert [p.meta["page_number"] for p in pages] == [f"{n:02d}" for n in range(1, 13)]
    names = {p.file_name[:2] for p in full_pages}
    assert {"p0", "p1", "st", "co", "br"} <= names  # every kind, joined
    assert min(len(p.truth["articles"]) for p in full_pages) >= 5  # pages of many articles, not one part


def test_full_size_pages_are_deterministic_by_seed():
    day = START + timedelta(days=90)
    a = g.generate_day(day, seed=3, pages=4, page_bytes=FULL)
    b = g.generate_day(day, seed=3, pages=4, page_bytes=FULL)
    assert [(p.file_name, p.encoding, p.data(), p.meta, p.truth) for p in a] == \
           [(p.file_name, p.encoding, p.data(), p.meta, p.truth) for p in b]
    assert [p.text for p in a] != [p.text for p in g.generate_day(day, seed=4, pages=4, page_bytes=FULL)]
    # the option leaves pages of one part as they were
    assert [p.data() for p in g.generate_day(day, seed=3)] == [p.data() for p in g.generate_day(day, seed=3, pages=3)]


def test_truth_is_exact_on_joined_pages(full_pages):
    """Every article's headline is a printed line, in the truth's order; each quote, name and region
    of an article lies inside that article's own stretch of the page; the truth is plain JSON."""
    for p in full_pages:
        t = p.truth
        assert json.loads(json.dumps(t)) == t and list(t) == PAGE_KEYS and t["file"] == p.file_name
        assert t["newspaper"] == p.meta["newspaper"]
        assert len({a["title"] for a in t["articles"]}) == len(t["articles"])  # headlines unique on the page
        titles = _title_lines(p.text)
        lines, spans = _article_spans(p)
        for a, (start, end) in zip(t["articles"], spans, strict=True):
            assert list(a) == ARTICLE_KEYS and _squash(a["title"]) in titles
            own = "".join(lines[start:end])
            for act in a["activities"]:
                assert act["quote"] in p.text and _squash(act["quote"]) in own, (p.file_name, act["quote"])
            for m in a["metrics"]:
                assert m["quote"] in p.text and _squash(m["quote"]) in own, (p.file_name, m["quote"])
            for x in a["people"]:
                assert x["name"] in own, (p.file_name, x)
            simple = _simplified(own)
            for r in a["regions"]:
                assert r in simple or (gv.short_form(r) or r) in simple, (p.file_name, r)
        if t["page_banner"]:
            assert p.text.count(t["page_banner"]) == 1  # printed once, at the top
        if p.file_name.startswith("story_"):
            assert "\r\n" in p.text and "\n" not in p.text.replace("\r\n", "")


def test_score_check_passes_on_joined_pages(full_pages, tmp_path, capsys):
    score = _load_score()
    pages_dir, gold_dir = tmp_path / "pages", tmp_path / "gold"
    pages_dir.mkdir()
    gold_dir.mkdir()
    for i, p in enumerate(full_pages):
        name = f"{i:03d}_{p.file_name}"
        (pages_dir / name).write_text(p.text, encoding="utf-8")
        (gold_dir / f"{Path(name).stem}.json").write_text(json.dumps(dict(p.truth, file=name), ensure_ascii=False),
                                                          encoding="utf-8")
    assert score.check(gold_dir, pages_dir) == 0, capsys.readouterr().out


def test_page_size_range_must_be_fillable():
    with pytest.raises(ValueError, match="low <= high"):
        g.generate_day(START, seed=1, pages=2, page_bytes=(20_000, 10_000))
    with pytest.raises(ValueError, match="could not fill"):  # smaller than any part of a page
        g.generate_day(START, seed=1, pages=1, page_bytes=(100, 200))


def test_write_landing_full_size_without_truth(tmp_path):
    paths = g.write_landing(tmp_path, days=2, start=date(2024, 2, 28), seed=1, pages=5, page_bytes=(8_000, 12_000),
                            truth=False)
    assert len(paths) == 10 and not (tmp_path / "_truth").exists()
    expected = [p for d in (date(2024, 2, 28), date(2024, 2, 29))
                for p in g.generate_day(d, seed=1, pages=5, page_bytes=(8_000, 12_000))]
    assert [p.read_bytes() for p in paths] == [p.data() for p in expected]
    assert all(8_000 <= len(p.text.encode("utf-8")) <= 12_000 for p in expected)


def test_cli_generate_options(tmp_path, capsys):
    from ingestion.cli import main

    out = tmp_path / "landing"
    assert main(["generate", "--out", str(out), "--start", "2024-06-01", "--days", "2", "--pages-per-day", "4",
                 "--page-kb", "10-20", "--seed", "2", "--no-truth"]) == 0
    assert "wrote 8 pages" in capsys.readouterr().out
    pages = sorted(p for p in out.glob("2024-06-0?/*.txt"))
    assert len(pages) == 8 and not (out / "_truth").exists()
    assert all(p.with_name(p.name + ".meta.json").exists() for p in pages)
    expected = g.generate_day(date(2024, 6, 1), seed=2, pages=4, page_bytes=FULL)
    assert {p.file_name: p.data() for p in expected} == {p.name: p.read_bytes() for p in pages if "06-01" in str(p)}
    with pytest.raises(SystemExit):
        main(["generate", "--out", str(out), "--page-kb", "20-10"])
    assert "LOW <= HIGH" in capsys.readouterr().err
