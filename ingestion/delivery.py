"""When a day's files have landed, and what a run does until then (the DAG's Airflow helpers).

Delivery convention: a day is delivered when ``<landing>/<YYYY-MM-DD>/`` holds at least one
file. Files appear as the supplier copies them; no marker file is needed. A folder that
exists but is still empty at the deadline counts as delivered (a delivery of nothing): the run
goes on and the landed-files expectation fails it as a data fault, with the usual report. A
folder that does not exist at the deadline is no delivery: the sensor fails the run and the
report says ``no delivery by <deadline>``.

The deadline of date D is D 00:00 UTC plus ``NEWSDW_DELIVERY_DEADLINE_H`` hours (default 30:
06:00 UTC the next day). ``NEWSDW_DELIVERY_TIMEOUT_S`` caps the wait from the moment the
sensor starts (``newsdw run`` sets it to 0 when unset: check once, never stall);
``NEWSDW_DELIVERY_POKE_S`` is the interval between checks (default 300). The wait is
deferred: ``DeliveryTrigger`` runs in the triggerer and holds no worker slot.

The run date of a run is ``dag_run.conf["date"]`` when given (a re-run of a date from the UI
or the REST API, with or without a logical date), else the run's logical date, else its
``run_after`` (``run_date_of``). Everything here is cheap to import: the DAG file imports it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from airflow.sdk import BaseSensorOperator
from airflow.sdk.exceptions import AirflowFailException
from airflow.triggers.base import BaseTrigger, TriggerEvent

log = logging.getLogger(__name__)

DEFAULT_DEADLINE_H = 30.0
DEFAULT_POKE_S = 300.0
DELIVERY_KEY = "delivery"  # the sensor's XCom key, read by the report task


def run_date_of(context: Any) -> date:
    """The day a run ingests: ``conf["date"]`` (a re-run), else the logical date, else ``run_after``."""
    dag_run = context["dag_run"]
    wanted = (getattr(dag_run, "conf", None) or {}).get("date") or (context.get("params") or {}).get("date")
    if wanted:
        return date.fromisoformat(str(wanted)[:10])
    stamp = context.get("logical_date") or dag_run.run_after
    return stamp.date()


def _env_float(name: str, default: float | None, env: dict[str, str] | None = None) -> float | None:
    value = (os.environ if env is None else env).get(name, "").strip()
    return float(value) if value else default


def delivery_deadline(day: date, now: datetime, env: dict[str, str] | None = None) -> datetime:
    """The moment a run of ``day`` stops waiting: the day's deadline, or sooner under ``NEWSDW_DELIVERY_TIMEOUT_S``."""
    hours = _env_float("NEWSDW_DELIVERY_DEADLINE_H", DEFAULT_DEADLINE_H, env)
    deadline = datetime.combine(day, time(), tzinfo=UTC) + timedelta(hours=hours)
    cap = _env_float("NEWSDW_DELIVERY_TIMEOUT_S", None, env)
    if cap is not None:
        deadline = min(deadline, now + timedelta(seconds=max(cap, 0.0)))
    return deadline


def delivery_state(folder: Path) -> str:
    """``delivered`` (at least one file), ``empty`` (the folder, no file yet) or ``missing`` (no folder)."""
    try:
        with os.scandir(folder) as entries:
            return "delivered" if any(not e.name.startswith(".") for e in entries) else "empty"
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "missing"


def no_delivery_message(folder: Path | str, deadline: datetime | str) -> str:
    """The one line the sensor fails with and the report shows."""
    when = deadline if isinstance(deadline, str) else deadline.isoformat(timespec="seconds")
    return f"no delivery by {when}: {folder} does not exist"


class DeliveryTrigger(BaseTrigger):
    """Checks a landing folder every ``poke_s`` seconds in the triggerer until files land or the deadline passes."""

    def __init__(self, folder: str, deadline: str, poke_s: float = DEFAULT_POKE_S):
        super().__init__()
        self.folder, self.deadline, self.poke_s = folder, deadline, poke_s

    def serialize(self) -> tuple[str, dict[str, Any]]:
        """Class path and arguments, as the triggerer rebuilds the trigger."""
        return (f"{__name__}.DeliveryTrigger", {"folder": self.folder, "deadline": self.deadline, "poke_s": self.poke_s})

    async def run(self) -> AsyncIterator[TriggerEvent]:
        """Yield one event: the folder's state when files landed or when the deadline passed."""
        deadline = datetime.fromisoformat(self.deadline)
        while True:
            # a directory listing can block on a network mount: off the triggerer's event loop
            state = await asyncio.to_thread(delivery_state, Path(self.folder))
            remaining = (deadline - datetime.now(UTC)).total_seconds()
            if state == "delivered" or remaining <= 0:
                yield TriggerEvent({"state": state, "folder": self.folder, "deadline": self.deadline})
                return
            await asyncio.sleep(min(self.poke_s, remaining))


class DeliverySensor(BaseSensorOperator):
    """Waits (deferred) until the run date's landing folder holds files; fails with "no delivery by <deadline>".

    ``poke`` makes it usable in poke/reschedule mode too; ``execute`` defers to ``DeliveryTrigger``.
    """

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("poke_interval", DEFAULT_POKE_S)
        super().__init__(**kwargs)

    def _folder(self, context: Any) -> tuple[date, Path]:
        from ingestion.settings import Settings

        day = run_date_of(context)
        return day, Settings.from_env().landing / day.isoformat()

    def poke(self, context: Any) -> bool:
        """True once the folder holds a file."""
        return delivery_state(self._folder(context)[1]) == "delivered"

    def execute(self, context: Any) -> dict[str, str]:
        """Go on at once when delivered (or past the deadline); otherwise defer until files land or the deadline."""
        day, folder = self._folder(context)
        # `newsdw run` handing a date to a running scheduler passes its wait cap in the run's conf
        cap = (getattr(context["dag_run"], "conf", None) or {}).get("delivery_timeout_s")
        env = None if cap is None else {**os.environ, "NEWSDW_DELIVERY_TIMEOUT_S": str(cap)}
        deadline = delivery_deadline(day, datetime.now(UTC), env)
        state = delivery_state(folder)
        if state == "delivered" or datetime.now(UTC) >= deadline:
            return self._finish(context, {"state": state, "folder": str(folder), "deadline": deadline.isoformat()})
        poke_s = _env_float("NEWSDW_DELIVERY_POKE_S", DEFAULT_POKE_S) or DEFAULT_POKE_S
        log.info("waiting for files in %s until %s (checking every %.0f s)", folder, deadline.isoformat(), poke_s)
        # the trigger's own deadline decides; Airflow's timeout is only a backstop a little later
        self.defer(trigger=DeliveryTrigger(str(folder), deadline.isoformat(), poke_s), method_name="execute_complete",
                   timeout=deadline - datetime.now(UTC) + timedelta(minutes=10))

    def execute_complete(self, context: Any, event: dict[str, str] | None = None) -> dict[str, str]:
        """Resume after the trigger: go on, or fail when no folder appeared."""
        return self._finish(context, event or {})

    def _finish(self, context: Any, event: dict[str, str]) -> dict[str, str]:
        # the report task reads this record, also when this task failed
        context["ti"].xcom_push(key=DELIVERY_KEY, value=event)
        if event.get("state") == "missing":
            raise AirflowFailException(no_delivery_message(event["folder"], event["deadline"]))
        if event.get("state") == "empty":
            log.warning("%s is empty at the deadline %s: going on, the landed-files expectation judges it",
                        event["folder"], event["deadline"])
        return event


def delivery_errors(record: dict | None) -> dict[str, str]:
    """Errors for the report when the delivery never came: on the load step, which never ran."""
    if record and record.get("state") == "missing":
        return {"loaded": no_delivery_message(record["folder"], record["deadline"])}
    return {}


def on_failure(context: Any) -> None:
    """Failure callback (task and DAG): log which task failed and where the run's report is; never raises.

    The report itself is written by the ``report`` task, which runs whatever happened upstream
    (trigger rule ``all_done``); this callback only points at it.
    """
    try:
        from ingestion.settings import Settings

        day = run_date_of(context)
        ti = context.get("ti") or context.get("task_instance")
        what = f"task {ti.task_id}" if ti is not None else f"run {getattr(context.get('dag_run'), 'run_id', '?')}"
        page = Settings.from_env().reports / "runs" / f"{day.isoformat()}.html"
        log.error("news_daily %s failed for %s; the run's report is (or will be) at %s (reason: %s)",
                  what, day, page, context.get("exception") or context.get("reason") or "see the task log")
    except Exception:  # a callback that raises hides the failure it reports
        log.exception("news_daily failure callback could not describe the failure")


async def deadline_missed(context: dict | None = None, **kwargs: Any) -> None:
    """Deadline alert callback (runs in the triggerer): log the late run and append it to ``<home>/alerts.log``."""
    try:
        from ingestion.settings import Settings

        # the scheduler passes the run as the REST API shows it (DAGRunResponse: dag_run_id, conf, logical_date)
        dag_run = (context or {}).get("dag_run") or {}
        run_id = dag_run.get("dag_run_id") or dag_run.get("run_id") if isinstance(dag_run, dict) else None
        day = ((dag_run.get("conf") or {}).get("date") or (dag_run.get("logical_date") or "")[:10]) \
            if isinstance(dag_run, dict) else None
        line = (f"{datetime.now(UTC).isoformat(timespec='seconds')} deadline missed: news_daily run {run_id} "
                f"(date {day or '?'}) not finished {kwargs.get('within', '')} after it was queued\n")
        log.warning(line.strip())
        alerts = Settings.from_env().home / "alerts.log"
        alerts.parent.mkdir(parents=True, exist_ok=True)
        with alerts.open("a", encoding="utf-8") as out:
            out.write(line)
    except Exception:  # the alert is best effort: never let it fail the triggerer's callback
        log.exception("deadline alert callback failed")
