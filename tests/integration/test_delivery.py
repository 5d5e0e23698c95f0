"""The daily run waits for its delivery (real Airflow through ``newsdw run``'s ``dag.test``, real dbt and GX).

A date whose files land while the run is waiting is picked up: the sensor defers, its trigger
(run inline by ``dag.test``) sees the files, and the run ingests them. A date whose folder
never appears fails when the wait ends, and its report still gets written and says
"no delivery by <deadline>". ``NEWSDW_DELIVERY_TIMEOUT_S`` bounds both waits. After the late
delivery of today, ``dbt source freshness`` on the raw tables passes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from ingestion.airflow_runner import airflow_env, ensure_airflow
from ingestion.freshness import source_freshness
from ingestion.generate import write_landing
from ingestion.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
PAGES = 2


def _run(settings, day: date, timeout_s: int, on_waiting=None) -> tuple[int, str]:
    """``python -m ingestion.airflow_runner <day>`` (what ``newsdw run`` starts), output streamed line by line.

    ``on_waiting`` is called once, when the sensor logs that it is waiting for the folder.
    """
    ensure_airflow(settings)
    env = airflow_env(settings)
    env.update({"NEWSDW_DELIVERY_TIMEOUT_S": str(timeout_s), "NEWSDW_DELIVERY_POKE_S": "1",
                "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO"})
    proc = subprocess.Popen([sys.executable, "-m", "ingestion.airflow_runner", day.isoformat()], env=env,
                            cwd=PROJECT_ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines, fired = [], False
    for line in proc.stdout:
        lines.append(line)
        if on_waiting and not fired and "waiting for files in" in line:
            fired = True
            on_waiting()
    return proc.wait(timeout=60), "".join(lines)


def test_a_late_delivery_is_picked_up_and_then_the_raw_tables_are_fresh(settings):
    today = datetime.now(UTC).date()
    landed = []

    def deliver_later():
        # a few seconds after the sensor started waiting: the files come while the trigger polls
        def land():
            time.sleep(4)
            landed.extend(write_landing(settings.landing, days=1, start=today, pages=PAGES))
        threading.Thread(target=land, daemon=True).start()

    started = time.monotonic()
    code, output = _run(settings, today, timeout_s=600, on_waiting=deliver_later)
    assert len(landed) == PAGES, output[-3000:]
    assert code == 0, output[-4000:]
    assert f"newsdw-run {today} success" in output
    assert "[DAG TEST] running trigger in line" in output  # it did defer and wait
    summary = json.loads((settings.reports / "runs" / f"{today}.json").read_text(encoding="utf-8"))
    assert summary["files"]["found"] == PAGES and summary["verdict"] != "failed", summary["reasons"]
    assert time.monotonic() - started < 600  # it went on when the files came, not at the deadline

    # freshness is checked outside the daily chain (news_freshness); today was just loaded
    fresh = source_freshness(settings)
    statuses = {s["source"]: s["status"] for s in fresh["sources"]}
    assert set(statuses) == {"raw.pages", "raw.articles", "raw.people", "raw.mentions", "raw.activities", "raw.metrics"}
    assert statuses["raw.pages"] == "pass" and statuses["raw.articles"] == "pass", fresh
    assert json.loads((settings.reports / "freshness.json").read_text(encoding="utf-8")) == fresh


def test_no_delivery_by_the_deadline_fails_the_run_with_a_report_that_says_so(settings):
    day = datetime.now(UTC).date() + timedelta(days=30)  # a date whose deadline is far off: only the timeout ends the wait
    started = time.monotonic()
    code, output = _run(settings, day, timeout_s=5)
    waited = time.monotonic() - started
    assert code != 0 and f"newsdw-run {day} failed" in output, output[-3000:]
    assert "waiting for files in" in output and "[DAG TEST] running trigger in line" in output

    summary = json.loads((settings.reports / "runs" / f"{day}.json").read_text(encoding="utf-8"))
    assert summary["verdict"] == "failed"
    (line,) = [r for r in summary["reasons"] if "no delivery" in r]
    assert line.startswith("load: no delivery by ") and f"{settings.landing / day.isoformat()} does not exist" in line
    deadline = datetime.fromisoformat(line.removeprefix("load: no delivery by ").split(": ")[0])
    assert 0 < (deadline - datetime.now(UTC)).total_seconds() + waited < 3600  # the 5-second cap, not 30 days away
    # the report task printed it, and the page is there for the index
    assert f"Data quality {day}: FAILED" in output and "no delivery by" in output
    assert (settings.reports / "runs" / f"{day}.html").is_file()
    page = (settings.reports / "runs" / f"{day}.html").read_text(encoding="utf-8")
    assert "no delivery by" in page
