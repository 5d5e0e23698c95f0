"""Backfill throughput through real Airflow: seconds per run date and where they go.

    python benchmarks/pipeline_speed.py [--days 4] [--pages 3]

Generates ``--days`` days of synthetic pages in a temporary folder, runs the DAG for
all of them in one Airflow process (what ``newsdw run --date A --end B`` does), and
prints wall time per date plus the median duration of each task, read from Airflow's
own metadata database. Quote the shares, not the seconds: this machine is shared.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    """Run the backfill and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=4)
    ap.add_argument("--pages", type=int, default=3)
    args = ap.parse_args()

    from ingestion.airflow_runner import ensure_airflow, run_dags
    from ingestion.generate import write_landing
    from ingestion.settings import Settings

    start = date(2026, 1, 5)
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings.from_env(env={}, home=Path(tmp))
        pages = write_landing(s.landing, days=args.days, start=start, seed=11, pages=args.pages)
        mb = sum(p.stat().st_size for p in pages) / 1e6
        ensure_airflow(s)  # the one-off metadata migration is not part of a backfill's cost
        t = time.perf_counter()
        proc = run_dags(s, [start + timedelta(days=i) for i in range(args.days)])
        wall = time.perf_counter() - t
        if proc.returncode:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
            raise SystemExit("backfill failed")
        con = sqlite3.connect(s.airflow_home / "airflow.db")
        rows = con.execute(
            "select task_id, (julianday(end_date) - julianday(start_date)) * 86400 from task_instance"
        ).fetchall()
        con.close()

    per_task: dict[str, list[float]] = {}
    for task, seconds in rows:
        per_task.setdefault(task, []).append(seconds)
    print(f"backfill: {args.days} dates, {len(pages)} pages, {mb:.2f} MB in one Airflow process")
    print(f"wall time: {wall:.1f} s  ->  {wall / args.days:.1f} s per date")
    total = sum(sum(v) for v in per_task.values())
    for task, values in sorted(per_task.items(), key=lambda kv: -sum(kv[1])):
        print(f"  {task:10s} median {statistics.median(values):6.2f} s  x{len(values):<3d} "
              f"share of task time {sum(values) / total:5.1%}")


if __name__ == "__main__":
    main()
