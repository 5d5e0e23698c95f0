"""Figures restated in display lines: a headline's rounded copy of a figure the body states.

A headline, deck or subheading often repeats a figure of the body, rounded and with a
qualifier (headline 粮食产量突破1.3万亿斤, body 粮食总产量13158亿斤). SPEC counts a number
written twice as one metric; the body's statement is the precise one, so the display line's
copy is dropped. A display-line figure that the body does not restate is kept: the article
states it only there.

Display lines are the article's spans that hold no sentence end (。！？；!?;) and are short:
headlines, decks, subheadings and unpunctuated captions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ingestion.parsing.model import ParsedMetric

_SENTENCE_END = re.compile(r"[。！？；!?;]")
MAX_DISPLAY_CHARS = 60
# How far a display figure may be from the body's and still be its rounding (9.7万亿 for 9.73万亿).
ROUNDING = 0.1


def display_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``text`` that are display lines (no sentence end, at most MAX_DISPLAY_CHARS)."""
    return [(a, b) for a, b in spans if b - a <= MAX_DISPLAY_CHARS and not _SENTENCE_END.search(text, a, b)]


def _rounds_to(shown: float, body: float) -> bool:
    """Whether ``body`` rounded (or cut) to ``shown``'s last significant digit is ``shown`` (1014 → 1000, 9.73 → 9.7)."""
    exponent = Decimal(repr(shown)).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    step = Decimal(1).scaleb(exponent)
    b = Decimal(repr(body))
    return Decimal(repr(shown)) in (b.quantize(step, rounding=ROUND_HALF_UP), b.quantize(step, rounding=ROUND_DOWN))


def _agrees(shown: ParsedMetric, body: ParsedMetric) -> bool:
    """Whether ``shown`` (from a display line) can be a rounded statement of ``body``."""
    if shown.unit != body.unit:
        return False
    if shown.value == body.value:
        return True
    big = max(abs(shown.value), abs(body.value))
    if abs(shown.value - body.value) > ROUNDING * big:
        return False
    if shown.qualifier == "exact":  # 1000项 for 1014项, but 1593名 is no rounding of 1446名
        return _rounds_to(shown.value, body.value)
    if shown.qualifier == "at_least":  # 突破1.3万亿斤 for 13158亿斤
        return body.value >= shown.value or body.qualifier != "exact"
    if shown.qualifier == "at_most":  # 近百万 for 96万
        return body.value <= shown.value or body.qualifier != "exact"
    return True


def drop_restated(metrics: list[ParsedMetric], text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedMetric]:
    """``metrics`` without display-line figures that a body sentence states too."""
    shown = display_spans(text, spans)
    if not shown or len(shown) == len(spans):
        return metrics  # no display line, or nothing but display lines (a caption page): nothing to compare

    def in_display(m: ParsedMetric) -> bool:
        return any(a <= m.start < b for a, b in shown)

    body = [m for m in metrics if not in_display(m)]
    return [m for m in metrics if not in_display(m) or not any(_agrees(m, b) for b in body)]
