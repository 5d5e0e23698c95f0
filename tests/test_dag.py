"""The DAG files: import cleanly, are configured as production DAGs (timeouts, callbacks, deadline,
delivery sensor first, an asset consumer), and are cheap to parse; the delivery trigger's logic."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
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
    # archives go back years: dag.test of a date before start_date would run no task at all
    assert dag.start_date.year <= 2000 and dag.catchup is False
    for t in dag.tasks:
        assert t.retries >= 1, t.task_id
        assert t.owner == "data-platform"
    # the delivery sensor heads the DAG: nothing reads the landing folder before the files are there
    assert [t.task_id for t in dag.topological_sort()] == ["wait_for_delivery", "discover", "parse", "warehouse", "report"]
    assert dag.catchup is False and dag.max_active_runs >= 1
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


@pytest.fixture(scope="module")
def bag(tmp_path_factory):
    """The DagBag of dags/ (both DAG files), parsed once."""
    import os

    os.environ.setdefault("AIRFLOW_HOME", str(tmp_path_factory.mktemp("airflow")))
    from airflow.dag_processing.dagbag import DagBag

    parsed = DagBag(dag_folder=str(DAG_FILE.parent), known_pools={"duckdb_writer", "default_pool"})
    assert parsed.import_errors == {}
    return parsed


def test_every_task_has_a_timeout_and_a_failure_callback_that_never_raises(bag):
    from ingestion.delivery import on_failure

    for dag in bag.dags.values():
        for t in dag.tasks:
            assert t.execution_timeout is not None and t.execution_timeout <= timedelta(hours=36), (dag.dag_id, t.task_id)
            callbacks = t.on_failure_callback if isinstance(t.on_failure_callback, list) else [t.on_failure_callback]
            assert on_failure in callbacks, (dag.dag_id, t.task_id)
    daily = bag.dags["news_daily"]
    assert daily.on_failure_callback in (on_failure, [on_failure])
    # the writer chain may take long, a parse may not; the sensor's backstop outlasts the longest wait
    assert daily.task_dict["warehouse"].execution_timeout == timedelta(hours=2)
    assert daily.task_dict["parse"].execution_timeout == timedelta(minutes=20)
    assert daily.task_dict["wait_for_delivery"].execution_timeout > timedelta(hours=30)
    # the report runs whatever happened upstream, so a failed run still gets its report
    assert daily.task_dict["report"].trigger_rule == "all_done"
    # a callback given a context it cannot read logs and returns; it never raises
    assert on_failure({}) is None
    assert on_failure({"dag_run": object()}) is None


def test_daily_run_has_a_deadline_alert_with_an_async_callback(bag):
    from airflow.sdk import AsyncCallback, DeadlineReference

    alerts = bag.dags["news_daily"].deadline
    alerts = alerts if isinstance(alerts, list) else [alerts]
    assert len(alerts) == 1
    (alert,) = alerts
    assert alert.reference == DeadlineReference.DAGRUN_QUEUED_AT
    assert alert.interval == timedelta(hours=12)
    assert isinstance(alert.callback, AsyncCallback)
    assert alert.callback.path == "ingestion.delivery.deadline_missed"
    from airflow.sdk._shared.module_loading import import_string

    # the path resolves to a coroutine function, as the triggerer imports it
    assert asyncio.iscoroutinefunction(import_string(alert.callback.path))


def test_deadline_callback_appends_to_the_alerts_log(tmp_path, monkeypatch):
    from ingestion.delivery import deadline_missed

    monkeypatch.setenv("NEWSDW_HOME", str(tmp_path))
    # the context the scheduler hands the triggerer: the run as the REST API shows it
    run = {"dag_run_id": "scheduled__2026-04-02T00:00:00+00:00", "logical_date": "2026-04-02T00:00:00Z", "conf": {}}
    asyncio.run(deadline_missed(context={"dag_run": run}, within="12:00:00"))
    line = (tmp_path / "alerts.log").read_text(encoding="utf-8")
    assert "deadline missed: news_daily run scheduled__2026-04-02T00:00:00+00:00 (date 2026-04-02) not finished 12:00:00" in line
    asyncio.run(deadline_missed(context=None))  # nothing to read: still no exception


def test_marts_asset_has_a_consumer_dag(bag):
    daily, consumer = bag.dags["news_daily"], bag.dags["news_freshness"]
    outlets = {a.uri for a in daily.task_dict["warehouse"].outlets}
    assert outlets == {"newsdw://warehouse/raw", "newsdw://warehouse/marts"}
    # scheduled on the asset (or daily at noon, so a day without any load is still checked)
    assert [a.uri for a in consumer.timetable.asset_condition.objects] == ["newsdw://warehouse/marts"]
    assert consumer.timetable.timetable.expression == "0 12 * * *"
    assert [t.task_id for t in consumer.tasks] == ["source_freshness"]
    assert consumer.task_dict["source_freshness"].pool == "duckdb_writer"  # dbt opens the warehouse


def test_after_downtime_the_scheduler_creates_only_the_latest_run(bag):
    """catchup=False: three days down, and the next scheduled run is today's only; the gap is a backfill."""
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import DataInterval, TimeRestriction

    dag = bag.dags["news_daily"]
    timetable = coerce_to_core_timetable(dag.timetable)
    last = datetime(2026, 4, 1, tzinfo=UTC)
    now = datetime.now(UTC)
    info = timetable.next_dagrun_info(
        last_automated_data_interval=DataInterval(last, last),
        restriction=TimeRestriction(earliest=dag.start_date, latest=None, catchup=dag.catchup),
    )
    today = datetime.combine(now.date(), datetime.min.time(), tzinfo=UTC)
    assert info.logical_date in (today, today + timedelta(days=1))  # not 2026-04-02: the missed days are skipped


def test_run_date_comes_from_conf_then_logical_date(bag):
    from types import SimpleNamespace

    from ingestion.delivery import run_date_of

    stamp = datetime(2026, 4, 2, tzinfo=UTC)
    assert run_date_of({"dag_run": SimpleNamespace(conf={}, run_after=stamp), "logical_date": stamp}) == date(2026, 4, 2)
    rerun = {"dag_run": SimpleNamespace(conf={"date": "2026-03-30"}, run_after=stamp), "logical_date": None}
    assert run_date_of(rerun) == date(2026, 3, 30)
    no_logical = {"dag_run": SimpleNamespace(conf=None, run_after=stamp), "logical_date": None, "params": {"date": None}}
    assert run_date_of(no_logical) == date(2026, 4, 2)
    # the trigger form's "date" field: an optional ISO date
    param = bag.dags["news_daily"].params.get_param("date")
    assert param.value is None and param.schema["format"] == "date"


def test_delivery_deadline_and_timeout(monkeypatch):
    from ingestion.delivery import delivery_deadline

    day, now = date(2026, 4, 2), datetime(2026, 4, 2, 7, tzinfo=UTC)
    monkeypatch.delenv("NEWSDW_DELIVERY_TIMEOUT_S", raising=False)
    monkeypatch.delenv("NEWSDW_DELIVERY_DEADLINE_H", raising=False)
    assert delivery_deadline(day, now) == datetime(2026, 4, 3, 6, tzinfo=UTC)  # 06:00 UTC the next day
    monkeypatch.setenv("NEWSDW_DELIVERY_DEADLINE_H", "12")
    assert delivery_deadline(day, now) == datetime(2026, 4, 2, 12, tzinfo=UTC)
    monkeypatch.setenv("NEWSDW_DELIVERY_TIMEOUT_S", "0")  # what newsdw run sets: check once
    assert delivery_deadline(day, now) == now


def test_trigger_waits_for_a_late_file_and_reports_a_missing_folder(tmp_path):
    from ingestion.delivery import DeliveryTrigger, delivery_state

    folder = tmp_path / "2026-04-02"
    assert delivery_state(folder) == "missing"

    async def first_event(trigger):
        async for event in trigger.run():
            return event.payload

    async def late_delivery():
        await asyncio.sleep(0.3)
        folder.mkdir()
        assert delivery_state(folder) == "empty"
        await asyncio.sleep(0.3)
        (folder / "page_01.txt").write_text("一\n", encoding="utf-8")

    async def both():
        deadline = (datetime.now(UTC) + timedelta(seconds=30)).isoformat()
        waiting = asyncio.ensure_future(first_event(DeliveryTrigger(str(folder), deadline, poke_s=0.1)))
        await late_delivery()
        return await asyncio.wait_for(waiting, 10)

    event = asyncio.run(both())
    assert event["state"] == "delivered" and event["folder"] == str(folder)
    # past the deadline with no folder: one event saying so, at once
    gone = tmp_path / "2026-04-03"
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    event = asyncio.run(asyncio.wait_for(first_event(DeliveryTrigger(str(gone), past, poke_s=60)), 5))
    assert event == {"state": "missing", "folder": str(gone), "deadline": past}
    # the trigger serializes to what the triggerer rebuilds it from
    path, kwargs = DeliveryTrigger(str(gone), past, 5).serialize()
    assert path == "ingestion.delivery.DeliveryTrigger" and kwargs == {"folder": str(gone), "deadline": past, "poke_s": 5}
