"""Publish the warehouse to analysts as a read-only snapshot (an I/O edge).

DuckDB lets one process write a database file, and a read-only connection held by
another process (an analyst's notebook) stops every writer from opening it. So
analysts never open the warehouse: after a successful build, ``publish_snapshot``
copies it to ``<home>/analyst/warehouse.duckdb`` and analysts open that copy
read-only. The copy is atomic: the warehouse is checkpointed (the WAL folded into
the file) and copied, while this process holds the writer's lock so nothing changes
mid-copy, to a temporary file in the same folder, which ``os.replace`` then puts in
place. An analyst who has the old snapshot open keeps reading the old file (its
inode lives until they close it); the next connection sees the new one. Nothing an
analyst does can block or corrupt a load.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ingestion.settings import Settings

ANALYST_FOLDER = "analyst"
SNAPSHOT_NAME = "warehouse.duckdb"  # the file name is DuckDB's catalog name: "warehouse" in SQL


def snapshot_path(settings: Settings) -> Path:
    """Where analysts find the published snapshot."""
    return settings.home / ANALYST_FOLDER / SNAPSHOT_NAME


def reader_path(settings: Settings) -> Path:
    """The database a reader should open: the snapshot once published, else the warehouse."""
    snapshot = snapshot_path(settings)
    return snapshot if snapshot.exists() else settings.warehouse


def publish_snapshot(settings: Settings) -> Path:
    """Copy the warehouse to the analysts' snapshot atomically; return the snapshot's path."""
    import duckdb

    from ingestion.warehouse import connect

    if not settings.warehouse.exists():
        raise FileNotFoundError(f"no warehouse to publish at {settings.warehouse}")
    target = snapshot_path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Read-write on purpose: it waits for a running writer, and holding the lock keeps the
    # next one out until the copy is complete.
    con = connect(settings.warehouse)
    try:
        con.execute("checkpoint")
        fd, name = tempfile.mkstemp(prefix=".snapshot-", suffix=".duckdb.tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            shutil.copyfile(settings.warehouse, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            # Never publish a copy that does not open.
            check = duckdb.connect(str(tmp), read_only=True)
            try:
                check.execute("select count(*) from information_schema.tables").fetchone()
            finally:
                check.close()
            # A WAL beside the snapshot could only come from someone writing to it; it must
            # never be replayed onto the new file.
            target.with_name(target.name + ".wal").unlink(missing_ok=True)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    finally:
        con.close()
    return target
