"""Setup shared by the dbt tests: settings on a temporary home, hand-made raw rows in its warehouse,
and the comparison of two warehouses' marts."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import duckdb
import pytest

from ingestion import records
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.warehouse_schema import GAZETTEER_COLUMNS, create_raw_tables

DBT_PROJECT = PROJECT_ROOT / "dbt_project"


def _settings(home: Path, warehouse: Path | None = None, dbt_project: Path = DBT_PROJECT) -> Settings:
    return Settings.from_env(env={}, home=home, reports=home / "reports", dbt_project=dbt_project, warehouse=warehouse)


def _insert_raw(warehouse: Path, rows: Mapping[str, Iterable[object]], gazetteer: Iterable[tuple]) -> None:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse)) as con:
        create_raw_tables(con)
        if not con.execute("select count(*) from raw.gazetteer").fetchone()[0]:
            placeholders = ", ".join("?" for _ in GAZETTEER_COLUMNS)
            con.executemany(
                f"insert into raw.gazetteer ({', '.join(GAZETTEER_COLUMNS)}) values ({placeholders})", list(gazetteer)
            )
        for table, table_rows in rows.items():
            columns = records.columns(table)
            values = [[getattr(row, column) for column in columns] for row in table_rows]
            if values:
                placeholders = ", ".join("?" for _ in columns)
                con.executemany(f"insert into raw.{table} ({', '.join(columns)}) values ({placeholders})", values)


def _replace_day(warehouse: Path, day: datetime.date, rows: Mapping[str, Iterable[object]]) -> None:
    """What a re-load of a date does: delete the date's rows from every raw table, insert the new ones."""
    with duckdb.connect(str(warehouse)) as con:
        for table in records.TABLES:
            con.execute(f"delete from raw.{table} where run_date = ?", [day])
    _insert_raw(warehouse, rows, [])


def mart_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [
        t
        for (t,) in con.execute(
            "select table_name from information_schema.tables"
            " where table_catalog = ? and table_schema = 'marts' order by table_name",
            [catalog],
        ).fetchall()
    ]


def mart_contents(warehouse: Path) -> dict[str, list[tuple]]:
    """Every mart table's rows, sorted on every column."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        catalog = con.execute("select current_database()").fetchone()[0]
        return {t: con.execute(f"select * from marts.{t} order by all").fetchall() for t in mart_tables(con, catalog)}


def _assert_same_marts(built: Path, expected: Path) -> None:
    """The two warehouses' marts hold the same tables with the same rows (full content, in order)."""
    got, want = mart_contents(built), mart_contents(expected)
    assert sorted(got) == sorted(want)
    assert len(want) >= 19
    different = {t: (len(got[t]), len(want[t])) for t in want if got[t] != want[t]}
    for table in different:  # the first differing rows, for the failure message
        only_got = [r for r in got[table] if r not in want[table]][:3]
        only_want = [r for r in want[table] if r not in got[table]][:3]
        different[table] = (*different[table], only_got, only_want)
    assert different == {}


@pytest.fixture(scope="session")
def dbt_settings() -> Callable[..., Settings]:
    """``dbt_settings(home, warehouse=None, dbt_project=DBT_PROJECT)``: every data path under ``home`` (the
    warehouse too unless given), dbt on the repository's project unless given."""
    return _settings


@pytest.fixture(scope="session")
def insert_raw() -> Callable[..., None]:
    """``insert_raw(warehouse, rows, gazetteer)``: create the raw tables (existing ones are kept), load
    ``gazetteer`` when ``raw.gazetteer`` is still empty, and insert ``rows`` (raw table name → records)."""
    return _insert_raw


@pytest.fixture(scope="session")
def replace_day() -> Callable[..., None]:
    """``replace_day(warehouse, day, rows)``: replace a run date's raw rows, as a re-load does."""
    return _replace_day


@pytest.fixture(scope="session")
def assert_same_marts() -> Callable[[Path, Path], None]:
    """``assert_same_marts(built, expected)``: every mart table holds the same rows in both warehouses."""
    return _assert_same_marts
