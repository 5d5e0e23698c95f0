"""
### news_daily

Ingests one day's landed newspaper pages into the DuckDB warehouse.

`wait_for_delivery` waits (deferred, in the triggerer) until `<landing>/<run date>/` holds
files, and fails the run with "no delivery by <deadline>" when no folder appeared by the
deadline (06:00 UTC the day after the run date by default; `ingestion.delivery`).
`discover` lists the folder, copies every file into the content-addressed `raw/` store and
skips files already ingested; `parse` runs once per batch of files (dynamically mapped, no
database) and stages one Parquet file per table and batch; `warehouse` is the writer chain:
it loads the date into the `raw` schema (one transaction), runs one `dbt build` (staging
views, incremental marts, tests of the new rows), the Great Expectations checkpoint (Data
Docs) and publishes the analysts' snapshot;
`report` (runs whatever happened upstream) writes the run summary `reports/runs/<date>.html`
and `.json` and the index `reports/index.html`, prints where they are, and only then fails
the run when a critical expectation failed or a step did not complete (a missing delivery
included). Warnings leave the run green.

The run date is the run's logical date, or `date` in the run's conf (the trigger form's
"date" field): a date can be re-run from the UI or the REST API with no logical date, so it
never collides with the run `newsdw run` made for it. `catchup=False`: after downtime the
scheduler creates only the latest day's run; backfill the gap with `newsdw backfill --start
--end` or `airflow backfill create`. A deadline alert logs a run not finished 12 hours after
it was queued (`NEWSDW_RUN_DEADLINE_MIN`); the writer chain's success updates the `newsdw://warehouse/marts` asset, which
`news_publish_docs` consumes.

The writer chain holds the warehouse's inter-process writer lock from load to publish
(`ingestion.locks`), the same lock `newsdw run`, `newsdw backfill` and the tests take,
so concurrent runs queue whole instead of interleaving or colliding on DuckDB's file
lock; a wait is logged with the holder's PID and bounded (`NEWSDW_LOCK_WAIT_S`). The
one-slot pool `duckdb_writer` keeps the scheduler from starting a second chain that
would only wait. Paths come from `NEWSDW_*` environment variables (`ingestion.settings`).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, AsyncCallback, DeadlineAlert, DeadlineReference, Param, dag, get_current_context, task

from ingestion.delivery import DELIVERY_KEY, DeliverySensor, on_failure, run_date_of

DAG_ID = "news_daily"
WRITER_POOL = "duckdb_writer"
RAW_TABLES = Asset("newsdw://warehouse/raw")
MARTS = Asset("newsdw://warehouse/marts")
# a run not finished this long after it was queued raises the deadline alert (minutes; a test shortens it)
RUN_DEADLINE = timedelta(minutes=float(os.environ.get("NEWSDW_RUN_DEADLINE_MIN") or 12 * 60))

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "execution_timeout": timedelta(minutes=30),  # tasks below set their own where they need more
    "on_failure_callback": on_failure,
}


def _run_date():
    """The day whose files this run ingests (``ingestion.delivery.run_date_of``)."""
    return run_date_of(get_current_context())


def _settings():
    from ingestion.settings import Settings

    return Settings.from_env()


@dag(
    dag_id=DAG_ID,
    schedule="@daily",
    start_date=datetime(2000, 1, 1),  # archives go back years: a run (or dag.test) of any such date must run
    catchup=False,
    max_active_runs=4,
    default_args=default_args,
    params={"date": Param(None, type=["null", "string"], format="date", title="Date to ingest",
                          description="YYYY-MM-DD; empty: the run's logical date")},
    on_failure_callback=on_failure,
    deadline=DeadlineAlert(reference=DeadlineReference.DAGRUN_QUEUED_AT, interval=RUN_DEADLINE,
                           callback=AsyncCallback("ingestion.delivery.deadline_missed", kwargs={"within": str(RUN_DEADLINE)})),
    tags=["newsdw", "ingestion", "dbt", "great-expectations"],
    doc_md=__doc__,
)
def news_daily():
    # Deferred: waiting costs no worker slot. The wait ends at the delivery deadline, well inside this backstop.
    delivery = DeliverySensor(task_id="wait_for_delivery", execution_timeout=timedelta(hours=36))

    @task
    def discover() -> list[list[dict]]:
        """Copy the day's landed files to raw/ and list those to parse, in batches (one parse task each)."""
        from ingestion.pipeline import batches
        from ingestion.pipeline import discover as run

        return batches(run(_settings(), _run_date()))

    @task(map_index_template="{{ batch_label }}", execution_timeout=timedelta(minutes=20))
    def parse(batch: list[dict]) -> list[dict]:
        """Parse a batch of files into staged Parquet (bad input is quarantined, not raised)."""
        from ingestion.pipeline import batch_label, parse_files

        get_current_context()["batch_label"] = batch_label(batch)
        return parse_files(_settings(), _run_date(), batch)

    @task(pool=WRITER_POOL, trigger_rule="none_failed", outlets=[RAW_TABLES, MARTS],
          execution_timeout=timedelta(hours=2))
    def warehouse() -> dict:
        """Load the date (one transaction), dbt build, validate with GX and publish: one writer chain.

        The chain holds the warehouse's inter-process writer lock from the load to the publish,
        so runs of other dates (the scheduler's, `newsdw run`, `newsdw backfill`) queue whole
        instead of interleaving. Each step's result or error is recorded for the report.
        A failed expectation does not fail this task: `report` fails the run after writing.
        """
        from ingestion.pipeline import build

        outcome = build(_settings(), _run_date(), entry=f"airflow {DAG_ID}")
        return {
            "loaded": next(iter(outcome["loaded"].values())),
            "built": outcome["built"],
            "validated": next(iter(outcome["validated"].values())),
            "published": outcome["published"],
        }

    @task(trigger_rule="all_done", execution_timeout=timedelta(minutes=20))
    def report(parsed, chain) -> dict:
        """Write the run summary and index; then fail the run on a critical failure or a failed step.

        AirflowFailException skips the retries: a critical data failure does not heal by retrying.
        """
        from airflow.sdk.exceptions import AirflowFailException

        from ingestion.delivery import delivery_errors
        from ingestion.pipeline import report as run

        outcome = {"parsed": [p for batch in (parsed or []) for p in (batch or []) if p], **(chain or {})}
        # no delivery: the sensor failed and said why; the report shows it on the load step, which never ran
        record = get_current_context()["ti"].xcom_pull(task_ids="wait_for_delivery", key=DELIVERY_KEY)
        if errors := delivery_errors(record):
            outcome["errors"] = {**errors, **outcome.get("errors", {})}
        summary = run(_settings(), _run_date(), outcome)
        lines = [
            f"Data quality {_run_date()}: {summary['verdict'].upper()}. {summary['headline']}",
            *(f"  - {line}" for line in summary["reasons"] + summary["warnings"]),
            f"Run summary: {summary['html']}",
            f"All runs:    {summary['index']}",
            f"Data Docs:   {summary.get('data_docs') or '-'}",
        ]
        print("\n".join(lines))
        if summary["verdict"] == "failed":
            raise AirflowFailException(
                f"{'; '.join(summary['reasons']) or 'run failed'} (report: {summary['html']})"
            )
        return {k: summary[k] for k in ("verdict", "headline", "json", "html", "index")}

    files = discover()
    delivery >> files
    parsed = parse.expand(batch=files)
    chain = warehouse()
    parsed >> chain
    report(parsed, chain)


news_daily()
