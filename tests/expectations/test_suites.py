"""GX checkpoint over a temporary DuckDB warehouse: clean, critical, warning-only and empty run dates.

The warehouse holds hand-made ``raw`` rows only, so these tests run the landing and raw suites
(``RAW_SUITES``). The fact suites need the marts dbt builds: they run end to end, with every
other suite, in tests/integration (real Airflow, dbt and GX).
"""

from __future__ import annotations

import hashlib
import json
import types
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from expectations import SUITE_MODULES, load_suite_modules
from expectations.checkpoint import run_checkpoint
from ingestion import records
from ingestion.quality import load_validation, manifest_path, validate
from ingestion.report import write_run_report
from ingestion.settings import Settings
from ingestion.warehouse_schema import create_raw_tables

pytestmark = pytest.mark.integration

CLEAN = date(2024, 5, 1)
CRITICAL_FAULTS = date(2024, 5, 2)
WARNING_ONLY = date(2024, 5, 3)
NO_PAGES = date(2024, 5, 4)  # nothing landed: the fourth run date, so the volume band is learned
RAW_SUITES = tuple(name for name in SUITE_MODULES if not name.startswith("fct_"))

def _create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The production DDL (NOT NULL on the records' required fields), which the suites' declarations check."""
    create_raw_tables(con)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in records.columns(table))
    con.executemany(f"insert into raw.{table} values ({marks})", rows)


def _insert_day(con: duckdb.DuckDBPyConnection, day: date) -> None:
    """Two pages, four articles, people, regions, activities and metrics: all clean."""
    d = day.isoformat()
    pages = [_sha(f"{d}-page-{n}") for n in (1, 2)]
    _insert(
        con,
        "pages",
        [
            (p, day, f"{d}-{n}.txt", f"raw/{p[:2]}/{p}.txt", "utf-8", "河北日报", day, str(n), "第1版", 2000, 2, "test")
            for n, p in enumerate(pages, start=1)
        ],
    )
    articles = [
        (f"{d}-a1", pages[0], 1, "news", "本报记者 张三"),
        (f"{d}-a2", pages[0], 2, "news", "本报记者 李四"),
        (f"{d}-a3", pages[1], 1, "brief", None),
        (f"{d}-a4", pages[1], 2, "news", "本报记者 王五"),
    ]
    _insert(
        con,
        "articles",
        [
            (aid, page, day, ordinal, "标题", None, None, "要闻", kind, byline, "石家庄", "河北日报", "正文", 0, 100)
            for aid, page, ordinal, kind, byline in articles
        ],
    )
    _insert(
        con,
        "people",
        [
            (f"{d}-p1", f"{d}-a1", pages[0], day, "张三", "reporter", 4, 6),
            (f"{d}-p2", f"{d}-a4", pages[1], day, "王五", "photographer", 4, 6),
        ],
    )
    _insert(
        con,
        "mentions",
        [
            (f"{d}-m{n}", aid, page, day, "region", "石家庄市", "石家庄", "130100000000", None, False, 10, 13)
            for n, (aid, page, *_rest) in enumerate(articles, start=1)
            if aid.endswith(("a1", "a2", "a4"))
        ],
    )
    activity = "volunteer_service", "团市委", "志愿服务", "石家庄", "开展志愿服务", 20, 26
    _insert(
        con,
        "activities",
        [
            (f"{d}-v1", f"{d}-a1", pages[0], day, *activity),
            (f"{d}-v2", f"{d}-a2", pages[0], day, "medical_health", None, "义诊", None, "举办义诊活动", 30, 36),
        ],
    )
    # (id, article, value, low, high, unit, qualifier, kind, subject, period, quote, char_start)
    metrics = [
        ("x1", "a1", 12.5, None, None, "%", "exact", "percent", "绿化率", None, "占比12.5%", 40),
        ("x2", "a1", 150.0, None, None, "%", "exact", "percent", "营业收入", "一季度", "同比增长150%", 50),
        ("x3", "a2", 300.0, None, None, "人", "at_least", "count", "参与群众", None, "300余人", 60),
        ("x4", "a4", 50000.0, 30000.0, 80000.0, "元", "approx", "money", "捐款", None, "3万至8万元", 70),
    ]
    page_of = {aid: page for aid, page, *_rest in articles}
    _insert(
        con,
        "metrics",
        [
            (f"{d}-{mid}", f"{d}-{aid}", page_of[f"{d}-{aid}"], day, *rest, start, start + len(rest[-1]))
            for mid, aid, *rest, start in metrics
        ],
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> types.SimpleNamespace:
    """One warehouse holding three run dates, and one GX root shared by the module's tests."""
    root = tmp_path_factory.mktemp("gx_suites")
    warehouse = root / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        _create_raw_tables(con)
        for day in (CLEAN, CRITICAL_FAULTS, WARNING_ONLY):
            _insert_day(con, day)
        d = CRITICAL_FAULTS.isoformat()
        con.execute("update raw.metrics set value = 250 where metric_id = ?", [f"{d}-x1"])
        con.execute("update raw.metrics set value = -5 where metric_id = ?", [f"{d}-x3"])
        # the same article_id loaded twice (another ordinal, so only the key breaks)
        con.execute(
            "insert into raw.articles select * replace (9 as ordinal) from raw.articles where article_id = ?",
            [f"{d}-a2"],
        )
        # warning-only faults: no bylines, an unknown unit, a stale edition, a quarantined file
        w = WARNING_ONLY.isoformat()
        con.execute("update raw.articles set byline = null where run_date = ?", [WARNING_ONLY])
        con.execute("update raw.metrics set unit = '光年' where metric_id = ?", [f"{w}-x3"])
        con.execute("update raw.pages set edition_date = run_date - 30 where run_date = ?", [WARNING_ONLY])
        con.execute(
            "insert into raw.quarantine values (?, ?, ?, 'scan.txt', 'raw/ab/ab.txt', 'decode', 'DecodeError', "
            "'not UTF-8, UTF-16 or GB18030', '2024-05-03T06:00:00+00:00')",
            [f"{_sha('scan')[:16]}-decode", WARNING_ONLY, _sha("scan")],
        )
        # NO_PAGES has no rows at all: nothing landed that day
    reports = root / "reports"
    return types.SimpleNamespace(
        root=root, warehouse=warehouse, gx_root=root / "gx", reports=reports, docs=reports / "data_docs"
    )


def _manifest(day: date, files: int = 2) -> dict:
    """A discover manifest listing ``files`` new files (the shape pipeline.discover writes)."""
    to_parse = [{"file_name": f"{day}-{n}.txt", "sha256": _sha(f"{day}-page-{n}"), "size_bytes": 10} for n in range(files)]
    return {"run_date": day.isoformat(), "files_found": files, "to_parse": to_parse, "duplicates": [], "quarantined": []}


def _run(ws: types.SimpleNamespace, day: date, manifest: dict | None = None, **kwargs) -> dict:
    manifest = _manifest(day) if manifest is None else manifest
    return run_checkpoint(ws.warehouse, ws.gx_root, ws.docs, day, manifest=manifest, suites=RAW_SUITES, **kwargs)


def _where(failures: list[dict]) -> list[tuple]:
    return sorted((f["table"], f["expectation"], f["column"]) for f in failures)


RAW_TABLES = {
    "landing.files",
    "raw.pages",
    "raw.articles",
    "raw.people",
    "raw.mentions",
    "raw.activities",
    "raw.metrics",
    "raw.quarantine",
}


def test_clean_run_passes_and_writes_data_docs(workspace: types.SimpleNamespace) -> None:
    summary = _run(workspace, CLEAN)

    assert summary["success"] is True
    assert summary["critical_failures"] == []
    assert summary["warnings"] == []
    import great_expectations as gx

    defined = sum(len(module.build_suite(gx).expectations) for module in load_suite_modules(RAW_SUITES))
    assert summary["evaluated"] == summary["passed"] == defined > 80
    assert Path(summary["data_docs_index"]).is_file()
    assert {r["table"] for r in summary["results"]} == RAW_TABLES
    for r in summary["results"]:
        assert r["success"] and r["docs_url"].startswith("file://"), r["table"]
        # GX names a validation result page validations/<suite>/<run name>/<run time>/<batch id>.html
        parts = r["docs_page"].split("/")
        assert parts[:3] == ["validations", r["suite"], CLEAN.isoformat()], r["docs_page"]
        assert parts[4] == f"newsdw-{r['suite']}.html"
        assert (workspace.docs / r["docs_page"]).is_file()
        assert len(r["expectations"]) == r["evaluated"] and all(e["success"] for e in r["expectations"])
    # no volume band before three earlier run dates exist
    assert summary["parameters"]["raw.pages"] == {
        "pages_min": None,
        "pages_max": None,
        "pages_median": None,
        "pages_history_runs": 0,
    }
    json.dumps(summary)  # plain JSON, for the run report


def test_critical_faults_fail_the_run_and_are_named(workspace: types.SimpleNamespace) -> None:
    summary = _run(workspace, CRITICAL_FAULTS)

    assert summary["success"] is False
    assert _where(summary["critical_failures"]) == [
        ("raw.articles", "expect_column_values_to_be_between", "article_id_rows_in_table"),
        ("raw.articles", "expect_column_values_to_be_unique", "article_id"),
        ("raw.metrics", "expect_column_values_to_be_between", "value"),
        ("raw.metrics", "expect_column_values_to_be_between", "value"),
    ]
    metric_values = sorted(
        ("percent" in f["description"], f["observed"]["partial_unexpected_list"])
        for f in summary["critical_failures"]
        if f["table"] == "raw.metrics"
    )
    assert metric_values == [(False, [-5.0]), (True, [250.0])]  # magnitudes, then percent
    assert all(f["severity"] == "critical" for f in summary["critical_failures"])
    # each failure links to its table's validation result page in Data Docs
    for f in summary["critical_failures"]:
        assert f["docs_page"].startswith(f"validations/{f['suite']}/{CRITICAL_FAULTS}/")
        assert (workspace.docs / f["docs_page"]).is_file()
    # the duplicate also shows as a warning: the page's article count no longer matches
    assert _where(summary["warnings"]) == [("raw.pages", "expect_column_pair_values_to_be_equal", "article_count,articles_found")]
    assert all(w["severity"] == "warning" for w in summary["warnings"])
    results = {r["table"]: r for r in summary["results"]}
    assert not results["raw.metrics"]["success"] and results["raw.pages"]["success"]
    assert results["raw.metrics"]["failed_critical"] == 2
    json.dumps(summary)


def test_warning_only_faults_keep_the_run_green(workspace: types.SimpleNamespace) -> None:
    # through the pipeline's edge: the manifest is read from staging, Data Docs go to <reports>/data_docs
    settings = Settings.from_env(
        env={}, home=workspace.root, warehouse=workspace.warehouse, gx_root=workspace.gx_root, reports=workspace.reports
    )
    manifest = _manifest(WARNING_ONLY)
    manifest["duplicates"] = [
        {"file_name": "again.txt", "sha256": _sha("again"), "first_run_date": "2024-04-30", "first_file_name": "p1.txt"}
    ]
    manifest["files_found"] = 3
    manifest_path(settings, WARNING_ONLY).parent.mkdir(parents=True, exist_ok=True)
    manifest_path(settings, WARNING_ONLY).write_text(json.dumps(manifest), encoding="utf-8")

    result = validate(settings, WARNING_ONLY, suites=RAW_SUITES)

    assert (result["success"], result["critical"], result["warnings"]) == (True, 0, 5)
    assert len(json.dumps(result)) < 4000  # small enough for XCom; the full summary is on disk
    summary = load_validation(result)
    assert summary["critical_failures"] == []
    assert _where(summary["warnings"]) == [
        ("landing.files", "expect_column_values_to_not_be_in_set", "status"),  # a re-delivered file
        ("raw.articles", "expect_column_values_to_be_in_set", "news_has_byline"),  # coverage
        ("raw.metrics", "expect_column_values_to_be_in_set", "unit"),  # unknown unit
        ("raw.pages", "expect_column_values_to_be_between", "edition_age_days"),  # freshness
        ("raw.quarantine", "expect_table_row_count_to_equal", None),  # a quarantined file
    ]
    observed = {w["table"]: w["observed"] for w in summary["warnings"]}
    assert observed["raw.articles"]["unexpected_count"] == 3  # all three news articles; the brief is not counted
    assert observed["raw.metrics"]["partial_unexpected_list"] == ["光年"]
    assert observed["raw.pages"]["partial_unexpected_list"] == [30, 30]
    assert observed["raw.quarantine"] == 1

    # the real checkpoint summary feeds the run report: a green verdict, every warning linked
    parsed = [{"file_name": f["file_name"], "status": "parsed"} for f in manifest["to_parse"]]
    report = write_run_report(settings, WARNING_ONLY, {"parsed": parsed, "loaded": {}, "built": {}, "validated": result})
    assert report["verdict"] == "warnings", report["reasons"]
    page = Path(report["html"]).read_text(encoding="utf-8")
    for warning in summary["warnings"]:
        assert f'href="../data_docs/{warning["docs_page"]}"' in page
        assert (workspace.docs / warning["docs_page"]).is_file()


def test_day_with_no_pages_fails_on_freshness_and_volume(workspace: types.SimpleNamespace) -> None:
    empty = {"run_date": NO_PAGES.isoformat(), "files_found": 0, "to_parse": [], "duplicates": [], "quarantined": []}
    summary = _run(workspace, NO_PAGES, manifest=empty)

    assert summary["success"] is False
    assert _where(summary["critical_failures"]) == [
        ("landing.files", "expect_table_row_count_to_be_between", None),  # no file arrived
        ("raw.pages", "expect_table_row_count_to_be_between", None),  # no page loaded
    ]
    assert [f["observed"] for f in summary["critical_failures"]] == [0, 0]
    # three earlier run dates: the volume bands are learned, and an empty day falls below them
    assert summary["parameters"]["raw.pages"] == {
        "pages_min": 1,
        "pages_max": 4,
        "pages_median": 2.0,
        "pages_history_runs": 3,
    }
    assert (summary["parameters"]["raw.articles"]["articles_min"], summary["parameters"]["raw.articles"]["articles_max"]) == (
        2,
        8,
    )
    assert _where(summary["warnings"]) == [
        ("raw.articles", "expect_table_row_count_to_be_between", None),
        ("raw.pages", "expect_table_row_count_to_be_between", None),
    ]
    assert {w["expected"]["min_value"] for w in summary["warnings"]} == {1, 2}


def test_missing_manifest_is_a_critical_freshness_failure(workspace: types.SimpleNamespace) -> None:
    summary = run_checkpoint(workspace.warehouse, workspace.gx_root, workspace.docs, CLEAN, manifest=None, suites=RAW_SUITES)

    assert _where(summary["critical_failures"]) == [("landing.files", "expect_table_row_count_to_be_between", None)]


def test_missing_mart_is_a_critical_failure(tmp_path: Path, workspace: types.SimpleNamespace) -> None:
    warehouse = tmp_path / "raw_only.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        _create_raw_tables(con)
        _insert_day(con, CLEAN)

    summary = run_checkpoint(warehouse, workspace.gx_root, workspace.docs, CLEAN, manifest=_manifest(CLEAN))

    # every suite runs (whatever SUITE_MODULES lists); each fact whose mart is missing fails critically
    facts = sorted(m.TABLE for m in load_suite_modules() if m.TABLE.startswith("marts."))
    assert facts and {r["table"] for r in summary["results"]} == RAW_TABLES | set(facts)
    assert summary["success"] is False
    assert _where(summary["critical_failures"]) == [(table, "frame_query_runs", None) for table in facts]
    assert all("marts." in f["observed"] for f in summary["critical_failures"])
    assert all(r["success"] for r in summary["results"] if r["table"] in RAW_TABLES)


def test_a_required_column_the_table_no_longer_declares_not_null_fails(tmp_path: Path, workspace) -> None:
    warehouse = tmp_path / "loosened.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        _create_raw_tables(con)
        _insert_day(con, CLEAN)
        con.execute("alter table raw.people alter column role drop not null")

    summary = run_checkpoint(warehouse, tmp_path / "gx", tmp_path / "docs", CLEAN, manifest=_manifest(CLEAN),
                             suites=RAW_SUITES)

    assert summary["success"] is False
    assert _where(summary["critical_failures"]) == [
        ("raw.people", "expect_column_values_to_be_in_set", "required_columns_declared"),
    ]
    assert "`role`" in summary["critical_failures"][0]["description"]


def _stored_runs(ws: types.SimpleNamespace) -> set[tuple[str, ...]]:
    """(run_name, run_time) of the stored validation results."""
    validations = ws.gx_root / "gx" / "uncommitted" / "validations"
    return {p.parent.relative_to(validations).parts[1:] for p in validations.rglob("*.json")}


def _documented_runs(ws: types.SimpleNamespace) -> set[tuple[str, ...]]:
    """(run_name, run_time) of the validation pages in Data Docs."""
    pages = ws.docs / "validations"
    return {p.parent.relative_to(pages).parts[1:] for p in pages.rglob("*.html")}


def test_history_is_bounded(workspace: types.SimpleNamespace) -> None:
    before = len(_stored_runs(workspace))  # the earlier tests' runs, when run as a module

    summary = _run(workspace, CLEAN, keep_runs=2)

    runs = _stored_runs(workspace)
    assert len(runs) == min(before + 1, 2)
    run_time = datetime.fromisoformat(summary["run_time"]).strftime("%Y%m%dT%H%M%S.%fZ")
    assert (CLEAN.isoformat(), run_time) in runs  # the newest run is kept
    assert _documented_runs(workspace) == runs
