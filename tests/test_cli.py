"""The ``newsdw`` command as a user meets it: tables, output formats, one-line errors, quiet pipes, help."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from rich.cells import cell_len

from ingestion import cli
from ingestion.locks import WriterLockTimeout

ROOT = Path(__file__).resolve().parents[1]
MY_COMMANDS = ("run", "demo", "report", "sql", "analyses")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder whose warehouse holds one small table of Chinese names, decimals and dates."""
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.t (name varchar, n integer, rate decimal(5, 1), day date)")
    con.execute("insert into marts.t values ('沁阳市', 3, 86.8, '2026-11-02'), ('abc', 10, null, null), "
                "('平邑县[b]', 2, 1.0, '2026-11-03')")
    con.close()
    return tmp_path


def _display_col(line: str, value: str, end: bool = False) -> int:
    """The terminal column where ``value`` starts (or ends) in ``line``: a Chinese character takes two."""
    i = line.index(value) + (len(value) if end else 0)
    return cell_len(line[:i])


def test_table_aligns_chinese_text_by_display_width() -> None:
    rows = [("沁阳市", 3, "a[b]"), ("abc", 10, "-"), ("平邑县鲅鱼圈区", 2, "x")]
    lines = cli._table(["name", "n", "note"], rows).splitlines()
    assert lines[0].split() == ["name", "n", "note"] and set(lines[1]) == {"─"}
    body = lines[2:]
    assert [line.split()[0] for line in body] == ["沁阳市", "abc", "平邑县鲅鱼圈区"]
    # the notes start in one display column, the right-aligned numbers end in one, header included
    assert {_display_col(line, note) for line, (_, _, note) in zip(body, rows, strict=True)} == {
        _display_col(lines[0], "note")}
    assert {_display_col(line, f" {n} ", end=True) for line, (_, n, _) in zip(body, rows, strict=True)} == {
        _display_col(lines[0], " n ", end=True)}
    assert len({len(line.encode("utf-8")) for line in body}) > 1  # padding is by width, not by characters


def test_table_is_not_wrapped_when_piped() -> None:
    long = "字" * 150
    text = cli._table(["q"], [(long,)])
    assert long in text.splitlines()[2]


def test_sql_prints_a_table_csv_or_json(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "select name, n, rate, day from marts.t order by n"
    assert cli.main(["--home", str(home), "sql", query]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["name", "n", "rate", "day"]
    assert table[2].split() == ["平邑县[b]", "2", "1.0", "2026-11-03"]

    assert cli.main(["--home", str(home), "sql", "--format", "csv", query]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["name", "n", "rate", "day"], ["平邑县[b]", "2", "1.0", "2026-11-03"],
                    ["沁阳市", "3", "86.8", "2026-11-02"], ["abc", "10", "", ""]]

    assert cli.main(["--home", str(home), "sql", "--format", "json", query]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[1] == {"name": "沁阳市", "n": 3, "rate": 86.8, "day": "2026-11-02"}
    assert records[2] == {"name": "abc", "n": 10, "rate": None, "day": None}


def test_a_bad_query_is_one_line_without_traceback(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--home", str(home), "sql", "select * from marts.missing"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsdw sql: CatalogException: Catalog Error: Table with name missing does not exist")
    assert err.count("\n") == 1


def test_missing_warehouse_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--home", str(tmp_path / "none"), "sql", "select 1"]) == 1
    assert capsys.readouterr().err == (f"newsdw sql: FileNotFoundError: no database to query at "
                                       f"{tmp_path / 'none' / 'warehouse.duckdb'} (run the pipeline first)\n")


def test_expected_errors_become_one_line_and_an_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def held(args: object) -> int:
        raise WriterLockTimeout("the warehouse writer lock is held by pid 4242 (newsdw run) for 300 s")

    monkeypatch.setattr(cli, "cmd_report", held)
    assert cli.main(["--home", str(tmp_path), "report"]) == 1
    assert capsys.readouterr().err == ("newsdw report: WriterLockTimeout: the warehouse writer lock is held by "
                                       "pid 4242 (newsdw run) for 300 s\n")

    assert cli.main(["--home", str(tmp_path), "run", "--date", "2026-11-02", "--end", "2026-11-01"]) == 2
    assert capsys.readouterr().err == "newsdw run: --end 2026-11-01 is before --date 2026-11-02\n"


def test_nothing_to_report_and_an_unknown_analysis_are_one_line(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--home", str(tmp_path), "report", "--date", "2026-11-02"]) == 1
    assert capsys.readouterr().err == (f"newsdw report: no run summary of 2026-11-02 in {tmp_path / 'reports' / 'runs'}"
                                       " (newsdw run --date YYYY-MM-DD writes one)\n")
    assert cli.main(["--home", str(tmp_path), "analyses", "no_such_question"]) == 2
    assert capsys.readouterr().err == "newsdw analyses: unknown analysis: no_such_question (newsdw analyses lists them)\n"


def test_a_bug_keeps_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> int:
        raise KeyError("a bug")

    monkeypatch.setattr(cli, "cmd_report", broken)
    with pytest.raises(KeyError):
        cli.main(["--home", str(tmp_path), "report"])


def test_a_closed_pipe_ends_quietly(home: Path) -> None:
    """``newsdw sql … | head``: the reader has gone; no traceback, no message."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first write
    proc = subprocess.run([sys.executable, "-m", "ingestion.cli", "--home", str(home), "sql",
                           "select * from range(1000)"], stdout=write, stderr=subprocess.PIPE, text=True,
                          cwd=ROOT, check=False, timeout=120)
    os.close(write)
    assert proc.stderr == ""
    assert proc.returncode == 141


def test_a_bad_date_is_a_usage_error_naming_the_form(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["run", "--date", "02/11/2026"])
    assert exit_info.value.code == 2
    assert "expected a date YYYY-MM-DD, e.g. 2026-11-02, not '02/11/2026'" in capsys.readouterr().err


def _help(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "ingestion.cli", *args, "--help"], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=120, env={**os.environ, "COLUMNS": "120"})
    return proc.stdout


@pytest.mark.parametrize("command", MY_COMMANDS)
def test_every_option_has_help_with_an_example(command: str) -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action in [*sub.choices[command]._actions, *(a for a in parser._actions if a.option_strings == ["--home"])]:
        if action.option_strings == ["-h", "--help"]:
            continue
        assert action.help and "e.g." in action.help, f"{command} {action.dest}: {action.help!r}"
    text = _help(command)
    assert re.search(r"examples?:\n  newsdw ", text), text
    assert "``" not in text


def test_top_level_help_has_no_rst_markup() -> None:
    text = _help()
    assert "``" not in text
    assert "Usage: newsdw [-h] [--home DIR] COMMAND ..." in text
    assert all(c in text for c in ("parse", "generate", "run", "backfill", "demo", "report", "sql", "analyses"))


@pytest.mark.integration
def test_run_reports_each_task_and_date_as_it_goes(settings) -> None:
    """`newsdw run` through real Airflow, off a terminal: a line per finished task instance, then per date."""
    from datetime import date

    from ingestion.generate import write_landing

    day = date(2026, 11, 2)
    write_landing(settings.landing, days=1, start=day, seed=0)
    proc = subprocess.run([str(Path(sys.executable).with_name("newsdw")), "run", "--date", day.isoformat()],
                          env={**os.environ, **settings.env()}, capture_output=True, text=True, check=False, timeout=900)

    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("newsdw: starting Airflow, then 1 date(s) from 2026-11-02")
    tasks = [line.split()[1] for line in lines if line.startswith("  2026-11-02 ") and line.endswith(" success")]
    assert tasks[:2] == ["wait_for_delivery", "discover"] and tasks[-2:] == ["warehouse", "report"]
    assert any(t.startswith("parse") for t in tasks)
    assert re.fullmatch(rf"2026-11-02: dag run success, {len(tasks)} task\(s\), \d+ s", lines[-1])
    assert proc.stdout == f"2026-11-02: passed  report: {settings.reports / 'runs' / '2026-11-02.html'}\n"
