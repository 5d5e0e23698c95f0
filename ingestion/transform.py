"""Run the dbt project (staging → intermediate → marts) against the warehouse.

dbt runs as a subprocess rather than through ``dbtRunner`` so that its global
state, logging setup and DuckDB connection live and die with one run, and a
task process can import this module cheaply.

The run date reaches dbt as the ``NEWSDW_RUN_DATE`` environment variable, not as
``--vars``: a var that changes on every run makes dbt re-parse the whole project
each time (~10 s), while the project reads the variable only when executing
(``macros/incremental.sql``), so partial parsing stays valid between runs.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ingestion.files import atomic_path
from ingestion.settings import Settings

# Non-success statuses in run_results.json ("warn" is reported, not a failure).
_FAILED_STATUSES = frozenset({"error", "fail", "runtime error"})
_OUTPUT_TAIL_LINES = 60
RUN_DATE_ENV = "NEWSDW_RUN_DATE"


def _dbt_executable() -> Path:
    # The dbt installed beside this interpreter, not whichever is first on PATH.
    return Path(sys.executable).parent / "dbt"


def _dbt_dirs(settings: Settings) -> tuple[Path, Path]:
    # Target and logs live under the data home, not in the project: concurrent
    # checkouts and test runs then never share a partial-parse cache or a log.
    base = settings.home / "dbt"
    return base / "target", base / "logs"


def _tail(text: str, lines: int = _OUTPUT_TAIL_LINES) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def _run_dbt(
    settings: Settings, command: list[str], run_date: datetime.date | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one dbt command against settings.dbt_project; never raises on dbt's exit code."""
    target_path, log_path = _dbt_dirs(settings)
    target_path.mkdir(parents=True, exist_ok=True)
    log_path.mkdir(parents=True, exist_ok=True)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)

    env = {**os.environ, **settings.env()}
    # Incremental marts replace only this date's rows; without it they reprocess every date.
    env.pop(RUN_DATE_ENV, None)
    if run_date is not None:
        env[RUN_DATE_ENV] = run_date.isoformat()
    # No telemetry and no colour codes in the output we keep for errors.
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    env["DBT_USE_COLORS"] = "false"

    args = [
        str(_dbt_executable()),
        *command,
        "--project-dir",
        str(settings.dbt_project),
        "--profiles-dir",
        str(settings.dbt_project),
        "--target-path",
        str(target_path),
        "--log-path",
        str(log_path),
    ]
    return subprocess.run(
        args,
        cwd=settings.dbt_project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _summarise(run_results: dict[str, Any]) -> dict[str, Any]:
    results = run_results.get("results", [])
    failures = [
        f"{r['unique_id']}: {(r.get('message') or r['status']).strip()}"
        for r in results
        if r.get("status") in _FAILED_STATUSES
    ]
    warnings = [
        f"{r['unique_id']}: {(r.get('message') or r['status']).strip()}" for r in results if r.get("status") == "warn"
    ]
    return {
        "success": not failures,
        "models": sum(1 for r in results if r["unique_id"].startswith("model.")),
        "tests": sum(1 for r in results if r["unique_id"].startswith(("test.", "unit_test."))),
        "failures": failures,
        "warnings": warnings,
        "elapsed_s": round(float(run_results.get("elapsed_time", 0.0)), 3),
    }


def dbt_build(
    settings: Settings,
    run_date: datetime.date | None = None,
    *,
    full_refresh: bool = False,
    unit_tests: bool = False,
) -> dict[str, Any]:
    """Run ``dbt build`` (seeds, models, data tests) and summarise run_results.json.

    With ``run_date`` the incremental facts replace that date's rows only; without it
    they reprocess every date; ``full_refresh`` rebuilds them from scratch. dbt unit
    tests check model logic on fixed inputs, not the data, so the pipeline skips them
    and CI (``tests/dbt``) runs them with ``unit_tests=True``.

    Returns ``{success, models, tests, failures, warnings, elapsed_s}``; raises
    RuntimeError with the failures and the tail of dbt's output when dbt fails.
    """
    command = ["build"]
    if full_refresh:
        command.append("--full-refresh")
    if not unit_tests:
        command += ["--exclude-resource-type", "unit_test"]

    results_path = _dbt_dirs(settings)[0] / "run_results.json"
    # A run that dies before writing results must not be judged by the last run's.
    results_path.unlink(missing_ok=True)
    completed = _run_dbt(settings, command, run_date)

    summary: dict[str, Any] | None = None
    if results_path.exists():
        summary = _summarise(json.loads(results_path.read_text(encoding="utf-8")))

    if completed.returncode != 0 or summary is None or not summary["success"]:
        failures = "\n".join(summary["failures"]) if summary else "(no run_results.json)"
        raise RuntimeError(
            f"dbt build failed (exit code {completed.returncode}).\n"
            f"Failures:\n{failures}\n"
            f"Output tail:\n{_tail(completed.stdout + completed.stderr)}"
        )
    return summary


def dbt_parse(settings: Settings) -> Path:
    """Run ``dbt parse`` and return the path of the manifest.json it wrote."""
    completed = _run_dbt(settings, ["parse"])
    manifest = _dbt_dirs(settings)[0] / "manifest.json"
    if completed.returncode != 0 or not manifest.exists():
        raise RuntimeError(
            f"dbt parse failed (exit code {completed.returncode}).\n"
            f"Output tail:\n{_tail(completed.stdout + completed.stderr)}"
        )
    return manifest


def dbt_docs(settings: Settings) -> Path:
    """Generate the dbt docs site (lineage, column docs) as one static page; return its path.

    ``dbt docs generate --static`` writes ``static_index.html`` with the manifest and
    catalog inlined, so the page opens from disk without a server. It is copied to
    ``<reports>/dbt_docs/index.html`` beside the run reports. dbt reads the warehouse
    for the catalog, so run it in the writer pool like ``dbt_build``.
    """
    page = _dbt_dirs(settings)[0] / "static_index.html"
    page.unlink(missing_ok=True)  # never publish an earlier run's page
    completed = _run_dbt(settings, ["docs", "generate", "--static"])
    if completed.returncode != 0 or not page.exists():
        raise RuntimeError(
            f"dbt docs generate failed (exit code {completed.returncode}).\n"
            f"Output tail:\n{_tail(completed.stdout + completed.stderr)}"
        )
    out = settings.reports / "dbt_docs" / "index.html"
    with atomic_path(out) as tmp:  # a reader never sees half a page
        shutil.copyfile(page, tmp)
    return out
