"""Suite for ``raw.pages``: one row per landed file, with the day's volume and freshness."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    WARNING,
    non_negative,
    required,
    run_frame_query,
    table_expectations,
    table_suite,
    volume_expectation,
    volume_parameters,
)
from ingestion.records import columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.pages"
KEY = "page_id"
REQUIRED = required_columns("pages")  # the record's fields that are not optional

MAX_ARTICLES_PER_PAGE = 40
MAX_EDITION_AGE_DAYS = 7

QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "coalesce(found.articles_found, 0) as articles_found",
        "datediff('day', run.edition_date, run.run_date) as edition_age_days",
    ],
    joined={
        "found": """
            select page_id, count(*) as articles_found
            from raw.articles
            where run_date between $run_date and $end_date
            group by page_id
        """,
    },
    required=REQUIRED,
)

PARAMETERS = volume_parameters(TABLE, "pages")


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, volume (pages per run, articles per page) and freshness of the day's pages."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("pages"), KEY),
            e.ExpectColumnValuesToMatchRegex(
                column="page_id",
                regex=r"^[0-9a-f]{64}$",
                severity=CRITICAL,
                description="`page_id` is the sha256 of the raw bytes (64 hex digits).",
            ),
            required(gx, REQUIRED),
            e.ExpectTableRowCountToBeBetween(
                min_value=1,
                severity=CRITICAL,
                description="Volume: at least one page was loaded for the run date (a day with no pages "
                "cannot be trusted, whether nothing arrived or everything was quarantined).",
            ),
            volume_expectation(gx, "pages", "pages"),
            *non_negative(gx, ("char_count", "article_count")),
            e.ExpectColumnValuesToBeBetween(
                column="articles_found",
                min_value=1,
                max_value=MAX_ARTICLES_PER_PAGE,
                severity=WARNING,
                description=f"Volume: each page yields between 1 and {MAX_ARTICLES_PER_PAGE} articles "
                "(0 suggests a segmentation failure, more an over-split page).",
            ),
            e.ExpectColumnPairValuesToBeEqual(
                column_A="article_count",
                column_B="articles_found",
                severity=WARNING,
                description="The page's `article_count` matches the articles loaded for it.",
            ),
            e.ExpectColumnValuesToBeBetween(
                column="edition_age_days",
                min_value=0,
                max_value=MAX_EDITION_AGE_DAYS,
                severity=WARNING,
                description=f"Freshness: the edition date is at most {MAX_EDITION_AGE_DAYS} days before the "
                "run date and never after it (pages without an edition date are skipped).",
            ),
        ],
    )
