"""Suite for ``marts.fct_articles``: one row per article (grain), keyed to the dimensions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    WARNING,
    in_set,
    is_true,
    non_negative,
    required,
    run_frame_query,
    table_expectations,
    table_suite,
)
from ingestion.records import ARTICLE_KINDS

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_articles"
KEY = "article_id"

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
# declared NOT NULL by the table's definition: one expectation checks the declaration
REQUIRED = ("page_id", "date_key", "newspaper_key", "region_key", "article_kind", *COUNT_COLUMNS)

QUERY = run_frame_query(
    TABLE,
    KEY,
    ["run.article_id in (select article_id from raw.articles) as traces_to_raw"],
    required=REQUIRED,
)

# Row-count reconciliation with the layer below, passed as suite parameters per run.
PARAMETERS = {"raw_articles_rows": "select count(*) from raw.articles where run_date between $run_date and $end_date"}


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, vocabulary, counts and reconciliation with raw.articles."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, COLUMNS, KEY),
            required(gx, REQUIRED),
            in_set(gx, "article_kind", ARTICLE_KINDS),
            *non_negative(gx, COUNT_COLUMNS),
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
