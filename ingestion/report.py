"""Run summary: what came in, what was loaded, what failed, and where to look (an I/O edge).

Writes ``reports/runs/<date>.json`` and ``.html`` and rebuilds ``reports/index.html``.
The verdict is ``passed``, ``warnings`` or ``failed``; a run fails when a pipeline
step failed or a critical expectation failed.
"""

from __future__ import annotations

import html
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

from ingestion.records import TABLES
from ingestion.settings import Settings

MART_TABLES = ("marts.fct_articles", "marts.fct_activities", "marts.fct_metrics")


def _table_counts(warehouse: Path, run_date: date) -> dict[str, int | None]:
    """Rows of the run date per raw table and fact (None where the table does not exist yet)."""
    if not warehouse.exists():
        return {}
    from ingestion.warehouse import connect

    counts: dict[str, int | None] = {}
    con = connect(warehouse, read_only=True)
    try:
        for table in [f"raw.{t}" for t in TABLES] + list(MART_TABLES):
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


def summarise(run_date: date, discovered: dict, outcome: dict, counts: dict, quarantine: list[dict]) -> dict:
    """The run summary as plain data (pure)."""
    reasons: list[str] = []
    warnings: list[str] = []
    for step in ("loaded", "built", "validated"):
        if outcome.get(step) is None:
            reasons.append(f"step '{step.removesuffix('ed').removesuffix('d')}' did not complete")
    validated = outcome.get("validated") or {}
    for failure in validated.get("critical_failures", []):
        reasons.append(f"critical: {failure.get('table')}: {failure.get('expectation')} {failure.get('column') or ''}".strip())
    for w in validated.get("warnings", []):
        warnings.append(f"warning: {w.get('table')}: {w.get('expectation')} {w.get('column') or ''}".strip())
    built = outcome.get("built") or {}
    for failure in built.get("failures", []):
        reasons.append(f"dbt: {failure}")
    if quarantine:
        warnings.append(f"{len(quarantine)} file(s) quarantined")
    if discovered.get("duplicates"):
        warnings.append(f"{len(discovered['duplicates'])} file(s) already ingested on another date")
    if not discovered.get("files_found"):
        warnings.append("no files landed for this date")
    verdict = "failed" if reasons else ("warnings" if warnings else "passed")
    parsed = outcome.get("parsed") or []
    return {
        "run_date": run_date.isoformat(),
        "verdict": verdict,
        "reasons": reasons,
        "warnings": warnings,
        "files": {
            "found": discovered.get("files_found", 0),
            "parsed": sum(1 for p in parsed if p.get("status") == "parsed"),
            "quarantined": len(quarantine),
            "duplicates": len(discovered.get("duplicates", [])),
        },
        "quarantine": quarantine,
        "duplicates": discovered.get("duplicates", []),
        "rows": counts,
        "dbt": {k: built.get(k) for k in ("success", "models", "tests", "elapsed_s")} if built else None,
        "expectations": {k: validated.get(k) for k in ("success", "evaluated", "passed")} if validated else None,
        "critical_failures": validated.get("critical_failures", []),
        "expectation_warnings": validated.get("warnings", []),
        "data_docs": validated.get("data_docs_index"),
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def render_html(summary: dict, reports: Path) -> str:
    """A self-contained HTML page for one run (pure)."""
    colour = {"passed": "#1a7f37", "warnings": "#9a6700", "failed": "#cf222e"}[summary["verdict"]]
    docs = summary.get("data_docs")
    docs_link = os.path.relpath(docs, reports / "runs") if docs else None
    rows = "".join(f"<tr><td>{_esc(t)}</td><td>{_esc(n)}</td></tr>" for t, n in summary["rows"].items())
    fails = "".join(
        f"<tr><td>{_esc(f.get('table'))}</td><td>{_esc(f.get('expectation'))}</td><td>{_esc(f.get('column'))}</td>"
        f"<td>{_esc(f.get('observed'))}</td><td>{_esc(f.get('severity'))}</td></tr>"
        for f in summary["critical_failures"] + summary["expectation_warnings"]
    )
    quarantine = "".join(
        f"<tr><td>{_esc(q['file_name'])}</td><td>{_esc(q['stage'])}</td><td>{_esc(q['error_type'])}</td>"
        f"<td>{_esc(q['error_message'])}</td></tr>" for q in summary["quarantine"]
    )
    items = "".join(f"<li>{_esc(r)}</li>" for r in summary["reasons"] + summary["warnings"])
    files = summary["files"]
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>newsdw run {summary['run_date']}: {summary['verdict']}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:70em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:left}}.verdict{{color:#fff;background:{colour};padding:.2em .6em}}</style>
</head><body>
<h1>Run {summary['run_date']} <span class="verdict" id="verdict">{summary['verdict'].upper()}</span></h1>
<ul>{items or '<li>nothing to report</li>'}</ul>
<h2>Files</h2><p>found {files['found']} · parsed {files['parsed']} · quarantined {files['quarantined']} · duplicates {files['duplicates']}</p>
<h2>Expectations</h2>
<p>{'<a href="' + _esc(docs_link) + '">Great Expectations Data Docs</a>' if docs_link else 'not run'}</p>
<table><tr><th>table</th><th>expectation</th><th>column</th><th>observed</th><th>severity</th></tr>{fails or '<tr><td colspan=5>all passed</td></tr>'}</table>
<h2>Quarantine</h2>
<table><tr><th>file</th><th>stage</th><th>error</th><th>message</th></tr>{quarantine or '<tr><td colspan=4>none</td></tr>'}</table>
<h2>Rows for this run date</h2><table><tr><th>table</th><th>rows</th></tr>{rows}</table>
<p><a href="../index.html">all runs</a></p>
</body></html>"""


def write_index(reports: Path) -> Path:
    """Rebuild ``reports/index.html``: every run, newest first, with its verdict."""
    runs = []
    for path in sorted((reports / "runs").glob("*.json"), reverse=True):
        try:
            s = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        runs.append(s)
    rows = "".join(
        f"<tr><td><a href=\"runs/{_esc(s['run_date'])}.html\">{_esc(s['run_date'])}</a></td>"
        f"<td>{_esc(s['verdict'])}</td><td>{s['files']['found']}</td><td>{s['files']['quarantined']}</td>"
        f"<td>{_esc((s.get('rows') or {}).get('raw.articles'))}</td></tr>"
        for s in runs
    )
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsdw runs</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em}}td,th{{border:1px solid #ccc;padding:.3em .6em}}table{{border-collapse:collapse}}</style>
</head><body><h1>newsdw data-quality runs</h1>
<p><a href="data_docs/index.html">Great Expectations Data Docs</a></p>
<table><tr><th>run date</th><th>verdict</th><th>files</th><th>quarantined</th><th>articles</th></tr>{rows}</table>
</body></html>"""
    target = reports / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def write_run_report(settings: Settings, run_date: date, outcome: dict) -> dict:
    """Write the run's JSON and HTML summary and the index; return paths and verdict."""
    manifest = settings.staging / "_runs" / run_date.isoformat() / "discover.json"
    discovered = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    summary = summarise(run_date, discovered, outcome, _table_counts(settings.warehouse, run_date),
                        _quarantine_rows(settings.warehouse, run_date))
    runs = settings.reports / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    json_path = runs / f"{run_date.isoformat()}.json"
    html_path = runs / f"{run_date.isoformat()}.html"
    json_path.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    html_path.write_text(render_html(summary, settings.reports), encoding="utf-8")
    index = write_index(settings.reports)
    return {"verdict": summary["verdict"], "reasons": summary["reasons"], "warnings": summary["warnings"],
            "json": str(json_path), "html": str(html_path), "index": str(index), "data_docs": summary["data_docs"]}


def read_summary(reports: Path, run_date: date | None = None) -> dict | None:
    """The stored summary of a run date (the newest when no date is given)."""
    runs = sorted((reports / "runs").glob("*.json"))
    if run_date:
        runs = [p for p in runs if p.stem == run_date.isoformat()]
    return json.loads(runs[-1].read_text(encoding="utf-8")) if runs else None
