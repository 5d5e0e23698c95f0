"""The DAG file: imports cleanly, is configured as a production DAG, and is cheap to parse."""

from __future__ import annotations

import json
import subprocess
import sys

from support import REPO

DAG_FILE = REPO / "dags" / "news_daily.py"


def test_dagbag_has_no_import_errors_and_is_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path))
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAG_FILE.parent), known_pools={"duckdb_writer", "default_pool"})
    assert bag.import_errors == {}
    dag = bag.dags["news_daily"]
    assert set(dag.tags) >= {"newsdw", "ingestion"}
    assert dag.doc_md and "news_daily" in dag.doc_md
    for t in dag.tasks:
        assert t.retries >= 1, t.task_id
        assert t.owner == "data-platform"
    assert [t.task_id for t in dag.topological_sort()] == ["discover", "parse", "warehouse", "report"]
    # one writer chain (load → dbt → validate → publish) in one task, so the writer lock spans it
    writers = {t.task_id for t in dag.tasks if t.pool == "duckdb_writer"}
    assert writers == {"warehouse"}


def test_dag_module_imports_fast_without_heavy_libraries(tmp_path):
    # Measured in a fresh interpreter after airflow.sdk itself, which any DAG file needs.
    probe = f"""
import importlib.util, json, sys, time
import airflow.sdk
t = time.perf_counter()
spec = importlib.util.spec_from_file_location("news_daily", {str(DAG_FILE)!r})
spec.loader.exec_module(importlib.util.module_from_spec(spec))
print(json.dumps({{"seconds": time.perf_counter() - t,
                  "heavy": [m for m in ("great_expectations", "pandas", "duckdb", "dbt", "pyarrow") if m in sys.modules]}}))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"AIRFLOW_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    assert result["seconds"] < 1.0, result
