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
from ingestion.records import QuarantineRecord
from ingestion.settings import Settings


def run_folder(settings: Settings, run_date: date) -> Path:
    """Where a run date's manifests (discover, parse results) are kept."""
    return settings.staging / "_runs" / run_date.isoformat()


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
        error_message=message[:2000],
        quarantined_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    staging.write_rows(settings.staging, run_date, sha, {"quarantine": [record]})
    return {"file_name": file_name, "sha256": sha, "stage": stage, "error_type": error_type,
            "error": record.error_message}


def discover(settings: Settings, run_date: date) -> list[dict]:
    """List the day's landed files, copy each into raw/, and return the ones to parse.

    Files already claimed by another run date are reported as duplicates and skipped;
    re-running a date re-parses its own files. Clears the date's staging first.
    """
    staging.clear_run(settings.staging, run_date)
    folder = landing.day_folder(settings.landing, run_date)
    to_parse: list[dict] = []
    duplicates: list[dict] = []
    quarantined: list[dict] = []
    warnings: list[str] = []
    seen_here: set[str] = set()
    for path in landing.list_landed(folder):
        try:
            data = path.read_bytes()
        except OSError as exc:
            quarantined.append(_quarantine(settings, run_date, sha="unreadable-" + path.name, file_name=path.name,
                                           raw_path="", stage="discover", error=exc))
            continue
        sha, raw_path = landing.store_raw(data, path.name, settings.raw)
        meta, meta_error = landing.read_meta(path)
        if meta_error:
            warnings.append(meta_error)
        entry = landing.claim(settings.raw, sha, path.name, run_date)
        if entry["first_run_date"] != run_date.isoformat() or sha in seen_here:
            duplicates.append({"file_name": path.name, "sha256": sha, "first_run_date": entry["first_run_date"],
                               "first_file_name": entry["first_file_name"]})
            continue
        seen_here.add(sha)
        to_parse.append(landing.LandedFile(sha, path.name, str(raw_path), len(data), meta).to_dict())
    manifest = {
        "run_date": run_date.isoformat(),
        "landing_folder": str(folder),
        "landing_folder_exists": folder.is_dir(),
        "files_found": len(to_parse) + len(duplicates) + len(quarantined),
        "to_parse": [{k: f[k] for k in ("file_name", "sha256", "size_bytes")} for f in to_parse],
        "duplicates": duplicates,
        "quarantined": quarantined,
        "warnings": warnings,
        "discovered_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    out = run_folder(settings, run_date)
    out.mkdir(parents=True, exist_ok=True)
    (out / "discover.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return to_parse


def parse_file(settings: Settings, run_date: date, item: dict) -> dict:
    """Decode and parse one stored file into staged Parquet; bad input becomes a quarantine row."""
    from ingestion.parsing.decode import DecodeError, decode_bytes
    from ingestion.parsing.model import PageMeta
    from ingestion.parsing.page import parse_page
    from ingestion.rows import page_rows

    f = landing.LandedFile.from_dict(item)
    data = Path(f.raw_path).read_bytes()
    result = {"file_name": f.file_name, "sha256": f.sha256, "status": "parsed"}
    try:
        decoded = decode_bytes(data, declared=f.meta.get("encoding"))
    except DecodeError as exc:
        q = _quarantine(settings, run_date, sha=f.sha256, file_name=f.file_name, raw_path=f.raw_path,
                        stage="decode", error=exc)
        return {**result, "status": "quarantined", "stage": "decode", "error": q["error"]}
    try:
        meta = PageMeta(newspaper=f.meta.get("newspaper"), edition_date=f.meta.get("edition_date"),
                        page_number=f.meta.get("page_number"))
        page = parse_page(decoded.text, meta)
        if not page.articles:
            raise ValueError("no article found: no headline followed by a body")
        rows = page_rows(page, decoded.text, page_id=f.sha256, run_date=run_date, file_name=f.file_name,
                         raw_path=f.raw_path, encoding=decoded.encoding, meta=f.meta)
    except Exception as exc:  # a parser bug must quarantine the file, not stop the run
        q = _quarantine(settings, run_date, sha=f.sha256, file_name=f.file_name, raw_path=f.raw_path,
                        stage="parse", error=exc, detail=traceback.format_exc(limit=-3))
        return {**result, "status": "quarantined", "stage": "parse", "error": q["error"]}
    counts = staging.write_rows(settings.staging, run_date, f.sha256, rows)
    return {**result, "encoding": decoded.encoding, "truncated": decoded.truncated, "rows": counts}


def load(settings: Settings, run_date: date) -> dict[str, int]:
    """Replace the run date's rows in the warehouse's raw tables with what was staged."""
    from ingestion.warehouse import load_run

    return load_run(settings.warehouse, settings.staging, run_date)


def transform(settings: Settings, run_date: date) -> dict:
    """Build the dbt project (staging views, marts, tests) on the warehouse."""
    from ingestion.transform import dbt_build

    return dbt_build(settings, run_date)


def validate(settings: Settings, run_date: date) -> dict:
    """Run the Great Expectations checkpoint for the run date; writes Data Docs."""
    from ingestion.quality import validate as run_validation

    return run_validation(settings, run_date)


def report(settings: Settings, run_date: date, outcome: dict) -> dict:
    """Write the run summary (JSON + HTML) and the reports index; return its paths and verdict."""
    from ingestion.report import write_run_report

    return write_run_report(settings, run_date, outcome)
