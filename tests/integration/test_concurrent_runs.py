"""Two `newsdw run` started together on a fresh home: first-use setup and the writer chain queue, neither fails.

Before the writer discipline one of them died in `airflow db migrate` ("table … already
exists") on a fresh home, and on a set-up home one `dbt_build` hit DuckDB's "Could not
set lock on file" and was saved only by Airflow's retry two minutes later. Each run here
has its own date; both must pass on their first try.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from ingestion.generate import write_landing
from ingestion.report import read_summary
from ingestion.settings import Settings

pytestmark = pytest.mark.integration


def test_two_runs_at_once_on_a_fresh_home_both_pass_first_time(tmp_path):
    settings = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")
    write_landing(settings.landing, days=2, start=date(2026, 11, 2), seed=3)
    env = {**os.environ, **settings.env(), "NEWSDW_LOCK_WAIT_S": "600"}
    runs = [
        subprocess.Popen([sys.executable, "-m", "ingestion.cli", "run", "--date", day, "--verbose"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for day in ("2026-11-02", "2026-11-03")
    ]
    outputs = [run.communicate(timeout=1500)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output[-3000:]
        assert "already exists" not in output
        assert "Could not set lock" not in output
        # no task was retried: every task instance succeeded on its first try
        assert "up_for_retry" not in output.lower(), output[-3000:]
    for day in (date(2026, 11, 2), date(2026, 11, 3)):
        assert read_summary(settings.reports, day)["verdict"] != "failed"
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        loaded = {d for (d,) in con.execute("select distinct run_date from marts.fct_articles").fetchall()}
    finally:
        con.close()
    assert loaded == {date(2026, 11, 2), date(2026, 11, 3)}
