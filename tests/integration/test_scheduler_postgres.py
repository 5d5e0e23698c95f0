"""The DAG run by Airflow's scheduler (LocalExecutor) against a PostgreSQL metadata database.

Every other DAG test goes through ``dag.test()`` on SQLite; this one runs the deployment
shape of ``docker-compose.yml`` without Docker: a throw-away PostgreSQL server on
loopback (``pg_cluster``), ``airflow db migrate`` on it, and the Airflow 3 services as
subprocesses: ``api-server`` (its Execution API is how LocalExecutor's task processes
report state and read XComs), ``scheduler`` and ``dag-processor``. A run is triggered for a
date of generated pages and must end in success with its report and warehouse rows. It
checks only the run's outcome, never task ids, so the DAG's shape can change freely.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import psutil
import pytest
from pg_cluster import PostgresCluster, find_bin_dir, free_port, log_server_ports, wait_for

from ingestion.airflow_runner import DAG_ID, POOL, airflow_env
from ingestion.generate import write_landing
from ingestion.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.integration

RUN_DATE = date(2026, 4, 2)
RUN_ID = "pg_scheduler_check"
BACKFILL_START, BACKFILL_END = date(2026, 4, 3), date(2026, 4, 4)
PAGES = 3
RUN_TIMEOUT = 8 * 60  # seconds; a healthy run takes a fraction of this (see the README's test section)
VENV_BIN = Path(sys.executable).parent
SERVICES = ("api-server", "scheduler", "dag-processor")


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server on 127.0.0.1 for the session; fails (never skips) without the server binaries."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or on PATH: "
                    "install Debian's 'postgresql' package (scripts/test.sh does when it is missing)", pytrace=False)
    cluster = PostgresCluster(bin_dir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


def _env(settings: Settings, db_url: str, api_port: int) -> dict[str, str]:
    """The project's Airflow environment with Postgres metadata, LocalExecutor and the Execution API on loopback."""
    env = airflow_env(settings)
    env.update({
        "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",  # the scheduler starts its parts as `airflow` from PATH
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": db_url,
        # Airflow derives an asyncpg URL for its async engine, used only by the UI's REST API (and multi-team),
        # and asyncpg is not among the project's dependencies (the official image has it): no async engine
        # here, and the api-server below serves only the Execution API, which runs on the sync engine.
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": "",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": "2",  # the CI machine has 2 cores
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        # one secret for the scheduler (signs task tokens) and the api-server (checks them)
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
        "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
        # only the triggered run: no run for the latest daily interval when the DAG is unpaused
        "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
        "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
        "GX_ANALYTICS_ENABLED": "False",
        **log_server_ports(),
    })
    return env


def _airflow(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    """Run an ``airflow`` CLI command to completion; fail the test with its output when it fails."""
    proc = subprocess.run([str(VENV_BIN / "airflow"), *args], env=env, cwd=PROJECT_ROOT, text=True,
                          capture_output=True, timeout=timeout)
    assert proc.returncode == 0, f"airflow {' '.join(args)} failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-4000:]}"
    return proc.stdout


class Services:
    """Airflow's long-running parts as subprocesses, each in its own process group, stopped on exit."""

    def __init__(self, env: dict[str, str], log_dir: Path, api_port: int):
        self.env, self.log_dir, self.api_port = env, log_dir, api_port
        self.procs: dict[str, subprocess.Popen] = {}

    def __enter__(self) -> Services:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in SERVICES:
            args = ["api-server", "--apps", "execution", "--host", "127.0.0.1", "--port", str(self.api_port), "--workers", "1"] \
                if name == "api-server" else [name]
            with open(self.log_dir / f"{name}.log", "wb") as log:
                self.procs[name] = subprocess.Popen([str(VENV_BIN / "airflow"), *args], env=self.env, cwd=PROJECT_ROOT,
                                                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                                    start_new_session=True)
        return self

    def dead(self) -> list[str]:
        """Services that exited (they should run until the test stops them)."""
        return [f"{name} (exit {p.returncode})" for name, p in self.procs.items() if p.poll() is not None]

    def tails(self, chars: int = 2500) -> str:
        """The end of each service's log, for failure messages."""
        parts = []
        for name in SERVICES:
            path = self.log_dir / f"{name}.log"
            text = path.read_text(errors="replace")[-chars:] if path.exists() else ""
            parts.append(f"----- {name} -----\n{text}")
        return "\n".join(parts)

    def __exit__(self, *exc) -> None:
        # Task processes put themselves in their own process groups (the task SDK's supervisor), so collect
        # every descendant first, then stop the groups and those descendants: nothing may outlive the test.
        procs = []
        for p in self.procs.values():
            try:
                procs += [psutil.Process(p.pid), *psutil.Process(p.pid).children(recursive=True)]
            except psutil.NoSuchProcess:
                pass
        for p in self.procs.values():
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in procs:
            try:
                proc.terminate()
            except psutil.NoSuchProcess:
                pass
        _, alive = psutil.wait_procs(procs, timeout=30)
        for proc in alive:
            try:
                proc.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(alive, timeout=10)
        for p in self.procs.values():
            try:
                os.killpg(p.pid, signal.SIGKILL)  # whatever is left in the groups
            except ProcessLookupError:
                pass
            p.wait(timeout=10)


def _query(cluster: PostgresCluster, sql: str, *params) -> list[tuple]:
    """Rows of one query against the Airflow metadata database."""
    import psycopg2

    con = psycopg2.connect(cluster.dsn("airflow"))
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        con.close()


def _diagnostics(cluster: PostgresCluster, services: Services, airflow_home: Path) -> str:
    """Task states, the failed tasks' log tails and the services' log tails, for a failure message."""
    tasks = _query(cluster, "select task_id, map_index, state, try_number from task_instance "
                            "where dag_id = %s and run_id = %s order by task_id, map_index", DAG_ID, RUN_ID)
    lines = [f"task instances: {tasks}", f"exited services: {services.dead()}"]
    for task_id, *_rest, state in ((t[0], t[2]) for t in tasks):
        if state not in ("success", "skipped"):
            for log in sorted((airflow_home / "logs").glob(f"dag_id={DAG_ID}/run_id={RUN_ID}/task_id={task_id}/**/*.log")):
                lines.append(f"----- {log.relative_to(airflow_home)} -----\n{log.read_text(errors='replace')[-2500:]}")
    return "\n".join(lines) + "\n" + services.tails()


def test_scheduler_runs_the_dag_with_postgres_metadata(postgres, tmp_path):
    started = time.monotonic()
    settings = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports",
                                 airflow_home=tmp_path / "airflow")
    settings.airflow_home.mkdir(parents=True)
    api_port = free_port()
    env = _env(settings, postgres.create_database("airflow"), api_port)

    # what ensure_airflow does on SQLite: the schema, then the one-slot DuckDB writer pool
    _airflow(env, "db", "migrate")
    _airflow(env, "pools", "set", POOL, "1", "DuckDB allows one writing process per file")
    migrated = time.monotonic() - started
    assert _query(postgres, "select slots from slot_pool where pool = %s", POOL) == [(1,)]
    landed = write_landing(settings.landing, days=1, start=RUN_DATE, pages=PAGES)
    assert len(landed) == PAGES

    with Services(env, tmp_path / "service-logs", api_port) as services:
        parsed = wait_for(lambda: services.dead() or _query(postgres, "select 1 from serialized_dag where dag_id = %s",
                                                            DAG_ID), timeout=180)
        assert parsed and not services.dead(), f"the DAG processor did not serialize {DAG_ID}\n{services.tails()}"
        serialized = time.monotonic() - started
        _airflow(env, "dags", "unpause", DAG_ID)
        _airflow(env, "dags", "trigger", DAG_ID, "--run-id", RUN_ID, "--logical-date", f"{RUN_DATE}T00:00:00+00:00")

        def finished():
            if services.dead():
                return "services died"
            rows = _query(postgres, "select state from dag_run where dag_id = %s and run_id = %s", DAG_ID, RUN_ID)
            return rows and rows[0][0] in ("success", "failed") and rows[0][0]

        state = wait_for(finished, timeout=RUN_TIMEOUT, interval=3)
        run_seconds = time.monotonic() - started
        if state != "success":
            pytest.fail(f"run {RUN_ID} ended as {state!r} after {run_seconds:.0f} s\n"
                        f"{_diagnostics(postgres, services, settings.airflow_home)}", pytrace=False)

        # Airflow's own backfill of two more dates, runs side by side: their parse tasks may overlap, their
        # writer chains queue on the pool and the writer lock; no task may need a second try.
        write_landing(settings.landing, days=2, start=BACKFILL_START, pages=2)
        _airflow(env, "backfill", "create", "--dag-id", DAG_ID, "--from-date", f"{BACKFILL_START}T00:00:00+00:00",
                 "--to-date", f"{BACKFILL_END}T00:00:00+00:00", "--max-active-runs", "2")

        def backfilled():
            if services.dead():
                return "services died"
            rows = _query(postgres, "select state from dag_run where dag_id = %s and run_type = 'backfill'", DAG_ID)
            done = [r[0] for r in rows if r[0] in ("success", "failed")]
            return len(rows) == 2 and len(done) == 2 and sorted(done)

        states = wait_for(backfilled, timeout=2 * RUN_TIMEOUT, interval=3)
        tries = _query(postgres, "select t.task_id, t.map_index, t.state, t.try_number from task_instance as t "
                                 "inner join dag_run as r on t.dag_id = r.dag_id and t.run_id = r.run_id "
                                 "where r.run_type = 'backfill' order by 1, 2")
        assert states == ["success", "success"], f"backfill runs: {states}; tasks: {tries}\n{services.tails()}"
        assert tries and all(state == "success" and try_number == 1 for _, _, state, try_number in tries), tries

    # the run went through the scheduler and the LocalExecutor, recorded in Postgres
    (job_types,) = zip(*_query(postgres, "select distinct job_type from job"), strict=True)
    assert {"SchedulerJob", "DagProcessorJob"} <= set(job_types)
    assert _query(postgres, "select run_type from dag_run where run_id = %s", RUN_ID) == [("manual",)]
    for day in (BACKFILL_START, BACKFILL_END):
        backfilled = json.loads((settings.reports / "runs" / f"{day}.json").read_text(encoding="utf-8"))
        assert backfilled["verdict"] != "failed", backfilled["reasons"]
    task_states = _query(postgres, "select distinct state from task_instance where run_id = %s", RUN_ID)
    assert task_states == [("success",)]

    summary = json.loads((settings.reports / "runs" / f"{RUN_DATE}.json").read_text(encoding="utf-8"))
    assert summary["verdict"] != "failed", summary["reasons"]
    assert (summary["files"]["found"], summary["files"]["quarantined"]) == (PAGES, 0)

    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        pages = con.execute("select count(*) from raw.pages where run_date = ?", [RUN_DATE]).fetchone()[0]
        articles = con.execute("select count(*) from raw.articles where run_date = ?", [RUN_DATE]).fetchone()[0]
        facts = con.execute("select count(*) from marts.fct_articles where run_date = ?", [RUN_DATE]).fetchone()[0]
    finally:
        con.close()
    assert 0 < pages <= PAGES  # a one-story file may belong to a page of another file
    assert articles > 0
    assert facts == articles
    # the timings, for the README's figure (shown with -s)
    tasks = _query(postgres, "select task_id, count(*), round(sum(extract(epoch from end_date - start_date))::numeric, 1) "
                             "from task_instance where run_id = %s group by task_id order by min(start_date)", RUN_ID)
    ((queued, ran),) = _query(postgres, "select extract(epoch from start_date - queued_at), "
                                        "extract(epoch from end_date - start_date) from dag_run where run_id = %s", RUN_ID)
    print(f"\nscheduler + LocalExecutor + Postgres: {run_seconds:.0f} s in all; migrate + pool {migrated:.0f} s, "
          f"DAG serialized at {serialized:.0f} s, run queued {queued:.0f} s, ran {ran:.0f} s; "
          f"task seconds: {', '.join(f'{t} x{n} {sec}' for t, n, sec in tasks)}")
