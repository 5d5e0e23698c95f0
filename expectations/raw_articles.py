"""Suite for ``raw.articles``: one row per segmented article, with volume and extraction coverage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    coverage,
    in_set,
    is_true,
    non_negative,
    required,
    run_frame_query,
    table_expectations,
    table_suite,
    volume_expectation,
    volume_parameters,
)
from ingestion.records import ARTICLE_KINDS, columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.articles"
KEY = "article_id"
REQUIRED = required_columns("articles")  # the record's fields that are not optional

MIN_NEWS_BYLINE_SHARE = 0.5
MIN_NEWS_REGION_SHARE = 0.5
MIN_NEWS_FACT_SHARE = 0.5

# news_has_* are true/false on news articles and null on the others, so the coverage
# expectations measure shares among news articles only (briefs and features often carry no
# byline or figure by design).
QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "run.page_id in (select page_id from raw.pages) as page_exists",
        """case when run.article_kind = 'news'
            then nullif(trim(run.byline), '') is not null
        end as news_has_byline""",
        """case when run.article_kind = 'news'
            then regions.article_id is not null
        end as news_has_region""",
        """case when run.article_kind = 'news'
            then facts.article_id is not null
        end as news_has_metric_or_activity""",
    ],
    joined={
        "regions": """
            select distinct article_id
            from raw.mentions
            where run_date between $run_date and $end_date and entity_type = 'region'
        """,
        # union (not union all): one row per article
        "facts": """
            select article_id from raw.metrics where run_date between $run_date and $end_date
            union
            select article_id from raw.activities where run_date between $run_date and $end_date
        """,
    },
    required=REQUIRED,
)

PARAMETERS = volume_parameters(TABLE, "articles")


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, page reference, vocabulary, offsets, volume and extraction coverage of the day's articles."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("articles"), KEY),
            required(gx, REQUIRED),
            is_true(gx, "page_exists", "Every article belongs to a page in `raw.pages`."),
            e.ExpectCompoundColumnsToBeUnique(
                column_list=["page_id", "ordinal"],
                severity=CRITICAL,
                description="One article per (`page_id`, `ordinal`).",
            ),
            *non_negative(gx, ("ordinal",)),
            in_set(gx, "article_kind", ARTICLE_KINDS),
            e.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_end",
                column_B="char_start",
                or_equal=False,
                ignore_row_if="either_value_is_missing",
                severity=CRITICAL,
                description="`char_start` < `char_end`: every article spans some text.",
            ),
            *non_negative(gx, ("char_start",)),
            volume_expectation(gx, "articles", "articles"),
            coverage(gx, "news_has_byline", MIN_NEWS_BYLINE_SHARE, "have a byline"),
            coverage(gx, "news_has_region", MIN_NEWS_REGION_SHARE, "name a region"),
            coverage(
                gx,
                "news_has_metric_or_activity",
                MIN_NEWS_FACT_SHARE,
                "state at least one metric or activity",
            ),
        ],
    )
