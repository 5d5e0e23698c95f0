"""Run the dbt project (staging → intermediate → marts) against the warehouse.

A build works on a batch of run dates, ``run_date .. end``: the incremental models
replace the batch's rows and the models keyed otherwise (dimensions, events, analyst
marts) recompute the keys the batch touches, so a daily build costs the same at any
length of history. The batch reaches dbt as the ``NEWSDW_RUN_DATE`` and
``NEWSDW_RUN_DATE_END`` environment variables, not as ``--vars``: a var that changes
on every run makes dbt re-parse the whole project each time (~10 s), while the project
reads the variables only when executing (``macros/incremental.sql``), so partial
parsing stays valid between runs. ``NEWSDW_FULL_CHECKS`` works the same way for the
weekly full check.

dbt runs as a subprocess rather than through ``dbtRunner``: its global state, logging
setup and DuckDB connection (which holds the warehouse's file lock) live and die with
one run, and a task process can import this module cheaply. In process it is not
faster: a build costs the same CPU either way, since the importing process (an Airflow
task, the CLI) imports dbt once per build too (``benchmarks/dbt_incremental.py
--runner`` measures both).
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ingestion.files import atomic_path, atomic_write_text
from ingestion.settings import Settings

# Non-success statuses in run_results.json ("warn" is reported, not a failure).
_FAILED_STATUSES = frozenset({"error", "fail", "runtime error"})
_OUTPUT_TAIL_LINES = 60
RUN_DATE_ENV = "NEWSDW_RUN_DATE"
RUN_DATE_END_ENV = "NEWSDW_RUN_DATE_END"
FULL_CHECKS_ENV = "NEWSDW_FULL_CHECKS"
# selectors.yml: a batch build leaves out the checks of static tables; the full check runs everything.
DAILY_SELECTOR = "daily"
# ... and without the static nodes (seeds, views, tables from seeds and the gazetteer), built
# only when the project or the gazetteer changed (ingestion.warehouse.static_build_state).
DAILY_DATA_SELECTOR = "daily_data"
FULL_SELECTOR = "full_checks"
# What the docs page is generated from: the project's code, seeds and YAML.
_PROJECT_SUFFIXES = frozenset({".sql", ".yml", ".yaml", ".csv", ".md"})
_PROJECT_SKIP_DIRS = frozenset({"target", "logs", "dbt_packages"})


def _dbt_executable() -> Path:
    # The dbt installed beside this interpreter, not whichever is first on PATH.
    return Path(sys.executable).parent / "dbt"


def _dbt_dirs(settings: Settings) -> tuple[Path, Path]:
    # Target and logs live under the data home, not in the project: concurrent
    # checkouts and test runs then never share a partial-parse cache or a log.
    base = settings.home / "dbt"
    return base / "target", base / "logs"


PARTIAL_PARSE_FILE = "partial_parse.msgpack"
PARSED_PROJECT_FILE = "partial_parse.project"


def _partial_parse_for(settings: Settings, target_path: Path) -> None:
    """Drop dbt's partial-parse cache when it was written for a project in another folder.

    The cache lives in the data home and outlives a checkout: a new release deployed to
    another folder, with the same home, would otherwise be built from the old folder's
    absolute paths (dbt 1.11 reuses the cached seed paths: "No files found that match the
    pattern <old folder>/seeds/…"). The folder the cache was written for is kept beside it.
    """
    project = str(Path(settings.dbt_project).resolve())
    stamp = target_path / PARSED_PROJECT_FILE
    try:
        recorded = stamp.read_text(encoding="utf-8").strip()
    except OSError:
        recorded = None
    if recorded == project:
        return
    (target_path / PARTIAL_PARSE_FILE).unlink(missing_ok=True)
    atomic_write_text(stamp, project + "\n")


def _tail(text: str, lines: int = _OUTPUT_TAIL_LINES) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def _run_dbt(
    settings: Settings, command: list[str], env_overrides: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one dbt command against settings.dbt_project; never raises on dbt's exit code."""
    target_path, log_path = _dbt_dirs(settings)
    target_path.mkdir(parents=True, exist_ok=True)
    log_path.mkdir(parents=True, exist_ok=True)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    _partial_parse_for(settings, target_path)

    env = {**os.environ, **settings.env()}
    # The batch and the checks come from the caller only, never from the environment we inherit.
    for name in (RUN_DATE_ENV, RUN_DATE_END_ENV, FULL_CHECKS_ENV):
        env.pop(name, None)
    env.update(env_overrides or {})
    # No telemetry and no colour codes in the output we keep for errors.
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    env["DBT_USE_COLORS"] = "false"

    args = [
        str(_dbt_executable()),
        *command,
        # dbt.log at info, not debug: debug writes every statement and event of every node,
        # which cost a day's build about a sixth of its CPU; errors and node results stay.
        # The captured output is read only when dbt fails: warnings and errors are enough.
        "--log-level",
        "warn",
        "--log-level-file",
        "info",
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


def batch_env(
    run_date: datetime.date | None, end: datetime.date | None = None, *, full_checks: bool = False
) -> dict[str, str]:
    """The environment variables that give dbt the batch (``run_date .. end``) and the checks."""
    if run_date is None:
        if end is not None:
            raise ValueError("a batch end without a start: pass run_date too")
        env = {}
    else:
        end = end or run_date
        if end < run_date:
            raise ValueError(f"the batch ends ({end}) before it starts ({run_date})")
        env = {RUN_DATE_ENV: run_date.isoformat(), RUN_DATE_END_ENV: end.isoformat()}
    if full_checks:
        env[FULL_CHECKS_ENV] = "1"
    return env


def dbt_build(
    settings: Settings,
    run_date: datetime.date | None = None,
    *,
    end: datetime.date | None = None,
    full_refresh: bool = False,
    unit_tests: bool = False,
    full_checks: bool = False,
    static: bool = True,
) -> dict[str, Any]:
    """Run ``dbt build`` (seeds, models, data tests) once and summarise run_results.json.

    The batch is ``run_date .. end`` (inclusive; ``end`` defaults to ``run_date``): the
    incremental models replace those dates' rows and recompute what they touch, and the
    data tests check the rows the batch built (selector ``daily``). ``run_date=None``
    reprocesses every date (a first build or a full rebuild) and checks every table;
    ``full_refresh`` drops and rebuilds the incremental models. ``full_checks`` runs
    every data test on the whole table (selector ``full_checks``): the weekly full check.
    dbt unit tests check model logic on fixed inputs, not the data, so the pipeline skips
    them and CI (``tests/dbt``) runs them with ``unit_tests=True``. ``static=False`` leaves
    the project's static nodes out of a batch build (selector ``daily_data``): the writer
    chain passes it when the warehouse's were built from the current project and gazetteer.

    Returns ``{success, models, tests, failures, warnings, elapsed_s}``; raises
    RuntimeError with the failures and the tail of dbt's output when dbt fails.
    """
    from ingestion.publish import note_changes

    env = batch_env(run_date, end, full_checks=full_checks)
    # the snapshot's next publish must look at what this build may replace: the batch, or everything
    batch = None if run_date is None or full_refresh else [
        run_date + datetime.timedelta(days=i) for i in range(((end or run_date) - run_date).days + 1)]
    note_changes(settings, batch)
    if run_date is None or full_checks:
        selector = FULL_SELECTOR
    else:
        selector = DAILY_SELECTOR if static else DAILY_DATA_SELECTOR
    command = ["build", "--selector", selector]
    if run_date is not None and (end is None or end == run_date):
        # One date's build is ~120 small nodes whose cost is dbt's own Python, not DuckDB:
        # threads only contend for the interpreter (measured: 1 thread, less CPU, same wall).
        # A range's build keeps the profile's threads: its large queries overlap.
        command += ["--threads", "1"]
    if full_refresh:
        command.append("--full-refresh")
    if not unit_tests:
        command += ["--exclude-resource-type", "unit_test"]

    results_path = _dbt_dirs(settings)[0] / "run_results.json"
    # A run that dies before writing results must not be judged by the last run's.
    results_path.unlink(missing_ok=True)
    completed = _run_dbt(settings, command, env)

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


def models_replaced_by_date(settings: Settings) -> frozenset[str]:
    """``schema.table`` of the models a build replaces a run date at a time, from the last manifest.

    Those are the incremental ``delete+insert`` models keyed on ``run_date``: a batch build
    deletes and re-inserts its dates only (``macros/incremental.sql``), so publishing needs
    to look at no other date of them (``ingestion.publish.note_changes``). Without a
    readable manifest: none (every table is then fingerprinted whole).
    """
    try:
        manifest = json.loads((_dbt_dirs(settings)[0] / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    out = set()
    for node in manifest.get("nodes", {}).values():
        config = node.get("config") or {}
        if (node.get("resource_type") == "model" and config.get("materialized") == "incremental"
                and config.get("incremental_strategy") == "delete+insert" and config.get("unique_key") == "run_date"):
            out.add(f"{node['schema']}.{node.get('alias') or node['name']}")
    return frozenset(out)


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


def project_hash(settings: Settings) -> str:
    """sha256 over the dbt project's models, macros, tests, seeds and YAML (paths and bytes), and dbt's version."""
    digest = hashlib.sha256(importlib.metadata.version("dbt-core").encode())
    root = settings.dbt_project
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or path.suffix not in _PROJECT_SUFFIXES or _PROJECT_SKIP_DIRS & set(relative.parts):
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def dbt_docs(settings: Settings) -> Path:
    """Generate the dbt docs site (lineage, column docs) as one static page; return its path.

    ``dbt docs generate --static`` writes ``static_index.html`` with the manifest and
    catalog inlined, so the page opens from disk without a server. It is copied to
    ``<reports>/dbt_docs/index.html`` beside the run reports, with the project's hash
    (``project_hash``) in ``index.html.sha256``: while the project has not changed, the
    existing page is returned without running dbt. dbt reads the warehouse for the
    catalog, so run it in the writer pool like ``dbt_build``.
    """
    out = settings.reports / "dbt_docs" / "index.html"
    stamp = out.with_name(out.name + ".sha256")
    current = project_hash(settings)
    if out.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == current:
        return out
    page = _dbt_dirs(settings)[0] / "static_index.html"
    page.unlink(missing_ok=True)  # never publish an earlier run's page
    completed = _run_dbt(settings, ["docs", "generate", "--static"])
    if completed.returncode != 0 or not page.exists():
        raise RuntimeError(
            f"dbt docs generate failed (exit code {completed.returncode}).\n"
            f"Output tail:\n{_tail(completed.stdout + completed.stderr)}"
        )
    with atomic_path(out) as tmp:  # a reader never sees half a page
        shutil.copyfile(page, tmp)
    with atomic_path(stamp) as tmp:  # written after the page: a stamp always describes the page beside it
        tmp.write_text(current + "\n", encoding="utf-8")
    return out
