"""Suite for ``raw.articles``: one row per segmented article, with volume and extraction coverage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    coverage,
    in_set,
    is_true,
    not_null,
    suite_name,
    table_expectations,
    volume_expectation,
    volume_parameters,
)
from ingestion.records import ARTICLE_KINDS, columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.articles"

MIN_NEWS_BYLINE_SHARE = 0.5
MIN_NEWS_REGION_SHARE = 0.5
MIN_NEWS_FACT_SHARE = 0.5

# news_has_* are true/false on news articles and null on the others, so the coverage
# expectations measure shares among news articles only (briefs and features often carry no
# byline or figure by design).
QUERY = """
with run as (
    select * from raw.articles where run_date = $run_date
),

key_rows as (
    select article_id, count(*) as article_id_rows_in_table
    from raw.articles
    where article_id in (select article_id from run)
    group by article_id
),

regions as (
    select distinct article_id
    from raw.mentions
    where run_date = $run_date and entity_type = 'region'
),

facts as (
    select article_id from raw.metrics where run_date = $run_date
    union
    select article_id from raw.activities where run_date = $run_date
)

select
    run.*,
    key_rows.article_id_rows_in_table,
    run.page_id in (select page_id from raw.pages) as page_exists,
    case when run.article_kind = 'news'
        then nullif(trim(run.byline), '') is not null
    end as news_has_byline,
    case when run.article_kind = 'news'
        then regions.article_id is not null
    end as news_has_region,
    case when run.article_kind = 'news'
        then facts.article_id is not null
    end as news_has_metric_or_activity,
from run
left join key_rows on run.article_id = key_rows.article_id
left join regions on run.article_id = regions.article_id
left join (select distinct article_id from facts) as facts on run.article_id = facts.article_id
"""

PARAMETERS = volume_parameters("raw.articles", "articles")


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, page reference, vocabulary, offsets, volume and extraction coverage of the day's articles."""
    e = gx.expectations
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, columns("articles"), "article_id"),
            *not_null(
                gx,
                (
                    "page_id",
                    "ordinal",
                    "title",
                    "article_kind",
                    "body_text",
                    "char_start",
                    "char_end",
                ),
            ),
            is_true(gx, "page_exists", "Every article belongs to a page in `raw.pages`."),
            e.ExpectCompoundColumnsToBeUnique(
                column_list=["page_id", "ordinal"],
                severity=CRITICAL,
                description="One article per (`page_id`, `ordinal`).",
            ),
            e.ExpectColumnValuesToBeBetween(
                column="ordinal",
                min_value=0,
                severity=CRITICAL,
                description="`ordinal` is not negative.",
            ),
            in_set(gx, "article_kind", ARTICLE_KINDS),
            e.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_end",
                column_B="char_start",
                or_equal=False,
                ignore_row_if="either_value_is_missing",
                severity=CRITICAL,
                description="`char_start` < `char_end`: every article spans some text.",
            ),
            e.ExpectColumnValuesToBeBetween(
                column="char_start",
                min_value=0,
                severity=CRITICAL,
                description="`char_start` is not negative.",
            ),
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
