"""`newsdw ui` (airflow standalone for the project) serves our DAGs and runs and re-runs a landed date.

The README's path for a new user, with real Airflow on SQLite: `newsdw run` a landed date
(``dag.test``), then `newsdw ui` on a free loopback port. Through the REST API the UI uses
(token from ``/auth/token``): only our two DAGs and no import errors; unpausing creates
today's scheduled run, which waits (deferred) for its delivery instead of failing and, still
waiting past the (shortened) deadline, raises the deadline alert; a trigger
with the date's logical date is refused (the CLI's run owns it), a trigger with the date in
the run's conf and a Clear of the CLI's run both succeed; then `newsdw run` again while the
scheduler is up hands the date to it and succeeds; the warehouse holds the date's rows once.
The MARTS asset's consumer (``news_freshness``) ran on the asset events. Everything started
is stopped (the process tree) and checked gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import httpx
import psutil
import pytest
from pg_cluster import free_port, log_server_ports, wait_for

from ingestion.generate import write_landing
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.ui import read_password

pytestmark = pytest.mark.integration

RUN_DATE = date(2026, 4, 2)
PAGES = 3
VENV_BIN = Path(sys.executable).parent
DEADLINE_MIN = 1  # the deadline alert's interval in this test (12 h in the DAG by default)


def _env() -> dict[str, str]:
    """The user's environment without any Airflow or newsdw paths: `--home` decides them all."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "NEWSDW_"))}
    env["AIRFLOW__LOGGING__LOGGING_LEVEL"] = "INFO"
    return env


def _newsdw(home: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV_BIN / "newsdw"), "--home", str(home), *args], env=_env(), cwd=PROJECT_ROOT,
                          text=True, capture_output=True, timeout=timeout)


def _pages(settings: Settings) -> int:
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute("select count(*) from raw.pages where run_date = ?", [RUN_DATE]).fetchone()[0]
    finally:
        con.close()


class UI:
    """`newsdw ui` as a subprocess with its log, and a REST client once it answers."""

    def __init__(self, home: Path, settings: Settings, log: Path):
        self.home, self.settings, self.log_path = home, settings, log
        self.port = free_port()
        self.api = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)

    def __enter__(self) -> UI:
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([str(VENV_BIN / "newsdw"), "--home", str(self.home), "ui", "--port", str(self.port)],
                                         env={**_env(), "NEWSDW_RUN_DEADLINE_MIN": str(DEADLINE_MIN), **log_server_ports()},
                                         cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        return self

    def tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]

    def login(self) -> None:
        """Wait for the password and the API; keep a bearer token."""
        def token():
            if self.proc.poll() is not None:
                return "exited"
            password = read_password(self.settings)
            if not password:
                return None
            try:
                r = self.api.post("/auth/token", json={"username": "admin", "password": password})
            except httpx.TransportError:
                return None
            return r.json()["access_token"] if r.status_code in (200, 201) else None

        got = wait_for(token, timeout=300, interval=2)
        assert got and got != "exited", f"newsdw ui did not come up ({got})\n{self.tail()}"
        self.api.headers["Authorization"] = f"Bearer {got}"

    def get(self, path: str, **params) -> dict:
        r = self.api.get(path, params=params)
        assert r.status_code == 200, (path, r.status_code, r.text[:500])
        return r.json()

    def run_state(self, dag_id: str, run_id: str) -> str | None:
        r = self.api.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}")
        return r.json()["state"] if r.status_code == 200 else None

    def __exit__(self, *exc) -> None:
        self.stopped = _stop(self.proc)
        self.api.close()


def _stop(proc: subprocess.Popen) -> list[str]:
    """SIGTERM `newsdw ui` (it stops its tree); return whatever of the tree is still alive after 120 s, then kill it."""
    try:
        tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        tree = []
    proc.send_signal(signal.SIGTERM)
    _, alive = psutil.wait_procs(tree, timeout=120)
    left = [f"{p.pid} {' '.join(p.cmdline()[:3])}" for p in alive if p.is_running()]
    for p in alive:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)
    return left


def test_newsdw_ui_runs_and_reruns_a_landed_date_from_the_api_and_the_cli(tmp_path):
    started = time.monotonic()
    home = tmp_path / "data"
    settings = Settings.from_env(env={}, home=home)
    assert len(write_landing(settings.landing, days=1, start=RUN_DATE, pages=PAGES)) == PAGES

    # 1. the CLI first: `newsdw run` (dag.test) owns the logical date RUN_DATE
    first = _newsdw(home, "run", "--date", RUN_DATE.isoformat())
    assert first.returncode == 0, (first.stdout + first.stderr)[-3000:]
    pages = _pages(settings)
    assert 0 < pages <= PAGES
    cli_seconds = time.monotonic() - started

    with UI(home, settings, tmp_path / "ui.log") as ui:
        ui.login()
        assert f"open http://127.0.0.1:{ui.port}  user: admin  password: {read_password(settings)}" in ui.tail(10**7)
        wait_for(lambda: ui.api.get("/api/v2/dags/news_daily").status_code == 200, timeout=120, interval=2)
        up_seconds = time.monotonic() - started

        dags = ui.get("/api/v2/dags")
        assert sorted(d["dag_id"] for d in dags["dags"]) == ["news_daily", "news_freshness"]  # no example DAGs
        assert ui.get("/api/v2/importErrors")["total_entries"] == 0
        runs = ui.get("/api/v2/dags/news_daily/dagRuns")["dag_runs"]
        (cli_run,) = [r for r in runs if r["logical_date"] and r["logical_date"].startswith(RUN_DATE.isoformat())]
        assert cli_run["state"] == "success"

        for dag_id in ("news_daily", "news_freshness"):
            r = ui.api.patch(f"/api/v2/dags/{dag_id}", json={"is_paused": False})
            assert r.status_code == 200, r.text

        # 2. then the UI: the logical date is taken by the CLI's run ...
        taken = ui.api.post("/api/v2/dags/news_daily/dagRuns", json={"logical_date": f"{RUN_DATE}T00:00:00Z"})
        assert taken.status_code == 409, taken.text
        # ... so the date goes in the run's conf (the trigger form's "date" field), or the CLI's run is cleared
        r = ui.api.post("/api/v2/dags/news_daily/dagRuns", json={"logical_date": None, "conf": {"date": RUN_DATE.isoformat()}})
        assert r.status_code == 200, r.text
        conf_run = r.json()["dag_run_id"]
        r = ui.api.post(f"/api/v2/dags/news_daily/dagRuns/{cli_run['dag_run_id']}/clear", json={"dry_run": False})
        assert r.status_code == 200, r.text

        def both_done():
            states = {ui.run_state("news_daily", conf_run), ui.run_state("news_daily", cli_run["dag_run_id"])}
            return (states <= {"success", "failed"} and states) or (ui.proc.poll() is not None and {"exited"})

        states = wait_for(both_done, timeout=900, interval=5)
        assert states == {"success"}, f"{states}\n{ui.tail()}"
        ui_seconds = time.monotonic() - started

        # unpausing created today's scheduled run: it waits for today's files instead of failing
        today = datetime.now(UTC).date().isoformat()
        scheduled = [r for r in ui.get("/api/v2/dags/news_daily/dagRuns")["dag_runs"] if r["run_type"] == "scheduled"]
        assert [r["logical_date"][:10] for r in scheduled] == [today], scheduled
        sensor = ui.get(f"/api/v2/dags/news_daily/dagRuns/{scheduled[0]['dag_run_id']}/taskInstances/wait_for_delivery")
        assert sensor["state"] == "deferred", sensor
        # ... and, still waiting a minute after it was queued, it raised the deadline alert (triggerer callback)
        alerts = home / "alerts.log"
        wanted = f"deadline missed: news_daily run {scheduled[0]['dag_run_id']} (date {today}) not finished 0:01:00"
        assert wait_for(lambda: alerts.exists() and wanted in alerts.read_text(encoding="utf-8"), timeout=180), \
            (alerts.read_text(encoding="utf-8") if alerts.exists() else "no alerts.log") + ui.tail()

        # 3. the CLI again, with the scheduler up: the date is handed to the scheduler, no race, no collision
        again = _newsdw(home, "run", "--date", RUN_DATE.isoformat())
        assert again.returncode == 0, (again.stdout + again.stderr)[-3000:]
        assert f"a scheduler is running: {RUN_DATE} handed to it" in again.stdout + again.stderr
        handed = [r for r in ui.get("/api/v2/dags/news_daily/dagRuns")["dag_runs"] if r["dag_run_id"].startswith("newsdw__")]
        assert [(r["state"], r["conf"]["date"]) for r in handed] == [("success", RUN_DATE.isoformat())]

        # the MARTS asset's consumer ran on those updates: the freshness of a date months old is an error
        # (unpausing it also made its noon run: catchup=False, the latest interval only)
        def freshness_run():
            done = [r for r in ui.get("/api/v2/dags/news_freshness/dagRuns")["dag_runs"]
                    if r["run_type"] == "asset_triggered" and r["state"] in ("success", "failed")]
            return done and done[0]

        consumer = wait_for(freshness_run, timeout=300, interval=5)
        assert consumer, ui.get("/api/v2/dags/news_freshness/dagRuns")
        freshness = json.loads((settings.reports / "freshness.json").read_text(encoding="utf-8"))
        assert {s["source"]: s["status"] for s in freshness["sources"]}["raw.pages"] == "error"
        assert consumer["state"] == "failed"  # a stale source fails the consumer, never the daily run

    assert ui.stopped == [], f"left running after newsdw ui stopped: {ui.stopped}"
    # four runs of the date, one copy of its rows; the report of the last run
    assert _pages(settings) == pages
    summary = json.loads((settings.reports / "runs" / f"{RUN_DATE}.json").read_text(encoding="utf-8"))
    assert summary["verdict"] != "failed", summary["reasons"]
    print(f"\nnewsdw run {cli_seconds:.0f} s; ui up at {up_seconds:.0f} s; conf run + clear done at {ui_seconds:.0f} s; "
          f"all done at {time.monotonic() - started:.0f} s")
