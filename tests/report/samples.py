"""Report inputs shaped like the pipeline's: a discover manifest and a checkpoint summary.

The checkpoint summary has the shape ``expectations.checkpoint.run_checkpoint`` returns (the
GX-backed tests in tests/expectations and tests/integration check the real one); building it
here keeps the report tests free of GX and fast.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ingestion.quality import manifest_path
from ingestion.settings import Settings

SUITES = {
    "landing.files": "landing_files",
    "raw.pages": "raw_pages",
    "raw.articles": "raw_articles",
    "raw.metrics": "raw_metrics",
    "marts.fct_articles": "fct_articles",
}
RUN_TIME = "20240502T061500.000000Z"

PERCENT_250 = {
    "table": "raw.metrics",
    "expectation": "expect_column_values_to_be_between",
    "column": "value",
    "observed": {"element_count": 2, "unexpected_count": 1, "unexpected_percent": 50.0, "partial_unexpected_list": [250.0]},
    "expected": {"min_value": 0, "max_value": 100},
    "severity": "critical",
    "description": "A percent that is not a change lies between 0 and 100.",
}
DUPLICATE_ARTICLE = {
    "table": "raw.articles",
    "expectation": "expect_column_values_to_be_unique",
    "column": "article_id",
    "observed": {"element_count": 5, "unexpected_count": 2, "unexpected_percent": 40.0,
                 "partial_unexpected_list": ["a2", "a2"]},
    "expected": {},
    "severity": "critical",
    "description": "Primary key `article_id` is unique in the run.",
}
NO_BYLINE = {
    "table": "raw.articles",
    "expectation": "expect_column_values_to_be_in_set",
    "column": "news_has_byline",
    "observed": {"element_count": 4, "unexpected_count": 3, "unexpected_percent": 100.0, "partial_unexpected_list": [False]},
    "expected": {"value_set": [True], "mostly": 0.5},
    "severity": "warning",
    "description": "Extraction coverage: at least 50% of news articles have a byline.",
}


def docs_page(table: str, run_date: date) -> str:
    suite = SUITES[table]
    return f"validations/{suite}/{run_date}/{RUN_TIME}/newsdw-{suite}.html"


def checkpoint_summary(run_date: date, failures: list[dict[str, Any]], data_docs: Path) -> dict[str, Any]:
    """A checkpoint summary with the given failed expectations (everything else passed)."""
    failures = [{**f, "suite": SUITES[f["table"]], "docs_page": docs_page(f["table"], run_date)} for f in failures]
    results = []
    for table, suite in SUITES.items():
        failed = [f for f in failures if f["table"] == table]
        passed = [
            {"table": table, "suite": suite, "expectation": "expect_table_columns_to_match_set", "column": None,
             "observed": None, "expected": {}, "severity": "critical", "description": "Every column is present.",
             "success": True}
        ]
        outcomes = passed + [{**{k: v for k, v in f.items() if k != "docs_page"}, "success": False} for f in failed]
        critical = sum(f["severity"] == "critical" for f in failed)
        results.append(
            {"table": table, "suite": suite, "success": not critical, "evaluated": len(outcomes),
             "passed": len(passed), "failed_critical": critical, "failed_warning": len(failed) - critical,
             "docs_page": docs_page(table, run_date), "docs_url": "file://" + str(data_docs / docs_page(table, run_date)),
             "expectations": outcomes}
        )
    critical = [f for f in failures if f["severity"] == "critical"]
    return {
        "success": not critical,
        "run_date": run_date.isoformat(),
        "run_time": "2024-05-02T06:15:00+00:00",
        "critical_failures": critical,
        "warnings": [f for f in failures if f["severity"] == "warning"],
        "evaluated": sum(r["evaluated"] for r in results),
        "passed": sum(r["passed"] for r in results),
        "data_docs_index": str(data_docs / "index.html"),
        "parameters": {"raw.pages": {"pages_min": 2, "pages_max": 8, "pages_median": 4.0, "pages_history_runs": 5}},
        "results": results,
    }


def land_run(settings: Settings, run_date: date, failures: list[dict[str, Any]], files: int = 3) -> dict[str, Any]:
    """Write what the tasks before `report` leave behind (manifest, Data Docs pages); return the outcome."""
    names = [f"p{n:02d}.txt" for n in range(1, files + 1)]
    manifest = {
        "run_date": run_date.isoformat(),
        "files_found": files,
        "to_parse": [{"file_name": n, "sha256": f"{n}-sha", "size_bytes": 100} for n in names],
        "duplicates": [],
        "quarantined": [],
        "warnings": [],
    }
    path = manifest_path(settings, run_date)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    docs = settings.reports / "data_docs"
    (docs / "index.html").parent.mkdir(parents=True, exist_ok=True)
    (docs / "index.html").write_text("<html>Data Docs</html>", encoding="utf-8")
    for table in SUITES:
        page = docs / docs_page(table, run_date)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html>{table}</html>", encoding="utf-8")
    return {
        "parsed": [{"file_name": n, "sha256": f"{n}-sha", "status": "parsed"} for n in names],
        "loaded": {"pages": files},
        "built": {"success": True, "models": 16, "tests": 98, "failures": [], "warnings": [], "elapsed_s": 6.5},
        "validated": checkpoint_summary(run_date, failures, docs),
    }
