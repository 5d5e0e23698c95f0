"""Parse → staged Parquet → one DuckDB transaction per run date (no Airflow needed here)."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

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


def test_the_static_build_stamp_follows_the_project_and_the_gazetteer(tmp_path):
    from ingestion.warehouse import load_runs, record_static_build, static_build_state

    s = Settings.from_env(env={}, home=tmp_path)
    load_runs(s.warehouse, s.staging, [])  # creates the raw tables and loads the gazetteer
    fingerprint, built = static_build_state(s.warehouse, "project-a")
    assert not built  # a new warehouse has no static nodes yet
    record_static_build(s.warehouse, fingerprint)
    assert static_build_state(s.warehouse, "project-a") == (fingerprint, True)
    # another project (any file of dbt_project/ changed) rebuilds them
    other, built = static_build_state(s.warehouse, "project-b")
    assert not built and other != fingerprint
    # so does another gazetteer, even of the same size (the loader reloads on a size change only)
    con = duckdb.connect(str(s.warehouse))
    try:
        con.execute("update raw.gazetteer set region_name = region_name || '新' "
                    "where region_code = (select min(region_code) from raw.gazetteer)")
    finally:
        con.close()
    assert static_build_state(s.warehouse, "project-a")[1] is False


def test_the_chain_leaves_the_static_nodes_out_once_they_are_built(tmp_path, monkeypatch):
    from ingestion import chain, publish, quality, transform

    s = Settings.from_env(env={}, home=tmp_path)
    asked: list[bool] = []
    monkeypatch.setattr(transform, "dbt_build", lambda settings, start, end=None, static=True: asked.append(static)
                        or {"success": True})
    monkeypatch.setattr(quality, "validate", lambda *a, **k: {"success": True})
    monkeypatch.setattr(publish, "publish_snapshot", lambda settings, stats=None, replaced_by_date=(): settings.home / "snapshot")
    monkeypatch.setattr(transform, "dbt_docs", lambda settings: settings.home / "docs")
    chain.build(s, D1)
    chain.build(s, D2)
    assert asked == [True, False]
    # a failed build records nothing: the next build makes them again
    monkeypatch.setattr(transform, "dbt_build", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("dbt failed")))
    s2 = Settings.from_env(env={}, home=tmp_path / "other")
    with pytest.raises(RuntimeError, match="dbt failed"):
        chain.build(s2, D1)
    from ingestion.transform import project_hash
    from ingestion.warehouse import static_build_state

    assert static_build_state(s2.warehouse, project_hash(s2))[1] is False
