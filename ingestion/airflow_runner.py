"""Run the DAG through real Airflow with a project-local AIRFLOW_HOME (an I/O edge)."""

from __future__ import annotations

import contextlib
import copy
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path
from typing import Any, TextIO

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
        # Write the DAGs and their assets into the new database once, here, under the lock:
        # two first runs that each inserted them (dag.test syncs its bundle) would collide
        # on the asset table's unique key; later syncs only update existing rows.
        _airflow(settings, "dags", "reserialize")
        atomic_write_text(marker, "ok\n")


def run_dags(settings: Settings, run_dates: list[date], quiet: bool = True,
             on_line: Callable[[str], None] | None = None) -> subprocess.CompletedProcess:
    """Run the DAG for each date, in order, in one Airflow process (``dag.test``): real runs, tasks in-process.

    One process for a whole range pays Airflow's, dbt's and Great Expectations' import
    cost once, which is what makes a backfill of many dates affordable. The exit code
    is 0 only when every run succeeded. On a SQLite metadata database such processes take
    turns on the home (``ingestion.locks.airflow_runs_lock``). With ``on_line``, the process's output (stdout and
    stderr together) is passed to it line by line as it comes, for a progress display, and
    returned as ``stdout``.
    """
    from ingestion.locks import airflow_runs_lock

    ensure_airflow(settings)
    args = [sys.executable, "-m", "ingestion.airflow_runner", *(d.isoformat() for d in run_dates)]
    env = airflow_env(settings)
    # A command never waits for a delivery: a date whose folder is absent fails at once with
    # "no delivery" (set NEWSDW_DELIVERY_TIMEOUT_S to wait that many seconds instead).
    env.setdefault("NEWSDW_DELIVERY_TIMEOUT_S", "0")
    what = f"newsdw run {run_dates[0]}" + (f" … {run_dates[-1]}" if len(run_dates) > 1 else "")
    on_sqlite = env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("sqlite")
    with airflow_runs_lock(settings.airflow_home, what) if on_sqlite else contextlib.nullcontext():
        if on_line is None:
            return subprocess.run(args, env=env, cwd=PROJECT_ROOT, text=True, capture_output=quiet)
        lines = []
        with subprocess.Popen(args, env=env, cwd=PROJECT_ROOT, text=True, encoding="utf-8", errors="replace",
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=1) as proc:
            for line in proc.stdout:
                lines.append(line)
                on_line(line.rstrip("\n"))
        return subprocess.CompletedProcess(args, proc.returncode, "".join(lines), "")


def run_dag(settings: Settings, run_date: date, quiet: bool = True) -> subprocess.CompletedProcess:
    """Run the DAG for one date (see ``run_dags``)."""
    return run_dags(settings, [run_date], quiet=quiet)


def _task_lines(out: TextIO) -> Any:
    """An Airflow listener printing ``newsdw-task <date> <task> <state>`` as each task instance starts and ends.

    ``dag.test`` runs the tasks in this process; their states are otherwise known only when
    the whole run ends. ``newsdw run`` reads these lines for its progress display. Built
    here so that importing this module does not import Airflow.
    """
    from airflow.listeners import hookimpl

    class TaskLines:
        def __init__(self) -> None:
            self.day = ""
            self.reported: set[str] = set()

        def line(self, task_instance: Any, state: str) -> None:
            index = getattr(task_instance, "map_index", -1)
            name = f"{task_instance.task_id}[{index}]" if index is not None and index >= 0 else task_instance.task_id
            if state != "running":
                self.reported.add(name)
            print(f"newsdw-task {self.day} {name} {state}", file=out, flush=True)

        @hookimpl
        def on_task_instance_running(self, previous_state: Any, task_instance: Any) -> None:
            self.line(task_instance, "running")

        @hookimpl
        def on_task_instance_success(self, previous_state: Any, task_instance: Any) -> None:
            self.line(task_instance, "success")

        @hookimpl
        def on_task_instance_failed(self, previous_state: Any, task_instance: Any, error: Any) -> None:
            self.line(task_instance, "failed")

    return TaskLines()


def _through_scheduler(day: date, timeout_s: float = 6 * 3600) -> Any:
    """With a live scheduler on this metadata database and the DAG unpaused, run ``day`` through it; else None.

    ``dag.test`` beside a running scheduler would race it for the same run's tasks (the
    scheduler schedules any running run of an unpaused DAG). So the date goes to the scheduler
    as a manual run with no logical date and ``conf={"date": ...}`` (it never collides with
    another run of the date, from the UI or a schedule), and this waits for it to finish.
    ``delivery_timeout_s`` carries ``NEWSDW_DELIVERY_TIMEOUT_S`` to the sensor, which runs in
    the scheduler's processes.
    """
    import time
    from datetime import datetime

    from airflow.api.common.trigger_dag import trigger_dag
    from airflow.jobs.job import most_recent_job
    from airflow.models.dag import DagModel
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from airflow.utils.types import DagRunTriggeredByType

    with create_session() as session:
        job = most_recent_job("SchedulerJob", session=session)
        model = session.get(DagModel, DAG_ID)
        if job is None or not job.is_alive() or model is None or model.is_paused:
            return None
    conf = {"date": day.isoformat()}
    if os.environ.get("NEWSDW_DELIVERY_TIMEOUT_S", "").strip():
        conf["delivery_timeout_s"] = float(os.environ["NEWSDW_DELIVERY_TIMEOUT_S"])
    run = trigger_dag(DAG_ID, triggered_by=DagRunTriggeredByType.CLI, triggering_user_name="newsdw run",
                      run_id=f"newsdw__{day.isoformat()}__{datetime.now(UTC):%Y%m%dT%H%M%S%f}", conf=conf, logical_date=None)
    print(f"newsdw: a scheduler is running: {day} handed to it as run {run.run_id}", file=sys.stderr, flush=True)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with create_session() as session:
            current = session.get(DagRun, run.id)
            if current.state in ("success", "failed"):
                session.expunge(current)
                return current
        time.sleep(3)
    return run


def _serve_one_api_version() -> bool:
    """Have ``dag.test``'s in-process Execution API serve only this install's Task SDK version.

    ``dag.test`` answers the task runner's calls with an in-process copy of Airflow's
    Execution API. On its first request Cadwyn generates routers and schemas for every
    version the server can serve (nine dated versions in Airflow 3.3.2), which cost about
    5 s of CPU a run (py-spy at a year of history: 5.9 s of the run's 55 s). The only client
    here is the Task SDK of the same install, which speaks the newest version; that version
    is the head schema with no migrations, so the app is built from a bundle of it alone and
    without the routes Cadwyn keeps for older versions only. Only this process is changed
    (the scheduler's and a deployment's API servers keep every version), and anything
    unexpected (another Airflow whose SDK speaks an older version, a moved module) leaves
    Airflow's default. Returns whether the app was narrowed.
    """
    try:
        from airflow.api_fastapi.execution_api import routes, versions
        from airflow.sdk.api.datamodels._generated import API_VERSION
        from cadwyn import HeadVersion, Version, VersionBundle
        from cadwyn.route_generation import _DELETED_ROUTE_TAG
    except ImportError:
        return False
    newest = versions.bundle.versions[0].value
    if str(newest) != API_VERSION:
        return False
    versions.bundle = VersionBundle(HeadVersion(), Version(newest))
    router = copy.copy(routes.execution_api_router)
    router.routes = [r for r in router.routes if _DELETED_ROUTE_TAG not in getattr(r, "tags", ())]
    routes.execution_api_router = router
    return True


def _main(argv: list[str]) -> int:
    """In the Airflow subprocess: ``dag.test`` for each date; print a line per task and one state line per run.

    Lines: ``newsdw-start <date>``, ``newsdw-task <date> <task> <state>`` for each task
    instance (live, through a listener; after the run for those it did not see, e.g.
    skipped or upstream_failed), ``newsdw-run <date> <state>``. They go to the original
    standard output, which the tasks' log capture does not redirect.
    """
    from datetime import datetime

    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk.listener import get_listener_manager

    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    bag = DagBag(dag_folder=str(PROJECT_ROOT / "dags"))
    if bag.import_errors:
        print(f"DAG import errors: {bag.import_errors}", file=sys.stderr)
        return 2
    dag = bag.dags[DAG_ID]
    # dag.test() builds its scheduler-side DAG from an in-memory serialization, where the deadline
    # alerts are still dicts, not the ids of their database rows: a successful run then fails on
    # looking them up (Airflow 3.3.2). A deadline needs a scheduler to fire anyway, so in-process
    # runs go without it; the scheduler (`newsdw ui`, a deployment) keeps it.
    dag.deadline = None
    _serve_one_api_version()
    lines = _task_lines(out)
    get_listener_manager().add_listener(lines)
    failed = 0
    for value in argv:
        day = date.fromisoformat(value)
        lines.day, lines.reported = day.isoformat(), set()
        print(f"newsdw-start {day.isoformat()}", file=out, flush=True)
        run = _through_scheduler(day) or dag.test(logical_date=datetime(day.year, day.month, day.day, tzinfo=UTC))
        state = str(getattr(run, "state", "unknown"))
        try:  # task instances the listener did not see (skipped, upstream_failed): a display aid only
            for ti in sorted(run.get_task_instances(), key=lambda ti: (ti.task_id, ti.map_index)):
                name = f"{ti.task_id}[{ti.map_index}]" if ti.map_index >= 0 else ti.task_id
                if name not in lines.reported:
                    lines.line(ti, str(ti.state))
        except Exception as exc:  # noqa: BLE001 - the run's own state line below must still be printed
            print(f"newsdw: could not list the task instances of {day}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"newsdw-run {day.isoformat()} {state}", file=out, flush=True)
        failed += state != "success"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
