"""The bulk path for archives: many dates parsed on all cores, then one build (an I/O edge).

A daily Airflow run pays for its date only; an archive of months would still pay a dbt
build, a Great Expectations run and a publish per date. ``backfill`` instead:

1. lists the range's dates; a date without a landing folder is reported as missing and
   skipped, not failed;
2. discovers each date's files (raw copy and ledger, as the daily run does);
3. parses every file of every date in a process pool on all cores (parsing is pure and
   needs no database), a batch of one date's files per job, staged together, with a
   progress bar;
4. runs the writer chain once for the range (``pipeline.build``): each date loaded in its
   own transaction, then one dbt build, a validation per 92-day window and one publish, under the same
   writer lock as every other entry point;
5. writes a report per date (its JSON and page), and the index once.

The marts it leaves equal those left by running the same dates one by one (a test).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ingestion import chain, landing, pipeline
from ingestion.report import load_summaries, write_index
from ingestion.settings import Settings


@dataclass
class BackfillResult:
    """What a backfill did: dates run and missing, files, the chain's outcome or error, verdicts."""

    start: date
    end: date
    dates: list[date] = field(default_factory=list)
    missing: list[date] = field(default_factory=list)
    files: int = 0
    parsed: dict[str, list[dict]] = field(default_factory=dict)
    outcome: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    verdicts: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the chain completed and no date's verdict is ``failed``."""
        return self.error is None and all(v != "failed" for v in self.verdicts.values())


def _parse_batch(settings: Settings, day: date, batch: list[dict]) -> tuple[str, list[dict]]:
    return day.isoformat(), pipeline.parse_files(settings, day, batch)


class _InlineExecutor(Executor):
    """Runs each job as it is submitted (``--workers 1``): the same code path without a pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to whoever asks for the result, as a pool would
            future.set_exception(exc)
        return future


def _noop(*_: Any, **__: Any) -> None:
    return None


def backfill(
    settings: Settings,
    start: date,
    end: date,
    *,
    workers: int | None = None,
    progress: Callable[..., Any] | None = None,
) -> BackfillResult:
    """Run every date from ``start`` to ``end`` through the bulk path; return what happened.

    ``progress(stage, done, total, detail)`` is called as the work advances (the CLI draws
    bars from it). Raises nothing for a failed chain: the error is in the result and in
    every date's report.
    """
    report = progress or _noop
    result = BackfillResult(start=start, end=end)
    for day in chain.days(start, end):
        (result.dates if landing.day_folder(settings.landing, day).is_dir() else result.missing).append(day)
    if not result.dates:
        return result

    # A job is a batch of one date's files (pipeline.batches, as the daily run's parse tasks),
    # staged together. Jobs go to the pool as each date is discovered, so discovering the
    # next dates overlaps parsing the first ones.
    workers = max(1, workers or os.cpu_count() or 1)
    jobs: list[Future] = []
    with ProcessPoolExecutor(max_workers=workers) if workers > 1 else _InlineExecutor() as pool:
        for i, day in enumerate(result.dates, 1):
            result.parsed[day.isoformat()] = []
            for batch in pipeline.batches(pipeline.discover(settings, day)):
                result.files += len(batch)
                jobs.append(pool.submit(_parse_batch, settings, day, batch))
            report("discover", i, len(result.dates), day.isoformat())
        done = 0
        for job in jobs:
            day_iso, parsed = job.result()
            result.parsed[day_iso].extend(parsed)
            done += len(parsed)
            report("parse", done, result.files, parsed[-1]["file_name"])

    report("build", 0, 1, f"load {len(result.dates)} date(s), dbt build, validate, publish")
    try:
        result.outcome = chain.build(settings, result.dates[0], result.dates[-1], run_dates=result.dates,
                                        entry="newsdw backfill")
    except Exception as exc:  # recorded per date by build(); every date's report says it
        result.error = f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0]}"
    report("build", 1, 1, "done" if result.error is None else result.error)

    summaries = load_summaries(settings.reports)  # read once: each page's history comes from here
    for i, day in enumerate(result.dates, 1):
        summary = pipeline.report(settings, day, {"parsed": result.parsed[day.isoformat()]}, index=False,
                                  summaries=summaries)
        result.verdicts[day.isoformat()] = summary["verdict"]
        report("report", i, len(result.dates), day.isoformat())
    write_index(settings.reports)
    return result
