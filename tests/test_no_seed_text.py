"""The project ships no copied page text: no seed title, credited name or long run of seed text in its files."""

from __future__ import annotations

import json
import re

from support import BENCHMARK, REPO, SEEDS

SHIPPED = ("ingestion", "dags", "dbt_project", "expectations", "tests", "benchmarks", "README.md")
RUN = 12  # characters of seed text in a row that count as a copy (shorter runs are stock phrases)


def _shipped_files():
    for top in SHIPPED:
        path = REPO / top
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for f in files:
            if f.suffix in {".py", ".sql", ".yml", ".yaml", ".md", ".csv", ".json", ".txt"} and "target" not in f.parts:
                yield f


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_no_seed_names_titles_or_long_runs_in_the_project(seeds):
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((BENCHMARK / "gold").glob("*.json"))]
    names = {p["name"] for g in gold for a in g["articles"] for p in a["people"]}
    titles = {_squash(a["title"]).lstrip("#") for g in gold for a in g["articles"]}
    runs = set()
    for page in sorted(SEEDS.glob("*.txt")):
        for para in page.read_text(encoding="utf-8").split("\n"):
            flat = _squash(para)
            runs |= {flat[i:i + RUN] for i in range(0, max(0, len(flat) - RUN + 1))}
    found = []
    for f in _shipped_files():
        if f.name == "test_no_seed_text.py":
            continue
        text = _squash(f.read_text(encoding="utf-8", errors="replace"))
        found += [f"{f.relative_to(REPO)}: name {n}" for n in names if n in text]
        found += [f"{f.relative_to(REPO)}: title {t}" for t in titles if t in text]
        hits = {text[i:i + RUN] for i in range(len(text) - RUN + 1)} & runs
        found += [f"{f.relative_to(REPO)}: text {h}" for h in sorted(hits)[:3]]
    assert not found, "\n".join(found[:40])
