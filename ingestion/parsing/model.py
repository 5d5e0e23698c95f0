"""What the parser returns: plain frozen records with character offsets.

The normalised text has exactly the length of the decoded text (every
normalisation step maps one character to one character), so every ``start``/
``end`` here indexes the page as delivered too, and ``text[start:end]`` is the
quote an analyst can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The twelve activity types of the benchmark's SPEC, in its order (also raw.activities' vocabulary).
ACTIVITY_TYPES = (
    "volunteer_service",
    "medical_health",
    "publicity_education",
    "inspection_enforcement",
    "environment_infrastructure",
    "survey_research",
    "meeting_deliberation",
    "training_exchange",
    "culture_recreation",
    "charity_assistance",
    "party_building",
    "public_service",
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Facts about a page known from outside its text (a sidecar file)."""

    newspaper: str | None = None
    edition_date: str | None = None  # ISO date
    page_number: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedPerson:
    name: str
    role: str  # reporter | correspondent | photographer
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ParsedRegion:
    name: str  # full form: 沧州市, 运河区, 沧州高新区
    surface: str  # as printed: 沧州
    code: str | None  # 12-digit administrative code; None for zones outside the code list
    level: str  # province | city | county | zone
    start: int
    end: int
    inferred: bool = False  # implied (the city of a printed district zone), not printed


@dataclass(frozen=True, slots=True)
class ParsedOrganization:
    name: str
    org_type: str  # government | party | mass_org | company | hospital | school | community | other
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ParsedActivity:
    activity_type: str
    organizer: str | None
    name: str | None
    place: str | None
    start: int  # quote span
    end: int


@dataclass(frozen=True, slots=True)
class ParsedMetric:
    value: float
    value_low: float | None
    value_high: float | None
    unit: str
    qualifier: str  # exact | at_least | at_most | approx
    kind: str  # count | money | percent | area | length | weight | duration | other
    subject: str | None
    period: str | None
    start: int  # quote span
    end: int


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    title: str
    subtitle: str | None
    kicker: str | None
    section: str | None
    kind: str  # news | brief | feature
    byline: str | None
    dateline_place: str | None
    newspaper: str | None
    start: int  # from the first headline line to the end of the last body paragraph
    end: int
    body_spans: tuple[tuple[int, int], ...]  # paragraphs that belong to the article (duplicates removed)
    people: tuple[ParsedPerson, ...] = ()
    regions: tuple[ParsedRegion, ...] = ()
    organizations: tuple[ParsedOrganization, ...] = ()
    activities: tuple[ParsedActivity, ...] = ()
    metrics: tuple[ParsedMetric, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedPage:
    newspaper: str | None
    page_banner: str | None
    articles: tuple[ParsedArticle, ...] = field(default_factory=tuple)
    # Why a page holds no article, when the layout says: "picture" (captions under a picture
    # label such as 图片报道), "advert" (广告), "headline only" (nothing but furniture below it).
    no_article: str | None = None
    # Extractors that failed on an article ("metrics: KeyError: '万'"): the article is kept
    # without what that extractor finds, and the failure is reported rather than raised.
    errors: tuple[str, ...] = ()
