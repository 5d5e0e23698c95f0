"""One page of text → a ``ParsedPage``: normalise, segment, then extract per article.

The structure half (this module, ``segment``, ``bylines``, ``regions``) finds
articles, people and places; metrics, organisations and activities come from
``metrics``, ``organizations`` and ``activities``, which read the same
normalised text and the article's body spans. All offsets index both the
normalised and the original text (normalisation keeps the length), so quotes
are sliced from the original.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ingestion.parsing.bylines import parse_byline
from ingestion.parsing.drafts import ArticleLayout
from ingestion.parsing.model import (
    PageMeta,
    ParsedActivity,
    ParsedArticle,
    ParsedMetric,
    ParsedOrganization,
    ParsedPage,
    ParsedPerson,
)
from ingestion.parsing.normalise import normalise
from ingestion.parsing.regions import RegionContext, dominant_city_name, find_regions, page_context
from ingestion.parsing.segment import segment

try:  # the content half is developed alongside; run without it if absent
    from ingestion.parsing.metrics import extract_metrics
except ImportError:  # pragma: no cover - depends on the checkout

    def extract_metrics(text: str, spans: list[tuple[int, int]]) -> list[ParsedMetric]:
        return []


try:
    from ingestion.parsing.organizations import extract_organizations
except ImportError:  # pragma: no cover

    def extract_organizations(text: str, spans: list[tuple[int, int]]) -> list[ParsedOrganization]:
        return []


try:
    from ingestion.parsing.activities import extract_activities
except ImportError:  # pragma: no cover

    def extract_activities(
        text: str,
        spans: list[tuple[int, int]],
        organizations: list[ParsedOrganization],
        headings: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> list[ParsedActivity]:
        return []


THIS_PAPER = "本报"


_BREAK = re.compile(r"\s*\n\s*")


def _without(spans: list[tuple[int, int]], cut: tuple[int, int] | None) -> list[tuple[int, int]]:
    """``spans`` with the part inside ``cut`` taken out (a span may split in two)."""
    if cut is None:
        return spans
    a, b = cut
    out = []
    for x, y in spans:
        if y <= a or x >= b:
            out.append((x, y))
            continue
        if x < a:
            out.append((x, a))
        if y > b:
            out.append((b, y))
    return out


def _printed(original: str, span: tuple[int, int] | None) -> str | None:
    """A headline line as printed: markdown marks and dashes of a deck removed, a broken line rejoined."""
    if span is None:
        return None
    s = original[span[0] : span[1]].strip().lstrip("#").strip()
    s = _BREAK.sub("", s.lstrip("—－-").strip())
    return s or None


def _as_printed(original: str, p: ParsedPerson) -> ParsedPerson:
    """A person with the name as the page prints it (traditional forms kept, spacing removed)."""
    name = "".join(original[p.start : p.end].split())
    return dataclasses.replace(p, name=name) if len(name) == len(p.name) and name != p.name else p


def _credits(text: str, original: str, layout: ArticleLayout) -> tuple[list[ParsedPerson], list[str], str]:
    """People credited in an article, the papers its credits name, and the credit text.

    Names in a closing credit without a role word (…。（张三 李四）) are the story's
    writers when nothing else credits a reporter, and its correspondents when the
    dateline or a byline already names the reporter. A round-up closes several
    paragraphs with credits; each is read the same way.
    """
    people: list[ParsedPerson] = []
    papers: list[str] = []
    for a, b in layout.credit_spans:
        found, paper = parse_byline(text, a, b)
        people.extend(found)
        if paper:
            papers.append(paper)
    spans = list(layout.credit_spans)
    bare_role = "correspondent" if any(p.role == "reporter" for p in people) else "reporter"
    for a, b in layout.closing_credits:
        found, paper = parse_byline(text, a, b, bare_role)
        people.extend(found)
        if paper:
            papers.append(paper)
        spans.append((a, b))
    seen: set[tuple[str, str]] = set()
    unique = []
    for p in people:
        p = _as_printed(original, p)
        if (p.name, p.role) not in seen:
            seen.add((p.name, p.role))
            unique.append(p)
    byline = " ".join(text[a:b] for a, b in spans)
    return unique, papers, byline


def _page_newspaper(
    meta: PageMeta | None, papers: list[str], context: RegionContext, filed_from_places: bool = False
) -> str | None:
    """The page's paper: the sidecar's, else the one credits name, else 本报 on a city's page → <city>日报.

    A paper that files its own reports from named places (本报北京3月1日电, 本报杭州…电)
    reports beyond one city: the page's most named city does not name it.
    """
    if meta and meta.newspaper:
        return meta.newspaper
    named = Counter(p for p in papers if p != THIS_PAPER and p.endswith("报"))
    if named:
        return named.most_common(1)[0][0]
    if THIS_PAPER in papers and not filed_from_places:
        city = dominant_city_name(context)
        if city:
            return f"{city}日报"
    return None


def parse_page(text: str, meta: PageMeta | None = None) -> ParsedPage:
    """Parse one page of decoded text into articles with people, places, metrics and activities."""
    norm = normalise(text)
    layout = segment(norm)

    credits = [_credits(norm, text, a) for a in layout.articles]
    all_papers = [p for _, papers, _ in credits for p in papers]
    person_spans = tuple((p.start, p.end) for people, _, _ in credits for p in people)
    explicit = (meta.newspaper if meta and meta.newspaper else None) or next(
        (p for p in all_papers if p != THIS_PAPER and p.endswith("报")), None
    )
    all_spans = [s for a in layout.articles for s in a.body_spans]
    if layout.banner:
        all_spans.append(layout.banner)
    context = page_context(norm, all_spans, explicit, exclude=person_spans)
    # 本报<place>…电: this paper's own datelines name where it filed from
    filed = any(a.dateline_place and any(norm.startswith(THIS_PAPER, x) for x, _ in a.credit_spans) for a in layout.articles)
    newspaper = _page_newspaper(meta, all_papers, context, filed)
    if newspaper != context.newspaper:
        context = dataclasses.replace(context, newspaper=newspaper)

    articles = []
    errors: list[str] = []

    def guarded(stage: str, fn, *args) -> list:
        # One article's extractor failure must not lose the page: keep the article without it, report it.
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - reported in ParsedPage.errors
            errors.append(f"{stage}: {type(exc).__name__}: {exc}")
            return []

    for art, (people, papers, byline) in zip(layout.articles, credits, strict=True):
        spans = list(art.body_spans)
        regions = guarded("regions", find_regions, norm, spans, context)
        orgs = guarded("organizations", extract_organizations, norm, spans)
        # headlines announce, sentences report
        prose = list(art.prose_spans)
        acts = guarded("activities", extract_activities, norm, prose, orgs, [x for x in spans if x not in prose])
        # a column label printed after the headline ((奋斗100天)) names the column, not a figure of the story
        metrics = guarded("metrics", extract_metrics, norm, _without(spans, art.section_span))
        paper = next((p for p in papers if p != THIS_PAPER and p.endswith("报")), None)
        if paper is None and THIS_PAPER in papers:
            paper = newspaper
        articles.append(
            ParsedArticle(
                title=_printed(text, art.title) or "",
                subtitle=_printed(text, art.subtitle),
                kicker=_printed(text, art.kicker),
                section=_printed(text, art.section_span) or art.section,
                kind=art.kind,
                byline=byline or None,
                dateline_place=art.dateline_place,
                newspaper=paper,
                start=art.start,
                end=art.end,
                body_spans=art.body_spans,
                people=tuple(people),
                regions=tuple(regions),
                organizations=tuple(orgs),
                activities=tuple(acts),
                metrics=tuple(metrics),
            )
        )
    return ParsedPage(
        newspaper=newspaper,
        page_banner=_printed(text, layout.banner),
        articles=tuple(articles),
        no_article=layout.no_article,
        errors=tuple(errors),
    )


def to_benchmark(page: ParsedPage, file_name: str, text: str) -> dict:
    """The page in the benchmark's gold JSON shape; quotes are slices of the original ``text``."""
    articles = []
    for a in page.articles:
        articles.append(
            {
                "title": a.title,
                "subtitle": a.subtitle or a.kicker,
                "section": a.section,
                "kind": a.kind,
                "people": [{"name": p.name, "role": p.role} for p in a.people],
                # Implied units (a zone's city that is not printed) are not "named".
                "regions": [r.name for r in a.regions if not r.inferred],
                "activity_types": sorted({x.activity_type for x in a.activities}),
                "activities": [
                    {
                        "quote": text[x.start : x.end],
                        "type": x.activity_type,
                        "organizer": x.organizer,
                        "name": x.name,
                        "place": x.place,
                    }
                    for x in a.activities
                ],
                "metrics": [
                    {
                        "quote": text[m.start : m.end],
                        "value": m.value,
                        "unit": m.unit,
                        "qualifier": m.qualifier,
                        "kind": m.kind,
                        "subject": m.subject,
                    }
                    for m in a.metrics
                ],
            }
        )
    return {
        "file": file_name,
        "newspaper": page.newspaper,
        "page_banner": page.page_banner,
        "articles": articles,
    }
