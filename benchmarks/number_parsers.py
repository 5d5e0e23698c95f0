"""The project's numeral parser against cn2an and jionlp, on numerals as newspapers write them.

    python benchmarks/number_parsers.py [--repeat 5] [--number 200] [--import-repeat 3] [--summary-only]

Records the evaluation asked for before ``ingestion/parsing/numbers.py`` was
written ("evaluate jionlp's money/number parsers and cn2an"). The candidates
are not dependencies of the project; install them into the venv by hand::

    uv pip install --python .venv/bin/python cn2an jionlp

A candidate that is not installed is reported as such and the others still run.

Parsers compared (each gets what a fair user would hand it, see ``CASES``):

* ``parse_number``: ``ingestion.parsing.numbers.parse_number``, given the
  numeral without its unit (元, 家 …), which is what ``metrics.py`` hands it.
* ``cn2an.smart``: ``cn2an.cn2an(s, "smart")``, the most permissive mode
  (``strict`` and ``normal`` accept a subset of what ``smart`` accepts: no
  Arabic digits, no 两). cn2an knows nothing of 余/多 or thousands separators,
  so its input also has 余, 多 and "," removed (60余万 → 60万, 2,048 → 2048).
* ``cn2an.transform``: ``cn2an.transform(s, "cn2an")``, cn2an's in-sentence
  converter, which alone in cn2an reads 百分之… and …点…; a trailing "%" is
  dropped and the rest goes through ``float()``. Same trimmed input as above.
* ``jionlp.parse_money``: jionlp's only public numeral reader (1.5.x has no
  plain Chinese-numeral → number function; its time parsers' converters are
  private). Given the numeral without a non-money unit (it assumes 元 anyway);
  余/多 are left in, since it reads them: it answers a range
  (``definition == "blur"``), of which the lower bound is taken, as
  ``metrics.py`` takes ``low`` = value for 余/多.

Scoring, per input: *correct* if the value equals the expected one (for a
per-cent form 98 or 0.98 are both accepted); for a vague quantity the expected
value is ``None``, and returning ``None`` or raising ``ValueError`` (which a
caller would catch) both count as correct; *raised* is an exception on an
input that has a value; anything else is *wrong*. The "as written" column
scores the same parsers on the untrimmed strings.

Times are CPU time (``time.process_time``): µs per call is the best of
``--repeat`` runs of ``--number`` passes over all the cases (exceptions caught
inside the loop, so raising is part of the cost); ``parse_number`` is timed
without its ``lru_cache`` (``__wrapped__``), since the repeated inputs would
otherwise be cache hits. Import time is measured in a fresh interpreter per
package, best of ``--import-repeat``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import io
import math
import re
import subprocess
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# (numeral as written, value a careful reader gives it, group). None: not a definite number.
CASES: list[tuple[str, float | None, str]] = [
    ("512", 512, "arabic"),
    ("2,048", 2048, "arabic"),
    ("87.5", 87.5, "arabic"),
    ("1,234.5", 1234.5, "arabic"),
    ("2.3万", 23_000, "scaled"),
    ("45.6亿", 4_560_000_000, "scaled"),
    ("5千", 5000, "scaled"),
    ("14.7万", 147_000, "scaled"),
    ("1.2万元", 12_000, "scaled"),
    ("3030.1亿元", 303_010_000_000, "scaled"),
    ("两", 2, "chinese"),
    ("俩", 2, "chinese"),
    ("零", 0, "chinese"),
    ("三十", 30, "chinese"),
    ("一百零五", 105, "chinese"),
    ("一百五", 150, "chinese"),
    ("两千", 2000, "chinese"),
    ("一万", 10_000, "chinese"),
    ("三万五", 35_000, "chinese"),
    ("一亿二千万", 120_000_000, "chinese"),
    ("十二万三千四百五十六", 123_456, "chinese"),
    ("二〇二二", 2022, "chinese"),
    ("二十五点五", 25.5, "chinese"),
    ("两家", 2, "chinese"),
    ("百分之九十八", 98, "percent"),
    ("百分之7.4", 7.4, "percent"),
    ("百分之二十五点五", 25.5, "percent"),
    ("十余", 10, "余/多"),
    ("60余万", 600_000, "余/多"),
    ("12.3万余", 123_000, "余/多"),
    ("2300万余", 23_000_000, "余/多"),
    ("1.5万余元", 15_000, "余/多"),
    ("一万多", 10_000, "余/多"),
    ("一万多元", 10_000, "余/多"),
    ("百余", 100, "余/多"),
    ("数十", None, "vague"),
    ("几百", None, "vague"),
    ("十几", None, "vague"),
    ("二十几", None, "vague"),
    ("两三", None, "vague"),
    ("五六十", None, "vague"),
    ("三四十", None, "vague"),
    ("七八百万", None, "vague"),
    ("上百", None, "vague"),
]
GROUPS = list(dict.fromkeys(group for _, _, group in CASES))

_UNIT_TAIL = re.compile(r"[元家人个]+$")


def strip_unit(s: str) -> str:
    """The numeral without its trailing unit, as ``metrics.py`` separates them: 1.2万元 → 1.2万."""
    return _UNIT_TAIL.sub("", s)


def for_cn2an(s: str) -> str:
    """What a fair cn2an user passes: no unit, no 余/多 qualifier, no thousands separator."""
    return strip_unit(s).replace("余", "").replace("多", "").replace(",", "")


class Low(float):
    """The lower bound of a range answer (jionlp's "blur" money), which keeps the upper bound for display."""

    high: float


class Parser:
    """One candidate: how its input is prepared, how it is called, how its answer becomes a float."""

    def __init__(self, name: str, package: str, prepare: Callable[[str], str], call: Callable, timed: Callable | None = None):
        self.name, self.package, self.prepare, self.call = name, package, prepare, call
        self.timed = timed or call  # the function timed (parse_number: without its cache)


def load_parsers() -> tuple[list[Parser], list[str]]:
    """The parsers whose packages import, and a note for each package that does not."""
    from ingestion.parsing.numbers import parse_number

    parsers = [Parser("parse_number", "newsdw", strip_unit, parse_number, parse_number.__wrapped__)]
    missing: list[str] = []
    try:
        import cn2an
    except ImportError:
        missing.append("cn2an: not installed (uv pip install --python .venv/bin/python cn2an); skipped")
    else:

        def cn2an_smart(s: str) -> float:
            return float(cn2an.cn2an(s, "smart"))

        def cn2an_transform(s: str) -> float:
            return float(cn2an.transform(s, "cn2an").removesuffix("%"))

        parsers.append(Parser("cn2an.smart", "cn2an", for_cn2an, cn2an_smart))
        parsers.append(Parser("cn2an.transform", "cn2an", for_cn2an, cn2an_transform))
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # prints a banner on import
    except ImportError:
        missing.append("jionlp: not installed (uv pip install --python .venv/bin/python jionlp); skipped")
    else:

        def jionlp_money(s: str) -> float:
            num = jionlp.parse_money(s)["num"]
            if not isinstance(num, list):
                return float(num)
            low = Low(num[0])  # a range: scored by its lower bound
            low.high = float(num[1])
            return low

        parsers.append(Parser("jionlp.parse_money", "jionlp", strip_unit, jionlp_money))
    return parsers, missing


def run(parser: Parser, s: str) -> float | None | BaseException:
    try:
        return parser.call(s)
    except Exception as e:  # a candidate's failure is a result here
        return e


def outcome(got: float | None | BaseException, expected: float | None, group: str) -> str:
    """``correct``, ``wrong`` or ``raised`` (see the module docstring)."""
    if isinstance(got, BaseException):
        return "correct" if expected is None else "raised"
    if got is None or expected is None:
        return "correct" if got is None and expected is None else "wrong"
    accepted = [expected, expected / 100] if group == "percent" else [expected]
    return "correct" if any(math.isclose(got, v, rel_tol=1e-9, abs_tol=1e-9) for v in accepted) else "wrong"


def cell(got: float | None | BaseException, verdict: str) -> str:
    if isinstance(got, BaseException):
        text = type(got).__name__
    elif got is None:
        text = "None"
    elif isinstance(got, Low):
        text = f"{got:.12g}–{got.high:.12g}"
    else:
        text = f"{got:.12g}"
    return text + ("" if verdict == "correct" else " ✗")


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, n: int, right: bool = False) -> str:
    fill = " " * max(0, n - width(s))
    return fill + s if right else s + fill


def us_per_call(parser: Parser, inputs: list[str], repeat: int, number: int) -> float:
    """Best-of-``repeat`` CPU µs per call over ``number`` passes of ``inputs``."""
    fn = parser.timed
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for _ in range(number):
            for s in inputs:
                try:
                    fn(s)
                except Exception:
                    pass
        best = min(best, time.process_time() - t)
    return best / (number * len(inputs)) * 1e6


_IMPORT_PROBE = """
import contextlib, io, time
c, w = time.process_time(), time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    import {module}
c, w = time.process_time() - c, time.perf_counter() - w
print("IMPORT_TIME", c, w)
"""


def import_ms(module: str, repeat: int) -> tuple[float, float] | None:
    """Best (CPU ms, wall ms) of importing ``module`` in a fresh interpreter; None if it fails."""
    best: tuple[float, float] | None = None
    for _ in range(repeat):
        proc = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE.format(module=module)], cwd=REPO, capture_output=True, text=True
        )
        m = re.search(r"IMPORT_TIME (\S+) (\S+)", proc.stdout)
        if not m:
            return None
        got = (float(m.group(1)) * 1000, float(m.group(2)) * 1000)
        best = got if best is None or got[0] < best[0] else best
    return best


def version(package: str) -> str:
    if package == "newsdw":
        return "(this repo)"
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def main() -> None:
    """Print the per-input results, the counts per group, and the speed and import cost of each parser."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="timing runs; the best is kept")
    ap.add_argument("--number", type=int, default=200, help="passes over the cases per timing run")
    ap.add_argument("--import-repeat", type=int, default=3, help="fresh interpreters per package import timing")
    ap.add_argument("--summary-only", action="store_true", help="omit the per-input table")
    args = ap.parse_args()

    warnings.simplefilter("ignore")  # cn2an.transform warns on every input it cannot read
    parsers, missing = load_parsers()
    for note in missing:
        print(note)

    results = {p.name: [run(p, p.prepare(s)) for s, _, _ in CASES] for p in parsers}
    verdicts = {p.name: [outcome(g, e, grp) for g, (_, e, grp) in zip(results[p.name], CASES, strict=True)] for p in parsers}
    as_written = {p.name: sum(outcome(run(p, s), e, grp) == "correct" for s, e, grp in CASES) for p in parsers}

    if not args.summary_only:
        cols = [20, 13] + [max(18, len(p.name)) for p in parsers]
        head = ["numeral", "expected"] + [p.name for p in parsers]
        print("  ".join(pad(h, w) for h, w in zip(head, cols, strict=True)))
        for i, (s, expected, _) in enumerate(CASES):
            row = [s, "None" if expected is None else f"{expected:.12g}"]
            row += [cell(results[p.name][i], verdicts[p.name][i]) for p in parsers]
            print("  ".join(pad(c, w) for c, w in zip(row, cols, strict=True)))
        print("✗: wrong or raised; a–b: a range, scored by a. Inputs trimmed per parser as the module docstring says.\n")

    n = len(CASES)
    print(f"correct per group (of {n} numerals)")
    print(pad("group", 10) + "".join(pad(p.name, 20, right=True) for p in parsers))
    for group in GROUPS:
        idx = [i for i, (_, _, g) in enumerate(CASES) if g == group]
        cells = [f"{sum(verdicts[p.name][i] == 'correct' for i in idx)}/{len(idx)}" for p in parsers]
        print(pad(group, 10) + "".join(pad(c, 20, right=True) for c in cells))
    print()

    imports = {
        pkg: import_ms(mod, args.import_repeat)
        for pkg, mod in [("newsdw", "ingestion.parsing.numbers"), ("cn2an", "cn2an"), ("jionlp", "jionlp")]
    }
    head = (
        f"{'parser':20s} {'version':>11s} {'correct':>7s} {'wrong':>5s} {'raised':>6s} {'as written':>10s} "
        f"{'µs/call':>8s} {'import ms CPU':>13s} {'wall':>6s}"
    )
    print(head)
    for p in parsers:
        v = verdicts[p.name]
        inputs = [p.prepare(s) for s, _, _ in CASES]
        us = us_per_call(p, inputs, args.repeat, args.number)
        imp = imports.get(p.package)
        imp_cells = f"{imp[0]:13.0f} {imp[1]:6.0f}" if imp else f"{'?':>13s} {'?':>6s}"
        print(
            f"{p.name:20s} {version(p.package):>11s} {v.count('correct'):4d}/{n:<2d} {v.count('wrong'):5d} "
            f"{v.count('raised'):6d} {as_written[p.name]:7d}/{n:<2d} {us:8.1f} {imp_cells}"
        )
    print(
        f"µs/call: CPU, best of {args.repeat} x {args.number} passes over {n} numerals; "
        f"import: fresh interpreter, best of {args.import_repeat}."
    )


if __name__ == "__main__":
    main()
