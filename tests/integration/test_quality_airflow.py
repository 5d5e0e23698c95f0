"""Data quality through real Airflow (``run_dag``: ``dag.test``), real dbt and real GX: two DAG runs.

A generated day with a stale edition date is a warning-only fault: the run stays green and
the summary shows the warning. A day with no files is a critical fault: the run fails, and
only after the run summary, the index and Data Docs were written.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from report.browser import dump_dom

from ingestion.airflow_runner import run_dag
from ingestion.generate import write_landing
from ingestion.settings import Settings

pytestmark = pytest.mark.integration

STALE_DAY = date(2026, 4, 6)
EMPTY_DAY = date(2026, 4, 7)
STALE_BY_DAYS = 30


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, airflow_home: Path) -> Settings:
    """One warehouse and one reports folder for both runs, so the index lists them together."""
    root = tmp_path_factory.mktemp("quality")
    return Settings.from_env(env={}, home=root / "data", reports=root / "reports", airflow_home=airflow_home)


def _summary(settings: Settings, day: date) -> dict:
    return json.loads((settings.reports / "runs" / f"{day}.json").read_text(encoding="utf-8"))


def _where(failures: list[dict]) -> list[tuple]:
    return sorted((f["table"], f["expectation"], f["column"]) for f in failures)


def test_warning_only_fault_leaves_the_run_green_and_visible(settings: Settings) -> None:
    pages = write_landing(settings.landing, days=1, start=STALE_DAY, seed=7)
    sidecar = pages[0].with_name(pages[0].name + ".meta.json")
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    meta["edition_date"] = (STALE_DAY - timedelta(days=STALE_BY_DAYS)).isoformat()  # a late delivery
    sidecar.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    proc = run_dag(settings, STALE_DAY)

    assert proc.returncode == 0, (proc.stdout or "")[-3000:] + (proc.stderr or "")[-3000:]
    summary = _summary(settings, STALE_DAY)
    assert summary["verdict"] == "warnings", summary["reasons"]
    assert summary["critical_failures"] == []
    assert summary["files"] == {"found": len(pages), "parsed": len(pages), "quarantined": 0, "duplicates": 0}
    stale = [w for w in summary["expectation_warnings"] if w["column"] == "edition_age_days"]
    assert len(stale) == 1 and stale[0]["table"] == "raw.pages"
    assert stale[0]["observed"]["partial_unexpected_list"] == [STALE_BY_DAYS]
    page = (settings.reports / "runs" / f"{STALE_DAY}.html").read_text(encoding="utf-8")
    assert "PASSED WITH WARNINGS" in page and "edition_age_days" in page
    assert (settings.reports / "data_docs" / stale[0]["docs_page"]).is_file()


def test_day_with_no_pages_fails_the_run_after_the_report_is_written(settings: Settings, tmp_path: Path) -> None:
    (settings.landing / EMPTY_DAY.isoformat()).mkdir(parents=True, exist_ok=True)  # the folder exists, empty

    proc = run_dag(settings, EMPTY_DAY)

    output = (proc.stdout or "") + (proc.stderr or "")
    assert proc.returncode != 0, output[-3000:]
    assert f"newsdw-run {EMPTY_DAY} failed" in output, output[-3000:]  # the DAG run's state, from the runner
    # the report task printed where the report is, then failed the run
    assert f"Data quality {EMPTY_DAY}: FAILED" in output and f"runs/{EMPTY_DAY}.html" in output
    summary = _summary(settings, EMPTY_DAY)
    assert summary["verdict"] == "failed"
    assert summary["step_problems"] == []  # every task ran: the data, not the pipeline, failed
    assert _where(summary["critical_failures"]) == [
        ("landing.files", "expect_table_row_count_to_be_between", None),
        ("raw.pages", "expect_table_row_count_to_be_between", None),
    ]
    for failure in summary["critical_failures"]:
        assert (settings.reports / "data_docs" / failure["docs_page"]).is_file()

    dom = dump_dom(settings.reports / "runs" / f"{EMPTY_DAY}.html", tmp_path / "profile")
    assert re.search(r'id="verdict"[^>]*>\s*FAILED\s*<', dom)
    assert "landing.files" in dom and "raw.pages" in dom and "expect_table_row_count_to_be_between" in dom
    assert "Freshness: the run date" in dom

    index = (settings.reports / "index.html").read_text(encoding="utf-8")
    assert index.index(f'href="runs/{EMPTY_DAY}.html"') < index.index(f'href="runs/{STALE_DAY}.html"')
