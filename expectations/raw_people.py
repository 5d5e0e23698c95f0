"""Suite for ``raw.people``: one row per person named in a byline or credit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    WARNING,
    in_set,
    is_true,
    not_null,
    span_expectations,
    suite_name,
    table_expectations,
)
from ingestion.records import ROLES, columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.people"

QUERY = """
with run as (
    select * from raw.people where run_date = $run_date
),

key_rows as (
    select person_mention_id, count(*) as person_mention_id_rows_in_table
    from raw.people
    where person_mention_id in (select person_mention_id from run)
    group by person_mention_id
)

select
    run.*,
    key_rows.person_mention_id_rows_in_table,
    run.article_id in (select article_id from raw.articles) as article_exists,
from run
left join key_rows on run.person_mention_id = key_rows.person_mention_id
"""


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, role vocabulary, offsets and name shape of the day's people."""
    e = gx.expectations
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, columns("people"), "person_mention_id"),
            *not_null(
                gx,
                ("article_id", "page_id", "person_name", "role", "char_start", "char_end"),
            ),
            is_true(
                gx,
                "article_exists",
                "Every person mention belongs to an article in `raw.articles`.",
            ),
            in_set(gx, "role", ROLES),
            *span_expectations(gx, check_quote=False),
            e.ExpectColumnValueLengthsToBeBetween(
                column="person_name",
                min_value=2,
                max_value=12,
                mostly=0.95,
                severity=WARNING,
                description="Person names are 2–12 characters (Han names 2–4; transliterated names "
                "with · run longer): a stray title or a sentence caught as a name shows here.",
            ),
        ],
    )
