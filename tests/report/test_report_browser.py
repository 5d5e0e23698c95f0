"""The run summary and the index as a maintainer sees them: rendered by headless Chromium."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from report.browser import dump_dom, png_size, screenshot
from report.samples import DUPLICATE_ARTICLE, NO_BYLINE, PERCENT_250, land_run

from ingestion.report import write_run_report
from ingestion.settings import Settings

DAY = date(2024, 5, 2)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs: a clean one, then one with critical failures and a warning."""
    root = tmp_path_factory.mktemp("browser")
    settings = Settings.from_env(env={}, home=root / "data", reports=root / "reports")
    write_run_report(settings, DAY - timedelta(days=1), land_run(settings, DAY - timedelta(days=1), []))
    write_run_report(settings, DAY, land_run(settings, DAY, [PERCENT_250, DUPLICATE_ARTICLE, NO_BYLINE]))
    return settings.reports


def _text(dom: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


def test_failed_run_page_renders_verdict_and_failures(reports: Path, tmp_path: Path) -> None:
    page = reports / "runs" / f"{DAY}.html"

    png = screenshot(page, tmp_path / "run.png", tmp_path / "profile")
    dom = dump_dom(page, tmp_path / "profile")

    assert png_size(png) == (1280, 2000)
    assert png.stat().st_size > 30_000  # a laid-out page, not a blank one
    assert re.search(r'id="verdict"[^>]*>\s*FAILED\s*<', dom)
    text = _text(dom)
    assert "Not trustworthy: 2 critical expectations failed; plus 1 warning." in text
    for name in ("expect_column_values_to_be_between on value", "expect_column_values_to_be_unique on article_id",
                 "expect_column_values_to_be_in_set on news_has_byline"):
        assert name in text, name
    assert "e.g. 250" in text and "<svg" in dom


def test_index_renders_each_runs_verdict(reports: Path, tmp_path: Path) -> None:
    text = _text(dump_dom(reports / "index.html", tmp_path / "profile"))

    assert f"{DAY} FAILED" in text
    assert f"{DAY - timedelta(days=1)} PASSED" in text
    assert "raw.metrics: expect_column_values_to_be_between on value" in text
