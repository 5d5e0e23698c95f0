"""The writer chain under faults: backfill equals day-by-day, kills leave dates whole, held locks are bounded.

Real DuckDB, real dbt, real Great Expectations, on pages the project generates. One
warehouse built date by date (the reference) is shared by the module; every other
warehouse here must end with the same content (compared row by row, not by counts).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import duckdb
import psutil
import pytest

from ingestion import chain
from ingestion.backfill import backfill
from ingestion.generate import write_landing
from ingestion.locks import WriterLockTimeout
from ingestion.pipeline import report
from ingestion.publish import snapshot_path, tables_path
from ingestion.records import TABLES
from ingestion.settings import Settings

pytestmark = pytest.mark.integration

START = date(2026, 11, 2)
DAYS = 2
END = date(2026, 11, 3)
VOLATILE = {"raw.quarantine": ["quarantined_at"]}


def _settings(root: Path) -> Settings:
    return Settings.from_env(env={}, home=root / "data", reports=root / "reports")


def _landed(root: Path) -> Settings:
    settings = _settings(root)
    write_landing(settings.landing, days=DAYS, start=START, seed=0)
    return settings


def content(warehouse: Path, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """Every raw and mart table's rows (or ``tables``'), sorted, without columns that record wall-clock time.

    Paths into the raw store name the home folder, which differs between warehouses: they are
    compared relative to it. ``tables`` reads the analysts' snapshot, whose tables are views.
    """
    home = str(warehouse.parent if tables is None else warehouse.parent.parent)

    def relative(row: tuple) -> tuple:
        return tuple(v.replace(home, "<home>") if isinstance(v, str) else v for v in row)

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = tables or [f"{s}.{t}" for s, t in con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('raw', 'marts') and table_type = 'BASE TABLE' order by all").fetchall()]
        out = {}
        for table in tables:
            exclude = VOLATILE.get(table)
            columns = f"* exclude ({', '.join(exclude)})" if exclude else "*"
            # ordered in SQL: a path's prefix is the same on every row of one warehouse
            out[table] = [relative(row) for row in con.execute(f"select {columns} from {table} order by all").fetchall()]
        return out
    finally:
        con.close()


def assert_same(actual: dict[str, list[tuple]], expected: dict[str, list[tuple]]) -> None:
    assert sorted(actual) == sorted(expected)
    for table, rows in expected.items():
        assert actual[table] == rows, f"{table}: {len(actual[table])} rows vs {len(rows)} expected"


@pytest.fixture(scope="module")
def day_by_day(tmp_path_factory) -> dict[str, list[tuple]]:
    """The reference: the dates run one after the other through the writer chain."""
    settings = _landed(tmp_path_factory.mktemp("day_by_day"))
    from ingestion.pipeline import discover, parse_file

    for day in chain.days(START, END):
        for item in discover(settings, day):
            parse_file(settings, day, item)
        chain.build(settings, day)
        assert report(settings, day, {})["verdict"] != "failed"
    result = content(settings.warehouse)
    assert result["marts.fct_activities"] and result["marts.fct_metrics"]
    # the second publish hashed only its own date of the tables replaced by run date: the snapshot
    # still holds what the warehouse holds, the events merged across the two dates included
    assert_same(content(snapshot_path(settings), tables=sorted(result)), result)
    assert json.loads((tables_path(settings) / "_pending.json").read_text()) == {"dates": []}
    # the first date built the static nodes (seeds, views, reference tables); the next left them out
    first, second = (chain.read_steps(settings, day)["built"]["models"] for day in (START, END))
    assert 0 < second < first
    # the generator repeats some activities on a later day: the reference merges them
    assert any(row for row in duckdb.connect(str(settings.warehouse), read_only=True).execute(
        "select 1 from marts.fct_activities where article_count > 1").fetchall())
    return result


def test_backfill_leaves_the_same_marts_as_running_the_dates_one_by_one(day_by_day, tmp_path):
    settings = _landed(tmp_path)
    missing_day = date(2026, 11, 4)
    result = backfill(settings, START, missing_day, workers=2)
    assert result.ok, result
    assert result.missing == [missing_day] and result.dates == chain.days(START, END)
    assert set(result.verdicts) == {d.isoformat() for d in chain.days(START, END)}
    assert_same(content(settings.warehouse), day_by_day)
    # a report per date, none for the missing date
    assert sorted(p.stem for p in (settings.reports / "runs").glob("*.json")) == ["2026-11-02", "2026-11-03"]
    # the weekly full check runs every dbt test on whole tables, more than the batch build ran
    checked = chain.full_check(settings)
    assert checked["success"] and checked["tests"] > result.outcome["built"]["tests"]
    # and a rebuild of every model from all dates (after an upgrade) leaves the same marts
    assert chain.full_check(settings, rebuild=True)["success"]
    assert_same(content(settings.warehouse), day_by_day)


KILL_DURING_LOAD = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    import ingestion.warehouse as w
    from ingestion.backfill import backfill
    from ingestion.settings import Settings

    real = w.staged_files
    def staged_then_stall(staging, table, run_date):
        files = real(staging, table, run_date)
        if table == "people" and run_date == date(2026, 11, 3):  # inside the second date's transaction
            print("mid-load", flush=True)
            time.sleep(120)
        return files
    w.staged_files = staged_then_stall
    root = Path(sys.argv[1])
    backfill(Settings.from_env(env={}, home=root / "data", reports=root / "reports"),
             date(2026, 11, 2), date(2026, 11, 3), workers=1)
    """
)


def _kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_during_load_leaves_each_date_whole_and_the_rerun_equals_a_clean_run(day_by_day, tmp_path):
    settings = _landed(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", KILL_DURING_LOAD, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        assert proc.stdout.readline().strip() == "mid-load"
    finally:
        _kill_group(proc)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        for table in TABLES:
            dates = {d for (d,) in con.execute(f"select distinct run_date from raw.{table}").fetchall()}
            assert date(2026, 11, 3) not in dates, f"raw.{table} kept part of the killed date"
        assert con.execute("select count(*) from raw.pages where run_date = ?", [START]).fetchone()[0] > 0
    finally:
        con.close()
    assert backfill(settings, START, END, workers=1).ok
    assert_same(content(settings.warehouse), day_by_day)


def test_sigkill_during_dbt_then_the_rerun_equals_a_clean_run(day_by_day, tmp_path):
    settings = _landed(tmp_path)
    code = textwrap.dedent(f"""
        from datetime import date
        from pathlib import Path
        from ingestion.backfill import backfill
        from ingestion.settings import Settings
        root = Path({str(tmp_path)!r})
        backfill(Settings.from_env(env={{}}, home=root / "data", reports=root / "reports"),
                 date(2026, 11, 2), date(2026, 11, 3), workers=1)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        dbt = None
        while dbt is None and time.monotonic() < deadline and proc.poll() is None:
            dbt = next((p for p in psutil.Process(proc.pid).children(recursive=True)
                        if "build" in p.cmdline() and any(a.endswith("dbt") for a in p.cmdline()[:2])), None)
            time.sleep(0.2)
        assert dbt is not None, "dbt build never started"
        time.sleep(4)  # dbt is building models now
        assert proc.poll() is None, "the backfill finished before it could be killed"
    finally:
        _kill_group(proc)
    assert backfill(settings, START, END, workers=1).ok
    assert_same(content(settings.warehouse), day_by_day)


HOLD_CONNECTION = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read_only")
    print("open", flush=True)
    time.sleep(120)
    """
)


@pytest.mark.parametrize("mode", ["read_only", "read_write"])
def test_a_held_connection_on_the_writers_file_is_a_bounded_logged_wait_and_the_report_is_written(
        tmp_path, mode, monkeypatch, caplog):
    settings = _landed(tmp_path)
    from ingestion.pipeline import discover, parse_file

    for item in discover(settings, START):
        parse_file(settings, START, item)
    duckdb.connect(str(settings.warehouse)).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_CONNECTION, str(settings.warehouse), mode],
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert holder.stdout.readline().strip() == "open"
    monkeypatch.setenv("NEWSDW_LOCK_WAIT_S", "3")
    try:
        started = time.monotonic()
        with pytest.raises(WriterLockTimeout):
            chain.build(settings, START)
        assert time.monotonic() - started < 60
        summary = report(settings, START, {})  # the report needs no lock on the warehouse
    finally:
        _kill_group(holder)
    assert summary["verdict"] == "failed"
    problems = " ".join(summary["reasons"])
    assert "load: WriterLockTimeout" in problems and str(holder.pid) in problems
    assert "not run" in problems  # dbt, validation and publish did not start
    assert Path(summary["html"]).is_file()
    assert any("waiting for DuckDB's lock" in r.getMessage() for r in caplog.records)
