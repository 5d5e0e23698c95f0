"""Setup shared by the dbt tests: settings on a temporary home, hand-made raw rows in its warehouse."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import duckdb
import pytest

from ingestion import records
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.warehouse_schema import GAZETTEER_COLUMNS, create_raw_tables

DBT_PROJECT = PROJECT_ROOT / "dbt_project"


def _settings(home: Path, warehouse: Path | None = None) -> Settings:
    return Settings.from_env(env={}, home=home, reports=home / "reports", dbt_project=DBT_PROJECT, warehouse=warehouse)


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


@pytest.fixture(scope="session")
def dbt_settings() -> Callable[..., Settings]:
    """``dbt_settings(home, warehouse=None)``: every data path under ``home`` (the warehouse too unless
    given), dbt on the repository's project."""
    return _settings


@pytest.fixture(scope="session")
def insert_raw() -> Callable[..., None]:
    """``insert_raw(warehouse, rows, gazetteer)``: create the raw tables (existing ones are kept), load
    ``gazetteer`` when ``raw.gazetteer`` is still empty, and insert ``rows`` (raw table name → records)."""
    return _insert_raw
