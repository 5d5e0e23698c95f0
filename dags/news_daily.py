"""
### news_daily

Ingests one day's landed newspaper pages into the DuckDB warehouse.

`discover` lists `<landing>/<run date>/`, copies every file into the content-addressed
`raw/` store and skips files another date already ingested; `parse` runs once per file
(dynamically mapped, no database) and stages Parquet; `load` replaces the date's rows in
the `raw` schema in one transaction; `dbt_build` builds staging views and marts and runs
the dbt tests; `validate` runs the Great Expectations checkpoint and writes Data Docs;
`report` (runs whatever happened upstream) writes the run summary `reports/runs/<date>.html`
and `.json` and the index `reports/index.html`, prints where they are, and only then fails
the run when a critical expectation failed or a step did not complete. Warnings leave the
run green and are listed in the summary.

The DuckDB writers (`load`, `dbt_build`) and the reader `validate` share the one-slot
pool `duckdb_writer`, so concurrent runs and backfills queue instead of colliding on
the file lock. Paths come from `NEWSDW_*` environment variables (see `ingestion.settings`).
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

    @task(pool=WRITER_POOL, trigger_rule="none_failed", outlets=[RAW_TABLES])
    def load() -> dict:
        """Replace the run date's rows in the raw schema (one transaction)."""
        from ingestion.pipeline import load as run

        return run(_settings(), _run_date())

    @task(pool=WRITER_POOL, outlets=[MARTS])
    def dbt_build() -> dict:
        """dbt build: staging views, marts and their tests."""
        from ingestion.pipeline import transform

        return transform(_settings(), _run_date())

    @task(pool=WRITER_POOL)
    def publish() -> dict:
        """Publish the analysts' read-only snapshot and the dbt docs page (lineage, column docs)."""
        from ingestion.publish import publish_snapshot
        from ingestion.transform import dbt_docs

        settings = _settings()
        return {"snapshot": str(publish_snapshot(settings)), "dbt_docs": str(dbt_docs(settings))}

    @task(pool=WRITER_POOL)
    def validate() -> dict:
        """Great Expectations checkpoint over raw tables and facts; writes Data Docs.

        Never fails on a failed expectation: it returns the counts (the full result stays in
        the run folder) so that `report` writes the summary first and then fails the run.
        """
        from ingestion.pipeline import validate as run

        return run(_settings(), _run_date())

    @task(trigger_rule="all_done")
    def report(parsed, loaded, built, validated) -> dict:
        """Write the run summary and index; then fail the run on a critical failure or a failed step.

        AirflowFailException skips the retries: a critical data failure does not heal by retrying.
        """
        from airflow.exceptions import AirflowFailException

        from ingestion.pipeline import report as run

        outcome = {
            "parsed": [p for p in (parsed or []) if p],
            "loaded": loaded,
            "built": built,
            "validated": validated,
        }
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
    loaded = load()
    built = dbt_build()
    validated = validate()
    parsed >> loaded >> built >> [validated, publish()]
    report(parsed, loaded, built, validated)


news_daily()
