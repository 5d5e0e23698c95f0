"""Parsed pages → warehouse records (pure): ids, run date and quotes attached."""

from __future__ import annotations

from datetime import date

from ingestion.parsing.model import ParsedPage
from ingestion.records import (
    ActivityRecord,
    ArticleRecord,
    MentionRecord,
    MetricRecord,
    PageRecord,
    PersonRecord,
)

PARSER_VERSION = "0.1"


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def page_rows(
    page: ParsedPage,
    text: str,
    *,
    page_id: str,
    run_date: date,
    file_name: str,
    raw_path: str,
    encoding: str,
    meta: dict,
) -> dict[str, list]:
    """All rows one parsed page contributes, by raw table name.

    Ids are derived from the page's sha256 and positions, so re-parsing the same
    bytes yields the same ids.
    """
    stem = page_id[:16]
    out: dict[str, list] = {t: [] for t in ("pages", "articles", "people", "mentions", "activities", "metrics")}
    out["pages"].append(
        PageRecord(
            page_id=page_id,
            run_date=run_date,
            file_name=file_name,
            raw_path=raw_path,
            encoding=encoding,
            newspaper=meta.get("newspaper") or page.newspaper,
            edition_date=_parse_iso(meta.get("edition_date")),
            page_number=meta.get("page_number"),
            page_banner=page.page_banner,
            char_count=len(text),
            article_count=len(page.articles),
            parser_version=PARSER_VERSION,
        )
    )
    for ordinal, art in enumerate(page.articles, start=1):
        article_id = f"{stem}-a{ordinal:02d}"
        common = {"article_id": article_id, "page_id": page_id, "run_date": run_date}
        body = "\n".join(text[s:e] for s, e in art.body_spans)
        out["articles"].append(
            ArticleRecord(
                **common,
                ordinal=ordinal,
                title=art.title,
                subtitle=art.subtitle,
                kicker=art.kicker,
                section=art.section,
                article_kind=art.kind,
                byline=art.byline,
                dateline_place=art.dateline_place,
                newspaper=art.newspaper or meta.get("newspaper") or page.newspaper,
                body_text=body,
                char_start=art.start,
                char_end=art.end,
            )
        )
        for n, p in enumerate(art.people, start=1):
            out["people"].append(
                PersonRecord(
                    person_mention_id=f"{article_id}-p{n:02d}", **common,
                    person_name=p.name, role=p.role, char_start=p.start, char_end=p.end,
                )
            )
        n = 0
        for r in art.regions:
            n += 1
            out["mentions"].append(
                MentionRecord(
                    mention_id=f"{article_id}-r{n:03d}", **common, entity_type="region",
                    entity_name=r.name, surface=r.surface, region_code=r.code, org_type=None,
                    is_inferred=r.inferred, char_start=r.start, char_end=r.end,
                )
            )
        for o in art.organizations:
            n += 1
            out["mentions"].append(
                MentionRecord(
                    mention_id=f"{article_id}-o{n:03d}", **common, entity_type="organization",
                    entity_name=o.name, surface=text[o.start:o.end], region_code=None,
                    org_type=o.org_type, is_inferred=False, char_start=o.start, char_end=o.end,
                )
            )
        for n, a in enumerate(art.activities, start=1):
            out["activities"].append(
                ActivityRecord(
                    activity_id=f"{article_id}-act{n:03d}", **common, activity_type=a.activity_type,
                    organizer=a.organizer, activity_name=a.name, place=a.place,
                    quote=text[a.start:a.end], char_start=a.start, char_end=a.end,
                )
            )
        for n, m in enumerate(art.metrics, start=1):
            out["metrics"].append(
                MetricRecord(
                    metric_id=f"{article_id}-m{n:03d}", **common, value=float(m.value),
                    value_low=m.value_low, value_high=m.value_high, unit=m.unit,
                    qualifier=m.qualifier, metric_kind=m.kind, subject=m.subject, period=m.period,
                    quote=text[m.start:m.end], char_start=m.start, char_end=m.end,
                )
            )
    return out
