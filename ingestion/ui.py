"""``newsdw ui``: Airflow's scheduler, triggerer, DAG processor and web UI for this project, in one command.

It runs ``airflow standalone`` with the project's Airflow environment (``airflow_env``: the
project-local ``AIRFLOW_HOME`` with SQLite metadata, ``dags/`` only, no example DAGs, no
telemetry), the environment's ``bin/`` first on PATH (standalone starts its parts as
``airflow`` from PATH), the API server on ``host:port`` and the Execution API address that
matches it. Standalone forces the LocalExecutor. It prints the URL and the admin password
Airflow generated (kept in ``<AIRFLOW_HOME>/simple_auth_manager_passwords.json.generated``).
Ctrl-C (or SIGTERM) stops every part.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ingestion.airflow_runner import airflow_env, ensure_airflow
from ingestion.settings import PROJECT_ROOT, Settings

PASSWORD_FILE = "simple_auth_manager_passwords.json.generated"
USER = "admin"


def ui_env(settings: Settings, host: str = "127.0.0.1", port: int = 8080) -> dict[str, str]:
    """The environment ``airflow standalone`` runs in for this project."""
    env = airflow_env(settings)
    venv_bin = Path(sys.executable).parent
    local = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    env.update({
        "PATH": f"{venv_bin}{os.pathsep}{env.get('PATH', '')}",
        "AIRFLOW__API__HOST": host,
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__API__BASE_URL": f"http://{local}:{port}",
        # task processes report back to this address: it must be the API server just started
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://{local}:{port}/execution/",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{USER}:admin",
        "AIRFLOW__CORE__PARALLELISM": env.get("AIRFLOW__CORE__PARALLELISM", str(max(2, os.cpu_count() or 2))),
        "AIRFLOW__LOGGING__LOGGING_LEVEL": os.environ.get("AIRFLOW__LOGGING__LOGGING_LEVEL", "INFO"),
        "GX_ANALYTICS_ENABLED": "False",
    })
    return env


def read_password(settings: Settings) -> str | None:
    """The admin password Airflow generated for this AIRFLOW_HOME, or None before it exists."""
    try:
        return json.loads((settings.airflow_home / PASSWORD_FILE).read_text(encoding="utf-8")).get(USER)
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def stop_tree(pid: int, grace_s: float = 30.0) -> None:
    """Stop a process, its process group and every descendant: SIGTERM, then SIGKILL after ``grace_s``.

    Airflow's task processes put themselves in process groups of their own (the task SDK's
    supervisor), so the descendants are collected first, while the tree is intact.
    """
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        procs = []
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            pass
        for proc in procs:
            try:
                proc.send_signal(sig)
            except psutil.NoSuchProcess:
                pass
        _, procs = psutil.wait_procs(procs, timeout=grace_s if sig == signal.SIGTERM else 10)
        if not procs:
            break


def serve_ui(settings: Settings, host: str = "127.0.0.1", port: int = 8080,
             say: Callable[[str], None] = print) -> int:
    """Run ``airflow standalone`` for the project until Ctrl-C or SIGTERM; return its exit code (0 when stopped)."""
    ensure_airflow(settings)  # the schema and the one-slot duckdb_writer pool
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    say(f"newsdw ui: starting Airflow (scheduler, triggerer, DAG processor, UI) with AIRFLOW_HOME={settings.airflow_home}")
    say(f"newsdw ui: DAGs from {PROJECT_ROOT / 'dags'}; data under {settings.home}; reports in {settings.reports}")
    # its own session: Ctrl-C reaches only this process, which then stops the whole tree in order
    proc = subprocess.Popen([str(Path(sys.executable).with_name("airflow")), "standalone"],
                            env=ui_env(settings, host, port), cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL,
                            start_new_session=True)

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    shown = False
    try:
        while proc.poll() is None:
            password = None if shown else read_password(settings)
            if password:
                say(f"\nnewsdw ui: open {url}  user: {USER}  password: {password}\n"
                    f"newsdw ui: (password kept in {settings.airflow_home / PASSWORD_FILE}); Ctrl-C stops everything\n")
                shown = True
            time.sleep(0.5)
    except KeyboardInterrupt:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the shutdown short
        say("newsdw ui: stopping Airflow")
        stop_tree(proc.pid)
        proc.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    return proc.returncode or 0
