"""Suite for ``marts.fct_activities``: one row per real-world activity (event), merged from its reports.

The frame holds the events the run touched: those with at least one activity mention of the
run date (an event first reported earlier can gain a report today).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    in_set,
    is_true,
    required,
    run_frame_query,
    table_expectations,
    table_suite,
)
from ingestion.records import ACTIVITY_TYPES

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "marts.fct_activities"
KEY = "event_id"
# declared NOT NULL by the table's definition: one expectation checks the declaration
REQUIRED = (
    "article_id",
    "run_date",
    "date_key",
    "newspaper_key",
    "region_key",
    "organization_key",
    "activity_type_key",
    "activity_type",
    "quote",
    "mention_count",
)

COLUMNS = (
    "event_id",
    "article_id",
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
    "first_reported_date",
    "last_reported_date",
    "mention_count",
    "article_count",
    "newspaper_count",
    "activity_mention_ids",
    "article_ids",
)

# the events the run touched: those listing an activity mention of the run date
QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        """
        len(run.activity_mention_ids) = run.mention_count
            and coalesce(listed.mentions_found, 0) = run.mention_count as mentions_listed
        """,
        "len(run.article_ids) = run.article_count as articles_listed",
        "list_contains(run.activity_mention_ids, run.event_id) as named_after_a_report",
    ],
    run_where="""event_id in (
        select bridge.event_id
        from marts.bridge_activity_mention as bridge
        inner join marts.fct_activity_mentions as mentions
            on bridge.activity_mention_id = mentions.activity_mention_id
        where mentions.run_date between $run_date and $end_date
    )""",
    joined={
        "listed": """
            select run.event_id, count(mentions.activity_mention_id) as mentions_found
            from run, unnest(run.activity_mention_ids) as ids(activity_mention_id)
            left join marts.fct_activity_mentions as mentions
                on ids.activity_mention_id = mentions.activity_mention_id
            group by run.event_id
        """,
    },
    exclude=("activity_mention_ids", "article_ids"),
    required=REQUIRED,
)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, grain, dimension keys, vocabulary and the consistency of the merged reports."""
    e = gx.expectations
    # the list columns are checked through the flags: pandas frames carry them as arrays
    scalar_columns = tuple(c for c in COLUMNS if c not in ("activity_mention_ids", "article_ids"))
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, scalar_columns, KEY),
            required(gx, REQUIRED),
            in_set(gx, "activity_type", ACTIVITY_TYPES),
            e.ExpectColumnValuesToBeBetween(
                column="mention_count",
                min_value=1,
                severity=CRITICAL,
                description="Every event has at least one report.",
            ),
            e.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="last_reported_date",
                column_B="first_reported_date",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                severity=CRITICAL,
                description="An event's last report is not before its first.",
            ),
            is_true(
                gx,
                "mentions_listed",
                "`activity_mention_ids` lists `mention_count` mentions, all in `marts.fct_activity_mentions`.",
            ),
            is_true(gx, "articles_listed", "`article_ids` lists `article_count` articles."),
            is_true(gx, "named_after_a_report", "`event_id` is the id of one of the event's reports."),
        ],
    )
