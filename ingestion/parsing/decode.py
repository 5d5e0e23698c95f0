"""Bytes → text: UTF-8 (with or without BOM), UTF-16, GB18030; anything else is refused.

A file cut off in the middle of a multi-byte character still decodes: the
incomplete tail is dropped and the result says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-16 | gb18030
    truncated: bool  # an incomplete character was dropped at the end


# Characters a newspaper page is made of: CJK ideographs and punctuation, full-width
# forms, ASCII printables, whitespace, general punctuation (dashes, quotes, ellipsis).
_PLAUSIBLE = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
    r"\u2000-\u206f\u00b7\u00d7\u2460-\u24ff\u25a0-\u25ff\x20-\x7e\t\n\r]"
)
MIN_PLAUSIBLE_SHARE = 0.9
# At most this many bytes of an unfinished character can be cut off (GB18030 uses 4).
_MAX_TAIL = 3


def _plausible_share(text: str) -> float:
    """Share of characters a page is made of; 0 for blank text or text with NULs."""
    if not text.strip() or "\x00" in text:
        return 0.0
    return len(_PLAUSIBLE.findall(text)) / len(text)


def _strict(data: bytes, encoding: str) -> tuple[str, bool] | None:
    """Decode strictly; tolerate only an incomplete character at the very end."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    pending, _ = decoder.getstate()
    if len(pending) > _MAX_TAIL:
        return None
    return text, bool(pending)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a landed file: the declared encoding, a BOM, UTF-8, else the best of GB18030 and UTF-16."""
    if not data:
        raise DecodeError("empty file")
    tried: list[str] = []

    def attempt(payload: bytes, codec: str, name: str) -> tuple[float, Decoded] | None:
        try:
            result = _strict(payload, codec)
        except LookupError:
            tried.append(f"{codec}: unknown encoding")
            return None
        if result is None:
            tried.append(f"{codec}: invalid bytes")
            return None
        text, truncated = result
        share = _plausible_share(text.lstrip("\ufeff"))
        if share < MIN_PLAUSIBLE_SHARE:
            tried.append(f"{codec}: decodes to implausible text ({share:.0%} plausible characters)")
            return None
        return share, Decoded(text=text.lstrip("\ufeff"), encoding=name, truncated=truncated)

    # Unambiguous signals first: what the sidecar declares, then a byte-order mark, then UTF-8.
    firsts: list[tuple[bytes, str, str]] = []
    if declared:
        firsts.append((data, declared, declared.lower()))
    if data.startswith(codecs.BOM_UTF8):
        firsts.append((data[3:], "utf-8", "utf-8-sig"))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        firsts.append((data, "utf-16", "utf-16"))
    firsts.append((data, "utf-8", "utf-8"))
    for payload, codec, name in firsts:
        got = attempt(payload, codec, name)
        if got:
            return got[1]
    # GB18030 and BOM-less UTF-16 both accept many byte strings; keep the more plausible reading.
    rivals = [attempt(data, codec, name) for codec, name in
              (("gb18030", "gb18030"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"))]
    best = max((r for r in rivals if r), default=None, key=lambda r: r[0])
    if best:
        return best[1]
    raise DecodeError("not UTF-8, UTF-16 or GB18030 text (" + "; ".join(tried) + ")")
