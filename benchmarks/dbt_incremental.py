"""What one more day costs dbt at a small and at a large history: the incremental build should be flat.

    python benchmarks/dbt_incremental.py [--small 10] [--large 200] [--pages 12] [--repeat 3]
                                          [--workdir DIR] [--runner] [--threads 1,2,4]

Generates ``--large`` days of pages (``--pages`` a day, 10–20 KB each, as real pages are) plus one more
day D, parses them once on all cores and loads them into two warehouses: the last ``--small`` days
before D, and all ``--large``. Each warehouse gets its first build (every date, timed for information:
it is what a backfill's one build costs), then D is loaded and ``dbt_build(settings, D)`` runs
``--repeat`` times on each, alternating (the first is the daily run, the others re-runs of D). Prints
the CPU seconds of the dbt process (user + system, DuckDB's threads included), the wall time and the
ratio large / small of the medians. Quote CPU and the ratio: the wall time depends on what else the
machine runs. A dbt invocation costs about 8 s of CPU before it builds anything (imports, manifest,
artifacts); ``--overhead`` measures that too (a build of one view).

``--runner`` also compares the subprocess (how ingestion.transform runs dbt) with dbt's in-process
``dbtRunner`` for the same build, each in a fresh Python process as a pipeline task would be, and
checks whether the warehouse's file lock is released when ``dbtRunner.invoke`` returns.
``--threads 1,2,4`` compares dbt thread counts (``DBT_THREADS``) for the daily run at the large history.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingestion import pipeline  # noqa: E402
from ingestion.generate import write_landing  # noqa: E402
from ingestion.settings import Settings  # noqa: E402
from ingestion.transform import _dbt_dirs, _run_dbt, batch_env, dbt_build  # noqa: E402

DAY = date(2026, 1, 1)  # the measured day; the histories are the days before it
PAGE_BYTES = (10_000, 20_000)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _parse(args: tuple) -> str:
    settings, day, item = args
    return pipeline.parse_file(settings, day, item)["status"]


def _settings(work: Path, name: str) -> Settings:
    """A warehouse of its own (and a dbt target of its own), pages and staging shared."""
    return Settings.from_env(env={}, home=work / name, landing=work / "landing", raw=work / "raw",
                             staging=work / "staging", reports=work / name / "reports")


def prepare(work: Path, days: int, pages: int) -> list[date]:
    """Generate and parse ``days`` days before DAY and DAY itself (skipped when already done)."""
    dates = [DAY - timedelta(days=days - i) for i in range(days)] + [DAY]
    settings = _settings(work, "parse")
    done = work / "parsed.json"
    if done.exists() and json.loads(done.read_text()) == [d.isoformat() for d in dates]:
        return dates
    t = time.perf_counter()
    write_landing(settings.landing, days=len(dates), start=dates[0], seed=3, pages=pages, page_bytes=PAGE_BYTES,
                  truth=False)
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        for day in dates:
            items = pipeline.discover(settings, day)
            statuses = list(pool.map(_parse, [(settings, day, item) for item in items]))
            assert statuses and all(s in ("parsed", "quarantined") for s in statuses), (day, statuses)
    done.write_text(json.dumps([d.isoformat() for d in dates]))
    print(f"generated and parsed {len(dates)} days x {pages} pages in {time.perf_counter() - t:.0f} s")
    return dates


def timed_build(settings: Settings, run_date: date | None) -> dict:
    cpu, wall = _children_cpu(), time.perf_counter()
    summary = dbt_build(settings, run_date)
    return {"cpu_s": _children_cpu() - cpu, "wall_s": time.perf_counter() - wall, "models": summary["models"],
            "tests": summary["tests"]}


def history(work: Path, name: str, dates: list[date]) -> dict:
    """Load the history dates and build them all once (timed), then load DAY."""
    settings = _settings(work, name)
    settings.warehouse.unlink(missing_ok=True)
    for day in dates:
        pipeline.load(settings, day)
    first = timed_build(settings, None)
    pipeline.load(settings, DAY)
    return {"name": name, "days": len(dates), "first": first, "runs": [], "settings": settings}


def slowest_nodes(settings: Settings, n: int = 5) -> list[tuple[str, float]]:
    with open(_dbt_dirs(settings)[0] / "run_results.json", encoding="utf-8") as fh:
        nodes = json.load(fh)["results"]
    return [(r["unique_id"].split(".")[-1][:50], round(r["execution_time"], 2))
            for r in sorted(nodes, key=lambda r: -r["execution_time"])[:n]]


def overhead(settings: Settings) -> float:
    """CPU of a dbt invocation that builds one view: the fixed cost of starting dbt."""
    cpu = _children_cpu()
    completed = _run_dbt(settings, ["build", "--select", "stg_pages", "--exclude-resource-type", "test",
                                    "--exclude-resource-type", "unit_test"], batch_env(DAY))
    assert completed.returncode == 0, completed.stdout[-2000:]
    return _children_cpu() - cpu


RUNNER = """
import json, os, resource, sys, time
from dbt.cli.main import dbtRunner
args = json.loads(sys.argv[1])
t = time.perf_counter()
result = dbtRunner().invoke(args)
wall = time.perf_counter() - t
import duckdb
try:  # does this process still hold the warehouse's lock once invoke returned?
    duckdb.connect(os.environ["NEWSDW_WAREHOUSE"], read_only=True).close()
    locked = "no"
except Exception as exc:
    locked = type(exc).__name__
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"success": result.success, "cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": wall,
                  "lock_kept": locked}))
"""

LOCK_PROBE = """
import duckdb, sys
try:
    duckdb.connect(sys.argv[1]).close()
    print("free")
except Exception as exc:
    print(type(exc).__name__)
"""


def compare_runners(settings: Settings, repeat: int) -> None:
    """The same build of DAY through the subprocess and through dbtRunner in a fresh process."""
    from ingestion.transform import DAILY_SELECTOR

    target, logs = _dbt_dirs(settings)
    args = ["build", "--selector", DAILY_SELECTOR, "--exclude-resource-type", "unit_test",
            "--project-dir", str(settings.dbt_project), "--profiles-dir", str(settings.dbt_project),
            "--target-path", str(target), "--log-path", str(logs)]
    env = {**os.environ, **settings.env(), **batch_env(DAY), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    sub, inproc = [], []
    for _ in range(repeat):
        sub.append(timed_build(settings, DAY)["cpu_s"])
        out = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(args)], env=env, cwd=settings.dbt_project,
                             capture_output=True, text=True, check=True)
        inproc.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"subprocess (dbt CLI)         CPU median {statistics.median(sub):5.1f} s")
    print(f"dbtRunner in a fresh process CPU median {statistics.median(r['cpu_s'] for r in inproc):5.1f} s"
          f"  (success {all(r['success'] for r in inproc)})")
    print(f"after dbtRunner.invoke returned, a read-only open in the same process: {inproc[-1]['lock_kept']}")


def compare_threads(settings: Settings, threads: list[int], repeat: int) -> None:
    for n in threads:
        os.environ["DBT_THREADS"] = str(n)  # dbt reads its --threads flag from DBT_THREADS
        runs = [timed_build(settings, DAY) for _ in range(repeat)]
        print(f"  dbt threads {n}: CPU median {statistics.median(r['cpu_s'] for r in runs):5.1f} s,"
              f" wall median {statistics.median(r['wall_s'] for r in runs):5.1f} s")
    os.environ.pop("DBT_THREADS", None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=10)
    ap.add_argument("--large", type=int, default=200)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, help="keep generated pages and warehouses here (reused when present)")
    ap.add_argument("--runner", action="store_true", help="also compare the subprocess with in-process dbtRunner")
    ap.add_argument("--overhead", action="store_true", help="also measure a dbt invocation that builds one view")
    ap.add_argument("--threads", help="also compare dbt thread counts at the large history, e.g. 1,2,4")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        dates = prepare(work, args.large, args.pages)
        results = [history(work, "small", dates[-1 - args.small:-1]), history(work, "large", dates[:-1])]
        for _ in range(args.repeat):  # alternating, so that a busy moment of the machine hits both
            for r in results:
                r["runs"].append(timed_build(r["settings"], DAY))
        print(f"\none more day ({DAY}, {args.pages} pages of {PAGE_BYTES[0] // 1000}-{PAGE_BYTES[1] // 1000} KB)"
              f" through dbt_build(settings, run_date): CPU s of the dbt process (DuckDB threads included)")
        for r in results:
            cpus = [run["cpu_s"] for run in r["runs"]]
            walls = [run["wall_s"] for run in r["runs"]]
            print(f"  {r['days']:4d} days of history: CPU daily run {cpus[0]:5.1f} s, median of {len(cpus)}"
                  f" {statistics.median(cpus):5.1f} s (all: {' '.join(f'{c:.1f}' for c in cpus)});"
                  f" wall median {statistics.median(walls):5.1f} s; {r['runs'][0]['models']} models,"
                  f" {r['runs'][0]['tests']} tests")
            print(f"        first build of all {r['days']} days: CPU {r['first']['cpu_s']:.1f} s,"
                  f" wall {r['first']['wall_s']:.1f} s; slowest nodes of the last run {slowest_nodes(r['settings'])}")
        small, large = (statistics.median(run["cpu_s"] for run in r["runs"]) for r in results)
        print(f"  ratio {results[1]['days']} / {results[0]['days']} days of history: {large / small:.2f}x CPU")
        if args.overhead:
            print(f"  a dbt invocation that builds one view: CPU {overhead(results[0]['settings']):.1f} s")
        if args.threads:
            print(f"\nthread counts, daily run at {results[1]['days']} days of history:")
            compare_threads(results[1]["settings"], [int(n) for n in args.threads.split(",")], args.repeat)
        if args.runner:
            print()
            compare_runners(results[0]["settings"], args.repeat)


if __name__ == "__main__":
    main()
