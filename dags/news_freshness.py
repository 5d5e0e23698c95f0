"""
### news_freshness

Consumer of the `newsdw://warehouse/marts` asset that `news_daily`'s writer chain updates:
after each warehouse update, and daily at 12:00 UTC whether or not anything was loaded, runs
`dbt source freshness` on the raw tables (`dbt_project/models/staging/_sources.yml`: age of
the newest `run_date`, warn after 2 days, error after 4) and writes `reports/freshness.json`.
A stale source fails this DAG's run (and logs the ages), never the daily run: the daily
chain's cost stays flat. Helpers: `ingestion.freshness`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, AssetOrTimeSchedule, CronTriggerTimetable, dag, task

from ingestion.delivery import on_failure

MARTS = Asset("newsdw://warehouse/marts")  # the same URI news_daily's warehouse task declares as an outlet


@dag(
    dag_id="news_freshness",
    schedule=AssetOrTimeSchedule(timetable=CronTriggerTimetable("0 12 * * *", timezone="UTC"), assets=[MARTS]),
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "data-platform", "retries": 1, "retry_delay": timedelta(minutes=5),
                  "execution_timeout": timedelta(minutes=15), "on_failure_callback": on_failure},
    tags=["newsdw", "dbt", "freshness"],
    doc_md=__doc__,
)
def news_freshness():
    @task(pool="duckdb_writer")
    def source_freshness() -> dict:
        """Run dbt source freshness; fail on an error-level stale source (the summary is written first)."""
        from airflow.sdk.exceptions import AirflowFailException

        from ingestion.freshness import source_freshness as check
        from ingestion.settings import Settings

        summary = check(Settings.from_env())
        for row in summary["sources"]:
            print(f"{row['status']:>5}  {row['source']:<24} newest run_date {row['max_loaded_at']} ({row['age_hours']} h)")
        if summary["status"] == "error":
            raise AirflowFailException("raw tables are stale (dbt source freshness): see reports/freshness.json")
        return summary

    source_freshness()


news_freshness()
