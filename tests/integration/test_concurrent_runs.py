"""Two `newsdw run` started together on a fresh home: neither fails.

Before the writer discipline one of them died in `airflow db migrate` ("table … already
exists") on a fresh home, and on a set-up home one `dbt_build` hit DuckDB's "Could not
set lock on file" and was saved only by Airflow's retry two minutes later; later, with
both writing the SQLite metadata database at once, one run's dag run insert failed as a
duplicate of itself (SQLite's busy handling, once in a CI run). On a SQLite home the runs
now take turns, and the one that waits says for whom. Each run here has its own date;
every run must pass on its first try. A fresh home covers the set-up one too: the run that
waits for the other's turn finds the metadata database migrated and the warehouse file
written (a second pair on the set-up home took the same path, and 80 s of the suite).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import duckdb
import pytest

from ingestion.generate import write_landing
from ingestion.report import read_summary
from ingestion.settings import Settings

pytestmark = pytest.mark.integration


def _run_together(env: dict[str, str], days: tuple[str, str]) -> None:
    """Start one ``newsdw run`` per date at the same moment; each passes with no retry, no lock or setup clash.

    The home's metadata database is SQLite: one run waits for the other's turn and logs whom it waits for.
    """
    runs = [
        subprocess.Popen([sys.executable, "-m", "ingestion.cli", "run", "--date", day, "--verbose"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for day in days
    ]
    outputs = [run.communicate(timeout=1500)[0] for run in runs]
    for day, run, output in zip(days, runs, outputs, strict=True):
        assert run.returncode == 0, f"{day}: {output[-3000:]}"
        assert "already exists" not in output, day
        assert "Could not set lock" not in output, day
        # no task was retried: every task instance succeeded on its first try
        assert "up_for_retry" not in output.lower(), f"{day}: {output[-3000:]}"
    waited = [day for day, output in zip(days, outputs, strict=True)
              if "waiting for the Airflow runs lock" in output and "newsdw run 2026-" in output]
    assert len(waited) == 1, outputs


def _loaded_dates(settings: Settings) -> set[date]:
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return {d for (d,) in con.execute("select distinct run_date from marts.fct_articles").fetchall()}
    finally:
        con.close()


def test_two_runs_at_once_on_a_fresh_home_pass_first_time(tmp_path):
    settings = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")
    days = [date(2026, 11, 2) + timedelta(days=i) for i in range(2)]
    write_landing(settings.landing, days=len(days), start=days[0], seed=3)
    env = {**os.environ, **settings.env(), "NEWSDW_LOCK_WAIT_S": "600"}

    _run_together(env, (days[0].isoformat(), days[1].isoformat()))  # no metadata, no warehouse yet
    for day in days:
        assert read_summary(settings.reports, day)["verdict"] != "failed", day
    assert _loaded_dates(settings) == set(days)
