"""Landing folder, content-addressed raw store and the ledger that stops double ingestion."""

from __future__ import annotations

import json
from datetime import date

import pytest

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
    assert landing.read_meta(page) == ({"newspaper": "某某日报", "page_number": "3"}, [])
    (tmp_path / "p.txt.meta.json").write_text("{not json")
    meta, warnings = landing.read_meta(page)
    assert meta == {} and warnings == ["p.txt: sidecar p.txt.meta.json unreadable: JSONDecodeError: "
                                       "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"]
    (tmp_path / "p.txt.meta.json").write_bytes(b'{"newspaper": "\xff"}')
    assert landing.read_meta(page)[1][0].startswith("p.txt: sidecar p.txt.meta.json unreadable: UnicodeDecodeError")
    (tmp_path / "p.txt.meta.json").write_text("[1, 2]")
    assert landing.read_meta(page) == ({}, ["p.txt: sidecar p.txt.meta.json is not a JSON object"])
    (tmp_path / "p.txt.meta.json").write_text(json.dumps({"newspaper": "x" * 70_000}))
    assert landing.read_meta(page) == ({}, ["p.txt: sidecar p.txt.meta.json is larger than 64 KiB: not read"])


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("newspaper", "../../x", "contains path, markup or control characters"),
        ("newspaper", "<script>alert(1)</script>", "contains path, markup or control characters"),
        ("newspaper", "a/b", "contains path, markup or control characters"),
        ("newspaper", "日报\x00", "contains path, markup or control characters"),
        ("newspaper", "", "empty or longer than 40 characters"),
        ("newspaper", "报" * 41, "empty or longer than 40 characters"),
        ("newspaper", "2024", "has no letter"),
        ("newspaper", 7, "not a string"),
        ("page_number", "1" * 26, "not a whole number from 1 to 999"),
        ("page_number", -7, "not a whole number from 1 to 999"),
        ("page_number", 0, "not a whole number from 1 to 999"),
        ("page_number", 1000, "not a whole number from 1 to 999"),
        ("page_number", 2.5, "not a whole number from 1 to 999"),
        ("page_number", True, "not a whole number from 1 to 999"),
        ("page_number", "三", "not a whole number from 1 to 999"),
        ("edition_date", "9999-99-99", "not a calendar date written YYYY-MM-DD"),
        ("edition_date", "2024-02-30", "not a calendar date written YYYY-MM-DD"),
        ("edition_date", "20240501", "not a calendar date written YYYY-MM-DD"),
        ("edition_date", 20240501, "not a calendar date written YYYY-MM-DD"),
        ("edition_date", "1899-12-31", "outside 1900-01-01 .. 2027-05-02"),
        ("edition_date", "2030-01-01", "outside 1900-01-01 .. 2027-05-02"),
        ("encoding", "latin-1", "not one of gb18030, gb2312, gbk, utf-16, utf-16-be, utf-16-le, utf-8, utf-8-sig"),
        ("encoding", "no-such-codec", "not one of gb18030, gb2312, gbk, utf-16, utf-16-be, utf-16-le, utf-8, utf-8-sig"),
    ],
)
def test_a_bad_sidecar_value_is_dropped_with_its_reason_and_the_rest_kept(field, value, reason):
    data = {"newspaper": "某某日报", "page_number": 4, "edition_date": "2026-05-01", "encoding": "utf-8", field: value}
    meta, refused = landing.validate_meta(data, D1)
    assert field not in meta
    assert [(r.field, r.reason) for r in refused] == [(field, reason)]
    assert len(meta) == 3  # the other fields stay


@pytest.mark.parametrize(
    "field, value, stored",
    [
        ("newspaper", "  某某  日报 ", "某某 日报"),
        ("newspaper", "The Daily News", "The Daily News"),
        ("page_number", 12, "12"),
        ("page_number", "007", "7"),
        ("edition_date", "2026-05-02", "2026-05-02"),  # tomorrow's paper
        ("encoding", "UTF8", "utf-8"),
        ("encoding", "GBK", "gbk"),
        ("encoding", "utf_16", "utf-16"),
    ],
)
def test_good_sidecar_values_are_kept_in_a_canonical_form(field, value, stored):
    meta, refused = landing.validate_meta({field: value}, D1)
    assert (meta, refused) == ({field: stored}, [])


def test_symlinks_out_of_the_folder_are_refused_and_links_inside_are_read(tmp_path):
    day = tmp_path / "landing" / "2026-05-01"
    day.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("outside")
    (day / "page.txt").write_text("inside")
    (day / "sub").mkdir()
    (day / "out.txt").symlink_to(tmp_path / "secret.txt")
    (day / "up.txt").symlink_to("../../secret.txt")
    (day / "alias.txt").symlink_to("page.txt")
    (day / "broken.txt").symlink_to(tmp_path / "gone.txt")

    entries = {e.name: e for e in landing.scan_landed(day)}

    assert sorted(entries) == ["alias.txt", "broken.txt", "out.txt", "page.txt", "sub", "up.txt"]
    assert entries["alias.txt"].refused is None and entries["alias.txt"].path == (day / "page.txt").resolve()
    assert entries["page.txt"].refused is None
    for name in ("out.txt", "up.txt"):
        assert "outside the landing folder: not followed" in entries[name].refused
    assert entries["broken.txt"].refused.startswith("broken symbolic link")
    assert entries["sub"].refused == "a folder, not a delivered file"
    assert [p.name for p in landing.list_landed(day)] == ["alias.txt", "page.txt"]


def test_a_sidecar_linking_out_of_the_folder_is_not_read(tmp_path):
    (tmp_path / "day").mkdir()
    (tmp_path / "meta.json").write_text(json.dumps({"newspaper": "某某日报"}))
    page = tmp_path / "day" / "p.txt"
    page.write_text("x")
    (tmp_path / "day" / "p.txt.meta.json").symlink_to(tmp_path / "meta.json")
    assert landing.read_meta(page) == ({}, ["p.txt: sidecar p.txt.meta.json links outside the landing folder: not read"])


def test_store_raw_file_copies_in_chunks_and_matches_store_raw(tmp_path):
    data = bytes(range(256)) * 20_000  # 5 MB: several chunks
    src = tmp_path / "big.TXT"
    src.write_bytes(data)
    sha, path, size = landing.store_raw_file(src, src.name, tmp_path / "raw")
    assert (sha, path) == landing.store_raw(data, "big.txt", tmp_path / "raw")
    assert size == len(data) and path.read_bytes() == data and path.suffix == ".txt"
    assert not any((tmp_path / "raw" / "_incoming").iterdir())
    # an odd extension does not become part of a path in raw/
    weird = tmp_path / "page.x y"
    weird.write_bytes(b"abc")
    assert landing.store_raw_file(weird, weird.name, tmp_path / "raw")[1].suffix == ".bin"


def test_a_ledger_entry_cut_short_is_taken_over(tmp_path):
    ledger = tmp_path / "_ledger" / f"{'ab' * 32}.json"
    ledger.parent.mkdir()
    ledger.write_text("")  # a crash between creating and writing the entry
    entry = landing.claim(tmp_path, "ab" * 32, "p1.txt", D2)
    assert entry["first_run_date"] == "2026-05-02"
    assert json.loads(ledger.read_text())["first_file_name"] == "p1.txt"


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
    assert [(d["file_name"], d["first_run_date"], d["within_day"]) for d in manifest["duplicates"]] == [
        ("p1-again.txt", "2026-05-01", False)]
    # re-running the first date parses its file again (idempotent re-run, not a duplicate)
    assert [f["file_name"] for f in discover(s, D1)] == ["p1.txt"]


def test_store_raw_file_refuses_a_link_or_a_fifo_swapped_in_after_the_scan(tmp_path):
    import errno
    import os

    (tmp_path / "secret.txt").write_text("outside")
    (tmp_path / "swapped.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(OSError) as link:
        landing.store_raw_file(tmp_path / "swapped.txt", "swapped.txt", tmp_path / "raw")
    assert link.value.errno == errno.ELOOP
    with pytest.raises(OSError, match="not a regular file"):  # and it does not block waiting for a writer
        landing.store_raw_file(tmp_path / "pipe.txt", "pipe.txt", tmp_path / "raw")
