"""Parse → staged Parquet → one DuckDB transaction per run date (no Airflow needed here)."""

from __future__ import annotations

from datetime import date

import duckdb

from ingestion import pipeline
from ingestion.generate import write_landing
from ingestion.settings import Settings

D1, D2 = date(2026, 6, 1), date(2026, 6, 2)


def _ingest(s: Settings, day: date) -> list[dict]:
    results = [pipeline.parse_file(s, day, item) for item in pipeline.discover(s, day)]
    pipeline.load(s, day)
    return results


def _count(s: Settings, sql: str, *params):
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_reloading_a_date_replaces_only_that_dates_rows(tmp_path):
    s = Settings.from_env(env={}, home=tmp_path)
    write_landing(s.landing, days=2, start=D1, seed=3)
    _ingest(s, D1)
    _ingest(s, D2)
    before = _count(s, "select run_date, count(*) from raw.articles group by 1 order by 1")
    assert [d for d, _ in before] == [D1, D2] and all(n > 0 for _, n in before)

    # D1 loses a file: its re-run must drop that file's rows and leave D2 alone
    first = sorted((s.landing / D1.isoformat()).glob("*.txt"))[0]
    first.unlink()
    _ingest(s, D1)
    pages = dict(_count(s, "select run_date, count(*) from raw.pages group by 1"))
    assert pages[D1] == len(list((s.landing / D1.isoformat()).glob("*.txt")))
    after = dict(_count(s, "select run_date, count(*) from raw.articles group by 1"))
    assert after[D2] == dict(before)[D2]
    assert after[D1] < dict(before)[D1]
    assert _count(s, "select count(*) from raw.gazetteer")[0][0] > 3000


def test_text_without_any_article_is_quarantined_at_parse_stage(tmp_path):
    s = Settings.from_env(env={}, home=tmp_path)
    folder = s.landing / D1.isoformat()
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("只有一行说明文字，没有标题也没有正文。\n", encoding="utf-8")
    results = _ingest(s, D1)
    assert results[0]["status"] == "quarantined" and results[0]["stage"] == "parse"
    rows = _count(s, "select file_name, stage, error_type, error_message from raw.quarantine")
    assert rows == [("notes.txt", "parse", "ValueError", "no article found: no headline followed by a body")]
    assert _count(s, "select count(*) from raw.pages")[0][0] == 0
