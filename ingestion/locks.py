"""The writer discipline: one inter-process lock around every chain that writes the warehouse.

DuckDB lets one process write a database file. A date's load → dbt build → validate →
publish is one unit of writing, so every entry point (an Airflow task under the
scheduler, ``newsdw run``, ``newsdw backfill``, the tests) takes the same lock around
the whole chain: concurrent runs queue instead of failing on DuckDB's "Could not set
lock on file" or interleaving one date's load with another date's build.

The lock is an advisory ``flock`` on ``<warehouse>.lock``. The kernel releases it when
the holding process dies (a SIGKILLed task never leaves a stale lock). The holder
writes who it is (PID, host, what it runs, since when) into the file, so a waiter can
say whom it waits for. A wait is logged at once and then every ``LOG_EVERY_S`` seconds
and is bounded (``NEWSDW_LOCK_WAIT_S``, default 300 s): then ``WriterLockTimeout`` says
who holds it. The lock is re-entrant within a process (a chain calling ``publish``
that takes the lock itself does not deadlock).

``setup_lock`` serialises first-use setup (the Airflow metadata database) the same way,
and ``airflow_runs_lock`` the in-process Airflow runs of ``newsdw run`` on a SQLite
metadata database, which takes one writing process at a time.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ingestion.settings import seconds_from_env

log = logging.getLogger(__name__)

LOCK_WAIT_ENV = "NEWSDW_LOCK_WAIT_S"
DEFAULT_WAIT_S = 300.0
LOG_EVERY_S = 30.0
_POLL_S = 0.25


class WriterLockTimeout(TimeoutError):
    """The lock was not free within the bounded wait; the message names the holder."""


def lock_wait_s(env: dict[str, str] | None = None) -> float:
    """The configured bound on a lock wait, in seconds (``NEWSDW_LOCK_WAIT_S``, default 300)."""
    return seconds_from_env(LOCK_WAIT_ENV, DEFAULT_WAIT_S, env)


def lock_path(warehouse: Path) -> Path:
    """The lock file of a warehouse file: ``<warehouse>.lock`` beside it."""
    return warehouse.with_name(warehouse.name + ".lock")


def describe_holder(path: Path) -> str:
    """Who holds (or last held) the lock at ``path``, as written by the holder; '' if unknown."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(info, dict) or not info.get("pid"):
        return ""
    return f"PID {info['pid']} on {info.get('host', '?')} ({info.get('what', '?')}, since {info.get('since', '?')})"


class _Held:
    """Per-process bookkeeping for re-entrancy: path → (open file, depth)."""

    lock = threading.Lock()
    files: dict[str, list] = {}


@contextlib.contextmanager
def _flock(path: Path, what: str, wait_s: float | None, kind: str) -> Iterator[None]:
    key = str(path.resolve())
    with _Held.lock:
        held = _Held.files.get(key)
        if held is not None and held[2] == threading.get_ident():
            held[1] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _Held.lock:
                _Held.files[key][1] -= 1
        return

    bound = lock_wait_s() if wait_s is None else wait_s
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the duration of the block
    try:
        started = time.monotonic()
        next_log = started
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - started
                holder = describe_holder(path) or "another process"
                if waited >= bound:
                    raise WriterLockTimeout(
                        f"the {kind} lock {path} is still held by {holder} after {waited:.0f} s "
                        f"(bounded by {LOCK_WAIT_ENV}={bound:g}); {what} did not start"
                    ) from None
                if time.monotonic() >= next_log:
                    log.warning("waiting for the %s lock %s held by %s (%.0f s of at most %.0f s) before: %s",
                                kind, path, holder, waited, bound, what)
                    next_log = time.monotonic() + LOG_EVERY_S
                time.sleep(_POLL_S)
        if time.monotonic() - started > _POLL_S:
            log.warning("got the %s lock %s after %.1f s", kind, path, time.monotonic() - started)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "what": what,
                             "since": datetime.now(UTC).isoformat(timespec="seconds")}))
        fh.flush()
        with _Held.lock:
            _Held.files[key] = [fh, 1, threading.get_ident()]
        try:
            yield
        finally:
            with _Held.lock:
                _Held.files.pop(key, None)
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def writer_lock(warehouse: Path, what: str, wait_s: float | None = None) -> contextlib.AbstractContextManager[None]:
    """Hold the warehouse's writer lock for the block (``what`` says what for, in waiters' logs)."""
    return _flock(lock_path(warehouse), what, wait_s, "warehouse writer")


def setup_lock(folder: Path, what: str, wait_s: float | None = None) -> contextlib.AbstractContextManager[None]:
    """Hold the first-use setup lock of ``folder`` (``<folder>/.setup.lock``) for the block."""
    return _flock(folder / ".setup.lock", what, wait_s, "setup")


def airflow_runs_lock(airflow_home: Path, what: str,
                      wait_s: float | None = None) -> contextlib.AbstractContextManager[None]:
    """Hold ``<airflow_home>/.runs.lock`` for the block: one in-process Airflow run at a time on the home.

    Airflow supports one process at a time on a SQLite metadata database. Two ``dag.test``
    processes writing it together race in SQLite's busy handling (one run's ``INSERT …
    RETURNING`` of its dag run was seen to fail as a duplicate of itself), so on such a home
    ``newsdw run`` takes turns; a PostgreSQL home needs no turn.
    """
    return _flock(airflow_home / ".runs.lock", what, wait_s, "Airflow runs")
