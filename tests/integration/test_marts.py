"""The marts on the five real seed pages, loaded through the pipeline's functions (no Airflow).

Every fact and bridge key joins its dimension; the metrics the parser found carry the
benchmark gold's values, units and qualifiers; the analysts' questions run; the dbt docs
page is published; and a load while an analyst reads the published snapshot neither
blocks nor disturbs them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml
from support import BENCHMARK

from ingestion import pipeline, transform
from ingestion.analyses import list_analyses, run_analysis
from ingestion.publish import publish_snapshot, reader_path, snapshot_path
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.transform import dbt_docs, project_hash

pytestmark = pytest.mark.integration
RUN_DATE = date(2026, 3, 14)
MARTS_YAML = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts" / "_marts.yml"


def _ingest(settings: Settings, run_date: date, files: list[Path], suffix: bytes = b"") -> dict:
    """Land the files (bytes + suffix), then discover, parse, load and build the marts for the date."""
    folder = settings.landing / run_date.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes() + suffix)
    for item in pipeline.discover(settings, run_date):
        assert pipeline.parse_file(settings, run_date, item)["status"] == "parsed"
    pipeline.load(settings, run_date)
    return pipeline.transform(settings, run_date)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds: list[Path]) -> Settings:
    home = tmp_path_factory.mktemp("marts")
    settings = Settings.from_env(env={}, home=home / "data", reports=home / "reports")
    summary = _ingest(settings, RUN_DATE, seeds)
    assert summary["success"], summary
    return settings


def _query(settings: Settings, sql: str) -> list[tuple]:
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def _foreign_keys() -> list[tuple[str, str, str, str]]:
    """(model, column, referenced model, referenced column) of every relationships test on the marts."""
    keys = []
    for model in yaml.safe_load(MARTS_YAML.read_text(encoding="utf-8"))["models"]:
        for column in model["columns"]:
            for test in column.get("data_tests", []):
                if isinstance(test, dict) and "relationships" in test:
                    args = test["relationships"]["arguments"]
                    to = re.fullmatch(r"ref\('(\w+)'\)", args["to"]).group(1)
                    keys.append((model["name"], column["name"], to, args["field"]))
    return keys


def test_every_fact_row_joins_every_dimension(seeded: Settings) -> None:
    keys = _foreign_keys()
    assert len(keys) >= 30
    orphans = {}
    for model, column, to, field in keys:
        [(n,)] = _query(
            seeded,
            f"select count(*) from marts.{model} as f left join marts.{to} as d on f.{column} = d.{field}"
            f" where f.{column} is not null and d.{field} is null",
        )
        if n:
            orphans[f"{model}.{column} → {to}"] = n
    assert orphans == {}
    counts = dict(_query(seeded, "select 'articles', count(*) from raw.articles union all "
                                 "select 'metrics', count(*) from raw.metrics"))
    assert _query(seeded, "select count(*) from marts.fct_articles") == [(counts["articles"],)]
    assert _query(seeded, "select count(*) from marts.fct_metrics") == [(counts["metrics"],)]


# Normalisation of the benchmark's scorer (shared/benchmark/score.py): titles and units compare
# after NFKC and without spaces; a unit loses a leading 余/多 and a leading 个 before a longer unit.
def _norm_title(title: str) -> str:
    title = re.sub(r"^#+", "", unicodedata.normalize("NFKC", title or "").strip())
    return re.sub(r"\s+", "", title)


def _norm_unit(unit: str) -> str:
    unit = re.sub(r"^[余多]+", "", re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit or "")))
    return unit[1:] if len(unit) > 1 and unit.startswith("个") else unit


def test_seed_metrics_match_the_gold(seeded: Settings) -> None:
    """fct_metrics (article title via fct_articles, value, unit, qualifier) against the gold entries
    that match by (title, value, unit): the marts keep what the parser read, and that is the gold."""
    gold: dict[tuple, dict] = {}
    for path in sorted((BENCHMARK / "gold").glob("*.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            for metric in article["metrics"]:
                key = (_norm_title(article["title"]), round(float(metric["value"]), 6), _norm_unit(metric["unit"]))
                gold.setdefault(key, metric)
    rows = _query(
        seeded,
        """select a.title, m.value, m.unit, m.qualifier, m.metric_kind, m.value_low, m.value_high,
                  m.canonical_value, u.factor
           from marts.fct_metrics as m
           inner join marts.fct_articles as a on m.article_id = a.article_id
           inner join marts.dim_unit as u on m.unit_key = u.unit_key""",
    )
    matched = [(row, gold[key]) for row in rows if (key := (_norm_title(row[0]), round(row[1], 6), _norm_unit(row[2]))) in gold]
    required = sum(1 for m in gold.values() if not m.get("optional"))
    # The parser finds most gold metrics; each one found keeps its value, unit and qualifier.
    assert len(matched) >= 0.8 * required, f"{len(matched)} of {required} gold metrics in fct_metrics"
    wrong_qualifier = [(row[:4], g["qualifier"], g["quote"]) for row, g in matched if row[3] != g["qualifier"]]
    assert len(wrong_qualifier) <= 0.05 * len(matched), wrong_qualifier
    wrong_kind = [(row[:3], row[4], g["kind"]) for row, g in matched if row[4] != g["kind"]]
    assert len(wrong_kind) <= 0.05 * len(matched), wrong_kind
    for (title, value, unit, qualifier, _, low, high, canonical, factor), _g in matched:
        assert (low, high) == {
            "exact": (value, value),
            "at_least": (value, None),
            "at_most": (None, value),
        }.get(qualifier, (low, high)), (title, value, unit, qualifier)
        if factor is not None:
            assert canonical == pytest.approx(value * factor), (title, value, unit)


def test_analyses_run(seeded: Settings) -> None:
    analyses = list_analyses(seeded)
    assert len(analyses) >= 8
    for analysis in analyses:
        assert analysis.question.endswith("?"), analysis.name
        columns, rows = run_analysis(seeded, analysis.name, database=seeded.warehouse)
        assert columns, analysis.name
    _, top = run_analysis(seeded, "top_organizations", database=seeded.warehouse)
    assert top and top[0][3] >= 2  # the most named organisation is in more than one article


def test_dbt_docs_page(seeded: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    page = dbt_docs(seeded)
    assert page == seeded.reports / "dbt_docs" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "fct_activity_mentions" in html and "Grain: one row per" in html
    assert page.with_name("index.html.sha256").read_text(encoding="utf-8").strip() == project_hash(seeded)

    # the project has not changed: the page stays, dbt does not run
    def no_dbt(*args, **kwargs):
        raise AssertionError("dbt docs generate ran for an unchanged project")

    monkeypatch.setattr(transform, "_run_dbt", no_dbt)
    before = page.stat().st_mtime_ns
    assert dbt_docs(seeded) == page
    assert page.stat().st_mtime_ns == before


def test_the_docs_hash_follows_the_project(tmp_path: Path) -> None:
    """Any change to a model, macro, seed or YAML file changes the hash; dbt's target and logs do not."""
    project = tmp_path / "dbt_project"
    shutil.copytree(PROJECT_ROOT / "dbt_project", project,
                    ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    settings = Settings.from_env(env={}, home=tmp_path / "data", dbt_project=project)
    first = project_hash(settings)
    (project / "target").mkdir()
    (project / "target" / "manifest.json").write_text("{}", encoding="utf-8")
    assert project_hash(settings) == first
    for changed in ("models/marts/fct_articles.sql", "macros/incremental.sql", "seeds/units.csv",
                    "models/marts/_marts.yml"):
        path = project / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert project_hash(settings) != first, changed
        path.write_bytes(original)
    assert project_hash(settings) == first


ANALYST = """
import sys
import duckdb

con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from marts.fct_articles").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("select count(*) from marts.fct_articles").fetchone()[0], flush=True)
"""


def test_a_load_while_an_analyst_reads_the_snapshot(seeded: Settings, seeds: list[Path], tmp_path: Path) -> None:
    settings = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")
    settings.home.mkdir(parents=True)
    shutil.copyfile(seeded.warehouse, settings.warehouse)
    assert reader_path(settings) == settings.warehouse  # nothing published yet
    snapshot = publish_snapshot(settings)
    assert snapshot == snapshot_path(settings) == reader_path(settings)

    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(snapshot)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        before = int(analyst.stdout.readline())
        # the next day's pages (the seeds once more, one byte longer: new files) load, build and publish
        summary = _ingest(settings, date(2026, 3, 15), seeds, suffix=b"\n")
        assert summary["success"]
        publish_snapshot(settings)
        assert analyst.poll() is None, "the analyst's session ended"
        after_in_session, _ = analyst.communicate("\n", timeout=60)
    finally:
        if analyst.poll() is None:
            analyst.kill()
    assert int(after_in_session) == before  # the open session keeps reading the snapshot it opened
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_articles").fetchone()[0] == 2 * before
    assert not list(snapshot.parent.glob("*.tmp"))


def test_the_models_replaced_by_date_are_read_from_the_manifest(seeded: Settings) -> None:
    from ingestion.transform import models_replaced_by_date

    replaced = models_replaced_by_date(seeded)
    assert {"marts.fct_articles", "marts.fct_metrics", "intermediate.int_keys_by_run_date"} <= replaced
    # merged by another key: any date's rows may change, so they are hashed whole
    assert not replaced & {"marts.fct_activities", "marts.dim_person", "marts.mart_metric_latest"}
    tables = {f"{s}.{t}" for s, t in _query(
        seeded, "select table_schema, table_name from information_schema.columns where column_name = 'run_date'")}
    assert replaced <= tables
