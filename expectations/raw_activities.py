"""Suite for ``raw.activities``: one row per activity mention extracted from an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    SPAN_FITS_QUOTE_SQL,
    in_set,
    is_true,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import ACTIVITY_TYPES, columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.activities"
KEY = "activity_id"
REQUIRED = required_columns("activities")  # the record's fields that are not optional

QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "run.article_id in (select article_id from raw.articles) as article_exists",
        f"{SPAN_FITS_QUOTE_SQL} as span_fits_quote",
    ],
    required=REQUIRED,
)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, activity-type vocabulary and traceable quotes."""
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("activities"), KEY),
            required(gx, REQUIRED),
            is_true(
                gx,
                "article_exists",
                "Every activity belongs to an article in `raw.articles`.",
            ),
            in_set(gx, "activity_type", ACTIVITY_TYPES),
            *span_expectations(gx),
        ],
    )
