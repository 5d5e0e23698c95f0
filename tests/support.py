"""Paths and helpers the tests import by name.

They live here rather than in ``conftest.py``: with a second ``conftest.py`` under
``tests/dbt/``, ``from conftest import …`` would find whichever of the two pytest
loaded last.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDW_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
BENCHMARK = SHARED / "benchmark"


def land(settings, run_date, files: list[Path]) -> Path:
    """Copy files into the landing folder of a run date."""
    folder = settings.landing / run_date.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder
