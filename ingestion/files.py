"""Atomic file writes: the one mechanism every edge uses to publish a file (an I/O edge).

A reader (an analyst, a web server, a concurrent run) must never see half a file, so
every file is written to a temporary name in its target folder and put in place with
``os.replace``. Published files get the usual permissions (``0o644``, not
``mkstemp``'s private ``0o600``) so other users and a web server can read them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

PUBLIC_FILE_MODE = 0o644
PUBLIC_DIR_MODE = 0o755


def make_public_dirs(folder: Path) -> None:
    """Create ``folder`` and its missing parents with mode 0755, whatever the umask (existing ones are left as they are)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:  # created meanwhile by a concurrent writer
            continue
        os.chmod(path, PUBLIC_DIR_MODE)


@contextlib.contextmanager
def atomic_path(target: Path, mode: int = PUBLIC_FILE_MODE, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    Whatever writes to the yielded path (a library writing Parquet, a file copy) is
    fsynced (unless ``durable`` is false) and moved into place only when the block
    completes; on an exception the temporary file is removed and ``target`` is left as it was.
    """
    make_public_dirs(target.parent)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        move_into_place(tmp, target, mode, durable=durable)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def move_into_place(written: Path, target: Path, mode: int = PUBLIC_FILE_MODE, *, durable: bool = True) -> Path:
    """Make a finished file readable by others, fsync it and rename it to ``target`` atomically.

    ``written`` must be on ``target``'s file system (a scratch folder beside it). ``durable=False``
    skips the fsync, for files the pipeline can make again from what it keeps durably (staged
    rows, re-parsed from the raw store on a re-run): the rename still keeps readers from a half
    file, and a crash costs a re-run instead of an fsync per file.
    """
    make_public_dirs(target.parent)
    os.chmod(written, mode)
    if durable:
        with open(written, "rb+") as fh:
            os.fsync(fh.fileno())
    os.replace(written, target)
    return target


def atomic_write_bytes(target: Path, data: bytes, mode: int = PUBLIC_FILE_MODE) -> Path:
    """Write ``data`` to ``target`` atomically; return ``target``."""
    with atomic_path(target, mode) as tmp:
        tmp.write_bytes(data)
    return target


def atomic_write_text(target: Path, text: str, mode: int = PUBLIC_FILE_MODE) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically; return ``target``."""
    return atomic_write_bytes(target, text.encode("utf-8"), mode)
