"""Landing folder, content-addressed raw store and the ledger that stops double ingestion."""

from __future__ import annotations

import json
from datetime import date

from ingestion import landing
from ingestion.pipeline import discover
from ingestion.settings import Settings

D1, D2 = date(2026, 5, 1), date(2026, 5, 2)


def test_raw_store_is_content_addressed_and_idempotent(tmp_path):
    sha, path = landing.store_raw(b"page bytes", "A.TXT", tmp_path)
    again, path2 = landing.store_raw(b"page bytes", "other-name.txt", tmp_path)
    assert (again, path2) == (sha, path)
    assert path == tmp_path / sha[:2] / f"{sha}.txt"
    assert path.read_bytes() == b"page bytes"
    assert not list(path.parent.glob(".tmp-*"))


def test_first_run_date_owns_a_file_and_keeps_it(tmp_path):
    first = landing.claim(tmp_path, "ab" * 32, "p1.txt", D1)
    second = landing.claim(tmp_path, "ab" * 32, "copy.txt", D2)
    assert first["first_run_date"] == second["first_run_date"] == "2026-05-01"
    assert second["first_file_name"] == "p1.txt"


def test_list_landed_skips_sidecars_and_hidden_files(tmp_path):
    for name in ("b.txt", "a.txt", "a.txt.meta.json", ".partial"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in landing.list_landed(tmp_path)] == ["a.txt", "b.txt"]
    assert landing.list_landed(tmp_path / "missing") == []


def test_sidecar_is_read_and_a_broken_one_is_reported(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("x")
    (tmp_path / "p.txt.meta.json").write_text(json.dumps({"newspaper": "某某日报", "page_number": 3, "extra": 1}))
    assert landing.read_meta(page) == ({"newspaper": "某某日报", "page_number": "3"}, None)
    (tmp_path / "p.txt.meta.json").write_text("{not json")
    meta, error = landing.read_meta(page)
    assert meta == {} and "unreadable sidecar" in error


def test_discover_skips_bytes_ingested_on_another_date_but_reparses_its_own(tmp_path):
    s = Settings.from_env(env={}, home=tmp_path)
    for day, names in ((D1, ["p1.txt"]), (D2, ["p1-again.txt", "p2.txt"])):
        folder = s.landing / day.isoformat()
        folder.mkdir(parents=True)
        for name in names:
            (folder / name).write_bytes(("same text" if name.startswith("p1") else name).encode())

    assert [f["file_name"] for f in discover(s, D1)] == ["p1.txt"]
    assert [f["file_name"] for f in discover(s, D2)] == ["p2.txt"]
    manifest = json.loads((s.staging / "_runs" / "2026-05-02" / "discover.json").read_text(encoding="utf-8"))
    assert manifest["files_found"] == 2
    assert [(d["file_name"], d["first_run_date"]) for d in manifest["duplicates"]] == [("p1-again.txt", "2026-05-01")]
    # re-running the first date parses its file again (idempotent re-run, not a duplicate)
    assert [f["file_name"] for f in discover(s, D1)] == ["p1.txt"]
