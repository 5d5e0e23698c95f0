"""Typed records produced by the parser; field names are the raw/staging column names.

Each record type maps to one table in the warehouse's ``raw`` schema (see
``TABLES``). Offsets (``char_start``/``char_end``) index the decoded page text as
delivered, so ``page_text[char_start:char_end] == quote`` always holds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from ingestion.parsing.model import ACTIVITY_TYPES as ACTIVITY_TYPES  # re-exported: the parser's vocabulary


@dataclass(frozen=True, slots=True)
class PageRecord:
    page_id: str  # sha256 of the raw bytes
    run_date: date
    file_name: str
    raw_path: str
    encoding: str
    newspaper: str | None
    edition_date: date | None
    page_number: str | None
    page_banner: str | None
    char_count: int
    article_count: int
    parser_version: str


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    article_id: str
    page_id: str
    run_date: date
    ordinal: int
    title: str
    subtitle: str | None
    kicker: str | None
    section: str | None
    article_kind: str  # news | brief | feature
    byline: str | None
    dateline_place: str | None
    newspaper: str | None
    body_text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class PersonRecord:
    person_mention_id: str
    article_id: str
    page_id: str
    run_date: date
    person_name: str
    role: str  # reporter | correspondent | photographer
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """A region or organisation named in an article."""

    mention_id: str
    article_id: str
    page_id: str
    run_date: date
    entity_type: str  # region | organization
    entity_name: str  # canonical form (full region name, organisation as written)
    surface: str  # as printed
    region_code: str | None  # 12-digit administrative code for regions
    org_type: str | None
    is_inferred: bool  # true when implied by context rather than printed (沧州高新区 → 沧州市)
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    activity_id: str
    article_id: str
    page_id: str
    run_date: date
    activity_type: str
    organizer: str | None
    activity_name: str | None
    place: str | None
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class MetricRecord:
    metric_id: str
    article_id: str
    page_id: str
    run_date: date
    value: float
    value_low: float | None
    value_high: float | None
    unit: str
    qualifier: str  # exact | at_least | at_most | approx
    metric_kind: str  # count | money | percent | area | length | weight | duration | other
    subject: str | None
    period: str | None
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    quarantine_id: str
    run_date: date
    page_id: str  # sha256 of the raw bytes
    file_name: str
    raw_path: str
    stage: str  # discover | decode | parse | load
    error_type: str
    error_message: str
    quarantined_at: str  # ISO timestamp, UTC


# table name in the raw schema → record type
TABLES: dict[str, type] = {
    "pages": PageRecord,
    "articles": ArticleRecord,
    "people": PersonRecord,
    "mentions": MentionRecord,
    "activities": ActivityRecord,
    "metrics": MetricRecord,
    "quarantine": QuarantineRecord,
}

ROLES = ("reporter", "correspondent", "photographer")
QUALIFIERS = ("exact", "at_least", "at_most", "approx")
METRIC_KINDS = ("count", "money", "percent", "area", "length", "weight", "duration", "other")
ARTICLE_KINDS = ("news", "brief", "feature")


def columns(table: str) -> list[str]:
    """Column names of a raw table, in order."""
    return [f.name for f in dataclasses.fields(TABLES[table])]
