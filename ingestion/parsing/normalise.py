"""Length-preserving normalisation of a decoded page, paragraphs and OCR repeats.

Every step maps one character to one character, so an offset into the
normalised text is an offset into the delivered text too (quotes are sliced
from the original, matching runs on the normalised copy).

Canonical forms chosen here:

* Full-width ASCII (U+FF01..U+FF5E) becomes its ASCII twin, exactly what NFKC
  does for that block: ``２０２３`` → ``2023``, ``ＡＢ`` → ``AB``, ``（`` → ``(``,
  ``，`` → ``,``, ``：`` → ``:``, ``；`` → ``;``, ``！`` → ``!``, ``？`` → ``?``.
  Pages mix both widths for the same marks (本报讯（…） and 本报讯(…)), so
  downstream patterns only ever see one of them.
* CJK-only punctuation that carries meaning and has no ASCII twin stays as is:
  ``。、“”‘’《》【】……——·``.
* Ideographic space, no-break and other typographic spaces, tabs, zero-width
  characters and the BOM become a plain space; CR becomes a space (CRLF files
  keep their line structure through the LF).
* Traditional and variant characters become simplified with OpenCC ``t2s``
  (phrase-aware); if that changed the length anywhere, each character is
  converted on its own instead. Characters that the gazetteer's (simplified)
  place names use are left alone (乾安县 is not 干安县).
"""

from __future__ import annotations

import functools
import re

# Full-width ASCII block → ASCII (the NFKC mapping of that block).
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Whitespace and invisible characters that should not split or glue words.
_SPACES = {
    **{cp: 0x20 for cp in (0x09, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
    **{cp: 0x20 for cp in range(0x2000, 0x200B)},
    0x202F: 0x20,
    0x205F: 0x20,
}
# Variant quotation marks seen in OCR output, folded onto the common pair.
_QUOTES = {0x301D: 0x201C, 0x301E: 0x201D, 0x301F: 0x201D, 0xFF02: 0x22}
_TABLE = {**_WIDTH, **_SPACES, **_QUOTES}
_MAPPED = {chr(k): chr(v) for k, v in _TABLE.items()}
# str.translate looks every character up in the table; a page holds only a dozen of the mapped
# characters, so finding which (one C-speed pass) and replacing each is several times faster.
_MAPPED_RE = re.compile("[" + "".join(re.escape(k) for k in _MAPPED) + "]")


def _fold(text: str) -> str:
    """``text.translate(_TABLE)``, faster."""
    for ch in set(_MAPPED_RE.findall(text)):
        text = text.replace(ch, _MAPPED[ch])
    return text


@functools.cache
def _converter():
    """The OpenCC traditional → simplified converter (loaded once)."""
    import opencc  # imported lazily: loading the dictionaries costs a few ms

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    """One character through t2s; the original when the result is not one character."""
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


@functools.cache
def _kept_place_chars() -> re.Pattern[str] | None:
    """Characters of the (simplified) gazetteer's names that OpenCC would convert (乾 → 干), as a class."""
    from ingestion.parsing.gazetteer import load_gazetteer  # late: the gazetteer reads a data file

    chars = sorted({ch for r in load_gazetteer().regions for ch in r.name})
    changed = [ch for ch in chars if _converter().convert(ch) != ch]
    return re.compile(f"[{re.escape(''.join(changed))}]") if changed else None


def _to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length.

    A character that place names use as a simplified character stays as printed:
    OpenCC reads 乾 as the traditional form of 干, which would turn 乾安县 into 干安县.
    """
    try:
        converted = _converter().convert(text)
    except Exception:  # a broken OpenCC install must not stop ingestion
        return text
    if len(converted) != len(text):
        converted = "".join(_simplified_char(ch) if ord(ch) > 0x2E7F else ch for ch in text)
    keep = _kept_place_chars() if converted != text else None
    hits = [m.start() for m in keep.finditer(text)] if keep else []
    if not hits:
        return converted
    out = list(converted)
    for i in hits:
        out[i] = text[i]
    return "".join(out)


def normalise(text: str) -> str:
    """Normalised copy of ``text`` with exactly the same length (see module docstring)."""
    out = _to_simplified(_fold(text))
    assert len(out) == len(text)
    return out


_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, leading and trailing whitespace excluded."""
    spans = []
    for m in _LINE.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


PROBE = 8  # characters per probe
PROBES = 5  # probes taken evenly along a paragraph
MIN_DUPLICATE_CHARS = 12  # shorter lines (dashes, 图为, bylines) are not judged
OVERLAP_SHARE = 0.8  # share of a paragraph's probes seen before that makes it a repeat
_MARKS = "#>*-—_ "


def _probe_starts(length: int) -> list[int]:
    """Start offsets of evenly spaced probes in a paragraph of ``length`` characters."""
    last = length - PROBE
    if last <= 0:
        return [0]
    k = min(PROBES, last + 1)
    return [round(i * last / (k - 1)) for i in range(k)] if k > 1 else [0]


MAX_PIECES = 4  # a repeat re-prints at most this many runs of earlier text (…A's end + B's start)
MAX_MISREAD = 1  # characters of a repeat that may differ from the earlier print (an OCR misread)


def _longest_earlier_prefix(text: str, s: str, lo: int, hi: int) -> int:
    """Length of the longest prefix of ``s`` that occurs in ``text[lo:hi]`` (binary search)."""
    good, bad = 0, len(s) + 1
    while bad - good > 1:
        mid = (good + bad) // 2
        if text.find(s[:mid], lo, hi) >= 0:
            good = mid
        else:
            bad = mid
    return good


def _pieced_from_earlier(text: str, s: str, lo: int, hi: int) -> bool:
    """True when ``s`` is a few runs of ``text[lo:hi]`` laid end to end (how a column break repeats).

    Probes alone also fire on two different sentences written from one template
    (“近期，甲局召开…” and “近期，乙局召开…”); a real repeat is made of long
    verbatim runs, each at least a probe long, with at most ``MAX_MISREAD``
    characters between them that differ.
    """
    pos, pieces, misread = 0, 0, 0
    while pos < len(s):
        n = _longest_earlier_prefix(text, s[pos:], lo, hi)
        if n < PROBE and len(s) - pos >= PROBE:
            misread += 1
            if misread > MAX_MISREAD:
                return False
            pos += 1
            continue
        pos += max(n, 1)
        pieces += 1
        if pieces > MAX_PIECES:
            return False
    return True


def duplicate_spans(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of paragraphs that repeat an earlier paragraph (OCR column breaks).

    A paragraph repeats when its text equals an earlier paragraph, is contained
    in the text before it, or overlaps heavily with it (a column break that
    re-prints the end of one paragraph and the start of the next): at least
    ``OVERLAP_SHARE`` of a few evenly spaced probes already occur earlier on
    the page, and the paragraph is a few verbatim runs of earlier text laid end
    to end (``_pieced_from_earlier``). OCR repeats are character-for-character copies, so probes are
    looked up directly in the page text (no copies, C-speed search). Lines
    under ``MIN_DUPLICATE_CHARS`` are never judged, so repeated bylines and
    labels stay.
    """
    seen_exact: set[str] = set()
    dups: set[int] = set()
    first_start = spans[0][0] if spans else 0
    for i, (a, b) in enumerate(spans):
        while a < b and text[a] in _MARKS:
            a += 1
        if b - a < MIN_DUPLICATE_CHARS:
            continue
        s = text[a:b]
        if s in seen_exact:
            dups.add(i)
            continue
        seen_exact.add(s)
        if a <= first_start:
            continue
        starts = _probe_starts(b - a)
        allowed_misses = len(starts) - OVERLAP_SHARE * len(starts)
        misses = 0
        for off in starts:
            if text.find(s[off : off + PROBE], first_start, a) < 0:
                misses += 1
                if misses > allowed_misses:
                    break
        else:
            if _pieced_from_earlier(text, s, first_start, a):
                dups.add(i)
    return dups
