"""Run summary and index: verdicts, what failed and where, relative links, bounded Data Docs, the CLI."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report.samples import DUPLICATE_ARTICLE, NO_BYLINE, PERCENT_250, docs_page, land_run

from ingestion import cli
from ingestion.report import history_points, summarise, write_index, write_run_report
from ingestion.report_html import format_expected, format_observed, trend_svg
from ingestion.settings import Settings

DAY = date(2024, 5, 2)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Only files: no warehouse, no Airflow, no GX."""
    return Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs_d = dict(attrs)
        if tag == "a" and attrs_d.get("href"):
            self.hrefs.append(attrs_d["href"])
        if attrs_d.get("id"):
            self.ids.add(attrs_d["id"])


def _links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _assert_links_resolve(page: Path) -> None:
    for href in _links(page).hrefs:
        assert "://" not in href, f"{page.name}: absolute link {href}"
        target, _, anchor = href.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.is_file(), f"{page.name}: {href} does not resolve"
        if anchor:
            assert anchor in _links(path).ids, f"{page.name}: {href}: no element with id {anchor}"


def _manifest(files: int = 2) -> dict:
    return {"files_found": files, "to_parse": [{"file_name": f"p{n}.txt"} for n in range(files)], "duplicates": []}


def _outcome(critical=(), warnings=()) -> dict:
    return {
        "parsed": [{"file_name": "p0.txt", "status": "parsed"}, {"file_name": "p1.txt", "status": "parsed"}],
        "loaded": {},
        "built": {"success": True},
        "validated": {"success": not critical, "evaluated": 10, "passed": 10 - len(critical) - len(warnings),
                      "critical_failures": list(critical), "warnings": list(warnings), "results": []},
    }


def test_verdict_passed_warnings_failed() -> None:
    passed = summarise(DAY, _manifest(), _outcome(), {}, [])
    warned = summarise(DAY, _manifest(), _outcome(warnings=[NO_BYLINE]), {}, [])
    failed = summarise(DAY, _manifest(), _outcome(critical=[PERCENT_250], warnings=[NO_BYLINE]), {}, [])

    assert (passed["verdict"], passed["reasons"], passed["warnings"]) == ("passed", [], [])
    assert passed["headline"] == "Trustworthy: every step completed and all 10 expectations passed."
    assert warned["verdict"] == "warnings" and warned["reasons"] == []
    assert warned["headline"] == "Trustworthy, with 1 warning to look at."
    assert failed["verdict"] == "failed"
    assert failed["headline"] == "Not trustworthy: 1 critical expectation failed; plus 1 warning."
    assert failed["reasons"] == [
        "critical: raw.metrics: expect_column_values_to_be_between on value: "
        "A percent that is not a change lies between 0 and 100."
    ]


def test_a_step_that_did_not_complete_fails_the_run() -> None:
    outcome = _outcome() | {"built": None, "validated": None}
    summary = summarise(DAY, None, outcome, {}, [])

    assert summary["verdict"] == "failed"
    assert summary["step_problems"] == [
        "discover: no manifest for this date (the discover step did not run or failed)",
        "dbt_build: did not complete (see the task's log in Airflow)",
        "validate: did not complete (see the task's log in Airflow)",
    ]
    assert summary["expectations"] is None and summary["manifest_found"] is False
    # a parse task that failed (rather than quarantining its file) is named too
    lost = summarise(DAY, _manifest(3), _outcome(), {}, [])
    assert lost["step_problems"] == ["parse: 1 of 3 file(s) have no result (task failed): p2.txt"]
    assert {"file_name": "p2.txt", "outcome": "no result",
            "reason": "its parse task failed without a result (see its log)"} in lost["not_loaded"]


def test_quarantined_duplicate_and_refused_files_are_listed_with_reasons() -> None:
    manifest = {
        "files_found": 6,
        "to_parse": [{"file_name": n} for n in ("p0.txt", "p1.txt", "scan.txt")],
        "duplicates": [
            {"file_name": "p9.txt", "sha256": "ab" * 32, "within_day": False, "first_run_date": "2024-05-01",
             "first_file_name": "p1.txt"},
            {"file_name": "p0 copy.txt", "sha256": "cd" * 32, "within_day": True, "first_run_date": DAY.isoformat(),
             "first_file_name": "p0.txt"},
        ],
        "refused": [{"file_name": "link.txt", "reason": "symbolic link to /etc/passwd, outside the landing folder"}],
    }
    outcome = _outcome()
    outcome["parsed"].append({"file_name": "scan.txt", "status": "quarantined", "stage": "decode",
                              "error_type": "DecodeError", "error": "not UTF-8"})
    summary = summarise(DAY, manifest, outcome, {"raw.pages": 2}, [])

    assert summary["files"] == {"found": 6, "parsed": 2, "quarantined": 1, "duplicates": 2}
    assert summary["accounting"] == {"found": 6, "parsed": 2, "quarantined": 1, "duplicates": 2, "refused": 1,
                                     "no_result": 0, "balanced": True,
                                     "equation": "found 6 = parsed 2 + quarantined 1 + duplicates 2 + refused 1"}
    assert summary["loaded_pages"] == 2
    assert summary["quarantine"][0]["file_name"] == "scan.txt" and summary["quarantine"][0]["stage"] == "decode"
    assert summary["not_loaded"] == [
        {"file_name": "scan.txt", "outcome": "quarantined", "reason": "decode: DecodeError: not UTF-8"},
        {"file_name": "p9.txt", "outcome": "duplicate", "reason": "bytes already ingested on 2024-05-01 as p1.txt"},
        {"file_name": "p0 copy.txt", "outcome": "duplicate", "reason": "same bytes as p0.txt of the same day: ingested once"},
        {"file_name": "link.txt", "outcome": "refused",
         "reason": "symbolic link to /etc/passwd, outside the landing folder"},
    ]
    assert summary["verdict"] == "passed"  # every file is accounted for


def test_a_file_in_no_bucket_fails_the_run() -> None:
    manifest = _manifest(2) | {"files_found": 3}
    summary = summarise(DAY, manifest, _outcome(), {}, [])
    assert summary["accounting"]["balanced"] is False
    assert "accounting: found 3 ≠ parsed 2 + quarantined 0 + duplicates 0 + refused 0 does not balance" in summary["reasons"]


def test_parsed_files_are_not_loaded_when_the_load_failed() -> None:
    summary = summarise(DAY, _manifest(), _outcome() | {"loaded": None}, {}, [])
    assert [(n["file_name"], n["outcome"]) for n in summary["not_loaded"]] == [("p0.txt", "not loaded"), ("p1.txt", "not loaded")]


def test_failed_run_report_names_each_failure_and_links_into_data_docs(settings: Settings) -> None:
    outcome = land_run(settings, DAY, [PERCENT_250, DUPLICATE_ARTICLE, NO_BYLINE])
    result = write_run_report(settings, DAY, outcome)

    assert result["verdict"] == "failed"
    summary = json.loads(Path(result["json"]).read_text(encoding="utf-8"))
    assert summary["version"] == 2 and summary["data_docs"] == "data_docs/index.html"
    assert [f["docs_page"] for f in summary["critical_failures"]] == [
        docs_page("raw.metrics", DAY),
        docs_page("raw.articles", DAY),
    ]
    assert summary["volume"]["raw.pages"] == {"observed": 3, "min": 2, "max": 8, "median": 4.0, "history_runs": 5}
    assert summary["expectations"]["failed_critical"] == 2 and summary["expectations"]["failed_warning"] == 1

    page = Path(result["html"])
    text = page.read_text(encoding="utf-8")
    assert 'id="verdict">FAILED<' in text
    for name in ("expect_column_values_to_be_between", "expect_column_values_to_be_unique", "news_has_byline"):
        assert name in text
    assert "1 row of 2 (50%), e.g. 250" in text
    # every failure links to its table's validation result page, relatively
    hrefs = _links(page).hrefs
    assert f"../data_docs/{docs_page('raw.metrics', DAY)}" in hrefs
    assert f"../data_docs/{docs_page('raw.articles', DAY)}" in hrefs
    _assert_links_resolve(page)
    _assert_links_resolve(settings.reports / "index.html")


def test_pages_are_self_contained(settings: Settings) -> None:
    write_run_report(settings, DAY, land_run(settings, DAY, [PERCENT_250]))

    for page in (settings.reports / "index.html", settings.reports / "runs" / f"{DAY}.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text
        assert "https://" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "<svg" in text  # the trend chart is inline


def test_index_lists_runs_newest_first_with_verdicts_and_links_to_each_failure(settings: Settings) -> None:
    days = [DAY - timedelta(days=2), DAY - timedelta(days=1), DAY]
    faults = [[], [NO_BYLINE], [PERCENT_250, NO_BYLINE]]
    for day, failures in zip(days, faults, strict=True):
        write_run_report(settings, day, land_run(settings, day, failures))

    index = settings.reports / "index.html"
    text = index.read_text(encoding="utf-8")
    positions = [text.index(f'href="runs/{d}.html"') for d in reversed(days)]
    assert positions == sorted(positions)  # newest first
    rows = text.split('<tr><td><a href="runs/')[1:]
    assert ["FAILED" in rows[0], "PASSED WITH WARNINGS" in rows[1], ">PASSED<" in rows[2]] == [True, True, True]
    hrefs = _links(index).hrefs
    assert f"runs/{DAY}.html#f1" in hrefs and f"runs/{DAY}.html#f2" in hrefs  # the critical failure and the warning
    _assert_links_resolve(index)


def test_results_pruned_from_data_docs_are_marked_not_linked(settings: Settings, monkeypatch) -> None:
    old, new = DAY - timedelta(days=40), DAY
    write_run_report(settings, old, land_run(settings, old, [PERCENT_250]))
    pruned = settings.reports / "data_docs" / docs_page("raw.metrics", old)
    pruned.unlink()  # what the checkpoint's bounded history does 30 runs later

    write_run_report(settings, new, land_run(settings, new, []))
    old_page = settings.reports / "runs" / f"{old}.html"
    assert "pruned from Data Docs" not in old_page.read_text(encoding="utf-8")  # a run renders only its own page

    monkeypatch.setenv("NEWSDW_REPORTS", str(settings.reports))
    assert cli.main(["--home", str(settings.home), "report", "--rebuild", "--date", new.isoformat()]) == 0

    assert "pruned from Data Docs" in old_page.read_text(encoding="utf-8")
    _assert_links_resolve(old_page)


def test_a_run_renders_its_own_page_and_the_index_only(settings: Settings) -> None:
    old, new = DAY - timedelta(days=1), DAY
    write_run_report(settings, old, land_run(settings, old, []))
    old_page = settings.reports / "runs" / f"{old}.html"
    old_page.write_text("<html>as written then</html>", encoding="utf-8")

    write_run_report(settings, new, land_run(settings, new, [NO_BYLINE]))

    assert old_page.read_text(encoding="utf-8") == "<html>as written then</html>"
    index = (settings.reports / "index.html").read_text(encoding="utf-8")
    assert f'href="runs/{old}.html"' in index and f'href="runs/{new}.html"' in index


def test_report_files_are_readable_by_others_whatever_the_umask(settings: Settings) -> None:
    previous = os.umask(0o077)
    try:
        result = write_run_report(settings, DAY, land_run(settings, DAY, []))
    finally:
        os.umask(previous)
    for path in (result["json"], result["html"], result["index"]):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o644, path


def test_report_is_written_while_another_process_holds_the_warehouse(settings: Settings, tmp_path: Path) -> None:
    import duckdb

    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    duckdb.connect(str(settings.warehouse)).close()
    ready = tmp_path / "locked"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, pathlib, sys, time; con = duckdb.connect(sys.argv[1]); "
        "pathlib.Path(sys.argv[2]).touch(); time.sleep(60)"), str(settings.warehouse), str(ready)])
    try:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists()
        started = time.monotonic()
        result = write_run_report(settings, DAY, land_run(settings, DAY, []) | {"loaded": {"pages": 3, "articles": 7}})
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    summary = json.loads(Path(result["json"]).read_text(encoding="utf-8"))
    assert elapsed < 5  # the report never waits on the warehouse
    assert summary["rows"]["raw.pages"] == 3 and summary["rows"]["raw.articles"] == 7  # from the load step
    assert summary["rows"]["marts.fct_articles"] is None  # dbt did not build: unknown, not a failure
    assert summary["loaded_pages"] == 3


def test_trend_chart_is_inline_svg_coloured_by_verdict() -> None:
    history = [
        {"run_date": "2024-05-01", "verdict": "passed", "rows": {"raw.pages": 3, "raw.articles": 9}},
        {"run_date": "2024-05-02", "verdict": "warnings", "rows": {"raw.pages": 4, "raw.articles": None}},
        {"run_date": "2024-05-03", "verdict": "failed", "rows": {"raw.pages": 0, "raw.articles": 0}},
    ]
    svg = ET.fromstring(str(trend_svg(history, (("raw.pages", "pages"), ("raw.articles", "articles")))))
    ns = "{http://www.w3.org/2000/svg}"
    circles = svg.findall(f"{ns}circle")
    assert len(circles) == 5  # one per known count: the missing article count is a gap
    assert [c.get("fill") for c in circles[:3]] == ["#1a7f37", "#9a6700", "#cf222e"]
    assert "2024-05-03: 0 pages (FAILED)" in [c.find(f"{ns}title").text for c in circles]


def test_history_keeps_the_last_30_runs_up_to_the_date() -> None:
    runs = [{"run_date": (DAY + timedelta(days=i)).isoformat(), "verdict": "passed", "rows": {}} for i in range(-40, 5)]
    points = history_points(runs, DAY.isoformat(), 30)
    assert len(points) == 30 and points[-1]["run_date"] == DAY.isoformat()
    assert points[0]["run_date"] == (DAY - timedelta(days=29)).isoformat()


def test_observed_and_expected_read_as_sentences() -> None:
    assert format_observed(PERCENT_250["observed"]) == "1 row of 2 (50%), e.g. 250"
    assert format_observed(0) == "0"
    assert format_observed({"exception": "Binder Error"}) == "error: Binder Error"
    assert format_expected({"min_value": 1, "max_value": None}) == "at least 1"
    assert format_expected({"min_value": 0, "max_value": 100}) == "between 0 and 100"
    assert format_expected({"value_set": [True], "mostly": 0.5}) == "in {true}; for at least 50% of rows"


def test_cli_report_prints_the_summary(settings: Settings, monkeypatch, capsys) -> None:
    write_run_report(settings, DAY, land_run(settings, DAY, [PERCENT_250, NO_BYLINE]))
    monkeypatch.setenv("NEWSDW_REPORTS", str(settings.reports))

    assert cli.main(["--home", str(settings.home), "report", "--date", DAY.isoformat()]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"run {DAY}: FAILED  Not trustworthy: 1 critical expectation failed; plus 1 warning.")
    assert "CRITICAL raw.metrics: expect_column_values_to_be_between on value" in out
    assert "observed 1 row of 2 (50%), e.g. 250; expected between 0 and 100" in out
    assert str(settings.reports / "data_docs" / docs_page("raw.metrics", DAY)) in out
    assert "WARNING  raw.articles: expect_column_values_to_be_in_set on news_has_byline" in out
    assert f"report: {settings.reports / 'runs' / f'{DAY}.html'}" in out


def test_index_keeps_working_with_first_cut_summaries(settings: Settings) -> None:
    # summaries written before this shape (no version) stay listed; their pages are left alone
    runs = settings.reports / "runs"
    runs.mkdir(parents=True)
    old = {"run_date": "2024-04-01", "verdict": "passed", "reasons": [], "warnings": [],
           "files": {"found": 1, "parsed": 1, "quarantined": 0, "duplicates": 0}, "rows": {"raw.pages": 1},
           "critical_failures": [], "expectation_warnings": []}
    (runs / "2024-04-01.json").write_text(json.dumps(old), encoding="utf-8")
    (runs / "2024-04-01.html").write_text("<html>first cut</html>", encoding="utf-8")

    write_index(settings.reports)

    assert 'href="runs/2024-04-01.html"' in (settings.reports / "index.html").read_text(encoding="utf-8")
    assert (runs / "2024-04-01.html").read_text(encoding="utf-8") == "<html>first cut</html>"


def test_a_backfill_can_write_many_run_pages_and_the_index_once(settings: Settings) -> None:
    days = [DAY - timedelta(days=2), DAY - timedelta(days=1)]
    for day in days:
        result = write_run_report(settings, day, land_run(settings, day, []), index=False)
        assert Path(result["html"]).is_file()
    assert not (settings.reports / "index.html").exists()
    write_index(settings.reports)
    text = (settings.reports / "index.html").read_text(encoding="utf-8")
    assert all(f'href="runs/{d}.html"' in text for d in days)


def test_pages_rendered_from_a_kept_summaries_cache_equal_pages_read_from_disk(settings: Settings, tmp_path: Path) -> None:
    from ingestion.report import load_summaries

    days = [DAY + timedelta(days=i) for i in range(3)]
    for day in days:
        write_run_report(settings, day, land_run(settings, day, []), index=False)
    from_disk = {day: (settings.reports / "runs" / f"{day}.html").read_text(encoding="utf-8") for day in days}
    cache = load_summaries(settings.reports)
    assert sorted(cache) == [d.isoformat() for d in days]
    for day in days:
        write_run_report(settings, day, land_run(settings, day, []), index=False, summaries=cache)
        page = (settings.reports / "runs" / f"{day}.html").read_text(encoding="utf-8")
        # the write time may differ by a second; everything else is the same page
        assert _without_times(page) == _without_times(from_disk[day]), day
    assert cache[days[-1].isoformat()]["run_date"] == days[-1].isoformat()


def _without_times(html: str) -> str:
    stamp = re.compile(r"written|\d\d:\d\d:\d\d")
    return "\n".join(line for line in html.splitlines() if not stamp.search(line))


def test_the_index_reads_small_entries_and_remakes_one_older_than_its_summary(settings: Settings) -> None:
    days = [DAY + timedelta(days=i) for i in range(2)]
    for day in days:
        write_run_report(settings, day, land_run(settings, day, []))
    runs = settings.reports / "runs"
    for day in days:
        entry = json.loads((runs / "_index" / f"{day}.json").read_text(encoding="utf-8"))
        summary = json.loads((runs / f"{day}.json").read_text(encoding="utf-8"))
        assert entry["verdict"] == summary["verdict"] and entry["rows"] == summary["rows"]
        assert set(entry) < set(summary)  # a few fields, not the expectation results
    # a summary rewritten after its entry (an earlier version, a run that died in between) wins
    path = runs / f"{days[-1]}.json"  # the newest: the index shows its headline
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary["headline"] = "rewritten after its entry"
    time.sleep(0.01)
    path.write_text(json.dumps(summary), encoding="utf-8")
    write_index(settings.reports)
    assert "rewritten after its entry" in (settings.reports / "index.html").read_text(encoding="utf-8")
    entry = json.loads((runs / "_index" / f"{days[-1]}.json").read_text(encoding="utf-8"))
    assert entry["headline"] == "rewritten after its entry"
