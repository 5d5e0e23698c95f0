"""Run summary: is the day's load trustworthy, and if not, what is wrong and where (an I/O edge).

Layout under ``<reports>`` (``NEWSDW_REPORTS``)::

    index.html                 every run, newest first: verdict, what failed (links), counts, trend chart
    runs/<YYYY-MM-DD>.json     the run summary (the record; ``summarise`` documents its keys)
    runs/<YYYY-MM-DD>.html     the same summary for people (rendered by ``ingestion.report_html``)
    runs/_index/<date>.json    the few fields of the summary that the index and the trend chart read
    data_docs/                 the Great Expectations site (written by the checkpoint, bounded history)

The verdict is ``passed``, ``warnings`` or ``failed``. A run fails when a pipeline step did
not complete (no discover manifest, a parse, load, dbt or validate task failed) or a
critical expectation failed; warnings (failed warning-severity expectations, dbt warnings,
unreadable sidecars) leave it ``warnings``. Links are relative: from a run page into
``../data_docs/validations/<suite>/<run date>/<run time>/<batch>.html`` for each failure.

Run pages are views of their JSON. A run writes its own page and the index only, and the
index reads each run's small entry under ``runs/_index/``, not its whole summary (a summary
is ~100 KB of expectation results: reading a year of them cost a run 2 s);
``rerender_pages`` re-renders every run page on request (``newsdw report --rebuild``), so
links to Data Docs results that the bounded history pruned then show as "pruned" rather
than as dead links.

The report never needs the warehouse: it is written even while another process holds the
warehouse's lock. Row counts of the raw tables come from the load step's result, quarantine
rows from the run's staged Parquet (``<staging>/quarantine/run_date=<d>/``), the files from
the discover manifest, the facts' counts from what the writer chain recorded after dbt built
(``<staging>/_runs/<date>/steps.json``). Opening the writer's file read-only would block
the next chain's writer, so the report never does.

Every landed file is accounted for: found = parsed + quarantined + duplicates + refused
(+ files whose parse task left no result, which is a step problem), and every file that was
not loaded is named with its reason (``not_loaded``).
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
    parsed, quarantined, duplicates), ``accounting`` (the same counts with ``refused`` and ``no_result``,
    the equation and whether it balances), ``loaded_pages``, ``manifest_found``, ``quarantine``, ``duplicates``, ``refused``,
    ``not_loaded`` (every file found that is not loaded: file, outcome, reason), ``encoding_notes``,
    ``rows`` (table → rows of the run date), ``volume`` (pages and articles
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
    files = _account(manifest, parsed, quarantine, "parsed" in outcome, outcome.get("loaded") is not None)
    if files["no_result"]:
        names = ", ".join(f["file_name"] for f in files["not_loaded"] if f["outcome"] == "no result")
        step_problems.append(f"parse: {files['no_result']} of {expected_parses} file(s) have no result (task failed): {names}")
    if manifest_found and not files["accounting"]["balanced"]:
        step_problems.append(f"accounting: {files['accounting']['equation']} does not balance")
    errors = outcome.get("errors") or {}
    for key, task in STEPS:
        if outcome.get(key) is None:
            reason = errors.get(key) or "did not complete (see the task's log in Airflow)"
            step_problems.append(f"{task}: {reason}")

    critical = list(validated.get("critical_failures", []))
    expectation_warnings = list(validated.get("warnings", []))
    reasons = step_problems + [_one_line(f) for f in critical] + [f"dbt: {f}" for f in built.get("failures", [])]
    pipeline_warnings = [f"dbt: {w}" for w in built.get("warnings", [])] + [
        f"discover: {w}" for w in manifest.get("warnings", [])
    ]
    warnings = [_one_line(w) for w in expectation_warnings] + pipeline_warnings
    verdict = "failed" if reasons else ("warnings" if warnings else "passed")

    quarantine = files["quarantine"]
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
        "files": {k: files[k] for k in ("found", "parsed", "quarantined", "duplicates")},
        "accounting": files["accounting"],
        "loaded_pages": counts.get("raw.pages"),
        "manifest_found": manifest_found,
        "quarantine": quarantine,
        "duplicates": duplicates,
        "refused": manifest.get("refused", []),
        "not_loaded": files["not_loaded"],
        "encoding_notes": [{"file_name": p.get("file_name"), "encoding": p.get("encoding"), "note": p["encoding_note"]}
                           for p in parsed if p.get("encoding_note")],
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


def _account(manifest: dict[str, Any], parsed: list[dict[str, Any]], staged: list[dict[str, Any]],
             parse_ran: bool, load_done: bool) -> dict[str, Any]:
    """Put every file found in one bucket and name each file that is not loaded, with its reason.

    ``staged`` are the run's quarantine rows as staged (or loaded); files the tasks reported
    as quarantined but that have no row (a row that could not be written) are added from
    the task results. A file of ``to_parse`` with no task result is ``no result``.
    """
    quarantine: list[dict[str, Any]] = []
    seen: set[str] = set()
    for q in staged:
        quarantine.append({k: q.get(k) for k in ("file_name", "stage", "error_type", "error_message", "raw_path")})
        seen.add(str(q.get("file_name")))
    reported = [
        {"file_name": p.get("file_name"), "stage": p.get("stage"), "error_type": p.get("error_type"),
         "error_message": p.get("error"), "raw_path": p.get("raw_path")}
        for p in parsed if p.get("status") == "quarantined"
    ] + [
        {"file_name": q.get("file_name"), "stage": q.get("stage"), "error_type": q.get("error_type"),
         "error_message": q.get("error"), "raw_path": q.get("raw_path")}
        for q in manifest.get("quarantined", [])
    ]
    for q in reported:
        if str(q["file_name"]) not in seen:
            quarantine.append(q)
            seen.add(str(q["file_name"]))
    quarantine.sort(key=lambda q: str(q.get("file_name")))

    duplicates = manifest.get("duplicates", [])
    refused = manifest.get("refused", [])
    results = {p.get("file_name") for p in parsed}
    parsed_ok = [p for p in parsed if p.get("status") == "parsed"]
    missing = [f["file_name"] for f in manifest.get("to_parse", []) if parse_ran and f["file_name"] not in results]
    not_loaded = [
        {"file_name": q["file_name"], "outcome": "quarantined",
         "reason": f"{q.get('stage')}: {q.get('error_type') or 'error'}: {q.get('error_message') or ''}".rstrip(": ")}
        for q in quarantine
    ] + [
        {"file_name": d["file_name"], "outcome": "duplicate", "reason": _duplicate_reason(d)} for d in duplicates
    ] + [
        {"file_name": r["file_name"], "outcome": "refused", "reason": r.get("reason", "")} for r in refused
    ] + [
        {"file_name": name, "outcome": "no result", "reason": "its parse task failed without a result (see its log)"}
        for name in missing
    ]
    if parse_ran and not load_done:
        not_loaded += [{"file_name": p.get("file_name"), "outcome": "not loaded",
                        "reason": "parsed, but the load step did not complete"} for p in parsed_ok]
    found = manifest.get("files_found", 0)
    parts = {"parsed": len(parsed_ok) if parse_ran else len(manifest.get("to_parse", [])) - len(missing),
             "quarantined": len(quarantine), "duplicates": len(duplicates), "refused": len(refused),
             "no_result": len(missing)}
    total = sum(parts.values())
    terms = " + ".join(f"{k.replace('_', ' ')} {v}" for k, v in parts.items() if v or k != "no_result")
    return {
        "found": found,
        **parts,
        "quarantine": quarantine,
        "not_loaded": not_loaded,
        "accounting": {**parts, "found": found, "balanced": total == found,
                       "equation": f"found {found} {'=' if total == found else '≠'} {terms}"},
    }


def _duplicate_reason(d: dict[str, Any]) -> str:
    if d.get("within_day"):
        return f"same bytes as {d.get('first_file_name')} of the same day: ingested once"
    return f"bytes already ingested on {d.get('first_run_date')} as {d.get('first_file_name')}"


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
def _table_counts(run_date: date, outcome: dict[str, Any], validated: dict[str, Any] | None = None) -> dict[str, int | None]:
    """Rows of the run date per raw table and fact (None where unknown), without opening the warehouse.

    Raw tables: the load step's returned counts. Facts (the core ones plus any other
    ``marts.*`` table the checkpoint validated): the counts the writer chain read right after
    dbt built (``rows``); unknown when the build did not complete.
    """
    validated_marts = [r["table"] for r in (validated or {}).get("results", []) if str(r.get("table", "")).startswith("marts.")]
    marts = list(dict.fromkeys([*MART_TABLES, *validated_marts]))
    counts: dict[str, int | None] = {f"raw.{t}": None for t in TABLES} | dict.fromkeys(marts)
    loaded = outcome.get("loaded")
    if isinstance(loaded, dict):
        for t in TABLES:
            value = loaded.get(t)
            counts[f"raw.{t}"] = value if isinstance(value, int) else None
    rows = outcome.get("rows")
    if outcome.get("built") and isinstance(rows, dict):
        for table in marts:
            value = rows.get(table)
            counts[table] = value if isinstance(value, int) else None
    return counts


def _quarantine_rows(staging_root: Path, run_date: date) -> list[dict]:
    """The run date's quarantine rows as the parse tasks staged them (no warehouse needed)."""
    import pyarrow.parquet as pq

    from ingestion.staging import staged_files

    rows: list[dict] = []
    for path in staged_files(staging_root, "quarantine", run_date):
        try:
            rows.extend(pq.read_table(path, columns=["file_name", "stage", "error_type", "error_message",
                                                     "raw_path"]).to_pylist())
        except Exception as exc:  # a damaged file must not stop the report: name it instead
            rows.append({"file_name": path.stem, "stage": "report", "error_type": type(exc).__name__,
                         "error_message": f"unreadable staged quarantine row {path.name}: {exc}", "raw_path": None})
    return sorted(rows, key=lambda r: str(r.get("file_name")))


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


# What the index and the trend chart read of a summary (``render_index``, ``history_points``).
INDEX_DIR = "_index"
_ENTRY_FIELDS = ("run_date", "version", "verdict", "headline", "critical_failures", "expectation_warnings",
                 "step_problems", "files", "rows", "data_docs")


def _entry(summary: dict[str, Any]) -> dict[str, Any]:
    return {key: summary[key] for key in _ENTRY_FIELDS if key in summary}


def _load_entries(reports: Path) -> list[dict[str, Any]]:
    """Every run's index entry (``_ENTRY_FIELDS`` of its summary), oldest first.

    An entry is written after its summary; one that is missing or older than its summary
    (written by an earlier version, or left by a run that died in between) is made again
    from the summary.
    """
    entries = []
    for path in sorted((reports / "runs").glob("*.json")):
        entry_path = path.parent / INDEX_DIR / path.name
        entry = None
        try:
            if entry_path.stat().st_mtime_ns >= path.stat().st_mtime_ns:
                entry = json.loads(entry_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entry = None
        if not (isinstance(entry, dict) and "run_date" in entry and "verdict" in entry):
            try:
                summary = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not (isinstance(summary, dict) and "run_date" in summary and "verdict" in summary):
                continue
            entry = _entry(summary)
            _write_entry(reports, entry)
        entries.append(entry)
    return entries


def _write_entry(reports: Path, entry: dict[str, Any]) -> None:
    try:
        _write(reports / "runs" / INDEX_DIR / f"{entry['run_date']}.json", json.dumps(entry, ensure_ascii=False,
                                                                                    default=str))
    except OSError:  # a read-only reports folder: the index is still rendered from the summaries
        pass


def load_summaries(reports: Path) -> dict[str, dict[str, Any]]:
    """Every run's index entry by run date (ISO): the history ``write_run_report(summaries=...)`` renders from."""
    return {s["run_date"]: s for s in _load_entries(reports)}


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


def write_index(reports: Path, run_date: date | str | None = None) -> Path:
    """Rebuild ``reports/index.html`` (every run, newest first) and render the page of ``run_date`` if given.

    Earlier runs' pages are left as they are (see ``rerender_pages``).
    """
    from ingestion.report_html import TREND_RUNS, render_index

    summaries = _load_entries(reports)
    if run_date is not None:
        wanted = run_date if isinstance(run_date, str) else run_date.isoformat()
        try:
            own = json.loads((reports / "runs" / f"{wanted}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            own = None
        if isinstance(own, dict) and own.get("version") == SUMMARY_VERSION:
            _render_run_page(reports, own, summaries, _docs_pages(reports, [own]))
    newest_first = sorted(summaries, key=lambda s: s["run_date"], reverse=True)
    target = reports / "index.html"
    _write(target, render_index(newest_first, history_points(summaries, None, TREND_RUNS)))
    return target


def rerender_pages(reports: Path) -> list[Path]:
    """Re-render every run page from its JSON (after a template change, or to mark pruned Data Docs links)."""
    summaries = _load_summaries(reports)
    pages = _docs_pages(reports, summaries)
    return [_render_run_page(reports, s, summaries, pages) for s in summaries if s.get("version") == SUMMARY_VERSION]


def write_run_report(settings: Settings, run_date: date, outcome: dict, index: bool = True,
                     summaries: dict[str, dict[str, Any]] | None = None) -> dict:
    """Write the run's JSON and HTML summary and the index; return the verdict and the paths.

    ``index=False`` writes the run's JSON and page only: a backfill writing many dates then
    calls ``write_index`` once. ``summaries`` (``load_summaries``, kept by the caller across
    dates) stands for the runs folder when rendering the page's history and is updated with
    this run: reading every summary again for each of a year's dates made reports quadratic.
    """
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
        _table_counts(run_date, outcome, validated),
        _quarantine_rows(settings.staging, run_date),
        data_docs,
    )
    runs = reports / "runs"
    json_path = runs / f"{run_date.isoformat()}.json"
    # one line: json's C encoder does not indent, and the indenting Python encoder took a third
    # of a report's time (a range's summary lists every expectation of its window)
    _write(json_path, json.dumps(summary, ensure_ascii=False, default=str))
    entry = _entry(summary)
    _write_entry(reports, entry)
    if summaries is not None:
        summaries[summary["run_date"]] = entry
    if index:
        index_path = write_index(reports, run_date)  # renders this run's page too
    else:
        history = list(summaries.values()) if summaries is not None else _load_entries(reports)
        _render_run_page(reports, summary, history, _docs_pages(reports, [summary]))
        index_path = reports / "index.html"
    html_path = runs / f"{run_date.isoformat()}.html"
    return {
        "verdict": summary["verdict"],
        "headline": summary["headline"],
        "reasons": summary["reasons"],
        "warnings": summary["warnings"],
        "json": str(json_path),
        "html": str(html_path),
        "index": str(index_path),
        "data_docs": str(reports / data_docs) if data_docs else None,
    }
