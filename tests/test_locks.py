"""The writer discipline: the inter-process writer lock queues, names its holder, is bounded and re-entrant."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from ingestion.locks import WriterLockTimeout, lock_path, setup_lock, writer_lock
from ingestion.warehouse import connect

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from ingestion.locks import writer_lock
    with writer_lock(Path(sys.argv[1]), "a test holder"):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _hold_in_child(warehouse, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "held"
    return child


def test_a_second_process_waits_logs_the_holder_and_gives_up_after_the_bound(tmp_path, caplog):
    warehouse = tmp_path / "warehouse.duckdb"
    child = _hold_in_child(warehouse, 30)
    try:
        caplog.set_level(logging.WARNING, logger="ingestion.locks")
        started = time.monotonic()
        with pytest.raises(WriterLockTimeout) as err, writer_lock(warehouse, "the test's load", wait_s=1.0):
            pass
        waited = time.monotonic() - started
    finally:
        child.kill()
        child.wait()
    assert 1.0 <= waited < 10
    message = str(err.value)
    assert f"PID {child.pid}" in message and "a test holder" in message and "the test's load did not start" in message
    # logged at once, naming the holder, before the bound ran out
    assert any(f"PID {child.pid}" in r.getMessage() and "waiting" in r.getMessage() for r in caplog.records)


def test_the_lock_is_taken_as_soon_as_the_holder_finishes(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    child = _hold_in_child(warehouse, 1.5)
    try:
        started = time.monotonic()
        with writer_lock(warehouse, "the next run", wait_s=30):
            waited = time.monotonic() - started
            assert "the next run" in lock_path(warehouse).read_text()
    finally:
        child.wait()
    assert 0.5 < waited < 25


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    child = _hold_in_child(warehouse, 60)
    child.kill()  # SIGKILL: no cleanup runs; the kernel drops the flock
    child.wait()
    with writer_lock(warehouse, "after a kill", wait_s=5):
        pass


def test_the_lock_is_reentrant_within_a_process(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with writer_lock(warehouse, "outer", wait_s=1), writer_lock(warehouse, "inner (publish)", wait_s=1):
        assert "outer" in lock_path(warehouse).read_text()
    # released for real afterwards: another process gets it at once
    child = _hold_in_child(warehouse, 0.1)
    child.wait()


def test_setup_lock_serialises_first_use(tmp_path):
    with setup_lock(tmp_path, "migrate", wait_s=1), pytest.raises(WriterLockTimeout):
        code = textwrap.dedent(
            f"""
            from pathlib import Path
            from ingestion.locks import setup_lock
            with setup_lock(Path({str(tmp_path)!r}), "second", wait_s=0.5):
                pass
            """
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if "WriterLockTimeout" in proc.stderr:
            raise WriterLockTimeout(proc.stderr)


def test_a_connection_held_on_the_warehouse_is_waited_for_logged_and_bounded(tmp_path, caplog):
    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    try:
        caplog.set_level(logging.WARNING, logger="ingestion.warehouse")
        started = time.monotonic()
        with pytest.raises(WriterLockTimeout) as err:
            connect(warehouse, wait_s=1.0)
        assert time.monotonic() - started < 15
    finally:
        holder.kill()
        holder.wait()
    # DuckDB's own message names the holding process
    assert str(holder.pid) in str(err.value)
    assert any("waiting for DuckDB's lock" in r.getMessage() and str(holder.pid) in r.getMessage() for r in caplog.records)
