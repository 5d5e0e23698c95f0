"""The in-process Airflow runner's narrowing of ``dag.test``'s Execution API to the one version it serves."""

from __future__ import annotations

import json
import subprocess
import sys

from support import REPO

PROBE = r"""
import json
from airflow.api_fastapi.execution_api import versions
from airflow.api_fastapi.execution_api.app import InProcessExecutionAPI
from airflow.sdk.api.datamodels._generated import API_VERSION
from ingestion.airflow_runner import _serve_one_api_version

full = [str(v.value) for v in versions.bundle.versions]
narrowed = _serve_one_api_version()
api = InProcessExecutionAPI()
import httpx
client = httpx.Client(transport=api.transport, base_url="http://in-process.invalid./")
ping = client.get("/health/ping", headers={"airflow-api-version": API_VERSION})
older = client.get("/health/ping", headers={"airflow-api-version": full[-1]})
paths = sorted({r.path for r in api.app.routes if hasattr(r, "path")})
print(json.dumps({
    "narrowed": narrowed, "full": full, "served": [str(v.value) for v in versions.bundle.versions],
    "sdk": API_VERSION, "ping": ping.status_code, "older": older.status_code, "paths": paths,
}))
"""


def test_dag_test_execution_api_serves_only_the_sdk_version():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    assert probe["narrowed"] is True
    # Airflow itself serves several dated versions; this process keeps only the one its Task SDK speaks
    assert len(probe["full"]) > 1 and probe["full"][0] == probe["sdk"]
    assert probe["served"] == [probe["sdk"]]
    assert probe["ping"] == 200
    # an older client would be refused here: this app is for the Task SDK beside it, nothing else
    assert probe["older"] != 200
    # the routes the task runner calls are all there
    assert any(p.startswith("/task-instances/{task_instance_id}/run") for p in probe["paths"]), probe["paths"]
    assert any(p.startswith("/xcoms/") for p in probe["paths"])
