"""Publishing the analysts' snapshot writes only what changed, atomically, readable by everyone."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from ingestion.publish import note_changes, publish_snapshot, snapshot_path, tables_path
from ingestion.settings import Settings


@pytest.fixture()
def settings(tmp_path) -> Settings:
    s = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")
    s.home.mkdir(parents=True)
    con = duckdb.connect(str(s.warehouse))
    con.execute("create schema raw; create schema marts; create schema staging")
    con.execute("create table raw.pages (page_id varchar, run_date date, title varchar)")
    con.execute("insert into raw.pages values ('a', '2026-11-02', '第一版'), ('b', '2026-11-03', '第二版'),"
                " ('c', '2026-11-04', '第三版')")
    con.execute("create table marts.dim_newspaper (newspaper_key varchar, name varchar)")
    con.execute("insert into marts.dim_newspaper values ('-1', 'unknown'), ('n1', '某某日报')")
    con.execute("create view staging.stg_pages as select page_id, upper(title) as title, run_date from raw.pages")
    con.close()
    return s


def _files(s: Settings) -> dict[str, str]:
    """Each published part (``<table>/<run date or all>``) → the file that holds it now."""
    state = json.loads((tables_path(s) / "_published.json").read_text())["tables"]
    return {f"{name}/{key}": part["file"] for name, t in state.items() for key, part in t["parts"].items()}


def _read(s: Settings, sql: str) -> list[tuple]:
    con = duckdb.connect(str(snapshot_path(s)), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_snapshot_holds_views_over_parquet_per_run_date_and_dbt_views(settings):
    stats: dict = {}
    publish_snapshot(settings, stats)
    assert stats["files_written"] == 4  # three run dates of raw.pages, one file for the dimension
    files = _files(settings)
    assert set(files) == {"raw.pages/2026-11-02", "raw.pages/2026-11-03", "raw.pages/2026-11-04",
                          "marts.dim_newspaper/all"}
    assert all((tables_path(settings) / key.split("/")[0] / file).is_file() for key, file in files.items())
    assert _read(settings, "select page_id from raw.pages order by 1") == [("a",), ("b",), ("c",)]
    # the three dates were written by one partitioned COPY: each file holds its date only, no scratch left
    for day, page in (("2026-11-02", "a"), ("2026-11-03", "b"), ("2026-11-04", "c")):
        path = tables_path(settings) / "raw.pages" / files[f"raw.pages/{day}"]
        assert duckdb.sql(f"select page_id, run_date::varchar from '{path}'").fetchall() == [(page, day)]
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert not list((tables_path(settings) / "raw.pages").glob(".partitions-*"))
    assert _read(settings, "select count(*) from marts.dim_newspaper") == [(2,)]
    # dbt's views are re-created on top of the published tables
    assert _read(settings, "select title from staging.stg_pages where page_id = 'b'") == [("第二版",)]


def test_a_second_publish_rewrites_only_the_changed_run_date(settings):
    publish_snapshot(settings)
    before = _files(settings)
    con = duckdb.connect(str(settings.warehouse))
    con.execute("update raw.pages set title = '改版' where run_date = '2026-11-03'")
    con.execute("delete from raw.pages where run_date = '2026-11-04'")
    con.close()
    stats: dict = {}
    publish_snapshot(settings, stats)
    after = _files(settings)
    assert (stats["files_written"], stats["files_removed"]) == (1, 1)
    assert after["raw.pages/2026-11-02"] == before["raw.pages/2026-11-02"]
    assert after["marts.dim_newspaper/all"] == before["marts.dim_newspaper/all"]
    assert after["raw.pages/2026-11-03"] != before["raw.pages/2026-11-03"]
    assert "raw.pages/2026-11-04" not in after
    assert _read(settings, "select run_date, title from raw.pages order by 1") == [
        (date(2026, 11, 2), "第一版"), (date(2026, 11, 3), "改版")]


def test_a_changed_table_shape_is_republished_whole(settings):
    publish_snapshot(settings)
    con = duckdb.connect(str(settings.warehouse))
    con.execute("alter table raw.pages add column page_number integer")
    con.close()
    stats: dict = {}
    publish_snapshot(settings, stats)
    assert stats["files_written"] == 3
    assert _read(settings, "select count(page_number) from raw.pages") == [(0,)]


def test_published_files_are_readable_by_others(settings, monkeypatch):
    import os

    old = os.umask(0o077)
    try:
        publish_snapshot(settings)
    finally:
        os.umask(old)
    for path in [snapshot_path(settings), *tables_path(settings).rglob("*.parquet")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o044 == 0o044, f"{path} is {oct(mode)}"
    for folder in [snapshot_path(settings).parent, *(p for p in tables_path(settings).rglob("*") if p.is_dir())]:
        mode = stat.S_IMODE(folder.stat().st_mode)
        assert mode & 0o055 == 0o055, f"{folder} is {oct(mode)}"


def test_an_empty_table_still_has_its_columns(settings):
    con = duckdb.connect(str(settings.warehouse))
    con.execute("create table raw.quarantine (file_name varchar, run_date date)")
    con.close()
    publish_snapshot(settings)
    assert _read(settings, "select count(*) from raw.quarantine") == [(0,)]
    assert _read(settings, "select column_name from information_schema.columns where table_name = 'quarantine' "
                           "order by ordinal_position") == [("file_name",), ("run_date",)]


SESSION = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select string_agg(title, ',' order by run_date) from raw.pages").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("select string_agg(title, ',' order by run_date) from raw.pages").fetchone()[0], flush=True)
"""


def test_an_open_session_keeps_its_snapshot_until_the_grace_period_ends(settings, monkeypatch):
    publish_snapshot(settings)
    session = subprocess.Popen([sys.executable, "-c", SESSION, str(snapshot_path(settings))],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        first = session.stdout.readline().strip()
        con = duckdb.connect(str(settings.warehouse))
        con.execute("update raw.pages set title = '改版' where run_date = '2026-11-03'")
        con.close()
        publish_snapshot(settings)
        later, _ = session.communicate("\n", timeout=60)
    finally:
        if session.poll() is None:
            session.kill()
    assert first == later.strip() == "第一版,第二版,第三版"  # the open session is not disturbed
    assert _read(settings, "select string_agg(title, ',' order by run_date) from raw.pages") == [("第一版,改版,第三版",)]
    replaced = json.loads((tables_path(settings) / "_published.json").read_text())["retired"]
    assert len(replaced) == 1 and (tables_path(settings) / replaced[0]["file"]).is_file()
    monkeypatch.setenv("NEWSDW_SNAPSHOT_GRACE_S", "0")
    publish_snapshot(settings)  # past the grace period the replaced file goes
    assert not (tables_path(settings) / replaced[0]["file"]).exists()


def _pending(s: Settings) -> dict:
    return json.loads((tables_path(s) / "_pending.json").read_text())


def test_a_table_replaced_by_date_is_hashed_on_the_noted_dates_and_where_its_count_moved(settings):
    publish_snapshot(settings)  # no note yet: every row is hashed
    assert _pending(settings) == {"dates": []}
    before = _files(settings)
    note_changes(settings, [date(2026, 11, 3)])
    con = duckdb.connect(str(settings.warehouse))
    con.execute("update raw.pages set title = '改版' where run_date in ('2026-11-02', '2026-11-03')")
    con.execute("insert into raw.pages values ('d', '2026-11-04', '第四版')")  # a date's count moved
    con.execute("update marts.dim_newspaper set name = '某某晚报' where newspaper_key = 'n1'")
    con.close()
    stats: dict = {}
    publish_snapshot(settings, stats, replaced_by_date={"raw.pages"})
    after = _files(settings)
    # the noted date, the date whose count moved, and the table not replaced by date (hashed whole)
    assert stats["files_written"] == 3
    assert after["raw.pages/2026-11-03"] != before["raw.pages/2026-11-03"]
    assert after["raw.pages/2026-11-04"] != before["raw.pages/2026-11-04"]
    assert after["marts.dim_newspaper/all"] != before["marts.dim_newspaper/all"]
    # an un-noted date of the same count is not looked at: writers note every date they replace
    assert after["raw.pages/2026-11-02"] == before["raw.pages/2026-11-02"]
    assert _pending(settings) == {"dates": []}
    # the same change seen by a publish that hashes everything (a note of every date)
    note_changes(settings, None)
    assert _pending(settings) == {"all": True}
    publish_snapshot(settings, stats, replaced_by_date={"raw.pages"})
    assert _read(settings, "select string_agg(title, ',' order by page_id) from raw.pages") == [
        ("改版,改版,第三版,第四版",)]


def test_notes_add_up_until_a_publish_succeeds(settings, monkeypatch):
    from ingestion import publish

    publish_snapshot(settings)
    note_changes(settings, [date(2026, 11, 3)])

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(publish, "_copy", broken)
    con = duckdb.connect(str(settings.warehouse))
    con.execute("update raw.pages set title = '改版' where run_date = '2026-11-03'")
    con.close()
    with pytest.raises(OSError):
        publish_snapshot(settings, replaced_by_date={"raw.pages"})
    monkeypatch.undo()
    assert _pending(settings) == {"dates": ["2026-11-03"]}  # the failed publish left its date
    note_changes(settings, [date(2026, 11, 2)])
    assert _pending(settings) == {"dates": ["2026-11-02", "2026-11-03"]}
    publish_snapshot(settings, replaced_by_date={"raw.pages"})
    assert _read(settings, "select title from raw.pages where page_id = 'b'") == [("改版",)]
    assert _pending(settings) == {"dates": []}
