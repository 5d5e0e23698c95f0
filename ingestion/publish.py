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
- a table whose rows are replaced by run date (the raw tables the load replaces, dbt's
  ``delete+insert`` models keyed on ``run_date``) is fingerprinted on the dates a writer
  said it would replace (``note_changes``, kept in ``_pending.json`` until a publish took
  them) and on any date whose row count moved, not on all history: hashing every row of
  every table took 2.3 s of CPU a publish at a year and grew with each day;
- a table whose columns changed is republished whole; a zero-row ``_schema-*.parquet``
  keeps an empty table's columns.

Published files are immutable: a changed date gets a new file named after its
fingerprint, and the views file, which names each table's files explicitly, is rebuilt
(a few kilobytes) and swapped in with ``os.replace`` once every new file is in place.
A session opened before keeps its views file and so keeps reading the files of its
snapshot, whole and consistent; replaced files are deleted a grace period later
(``NEWSDW_SNAPSHOT_GRACE_S``, a day by default). A new session sees the new snapshot.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Collection, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ingestion.files import atomic_path, atomic_write_text, move_into_place
from ingestion.settings import Settings, seconds_from_env

ANALYST_FOLDER = "analyst"
SNAPSHOT_NAME = "warehouse.duckdb"  # the file name is DuckDB's catalog name: "warehouse" in SQL
TABLES_FOLDER = "tables"
STATE_FILE = "_published.json"
PENDING_FILE = "_pending.json"
PUBLISHED_SCHEMAS = ("raw", "reference", "staging", "intermediate", "marts")
GRACE_ENV = "NEWSDW_SNAPSHOT_GRACE_S"
DEFAULT_GRACE_S = 24 * 3600.0


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


def _fingerprints(con: Any, qualified: str, partitioned: bool, only: Collection[str] | None = None) -> dict[str, str]:
    """Per run date (or ``"all"``): row count and the sum of the rows' hashes, as one string.

    ``only`` limits a partitioned table to those run dates (ISO strings).
    """
    if partitioned:
        where = "" if only is None else "where list_contains(?, run_date::varchar)"
        rows = con.execute(
            f"select run_date::varchar, count(*), sum(hash(t)::hugeint)::varchar from {qualified} as t {where} "
            "group by all", [] if only is None else [sorted(only)]
        ).fetchall()
        return {str(day): f"{n}:{h}" for day, n, h in rows}
    n, h = con.execute(f"select count(*), coalesce(sum(hash(t)::hugeint), 0)::varchar from {qualified} as t").fetchone()
    return {"all": f"{n}:{h}"}


def _copy(con: Any, query: str, params: list, target: Path) -> None:
    with atomic_path(target) as tmp:
        con.execute(f"copy ({query}) to {_sql_literal(str(tmp))} (format parquet, compression zstd)", params)


def _copy_dates(con: Any, qualified: str, files: dict[str, str], target: Path) -> None:
    """Write each run date's rows of ``qualified`` to ``target / files[date]``.

    One date is one ``COPY``. Many dates (a backfill's first publish) go in one partitioned
    ``COPY`` into a scratch folder, then each date's file is moved to its name: a ``COPY``
    per date would scan the table once per date.
    """
    if len(files) <= 2:
        for key, file in files.items():
            _copy(con, f"select * from {qualified} where run_date = cast(? as date)", [key], target / file)
        return
    scratch = target / f".partitions-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        con.execute(f"copy (select * from {qualified} where list_contains(?, run_date::varchar)) "
                    f"to {_sql_literal(str(scratch))} (format parquet, compression zstd, "
                    "partition_by (run_date), write_partition_columns true)", [sorted(files)])
        for key, file in files.items():
            written = sorted((scratch / f"run_date={key}").glob("*.parquet"))
            if len(written) == 1:
                move_into_place(written[0], target / file)
            else:  # DuckDB split the date over several files: write it alone
                _copy(con, f"select * from {qualified} where run_date = cast(? as date)", [key], target / file)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def note_changes(settings: Settings, run_dates: Iterable[date] | None) -> None:
    """Record, before writing, that the rows of ``run_dates`` (``None``: of every date) are about to be replaced.

    Every writer of the warehouse calls it first (the load, ``dbt build``), under the writer
    lock; the next publish fingerprints those dates of the tables replaced by run date and
    then clears them. The notes add up until a publish succeeds, so a publish that failed
    leaves its dates for the next one. Without a record (a home published before this
    existed) a publish fingerprints everything.
    """
    folder = tables_path(settings)
    pending = _pending(folder)
    if pending is not None and run_dates is not None:
        pending = sorted(pending | {d.isoformat() for d in run_dates})
        content: dict[str, Any] = {"dates": pending}
    else:
        content = {"all": True}
    atomic_write_text(folder / PENDING_FILE, json.dumps(content))


def _pending(folder: Path) -> set[str] | None:
    """The run dates noted since the last publish; ``None`` when every date must be fingerprinted."""
    try:
        content = json.loads((folder / PENDING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("all") or not isinstance(content.get("dates"), list):
        return None
    return {str(d) for d in content["dates"]}


def _current_fingerprints(con: Any, qualified: str, partitioned: bool, before: dict[str, Any],
                          pending: set[str] | None) -> dict[str, str]:
    """The table's fingerprints now, hashing only what may have changed when ``pending`` allows it.

    With ``pending`` (a table replaced by run date), a date keeps its published fingerprint
    unless it was noted or its row count differs (a count per date reads one column); the
    others are hashed. Without it every row is hashed.
    """
    parts = before.get("parts", {})
    if pending is None or not partitioned or not parts:
        return _fingerprints(con, qualified, partitioned)
    counts = dict(con.execute(f"select run_date::varchar, count(*) from {qualified} group by all").fetchall())
    out, suspects = {}, set()
    for day, n in counts.items():
        old = parts.get(day)
        if day in pending or not old or old["fp"].split(":", 1)[0] != str(n):
            suspects.add(day)
        else:
            out[day] = old["fp"]
    if suspects:
        out |= _fingerprints(con, qualified, partitioned, only=suspects)
    return out


def _version(fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:12]


def publish_tables(con: Any, folder: Path, grace_s: float | None = None,
                   replaced_by_date: Collection[str] = ()) -> dict[str, Any]:
    """Write each table's changed Parquet files under ``folder``; return what was written.

    ``con`` is a connection to the warehouse (read-only is enough). ``replaced_by_date``
    names (``schema.table``) the tables whose rows only ever change a run date at a time,
    each date noted by ``note_changes`` first: only their noted dates, and dates whose row
    count moved, are hashed. Published files are
    never overwritten: a changed run date gets a new file named after its fingerprint, and
    the file it replaces is retired, then deleted by a publish at least ``grace_s`` seconds
    later (``NEWSDW_SNAPSHOT_GRACE_S``, default a day), so a session opened on an earlier
    snapshot keeps reading that snapshot, whole and consistent, meanwhile.
    """
    grace = retention_s() if grace_s is None else grace_s
    state_path = folder / STATE_FILE
    pending = _pending(folder)
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    old_tables = state.get("tables", {})
    retired: list[dict[str, Any]] = list(state.get("retired", []))
    now = time.time()
    new_tables: dict[str, Any] = {}
    written = unchanged = removed = 0

    def retire(name: str, file: str) -> None:
        retired.append({"file": f"{name}/{file}", "since": now})

    for schema, table, cols in _tables(con):
        qualified = f'"{schema}"."{table}"'
        name = f"{schema}.{table}"
        target = folder / name
        columns_key = hashlib.sha256(json.dumps(cols).encode()).hexdigest()[:12]
        partitioned = any(c == "run_date" and t == "DATE" for c, t in cols)
        before = old_tables.get(name) or {}
        if before.get("columns") != columns_key:  # a new shape: every file of the table anew
            for part in before.get("parts", {}).values():
                retire(name, part["file"])
            if before.get("schema_file"):
                retire(name, before["schema_file"])
            before = {}
        schema_file = before.get("schema_file") or f"_schema-{columns_key}.parquet"
        present = set(os.listdir(target)) if target.is_dir() else set()  # one listing, not a stat per date
        if schema_file not in present:
            _copy(con, f"select * from {qualified} limit 0", [], target / schema_file)
        parts: dict[str, dict[str, str]] = {}
        changed: dict[str, str] = {}
        current = _current_fingerprints(con, qualified, partitioned, before,
                                        pending if name in replaced_by_date else None)
        for key, fingerprint in current.items():
            old = before.get("parts", {}).get(key)
            if old and old["fp"] == fingerprint and old["file"] in present:
                parts[key] = old
                unchanged += 1
            else:
                changed[key] = fingerprint
        files = {key: f"{key}-{_version(fp)}.parquet" for key, fp in changed.items()}
        if partitioned:
            _copy_dates(con, qualified, files, target)
        elif changed:
            _copy(con, f"select * from {qualified}", [], target / files["all"])
        for key, fingerprint in changed.items():
            old = before.get("parts", {}).get(key)
            if old:
                retire(name, old["file"])
            parts[key] = {"fp": fingerprint, "file": files[key]}
            written += 1
        for key in set(before.get("parts", {})) - set(parts):
            retire(name, before["parts"][key]["file"])
            removed += 1
        new_tables[name] = {"columns": columns_key, "schema_file": schema_file, "parts": parts}
    for name in set(old_tables) - set(new_tables):
        for part in old_tables[name].get("parts", {}).values():
            retire(name, part["file"])
        if old_tables[name].get("schema_file"):
            retire(name, old_tables[name]["schema_file"])

    live = {f"{name}/{t['schema_file']}" for name, t in new_tables.items()}
    live |= {f"{name}/{part['file']}" for name, t in new_tables.items() for part in t["parts"].values()}
    keep = []
    for entry in retired:
        if entry["file"] in live:
            continue  # the same content came back: the file is live again
        if now - entry["since"] >= grace:
            (folder / entry["file"]).unlink(missing_ok=True)
        else:
            keep.append(entry)
    # on one line: json's C encoder does not indent, and the state grows by a part per table and date
    atomic_write_text(state_path, json.dumps({"tables": new_tables, "retired": keep}, sort_keys=True))
    # What was noted is published now; a note taken during this publish would be lost here,
    # but every writer holds the writer lock this publish runs under.
    atomic_write_text(folder / PENDING_FILE, json.dumps({"dates": []}))
    return {"tables": len(new_tables), "files_written": written, "files_unchanged": unchanged,
            "files_removed": removed, "files_retired_kept": len(keep)}


def retention_s(env: dict[str, str] | None = None) -> float:
    """How long a replaced snapshot file is kept for sessions opened before (``NEWSDW_SNAPSHOT_GRACE_S``)."""
    return seconds_from_env(GRACE_ENV, DEFAULT_GRACE_S, env)


def _write_views_file(con: Any, folder: Path, target: Path) -> None:
    """Build the analysts' views file (tables over their Parquet files, then dbt's views) and swap it in.

    Each table's view names its files explicitly (not a glob), so a session keeps reading
    the files of the snapshot it opened even while a publish adds new ones. A table's files
    all have its current columns (a change of columns republishes the table whole), so a
    view binds to its first file's schema: ``union_by_name`` read every file's footer when
    the views were created, 1.3 s a run at a year of daily files, growing with history.
    """
    import duckdb

    state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))["tables"]
    views = _views(con)
    with atomic_path(target) as tmp:
        tmp.unlink()  # DuckDB creates the file itself
        out = duckdb.connect(str(tmp))
        try:
            for schema in PUBLISHED_SCHEMAS:
                out.execute(f'create schema if not exists "{schema}"')
            for name, table in sorted(state.items()):
                schema, _, table_name = name.partition(".")
                files = [table["schema_file"], *(part["file"] for _, part in sorted(table["parts"].items()))]
                base = f"{folder / name}{os.sep}"  # a str per file, not a Path: 7,000 files at a year
                paths = ", ".join(_sql_literal(base + f) for f in files)
                out.execute(f'create view "{schema}"."{table_name}" as '
                            f"select * from read_parquet([{paths}])")
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


def publish_snapshot(settings: Settings, stats: dict[str, Any] | None = None,
                     replaced_by_date: Collection[str] = ()) -> Path:
    """Publish what changed since the last publish and swap in the views file; return its path.

    ``stats``, when given, receives how many files were written, left unchanged and removed.
    ``replaced_by_date``: see ``publish_tables``.
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
            written = publish_tables(con, folder, replaced_by_date=replaced_by_date)
            if stats is not None:
                stats.update(written)
            _write_views_file(con, folder, target)
        finally:
            con.close()
    return target

