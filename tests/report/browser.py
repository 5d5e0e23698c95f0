"""Headless Chromium for report tests: a screenshot and the rendered DOM of a local page.

Chromium comes from Debian's ``chromium`` package (scripts/test.sh installs it). A missing
browser fails the test with the install command, on purpose: the report is meant for
people, so its rendering is part of what is tested.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
WINDOW = (1280, 2000)
TIMEOUT_S = 120


def chromium() -> str:
    """Path of the chromium executable; fails (not skips) when it is not installed."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise AssertionError(
            "chromium is not installed: run scripts/test.sh, or `apt-get update && apt-get install -y chromium`"
        )
    return exe


def _run(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def screenshot(page: Path, png: Path, profile: Path) -> Path:
    """Render ``page`` at 1280×2000 into ``png``."""
    proc = _run(page, profile, f"--screenshot={png}", f"--window-size={WINDOW[0]},{WINDOW[1]}")
    assert png.is_file(), f"chromium wrote no screenshot (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    return png


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after rendering, as HTML text."""
    proc = _run(page, profile, "--dump-dom")
    assert proc.returncode == 0 and proc.stdout, f"chromium --dump-dom failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
    return proc.stdout


def png_size(png: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = png.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
