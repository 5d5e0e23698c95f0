"""Parser throughput on one core, and its ratio to jieba.posseg tagging the same text.

    python benchmarks/parse_speed.py [--days 20] [--repeat 3] [--profile] [--corpus DIR | --no-corpus]

The corpus has up to three parts, timed and printed apart and together:

* ``seeds``: the real pages in ../shared/seeds (or ``$NEWSDW_SHARED/seeds``),
  each page once. Real pages are long (10-20 KB, dozens of paragraphs), so
  they show the per-character cost;
* ``generated``: ``--days`` days of the project's generated pages. They are
  short (1-3 KB), so they show the per-page and per-article cost;
* ``real``: the files of a real archive, one article per file (``--corpus``,
  by default ../shared/devset/corpus, every ``*.txt`` below it; skipped when
  absent or with ``--no-corpus``). They show the cost on the text the parser
  meets in production, a national daily's layout.

Figures are MB of UTF-8 page text per second of CPU time of this process
(``time.process_time``, best of ``--repeat`` runs): on a shared machine CPU
time moves far less with other load than wall time does. jieba.posseg tags
every page of the same corpus once, in the same process, and the ratio of the
two rates is the figure to quote. ``--profile`` adds the parser's time per
stage (structure half vs. each extractor).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSDW_SHARED", REPO.parent / "shared"))


def corpus(days: int, real: Path | None = None) -> dict[str, list[str]]:
    """Page texts by part: the seed pages (if present), ``days`` days of generated pages, a real archive."""
    from ingestion.generate import generate_day
    from ingestion.parsing.decode import decode_bytes

    generated = []
    for i in range(days):
        day = date.fromordinal(date(2026, 1, 1).toordinal() + i)
        generated.extend(p.text for p in generate_day(day, seed=7))
    seeds = [decode_bytes(p.read_bytes()).text for p in sorted((SHARED / "seeds").glob("*.txt"))]
    files = sorted(real.rglob("*.txt")) if real and real.is_dir() else []
    archive = [decode_bytes(p.read_bytes()).text for p in files]
    return {"seeds": seeds, "generated": generated, "real": archive}  # this order: main() relies on it


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def cpu_seconds(fn, repeat: int) -> float:
    """Least CPU time of ``repeat`` calls (the run least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def stage_profile(texts: list[str]) -> Counter:
    """CPU seconds per stage of ``parse_page`` over ``texts`` (one run)."""
    import ingestion.parsing.page as page

    spent: Counter = Counter()
    stages = ("normalise", "segment", "extract_organizations", "extract_activities", "extract_metrics")
    originals = {name: getattr(page, name) for name in stages if hasattr(page, name)}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - t

        return wrapper

    for name, fn in originals.items():
        setattr(page, name, timed(name, fn))
    try:
        t = time.process_time()
        for text in texts:
            page.parse_page(text)
        spent["total"] = time.process_time() - t
    finally:
        for name, fn in originals.items():
            setattr(page, name, fn)
    return spent


def main() -> None:
    """Print MB/s of the parser and of jieba.posseg per corpus part, and the ratios."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="also print the parser's CPU time per stage")
    ap.add_argument(
        "--corpus",
        type=Path,
        default=SHARED / "devset" / "corpus",
        metavar="DIR",
        help="folder of real page files (every *.txt below it), timed as the part 'real'",
    )
    ap.add_argument("--no-corpus", action="store_true", help="leave the real files out")
    args = ap.parse_args()

    from ingestion.parsing.page import parse_page

    real = None if args.no_corpus else args.corpus
    parts = {name: texts for name, texts in corpus(args.days, real).items() if texts}
    parts["all"] = [t for texts in parts.values() for t in texts]
    for t in parts["all"]:
        parse_page(t)  # warm caches: gazetteer, automata, compiled patterns

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    list(jieba.posseg.cut(parts["all"][0]))  # load the HMM tables before timing

    # Page by page, the parser and then jieba on the same page, so that both meet the same
    # load on a shared machine; the parser's time is its best of ``--repeat`` runs.
    page_s = [
        (
            cpu_seconds(lambda t=text: parse_page(t), args.repeat),
            cpu_seconds(lambda t=text: list(jieba.posseg.cut(t)), 1),
        )
        for text in parts["all"]
    ]
    rows, at = {}, 0
    for name in parts:
        if name != "all":
            rows[name] = page_s[at : at + len(parts[name])]
            at += len(parts[name])
    rows["all"] = page_s
    parser_s = {name: sum(p for p, _ in rows[name]) for name in parts}
    jieba_s = {name: sum(j for _, j in rows[name]) for name in parts}

    print(f"{'corpus':10s} {'pages':>5s} {'MB':>6s} {'parser MB/s':>12s} {'jieba MB/s':>11s} {'ratio':>7s}")
    for name, texts in parts.items():
        mb = megabytes(texts)
        p_rate, j_rate = mb / parser_s[name], mb / jieba_s[name]
        print(f"{name:10s} {len(texts):5d} {mb:6.3f} {p_rate:12.2f} {j_rate:11.3f} {p_rate / j_rate:6.1f}x")
    mb = megabytes(parts["all"])
    print(f"parser:        {mb / parser_s['all']:6.2f} MB/s  (CPU, best of {args.repeat}: {parser_s['all']:.2f} s)")
    print(f"jieba.posseg:  {mb / jieba_s['all']:6.2f} MB/s  ({mb:.2f} MB in {jieba_s['all']:.2f} s)")
    print(f"ratio parser / jieba.posseg: {jieba_s['all'] / parser_s['all']:.1f}x")
    if args.profile:
        for name, texts in parts.items():
            spent = stage_profile(texts)
            total = spent.pop("total")
            extraction = sum(v for k, v in spent.items() if k.startswith("extract_"))
            cells = "  ".join(f"{k.removeprefix('extract_')} {v * 1000:.0f}" for k, v in spent.items())
            print(
                f"stages ({name}, ms): total {total * 1000:.0f}  {cells}  "
                f"[structure and the rest {(total - extraction) * 1000:.0f}, extraction {extraction * 1000:.0f}]"
            )


if __name__ == "__main__":
    main()
