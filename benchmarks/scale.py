"""A year of history: backfill, one more day through Airflow, Airflow against the CLI, peak memory.

    .venv/bin/python benchmarks/scale.py [--days 365] [--pages-per-day 12] [--page-kb 10-20]
                                         [--home DIR] [--devset] [--skip-generated] [--json FILE]

Every step is a ``newsdw`` command run as a subprocess, as an operator would run it:

1. ``newsdw generate`` writes ``--days`` + 2 days of full-size synthetic pages (``--page-kb``,
   10-20 KB like real full pages) into ``<home>/landing``, without truth files;
2. ``newsdw backfill`` loads the first ``--days`` days into the year home (``<home>/year``);
3. ``newsdw run --date D`` (Airflow, ``dag.test``) runs the next day D on the year home, and the
   same day D (same files, same landing) on an empty warehouse (``<home>/empty_run``);
4. ``newsdw backfill --start D --end D`` runs the same day D without Airflow on another empty
   warehouse (``<home>/empty_cli``): the same work, so the ratio is Airflow's own cost. At a
   year of history the CLI runs D again on the year home (a re-run replaces the date: the same
   pages parsed, loaded and built on the same history, so the ratio compares like with like),
   then the day after D (``D+1``, a day of the same kind) as one more day after the year.

``--devset`` does all of it once more on the real pages of ``../shared/devset/corpus``
(used as the landing folder with ``--landing``): every date but the last two is the history,
D is the second-to-last date and D+1 the last. Those dates (2019-2020) are before the DAG's
``start_date`` (2024-01-01), and ``dag.test`` of such a date runs no task: the day steps run on
copies of D's and D+1's folders dated four years later (same pages). ``--skip-generated`` runs only
that pass.

Each home's Airflow metadata database is created before the timed runs (``airflow db migrate``
is a one-off of a new home, not the cost of a day); it is shown as its own row.

Per step: wall seconds; CPU seconds of the whole process tree (``getrusage(RUSAGE_CHILDREN)``
before and after the subprocess is reaped, so the parse workers, dbt and every other child a
step waits for count); peak resident memory of the largest single process (``ru_maxrss`` of the
reaped step, from ``os.wait4``: the largest process of its tree, per step rather than over the
benchmark's life as ``RUSAGE_CHILDREN`` would give); and the tree's summed RSS sampled every
0.2 s (psutil, else ``/proc``). The machine is shared: quote ratios measured within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEVSET = Path(os.environ.get("NEWSDW_SHARED", REPO.parent / "shared")) / "devset" / "corpus"
START = date(2025, 1, 1)
DAG_START = date(2024, 1, 1)  # news_daily's start_date
# The targets.
YEAR_BACKFILL_WALL_S = 300.0
DAY_RUN_CPU_S = 30.0
DAY_AT_YEAR_VS_EMPTY = 1.3
AIRFLOW_VS_CLI = 1.5
PEAK_RSS_MB = 2048.0


@dataclass
class Step:
    """One timed command and what it cost."""

    corpus: str
    name: str
    cmd: list[str]
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0  # the largest single process (ru_maxrss of the reaped step)
    sampled_max_proc_mb: float = 0.0  # the largest single process seen by sampling
    sampled_tree_mb: float = 0.0  # the whole tree's RSS at its sampled peak
    exit_code: int = 0
    log: str = ""
    note: str = ""
    tail: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- measuring
def _proc_tree_rss(pid: int) -> tuple[int, int]:
    """(summed RSS, largest RSS) in bytes of ``pid`` and its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])  # the command name may hold spaces
        children.setdefault(ppid, []).append(int(entry))
    page, total, largest, todo = os.sysconf("SC_PAGE_SIZE"), 0, 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            rss = int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        total, largest = total + rss, max(largest, rss)
    return total, largest


def _psutil_tree_rss(pid: int) -> tuple[int, int]:
    """(summed RSS, largest RSS) in bytes of ``pid`` and its descendants, from psutil."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    sizes = []
    for p in procs:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:  # ended between listing and reading
            continue
    return sum(sizes), max(sizes, default=0)


try:
    import psutil  # noqa: F401  (optional: /proc is read when it is missing)

    TREE_RSS, SAMPLER = _psutil_tree_rss, "psutil"
except ImportError:
    TREE_RSS, SAMPLER = _proc_tree_rss, "/proc"


class _Sampler(threading.Thread):
    """Samples a process tree's RSS until stopped; keeps the peaks."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self.done = pid, interval, threading.Event()
        self.tree = self.largest = 0

    def run(self) -> None:
        while not self.done.is_set():
            tree, largest = TREE_RSS(self.pid)
            self.tree, self.largest = max(self.tree, tree), max(self.largest, largest)
            self.done.wait(self.interval)


def _env() -> dict[str, str]:
    """This environment without NEWSDW_*/AIRFLOW_HOME: every path comes from the command line."""
    return {k: v for k, v in os.environ.items() if not k.startswith("NEWSDW_") and k != "AIRFLOW_HOME"}


def run_step(corpus: str, name: str, cmd: list[str], logs: Path, note: str = "") -> Step:
    """Run ``cmd`` to its end and measure it (see the module docstring)."""
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / f"{corpus}_{name.replace(' ', '_').replace('/', '_')}.log"
    step = Step(corpus, name, cmd, log=str(log), note=note)
    print(f"[{time.strftime('%H:%M:%S')}] {corpus}: {name}: {' '.join(_shown(cmd))}", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=REPO, env=_env())
        sampler = _Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    step.wall_s = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    step.cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    step.peak_rss_mb = usage.ru_maxrss / 1024  # KB on Linux
    step.sampled_tree_mb, step.sampled_max_proc_mb = sampler.tree / 2**20, sampler.largest / 2**20
    step.exit_code = proc.returncode
    step.tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-8:]
    print(f"    exit {step.exit_code}  wall {step.wall_s:.1f} s  cpu {step.cpu_s:.1f} s  "
          f"peak {step.peak_rss_mb:.0f} MB (tree {step.sampled_tree_mb:.0f} MB)", flush=True)
    if step.exit_code:
        print("    " + "\n    ".join(step.tail), flush=True)
    return step


# ----------------------------------------------------------------------------- commands
NEWSDW = [str(REPO / ".venv" / "bin" / "newsdw")] if (REPO / ".venv" / "bin" / "newsdw").exists() \
    else [sys.executable, "-m", "ingestion.cli"]
MIGRATE = ("from pathlib import Path; import sys; from ingestion.settings import Settings; "
           "from ingestion.airflow_runner import ensure_airflow; "
           "ensure_airflow(Settings.from_env(env={}, home=Path(sys.argv[1])))")


def _shown(cmd: list[str]) -> list[str]:
    """A command as an operator types it (``newsdw …`` rather than the virtualenv's path)."""
    if cmd[:len(NEWSDW)] == NEWSDW:
        return ["newsdw", *cmd[len(NEWSDW):]]
    return [Path(cmd[0]).name if cmd[0] == sys.executable else cmd[0], *cmd[1:]]


def newsdw(home: Path, *args: str) -> list[str]:
    """The ``newsdw`` command line on ``home``."""
    return [*NEWSDW, "--home", str(home), *args]


def _folder_size(landing: Path, days: list[date]) -> tuple[int, int]:
    """(files, bytes) of the pages (not sidecars) in the landing folders of ``days``."""
    files = [p for d in days for p in (landing / d.isoformat()).glob("*") if p.is_file() and not p.name.endswith(".json")]
    return len(files), sum(p.stat().st_size for p in files)


def _shifted(landing: Path, days: list[date], into: Path) -> tuple[Path, list[date]]:
    """Copies of ``days``' folders dated on or after the DAG's start date (same years added to each),
    in ``into``: ``dag.test`` of a date before the DAG's ``start_date`` runs no task."""
    years = max(0, DAG_START.year - min(days).year + (1 if min(days).replace(year=DAG_START.year) < DAG_START else 0))
    out = []
    for d in days:
        moved = d.replace(year=d.year + years)
        shutil.copytree(landing / d.isoformat(), into / moved.isoformat(), dirs_exist_ok=True)
        out.append(moved)
    return into, out


def scale_pass(corpus: str, base: Path, landing: Path, history: tuple[date, date], day: date, next_day: date,
               generate: list[str] | None = None, reuse_history: bool = False) -> list[Step]:
    """The steps of one corpus (see the module docstring); ``generate`` writes the landing first."""
    logs, steps = base / "logs", []
    year, empty_run, empty_cli = base / "year", base / "empty_run", base / "empty_cli"
    # Homes left by an earlier run under the same --home are not empty: start them anew (the year's
    # too, unless its history is to be kept), or "empty" and "backfill" would measure re-runs.
    for home in (empty_run, empty_cli) if reuse_history else (year, empty_run, empty_cli):
        shutil.rmtree(home, ignore_errors=True)
    if generate:
        steps.append(run_step(corpus, "generate", generate, logs, note="no truth files"))
    a, b = history
    days = [a + timedelta(days=i) for i in range((b - a).days + 1)]
    files, size = _folder_size(landing, days)
    hist = newsdw(year, "backfill", "--start", a.isoformat(), "--end", b.isoformat(), "--landing", str(landing))
    if reuse_history and (year / "warehouse.duckdb").exists():
        print(f"{corpus}: history kept from an earlier run in {year}: {' '.join(_shown(hist))}", flush=True)
    else:
        steps.append(run_step(corpus, "backfill history", hist, logs,
                              note=f"{files} pages, {size / 1e6:.1f} MB, {len(days)} dates"))
    if day < DAG_START:  # real archive dates: the day steps run on copies of D and D+1 dated after the DAG's start
        landing, (day, next_day) = _shifted(landing, [day, next_day], base / "landing_days")
    dfiles, dsize = _folder_size(landing, [day])
    nfiles, nsize = _folder_size(landing, [next_day])
    land = ["--landing", str(landing)]
    for home in (year, empty_run):  # one-off per home, outside the day's figures
        steps.append(run_step(corpus, f"airflow db migrate ({home.name})", [sys.executable, "-c", MIGRATE, str(home)],
                              logs, note="one-off for a new home"))
    steps.append(run_step(corpus, "run D at a year", newsdw(year, "run", "--date", day.isoformat(), *land), logs,
                          note=f"D={day}: {dfiles} pages, {dsize / 1e3:.0f} KB"))
    steps.append(run_step(corpus, "run D empty", newsdw(empty_run, "run", "--date", day.isoformat(), *land), logs,
                          note="same day, empty warehouse"))
    steps.append(run_step(corpus, "backfill D empty", newsdw(empty_cli, "backfill", "--start", day.isoformat(),
                                                             "--end", day.isoformat(), *land), logs,
                          note="same day, no Airflow"))
    steps.append(run_step(corpus, "backfill D again at a year", newsdw(year, "backfill", "--start", day.isoformat(),
                                                                       "--end", day.isoformat(), *land), logs,
                          note="the same day D re-run, no Airflow"))
    steps.append(run_step(corpus, "backfill D+1 at a year", newsdw(year, "backfill", "--start", next_day.isoformat(),
                                                                   "--end", next_day.isoformat(), *land), logs,
                          note=f"D+1={next_day}: {nfiles} pages, {nsize / 1e3:.0f} KB"))
    return steps


# ----------------------------------------------------------------------------- figures
def _ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def verdicts(steps: list[Step]) -> list[tuple[str, str, str, str, bool]]:
    """(corpus, target, limit, measured, met) for each of the issue's targets."""
    out = []
    by = {(s.corpus, s.name): s for s in steps}
    for corpus in dict.fromkeys(s.corpus for s in steps):
        def get(name: str, corpus: str = corpus) -> Step | None:
            return by.get((corpus, name))
        hist, at_year, empty = get("backfill history"), get("run D at a year"), get("run D empty")
        cli_empty, cli_year = get("backfill D empty"), get("backfill D again at a year")
        if hist:
            out.append((corpus, "history through backfill, wall", f"< {YEAR_BACKFILL_WALL_S:.0f} s",
                        f"{hist.wall_s:.0f} s" + (f" (FAILED, exit {hist.exit_code})" if hist.exit_code else ""),
                        hist.wall_s < YEAR_BACKFILL_WALL_S and hist.exit_code == 0))
        if at_year:
            out.append((corpus, "day D at a year via newsdw run, CPU", f"< {DAY_RUN_CPU_S:.0f} s",
                        f"{at_year.cpu_s:.1f} s" + (f" (FAILED, exit {at_year.exit_code})" if at_year.exit_code else ""),
                        at_year.cpu_s < DAY_RUN_CPU_S and at_year.exit_code == 0))
        if at_year and empty:
            r = _ratio(at_year.cpu_s, empty.cpu_s)
            out.append((corpus, "day D at a year / empty warehouse, CPU", f"<= {DAY_AT_YEAR_VS_EMPTY}",
                        f"{r:.2f} (wall {_ratio(at_year.wall_s, empty.wall_s):.2f})", r <= DAY_AT_YEAR_VS_EMPTY))
        if empty and cli_empty:
            r = _ratio(empty.cpu_s, cli_empty.cpu_s)
            out.append((corpus, "Airflow / CLI, same day D, empty, CPU", f"<= {AIRFLOW_VS_CLI}",
                        f"{r:.2f} (wall {_ratio(empty.wall_s, cli_empty.wall_s):.2f})", r <= AIRFLOW_VS_CLI))
        if at_year and cli_year:
            r = _ratio(at_year.cpu_s, cli_year.cpu_s)
            out.append((corpus, "Airflow / CLI, same day D at a year, CPU", f"<= {AIRFLOW_VS_CLI}",
                        f"{r:.2f} (wall {_ratio(at_year.wall_s, cli_year.wall_s):.2f})", r <= AIRFLOW_VS_CLI))
        mine = [s for s in steps if s.corpus == corpus]
        peak = max(mine, key=lambda s: max(s.peak_rss_mb, s.sampled_max_proc_mb))
        mb = max(peak.peak_rss_mb, peak.sampled_max_proc_mb)
        out.append((corpus, "peak RSS of any one process", f"< {PEAK_RSS_MB:.0f} MB", f"{mb:.0f} MB ({peak.name})",
                    mb < PEAK_RSS_MB))
    return out


def print_tables(steps: list[Step]) -> None:
    """The steps' figures and the targets, as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    t = Table(title=f"newsdw at scale (RSS sampled with {SAMPLER})")
    for col, justify in (("corpus", "left"), ("step", "left"), ("wall s", "right"), ("CPU s", "right"),
                         ("peak RSS MB", "right"), ("tree RSS MB", "right"), ("exit", "right"), ("note", "left")):
        t.add_column(col, justify=justify)
    for s in steps:
        t.add_row(s.corpus, s.name, f"{s.wall_s:.1f}", f"{s.cpu_s:.1f}",
                  f"{max(s.peak_rss_mb, s.sampled_max_proc_mb):.0f}", f"{s.sampled_tree_mb:.0f}", str(s.exit_code),
                  s.note)
    console.print(t)
    v = Table(title="targets")
    for col in ("corpus", "target", "limit", "measured", "met"):
        v.add_column(col)
    for corpus, what, limit, measured, met in verdicts(steps):
        v.add_row(corpus, what, limit, measured, "yes" if met else "[bold red]NO[/]")
    console.print(v)
    for s in steps:
        console.print(f"{s.corpus:9s} {s.name:28s} {' '.join(_shown(s.cmd))}", markup=False, highlight=False)


def _kb(text: str) -> str:
    low, _, high = text.partition("-")
    float(low), float(high)  # checked here; newsdw generate reads it again
    return text


def main(argv: list[str] | None = None) -> int:
    """Run the passes and print the figures; exit 1 if a step failed."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=365, help="days of generated history, e.g. --days 90")
    ap.add_argument("--pages-per-day", type=int, default=12, help="generated pages per day, e.g. --pages-per-day 12")
    ap.add_argument("--page-kb", type=_kb, default="10-20", help="generated page size range, e.g. --page-kb 10-20")
    ap.add_argument("--seed", type=int, default=0, help="generator seed, e.g. --seed 1")
    ap.add_argument("--home", type=Path, help="folder for the homes and logs (kept); default: a temporary one, removed")
    ap.add_argument("--reuse-landing", action="store_true",
                    help="keep the pages already generated under <home>/generated/landing by this command's own generate "
                         "step (same --days, --pages-per-day, --page-kb, --seed), e.g. --home /tmp/scale --reuse-landing")
    ap.add_argument("--reuse-history", action="store_true",
                    help="devset: keep a history already backfilled into <home>/devset/year by an earlier run")
    ap.add_argument("--devset", action="store_true", help="also run every step on the real pages of the devset")
    ap.add_argument("--skip-generated", action="store_true", help="only the devset pass (with --devset)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file, e.g. --json /tmp/scale.json")
    args = ap.parse_args(argv)

    base = args.home or Path(tempfile.mkdtemp(prefix="newsdw-scale-"))
    base.mkdir(parents=True, exist_ok=True)
    print(f"homes and logs under {base}; RSS sampled with {SAMPLER}", flush=True)
    steps: list[Step] = []
    try:
        if not args.skip_generated:
            g = base / "generated"
            landing = g / "landing"
            end = START + timedelta(days=args.days - 1)
            gen = newsdw(g, "generate", "--out", str(landing), "--start", START.isoformat(),
                         "--days", str(args.days + 2), "--pages-per-day", str(args.pages_per_day),
                         "--page-kb", args.page_kb, "--seed", str(args.seed), "--no-truth")
            reuse = args.reuse_landing and (landing / (end + timedelta(days=2)).isoformat()).is_dir()
            steps += scale_pass("generated", g, landing, (START, end), end + timedelta(days=1),
                                end + timedelta(days=2), None if reuse else gen)
        if args.devset:
            dates = sorted(date.fromisoformat(p.name) for p in DEVSET.iterdir() if p.is_dir())
            if len(dates) < 3:
                raise SystemExit(f"devset not found at {DEVSET}")
            steps += scale_pass("devset", base / "devset", DEVSET, (dates[0], dates[-3]), dates[-2], dates[-1],
                                reuse_history=args.reuse_history)
    finally:
        if steps:
            print_tables(steps)
        if args.json:
            args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                             "sampler": SAMPLER, "steps": [asdict(s) for s in steps],
                                             "targets": verdicts(steps)}, ensure_ascii=False, indent=1),
                                 encoding="utf-8")
        if not args.home:
            shutil.rmtree(base, ignore_errors=True)
    return 1 if any(s.exit_code for s in steps) else 0


if __name__ == "__main__":
    sys.exit(main())
