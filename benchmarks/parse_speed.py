"""Parser throughput on one core, and its ratio to jieba.posseg tagging the same text.

    python benchmarks/parse_speed.py [--days 20] [--repeat 3]

The corpus is the project's own generated pages (``--days`` days) plus the real
seed pages in ../shared/seeds when they are there. Figures are MB of UTF-8 page
text per second; the ratio is what to quote, since both sides run in the same
process on the same text within one run (this machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def corpus(days: int) -> list[str]:
    """Page texts: generated pages for ``days`` days, plus the seeds if present."""
    from ingestion.generate import generate_day
    from ingestion.parsing.decode import decode_bytes

    texts = []
    for i in range(days):
        day = date.fromordinal(date(2026, 1, 1).toordinal() + i)
        texts.extend(p.text for p in generate_day(day, seed=7))
    seeds = REPO.parent / "shared" / "seeds"
    texts.extend(decode_bytes(p.read_bytes()).text for p in sorted(seeds.glob("*.txt")))
    return texts


def best_of(fn, repeat: int) -> float:
    """Fastest wall time of ``repeat`` calls (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    """Print MB/s of the parser and of jieba.posseg, and the ratio."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from ingestion.parsing.page import parse_page

    texts = corpus(args.days)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    parse_page(texts[0])  # warm caches: gazetteer, automata, compiled patterns

    parse_s = best_of(lambda: [parse_page(t) for t in texts], args.repeat)

    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    list(jieba.posseg.cut(texts[0]))  # load the HMM tables before timing
    # posseg is ~50x slower than the parser; time it on a slice to keep the run short
    sample = texts[: max(1, len(texts) // 4)]
    sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    jieba_s = best_of(lambda: [list(jieba.posseg.cut(t)) for t in sample], 1)

    parser_rate = mb / parse_s
    jieba_rate = sample_mb / jieba_s
    print(f"corpus: {len(texts)} pages, {mb:.2f} MB")
    print(f"parser:        {parser_rate:6.2f} MB/s  (best of {args.repeat}: {parse_s:.2f} s)")
    print(f"jieba.posseg:  {jieba_rate:6.2f} MB/s  ({sample_mb:.2f} MB in {jieba_s:.2f} s)")
    print(f"ratio parser / jieba.posseg: {parser_rate / jieba_rate:.1f}x")
    per_page_ms = statistics.mean([best_of(lambda t=t: parse_page(t), 1) for t in texts[:20]]) * 1000
    print(f"mean parse time per page (first 20 pages): {per_page_ms:.1f} ms")


if __name__ == "__main__":
    main()
