"""Suite for ``raw.activities``: one row per activity mention extracted from an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    in_set,
    is_true,
    not_null,
    span_expectations,
    suite_name,
    table_expectations,
)
from ingestion.records import ACTIVITY_TYPES, columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.activities"

QUERY = """
with run as (
    select * from raw.activities where run_date = $run_date
),

key_rows as (
    select activity_id, count(*) as activity_id_rows_in_table
    from raw.activities
    where activity_id in (select activity_id from run)
    group by activity_id
)

select
    run.*,
    key_rows.activity_id_rows_in_table,
    run.article_id in (select article_id from raw.articles) as article_exists,
    coalesce(length(run.quote) = run.char_end - run.char_start, false) as span_fits_quote,
from run
left join key_rows on run.activity_id = key_rows.activity_id
"""


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, activity-type vocabulary and traceable quotes."""
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, columns("activities"), "activity_id"),
            *not_null(
                gx,
                (
                    "article_id",
                    "page_id",
                    "activity_type",
                    "quote",
                    "char_start",
                    "char_end",
                ),
            ),
            is_true(
                gx,
                "article_exists",
                "Every activity belongs to an article in `raw.articles`.",
            ),
            in_set(gx, "activity_type", ACTIVITY_TYPES),
            *span_expectations(gx),
        ],
    )
