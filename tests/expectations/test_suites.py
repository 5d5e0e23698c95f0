"""GX checkpoint over a temporary DuckDB warehouse: clean, critical and warning-only run dates."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from expectations.checkpoint import run_checkpoint
from ingestion import records
from ingestion.quality import validate
from ingestion.settings import Settings

pytestmark = pytest.mark.integration

CLEAN = date(2024, 5, 1)
CRITICAL_FAULTS = date(2024, 5, 2)
WARNING_ONLY = date(2024, 5, 3)

DUCKDB_TYPES = {str: "varchar", int: "bigint", float: "double", bool: "boolean", date: "date"}


def _duckdb_type(annotation: object) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return DUCKDB_TYPES[args[0] if args else annotation]


def _create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema raw")
    for table, record in records.TABLES.items():
        hints = typing.get_type_hints(record)
        cols = ", ".join(f"{f.name} {_duckdb_type(hints[f.name])}" for f in dataclasses.fields(record))
        con.execute(f"create table raw.{table} ({cols})")


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
        ("x4", "a4", 5.0, 3.0, 8.0, "万元", "approx", "money", "捐款", None, "3万至8万元", 70),
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


def _build_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Stand-ins for the dbt marts, same columns, built straight from raw."""
    keys = """
        cast(strftime(a.run_date, '%Y%m%d') as integer) as date_key,
        1 as newspaper_key,
        -1 as region_key
    """
    con.execute("create schema marts")
    con.execute(
        f"""
        create table marts.fct_articles as
        select a.article_id, a.page_id, a.run_date, {keys}, a.ordinal, a.title, a.subtitle, a.section,
            a.article_kind, a.byline,
            (select count(*) from raw.people p where p.article_id = a.article_id) as people_count,
            (select count(*) from raw.mentions m where m.article_id = a.article_id and m.entity_type = 'region')
                as region_count,
            (select count(*) from raw.activities v where v.article_id = a.article_id) as activity_count,
            (select count(*) from raw.metrics x where x.article_id = a.article_id) as metric_count
        from raw.articles a
        """
    )
    con.execute(
        f"""
        create table marts.fct_activities as
        select v.activity_id, v.article_id, v.page_id, v.run_date, {keys.replace("a.run_date", "v.run_date")},
            v.activity_type, v.organizer, v.activity_name, v.place, v.quote, v.char_start, v.char_end
        from raw.activities v
        """
    )
    con.execute(
        f"""
        create table marts.fct_metrics as
        select x.metric_id, x.article_id, x.page_id, x.run_date, {keys.replace("a.run_date", "x.run_date")},
            x.value, x.value_low, x.value_high, x.unit, x.qualifier, x.metric_kind, x.subject, x.period,
            x.quote, x.char_start, x.char_end
        from raw.metrics x
        """
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
        _build_marts(con)  # marts stay clean: the faults below are raw-only
        d = CRITICAL_FAULTS.isoformat()
        con.execute("update raw.metrics set value = 250 where metric_id = ?", [f"{d}-x1"])
        con.execute("update raw.metrics set value = -5 where metric_id = ?", [f"{d}-x3"])
        # the same article_id loaded twice (another ordinal, so only the key breaks)
        con.execute(
            "insert into raw.articles select * replace (9 as ordinal) from raw.articles where article_id = ?",
            [f"{d}-a2"],
        )
        con.execute("update raw.articles set byline = null where run_date = ?", [WARNING_ONLY])
    reports = root / "reports"
    return types.SimpleNamespace(
        root=root, warehouse=warehouse, gx_root=root / "gx", reports=reports, docs=reports / "data_docs"
    )


def _run(ws: types.SimpleNamespace, day: date, **kwargs) -> dict:
    return run_checkpoint(ws.warehouse, ws.gx_root, ws.docs, day, **kwargs)


def _where(failures: list[dict]) -> list[tuple]:
    return sorted((f["table"], f["expectation"], f["column"]) for f in failures)


def test_clean_run_passes_and_writes_data_docs(workspace: types.SimpleNamespace) -> None:
    summary = _run(workspace, CLEAN)

    assert summary["success"] is True
    assert summary["critical_failures"] == []
    assert summary["warnings"] == []
    assert summary["evaluated"] == summary["passed"] > 100
    assert Path(summary["data_docs_index"]).is_file()
    assert {r["table"] for r in summary["results"]} == {
        "raw.pages",
        "raw.articles",
        "raw.people",
        "raw.activities",
        "raw.metrics",
        "marts.fct_articles",
        "marts.fct_activities",
        "marts.fct_metrics",
    }
    assert all(r["success"] and r["docs_url"].startswith("file://") for r in summary["results"])
    json.dumps(summary)  # plain JSON, for XCom and the run report


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
    # the duplicate also shows as warnings: page article count and fact/raw reconciliation
    assert {"raw.pages", "marts.fct_articles"} <= {w["table"] for w in summary["warnings"]}
    assert all(w["severity"] == "warning" for w in summary["warnings"])
    results = {r["table"]: r for r in summary["results"]}
    assert not results["raw.metrics"]["success"] and results["raw.pages"]["success"]
    json.dumps(summary)


def test_warning_only_fault_keeps_the_run_green(workspace: types.SimpleNamespace) -> None:
    # through the pipeline's edge: Data Docs go to <reports>/data_docs
    settings = Settings.from_env(
        env={}, home=workspace.root, warehouse=workspace.warehouse, gx_root=workspace.gx_root, reports=workspace.reports
    )
    summary = validate(settings, WARNING_ONLY)

    assert summary["success"] is True
    assert summary["critical_failures"] == []
    assert _where(summary["warnings"]) == [
        ("raw.articles", "expect_column_mean_to_be_between", "news_has_byline"),
    ]
    assert summary["warnings"][0]["observed"] == 0.0


def test_missing_mart_is_a_critical_failure(tmp_path: Path, workspace: types.SimpleNamespace) -> None:
    warehouse = tmp_path / "raw_only.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        _create_raw_tables(con)
        _insert_day(con, CLEAN)

    summary = run_checkpoint(warehouse, workspace.gx_root, workspace.docs, CLEAN)

    assert summary["success"] is False
    assert _where(summary["critical_failures"]) == [
        ("marts.fct_activities", "frame_query_runs", None),
        ("marts.fct_articles", "frame_query_runs", None),
        ("marts.fct_metrics", "frame_query_runs", None),
    ]
    observed = {f["table"]: f["observed"] for f in summary["critical_failures"]}
    assert "marts.fct_articles" in observed["marts.fct_articles"]


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
