"""Suite for ``raw.metrics``: one row per quantity stated in an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    IS_CHANGE_SQL,
    KNOWN_UNITS,
    WARNING,
    in_set,
    is_true,
    metric_value_expectations,
    not_null,
    span_expectations,
    suite_name,
    table_expectations,
)
from ingestion.records import METRIC_KINDS, QUALIFIERS, columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.metrics"

QUERY = f"""
with run as (
    select * from raw.metrics where run_date = $run_date
),

key_rows as (
    select metric_id, count(*) as metric_id_rows_in_table
    from raw.metrics
    where metric_id in (select metric_id from run)
    group by metric_id
)

select
    run.*,
    key_rows.metric_id_rows_in_table,
    run.article_id in (select article_id from raw.articles) as article_exists,
    coalesce(length(run.quote) = run.char_end - run.char_start, false) as span_fits_quote,
    {IS_CHANGE_SQL} as is_change,
from run
left join key_rows on run.metric_id = key_rows.metric_id
"""


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, vocabularies (unknown units warn), value ranges and traceable quotes."""
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, columns("metrics"), "metric_id"),
            *not_null(
                gx,
                (
                    "article_id",
                    "page_id",
                    "value",
                    "unit",
                    "qualifier",
                    "metric_kind",
                    "quote",
                ),
            ),
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
