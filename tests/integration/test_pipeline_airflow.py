"""End to end through real Airflow (`airflow dags test`), real dbt on DuckDB and real GX."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest
from support import land

from ingestion.airflow_runner import run_dag
from ingestion.records import TABLES

pytestmark = pytest.mark.integration
RUN_DATE = date(2026, 3, 14)
FACT_KEYS = {
    "marts.fct_articles": {"date_key": "dim_date", "newspaper_key": "dim_newspaper", "region_key": "dim_region"},
    "marts.fct_activities": {"date_key": "dim_date", "newspaper_key": "dim_newspaper", "region_key": "dim_region"},
    "marts.fct_metrics": {"date_key": "dim_date", "newspaper_key": "dim_newspaper", "region_key": "dim_region"},
}


def _counts(settings) -> dict[str, int]:
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        tables = [f"raw.{t}" for t in TABLES] + list(FACT_KEYS)
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def _run(settings, run_date=RUN_DATE):
    proc = run_dag(settings, run_date)
    assert proc.returncode == 0, (proc.stdout or "")[-3000:] + (proc.stderr or "")[-3000:]
    summary = json.loads((settings.reports / "runs" / f"{run_date}.json").read_text(encoding="utf-8"))
    return proc, summary


def test_seed_pages_flow_into_marts_and_rerun_is_idempotent(settings, seeds):
    land(settings, RUN_DATE, seeds)
    _, summary = _run(settings)

    counts = _counts(settings)
    assert counts["raw.pages"] == len(seeds) == 5
    assert counts["raw.quarantine"] == 0
    for fact in FACT_KEYS:
        assert counts[fact] > 0, fact
    assert counts["marts.fct_articles"] == counts["raw.articles"]
    assert counts["marts.fct_metrics"] == counts["raw.metrics"]
    # the report's fact counts were recorded by the writer chain, not read by the report
    for fact in FACT_KEYS:
        assert summary["rows"][fact] == counts[fact], fact

    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        for fact, keys in FACT_KEYS.items():
            for key, dim in keys.items():
                orphans = con.execute(
                    f"select count(*) from {fact} f left join marts.{dim} d using ({key}) where d.{key} is null"
                ).fetchone()[0]
                assert orphans == 0, f"{fact}.{key} has {orphans} rows without a {dim} row"
        # every fact leads back to its sentence: the quote is the page text at its offsets
        pages = dict(con.execute("select page_id, raw_path from raw.pages").fetchall())
        quotes = con.execute("select page_id, quote, char_start, char_end from marts.fct_metrics").fetchall()
    finally:
        con.close()
    from ingestion.parsing.decode import decode_bytes

    texts = {pid: decode_bytes(open(path, "rb").read()).text for pid, path in pages.items()}
    assert all(texts[pid][s:e] == q for pid, q, s, e in quotes)

    assert summary["files"] == {"found": 5, "parsed": 5, "quarantined": 0, "duplicates": 0}
    assert summary["verdict"] in {"passed", "warnings"}, summary["reasons"]
    assert (settings.reports / "data_docs" / "index.html").exists()
    assert (settings.reports / "runs" / f"{RUN_DATE}.html").exists()
    assert (settings.reports / "index.html").exists()

    # Re-running the same date replaces its rows: identical counts, no duplicates.
    _run(settings)
    assert _counts(settings) == counts


def test_undecodable_file_is_quarantined_and_the_seeds_still_load(settings, seeds, tmp_path):
    bad = tmp_path / "scan_0001.txt"
    bad.write_bytes(bytes(range(256)) * 40)  # binary junk: not UTF-8, UTF-16 or GB18030
    folder = land(settings, RUN_DATE, seeds + [bad])
    _, summary = _run(settings)

    counts = _counts(settings)
    assert counts["raw.pages"] == 5
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("select file_name, stage, error_type, error_message, raw_path from raw.quarantine").fetchall()
    finally:
        con.close()
    assert len(rows) == 1
    file_name, stage, error_type, message, raw_path = rows[0]
    assert (file_name, stage, error_type) == ("scan_0001.txt", "decode", "DecodeError")
    assert "not UTF-8" in message
    # nothing is lost: the raw copy holds exactly the delivered bytes
    assert open(raw_path, "rb").read() == (folder / "scan_0001.txt").read_bytes()
    assert summary["files"]["quarantined"] == 1
    assert summary["quarantine"][0]["file_name"] == "scan_0001.txt"
