"""Suite for ``raw.people``: one row per person named in a byline or credit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    WARNING,
    in_set,
    is_true,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import ROLES, columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.people"
KEY = "person_mention_id"
REQUIRED = required_columns("people")  # the record's fields that are not optional

QUERY = run_frame_query(
    TABLE,
    KEY,
    ["run.article_id in (select article_id from raw.articles) as article_exists"],
    required=REQUIRED,
)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, role vocabulary, offsets and name shape of the day's people."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("people"), KEY),
            required(gx, REQUIRED),
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
