"""Suite for ``raw.metrics``: one row per quantity stated in an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    IS_CHANGE_SQL,
    KNOWN_UNITS,
    SPAN_FITS_QUOTE_SQL,
    WARNING,
    in_set,
    is_true,
    metric_value_expectations,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import METRIC_KINDS, QUALIFIERS, columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.metrics"
KEY = "metric_id"
REQUIRED = required_columns("metrics")  # the record's fields that are not optional

QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "run.article_id in (select article_id from raw.articles) as article_exists",
        f"{SPAN_FITS_QUOTE_SQL} as span_fits_quote",
        f"{IS_CHANGE_SQL} as is_change",
    ],
    required=REQUIRED,
)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, vocabularies (unknown units warn), value ranges and traceable quotes."""
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("metrics"), KEY),
            required(gx, REQUIRED),
            is_true(
                gx,
                "article_exists",
                "Every metric belongs to an article in `raw.articles`.",
            ),
            in_set(gx, "qualifier", QUALIFIERS),
            in_set(gx, "metric_kind", METRIC_KINDS),
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="unit",
                value_set=list(KNOWN_UNITS),
                severity=WARNING,
                description="`unit` is a known unit (expectations.KNOWN_UNITS_BY_KIND); a new one needs a decision "
                "on what it measures before analysts compare its values.",
            ),
            *metric_value_expectations(gx),
            *span_expectations(gx),
        ],
    )
