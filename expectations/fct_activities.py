"""Suite for ``marts.fct_activities``: one row per activity mention (grain)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    WARNING,
    in_set,
    is_true,
    not_null,
    span_expectations,
    suite_name,
    table_expectations,
)
from ingestion.records import ACTIVITY_TYPES

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_activities"

COLUMNS = (
    "activity_id",
    "article_id",
    "page_id",
    "run_date",
    "date_key",
    "newspaper_key",
    "region_key",
    "activity_type",
    "organizer",
    "activity_name",
    "place",
    "quote",
    "char_start",
    "char_end",
)

QUERY = """
with run as (
    select * from marts.fct_activities where run_date = $run_date
),

key_rows as (
    select activity_id, count(*) as activity_id_rows_in_table
    from marts.fct_activities
    where activity_id in (select activity_id from run)
    group by activity_id
)

select
    run.*,
    key_rows.activity_id_rows_in_table,
    run.article_id in (select article_id from marts.fct_articles) as article_exists,
    coalesce(length(run.quote) = run.char_end - run.char_start, false) as span_fits_quote,
from run
left join key_rows on run.activity_id = key_rows.activity_id
"""

PARAMETERS = {"raw_activities_rows": "select count(*) from raw.activities where run_date = $run_date"}


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, activity-type vocabulary, quotes and reconciliation."""
    e = gx.expectations
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, COLUMNS, "activity_id"),
            *not_null(
                gx,
                (
                    "article_id",
                    "date_key",
                    "newspaper_key",
                    "region_key",
                    "activity_type",
                    "quote",
                ),
            ),
            in_set(gx, "activity_type", ACTIVITY_TYPES),
            *span_expectations(gx),
            is_true(
                gx,
                "article_exists",
                "Every activity's article is in `marts.fct_articles`.",
                WARNING,
            ),
            e.ExpectTableRowCountToEqual(
                value={"$PARAMETER": "raw_activities_rows"},
                severity=WARNING,
                description="One fact row per raw activity of the run (deduplication may lower it).",
            ),
        ],
    )
