"""Synthetic newspaper pages with exact ground truth (pure core + thin file edge).

``generate_day(day, seed)`` composes one day's edition of an invented city paper:
a city page (banner, section label, news items, a briefs column, a photo caption,
photo news, kicker lines), a feature (——deck, byline line, inner subheadings), a
single-story file (CRLF, full-width indents, a dateline ``本报<城市>M月D日电（记者X
通讯员Y）`` or ``新华社<城市>M月D日电（记者X Y）``, a closing ``（X  Y）`` credit with
or without role words), a markdown-headed page and a briefs column of ■/●-bulleted
items without datelines. Where real papers differ from the seeds, pages vary too:
no blank lines between paragraphs, headlines broken over two lines, half-width
punctuation, a few traditional forms (區 縣 査 …) throughout, names typeset with
spaces inside (韩  鑫) or transliterated (…·…), role words with titles (融媒体记者,
特约通讯员), development zones of the city (高新区, 经济开发区), edition lines.
Each page carries its truth in the benchmark gold shape (``shared/benchmark/SPEC.md``),
recorded while the text is written, so every quote is a substring of the page and
every title one of its lines (or two adjacent lines joined).

Three modules: ``ingestion.generate_vocabulary`` holds the words (all invented; region
names come from the real gazetteer shipped with ``cpca``) and numbers as papers print
them, ``ingestion.generate_articles`` writes articles and records their truth, and this
one lays articles out in pages and writes the files. Determinism: one ``random.Random``
per (seed, day); no clock, no global RNG, no iteration over sets.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ingestion.generate_articles import (
    _Art,
    _build,
    _Ctx,
    _feature,
    _news,
    _photo_news,
    _story,
)
from ingestion.generate_vocabulary import (
    _HALF,
    _TRAD,
    BANNERS,
    BRIEF_LABELS,
    BULLETS,
    SECTIONS,
    SLOGANS,
    _editions,
)


# ---------------------------------------------------------------- pages
@dataclass(frozen=True, slots=True)
class GeneratedPage:
    file_name: str
    text: str  # as delivered, without the BOM that utf-8-sig adds
    encoding: str  # utf-8 | utf-8-sig | gb18030
    meta: dict  # newspaper, edition_date, page_number
    truth: dict  # benchmark gold shape

    def data(self) -> bytes:
        """The file's bytes."""
        return self.text.encode(self.encoding)


def _half(x):
    """Half-width punctuation (，：（） → ,:()) applied to a page and, identically, to its truth."""
    return _convert(x, _HALF)


def _convert(x, table: dict):
    """A character table applied to page text and, identically, to every printed string of its truth.

    Region names are not printed strings: the truth lists them in their standard full form.
    """
    if isinstance(x, str):
        return x.translate(table)
    if isinstance(x, list):
        return [_convert(v, table) for v in x]
    if isinstance(x, dict):
        return {k: v if k in ("regions", "newspaper", "file") else _convert(v, table) for k, v in x.items()}
    return x


def _traditional(rng: random.Random) -> dict:
    """A few traditional forms that one page prints throughout (as OCR of some typefaces does)."""
    keys = sorted(rng.sample(sorted(_TRAD), rng.randint(3, 6)))
    return str.maketrans({k: _TRAD[k] for k in keys})


def _city_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    banner = r.choice(BANNERS) if r.random() < 0.85 else None
    label, blabel = r.choice(SECTIONS), r.choice(BRIEF_LABELS)
    n_news, n_brief = r.randint(2, 4), r.randint(2, 3)
    dup_at = r.randrange(n_news + n_brief)
    zone_at = r.randrange(n_news) if r.random() < 0.3 else -1
    bullet = r.choice(BULLETS) + r.choice(["", " "]) if r.random() < 0.25 else ""
    lines, arts = ([banner] if banner else []) + [label], []
    for i in range(n_news + n_brief):
        if i == n_news:
            if r.random() < 0.35:  # photo news after a picture, between the news and the briefs
                photo = _build(_photo_news, cx)
                arts.append(photo)
                lines += [""] + photo.lines()
            lines.append(blabel)
        news = i < n_news
        a = _build(_news, cx, "news" if news else "brief", label if news else blabel, "", None,
                   i == 0, dup_at == i, news and r.random() < 0.3, bullet="" if news else bullet,
                   credit="inline" if news or r.random() < 0.8 else "trailing", zone=i == zone_at,
                   two_line=news and r.random() < 0.2, kicker=news and r.random() < 0.1)
        arts.append(a)
        lines += a.lines()
        if i == 0 and r.random() < 0.4:
            lines.append(r.choice(SLOGANS))  # a slogan line between articles: not an article
    if r.random() < 0.3:
        lines += ["", r.choice(SECTIONS)]  # a stray label at the foot of the page
    return lines, arts, banner, cx.paper


def _feature_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    paper = cx.prov_paper if r.random() < 0.4 else cx.paper
    paper = cx.page_paper or paper  # one page, one paper: a joined page's later parts keep the first's
    banner = r.choice(BANNERS) if r.random() < 0.3 else None
    section = r.choice(SECTIONS) if r.random() < 0.4 else None
    arts = [_build(_feature, cx, section, "", paper, r.random() < 0.5, r.random() < 0.2)]
    arts += [_build(_news, cx, "news", None, "", paper, two_line=r.random() < 0.2)
             for _ in range(r.choice([0, 1, 2]))]
    lines = ([banner] if banner else []) + ([section] if section else []) + [x for a in arts for x in a.lines()]
    return lines, arts, banner, paper


def _markdown_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    r = cx.rng
    banner = r.choice(BANNERS) if r.random() < 0.7 else None
    blabel = r.choice(BRIEF_LABELS)
    lead = _build(_news, cx, "news", None, "## ", None, False, False, True, zone=r.random() < 0.2)
    briefs = [_build(_news, cx, "brief", blabel, "### ", None, False, i == 0) for i in range(r.randint(2, 3))]
    feature = _build(_feature, cx, None, "## ")
    lines = ([banner] if banner else []) + [""] + lead.lines() + [f"## {blabel}"]
    lines += [x for b in briefs for x in b.lines()] + feature.lines("### ")
    if r.random() < 0.5:
        lines.append(f"## {r.choice(SECTIONS)}")
    return lines, [lead, *briefs, feature], banner, cx.paper


def _column_page(cx: _Ctx) -> tuple[list, list, str | None, str]:
    """A briefs column on its own: bulleted headlines, no datelines, credits at the end if any."""
    r = cx.rng
    label = r.choice(BRIEF_LABELS) if r.random() < 0.6 else None
    bullet = r.choice(BULLETS) + r.choice(["", " "])
    n = r.randint(3, 5)
    dup_at = r.randrange(n) if r.random() < 0.3 else -1
    arts = [_build(_news, cx, "brief", label, "", None, False, i == dup_at, False, bullet=bullet,
                   credit=r.choice(["trailing", "trailing", "none"]), zone=r.random() < 0.1) for i in range(n)]
    lines = ([label] if label else []) + [x for a in arts for x in a.lines()]
    return lines, arts, None, cx.paper


def _context(day: date, seed: int) -> _Ctx:
    rng = random.Random(f"newsdw-generate|{seed}|{day.isoformat()}")
    prov, city, counties = rng.choice(_editions())
    cx = _Ctx(rng, day, prov, city, tuple(rng.sample(counties, min(4, len(counties)))),
              f"{city.short}日报", f"{prov.short}日报")
    probe = _Art(cx, "news")
    cx.staff = {cx.paper: [probe.person() for _ in range(2)], cx.prov_paper: [probe.person() for _ in range(2)]}
    return cx


def _edition_line(rng: random.Random, day: date, n: int, paper: str) -> str:
    """The page's edition line (date, page number, the page's name): furniture, not an article."""
    return rng.choice([f"{paper}  {day.year}年{day.month}月{day.day}日  第{n}版",
                       f"第{n:02d}版：{rng.choice(['要闻', '综合', '城事', '民生'])}",
                       f"{day.year}年{day.month}月{day.day}日　星期{'一二三四五六日'[day.weekday()]}"])


PAGE_MAKERS = {"city": _city_page, "feature": _feature_page, "markdown": _markdown_page, "column": _column_page}


# A page's person names are unique on it (headlines too, while fresh ones last), and the
# vocabularies are finite: past this size a page would run out of fresh names.
MAX_PAGE_BYTES = 200_000


def _file_name(kind: str, n: int, taken: set) -> str:
    """Page ``n``'s file name: ``story_NN.txt``, the first markdown page ``briefs.txt``, ``columnNN.txt``, ``pNN.txt``."""
    if kind == "story":
        return f"story_{n:02d}.txt"
    if kind == "markdown" and "briefs.txt" not in taken:
        return "briefs.txt"
    return f"{'column' if kind == 'column' else 'p'}{n:02d}.txt"


def _joined_page(cx: _Ctx, kind: str, n: int, name: str, page_bytes: tuple[int, int]) -> GeneratedPage:
    """Page ``n`` of kind ``kind`` made of parts of that kind joined until its text reaches a size drawn
    from ``page_bytes`` (UTF-8 bytes, both ends included); a part that would pass the upper end is left out.

    The page's furniture is printed once: the edition line and banner of the first part (later
    parts' banners are dropped), one paper (cx.page_paper), one layout (tight or not, half-width
    or not, traditional forms or not). Every part is an ordinary page body of its kind, so each
    article's truth is recorded as it is written, exactly as on a page of one part.
    Person names and headlines stay unique over the whole page; stock sentences only within a part.
    """
    r, day, (lo, hi) = cx.rng, cx.day, page_bytes
    enc = "utf-8-sig" if kind == "story" and r.random() < 0.5 else "gb18030" if r.random() < 0.1 else "utf-8"
    table = dict(_HALF) if kind != "story" and r.random() < 0.35 else {}
    if r.random() < 0.12:
        table.update(_traditional(r))  # no key or value in common with _HALF: one table does both
    cx.tight = kind != "story" and r.random() < (0.4 if kind == "column" else 0.12)
    with_edition, edition = r.random() < 0.25, None
    lead_blank = r.random() < 0.5
    target = r.randint(lo, hi)
    lines: list[str] = []  # as printed: the table applied, line by line (it maps characters one to one)
    arts: list[_Art] = []
    banner = paper = None
    size, misses = 0, 0

    def assemble(body: list[str]) -> str:
        top = edition.translate(table) if edition else None
        if kind == "story":
            return "\r\n".join(([top, ""] if top else []) + body) + "\r\n"
        body = ([top] if top else []) + body
        if cx.tight:  # one line per paragraph, no blank lines
            return "\n".join(x for x in body if x) + "\n"
        return ("\n\n" if lead_blank else "") + "\n\n".join(body) + "\n"

    while size < target:
        cx.paras, cx.stock = set(), set()  # a stock sentence may come back in another part of a long page
        used, titles = set(cx.used), set(cx.titles)  # a part left out gives its names and headlines back
        try:
            if kind == "story":
                a = _build(_story, cx, r.random() < 0.3)
                indent = "　　" if r.random() < 0.5 else ""
                part = ([""] if lines else []) + [indent + a.head[0], ""] + a.head[1:] + ["　　" + t for _, t in a.body]
                part_arts, part_banner, part_paper = [a], None, cx.paper
            else:
                part, part_arts, part_banner, part_paper = PAGE_MAKERS[kind](cx)
        except RuntimeError:  # no fresh headline left (12 feature titles): on a page this long one may repeat
            if not titles:
                raise
            cx.used, cx.titles = used, set()
            continue
        if part_banner and lines:
            part = part[1:]  # the banner is printed once, at the top of the page
        if table:
            part = [x.translate(table) for x in part]
        if not lines:  # the edition line names the first part's paper
            edition = _edition_line(r, day, n, part_paper) if with_edition else None
        grown = len(assemble(lines + part).encode("utf-8"))
        if grown > hi:
            misses += 1
            cx.used, cx.titles = used, titles
            if size >= lo:
                break  # in range already: stop short of the drawn size rather than pass the upper end
            if misses > 50:
                raise ValueError(f"could not fill a {kind} page to {lo}-{hi} bytes: parts are too large for the range")
            continue
        if not lines:
            banner, paper = part_banner, part_paper
            cx.page_paper = paper
        lines += part
        arts += part_arts
        size = grown
    cx.page_paper = cx.stock = None
    text = assemble(lines)
    truth = {"file": name, "newspaper": paper, "page_banner": banner, "articles": [a.truth() for a in arts]}
    if table:
        truth = _convert(truth, table)
    meta = {"newspaper": paper, "edition_date": day.isoformat(), "page_number": f"{n:02d}"}
    # The truth is built of fresh dicts, lists, strings and numbers already: no JSON round trip
    # to copy it (that took a tenth of a year's generation).
    return GeneratedPage(name, text, enc, meta, truth)


def generate_day(day: date, seed: int = 0, pages: int = 3,
                 page_bytes: tuple[int, int] | None = None) -> list[GeneratedPage]:
    """A day's edition: page 1 is a city page; the others are a feature, a markdown page, a single
    story and a briefs column, shuffled (later pages repeat the kinds).

    With ``page_bytes`` = (low, high), every page is made of parts of its kind joined until its
    text (in UTF-8) reaches a size drawn between low and high bytes: the volume of real pages
    (10–20 KB) rather than the few short articles of a page of one part.
    """
    if page_bytes is not None and not 0 < page_bytes[0] <= page_bytes[1] <= MAX_PAGE_BYTES:
        raise ValueError(f"page size range must be 0 < low <= high <= {MAX_PAGE_BYTES}, not {page_bytes}")
    cx = _context(day, seed)
    r, staff = cx.rng, {n for names in cx.staff.values() for n in names}
    others = ["feature", "markdown", "story", "column"]
    r.shuffle(others)
    kinds = ["city"] + [others[i % 4] if i < 4 or r.random() < 0.5 else "city" for i in range(pages - 1)]
    out, taken = [], set()
    for n, kind in enumerate(kinds, start=1):
        cx.used, cx.titles, cx.paras = set(staff), set(), set()
        if page_bytes is not None:
            name = _file_name(kind, n, taken)
            taken.add(name)
            out.append(_joined_page(cx, kind, n, name, page_bytes))
            continue
        if kind == "story":
            a = _build(_story, cx, r.random() < 0.3)
            name, arts, banner, paper = f"story_{n:02d}.txt", [a], None, cx.paper
            indent = "　　" if r.random() < 0.5 else ""
            top = [_edition_line(r, day, n, paper), ""] if r.random() < 0.3 else []
            text = "\r\n".join(top + [indent + a.head[0], ""] + a.head[1:] + ["　　" + t for _, t in a.body]) + "\r\n"
        else:
            cx.tight = r.random() < (0.4 if kind == "column" else 0.12)
            lines, arts, banner, paper = PAGE_MAKERS[kind](cx)
            if r.random() < 0.2:
                lines = [_edition_line(r, day, n, paper)] + lines
            if kind == "markdown" and "briefs.txt" not in taken:
                name = "briefs.txt"
            else:
                name = f"{'column' if kind == 'column' else 'p'}{n:02d}.txt"
            if cx.tight:  # one line per paragraph, no blank lines (a picture's place leaves no trace)
                text = "\n".join(x for x in lines if x) + "\n"
            else:
                text = ("\n\n" if r.random() < 0.5 else "") + "\n\n".join(lines) + "\n"
        taken.add(name)
        enc = "utf-8-sig" if kind == "story" and r.random() < 0.5 else "gb18030" if r.random() < 0.1 else "utf-8"
        truth = {"file": name, "newspaper": paper, "page_banner": banner, "articles": [a.truth() for a in arts]}
        if kind != "story" and r.random() < 0.35:
            text, truth = _half(text), _half(truth)
        if r.random() < 0.12:
            table = _traditional(r)
            text, truth = _convert(text, table), _convert(truth, table)
        meta = {"newspaper": paper, "edition_date": day.isoformat(), "page_number": f"{n:02d}"}
        out.append(GeneratedPage(name, text, enc, meta, json.loads(json.dumps(truth))))
    return out


# ---------------------------------------------------------------- edge
def write_landing(out: Path, days: int, start: date, seed: int = 0, pages: int = 3,
                  page_bytes: tuple[int, int] | None = None, truth: bool = True) -> list[Path]:
    """Write ``days`` editions of ``pages`` pages each from ``start``: ``<out>/<day>/<file>`` with a
    ``.meta.json`` sidecar, and (unless ``truth`` is false) the truth as ``<out>/_truth/<day>/<stem>.json``;
    return the page paths. ``page_bytes`` = (low, high) joins each page's parts until its text is
    between low and high UTF-8 bytes (see ``generate_day``)."""
    written = []
    for i in range(days):
        day = start + timedelta(days=i)
        folder, truth_folder = Path(out) / day.isoformat(), Path(out) / "_truth" / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        if truth:
            truth_folder.mkdir(parents=True, exist_ok=True)
        for page in generate_day(day, seed, pages, page_bytes):
            path = folder / page.file_name
            path.write_bytes(page.data())
            (folder / f"{page.file_name}.meta.json").write_text(
                json.dumps(page.meta, ensure_ascii=False, indent=1), encoding="utf-8")
            if truth:  # one line: json's C encoder (an indented dump takes the pure-Python one, 10× slower)
                (truth_folder / f"{Path(page.file_name).stem}.json").write_text(
                    json.dumps(page.truth, ensure_ascii=False), encoding="utf-8")
            written.append(path)
    return written
