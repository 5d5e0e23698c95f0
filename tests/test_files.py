"""Atomic writes: durable ones are fsynced before the rename, staged rows (made again from the raw store) are not."""

from __future__ import annotations

import os
from datetime import date

import pyarrow.parquet as pq

from ingestion import files, staging
from ingestion.records import QuarantineRecord


def _count_fsyncs(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(files.os, "fsync", counting)
    return calls


def test_atomic_writes_are_fsynced_and_leave_no_temporary_file(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    target = files.atomic_write_text(tmp_path / "a" / "b.json", "{}")
    assert target.read_text(encoding="utf-8") == "{}"
    assert len(calls) == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.json"]


def test_staged_rows_are_renamed_into_place_without_an_fsync(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    day, sha = date(2026, 1, 2), "ab" * 32
    row = QuarantineRecord(
        quarantine_id="q1", run_date=day, page_id=sha, file_name="p.txt", raw_path="raw/p.txt", stage="parse",
        error_type="ValueError", error_message="no article", quarantined_at="2026-01-02T00:00:00Z",
    )
    counts = staging.write_rows(tmp_path, day, sha, {"quarantine": [row]})
    assert counts == {"quarantine": 1}
    written = staging.partition(tmp_path, "quarantine", day) / f"{sha}.parquet"
    assert pq.read_table(written).column("file_name").to_pylist() == ["p.txt"]
    assert calls == []
    assert [p.name for p in written.parent.iterdir()] == [written.name]
