"""The parser on the project's own synthetic pages (``ingestion.generate``), two ways.

1. Scored: a month of generated editions from several seeds is parsed and scored
   with the benchmark's own ``score()`` against the truth the generator records;
   articles, people, regions, activity types and metrics must each reach
   F1 ≥ 0.99 (the issue's target for the generator's pages), with qualifier
   accuracy ≥ 0.95.
2. Golden files, as sqlfluff keeps its parser fixtures: a few small generated
   pages are stored under ``golden/`` as input text (``<name>.txt``, bytes as
   delivered, CRLF kept) beside the structure the parser takes from them
   (``<name>.json``). Any change in that output fails the test until the files
   are regenerated on purpose and the diff reviewed::

       NEWSDW_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/parsing/test_golden_generated.py

   Regenerating rewrites both files of every case from the generator and the
   current parser (the fixed (seed, day, file) of each case is listed below).
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import BENCHMARK, benchmark_scorer

from ingestion.generate import generate_day
from ingestion.parsing.page import parse_page, to_benchmark

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("NEWSDW_REGEN_GOLDEN") == "1"
SEEDS = (0, 1, 2)
DAYS = 12  # per seed: 36 editions of 4 pages
START = date(2024, 1, 1)
TARGETS = {"articles": 0.99, "people": 0.99, "regions": 0.99, "activity_types": 0.99, "metrics": 0.99}
MIN_QUALIFIER_ACCURACY = 0.95
# name → (seed, day, file in that day's edition of 5 pages); each shows a layout the seeds lack
CASES = {
    "story_agency": (44, "2024-04-02", "story_02.txt"),  # CRLF, full-width indents, 新华社<城市>电
    "story_trailing_credit": (21, "2024-04-04", "story_02.txt"),  # 本报<城市>电（记者 通讯员）, closing （X）
    "column_with_label": (40, "2024-04-10", "column04.txt"),  # bulleted briefs under a label, no datelines
    "column_single_newlines": (26, "2024-04-02", "column05.txt"),  # bulleted briefs, no label, no blank lines
    "city_photo_news_two_line_title": (29, "2024-04-07", "p01.txt"),  # photo news, a headline on two lines
    "city_single_newlines_kicker": (32, "2024-04-03", "p01.txt"),  # no blank lines, a kicker line
    "traditional_forms": (24, "2024-04-04", "p02.txt"),  # 區 縣 査 … printed throughout
    "markdown_zone": (34, "2024-04-01", "briefs.txt"),  # ## / ### headings, a development zone
}
STRUCTURE = ("title", "subtitle", "section", "kind", "people", "regions")


# --------------------------------------------------------------------------- scored
@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not (BENCHMARK / "score.py").exists():
        pytest.skip(f"benchmark scorer not found under {BENCHMARK}")
    gold, pred = tmp_path_factory.mktemp("gold"), tmp_path_factory.mktemp("pred")
    for seed in SEEDS:
        for i in range(DAYS):
            day = START + timedelta(days=5 * i + seed)
            for page in generate_day(day, seed, pages=4):
                name = f"{seed}_{day.isoformat()}_{Path(page.file_name).stem}"
                (gold / f"{name}.json").write_text(json.dumps(page.truth, ensure_ascii=False), encoding="utf-8")
                doc = to_benchmark(parse_page(page.text), page.file_name, page.text)
                (pred / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, overall, totals = benchmark_scorer().score(pred, gold)
    return overall, totals


def test_generated_pages_cover_every_layout(scored):
    _, totals = scored
    assert totals["articles"][0] >= 400  # enough articles for a 0.99 target to mean something


@pytest.mark.parametrize("what", sorted(TARGETS))
def test_generated_pages_meet_target(scored, what):
    overall, totals = scored
    precision, recall, f1 = overall[what]
    assert f1 >= TARGETS[what], f"{what}: P={precision:.3f} R={recall:.3f} F1={f1:.3f} (tp, fp, fn)={totals[what]}"


def test_generated_pages_qualifier_accuracy(scored):
    overall, _ = scored
    assert overall["qualifier_accuracy"] >= MIN_QUALIFIER_ACCURACY


# --------------------------------------------------------------------------- golden files
def _structure(doc: dict) -> dict:
    """The structure half's output: page facts and, per article, headline, section, kind, people, regions."""
    return {
        "file": doc["file"],
        "page_banner": doc["page_banner"],
        "articles": [{k: a[k] for k in STRUCTURE} for a in doc["articles"]],
    }


def _parse(name: str, data: bytes) -> dict:
    text = data.decode("utf-8")
    return _structure(to_benchmark(parse_page(text), f"{name}.txt", text))


def _regenerate(name: str, seed: int, day: str, file_name: str) -> None:
    (page,) = [p for p in generate_day(date.fromisoformat(day), seed, pages=5) if p.file_name == file_name]
    data = page.text.encode("utf-8")  # stored as UTF-8 whatever the page's own encoding
    GOLDEN.mkdir(exist_ok=True)
    (GOLDEN / f"{name}.txt").write_bytes(data)
    out = json.dumps(_parse(name, data), ensure_ascii=False, indent=1) + "\n"
    (GOLDEN / f"{name}.json").write_text(out, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_page(name):
    if REGEN:
        _regenerate(name, *CASES[name])
    data = (GOLDEN / f"{name}.txt").read_bytes()
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert _parse(name, data) == expected


def test_golden_cases_are_all_listed():
    stored = {p.stem for p in GOLDEN.glob("*.txt")}
    assert stored == set(CASES), "golden inputs without a case (or cases without files): regenerate"
