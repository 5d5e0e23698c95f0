"""Bytes → text: UTF-8 (with or without BOM), UTF-16 (LE or BE, with or without BOM), GB18030.

Whatever the bytes are, ``decode_bytes`` returns text or raises ``DecodeError`` naming
what it tried; it never raises anything else. The order of evidence:

1. a byte-order mark (unambiguous);
2. the encoding a sidecar declares, when it is one we support and it reads as text; a
   declaration that does not fit the bytes is noted (``Decoded.note``) and ignored;
3. UTF-8 (strict: valid UTF-8 is almost never anything else);
4. GB18030 and BOM-less UTF-16 (LE and BE), which accept many byte strings: the reading
   with the larger share of the characters newspaper pages are made of wins.

A reading is *text* when it has almost no characters that text never holds (control
characters other than line breaks and tabs, unassigned or private-use code points, lone
surrogates): a page of names in rare characters is text, an image is not. A file cut off
in the middle of a multi-byte character still decodes: the incomplete tail is dropped
and the result says so.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-16 (with BOM) | utf-16-le | utf-16-be | gb18030
    truncated: bool  # an incomplete character was dropped at the end
    note: str | None = None  # why a declared encoding was not used, when one was declared


# Supported encodings, by the name Python's codec registry gives them, → the codec we decode
# with. GBK and GB2312 are subsets of GB18030, so a page declared as either is read as GB18030.
_SUPPORTED = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",  # a BOM is read in step 1; declared but absent, the bytes are plain UTF-8
    "utf-16": "utf-16",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "gb18030": "gb18030",
    "gbk": "gb18030",
    "gb2312": "gb18030",
}
SUPPORTED_ENCODINGS = tuple(sorted(_SUPPORTED))

# Characters a newspaper page is made of: CJK ideographs and punctuation, full-width forms,
# ASCII printables, whitespace, general punctuation. Used only to rank rival readings.
_COMMON = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
    r"\u2000-\u206f\u00b7\u00d7\u2460-\u24ff\u25a0-\u25ff\x20-\x7e\t\n\r]"
)
# Scripts and symbols of text in general (CJK, kana, Hangul, Latin, Greek, Cyrillic, punctuation):
# a BOM-less UTF-16 reading must be mostly these.
_SCRIPTS = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3000-\u30ff\uac00-\ud7af\uff00-\uffef"
    r"\u0020-\u007e\u00a0-\u024f\u0370-\u04ff\u2000-\u206f\u2460-\u24ff\u25a0-\u25ff\t\n\r]"
)
MIN_UTF16_SCRIPT_SHARE = 0.8
# Categories text never holds: controls, unassigned, private use, surrogates.
_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85")
# A few stray characters (a form feed from a scanner, one private-use glyph of a font) are
# tolerated; binary read as text has them everywhere.
MAX_NON_TEXT_SHARE = 0.01
# At most this many bytes of an unfinished character can be cut off (GB18030 uses 4).
_MAX_TAIL = 3
_SAMPLE = 1 << 16  # characters checked for plausibility: enough to tell, bounded for large files
# Text this long always has a line break or a space somewhere; binary read as text often has none.
_MIN_CHARS_WITH_BREAKS = 200
# How much larger the share of a page's usual characters must be before detection overrules a declaration.
_DECLARED_MARGIN = 0.2


def canonical_encoding(name: object) -> str | None:
    """The supported encoding a declared name means (``"UTF8"`` → ``"utf-8"``), or None."""
    if not isinstance(name, str) or not name.strip() or len(name) > 40:
        return None
    try:
        key = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return key if key in _SUPPORTED else None


def non_text_share(text: str) -> float:
    """Share of characters (of a sample) that text never holds; 1.0 for blank text."""
    sample = _sample(text)
    if not sample.strip():
        return 1.0
    bad = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) in _NOT_TEXT and ch not in _TEXT_CONTROLS))
    return bad / len(sample)


def _sample(text: str) -> str:
    if len(text) <= 3 * _SAMPLE:
        return text
    middle = len(text) // 2
    return text[:_SAMPLE] + text[middle : middle + _SAMPLE] + text[-_SAMPLE:]


def _common_share(text: str) -> float:
    sample = _sample(text)
    return len(_COMMON.findall(sample)) / len(sample) if sample else 0.0


def _strict(data: bytes, codec: str) -> tuple[str, bool] | None:
    """Decode strictly; tolerate only an incomplete character at the very end."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        text = decoder.decode(data, final=False)
    except UnicodeError:  # UnicodeDecodeError, and UTF-16's "stream does not start with BOM"
        return None
    pending, _ = decoder.getstate()
    if len(pending) > _MAX_TAIL:
        return None
    return text, bool(pending)


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a page's text (None when it can): blank, binary-like characters, no line or word breaks."""
    sample = _sample(text)
    if not sample.strip():
        return "no text (empty or only white space)"
    share = non_text_share(sample)
    if share > MAX_NON_TEXT_SHARE:
        return f"{share:.0%} control, unassigned or private-use characters"
    if len(sample) > _MIN_CHARS_WITH_BREAKS and not any(ch.isspace() for ch in sample):
        return f"{len(text):,} characters without a line break or space"
    return None


@dataclass(slots=True)
class _Attempts:
    """Decoding attempts and why each failed, for the refusal message."""

    tried: list[str]

    def read(self, data: bytes, codec: str, name: str) -> Decoded | None:
        result = _strict(data, codec)
        if result is None:
            self.tried.append(f"{name}: invalid bytes")
            return None
        text, truncated = result
        text = text.removeprefix("\ufeff")
        problem = text_problem(text)
        if problem:
            self.tried.append(f"{name}: {problem}")
            return None
        return Decoded(text=text, encoding=name, truncated=truncated)

    def best_utf16(self, data: bytes) -> Decoded | None:
        # ASCII bytes without a NUL are not UTF-16: its line breaks and digits carry a zero byte.
        if b"\x00" not in data and data.isascii():
            self.tried.append("utf-16: ASCII bytes without a zero byte")
            return None
        readings = []
        for name in ("utf-16-le", "utf-16-be"):
            got = self.read(data, name, name)
            if got is None:
                continue
            # Almost any even number of bytes is UTF-16: binary reads as letters of every script at once.
            share = len(_SCRIPTS.findall(_sample(got.text))) / max(len(_sample(got.text)), 1)
            if share < MIN_UTF16_SCRIPT_SHARE:
                self.tried.append(f"{name}: only {share:.0%} characters of common scripts")
                continue
            readings.append(got)
        return max(readings, key=lambda d: _common_share(d.text), default=None)

    def detect(self, data: bytes) -> Decoded | None:
        """UTF-8, else the better of GB18030 and BOM-less UTF-16 (both accept many byte strings)."""
        got = self.read(data, "utf-8", "utf-8")
        if got:
            return got
        rivals = [r for r in (self.read(data, "gb18030", "gb18030"), self.best_utf16(data)) if r]
        return max(rivals, key=lambda d: _common_share(d.text), default=None)


def _with_note(decoded: Decoded, note: str | None) -> Decoded:
    return Decoded(decoded.text, decoded.encoding, decoded.truncated, note)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a landed file (see the module docstring for the order); raise ``DecodeError`` if it is not text."""
    if not data:
        raise DecodeError("empty file")
    attempts = _Attempts([])

    # 1. A byte-order mark.
    bom = None
    if data.startswith(codecs.BOM_UTF8):
        bom = attempts.read(data[3:], "utf-8", "utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom = attempts.read(data, "utf-16", "utf-16")
    if bom:
        return bom

    # 2. The declared encoding, if we support it and it reads as text.
    stated = None
    note = None
    if declared is not None:
        key = canonical_encoding(declared)
        if key is None:
            note = f"declared encoding {str(declared)[:40]!r} is not one we read"
        elif key.startswith("utf-16"):  # no BOM (or step 1 would have read it): find the byte order
            stated = attempts.best_utf16(data)
        else:
            stated = attempts.read(data, _SUPPORTED[key], _SUPPORTED[key])
        if note is None and stated is None:
            note = f"declared encoding {declared!r} does not fit the bytes ({attempts.tried[-1]})"

    # 3-4. What the bytes are.
    detected = attempts.detect(data)
    if stated is not None:
        # A declaration is trusted unless the bytes read much more like a page in another encoding
        # (GB18030 bytes declared UTF-16 decode to Hangul-looking text, which is not a page).
        if (
            detected is not None
            and detected.encoding != stated.encoding
            and (_common_share(detected.text) > _common_share(stated.text) + _DECLARED_MARGIN)
        ):
            return _with_note(detected, f"declared {declared!r} but the bytes read as {detected.encoding}")
        if key.startswith("utf-16") and key not in ("utf-16", stated.encoding):
            return _with_note(stated, f"declared {declared!r}; the byte order is {stated.encoding}")
        return stated
    if detected is not None:
        return _with_note(detected, f"{note}; detected instead" if note else None)
    tried = "; ".join(dict.fromkeys(attempts.tried))
    raise DecodeError(f"not UTF-8, UTF-16 or GB18030 text (tried {tried})")
