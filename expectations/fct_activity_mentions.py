"""Suite for ``marts.fct_activity_mentions``: one row per activity stated in an article (grain)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    SPAN_FITS_QUOTE_SQL,
    WARNING,
    in_set,
    is_true,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import ACTIVITY_TYPES

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_activity_mentions"
KEY = "activity_mention_id"
# declared NOT NULL by the table's definition: one expectation checks the declaration
REQUIRED = (
    "article_id",
    "date_key",
    "newspaper_key",
    "region_key",
    "organization_key",
    "activity_type_key",
    "activity_type",
    "quote",
)

COLUMNS = (
    "activity_mention_id",
    "article_id",
    "page_id",
    "run_date",
    "date_key",
    "newspaper_key",
    "region_key",
    "organization_key",
    "activity_type_key",
    "activity_type",
    "organizer",
    "activity_name",
    "place",
    "quote",
    "char_start",
    "char_end",
    "duplicate_count",
)

QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "coalesce(event_rows.events_listing_it, 0) = 1 as in_one_event",
        "run.article_id in (select article_id from marts.fct_articles) as article_exists",
        f"{SPAN_FITS_QUOTE_SQL} as span_fits_quote",
    ],
    joined={
        "event_rows": """
            select activity_mention_id, count(*) as events_listing_it
            from marts.bridge_activity_mention
            where activity_mention_id in (select activity_mention_id from run)
            group by activity_mention_id
        """,
    },
    required=REQUIRED,
)

PARAMETERS = {"raw_activities_rows": "select count(*) from raw.activities where run_date between $run_date and $end_date"}


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, activity-type vocabulary, quotes, events and reconciliation."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, COLUMNS, KEY),
            required(gx, REQUIRED),
            in_set(gx, "activity_type", ACTIVITY_TYPES),
            *span_expectations(gx),
            is_true(
                gx,
                "in_one_event",
                "Every activity mention belongs to exactly one event of `marts.fct_activities`.",
            ),
            is_true(
                gx,
                "article_exists",
                "Every activity mention's article is in `marts.fct_articles`.",
                WARNING,
            ),
            e.ExpectColumnSumToBeBetween(
                column="duplicate_count",
                min_value={"$PARAMETER": "raw_activities_rows"},
                max_value={"$PARAMETER": "raw_activities_rows"},
                severity=WARNING,
                description="Every raw activity of the run is accounted for: the mentions stand for "
                "exactly the run's raw rows (a statement repeated in one article is one mention).",
            ),
        ],
    )
