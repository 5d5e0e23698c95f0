"""dbt source freshness of the raw tables, outside the daily chain (the ``news_freshness`` DAG).

The raw tables carry no load timestamp, so ``_sources.yml`` measures a table's age by its
newest ``run_date`` (``loaded_at_field: cast(run_date as timestamp)``): warn after 2 days,
error after 4. The check runs after each warehouse update (the MARTS asset) and daily at
noon UTC, so a day without any load shows as stale even when no run happened at all. The
daily chain's cost stays flat: freshness never runs inside it.
"""

from __future__ import annotations

import json
from typing import Any

from ingestion.files import atomic_write_text
from ingestion.settings import Settings


def source_freshness(settings: Settings) -> dict[str, Any]:
    """Run ``dbt source freshness`` under the writer lock; write ``<reports>/freshness.json``; return it.

    Returns ``{"status": worst of pass/warn/error, "sources": [{source, status, max_loaded_at, age_hours}], ...}``.
    Raises RuntimeError when dbt could not check at all (no warehouse, a compile error): a stale
    source is a result, not an error.
    """
    from ingestion.locks import writer_lock
    from ingestion.transform import _dbt_dirs, _run_dbt

    target = _dbt_dirs(settings)[0]
    results = target / "sources.json"
    results.unlink(missing_ok=True)
    # dbt opens the warehouse; DuckDB allows no reader beside a writing process
    with writer_lock(settings.warehouse, "dbt source freshness"):
        completed = _run_dbt(settings, ["source", "freshness"])
    if not results.exists():
        tail = "\n".join((completed.stdout + completed.stderr).splitlines()[-30:])
        raise RuntimeError(f"dbt source freshness did not run (exit code {completed.returncode}):\n{tail}")
    rows = []
    for r in json.loads(results.read_text(encoding="utf-8"))["results"]:
        age = r.get("max_loaded_at_time_ago_in_s")
        rows.append({"source": r["unique_id"].removeprefix("source.newsdw."), "status": r["status"],
                     "max_loaded_at": r.get("max_loaded_at"), "age_hours": round(age / 3600, 1) if age is not None else None})
    order = ["pass", "warn", "error", "runtime error"]
    worst = max((r["status"] for r in rows), key=lambda s: order.index(s) if s in order else len(order), default="pass")
    summary = {"status": worst, "sources": rows, "exit_code": completed.returncode}
    atomic_write_text(settings.reports / "freshness.json", json.dumps(summary, indent=1) + "\n")
    return summary
