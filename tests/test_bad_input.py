"""Nothing lost under faults (issue 12): every kind of bad input ends in one bucket, with its reason.

Drives ``ingestion.pipeline.discover`` + ``parse_files`` (the day as one batch, as a parse
task gets it; and, marked integration,
``warehouse.load_run`` and the run report) on a temporary home; the Airflow path is
covered by the run-chain tests. Pages are the project's own synthetic ones.
"""

from __future__ import annotations

import codecs
import json
import os
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from ingestion import cli
from ingestion.generate import generate_day
from ingestion.pipeline import discover, parse_file, parse_files, run_folder
from ingestion.settings import Settings

D0, D1 = date(2026, 4, 30), date(2026, 5, 1)
HUGE_BYTES = 20 * 1024 * 1024


def _page_text() -> str:
    """A generated page that parses into articles."""
    return generate_day(date(2026, 3, 2), seed=1, pages=1)[0].text


def _html(text: str) -> str:
    paragraphs = "\n".join(f"  <p>{line}</p>" for line in text.splitlines() if line.strip())
    return (f"<!DOCTYPE html>\n<html><head><title>电子版</title><script>var x = 1;</script></head>\n"
            f"<body><nav>首页 上一版 下一版</nav>\n<div class=\"page\">\n{paragraphs}\n</div></body></html>\n")


def _variants(text: str) -> dict[str, bytes]:
    """One page text in many shapes: each differs in bytes, so none is a duplicate of another."""
    return {
        "gb18030.txt": text.encode("gb18030"),
        "utf16-le-bom.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16-be-bom.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf16-le.txt": text.encode("utf-16-le"),
        "utf16-be.txt": text.encode("utf-16-be"),
        "utf8-bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cut.txt": (text.rstrip() + "。").encode("utf-8")[:-1],  # cut inside the last character
        "第 3 版 要闻.txt": (text + "\n").encode("utf-8"),  # spaces and Chinese in the name
        "e-paper.html": _html(text).encode("utf-8"),
        "html-named-txt.txt": _html(text + "\n").encode("gb18030"),
        "wrong-declared.txt": (text + "\n\n").encode("utf-16-le"),  # sidecar: utf-16, no BOM (the file)
        "declared-utf8.txt": (text + "\n\n\n").encode("gb18030"),  # sidecar: utf-8, bytes GB18030
        "bad-sidecar.txt": (text + " ").encode("utf-8"),
    }


EXPECTED_PARSED = {
    "gb18030.txt": "gb18030",
    "utf16-le-bom.txt": "utf-16",
    "utf16-be-bom.txt": "utf-16",
    "utf16-le.txt": "utf-16-le",
    "utf16-be.txt": "utf-16-be",
    "utf8-bom.txt": "utf-8-sig",
    "crlf.txt": "utf-8",
    "cut.txt": "utf-8",
    "第 3 版 要闻.txt": "utf-8",
    "e-paper.html": "utf-8",
    "html-named-txt.txt": "gb18030",
    "wrong-declared.txt": "utf-16-le",
    "declared-utf8.txt": "gb18030",
    "bad-sidecar.txt": "utf-8",
    "good.txt": "utf-8",
}
EXPECTED_QUARANTINED = {  # file → (stage, error type, words of the reason)
    "empty.txt": ("decode", "DecodeError", "empty file"),
    "binary.txt": ("decode", "DecodeError", "not UTF-8, UTF-16 or GB18030 text"),
    "names.txt": ("parse", "ValueError", "no article found"),
    "scripts-only.html": ("decode", "NoText", "no visible text"),
    "huge.txt": ("decode", "FileTooLarge", "one page is at most"),
}
EXPECTED_DUPLICATES = {"good.txt copy.txt": (True, "good.txt"), "yesterday.txt": (False, "first.txt")}
EXPECTED_REFUSED = {
    "outside.txt": "outside the landing folder: not followed",
    "broken.txt": "broken symbolic link",
    "folder": "a folder, not a delivered file",
    "pipe.txt": "not a regular file, not a delivered file",
}


@pytest.fixture()
def landed(tmp_path: Path) -> Settings:
    """A day of bad input landed under a temporary home (and one file already ingested the day before)."""
    s = Settings.from_env(env={}, home=tmp_path / "home", reports=tmp_path / "reports")
    text = _page_text()
    old = s.landing / D0.isoformat()
    old.mkdir(parents=True)
    (old / "first.txt").write_bytes(b"\n" + text.encode("utf-8"))
    assert [f["file_name"] for f in discover(s, D0)] == ["first.txt"]

    day = s.landing / D1.isoformat()
    day.mkdir(parents=True)
    for name, data in _variants(text).items():
        (day / name).write_bytes(data)
    (day / "good.txt").write_bytes(text.encode("utf-8"))
    (day / "good.txt copy.txt").write_bytes(text.encode("utf-8"))
    (day / "yesterday.txt").write_bytes(b"\n" + text.encode("utf-8"))
    (day / "empty.txt").write_bytes(b"")
    (day / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (day / "names.txt").write_text("欧阳修\u00a0\u00a0司马光\u00a0\u00a0诸葛亮\n上官婉儿\u00a0\u00a0慕容复\n", encoding="utf-8")
    (day / "scripts-only.html").write_text("<html><head><script>load()</script></head><body><img src=p.png></body></html>")
    with open(day / "huge.txt", "wb") as fh:
        line = "这是一段自己写的测试文字，用来把文件撑大。\n".encode()
        fh.write(line * (HUGE_BYTES // len(line) + 1))
    secret = tmp_path / "secret.txt"
    secret.write_text(text + "\n不在落地目录里的文件。\n", encoding="utf-8")
    (day / "outside.txt").symlink_to(secret)
    (day / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (day / "folder").mkdir()
    os.mkfifo(day / "pipe.txt")  # reading it would block: it must not be opened
    sidecars = {
        "wrong-declared.txt": {"encoding": "utf-16", "newspaper": "某某日报", "page_number": 2},
        "declared-utf8.txt": {"encoding": "utf-8"},
        "bad-sidecar.txt": {"newspaper": "../../x<script>", "page_number": "1" * 26, "edition_date": "9999-99-99",
                            "encoding": "klingon"},
        "good.txt": {"newspaper": "某某日报", "edition_date": "2026-05-01", "page_number": 3},
    }
    for name, meta in sidecars.items():
        (day / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (day / "e-paper.html.meta.json").write_text("{broken", encoding="utf-8")
    return s


def _run(s: Settings) -> tuple[dict, list[dict]]:
    items = discover(s, D1)
    manifest = json.loads((run_folder(s, D1) / "discover.json").read_text(encoding="utf-8"))
    return manifest, parse_files(s, D1, items)


def test_every_file_ends_in_exactly_one_bucket_with_its_reason(landed: Settings) -> None:
    manifest, results = _run(landed)

    parsed = {r["file_name"]: r for r in results if r["status"] == "parsed"}
    quarantined = {r["file_name"]: r for r in results if r["status"] == "quarantined"}
    assert {n: r["encoding"] for n, r in parsed.items()} == EXPECTED_PARSED
    for name, r in parsed.items():
        assert r["rows"]["pages"] == 1 and r["rows"]["articles"] >= 1, name
    assert parsed["cut.txt"]["truncated"] is True
    assert parsed["e-paper.html"]["html"] and parsed["html-named-txt.txt"]["html"] and not parsed["good.txt"]["html"]
    assert "declared encoding 'utf-8' does not fit the bytes" in parsed["declared-utf8.txt"]["encoding_note"]
    assert "encoding_note" not in parsed["wrong-declared.txt"]  # "utf-16" declared, byte order found

    assert set(quarantined) == set(EXPECTED_QUARANTINED)
    for name, (stage, error_type, words) in EXPECTED_QUARANTINED.items():
        q = quarantined[name]
        assert (q["stage"], q["error_type"]) == (stage, error_type), name
        assert words in q["error"], (name, q["error"])

    assert {d["file_name"]: (d["within_day"], d["first_file_name"]) for d in manifest["duplicates"]} == EXPECTED_DUPLICATES
    assert {r["file_name"]: r["reason"] for r in manifest["refused"]}.keys() == EXPECTED_REFUSED.keys()
    for r in manifest["refused"]:
        assert EXPECTED_REFUSED[r["file_name"]] in r["reason"]

    found = manifest["files_found"]
    assert found == len(parsed) + len(quarantined) + len(manifest["duplicates"]) + len(manifest["refused"]) == 26
    # the raw bytes of every quarantined file are kept, byte for byte
    day = landed.landing / D1.isoformat()
    for q in quarantined.values():
        raw = next(landed.raw.glob(f"{q['sha256'][:2]}/{q['sha256']}.*"))
        assert raw.read_bytes() == (day / q["file_name"]).read_bytes()


def test_bad_sidecar_values_are_dropped_with_a_warning_and_the_page_still_loads(landed: Settings) -> None:
    manifest, results = _run(landed)
    warnings = [w for w in manifest["warnings"] if w.startswith("bad-sidecar.txt")]
    assert [w.split(": field ")[1].split(" = ")[0] for w in warnings] == ["newspaper", "edition_date", "page_number",
                                                                          "encoding"]
    assert any(w.startswith("e-paper.html: sidecar e-paper.html.meta.json unreadable") for w in manifest["warnings"])
    assert next(r for r in results if r["file_name"] == "bad-sidecar.txt")["status"] == "parsed"
    assert next(r for r in results if r["file_name"] == "e-paper.html")["status"] == "parsed"


def test_the_link_out_of_the_folder_is_never_copied(landed: Settings, tmp_path: Path) -> None:
    _run(landed)
    import hashlib

    secret_sha = hashlib.sha256((tmp_path / "secret.txt").read_bytes()).hexdigest()
    assert not list(landed.raw.glob(f"*/{secret_sha}*"))


def test_a_20_mb_page_is_quarantined_quickly_without_reading_it_whole(landed: Settings) -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        _, results = _run(landed)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    huge = next(r for r in results if r["file_name"] == "huge.txt")
    assert huge["status"] == "quarantined" and "21.0 MB" in huge["error"]
    assert peak < HUGE_BYTES  # copied in chunks, never held whole
    assert elapsed < 60


def test_a_vanished_raw_copy_or_a_parser_bug_is_quarantined_not_raised(landed: Settings, monkeypatch) -> None:
    items = discover(landed, D1)
    good = next(i for i in items if i["file_name"] == "good.txt")
    gone = {**good, "raw_path": str(landed.raw / "missing.txt")}
    r = parse_file(landed, D1, gone)
    assert (r["status"], r["stage"], r["error_type"]) == ("quarantined", "decode", "FileNotFoundError")

    def broken(*args, **kwargs):
        raise RuntimeError("a parser bug")

    monkeypatch.setattr("ingestion.parsing.page.parse_page", broken)
    r = parse_file(landed, D1, good)
    assert (r["status"], r["stage"], r["error_type"]) == ("quarantined", "parse", "RuntimeError")
    assert "a parser bug" in r["error"]
    assert parse_file(landed, D1, {"file_name": "x.txt"})["status"] == "quarantined"  # even a malformed item


@pytest.mark.integration
def test_loaded_rows_and_the_report_reconcile_with_the_files_found(landed: Settings, monkeypatch, capsys) -> None:
    from ingestion.report import write_run_report
    from ingestion.warehouse import connect, load_run

    manifest, results = _run(landed)
    counts = load_run(landed.warehouse, landed.staging, D1)
    assert counts["pages"] == len(EXPECTED_PARSED)
    assert counts["quarantine"] == len(EXPECTED_QUARANTINED)
    con = connect(landed.warehouse, read_only=True)
    try:
        pages = dict(con.execute("select file_name, encoding from raw.pages where run_date = ?", [D1]).fetchall())
        meta = con.execute("select newspaper, edition_date, page_number from raw.pages where file_name = 'bad-sidecar.txt'"
                           ).fetchone()
        good = con.execute("select newspaper, edition_date, page_number from raw.pages where file_name = 'good.txt'").fetchone()
    finally:
        con.close()
    assert pages == EXPECTED_PARSED
    assert meta[0] != "../../x<script>" and meta[2] is None and meta[1] is None
    assert good == ("某某日报", D1, "3")

    result = write_run_report(landed, D1, {"parsed": results, "loaded": counts, "built": None, "validated": None})
    summary = json.loads(Path(result["json"]).read_text(encoding="utf-8"))
    assert summary["files"] == {"found": 26, "parsed": 15, "quarantined": 5, "duplicates": 2}
    assert summary["accounting"] == {"found": 26, "parsed": 15, "quarantined": 5, "duplicates": 2, "refused": 4,
                                     "no_result": 0, "balanced": True,
                                     "equation": "found 26 = parsed 15 + quarantined 5 + duplicates 2 + refused 4"}
    assert summary["loaded_pages"] == 15
    not_loaded = {n["file_name"]: n for n in summary["not_loaded"]}
    assert set(not_loaded) == set(EXPECTED_QUARANTINED) | set(EXPECTED_DUPLICATES) | set(EXPECTED_REFUSED)
    assert not_loaded["good.txt copy.txt"]["reason"] == "same bytes as good.txt of the same day: ingested once"
    assert not_loaded["yesterday.txt"]["reason"] == "bytes already ingested on 2026-04-30 as first.txt"
    assert all(n["reason"] for n in not_loaded.values())

    html = Path(result["html"]).read_text(encoding="utf-8")
    for name in not_loaded:
        assert f"<td>{name}</td>" in html, name
    assert "found 26 = parsed 15" in html and "../../x&lt;script&gt;" in html  # the refused value, escaped

    monkeypatch.setenv("NEWSDW_REPORTS", str(landed.reports))
    cli.main(["--home", str(landed.home), "report", "--date", D1.isoformat()])
    out = capsys.readouterr().out
    assert "found 26 = parsed 15 + quarantined 5 + duplicates 2 + refused 4" in out
    for name in not_loaded:
        assert f" {name}: " in out, name


def test_a_file_name_that_is_not_utf8_is_ingested_under_a_readable_name(tmp_path: Path) -> None:
    s = Settings.from_env(env={}, home=tmp_path / "home", reports=tmp_path / "reports")
    day = s.landing / D1.isoformat()
    day.mkdir(parents=True)
    raw_name = os.fsencode(day) + b"/\xb5\xda3\xb0\xe6.txt"  # "第3版" in GBK bytes: not a UTF-8 name
    with open(raw_name, "wb") as fh:
        fh.write(_page_text().encode("utf-8"))
    [item] = discover(s, D1)
    assert item["file_name"] == "\ufffd\ufffd3\ufffd\ufffd.txt"
    assert parse_file(s, D1, item)["status"] == "parsed"


def test_a_batch_stages_one_file_per_table_with_the_rows_of_every_parsed_file(landed: Settings) -> None:
    import pyarrow.parquet as pq

    from ingestion import staging

    _, results = _run(landed)
    in_order = [r["sha256"] for r in results if r["status"] == "parsed"]
    parsed = set(in_order)
    quarantined = {r["sha256"] for r in results if r["status"] == "quarantined"}
    [pages] = staging.staged_files(landed.staging, "pages", D1)
    assert pages.stem == staging.batch_name(in_order) and pages.stem.startswith("batch-")
    assert set(pq.read_table(pages, columns=["page_id"]).column("page_id").to_pylist()) == parsed
    [articles] = staging.staged_files(landed.staging, "articles", D1)
    assert pq.read_table(articles).num_rows == sum(r["rows"]["articles"] for r in results if r["status"] == "parsed")
    # a quarantined file has its own quarantine row and nothing else
    assert {p.stem for p in staging.staged_files(landed.staging, "quarantine", D1)} == quarantined


def _disk_full_after_pages(monkeypatch) -> None:
    """Staging writes the pages table, then the disk is full."""
    from ingestion import staging

    real = staging.write_rows

    def disk_full_after_pages(root, run_date, name, rows):
        if "pages" in rows:
            real(root, run_date, name, {"pages": rows["pages"]})
            raise OSError(28, "No space left on device")
        return real(root, run_date, name, rows)

    monkeypatch.setattr(staging, "write_rows", disk_full_after_pages)


def test_a_batch_that_cannot_be_written_is_staged_not_at_all_and_every_file_quarantined(
        landed: Settings, monkeypatch) -> None:
    from ingestion import staging

    items = [i for i in discover(landed, D1) if i["file_name"] in ("good.txt", "crlf.txt", "names.txt")]
    _disk_full_after_pages(monkeypatch)
    results = {r["file_name"]: r for r in parse_files(landed, D1, items)}
    assert {n: (r["status"], r["stage"], r["error_type"]) for n, r in results.items()} == {
        "good.txt": ("quarantined", "parse", "OSError"),
        "crlf.txt": ("quarantined", "parse", "OSError"),
        "names.txt": ("quarantined", "parse", "ValueError"),  # its own reason: no article
    }
    assert "No space left on device" in results["good.txt"]["error"]
    assert staging.staged_files(landed.staging, "pages", D1) == []
    assert {p.stem for p in staging.staged_files(landed.staging, "quarantine", D1)} == {
        i["sha256"] for i in items}


def test_a_file_that_fails_after_staging_some_rows_leaves_none_behind(landed: Settings, monkeypatch) -> None:
    from ingestion import staging

    items = {i["file_name"]: i for i in discover(landed, D1)}
    _disk_full_after_pages(monkeypatch)
    r = parse_file(landed, D1, items["good.txt"])
    assert (r["status"], r["stage"], r["error_type"]) == ("quarantined", "parse", "OSError")
    sha = items["good.txt"]["sha256"]
    assert staging.staged_files(landed.staging, "pages", D1) == []
    assert [p.stem for p in staging.staged_files(landed.staging, "quarantine", D1)] == [sha]
