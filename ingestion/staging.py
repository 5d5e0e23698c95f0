"""Staging area: one Parquet file per parse batch (or quarantined file) and raw table (an I/O edge).

Layout: ``<staging>/<table>/run_date=<YYYY-MM-DD>/<name>.parquet`` (Hive-style, so
any engine can read a date's partition), where ``<name>`` is a landed file's sha256
(its quarantine row) or a parse batch's name (``batch_name``: the rows of every file
the batch parsed). Parse tasks write here in parallel; only the load task reads, so
no task but the loader ever opens DuckDB.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import shutil
import typing
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingestion.files import atomic_path
from ingestion.records import TABLES

_ARROW = {
    str: pa.string(),
    bool: pa.bool_(),
    int: pa.int64(),
    float: pa.float64(),
    datetime.date: pa.date32(),
}


def _base(annotation: typing.Any) -> type:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if args else annotation


@functools.cache
def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of a raw table, from its record type."""
    hints = typing.get_type_hints(TABLES[table])
    return pa.schema(
        [pa.field(f.name, _ARROW[_base(hints[f.name])]) for f in dataclasses.fields(TABLES[table])]
    )


def partition(staging: Path, table: str, run_date: date) -> Path:
    """Folder holding one table's files for one run date."""
    return staging / table / f"run_date={run_date.isoformat()}"


def clear_run(staging: Path, run_date: date) -> None:
    """Remove every staged file of a run date, so a re-run starts clean."""
    for table in TABLES:
        shutil.rmtree(partition(staging, table, run_date), ignore_errors=True)


def batch_name(sha256s: list[str]) -> str:
    """The staged name of a batch of files: one file's sha256, or a digest of the batch's (the same batch, the same name)."""
    if len(sha256s) == 1:
        return sha256s[0]
    return "batch-" + hashlib.sha256("\n".join(sha256s).encode()).hexdigest()


def write_rows(staging: Path, run_date: date, name: str, rows: dict[str, list]) -> dict[str, int]:
    """Write each table's records under ``name`` (a file's sha256 or a batch's name); return row counts.

    Tables without rows get no file (and lose one written under the name before).
    """
    counts = {}
    for table, records in rows.items():
        counts[table] = len(records)
        target = partition(staging, table, run_date) / f"{name}.parquet"
        if not records:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        schema = arrow_schema(table)
        # column by column from the attributes: dataclasses.asdict deep-copies every record,
        # which cost as much CPU as parsing the page
        data = pa.Table.from_pydict({column: [getattr(r, column) for r in records] for column in schema.names},
                                    schema=schema)
        # not fsynced: staged rows are made again from the raw store (which is) by re-running the date,
        # and an fsync per table per page was about a tenth of a backfill's parse time
        with atomic_path(target, durable=False) as tmp:
            pq.write_table(data, tmp)
    return counts


def unstage(staging: Path, run_date: date, name: str) -> None:
    """Remove what was staged under ``name`` in every table but the quarantine."""
    for table in TABLES:
        if table != "quarantine":
            (partition(staging, table, run_date) / f"{name}.parquet").unlink(missing_ok=True)


def staged_files(staging: Path, table: str, run_date: date) -> list[Path]:
    """The Parquet files staged for a table and run date."""
    folder = partition(staging, table, run_date)
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []
