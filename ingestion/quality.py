"""Data-quality edge: validate one run date with the Great Expectations suites in ``expectations/``.

``expectations/`` sits at the project root beside ``ingestion/`` and is not part of the
installed package, so it is imported from ``PROJECT_ROOT`` when not already importable.
Importing this module is cheap; GX is imported only when ``validate`` runs.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

from ingestion.settings import PROJECT_ROOT, Settings


def validate(settings: Settings, run_date: date) -> dict[str, Any]:
    """Run the GX checkpoint for ``run_date``; Data Docs go to ``<reports>/data_docs``.

    Returns the plain-JSON summary of ``expectations.checkpoint.run_checkpoint``; its
    ``success`` is false only when a critical expectation failed.
    """
    try:
        from expectations.checkpoint import run_checkpoint
    except ModuleNotFoundError as exc:
        if exc.name != "expectations":
            raise
        sys.path.insert(0, str(PROJECT_ROOT))
        from expectations.checkpoint import run_checkpoint

    return run_checkpoint(settings.warehouse, settings.gx_root, settings.reports / "data_docs", run_date)
