"""Suite for ``marts.fct_articles``: one row per article (grain), keyed to the dimensions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    WARNING,
    in_set,
    is_true,
    not_null,
    suite_name,
    table_expectations,
)
from ingestion.records import ARTICLE_KINDS

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_articles"

COLUMNS = (
    "article_id",
    "page_id",
    "run_date",
    "date_key",
    "newspaper_key",
    "region_key",
    "page_number",
    "ordinal",
    "title",
    "subtitle",
    "kicker",
    "section",
    "article_kind",
    "byline",
    "dateline_place",
    "char_count",
    "people_count",
    "region_count",
    "organization_count",
    "activity_count",
    "metric_count",
)
COUNT_COLUMNS = ("people_count", "region_count", "organization_count", "activity_count", "metric_count")

QUERY = """
with run as (
    select * from marts.fct_articles where run_date = $run_date
),

key_rows as (
    select article_id, count(*) as article_id_rows_in_table
    from marts.fct_articles
    where article_id in (select article_id from run)
    group by article_id
)

select
    run.*,
    key_rows.article_id_rows_in_table,
    run.article_id in (select article_id from raw.articles) as traces_to_raw,
from run
left join key_rows on run.article_id = key_rows.article_id
"""

# Row-count reconciliation with the layer below, passed as suite parameters per run.
PARAMETERS = {"raw_articles_rows": "select count(*) from raw.articles where run_date = $run_date"}


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, vocabulary, counts and reconciliation with raw.articles."""
    e = gx.expectations
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, COLUMNS, "article_id"),
            *not_null(
                gx,
                (
                    "page_id",
                    "date_key",
                    "newspaper_key",
                    "region_key",
                    "article_kind",
                    *COUNT_COLUMNS,
                ),
            ),
            in_set(gx, "article_kind", ARTICLE_KINDS),
            *[
                e.ExpectColumnValuesToBeBetween(
                    column=column,
                    min_value=0,
                    severity=CRITICAL,
                    description=f"`{column}` is not negative.",
                )
                for column in COUNT_COLUMNS
            ],
            is_true(
                gx,
                "traces_to_raw",
                "Every fact article traces back to a row of `raw.articles`.",
                WARNING,
            ),
            e.ExpectTableRowCountToEqual(
                value={"$PARAMETER": "raw_articles_rows"},
                severity=WARNING,
                description="One fact row per raw article of the run (deduplication may lower it).",
            ),
        ],
    )
