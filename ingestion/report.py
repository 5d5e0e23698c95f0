"""Run summary: is the day's load trustworthy, and if not, what is wrong and where (an I/O edge).

Layout under ``<reports>`` (``NEWSDW_REPORTS``)::

    index.html                 every run, newest first: verdict, what failed (links), counts, trend chart
    runs/<YYYY-MM-DD>.json     the run summary (the record; ``summarise`` documents its keys)
    runs/<YYYY-MM-DD>.html     the same summary for people (rendered by ``ingestion.report_html``)
    data_docs/                 the Great Expectations site (written by the checkpoint, bounded history)

The verdict is ``passed``, ``warnings`` or ``failed``. A run fails when a pipeline step did
not complete (no discover manifest, a parse, load, dbt or validate task failed) or a
critical expectation failed; warnings (failed warning-severity expectations, dbt warnings,
unreadable sidecars) leave it ``warnings``. Links are relative: from a run page into
``../data_docs/validations/<suite>/<run date>/<run time>/<batch>.html`` for each failure.

Run pages are views of their JSON: whenever the index is rebuilt, the pages of earlier runs
are re-rendered too, so a link to a Data Docs result that the bounded history pruned shows
as "pruned" rather than as a dead link.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ingestion.files import atomic_write_text
from ingestion.records import TABLES
from ingestion.settings import Settings

SUMMARY_VERSION = 2
MART_TABLES = ("marts.fct_articles", "marts.fct_activities", "marts.fct_metrics")
# outcome key → the DAG task that produces it
STEPS = (("loaded", "load"), ("built", "dbt_build"), ("validated", "validate"))


# ------------------------------------------------------------------ pure core
def summarise(
    run_date: date,
    manifest: dict[str, Any] | None,
    outcome: dict[str, Any],
    counts: dict[str, int | None],
    quarantine: list[dict[str, Any]],
    data_docs: str | None = None,
) -> dict[str, Any]:
    """The run summary as plain data.

    ``manifest`` is the discover manifest (None when discover did not write one); ``outcome``
    holds the tasks' return values (``parsed`` list, ``loaded``, ``built``, and ``validated``:
    the checkpoint's full summary; None for a task that did not complete); ``counts`` the rows of the run date per table;
    ``quarantine`` the run date's ``raw.quarantine`` rows; ``data_docs`` the Data Docs index
    relative to the reports folder.

    Keys: ``version``, ``run_date``, ``verdict``, ``headline`` (one sentence), ``reasons`` and
    ``warnings`` (one line each, for the terminal), ``step_problems`` and ``pipeline_warnings``
    (the lines that are not failed expectations), ``files`` (found,
    parsed, quarantined, duplicates), ``loaded_pages``, ``manifest_found``, ``quarantine``,
    ``duplicates``, ``rows`` (table → rows of the run date), ``volume`` (pages and articles
    with their learned band), ``dbt``, ``expectations`` (success, evaluated, passed,
    failed_critical, failed_warning), ``critical_failures`` and ``expectation_warnings``
    (failed expectations with ``docs_page``, relative to the Data Docs root), ``suites`` (per
    suite: counts, ``docs_page`` and every expectation's outcome), ``data_docs``, ``written_at``.
    """
    manifest_found = manifest is not None
    manifest = manifest or {}
    parsed = [p for p in outcome.get("parsed") or [] if p]
    validated = outcome.get("validated") or {}
    built = outcome.get("built") or {}

    step_problems: list[str] = []
    if not manifest_found:
        step_problems.append("discover: no manifest for this date (the discover step did not run or failed)")
    expected_parses = len(manifest.get("to_parse", []))
    if "parsed" in outcome and len(parsed) < expected_parses:
        step_problems.append(f"parse: {expected_parses - len(parsed)} of {expected_parses} file(s) have no result (task failed)")
    for key, task in STEPS:
        if outcome.get(key) is None:
            step_problems.append(f"{task}: did not complete (see the task's log in Airflow)")

    critical = list(validated.get("critical_failures", []))
    expectation_warnings = list(validated.get("warnings", []))
    reasons = step_problems + [_one_line(f) for f in critical] + [f"dbt: {f}" for f in built.get("failures", [])]
    pipeline_warnings = [f"dbt: {w}" for w in built.get("warnings", [])] + [
        f"discover: {w}" for w in manifest.get("warnings", [])
    ]
    warnings = [_one_line(w) for w in expectation_warnings] + pipeline_warnings
    verdict = "failed" if reasons else ("warnings" if warnings else "passed")

    if not quarantine:  # nothing loaded: fall back to what the tasks reported
        quarantine = [
            {"file_name": p.get("file_name"), "stage": p.get("stage"), "error_type": None,
             "error_message": p.get("error"), "raw_path": None}
            for p in parsed if p.get("status") == "quarantined"
        ] + [
            {"file_name": q.get("file_name"), "stage": q.get("stage"), "error_type": q.get("error_type"),
             "error_message": q.get("error"), "raw_path": None}
            for q in manifest.get("quarantined", [])
        ]
    duplicates = manifest.get("duplicates", [])
    results = validated.get("results", [])
    failed_critical = sum(r.get("failed_critical", 0) for r in results)
    failed_warning = sum(r.get("failed_warning", 0) for r in results)
    expectations = None
    if validated:
        expectations = {
            "success": validated.get("success"),
            "evaluated": validated.get("evaluated"),
            "passed": validated.get("passed"),
            "failed_critical": failed_critical,
            "failed_warning": failed_warning,
        }
    return {
        "version": SUMMARY_VERSION,
        "run_date": run_date.isoformat(),
        "verdict": verdict,
        "headline": _headline(verdict, step_problems, critical, len(warnings), expectations),
        "reasons": reasons,
        "warnings": warnings,
        "step_problems": step_problems,
        "pipeline_warnings": pipeline_warnings,
        "files": {
            "found": manifest.get("files_found", 0),
            "parsed": sum(1 for p in parsed if p.get("status") == "parsed"),
            "quarantined": len(quarantine),
            "duplicates": len(duplicates),
        },
        "loaded_pages": counts.get("raw.pages"),
        "manifest_found": manifest_found,
        "quarantine": quarantine,
        "duplicates": duplicates,
        "rows": counts,
        "volume": _volume(validated.get("parameters") or {}, counts),
        "dbt": {k: built.get(k) for k in ("success", "models", "tests", "elapsed_s")} if built else None,
        "expectations": expectations,
        "critical_failures": critical,
        "expectation_warnings": expectation_warnings,
        "suites": [{k: v for k, v in r.items() if k != "docs_url"} for r in results],
        "data_docs": data_docs,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _one_line(failure: dict[str, Any]) -> str:
    column = f" on {failure['column']}" if failure.get("column") else ""
    return f"{failure.get('severity')}: {failure.get('table')}: {failure.get('expectation')}{column}: {failure.get('description')}"


def _headline(verdict: str, steps: list[str], critical: list[dict], warnings: int, expectations: dict | None) -> str:
    if verdict == "failed":
        what = []
        if steps:
            what.append(f"{len(steps)} pipeline step problem{'s' if len(steps) != 1 else ''}")
        if critical:
            what.append(f"{len(critical)} critical expectation{'s' if len(critical) != 1 else ''} failed")
        tail = f"; plus {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
        return f"Not trustworthy: {', '.join(what) or 'a step failed'}{tail}."
    evaluated = (expectations or {}).get("evaluated") or 0
    if verdict == "warnings":
        return f"Trustworthy, with {warnings} warning{'s' if warnings != 1 else ''} to look at."
    return f"Trustworthy: every step completed and all {evaluated} expectations passed."


def _volume(parameters: dict[str, dict[str, Any]], counts: dict[str, int | None]) -> dict[str, dict[str, Any]]:
    """Per table with a learned band: observed rows, band, median and history size (from suite parameters)."""
    out = {}
    for table, values in parameters.items():
        prefixes = {name.removesuffix("_history_runs") for name in values if name.endswith("_history_runs")}
        for prefix in prefixes:
            out[table] = {
                "observed": counts.get(table),
                "min": values.get(f"{prefix}_min"),
                "max": values.get(f"{prefix}_max"),
                "median": values.get(f"{prefix}_median"),
                "history_runs": values.get(f"{prefix}_history_runs"),
            }
    return out


def history_points(summaries: list[dict[str, Any]], until: str | None = None, limit: int = 30) -> list[dict[str, Any]]:
    """The chart's points: the last ``limit`` runs up to ``until`` (a run date), oldest first."""
    runs = sorted((s for s in summaries if until is None or s["run_date"] <= until), key=lambda s: s["run_date"])
    return [{"run_date": s["run_date"], "verdict": s["verdict"], "rows": s.get("rows") or {}} for s in runs[-limit:]]


# ------------------------------------------------------------------ edge: read
def _table_counts(warehouse: Path, run_date: date, validated: dict[str, Any] | None = None) -> dict[str, int | None]:
    """Rows of the run date per raw table and fact (None where the table does not exist yet).

    Facts are the core ones plus any other ``marts.*`` table the checkpoint validated.
    """
    validated_marts = [r["table"] for r in (validated or {}).get("results", []) if r["table"].startswith("marts.")]
    tables = [f"raw.{t}" for t in TABLES] + list(dict.fromkeys([*MART_TABLES, *validated_marts]))
    if not warehouse.exists():
        return dict.fromkeys(tables)
    from ingestion.warehouse import connect

    counts: dict[str, int | None] = {}
    con = connect(warehouse, read_only=True)
    try:
        for table in tables:
            try:
                counts[table] = con.execute(f"select count(*) from {table} where run_date = ?", [run_date]).fetchone()[0]
            except Exception:  # a table dbt has not built yet
                counts[table] = None
    finally:
        con.close()
    return counts


def _quarantine_rows(warehouse: Path, run_date: date) -> list[dict]:
    if not warehouse.exists():
        return []
    from ingestion.warehouse import connect

    con = connect(warehouse, read_only=True)
    try:
        cur = con.execute(
            "select file_name, stage, error_type, error_message, raw_path from raw.quarantine "
            "where run_date = ? order by file_name", [run_date])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except Exception:
        return []
    finally:
        con.close()


def _load_summaries(reports: Path) -> list[dict[str, Any]]:
    summaries = []
    for path in sorted((reports / "runs").glob("*.json")):
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(summary, dict) and "run_date" in summary and "verdict" in summary:
            summaries.append(summary)
    return summaries


def read_summary(reports: Path, run_date: date | None = None) -> dict | None:
    """The stored summary of a run date (the newest when no date is given)."""
    runs = sorted((reports / "runs").glob("*.json"))
    if run_date:
        runs = [p for p in runs if p.stem == run_date.isoformat()]
    return json.loads(runs[-1].read_text(encoding="utf-8")) if runs else None


# ------------------------------------------------------------------ edge: write
def _write(path: Path, text: str) -> None:
    """Write atomically: report tasks of concurrent runs rewrite the index and run pages."""
    atomic_write_text(path, text)


def _docs_pages(reports: Path, summaries: list[dict[str, Any]]) -> set[str]:
    """The Data Docs pages the summaries link to that still exist (keyed by path under the docs root)."""
    pages = set()
    for s in summaries:
        root = s.get("data_docs")
        if not root:
            continue
        base = reports / Path(root).parent
        for suite in s.get("suites") or []:
            page = suite.get("docs_page")
            if page and (base / page).is_file():
                pages.add(page)
    return pages


def _render_run_page(reports: Path, summary: dict[str, Any], summaries: list[dict[str, Any]], pages: set[str]) -> Path:
    from ingestion.report_html import TREND_RUNS, render_run

    runs = reports / "runs"
    docs = summary.get("data_docs")
    docs_base = None
    if docs:
        docs_base = Path(os.path.relpath(reports / Path(docs).parent, runs)).as_posix() + "/"
    target = runs / f"{summary['run_date']}.html"
    _write(target, render_run(summary, history_points(summaries, summary["run_date"], TREND_RUNS), docs_base, pages))
    return target


def write_index(reports: Path) -> Path:
    """Rebuild ``reports/index.html`` (every run, newest first) and re-render the run pages."""
    from ingestion.report_html import TREND_RUNS, render_index

    summaries = _load_summaries(reports)
    pages = _docs_pages(reports, summaries)
    for summary in summaries:
        if summary.get("version") == SUMMARY_VERSION:
            _render_run_page(reports, summary, summaries, pages)
    newest_first = sorted(summaries, key=lambda s: s["run_date"], reverse=True)
    target = reports / "index.html"
    _write(target, render_index(newest_first, history_points(summaries, None, TREND_RUNS)))
    return target


def write_run_report(settings: Settings, run_date: date, outcome: dict) -> dict:
    """Write the run's JSON and HTML summary and the index; return the verdict and the paths."""
    from ingestion.quality import load_validation, read_manifest

    reports = settings.reports
    validated = load_validation(outcome.get("validated"))
    outcome = {**outcome, "validated": validated}
    validated = validated or {}
    data_docs = None
    if validated.get("data_docs_index"):
        data_docs = Path(os.path.relpath(validated["data_docs_index"], reports)).as_posix()
    summary = summarise(
        run_date,
        read_manifest(settings, run_date),
        outcome,
        _table_counts(settings.warehouse, run_date, validated),
        _quarantine_rows(settings.warehouse, run_date),
        data_docs,
    )
    runs = reports / "runs"
    json_path = runs / f"{run_date.isoformat()}.json"
    _write(json_path, json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    index = write_index(reports)  # renders this run's page too
    html_path = runs / f"{run_date.isoformat()}.html"
    return {
        "verdict": summary["verdict"],
        "headline": summary["headline"],
        "reasons": summary["reasons"],
        "warnings": summary["warnings"],
        "json": str(json_path),
        "html": str(html_path),
        "index": str(index),
        "data_docs": str(reports / data_docs) if data_docs else None,
    }
