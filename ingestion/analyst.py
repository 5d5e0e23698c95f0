"""Analysts' SQL: one read-only, sandboxed DuckDB connection (an I/O edge).

``newsdw sql`` and ``newsdw analyses`` run SQL that people type or paste. Opening the
database read-only stops writes to its tables, but not to files: ``COPY … TO``,
``EXPORT DATABASE``, ``ATTACH`` or ``INSTALL`` write elsewhere, and ``read_csv`` reads
any file (``/etc/passwd``). So ``connect_readonly``:

1. opens the published database read-only;
2. allows file access only to the folder it was published in (``allowed_directories``),
   where views over Parquet files find their data, then turns external access off
   (``enable_external_access = false``: every other path, extension loading and network
   access are refused) and locks the configuration (``lock_configuration = true``), so
   the query cannot ``SET`` any of it back. DuckDB refuses ``allowed_directories`` in the
   connect-time config once external access is off, so both are set on the live
   connection in that order;
3. and ``run_readonly`` accepts only statements that read (``SELECT`` and its forms such
   as ``SHOW``, ``DESCRIBE``, ``SUMMARIZE``; ``EXPLAIN``; ``PRAGMA``; ``CALL``), checked with
   DuckDB's own parser, because the allowed folder would otherwise take a ``COPY … TO``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.settings import Settings

READ_STATEMENTS = frozenset({
    duckdb.StatementType.SELECT,
    duckdb.StatementType.EXPLAIN,
    duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL,
})


class RefusedQuery(ValueError):
    """A statement analysts' SQL may not run (it writes, attaches, loads or configures)."""


def _reader_path(settings: Settings) -> Path:
    from ingestion.publish import reader_path

    return reader_path(settings)


def connect_readonly(settings: Settings, database: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to ``database`` (default: what readers open) that can touch no other file.

    File access is limited to the database's folder when that folder is the analysts'
    published folder (views over the published Parquet files keep working); on the
    writer's own database (nothing published yet) only the database file itself.
    """
    path = Path(database or _reader_path(settings)).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no database to query at {path} (run the pipeline first)")
    con = duckdb.connect(str(path), read_only=True)
    try:
        if path != settings.warehouse.resolve():  # the published snapshot: its folder holds its Parquet files
            con.execute("set allowed_directories = ?", [[str(path.parent) + "/"]])
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def check_statements(sql: str) -> None:
    """Raise ``RefusedQuery`` unless every statement of ``sql`` only reads."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise RefusedQuery(f"cannot parse the query: {str(exc).splitlines()[0]}") from exc
    if not statements:
        raise RefusedQuery("no statement to run")
    for st in statements:
        if st.type not in READ_STATEMENTS:
            kind = st.type.name.lower()
            raise RefusedQuery(f"{kind} statements are not allowed: analysts' SQL only reads (select, show, describe, explain)")


def run_readonly(settings: Settings, sql: str, database: Path | None = None) -> tuple[list[str], list[tuple]]:
    """Run analysts' SQL on the sandboxed read-only connection; return column names and rows.

    Raises ``RefusedQuery`` for a statement that does not only read, and ``duckdb.Error``
    (a ``PermissionException`` for a file outside the allowed folder) from DuckDB.
    """
    check_statements(sql)
    con = connect_readonly(settings, database)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


def one_line_error(exc: BaseException) -> str:
    """The first line of an error, for the terminal (DuckDB's messages carry context lines)."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
