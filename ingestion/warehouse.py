"""The DuckDB warehouse: the single writer that moves staged Parquet into ``raw`` (an I/O edge)."""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import tenacity

from ingestion.locks import LOCK_WAIT_ENV, LOG_EVERY_S, WriterLockTimeout, lock_wait_s
from ingestion.records import TABLES, columns
from ingestion.settings import duckdb_memory_limit
from ingestion.staging import staged_files
from ingestion.warehouse_schema import GAZETTEER_COLUMNS, PIPELINE_DDL, STATIC_BUILD_TABLE, create_raw_tables

log = logging.getLogger(__name__)

def _is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect(path: Path, read_only: bool = False, wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; while another process holds DuckDB's file lock, wait (logged, bounded).

    The pipeline's own writers queue on ``ingestion.locks.writer_lock`` before they get here;
    this wait is for anyone else holding the file (an analyst who opened the writer's file,
    a stray process). DuckDB's message names the holder's PID: it is logged at once and
    then every 30 s, and after ``NEWSDW_LOCK_WAIT_S`` (default 300 s) the error is raised
    with how long we waited.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    bound = lock_wait_s() if wait_s is None else wait_s
    last_log = [float("-inf")]

    def log_wait(state: tenacity.RetryCallState) -> None:
        if time.monotonic() - last_log[0] >= LOG_EVERY_S:
            last_log[0] = time.monotonic()
            log.warning("waiting for DuckDB's lock on %s (%.0f s of at most %.0f s): %s",
                        path, state.seconds_since_start or 0.0, bound, state.outcome.exception())

    try:
        for attempt in tenacity.Retrying(
            retry=tenacity.retry_if_exception(_is_lock_error),
            stop=tenacity.stop_after_delay(bound),
            wait=tenacity.wait_exponential(multiplier=0.2, max=5.0),
            before_sleep=log_wait,
            reraise=True,
        ):
            with attempt:
                return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": duckdb_memory_limit()})
    except duckdb.IOException as exc:
        if not _is_lock_error(exc):
            raise
        raise WriterLockTimeout(f"{path} stayed locked by another process for {bound:g} s "
                                f"(bounded by {LOCK_WAIT_ENV}): {exc}") from exc
    raise AssertionError("unreachable")  # pragma: no cover


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


def _load_date(con: duckdb.DuckDBPyConnection, staging: Path, run_date: date) -> dict[str, int]:
    """Replace one run date's rows in every raw table with what is staged, in one transaction."""
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for table in TABLES:
            con.execute(f"delete from raw.{table} where run_date = ?", [run_date])
            files = staged_files(staging, table, run_date)
            if not files:
                counts[table] = 0
                continue
            cols = ", ".join(columns(table))
            # DuckDB answers an insert with the number of rows it inserted: the date's rows, deleted above
            counts[table] = con.execute(
                f"insert into raw.{table} ({cols}) select {cols} from read_parquet(?, hive_partitioning = false)",
                [[str(f) for f in files]],
            ).fetchone()[0]
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts


def load_runs(warehouse: Path, staging: Path, run_dates: list[date]) -> dict[str, dict[str, int]]:
    """Load each run date in its own transaction (all-or-nothing per date); return counts per date.

    A date is replaced as a whole: its rows in every raw table are deleted and the staged
    Parquet inserted, so a re-run replaces exactly that date and a process killed mid-load
    leaves the date as it was before.
    """
    con = connect(warehouse)
    try:
        create_raw_tables(con)
        con.execute("begin transaction")
        try:
            _ensure_gazetteer(con)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        return {d.isoformat(): _load_date(con, staging, d) for d in run_dates}
    finally:
        con.close()


def load_run(warehouse: Path, staging: Path, run_date: date) -> dict[str, int]:
    """Replace a run date's rows in every raw table with what is staged, in one transaction."""
    return load_runs(warehouse, staging, [run_date])[run_date.isoformat()]


def static_build_state(warehouse: Path, project: str) -> tuple[str, bool]:
    """What the dbt project's static nodes would be built from now, and whether the warehouse's were.

    Static nodes (seeds, views, and the tables built from seeds and the gazetteer; dbt's
    selector ``daily_data`` leaves them out) depend only on the project's files
    (``project``: ``transform.project_hash``) and on ``raw.gazetteer``. The fingerprint of
    both is recorded in the warehouse by ``record_static_build`` after a build that made
    them, so a warehouse that is new, replaced, or last built by another project or
    gazetteer gets them rebuilt. Opened read-write: the caller holds the writer lock, and
    a lock held outside the pipeline is waited for here (logged, bounded) before dbt starts.
    """
    con = connect(warehouse)
    try:
        create_raw_tables(con)
        for statement in PIPELINE_DDL:
            con.execute(statement)
        cols = ", ".join(GAZETTEER_COLUMNS)
        rows, digest = con.execute(
            f"select count(*), coalesce(bit_xor(hash({cols})), 0) from raw.gazetteer").fetchone()
        fingerprint = hashlib.sha256(f"{project}\n{rows}\n{digest}".encode()).hexdigest()
        recorded = con.execute(f"select fingerprint from {STATIC_BUILD_TABLE}").fetchall()
        return fingerprint, recorded == [(fingerprint,)]
    finally:
        con.close()


def record_static_build(warehouse: Path, fingerprint: str) -> None:
    """Record that the warehouse's static dbt nodes were built from ``fingerprint`` (see ``static_build_state``)."""
    con = connect(warehouse)
    try:
        con.execute("begin transaction")
        con.execute(f"delete from {STATIC_BUILD_TABLE}")
        con.execute(f"insert into {STATIC_BUILD_TABLE} values (?, current_timestamp)", [fingerprint])
        con.execute("commit")
    finally:
        con.close()


def mart_counts(warehouse: Path, run_dates: list[date]) -> dict[str, dict[str, int]]:
    """Rows per run date of every ``marts`` table with a ``run_date`` column, keyed by ISO date.

    Read by the writer chain right after dbt built (under the writer lock), so the report
    never has to open the writer's file: a read-only connection from outside the chain
    would block the next chain's writer.
    """
    con = connect(warehouse, read_only=True)
    try:
        tables = [f"marts.{t}" for (t,) in con.execute(
            "select table_name from information_schema.columns "
            "where table_schema = 'marts' and column_name = 'run_date' order by table_name").fetchall()]
        out: dict[str, dict[str, int]] = {d.isoformat(): {} for d in run_dates}
        for table in tables:
            rows = con.execute(f"select run_date, count(*) from {table} where run_date between ? and ? group by 1",
                               [min(run_dates), max(run_dates)]).fetchall()
            found = {d.isoformat(): n for d, n in rows}
            for day in out:
                out[day][table] = found.get(day, 0)
        return out
    finally:
        con.close()
