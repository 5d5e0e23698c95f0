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


def benchmark_scorer():
    """The benchmark's own ``score.py`` (outside the repository), loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmark_score", BENCHMARK / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_pages(pages: list[Path], gold: Path, out: Path) -> dict:
    """Parse ``pages`` into benchmark JSON under ``out`` and score them against ``gold``; the overall result."""
    import json

    from ingestion.parsing.decode import decode_bytes
    from ingestion.parsing.page import parse_page, to_benchmark

    for path in pages:
        text = decode_bytes(path.read_bytes()).text
        doc = to_benchmark(parse_page(text), path.name, text)
        (out / f"{path.stem}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, result, _ = benchmark_scorer().score(out, gold)
    return result
