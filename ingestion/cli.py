"""``newsdw``: parse pages, generate demo pages, run the DAG, show reports, open SQL."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from ingestion.settings import Settings

DEMO_START = date(2026, 11, 2)
EXAMPLE_SQL = """select a.activity_type, count(*) as mentions, count(distinct a.article_id) as articles
from marts.fct_activity_mentions as a
group by all
order by mentions desc, a.activity_type
limit 5"""


class UsageError(Exception):
    """A mistake in how ``newsdw`` was called that argparse cannot see (e.g. a range that ends before it starts)."""


def _iso_date(text: str) -> date:
    """``2026-11-02`` → a date; anything else is a usage error that shows the expected form."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, e.g. 2026-11-02, not {text!r}") from None


def _help_text(doc: str | None) -> str | None:
    """A docstring as help text: dedented, and RST's ``literal`` becomes `literal`, which rich-argparse highlights."""
    import inspect

    return inspect.cleandoc(doc).replace("``", "`") if doc else doc


def _expected_error(exc: BaseException) -> int | None:
    """The exit code for an error the user can act on (shown as one line), or None for a bug (shown with its traceback)."""
    import duckdb

    from ingestion.analyst import RefusedQuery
    from ingestion.locks import WriterLockTimeout

    if isinstance(exc, UsageError | RefusedQuery | duckdb.ParserException | duckdb.BinderException
                  | duckdb.CatalogException):
        return 2  # the command or the query has to change
    if isinstance(exc, WriterLockTimeout | duckdb.Error | FileNotFoundError | PermissionError | IsADirectoryError
                  | NotADirectoryError):
        return 1  # the environment has to change (a file, a lock held by another process)
    return None


def _quiet_broken_pipe() -> int:
    """The reader went away (``newsdw report | head``): stop quietly, like other Unix tools (exit 141, 128 + SIGPIPE).

    Standard output is pointed at /dev/null so that Python's final flush does not raise again.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(home=getattr(args, "home", None), landing=getattr(args, "landing", None))


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse files (or folders of .txt files) into benchmark-shaped JSON, one per page.

    A file that fails is reported on one line (file, stage, reason) and skipped; the
    others are still parsed. An extractor that fails on one article is reported the same
    way (the page is written without what it would have found). Exits 1 when any file
    failed, with the count on the last line.
    """
    from ingestion.parsing.decode import decode_bytes
    from ingestion.parsing.page import parse_page, to_benchmark

    paths: list[Path] = []
    for p in map(Path, args.paths):
        if p.is_dir():
            paths.extend(sorted(p.rglob("*.txt") if args.recursive else p.glob("*.txt")))
        else:
            paths.append(p)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in paths:
        stage = "read"
        try:
            data = path.read_bytes()
            stage = "decode"
            decoded = decode_bytes(data)
            stage = "parse"
            page = parse_page(decoded.text)
            doc = to_benchmark(page, path.name, decoded.text)
            stage = "write"
            (args.out / f"{path.stem}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the folder
            reason = " ".join(str(exc).split()) or "(no message)"
            print(f"{path}: {stage} failed: {type(exc).__name__}: {reason}", file=sys.stderr)
            failed += 1
            continue
        for error in page.errors:
            print(f"{path}: extract failed: {error}", file=sys.stderr)
        failed += bool(page.errors)
        why = f" ({page.no_article})" if page.no_article else ""
        print(f"{path.name}: {len(page.articles)} articles{why}")
    if failed:
        print(f"newsdw parse: {failed} of {len(paths)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _kb_range(text: str) -> tuple[int, int]:
    """``10-20`` → (10000, 20000) bytes: a page-size range in KB (1 KB = 1000 bytes), low ≤ high."""
    low, sep, high = text.partition("-")
    try:
        lo, hi = float(low), float(high)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LOW-HIGH in KB, e.g. 10-20, not {text!r}") from None
    if not 0 < lo <= hi:
        raise argparse.ArgumentTypeError(f"expected 0 < LOW <= HIGH, not {text!r}")
    return round(lo * 1000), round(hi * 1000)


def cmd_generate(args: argparse.Namespace) -> int:
    """Write deterministic synthetic pages (with their truth) into a landing folder."""
    from ingestion.generate import write_landing

    started = time.monotonic()
    try:
        written = write_landing(args.out, days=args.days, start=args.start, seed=args.seed,
                                pages=args.pages_per_day, page_bytes=args.page_kb, truth=not args.no_truth)
    except ValueError as exc:  # a page-size range too narrow for the articles to fill
        print(f"newsdw generate: {exc}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in written)
    print(f"wrote {len(written)} pages ({size / 1e6:.1f} MB) for {args.days} day(s) from {args.start} into {args.out}"
          f" in {time.monotonic() - started:.1f} s" + ("" if args.no_truth else f"; truth in {args.out / '_truth'}"))
    return 0


def _run_dates(settings: Settings, dates: list[date], verbose: bool) -> dict[str, str]:
    """Run the DAG for each date in one Airflow process, showing its progress; return each date's report verdict.

    The Airflow process prints ``newsdw-start``/``newsdw-task``/``newsdw-run`` lines
    (ingestion.airflow_runner._main); they drive a bar of dates and one of the current
    date's tasks on a terminal, and plain lines elsewhere (a CI log). ``verbose`` shows
    Airflow's own output instead.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingestion.airflow_runner import run_dags
    from ingestion.report import read_summary

    console = Console(stderr=True)
    live = console.is_terminal and not verbose
    with Progress(TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[detail]}"), console=console, transient=True, disable=not live) as bars:
        first_use = not (settings.airflow_home / ".newsdw-ready").exists()
        start = "starting Airflow" + (" (first use: its database)" if first_use else "")
        dates_bar = bars.add_task("dates", total=len(dates), detail=start)
        tasks_bar = bars.add_task("tasks", total=None, detail="")
        if not live and not verbose:
            console.print(f"newsdw: {start}, then {len(dates)} date(s) from {dates[0]}", highlight=False)
        state = {"done": 0, "started": time.monotonic()}

        def on_line(line: str) -> None:
            kind, _, rest = line.partition(" ")
            if verbose or kind == "newsdw:":  # "newsdw: ..." lines are the runner's messages to the user
                console.print(line, markup=False, highlight=False)
            if kind == "newsdw-start":
                state.update(done=0, started=time.monotonic())
                bars.update(dates_bar, detail=rest)
                bars.reset(tasks_bar, total=None, detail="")
            elif kind == "newsdw-task" and rest.count(" ") == 2:
                day, task, task_state = rest.split(" ")
                if task_state == "running":
                    bars.update(tasks_bar, detail=f"{task} running"[:40])
                    return
                state["done"] += 1
                bars.update(tasks_bar, completed=state["done"], detail=f"{task} {task_state}"[:40])
                if not live and not verbose:
                    console.print(f"  {day} {task} {task_state}", markup=False, highlight=False)
            elif kind == "newsdw-run" and rest.count(" ") == 1:
                day, run_state = rest.split(" ")
                bars.advance(dates_bar)
                if not verbose:
                    console.print(f"{day}: dag run {run_state}, {state['done']} task(s), "
                                  f"{time.monotonic() - state['started']:.0f} s", markup=False, highlight=False)

        proc = run_dags(settings, dates, quiet=not verbose, on_line=on_line)
    verdicts = {}
    for day in dates:
        summary = read_summary(settings.reports, day)
        verdicts[day.isoformat()] = summary["verdict"] if summary else "failed"
    if proc.returncode != 0 and not verbose:
        tail = "\n".join(line for line in (proc.stdout or "").splitlines() if not line.startswith("newsdw-"))[-3000:]
        print(f"airflow exited {proc.returncode}; last output:\n{tail}", file=sys.stderr)
    return verdicts


def cmd_run(args: argparse.Namespace) -> int:
    """Run the DAG through Airflow for one date, or each date of a range (a backfill), with a progress display."""
    settings = _settings(args)
    end = args.end or args.date
    if end < args.date:
        raise UsageError(f"--end {end} is before --date {args.date}")
    dates = [args.date + timedelta(days=i) for i in range((end - args.date).days + 1)]
    verdicts = _run_dates(settings, dates, args.verbose)
    for day, verdict in verdicts.items():
        print(f"{day}: {verdict}  report: {settings.reports / 'runs' / (day + '.html')}")
    return 1 if "failed" in verdicts.values() else 0


def cmd_check(args: argparse.Namespace) -> int:
    """The weekly full check: every dbt test on whole tables (the daily run tests only its new rows)."""
    from ingestion.chain import full_check

    summary = full_check(_settings(args), args.date, rebuild=args.rebuild)
    print(f"dbt: {summary['models']} models, {summary['tests']} tests, every test on whole tables: passed "
          f"({summary['elapsed_s']:.0f} s)")
    for warning in summary["warnings"]:
        print(f"  warning: {warning}")
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    """Backfill a range of dates through the bulk path: parse on all cores, load each date, build once."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingestion.backfill import backfill

    settings = _settings(args)
    if args.end < args.start:
        print(f"newsdw backfill: --end {args.end} is before --start {args.start}", file=sys.stderr)
        return 2
    console = Console(stderr=True)
    started = time.monotonic()
    with Progress(TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[detail]}"), console=console, transient=not console.is_terminal) as bars:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int, detail: str) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total, detail="")
            bars.update(tasks[stage], completed=done, total=total, detail=detail[:60])

        result = backfill(settings, args.start, args.end, workers=args.workers, progress=progress)
    for day in result.missing:
        print(f"{day}: missing (no folder {settings.landing / day.isoformat()}); skipped")
    for day, verdict in result.verdicts.items():
        print(f"{day}: {verdict}  report: {settings.reports / 'runs' / (day + '.html')}")
    if result.error:
        print(f"newsdw backfill: the build failed: {result.error}", file=sys.stderr)
    print(f"{len(result.dates)} date(s), {result.files} file(s), {len(result.missing)} missing, "
          f"{sum(v == 'failed' for v in result.verdicts.values())} failed, {time.monotonic() - started:.0f} s")
    return 0 if result.ok else 1


def _query(settings: Settings, sql: str) -> tuple[list[str], list[tuple]]:
    # Readers open the analysts' snapshot once published (a reader on the warehouse itself
    # would block the next load), sandboxed: read-only, no file outside it (ingestion.analyst).
    from ingestion.analyst import run_readonly

    return run_readonly(settings, sql)


def _table(cols: list[str], rows: list[tuple], width: int | None = None) -> str:
    """Rows as an aligned text table, for a terminal or a file.

    rich measures each cell in terminal columns (a Chinese character takes two), which is
    what keeps columns of Chinese text aligned; numbers are right-aligned. Cell text is
    never read as markup. ``width``: the most columns a line may take (default: the
    terminal's width on a terminal, else no limit, so piped output is never wrapped).
    """
    import io
    import shutil
    from decimal import Decimal

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if width is None:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 100_000
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    for i, col in enumerate(cols):
        numeric = bool(rows) and all(isinstance(r[i], int | float | Decimal) and not isinstance(r[i], bool)
                                     for r in rows if r[i] is not None)
        table.add_column(Text(str(col)), justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False).print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


def _json_value(value: object) -> object:
    """A DuckDB value as JSON: exact decimals as numbers, dates and times in ISO 8601, anything else as text."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return str(value)


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    """Print a result as ``table`` (aligned text), ``csv`` (a header line, then the rows) or ``json`` (a list of objects)."""
    import csv

    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows(rows)
    elif fmt == "json":
        records = [dict(zip(cols, row, strict=True)) for row in rows]
        print(json.dumps(records, ensure_ascii=False, indent=1, default=_json_value))
    else:
        print(_table(cols, rows))


def cmd_demo(args: argparse.Namespace) -> int:
    """Generate a few days of pages, run the DAG for each with a progress display, print a summary."""
    from rich.console import Console

    from ingestion.generate import write_landing
    from ingestion.publish import reader_path

    settings = _settings(args)
    started = time.monotonic()
    console = Console(stderr=True)
    with console.status(f"generating {args.days} day(s) of pages from {DEMO_START} into {settings.landing}"):
        written = write_landing(settings.landing, days=args.days, start=DEMO_START, seed=0)
    console.print(f"newsdw demo: wrote {len(written)} pages for {args.days} day(s) into {settings.landing}", highlight=False)
    verdicts = _run_dates(settings, [DEMO_START + timedelta(days=i) for i in range(args.days)], args.verbose)
    _, counts = _query(settings, """select
        (select count(*) from raw.pages), (select count(*) from marts.fct_articles),
        (select count(*) from marts.fct_activities), (select count(*) from marts.fct_metrics),
        (select count(*) from raw.quarantine)""")
    pages, articles, activities, metrics, quarantined = counts[0]
    cols, rows = _query(settings, EXAMPLE_SQL)
    snapshot = reader_path(settings)
    print(f"""
newsdw demo: {args.days} day(s) from {DEMO_START}, {time.monotonic() - started:.0f} s
  pages        {pages}
  articles     {articles}
  activities   {activities}
  metrics      {metrics}
  quarantined  {quarantined}
  data quality {', '.join(f'{d} {v}' for d, v in verdicts.items())}
  for analysts {snapshot}  (read-only snapshot, published after each run)
  warehouse    {settings.warehouse}  (the pipeline's own file: do not open it while runs go on)
  report       {settings.reports / 'index.html'}

Example query (newsdw sql "..."; or duckdb -readonly {snapshot}):
{EXAMPLE_SQL}

{_table(cols, rows)}""")
    return 0 if all(v != "failed" for v in verdicts.values()) else 1


def cmd_report(args: argparse.Namespace) -> int:
    """Print a run's data-quality summary (the newest run when no date is given)."""
    from ingestion.report import read_summary
    from ingestion.report_html import format_band, format_expected, format_observed

    settings = _settings(args)
    if getattr(args, "rebuild", False):
        from ingestion.report import rerender_pages, write_index

        pages = rerender_pages(settings.reports)
        write_index(settings.reports)
        print(f"re-rendered {len(pages)} run page(s) and {settings.reports / 'index.html'}")
    s = read_summary(settings.reports, args.date)
    if not s:
        which = f"of {args.date}" if args.date else "of any run"
        print(f"newsdw report: no run summary {which} in {settings.reports / 'runs'} "
              f"(newsdw run --date YYYY-MM-DD writes one)", file=sys.stderr)
        return 1
    label = {"passed": "PASSED", "warnings": "PASSED WITH WARNINGS", "failed": "FAILED"}
    print(f"run {s['run_date']}: {label.get(s['verdict'], s['verdict'].upper())}  {s.get('headline', '')}".rstrip())
    for line in s.get("step_problems", []):
        print(f"  ! {line}")
    failures = s.get("critical_failures", []) + s.get("expectation_warnings", [])
    if failures:
        print("failed expectations:")
    for f in failures:
        column = f" on {f['column']}" if f.get("column") else ""
        print(f"  {f['severity'].upper():8s} {f['table']}: {f['expectation']}{column}")
        print(f"           {f.get('description') or ''}")
        print(f"           observed {format_observed(f.get('observed'))}; expected {format_expected(f.get('expected'))}")
        if f.get("docs_page") and s.get("data_docs"):
            print(f"           {settings.reports / Path(s['data_docs']).parent / f['docs_page']}")
    other = [w for w in s.get("warnings", []) if not w.startswith(("warning:", "critical:"))]
    for line in other:
        print(f"  - {line}")
    f = s["files"]
    print(f"files: found {f['found']}, parsed {f['parsed']}, pages loaded {s.get('loaded_pages', '-')}, "
          f"quarantined {f['quarantined']}, duplicates {f['duplicates']}, "
          f"refused {(s.get('accounting') or {}).get('refused', 0)}")
    if s.get("accounting"):
        print(f"  {s['accounting']['equation']}")
    if "not_loaded" in s:
        for n in s["not_loaded"]:
            print(f"  {n['outcome']} {n['file_name']}: {(n.get('reason') or '')[:200]}")
    else:  # summaries written before every file was accounted for
        for q in s["quarantine"]:
            message = (q.get("error_message") or "")[:200]
            print(f"  quarantined {q['file_name']} at {q['stage']}: {q.get('error_type') or ''}: {message}")
        for d in s.get("duplicates", []):
            print(f"  duplicate {d['file_name']}: first ingested on {d['first_run_date']} as {d['first_file_name']}")
    print("rows:")
    volume = s.get("volume") or {}
    for table, n in s["rows"].items():
        band = format_band(volume.get(table))
        print(f"  {table:24s} {'-' if n is None else n:>8}  {band}".rstrip())
    e = s.get("expectations")
    if e:
        warned = e.get("failed_warning", 0)
        print(f"expectations: {e['passed']}/{e['evaluated']} passed, {e.get('failed_critical', 0)} critical failed, "
              f"{warned} warning{'' if warned == 1 else 's'}")
    print(f"report: {settings.reports / 'runs' / (s['run_date'] + '.html')}")
    print(f"index:  {settings.reports / 'index.html'}")
    if s.get("data_docs"):
        print(f"data docs: {settings.reports / s['data_docs']}")
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    """Run a query read-only against the analysts' snapshot (else the warehouse); print a table, CSV or JSON."""
    import duckdb

    from ingestion.analyst import RefusedQuery, one_line_error

    settings = _settings(args)
    try:
        cols, rows = _query(settings, args.query)
    except (RefusedQuery, duckdb.Error, FileNotFoundError) as exc:
        print(f"newsdw sql: {one_line_error(exc)}", file=sys.stderr)
        return 1
    _print_rows(cols, rows, args.format)
    return 0


def cmd_analyses(args: argparse.Namespace) -> int:
    """List the analysts' questions (dbt_project/analyses), or run some and print their answers."""
    from ingestion.analyses import list_analyses, run_analysis

    settings = _settings(args)
    analyses = list_analyses(settings)
    if not args.names and not args.all:
        print(_table(["analysis", "question"], [(a.name, a.question) for a in analyses]))
        return 0
    known = {a.name: a for a in analyses}
    unknown = [n for n in args.names if n not in known]
    if unknown:
        print(f"newsdw analyses: unknown analysis: {', '.join(unknown)} (newsdw analyses lists them)", file=sys.stderr)
        return 2
    for name in args.names or list(known):
        cols, rows = run_analysis(settings, name)
        print(f"## {name}\n{known[name].question}\n\n{_table(cols, rows)}\n")
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    """Start Airflow's scheduler and web UI for this project (airflow standalone); print the URL and login."""
    from ingestion.ui import serve_ui

    return serve_ui(_settings(args), host=args.host, port=args.port)


def _polish_help(sub: argparse._SubParsersAction, formatter: type[argparse.HelpFormatter]) -> None:
    """Every command's help in one style (rich-argparse), without RST markup; called last, so it covers every command."""
    sub.metavar = "COMMAND"
    for p in sub.choices.values():
        p.formatter_class = formatter
        p.description = _help_text(p.description)
        p.epilog = p.epilog and p.epilog.replace("``", "`")
    for action in sub._choices_actions:  # the one-line summaries of `newsdw --help`
        action.help = _help_text(action.help)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``newsdw``."""
    # Descriptions and epilogs keep their line breaks (examples one per line); rich-argparse colours them.
    from rich_argparse import RawDescriptionRichHelpFormatter as RichHelpFormatter

    ap = argparse.ArgumentParser(prog="newsdw", description=_help_text(__doc__), formatter_class=RichHelpFormatter,
                                 epilog="`newsdw COMMAND --help` shows a command's options, with an example of each.")
    ap.add_argument("--home", type=Path, metavar="DIR",
                    help="data folder: landing/, raw/, warehouse.duckdb, analyst/, airflow/ "
                         "(default: $NEWSDW_HOME or ./data), e.g. --home /tmp/newsdw")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help=cmd_parse.__doc__.splitlines()[0], description=cmd_parse.__doc__)
    p.add_argument("paths", nargs="+", help="page files, or folders of .txt pages")
    p.add_argument("--out", type=Path, required=True, help="folder for one <page>.json per page")
    p.add_argument("-r", "--recursive", action="store_true", help="take .txt pages from folders below a folder too")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("generate", help=cmd_generate.__doc__, description=cmd_generate.__doc__,
                       epilog="a year of full-size pages: newsdw generate --out /tmp/landing --start 2025-01-01 "
                              "--days 365 --pages-per-day 12 --page-kb 10-20 --no-truth")
    p.add_argument("--days", type=int, default=3, help="number of days (editions) to write, e.g. --days 365")
    p.add_argument("--start", type=date.fromisoformat, default=DEMO_START,
                   help=f"first edition date, e.g. --start 2025-01-01 (default {DEMO_START})")
    p.add_argument("--seed", type=int, default=0,
                   help="random seed: the same seed, dates and options give the same bytes, e.g. --seed 7")
    p.add_argument("--out", type=Path, required=True,
                   help="landing folder to write <date>/<file> into, e.g. --out /tmp/landing")
    p.add_argument("--pages-per-day", type=int, default=3,
                   help="pages in each day's edition, e.g. --pages-per-day 12 (default 3)")
    p.add_argument("--page-kb", type=_kb_range, metavar="LOW-HIGH",
                   help="page size range in KB of UTF-8 text (1 KB = 1000 bytes): each page joins articles until it "
                        "reaches a size drawn from the range, e.g. --page-kb 10-20 (real full pages are 10-20 KB); "
                        "default: pages of a few articles, 1-5 KB")
    p.add_argument("--no-truth", action="store_true",
                   help="do not write the truth files (<out>/_truth/), for bulk volume, e.g. --no-truth")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("run", help=cmd_run.__doc__, description=cmd_run.__doc__,
                       epilog="examples:\n  newsdw run --date 2026-11-02\n  newsdw run --date 2026-10-01 --end 2026-10-31")
    p.add_argument("--date", type=_iso_date, required=True, metavar="YYYY-MM-DD",
                   help="the date to run (the landing folder <landing>/<date>/), e.g. --date 2026-11-02")
    p.add_argument("--end", type=_iso_date, metavar="YYYY-MM-DD",
                   help="last date of a range (inclusive): every date from --date to --end, e.g. --end 2026-11-30")
    p.add_argument("--landing", type=Path, metavar="DIR",
                   help="folder holding <YYYY-MM-DD>/ day folders (default: <home>/landing), e.g. --landing /archive/landing")
    p.add_argument("--verbose", action="store_true",
                   help="show Airflow's own output instead of the progress display, e.g. --verbose")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "backfill", help=cmd_backfill.__doc__,
        description=cmd_backfill.__doc__ + " Dates without a landing folder are listed as missing and skipped.",
        epilog="example: newsdw backfill --start 2026-01-01 --end 2026-12-31 --landing /archive/landing",
    )
    p.add_argument("--start", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                   help="first date of the range (inclusive)")
    p.add_argument("--end", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                   help="last date of the range (inclusive)")
    p.add_argument("--landing", type=Path, metavar="DIR",
                   help="folder holding <YYYY-MM-DD>/ day folders (default: <home>/landing)")
    p.add_argument("--workers", type=int, metavar="N", help="parse processes (default: one per core)")
    p.set_defaults(func=cmd_backfill)

    p = sub.add_parser("check", help=cmd_check.__doc__, description=cmd_check.__doc__,
                       epilog="examples:\n  newsdw check\n  newsdw check --date 2026-11-02\n  newsdw check --rebuild")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the batch rebuilt while checking (default: the newest loaded date), e.g. --date 2026-11-02")
    p.add_argument("--rebuild", action="store_true",
                   help="first rebuild every model from all dates (once after an upgrade, or after changing the "
                        "gazetteer, the seeds or the merge window), e.g. --rebuild")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("demo", help=cmd_demo.__doc__, description=cmd_demo.__doc__,
                       epilog="example:\n  newsdw --home /tmp/demo demo --days 2")
    p.add_argument("--days", type=int, default=3, metavar="N",
                   help=f"days of pages to generate and run, from {DEMO_START} (default 3), e.g. --days 2")
    p.add_argument("--verbose", action="store_true",
                   help="show Airflow's own output instead of the progress display, e.g. --verbose")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("report", help=cmd_report.__doc__, description=cmd_report.__doc__,
                       epilog="examples:\n  newsdw report\n  newsdw report --date 2026-11-02\n  newsdw report --rebuild")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the run to show (default: the newest run), e.g. --date 2026-11-02")
    p.add_argument("--rebuild", action="store_true",
                   help="re-render every run page and the index from their JSON first, e.g. --rebuild")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("sql", help=cmd_sql.__doc__, description=cmd_sql.__doc__,
                       epilog="examples:\n  newsdw sql \"select count(*) from marts.fct_articles\"\n"
                              "  newsdw sql --format csv \"select * from marts.dim_region\" > regions.csv\n"
                              "  newsdw sql --format json \"select * from marts.mart_metric_latest\" | jq .")
    p.add_argument("query", help="one read-only statement (select, show, describe, explain), "
                                 "e.g. \"select * from marts.fct_metrics limit 5\"")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table: aligned columns (default); csv: a header line, then the rows; "
                        "json: a list of objects, one per row; e.g. --format json")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("analyses", help=cmd_analyses.__doc__, description=cmd_analyses.__doc__,
                       epilog="examples:\n  newsdw analyses\n  newsdw analyses --all\n  newsdw analyses NAME")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="analyses to run (none: list them with their questions), e.g. the first name newsdw analyses lists")
    p.add_argument("--all", action="store_true", help="run every analysis and print each answer, e.g. --all")
    p.set_defaults(func=cmd_analyses)

    p = sub.add_parser("ui", help=cmd_ui.__doc__, description=cmd_ui.__doc__ + " Only this project's DAGs, no examples.",
                       epilog="example: newsdw ui --port 8080, then open http://127.0.0.1:8080 (Ctrl-C stops it)")
    p.add_argument("--host", default="127.0.0.1", help="address the UI listens on (default 127.0.0.1; 0.0.0.0 for all)")
    p.add_argument("--port", type=int, default=8080, help="UI port (default 8080)")
    p.set_defaults(func=cmd_ui)
    _polish_help(sub, RichHelpFormatter)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsdw`` command.

    An error the user can act on (a bad query, a missing file, the writer lock held too
    long, a mistaken option) is one line on stderr, ``newsdw <command>: <message>``, with
    exit code 2 (change the command) or 1 (change the environment); a closed pipe
    (``newsdw report | head``) ends quietly; anything else is a bug and keeps its traceback.
    """
    from ingestion.analyst import one_line_error

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        print(f"newsdw {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        code = _expected_error(exc)
        if code is None:
            raise
        try:
            message = str(exc) if isinstance(exc, UsageError) else one_line_error(exc)
            print(f"newsdw {args.command}: {message}", file=sys.stderr)
        except BrokenPipeError:
            return _quiet_broken_pipe()
        return code


if __name__ == "__main__":
    sys.exit(main())
