"""Run the DAG through real Airflow with a project-local AIRFLOW_HOME (an I/O edge)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date
from pathlib import Path

from ingestion.files import atomic_write_text
from ingestion.settings import PROJECT_ROOT, Settings

DAG_ID = "news_daily"
POOL = "duckdb_writer"


def airflow_env(settings: Settings) -> dict[str, str]:
    """Environment for Airflow subprocesses: local SQLite metadata, our dags/, no examples, no telemetry."""
    env = dict(os.environ)
    env.update(settings.env())
    env.update({
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "120",
        "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": env.get("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING"),
        "SCARF_ANALYTICS": "false",
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    })
    env.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{settings.airflow_home / 'airflow.db'}")
    return env


def _airflow(settings: Settings, *args: str, check: bool = True, capture: bool = True) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("airflow")
    cmd = [str(exe) if exe.exists() else "airflow", *args]
    proc = subprocess.run(cmd, env=airflow_env(settings), cwd=PROJECT_ROOT, text=True,
                          capture_output=capture)
    if check and proc.returncode != 0:
        tail = ((proc.stdout or "") + (proc.stderr or ""))[-4000:]
        raise RuntimeError(f"airflow {' '.join(args)} failed ({proc.returncode}):\n{tail}")
    return proc


def ensure_airflow(settings: Settings) -> None:
    """Create the metadata database and the DuckDB writer pool on first use."""
    from ingestion.locks import setup_lock

    settings.airflow_home.mkdir(parents=True, exist_ok=True)
    marker = settings.airflow_home / ".newsdw-ready"
    if marker.exists():
        return
    # Two processes starting together on a fresh home would both migrate the same SQLite
    # file ("table ... already exists"): the second waits here and finds the marker.
    with setup_lock(settings.airflow_home, "airflow db migrate"):
        if marker.exists():
            return
        _airflow(settings, "db", "migrate")
        _airflow(settings, "pools", "set", POOL, "1", "DuckDB allows one writing process per file")
        atomic_write_text(marker, "ok\n")


def run_dags(settings: Settings, run_dates: list[date], quiet: bool = True) -> subprocess.CompletedProcess:
    """Run the DAG for each date, in order, in one Airflow process (``dag.test``): real runs, tasks in-process.

    One process for a whole range pays Airflow's, dbt's and Great Expectations' import
    cost once, which is what makes a backfill of many dates affordable. The exit code
    is 0 only when every run succeeded.
    """
    ensure_airflow(settings)
    args = [sys.executable, "-m", "ingestion.airflow_runner", *(d.isoformat() for d in run_dates)]
    return subprocess.run(args, env=airflow_env(settings), cwd=PROJECT_ROOT, text=True, capture_output=quiet)


def run_dag(settings: Settings, run_date: date, quiet: bool = True) -> subprocess.CompletedProcess:
    """Run the DAG for one date (see ``run_dags``)."""
    return run_dags(settings, [run_date], quiet=quiet)


def _main(argv: list[str]) -> int:
    """In the Airflow subprocess: ``dag.test`` for each date; print one state line per run."""
    from datetime import datetime

    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(PROJECT_ROOT / "dags"))
    if bag.import_errors:
        print(f"DAG import errors: {bag.import_errors}", file=sys.stderr)
        return 2
    dag = bag.dags[DAG_ID]
    failed = 0
    for value in argv:
        day = date.fromisoformat(value)
        run = dag.test(logical_date=datetime(day.year, day.month, day.day, tzinfo=UTC))
        state = str(getattr(run, "state", "unknown"))
        print(f"newsdw-run {day.isoformat()} {state}", flush=True)
        failed += state != "success"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
