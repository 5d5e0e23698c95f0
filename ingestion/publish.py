"""Publish the warehouse to analysts as a read-only snapshot that costs what changed (an I/O edge).

DuckDB lets one process write a database file, and a connection held by another
process (an analyst's notebook) stops every writer from opening it. So analysts never
open the warehouse. They open ``<home>/analyst/warehouse.duckdb``: a small DuckDB file
that holds no data, only views: one per warehouse table over its published Parquet
files under ``<home>/analyst/tables/<schema>.<table>/``, and dbt's own views
(staging, intermediate) re-created on top of them. DuckDB CLI, Harlequin, DBeaver and
Python open it read-only as before; any engine can read the Parquet.

Publishing copies only what changed, never the whole warehouse:

- a table with a ``run_date`` column is published one Parquet file per run date, and a
  run date's file is rewritten only when that date's rows changed (a fingerprint per
  date: row count and the sum of the rows' hashes, kept in ``_published.json``);
- a table without one (dimensions, seeds) is rewritten only when its fingerprint changed;
- a table whose columns changed is republished whole; a dropped table or date is removed.

Every file is written to a temporary name and put in place with ``os.replace``
(``ingestion.files``), so a reader never sees half a file: a query running during a
publish reads either a date's old file or its new one. The views file itself is rebuilt
each time (it is a few kilobytes) and swapped in the same way, so a new table appears
at the analyst's next connection.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from ingestion.files import atomic_path, atomic_write_text
from ingestion.settings import Settings

ANALYST_FOLDER = "analyst"
SNAPSHOT_NAME = "warehouse.duckdb"  # the file name is DuckDB's catalog name: "warehouse" in SQL
TABLES_FOLDER = "tables"
STATE_FILE = "_published.json"
PUBLISHED_SCHEMAS = ("raw", "reference", "staging", "intermediate", "marts")
_SCHEMA_FILE = "_schema.parquet"  # a zero-row file: the table's columns even when it has no rows


def snapshot_path(settings: Settings) -> Path:
    """Where analysts find the published snapshot."""
    return settings.home / ANALYST_FOLDER / SNAPSHOT_NAME


def tables_path(settings: Settings) -> Path:
    """The folder of the published Parquet files (one folder per table)."""
    return settings.home / ANALYST_FOLDER / TABLES_FOLDER


def reader_path(settings: Settings) -> Path:
    """The database a reader should open: the snapshot once published, else the warehouse."""
    snapshot = snapshot_path(settings)
    return snapshot if snapshot.exists() else settings.warehouse


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _tables(con: Any) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(schema, table, [(column, type)]) of every base table in the published schemas."""
    rows = con.execute(
        """
        select t.schema_name, t.table_name, c.column_name, c.data_type
        from duckdb_tables() as t
        inner join duckdb_columns() as c
            on t.database_name = c.database_name and t.schema_name = c.schema_name and t.table_name = c.table_name
        where t.database_name = current_database() and not t.temporary and list_contains(?, t.schema_name)
        order by t.schema_name, t.table_name, c.column_index
        """,
        [list(PUBLISHED_SCHEMAS)],
    ).fetchall()
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for schema, table, column, data_type in rows:
        out.setdefault((schema, table), []).append((column, data_type))
    return [(schema, table, cols) for (schema, table), cols in out.items()]


def _views(con: Any) -> list[tuple[str, str, str]]:
    """(schema, view, create statement) of dbt's views in the published schemas."""
    return con.execute(
        """
        select schema_name, view_name, sql
        from duckdb_views()
        where database_name = current_database() and not internal and not temporary and list_contains(?, schema_name)
        order by schema_name, view_name
        """,
        [list(PUBLISHED_SCHEMAS)],
    ).fetchall()


def _fingerprints(con: Any, qualified: str, partitioned: bool) -> dict[str, str]:
    """Per run date (or ``"all"``): row count and the sum of the rows' hashes, as one string."""
    if partitioned:
        rows = con.execute(
            f"select run_date::varchar, count(*), sum(hash(t)::hugeint)::varchar from {qualified} as t group by all"
        ).fetchall()
        return {str(day): f"{n}:{h}" for day, n, h in rows}
    n, h = con.execute(f"select count(*), coalesce(sum(hash(t)::hugeint), 0)::varchar from {qualified} as t").fetchone()
    return {"all": f"{n}:{h}"}


def _copy(con: Any, query: str, params: list, target: Path) -> None:
    with atomic_path(target) as tmp:
        con.execute(f"copy ({query}) to {_sql_literal(str(tmp))} (format parquet, compression zstd)", params)


def publish_tables(con: Any, folder: Path) -> dict[str, Any]:
    """Write each table's changed Parquet files under ``folder``; return what was written.

    ``con`` is a connection to the warehouse (read-only is enough).
    """
    state_path = folder / STATE_FILE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    new_state: dict[str, Any] = {}
    written = unchanged = removed = 0
    for schema, table, cols in _tables(con):
        qualified = f'"{schema}"."{table}"'
        name = f"{schema}.{table}"
        target = folder / name
        columns_key = hashlib.sha256(json.dumps(cols).encode()).hexdigest()[:16]
        partitioned = any(c == "run_date" and t == "DATE" for c, t in cols)
        before = state.get(name) or {}
        if before.get("columns") != columns_key:
            before = {}
            shutil.rmtree(target, ignore_errors=True)
        old_parts = before.get("parts", {})
        parts = _fingerprints(con, qualified, partitioned)
        if before.get("columns") != columns_key or not (target / _SCHEMA_FILE).exists():
            _copy(con, f"select * from {qualified} limit 0", [], target / _SCHEMA_FILE)
        for key, fingerprint in parts.items():
            if old_parts.get(key) == fingerprint and (target / f"{key}.parquet").exists():
                unchanged += 1
                continue
            if partitioned:
                _copy(con, f"select * from {qualified} where run_date = cast(? as date)", [key], target / f"{key}.parquet")
            else:
                _copy(con, f"select * from {qualified}", [], target / "all.parquet")
            written += 1
        for key in set(old_parts) - set(parts):
            (target / f"{key}.parquet").unlink(missing_ok=True)
            removed += 1
        new_state[name] = {"columns": columns_key, "parts": parts}
    for name in set(state) - set(new_state):
        shutil.rmtree(folder / name, ignore_errors=True)
    atomic_write_text(state_path, json.dumps(new_state, indent=1, sort_keys=True))
    return {"tables": len(new_state), "files_written": written, "files_unchanged": unchanged, "files_removed": removed}


def _write_views_file(con: Any, folder: Path, target: Path) -> None:
    """Build the analysts' views file (tables over their Parquet, then dbt's views) and swap it in."""
    import duckdb

    tables = _tables(con)
    views = _views(con)
    with atomic_path(target) as tmp:
        tmp.unlink()  # DuckDB creates the file itself
        out = duckdb.connect(str(tmp))
        try:
            for schema in PUBLISHED_SCHEMAS:
                out.execute(f'create schema if not exists "{schema}"')
            for schema, table, _ in tables:
                glob = _sql_literal(str(folder / f"{schema}.{table}" / "*.parquet"))
                out.execute(f'create view "{schema}"."{table}" as select * from read_parquet({glob}, union_by_name = true)')
            pending = list(views)
            # dbt's views read each other: create them in an order that resolves (a few passes).
            for _ in range(len(pending) + 1):
                failed = []
                for schema, view, sql in pending:
                    try:
                        out.execute(sql)
                    except duckdb.CatalogException:
                        failed.append((schema, view, sql))
                if not failed or len(failed) == len(pending):
                    break
                pending = failed
            out.execute("checkpoint")
        finally:
            out.close()


def publish_snapshot(settings: Settings, stats: dict[str, Any] | None = None) -> Path:
    """Publish what changed since the last publish and swap in the views file; return its path.

    ``stats``, when given, receives how many files were written, left unchanged and removed.
    """
    from ingestion.locks import writer_lock
    from ingestion.warehouse import connect

    if not settings.warehouse.exists():
        raise FileNotFoundError(f"no warehouse to publish at {settings.warehouse}")
    target = snapshot_path(settings)
    folder = tables_path(settings)
    # The writer lock keeps a load from changing the warehouse between two tables' files.
    with writer_lock(settings.warehouse, "publish the analysts' snapshot"):
        con = connect(settings.warehouse, read_only=True)
        try:
            written = publish_tables(con, folder)
            if stats is not None:
                stats.update(written)
            _write_views_file(con, folder, target)
        finally:
            con.close()
    return target


def publish(settings: Settings) -> dict[str, Any]:
    """Publish the snapshot and, when the dbt project changed, the dbt docs; return small metadata."""
    from ingestion.transform import dbt_docs

    stats: dict[str, Any] = {}
    snapshot = publish_snapshot(settings, stats)
    return {"snapshot": str(snapshot), **stats, "dbt_docs": str(dbt_docs(settings))}
