"""The writer chain: load → dbt build → validate → publish, one unit of writing (an I/O edge).

DuckDB lets one process write a database file. A date's load, build, validation and
publish belong together: another date's load between them would be built or validated
under the wrong date. So the whole chain holds the warehouse's inter-process writer lock
(``ingestion.locks``), and every entry point runs the chain through ``build``: the DAG's
``warehouse`` task, ``newsdw run`` (which runs the DAG), ``newsdw backfill`` and the tests.

Each step's result, or its error, is recorded per run date in
``<staging>/_runs/<date>/steps.json`` before the next step starts, so the report can say
which step failed and why even when the task that ran the chain died.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ingestion.files import atomic_write_text
from ingestion.settings import Settings, seconds_from_env

STEPS = ("loaded", "built", "validated", "published")
STEP_NAMES = {"loaded": "load", "built": "dbt build", "validated": "validate", "published": "publish"}


def days(start: date, end: date | None = None) -> list[date]:
    """Every date from ``start`` to ``end`` (inclusive; default: ``start`` alone)."""
    end = end or start
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _steps_path(settings: Settings, run_date: date) -> Path:
    return settings.staging / "_runs" / run_date.isoformat() / "steps.json"


def read_steps(settings: Settings, run_date: date) -> dict[str, Any]:
    """The recorded steps of a run date: ``loaded``, ``built``, ``validated``, ``published``, ``errors``."""
    try:
        steps = json.loads(_steps_path(settings, run_date).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return steps if isinstance(steps, dict) else {}


def record_step(settings: Settings, run_dates: list[date], key: str, value: Any = None, error: str | None = None) -> None:
    """Record a step's result (or its error) in each run date's ``steps.json``."""
    for day in run_dates:
        steps = read_steps(settings, day)
        steps[key] = value
        errors = steps.setdefault("errors", {})
        errors.pop(key, None)
        if error:
            errors[key] = error
        atomic_write_text(_steps_path(settings, day), json.dumps(steps, ensure_ascii=False, indent=1, default=str))


def clear_steps(settings: Settings, run_dates: list[date]) -> None:
    """Forget the recorded steps of these dates (a new run of them starts)."""
    for day in run_dates:
        _steps_path(settings, day).unlink(missing_ok=True)


def one_line(exc: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first}"[:500]


def build(settings: Settings, start: date, end: date | None = None, *, run_dates: list[date] | None = None,
          entry: str = "newsdw") -> dict[str, Any]:
    """Run the chain for run dates ``start``..``end`` under the writer lock; return each step's result.

    Each date of ``run_dates`` (default: every date of the range; a backfill leaves out dates
    without a landing folder, so their rows are not replaced by nothing) is loaded in its own
    transaction; then one dbt build, one Great Expectations validation and one publish run
    over the range. A failed step raises after its error is recorded.
    """
    from ingestion.locks import writer_lock
    from ingestion.publish import note_changes
    from ingestion.transform import dbt_build, project_hash
    from ingestion.warehouse import load_runs, mart_counts, record_static_build, static_build_state

    end = end or start
    run_dates = run_dates or days(start, end)
    label = start.isoformat() if end == start else f"{start}..{end}"
    clear_steps(settings, run_dates)
    outcome: dict[str, Any] = {}

    def step(key: str, fn: Callable[[], Any], per_date: bool = False) -> None:
        try:
            value = fn()
        except Exception as exc:
            record_step(settings, run_dates, key, None, one_line(exc))
            raise
        for day in run_dates:
            record_step(settings, [day], key, value.get(day.isoformat(), {}) if per_date else value)
        outcome[key] = value

    with writer_lock(settings.warehouse, f"{entry}: load, build, validate and publish {label}"):
        note_changes(settings, run_dates)  # before the load replaces them: the publish looks at these dates
        step("loaded", lambda: load_runs(settings.warehouse, settings.staging, run_dates), per_date=True)
        # dbt opens the file itself and fails at once on a lock held outside the pipeline
        # (an analyst on the writer's file): static_build_state waits for that, logged and bounded.
        fingerprint, static_built = static_build_state(settings.warehouse, project_hash(settings))
        step("built", lambda: dbt_build(settings, start, end=end, static=not static_built))
        if not static_built:
            record_static_build(settings.warehouse, fingerprint)
        # the report's fact counts, read here under the lock: the report never opens this file
        for day, rows in mart_counts(settings.warehouse, run_dates).items():
            record_step(settings, [date.fromisoformat(day)], "rows", rows)
        validate_and_publish(settings, run_dates, start, end, step)
    return outcome


def validate_and_publish(settings: Settings, run_dates: list[date], start: date, end: date,
                         step: Callable[..., None]) -> None:
    """Validate the range and publish the analysts' snapshot side by side, then the dbt docs.

    Both only read the warehouse (the caller holds the writer lock): Great Expectations is
    Python on one core, the snapshot mostly DuckDB's ``COPY`` on native threads, so together
    they take about the longer of the two (a year's backfill: 40 s and 28 s one after the
    other). A range validates in a spawned process, so that its frames (up to a 92-day
    window) and the snapshot's DuckDB memory are not one process's peak; one date, whose
    frames are small, validates in a thread and saves the child's imports. The snapshot is
    published whatever the validation finds, as before; the dbt docs (``dbt docs generate``,
    another process that opens the warehouse) wait until the validation is done. Each
    outcome is recorded through ``step``, the validation's first: an error of either is
    raised after both are recorded.
    """
    import multiprocessing
    from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

    from ingestion.publish import publish_snapshot
    from ingestion.transform import dbt_docs, models_replaced_by_date
    from ingestion.warehouse_schema import TABLES

    stats: dict[str, Any] = {}
    snapshot: Path | None = None
    snapshot_error: Exception | None = None
    validation_error: Exception | None = None
    pool: Executor = (
        ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        if len(run_dates) > 1
        else ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdw-validate")
    )
    with pool:
        validating = pool.submit(validate_range, settings, run_dates, start, end)
        try:
            # the raw tables (the load replaces a date whole) and the dbt models keyed on run_date
            replaced = {f"raw.{table}" for table in TABLES} | models_replaced_by_date(settings)
            snapshot = publish_snapshot(settings, stats, replaced_by_date=replaced)
        except Exception as exc:  # recorded below, after the validation's outcome
            snapshot_error = exc
        try:
            step("validated", validating.result, per_date=True)
        except Exception as exc:  # raised after the snapshot's outcome is recorded too
            validation_error = exc

    def published() -> dict[str, Any]:
        if snapshot_error is not None:
            raise snapshot_error
        return {"snapshot": str(snapshot), **stats, "dbt_docs": str(dbt_docs(settings))}

    step("published", published)
    if validation_error is not None:
        raise validation_error


VALIDATE_DAYS_ENV = "NEWSDW_VALIDATE_DAYS"
DEFAULT_VALIDATE_DAYS = 92


def validate_range(settings: Settings, run_dates: list[date], start: date, end: date) -> dict[str, Any]:
    """Validate ``start``..``end`` in runs of at most ``NEWSDW_VALIDATE_DAYS`` days (default 92); result per date.

    One checkpoint run per window, not per date: most of a run's cost is fixed (GX evaluates
    ~360 expectations over 12 tables whatever the rows; measured on the generated year,
    30 days 8.2 s of CPU, 91 days 13.4 s), and not one for the whole range: a year's frames
    at once took 2.1 GB (91 days: 0.9 GB). A window's verdict is its own, so a failing date
    fails its quarter, not the year. A window without a run date to validate is skipped.
    """
    from ingestion.quality import validate

    size = max(1, int(seconds_from_env(VALIDATE_DAYS_ENV, DEFAULT_VALIDATE_DAYS)))
    wanted = set(run_dates)
    calendar = days(start, end)
    out: dict[str, Any] = {}
    for i in range(0, len(calendar), size):
        window = [d for d in calendar[i:i + size] if d in wanted]
        if window:
            result = validate(settings, window[0], end_date=window[-1])
            out |= {d.isoformat(): result for d in window}
    return out


def with_recorded_steps(settings: Settings, run_date: date, outcome: dict[str, Any]) -> dict[str, Any]:
    """``outcome`` completed from the run date's recorded steps, with an error line per missing step.

    A step missing from ``outcome`` (its task failed and returned nothing) is taken from the
    record; the steps after the one that failed are marked as not run, not as "did not complete".
    """
    steps = read_steps(settings, run_date)
    merged = dict(outcome)
    for key in (*STEPS, "rows"):
        if merged.get(key) is None and steps.get(key) is not None:
            merged[key] = steps[key]
    errors = {**steps.get("errors", {}), **(outcome.get("errors") or {})}
    failed = [key for key in STEPS if key in errors]
    if failed:
        for key in STEPS[STEPS.index(failed[0]) + 1:]:
            if merged.get(key) is None:
                errors.setdefault(key, f"not run: the {STEP_NAMES[failed[0]]} step failed before it")
    merged["errors"] = errors
    return merged


def full_check(settings: Settings, run_date: date | None = None, *, rebuild: bool = False) -> dict[str, Any]:
    """The weekly full check: every dbt data test on whole tables, under the writer lock.

    The daily build tests only the rows its batch built; this runs every test on every row
    (dbt selector ``full_checks``) while rebuilding one date's batch (``run_date``, default
    the newest loaded run date), so it costs the tests' scans, not a rebuild of history.
    ``rebuild`` drops and rebuilds every model from all dates first (``--full-refresh``): once
    after upgrading a warehouse built by an older project, or after a change of the
    gazetteer, the seeds or the activity merge window, which every date depends on.
    """
    from ingestion.locks import writer_lock
    from ingestion.transform import dbt_build
    from ingestion.warehouse import connect

    with writer_lock(settings.warehouse, "newsdw check: every dbt test on whole tables"):
        if rebuild:
            return dbt_build(settings, None, full_refresh=True, full_checks=True)
        if run_date is None:
            con = connect(settings.warehouse, read_only=True)
            try:
                run_date = con.execute("select max(run_date) from raw.pages").fetchone()[0]
            finally:
                con.close()
        if run_date is None:
            raise ValueError(f"nothing loaded in {settings.warehouse} yet: run a date first")
        return dbt_build(settings, run_date, full_checks=True)
