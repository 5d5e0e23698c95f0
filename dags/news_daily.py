"""
### news_daily

Ingests one day's landed newspaper pages into the DuckDB warehouse.

`discover` lists `<landing>/<run date>/`, copies every file into the content-addressed
`raw/` store and skips files already ingested; `parse` runs once per file (dynamically
mapped, no database) and stages Parquet; `warehouse` is the writer chain: it loads the
date into the `raw` schema (one transaction), runs one `dbt build` (staging views,
incremental marts, tests of the new rows), the Great Expectations checkpoint (Data Docs)
and publishes the analysts' snapshot; `report` (runs whatever happened upstream) writes
the run summary `reports/runs/<date>.html` and `.json` and the index
`reports/index.html`, prints where they are, and only then fails the run when a critical
expectation failed or a step did not complete. Warnings leave the run green.

The writer chain holds the warehouse's inter-process writer lock from load to publish
(`ingestion.locks`), the same lock `newsdw run`, `newsdw backfill` and the tests take,
so concurrent runs queue whole instead of interleaving or colliding on DuckDB's file
lock; a wait is logged with the holder's PID and bounded (`NEWSDW_LOCK_WAIT_S`). The
one-slot pool `duckdb_writer` keeps the scheduler from starting a second chain that
would only wait. Paths come from `NEWSDW_*` environment variables (`ingestion.settings`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, dag, get_current_context, task

DAG_ID = "news_daily"
WRITER_POOL = "duckdb_writer"
RAW_TABLES = Asset("newsdw://warehouse/raw")
MARTS = Asset("newsdw://warehouse/marts")

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
}


def _run_date():
    """The day whose files this run ingests: the run's logical date."""
    ctx = get_current_context()
    stamp = ctx.get("logical_date") or ctx["dag_run"].run_after
    return stamp.date()


def _settings():
    from ingestion.settings import Settings

    return Settings.from_env()


@dag(
    dag_id=DAG_ID,
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=4,
    default_args=default_args,
    tags=["newsdw", "ingestion", "dbt", "great-expectations"],
    doc_md=__doc__,
)
def news_daily():
    @task
    def discover() -> list[dict]:
        """Copy the day's landed files to raw/ and list those to parse."""
        from ingestion.pipeline import discover as run

        return run(_settings(), _run_date())

    @task(map_index_template="{{ file_name }}")
    def parse(item: dict) -> dict:
        """Parse one file into staged Parquet (bad input is quarantined, not raised)."""
        from ingestion.pipeline import parse_file

        get_current_context()["file_name"] = item["file_name"]
        return parse_file(_settings(), _run_date(), item)

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
        validated = outcome["validated"]
        return {
            "loaded": next(iter(outcome["loaded"].values())),
            "built": outcome["built"],
            "validated": validated,
            "published": outcome["published"],
        }

    @task(trigger_rule="all_done")
    def report(parsed, chain) -> dict:
        """Write the run summary and index; then fail the run on a critical failure or a failed step.

        AirflowFailException skips the retries: a critical data failure does not heal by retrying.
        """
        from airflow.exceptions import AirflowFailException

        from ingestion.pipeline import report as run

        outcome = {"parsed": [p for p in (parsed or []) if p], **(chain or {})}
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
    parsed = parse.expand(item=files)
    chain = warehouse()
    parsed >> chain
    report(parsed, chain)


news_daily()
