"""The run summary, the index and the Data Docs as a maintainer sees them: rendered by headless Chromium.

Every page must work without the internet: each href and src resolves to a file that exists
or to an anchor of the page, and the Data Docs index, rendered with every host name
unresolvable, still shows its table of validation results.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pytest
from bs4 import BeautifulSoup
from report.browser import _run, dump_dom, png_size, screenshot
from report.samples import DUPLICATE_ARTICLE, NO_BYLINE, PERCENT_250, land_run

from ingestion.quality import manifest_path
from ingestion.report import write_run_report
from ingestion.settings import Settings

DAY = date(2024, 5, 2)
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND"  # no host name resolves: the page gets nothing from the network


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


def broken_links(page: Path, html: str | None = None) -> list[str]:
    """Every href, src and data-href of ``page`` that does not resolve to an existing file or an anchor in it.

    A URL with a scheme (http:, https:, file:, javascript:) counts as broken: a page must render,
    and link, from the local files alone.
    """
    soup = BeautifulSoup(page.read_text(encoding="utf-8") if html is None else html, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        for attr in ("href", "src", "data-href"):
            value = tag.get(attr)
            if value is None:
                continue
            where = f"{page.name}: <{tag.name} {attr}={value!r}>"
            if value == "javascript:void(0)":  # bootstrap-table's own controls (pages, filters): no navigation
                continue
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value):
                problems.append(f"{where}: needs the network or another scheme")
                continue
            path, _, anchor = value.partition("#")
            target = (page.parent / unquote(path)).resolve() if path else page.resolve()
            if not target.is_file():
                problems.append(f"{where}: no file {target}")
            elif anchor and target.suffix == ".html":
                target_soup = soup if target == page.resolve() else BeautifulSoup(target.read_text(encoding="utf-8"),
                                                                                  "html.parser")
                if not target_soup.find(id=anchor) and not target_soup.find(attrs={"name": anchor}):
                    problems.append(f"{where}: no anchor #{anchor} in {target.name}")
    return problems


def test_index_and_run_pages_have_no_broken_link(reports: Path) -> None:
    pages = [reports / "index.html", *sorted((reports / "runs").glob("*.html"))]
    assert len(pages) == 3
    assert [problem for page in pages for problem in broken_links(page)] == []
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert f'href="runs/{DAY}.html#f1"' in index  # the failure links are checked, anchors included


@pytest.fixture(scope="module")
def gx_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run validated by the real checkpoint (the landed-files suite), its Data Docs built, its report written."""
    from expectations.checkpoint import run_checkpoint

    root = tmp_path_factory.mktemp("gx_browser")
    settings = Settings.from_env(env={}, home=root / "data", reports=root / "reports")
    settings.home.mkdir(parents=True)
    duckdb.connect(str(settings.warehouse)).close()
    manifest = {"run_date": DAY.isoformat(), "files_found": 1, "duplicates": [], "quarantined": [], "warnings": [],
                "to_parse": [{"file_name": "p01.txt", "sha256": "ab" * 32, "size_bytes": 100}]}
    path = manifest_path(settings, DAY)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    summary = run_checkpoint(settings.warehouse, settings.gx_root, settings.reports / "data_docs", DAY,
                             manifest=manifest, suites=("landing_files",))
    outcome = {"parsed": [{"file_name": "p01.txt", "sha256": "ab" * 32, "status": "parsed"}], "loaded": {"pages": 1},
               "built": {"success": True, "models": 16, "tests": 98, "failures": [], "warnings": [], "elapsed_s": 6.5},
               "validated": summary}
    write_run_report(settings, DAY, outcome)
    return settings.reports


@pytest.mark.integration
def test_data_docs_and_the_pages_linking_to_them_work_offline(gx_reports: Path, tmp_path: Path) -> None:
    docs = gx_reports / "data_docs"
    pages = [gx_reports / "index.html", gx_reports / "runs" / f"{DAY}.html", *sorted(docs.rglob("*.html"))]
    assert any("validations" in p.parts for p in pages) and any("expectations" in p.parts for p in pages)
    assert [problem for page in pages for problem in broken_links(page)] == []
    run_page = (gx_reports / "runs" / f"{DAY}.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./data_docs/validations/landing_files/[^"]+\.html"', run_page)

    # GX builds the index table in the browser from data in the page: rendered with no network,
    # it has the run's row, linking to its validation page (bootstrap-table sets data-href).
    proc = _run(docs / "index.html", tmp_path / "profile", "--dump-dom", OFFLINE)
    dom = proc.stdout
    rows = re.findall(r'<tr[^>]*data-index="\d+"[^>]*>', dom)
    assert rows, f"the Data Docs index rendered no table rows offline:\n{proc.stderr[-2000:]}"
    assert "landing_files" in dom and "\u2714" not in dom  # the status icon is CSS, not text
    assert broken_links(docs / "index.html", dom) == []
