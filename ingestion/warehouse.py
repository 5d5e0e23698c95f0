"""The DuckDB warehouse: the single writer that moves staged Parquet into ``raw`` (an I/O edge)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from ingestion.records import TABLES, columns
from ingestion.staging import staged_files
from ingestion.warehouse_schema import GAZETTEER_COLUMNS, create_raw_tables

# Another process holding the file (a dbt run, an analyst's read-write session) is
# waited for, not failed on at once.
LOCK_WAIT_S = 120.0


def connect(path: Path, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, retrying while another process holds its lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.2
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def _ensure_gazetteer(con: duckdb.DuckDBPyConnection) -> int:
    from ingestion.parsing.gazetteer import gazetteer_rows

    have = con.execute("select count(*) from raw.gazetteer").fetchone()[0]
    rows = gazetteer_rows()
    if have != len(rows):
        con.execute("delete from raw.gazetteer")
        frame = pa.Table.from_pylist([{c: r[c] for c in GAZETTEER_COLUMNS} for r in rows])
        con.register("gazetteer_frame", frame)
        cols = ", ".join(GAZETTEER_COLUMNS)
        con.execute(f"insert into raw.gazetteer ({cols}) select {cols} from gazetteer_frame")
        con.unregister("gazetteer_frame")
    return len(rows)


def load_run(warehouse: Path, staging: Path, run_date: date) -> dict[str, int]:
    """Replace a run date's rows in every raw table with what is staged, in one transaction."""
    con = connect(warehouse)
    try:
        create_raw_tables(con)
        counts: dict[str, int] = {}
        con.execute("begin transaction")
        try:
            _ensure_gazetteer(con)
            for table in TABLES:
                con.execute(f"delete from raw.{table} where run_date = ?", [run_date])
                files = staged_files(staging, table, run_date)
                if not files:
                    counts[table] = 0
                    continue
                cols = ", ".join(columns(table))
                con.execute(
                    f"insert into raw.{table} ({cols}) select {cols} from read_parquet(?, hive_partitioning = false)",
                    [[str(f) for f in files]],
                )
                counts[table] = con.execute(
                    f"select count(*) from raw.{table} where run_date = ?", [run_date]
                ).fetchone()[0]
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        return counts
    finally:
        con.close()
