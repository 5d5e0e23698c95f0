"""Suite for ``raw.mentions``: one row per region or organisation named in an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import (
    CRITICAL,
    ENTITY_TYPES,
    ORG_TYPES,
    WARNING,
    in_set,
    is_true,
    required,
    run_frame_query,
    span_expectations,
    table_expectations,
    table_suite,
)
from ingestion.records import columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.mentions"
KEY = "mention_id"
REQUIRED = required_columns("mentions")  # the record's fields that are not optional

# region_code is checked on region rows only: organisations carry none. A region without a
# code (an industrial zone, level ``zone``) is legitimate, so the code is matched, not required.
QUERY = run_frame_query(
    TABLE,
    KEY,
    [
        "run.article_id in (select article_id from raw.articles) as article_exists",
        "case when run.entity_type = 'region' then run.region_code end as region_code_of_region",
        "case when run.entity_type = 'organization' then run.org_type end as org_type_of_organization",
    ],
    required=REQUIRED,
)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema, key, article reference, entity vocabularies, region codes and offsets of the day's mentions."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("mentions"), KEY),
            required(gx, REQUIRED),
            is_true(gx, "article_exists", "Every mention belongs to an article in `raw.articles`."),
            in_set(gx, "entity_type", ENTITY_TYPES),
            e.ExpectColumnValuesToMatchRegex(
                column="region_code_of_region",
                regex=r"^[0-9]{12}$",
                severity=CRITICAL,
                description="A region's `region_code`, when known, is a 12-digit administrative code.",
            ),
            in_set(gx, "org_type_of_organization", ORG_TYPES, severity=WARNING),
            *span_expectations(gx, check_quote=False),
        ],
    )
