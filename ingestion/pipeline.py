"""The pipeline's steps, one function per DAG task; the CLI calls the same functions.

Each step takes the settings and the run date, does its I/O through the edge
modules and returns small JSON-able metadata (counts, paths), never the data.
"""

from __future__ import annotations

import json
import traceback
from datetime import UTC, date, datetime
from pathlib import Path

from ingestion import landing, staging
from ingestion.files import atomic_write_text
from ingestion.records import QuarantineRecord
from ingestion.settings import Settings


def run_folder(settings: Settings, run_date: date) -> Path:
    """Where a run date's manifests (discover, parse results) are kept."""
    return settings.staging / "_runs" / run_date.isoformat()


# A newspaper page is 10–50 KB of text; anything far larger is not one page, and parsing it
# would hold a parse worker for minutes. Such a file is quarantined with the reason.
MAX_PAGE_BYTES = 4 * 1024 * 1024
MAX_PAGE_CHARS = 1_000_000


def _quarantine(settings: Settings, run_date: date, *, sha: str, file_name: str, raw_path: str,
                stage: str, error: BaseException, detail: str | None = None) -> dict:
    """Stage a quarantine row for a file (the raw bytes stay in raw/); return its summary."""
    error_type = type(error).__name__
    message = str(error) if not detail or isinstance(error, ValueError) else f"{error}\n{detail}"
    record = QuarantineRecord(
        quarantine_id=f"{sha[:16]}-{stage}",
        run_date=run_date,
        page_id=sha,
        file_name=file_name,
        raw_path=raw_path,
        stage=stage,
        error_type=error_type,
        error_message=message[:2000] or error_type,
        quarantined_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    staging.write_rows(settings.staging, run_date, sha, {"quarantine": [record]})
    return {"file_name": file_name, "sha256": sha, "stage": stage, "error_type": error_type,
            "error": record.error_message, "raw_path": raw_path}


class FileTooLarge(ValueError):
    """A landed file far larger than a page."""


class NoText(ValueError):
    """A document with no visible text (an HTML page of scripts or images)."""


def discover(settings: Settings, run_date: date) -> list[dict]:
    """List the day's landed files, copy each into raw/, and return the ones to parse.

    Every entry of the landing folder ends in exactly one bucket of the manifest
    (``<staging>/_runs/<date>/discover.json``): ``to_parse``; ``duplicates`` (the same bytes
    as another file of this day, ``within_day``, or claimed by another run date); ``refused``
    (links out of the folder, unreadable files, folders: nothing was copied); or
    ``quarantined`` (copied, but discover failed on it). Sidecar problems never stop a file:
    the bad field is dropped with a warning. Re-running a date re-parses its own files.
    Clears the date's staging first. Nothing a file contains raises out of here.
    """
    staging.clear_run(settings.staging, run_date)
    folder = landing.day_folder(settings.landing, run_date)
    to_parse: list[dict] = []
    duplicates: list[dict] = []
    quarantined: list[dict] = []
    refused: list[dict] = []
    warnings: list[str] = []
    seen_here: dict[str, str] = {}  # sha256 → the first file of this day with those bytes
    entries = landing.scan_landed(folder)
    for entry in entries:
        if entry.refused:
            refused.append({"file_name": entry.name, "reason": entry.refused})
            continue
        try:
            sha, raw_path, size = landing.store_raw_file(entry.path, entry.name, settings.raw)
        except OSError as exc:
            refused.append({"file_name": entry.name, "reason": f"unreadable: {type(exc).__name__}: {exc.strerror or exc}"})
            continue
        try:
            meta, meta_warnings = landing.read_meta(entry.landed or folder / entry.name, run_date, folder)
            warnings.extend(meta_warnings)
            if sha in seen_here:
                duplicates.append({"file_name": entry.name, "sha256": sha, "within_day": True,
                                   "first_run_date": run_date.isoformat(), "first_file_name": seen_here[sha]})
                continue
            claimed = landing.claim(settings.raw, sha, entry.name, run_date)
            if claimed["first_run_date"] != run_date.isoformat():
                duplicates.append({"file_name": entry.name, "sha256": sha, "within_day": False,
                                   "first_run_date": claimed["first_run_date"],
                                   "first_file_name": claimed["first_file_name"]})
                continue
            seen_here[sha] = entry.name
            to_parse.append(landing.LandedFile(sha, entry.name, str(raw_path), size, meta).to_dict())
        except Exception as exc:  # the bytes are safe in raw/: quarantine the file, keep the day going
            quarantined.append(_quarantine(settings, run_date, sha=sha, file_name=entry.name, raw_path=str(raw_path),
                                           stage="discover", error=exc, detail=traceback.format_exc(limit=-3)))
    manifest = {
        "run_date": run_date.isoformat(),
        "landing_folder": str(folder),
        "landing_folder_exists": folder.is_dir(),
        "files_found": len(entries),
        "to_parse": [{k: f[k] for k in ("file_name", "sha256", "size_bytes")} for f in to_parse],
        "duplicates": duplicates,
        "quarantined": quarantined,
        "refused": refused,
        "warnings": warnings,
        "discovered_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    atomic_write_text(run_folder(settings, run_date) / "discover.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return to_parse


def parse_file(settings: Settings, run_date: date, item: dict) -> dict:
    """Decode and parse one stored file into staged Parquet (``parse_files`` of one file)."""
    return parse_files(settings, run_date, [item])[0]


def parse_files(settings: Settings, run_date: date, items: list[dict]) -> list[dict]:
    """Decode and parse stored files into staged Parquet; anything wrong with a file becomes a quarantine row.

    Returns per file ``{file_name, sha256, status: parsed | quarantined, ...}``: for a parsed
    file the encoding used (and ``encoding_note`` when a declared one was not), ``html`` and
    the row counts; for a quarantined one its ``stage`` and ``error``. Only a failure to
    write a quarantine row itself (a full disk) raises.

    The parsed files' rows are staged together, one Parquet file per table for the batch
    (named after the batch, ``staging.batch_name``): a Parquet file costs about 1.5 ms of
    CPU whatever its size, and a file per page and table was a fifth of a backfill's parse
    time and a dozen files per table for the load to open. A file is staged whole or not at
    all: one that fails contributes no rows, and when the batch cannot be written, none of
    it is staged and each of its files is quarantined with the reason.
    """
    results: list[dict] = []
    staged: list[tuple[dict, dict[str, list], str]] = []  # (result, rows, raw path) of the files parsed
    for item in items:
        name = str(item.get("file_name", "?"))
        sha = str(item.get("sha256") or "unknown")
        raw_path = str(item.get("raw_path") or "")
        result = {"file_name": name, "sha256": sha, "status": "parsed"}
        stage = "parse"
        try:
            f = landing.LandedFile.from_dict(item)
            stage = "decode"
            size = Path(f.raw_path).stat().st_size
            if size > MAX_PAGE_BYTES:
                raise FileTooLarge(f"file is {size / 1e6:.1f} MB; one page is at most {MAX_PAGE_BYTES / 1e6:.0f} MB "
                                   "(a newspaper page is 10-50 KB): not parsed")
            extra, rows = _parse_stored(run_date, f, Path(f.raw_path).read_bytes())
            result.update(extra)
            staged.append((result, rows, raw_path))
        except Exception as exc:  # bad bytes, a parser bug: quarantine the file, never fail the day
            result = _quarantined(settings, run_date, result, raw_path, getattr(exc, "stage", stage), exc)
        results.append(result)
    if staged:
        _stage_batch(settings, run_date, staged)
    return results


def _quarantined(settings: Settings, run_date: date, result: dict, raw_path: str, stage: str,
                 exc: BaseException) -> dict:
    detail = None if isinstance(exc, ValueError) else traceback.format_exc(limit=-3)
    q = _quarantine(settings, run_date, sha=result["sha256"], file_name=result["file_name"], raw_path=raw_path,
                    stage=stage, error=exc, detail=detail)
    return {"file_name": result["file_name"], "sha256": result["sha256"], "status": "quarantined", "stage": stage,
            "error_type": q["error_type"], "error": q["error"]}


def _stage_batch(settings: Settings, run_date: date, staged: list[tuple[dict, dict[str, list], str]]) -> None:
    """Write the parsed files' rows, one Parquet file per table; on failure quarantine every file of it."""
    name = staging.batch_name([result["sha256"] for result, _, _ in staged])
    rows: dict[str, list] = {}
    for _, file_rows, _ in staged:
        for table, records in file_rows.items():
            rows.setdefault(table, []).extend(records)
    try:
        staging.write_rows(settings.staging, run_date, name, rows)
    except Exception as exc:  # a full disk: the batch is staged whole or not at all
        staging.unstage(settings.staging, run_date, name)
        for result, _, raw_path in staged:
            quarantined = _quarantined(settings, run_date, result, raw_path, "parse", exc)
            result.clear()
            result.update(quarantined)


def _parse_stored(run_date: date, f: landing.LandedFile, data: bytes) -> tuple[dict, dict[str, list]]:
    """Decode (HTML → text) and parse one file into its rows; raise with a ``stage`` attribute on failure."""
    from ingestion.parsing.decode import decode_bytes
    from ingestion.parsing.html import html_to_text, looks_like_html
    from ingestion.parsing.model import PageMeta
    from ingestion.parsing.page import parse_page
    from ingestion.rows import page_rows

    decoded = decode_bytes(data, declared=f.meta.get("encoding"))
    text = decoded.text
    is_html = looks_like_html(text, f.file_name)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise NoText("an HTML page with no visible text (only markup, scripts or images)")
    if len(text) > MAX_PAGE_CHARS:
        raise FileTooLarge(f"{len(text):,} characters of text; one page is at most {MAX_PAGE_CHARS:,}: not parsed")
    try:
        meta = PageMeta(newspaper=f.meta.get("newspaper"), edition_date=f.meta.get("edition_date"),
                        page_number=f.meta.get("page_number"))
        page = parse_page(text, meta)
        if not page.articles:
            # A picture page, an advert or a headline alone holds no article by design; say which.
            why = f"a page of {page.no_article} only" if page.no_article else "no headline followed by a body"
            raise ValueError(f"no article found: {why}")
        rows = page_rows(page, text, page_id=f.sha256, run_date=run_date, file_name=f.file_name,
                         raw_path=f.raw_path, encoding=decoded.encoding, meta=f.meta)
    except Exception as exc:
        exc.stage = "parse"  # type: ignore[attr-defined]
        raise
    out: dict = {"encoding": decoded.encoding, "truncated": decoded.truncated, "html": is_html,
                 "rows": {table: len(records) for table, records in rows.items()}}
    if decoded.note:
        out["encoding_note"] = decoded.note
    return out, rows


PARSE_BATCH_ENV = "NEWSDW_PARSE_BATCH"
DEFAULT_PARSE_BATCH = 50


def batches(items: list[dict], size: int | None = None) -> list[list[dict]]:
    """The files to parse in batches of at most ``size`` (``NEWSDW_PARSE_BATCH``, default 50), one parse task each.

    A mapped task per file would cost Airflow's per-task overhead (seconds) for milliseconds
    of parsing, and a day of 1,600 files would pass Airflow's ``max_map_length`` (1,024).
    """
    import os

    size = size or int(os.environ.get(PARSE_BATCH_ENV) or DEFAULT_PARSE_BATCH)
    if not items:
        return []
    count = -(-len(items) // max(1, size))
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + base + (i < extra)
        out.append(items[start:end])
        start = end
    return out


def batch_label(batch: list[dict]) -> str:
    """How a parse batch is named in the Airflow UI: its size and first and last file."""
    if not batch:
        return "no files"
    names = [item.get("file_name", "?") for item in batch]
    return names[0] if len(names) == 1 else f"{len(names)} files: {names[0]} … {names[-1]}"


def load(settings: Settings, run_date: date) -> dict[str, int]:
    """Replace the run date's rows in the warehouse's raw tables with what was staged (no lock: tests)."""
    from ingestion.publish import note_changes
    from ingestion.warehouse import load_run

    note_changes(settings, [run_date])
    return load_run(settings.warehouse, settings.staging, run_date)


def transform(settings: Settings, run_date: date) -> dict:
    """Build the dbt project (staging views, marts, tests) on the warehouse (no lock: tests)."""
    from ingestion.transform import dbt_build

    return dbt_build(settings, run_date)


def build(settings: Settings, run_date: date, **kwargs) -> dict:
    """The writer chain for the run date: load, dbt build, validate, publish (``ingestion.chain.build``)."""
    from ingestion.chain import build as run_chain

    return run_chain(settings, run_date, **kwargs)


def report(settings: Settings, run_date: date, outcome: dict, index: bool = True,
           summaries: dict[str, dict] | None = None) -> dict:
    """Write the run summary (JSON + HTML) and the reports index; return its paths and verdict.

    Writer steps missing from ``outcome`` (the chain's task failed and returned nothing) are
    taken from the run date's recorded steps, with their errors.
    """
    from ingestion.chain import with_recorded_steps
    from ingestion.report import write_run_report

    return write_run_report(settings, run_date, with_recorded_steps(settings, run_date, outcome), index=index,
                            summaries=summaries)
