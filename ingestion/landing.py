"""Landing folder and the content-addressed raw store (an I/O edge).

``<landing>/<YYYY-MM-DD>/*`` holds a day's files as delivered, each optionally with a
``<name>.meta.json`` sidecar. Every file is copied byte for byte to
``<raw>/<sha[:2]>/<sha><ext>`` before anything else can fail, and a ledger entry
``<raw>/_ledger/<sha>.json`` records the run date that first claimed it, so the
same bytes delivered again on another day are reported, not ingested twice.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ingestion.files import PUBLIC_FILE_MODE, atomic_write_bytes, atomic_write_text

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
    """Data files of a landing folder, sorted; sidecars, hidden files and refused entries (``scan_landed``) excluded."""
    return [entry.landed or folder / entry.name for entry in scan_landed(folder) if entry.refused is None]


@dataclass(frozen=True, slots=True)
class Entry:
    """One candidate data file of a landing folder: the path to read, or why it is refused."""

    name: str  # as shown and recorded: a name that is not valid UTF-8 gets U+FFFD for its bad bytes
    path: Path  # for a link inside the folder: the file it points to
    refused: str | None = None
    landed: Path | None = None  # the entry in the folder (its sidecar sits beside it)


def display_name(name: str) -> str:
    """A file name that can be written to JSON, Parquet and HTML (undecodable bytes become U+FFFD)."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:  # os.listdir's surrogate escapes for bytes that are not UTF-8
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def scan_landed(folder: Path) -> list[Entry]:
    """Every entry of a landing folder that stands for a delivered file, sorted by name.

    Symbolic links are resolved and must stay inside the folder: a link to a file outside
    is refused (its target is never read), as are broken links and anything that is not a
    regular file. A link to another file of the folder is read like a file (the copy is then
    a duplicate of the day). Sidecars and hidden files are not entries.
    """
    if not folder.is_dir():
        return []
    root = folder.resolve()
    out: list[Entry] = []
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        name = display_name(p.name)
        if name.startswith(".") or name.endswith(META_SUFFIX):
            continue
        if p.is_symlink():
            try:
                target = p.resolve(strict=True)
            except (OSError, RuntimeError) as exc:  # broken link, or a loop
                out.append(Entry(name, p, f"broken symbolic link ({type(exc).__name__})", p))
                continue
            if not _inside(target, root):
                shown = display_name(str(target))
                out.append(Entry(name, p, f"symbolic link to {shown}, outside the landing folder: not followed", p))
                continue
            if not target.is_file():
                out.append(Entry(name, p, "symbolic link to something that is not a regular file", p))
                continue
            out.append(Entry(name, target, None, p))
        elif p.is_file():
            out.append(Entry(name, p, None, p))
        else:
            kind = "a folder" if p.is_dir() else "not a regular file"
            out.append(Entry(name, p, f"{kind}, not a delivered file", p))
    return out


# ------------------------------------------------------------------ sidecars
META_FIELDS = ("newspaper", "edition_date", "page_number", "encoding")
MAX_SIDECAR_BYTES = 64 * 1024
MAX_NEWSPAPER_CHARS = 40
MAX_PAGE_NUMBER = 999
EARLIEST_EDITION = date(1900, 1, 1)
LATEST_EDITION_AHEAD = timedelta(days=366)  # papers print tomorrow's date; a year ahead is a typo
# Path separators, markup and quoting characters never belong in a paper's name.
_NAME_FORBIDDEN = re.compile(r"[/\\<>&\"'`{}|;$]|\.\.")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A sidecar field that was dropped, and why."""

    field: str
    value: str
    reason: str


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def validate_meta(data: dict, run_date: date | None = None) -> tuple[dict, list[Refusal]]:
    """Check a sidecar's fields (pure); return the accepted ones (as strings) and the refused ones.

    ``newspaper``: a name of 1..40 characters with a letter in it and no path, markup or
    control characters. ``page_number``: an integer 1..999 (a JSON number or a string of
    digits). ``edition_date``: a real ISO date (YYYY-MM-DD) from 1900 to a year after the run
    date. ``encoding``: one of the encodings ``decode_bytes`` reads. Other keys are ignored.
    """
    from ingestion.parsing.decode import SUPPORTED_ENCODINGS, canonical_encoding

    meta: dict[str, str] = {}
    refused: list[Refusal] = []

    def refuse(field: str, reason: str) -> None:
        refused.append(Refusal(field, _show(data[field]), reason))

    for field in META_FIELDS:
        if field not in data or data[field] is None:
            continue
        value = data[field]
        if field == "newspaper":
            if not isinstance(value, str):
                refuse(field, "not a string")
            elif not value.strip() or len(value.strip()) > MAX_NEWSPAPER_CHARS:
                refuse(field, f"empty or longer than {MAX_NEWSPAPER_CHARS} characters")
            elif _NAME_FORBIDDEN.search(value) or any(unicodedata.category(c)[0] == "C" for c in value):
                refuse(field, "contains path, markup or control characters")
            elif not any(unicodedata.category(c).startswith("L") for c in value):
                refuse(field, "has no letter")
            else:
                meta[field] = " ".join(value.split())
        elif field == "page_number":
            number = None
            if isinstance(value, int) and not isinstance(value, bool):
                number = value
            elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 4:
                number = int(value.strip())
            if number is None or not 1 <= number <= MAX_PAGE_NUMBER:
                refuse(field, f"not a whole number from 1 to {MAX_PAGE_NUMBER}")
            else:
                meta[field] = str(number)
        elif field == "edition_date":
            try:
                day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
            except ValueError:
                day = None
            latest = (run_date or date.today()) + LATEST_EDITION_AHEAD
            if day is None:
                refuse(field, "not a calendar date written YYYY-MM-DD")
            elif not EARLIEST_EDITION <= day <= latest:
                refuse(field, f"outside {EARLIEST_EDITION} .. {latest}")
            else:
                meta[field] = day.isoformat()
        elif field == "encoding":
            key = canonical_encoding(value)
            if key is None:
                refuse(field, f"not one of {', '.join(SUPPORTED_ENCODINGS)}")
            else:
                meta[field] = key
    return meta, refused


def read_meta(path: Path, run_date: date | None = None, folder: Path | None = None) -> tuple[dict, list[str]]:
    """The checked sidecar of a landed file, and one warning per problem (an unreadable sidecar, a refused field).

    A sidecar that is a link out of ``folder`` (default: the file's folder) is not read.
    Nothing in a sidecar raises: at worst the page loads without its metadata.
    """
    sidecar = path.with_name(path.name + META_SUFFIX)
    if not sidecar.exists() and not sidecar.is_symlink():
        return {}, []
    label = f"{display_name(path.name)}: sidecar {display_name(sidecar.name)}"
    try:
        root = (folder or path.parent).resolve()
        if not _inside(sidecar.resolve(strict=True), root):
            return {}, [f"{label} links outside the landing folder: not read"]
        with open(sidecar, "rb") as fh:
            raw = fh.read(MAX_SIDECAR_BYTES + 1)
        if len(raw) > MAX_SIDECAR_BYTES:
            return {}, [f"{label} is larger than {MAX_SIDECAR_BYTES // 1024} KiB: not read"]
        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, RuntimeError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return {}, [f"{label} unreadable: {type(exc).__name__}: {str(exc)[:200]}"]
    if not isinstance(data, dict):
        return {}, [f"{label} is not a JSON object"]
    meta, refused = validate_meta(data, run_date)
    return meta, [f"{label}: field {r.field} = {r.value} dropped: {r.reason}" for r in refused]


# ------------------------------------------------------------------ raw store
def store_raw(data: bytes, file_name: str, raw_root: Path) -> tuple[str, Path]:
    """Copy bytes into the content-addressed store (idempotent); return sha256 and path."""
    sha = hashlib.sha256(data).hexdigest()
    target = raw_root / sha[:2] / f"{sha}{_ext(file_name)}"
    if not target.exists():
        atomic_write_bytes(target, data)
    return sha, target


def _ext(file_name: str) -> str:
    ext = Path(file_name).suffix.lower()
    # The extension becomes part of a path in raw/: keep it short and plain.
    return ext if re.fullmatch(r"\.[a-z0-9]{1,10}", ext) else ".bin"


def store_raw_file(path: Path, file_name: str, raw_root: Path) -> tuple[str, Path, int]:
    """Copy a landed file into the store in chunks (memory stays flat for large files); return sha256, path, size.

    The file is opened without following a link (``O_NOFOLLOW``): ``scan_landed`` already
    resolved links, so a file swapped for a link (or a FIFO) since then is refused, not followed.
    """
    digest = hashlib.sha256()
    size = 0
    staging_dir = raw_root / "_incoming"
    staging_dir.mkdir(parents=True, exist_ok=True)
    # O_NONBLOCK: a file swapped for a FIFO must not hang discover (no effect on regular files).
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with os.fdopen(fd, "rb") as src, tempfile.NamedTemporaryFile(dir=staging_dir, delete=False) as tmp:
        try:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                tmp.write(chunk)
                size += len(chunk)
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    sha = digest.hexdigest()
    target = raw_root / sha[:2] / f"{sha}{_ext(file_name)}"
    if target.exists():
        Path(tmp.name).unlink(missing_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp.name, PUBLIC_FILE_MODE)
        os.replace(tmp.name, target)
    return sha, target, size


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
        try:
            found = json.loads(ledger.read_text(encoding="utf-8"))
            if isinstance(found, dict) and found.get("first_run_date") and found.get("first_file_name"):
                return found
        except (OSError, ValueError):
            pass
        # A ledger entry cut short (a crash between create and write) holds no claim: take it over.
        atomic_write_text(ledger, json.dumps(entry, ensure_ascii=False))
        return entry
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        os.fchmod(fh.fileno(), PUBLIC_FILE_MODE)  # whatever the umask, like every file the pipeline writes
        json.dump(entry, fh, ensure_ascii=False)
    return entry
