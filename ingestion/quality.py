"""Data-quality edge: validate one run date with the Great Expectations suites in ``expectations/``.

``expectations/`` is a package of the project beside ``ingestion/`` (both are in the wheel).
Importing this module is cheap; GX is imported only when ``validate`` runs.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ingestion.files import atomic_write_text
from ingestion.settings import Settings


def manifest_path(settings: Settings, run_date: date) -> Path:
    """The discover step's manifest of a run date (``<staging>/_runs/<date>/discover.json``)."""
    return settings.staging / "_runs" / run_date.isoformat() / "discover.json"


def read_manifest(settings: Settings, run_date: date) -> dict[str, Any] | None:
    """The run date's discover manifest, or None when discover has not written a readable one."""
    path = manifest_path(settings, run_date)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def validation_path(settings: Settings, run_date: date, end_date: date | None = None) -> Path:
    """Where ``validate`` keeps the checkpoint's full summary, beside the discover manifest.

    A range's summary is kept once, in its first date's folder, named after the range.
    """
    name = "validation.json" if end_date in (None, run_date) else f"validation-{run_date}..{end_date}.json"
    return settings.staging / "_runs" / run_date.isoformat() / name


def validate(settings: Settings, run_date: date, suites: tuple[str, ...] | None = None,
             end_date: date | None = None) -> dict[str, Any]:
    """Run the GX checkpoint for ``run_date`` (to ``end_date``: a range in one run) and return small metadata.

    Data Docs go to ``<reports>/data_docs``. The checkpoint's full plain-JSON summary (every
    expectation's outcome: too large for XCom) is written to ``validation_path`` and named in
    the result as ``summary_path``; ``load_validation`` reads it back. ``success`` is false
    only when a critical expectation failed. ``suites`` restricts the run to some suite
    modules (default: all of ``expectations.SUITE_MODULES``).
    """
    summary = run_checkpoint_for(settings, run_date, suites, end_date)
    path = validation_path(settings, run_date, end_date)
    atomic_write_text(path, json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    failed = summary["critical_failures"] + summary["warnings"]
    return {
        "success": summary["success"],
        "run_date": summary["run_date"],
        "run_time": summary["run_time"],
        "evaluated": summary["evaluated"],
        "passed": summary["passed"],
        "critical": len(summary["critical_failures"]),
        "warnings": len(summary["warnings"]),
        "failed": [f"{f['severity']}: {f['table']}: {f['expectation']} {f.get('column') or ''}".strip() for f in failed[:20]],
        "summary_path": str(path),
        "data_docs_index": summary["data_docs_index"],
    }


def load_validation(validated: dict[str, Any] | None) -> dict[str, Any] | None:
    """The full checkpoint summary behind ``validate``'s result (None when it is not readable)."""
    if not validated:
        return None
    if "results" in validated:  # already the full summary
        return validated
    try:
        return json.loads(Path(validated["summary_path"]).read_text(encoding="utf-8"))
    except (KeyError, OSError, ValueError):
        return None


def run_checkpoint_for(settings: Settings, run_date: date, suites: tuple[str, ...] | None = None,
                       end_date: date | None = None) -> dict[str, Any]:
    """The checkpoint's full summary for ``run_date`` (``expectations.checkpoint.run_checkpoint``)."""
    from expectations.checkpoint import run_checkpoint

    return run_checkpoint(
        settings.warehouse,
        settings.gx_root,
        settings.reports / "data_docs",
        run_date,
        suites=suites,
        end_date=end_date,
        manifests={day: read_manifest(settings, day) for day in _days(run_date, end_date or run_date)},
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
