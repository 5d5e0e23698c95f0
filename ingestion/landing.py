"""Landing folder and the content-addressed raw store (an I/O edge).

``<landing>/<YYYY-MM-DD>/*`` holds a day's files as delivered, each optionally with a
``<name>.meta.json`` sidecar. Every file is copied byte for byte to
``<raw>/<sha[:2]>/<sha><ext>`` before anything else can fail, and a ledger entry
``<raw>/_ledger/<sha>.json`` records the run date that first claimed it, so the
same bytes delivered again on another day are reported, not ingested twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ingestion.files import atomic_write_bytes

META_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class LandedFile:
    """One landed file, stored in raw/, as handed to a parse task (small, JSON-able)."""

    sha256: str
    file_name: str
    raw_path: str
    size_bytes: int
    meta: dict

    def to_dict(self) -> dict:
        """Plain dict for XCom."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> LandedFile:
        """Inverse of ``to_dict``."""
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Duplicate:
    sha256: str
    file_name: str
    first_run_date: str
    first_file_name: str


def day_folder(landing: Path, run_date: date) -> Path:
    """Where a run date's files land."""
    return landing / run_date.isoformat()


def list_landed(folder: Path) -> list[Path]:
    """Data files of a landing folder, sorted; sidecars and hidden files excluded."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(META_SUFFIX)
    )


def read_meta(path: Path) -> tuple[dict, str | None]:
    """The sidecar of a landed file, and an error message if it exists but is unreadable."""
    sidecar = path.with_name(path.name + META_SUFFIX)
    if not sidecar.exists():
        return {}, None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {}, f"unreadable sidecar {sidecar.name}: {exc}"
    if not isinstance(data, dict):
        return {}, f"sidecar {sidecar.name} is not a JSON object"
    keep = ("newspaper", "edition_date", "page_number", "encoding")
    return {k: (str(data[k]) if data.get(k) is not None else None) for k in keep if k in data}, None


def store_raw(data: bytes, file_name: str, raw_root: Path) -> tuple[str, Path]:
    """Copy bytes into the content-addressed store (idempotent); return sha256 and path."""
    sha = hashlib.sha256(data).hexdigest()
    ext = Path(file_name).suffix.lower() or ".bin"
    target = raw_root / sha[:2] / f"{sha}{ext}"
    if not target.exists():
        atomic_write_bytes(target, data)
    return sha, target


def claim(raw_root: Path, sha: str, file_name: str, run_date: date) -> dict:
    """Record that ``run_date`` ingests these bytes, unless another date already did; return the ledger entry."""
    ledger = raw_root / "_ledger" / f"{sha}.json"
    ledger.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "sha256": sha,
        "first_run_date": run_date.isoformat(),
        "first_file_name": file_name,
        "claimed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        # O_EXCL makes the claim atomic when backfill runs of several dates race.
        fd = os.open(ledger, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return json.loads(ledger.read_text(encoding="utf-8"))
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(entry, fh, ensure_ascii=False)
    return entry
