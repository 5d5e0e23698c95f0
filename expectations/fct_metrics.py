"""Suite for ``marts.fct_metrics``: one row per quantity stated (grain)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    IS_CHANGE_SQL,
    SPAN_FITS_QUOTE_SQL,
    WARNING,
    in_set,
    is_true,
    metric_value_expectations,
    not_null,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import METRIC_KINDS, QUALIFIERS

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_metrics"
KEY = "metric_id"
# declared NOT NULL by the table's definition: one expectation checks the declaration
REQUIRED = (
    "article_id",
    "date_key",
    "newspaper_key",
    "region_key",
    "organization_key",
    "unit_key",
    "value",
    "qualifier",
    "metric_kind",
    "quote",
)

COLUMNS = (
    "metric_id",
    "article_id",
    "page_id",
    "run_date",
    "date_key",
    "newspaper_key",
    "region_key",
    "organization_key",
    "unit_key",
    "value",
    "value_low",
    "value_high",
    "unit",
    "canonical_unit",
    "canonical_value",
    "canonical_value_low",
    "canonical_value_high",
    "qualifier",
    "metric_kind",
    "subject",
    "period",
    "quote",
    "char_start",
    "char_end",
)

QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "run.article_id in (select article_id from marts.fct_articles) as article_exists",
        f"{SPAN_FITS_QUOTE_SQL} as span_fits_quote",
        "run.unit_key != '-1' and run.canonical_value is not null as unit_converts",
        f"{IS_CHANGE_SQL} as is_change",
    ],
    required=REQUIRED,
)

PARAMETERS = {"raw_metrics_rows": "select count(*) from raw.metrics where run_date between $run_date and $end_date"}


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, vocabularies, value ranges, units, quotes and reconciliation."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, COLUMNS, KEY),
            required(gx, REQUIRED),
            *not_null(gx, ("unit",)),
            in_set(gx, "qualifier", QUALIFIERS),
            in_set(gx, "metric_kind", METRIC_KINDS),
            *metric_value_expectations(gx),
            *span_expectations(gx),
            is_true(
                gx,
                "article_exists",
                "Every metric's article is in `marts.fct_articles`.",
                WARNING,
            ),
            is_true(
                gx,
                "unit_converts",
                "Every metric's unit is in the dbt seed `units.csv`, so it has a canonical value.",
                WARNING,
            ),
            e.ExpectTableRowCountToEqual(
                value={"$PARAMETER": "raw_metrics_rows"},
                severity=WARNING,
                description="One fact row per raw metric of the run (deduplication may lower it).",
            ),
        ],
    )
