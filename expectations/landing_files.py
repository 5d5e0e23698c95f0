"""Suite for the run's landed files (the discover manifest): did the day's delivery arrive?

Not a warehouse table: the checkpoint exposes ``<staging>/_runs/<date>/discover.json`` as the
temporary view ``run_files``, one row per file found in the landing folder. It has rows even
when nothing was loaded, which is exactly when the freshness question matters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import CRITICAL, WARNING, in_set, not_null, table_suite

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "landing.files"

# status: new (handed to parse), duplicate (bytes ingested on an earlier date: skipped),
# quarantined (could not even be read at discover).
STATUSES = ("new", "duplicate", "quarantined")

QUERY = "select * from run_files"

COLUMNS = ("run_date", "file_name", "sha256", "status", "first_run_date", "first_file_name")


def build_suite(gx: Any) -> ExpectationSuite:
    """Freshness (files arrived), file vocabulary, and re-delivered files."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            e.ExpectTableRowCountToBeBetween(
                min_value=1,
                severity=CRITICAL,
                description="Freshness: the run date's files arrived (the discover manifest "
                "`_runs/{run date}/discover.json` in the staging folder exists and lists at least one file).",
            ),
            e.ExpectTableColumnsToMatchSet(
                column_set=list(COLUMNS),
                exact_match=False,
                severity=CRITICAL,
                description="Every expected column of the manifest view is present.",
            ),
            *not_null(gx, ("file_name", "status")),
            in_set(gx, "status", STATUSES),
            e.ExpectColumnValuesToNotBeInSet(
                column="status",
                value_set=["duplicate"],
                severity=WARNING,
                description="No landed file repeats bytes already ingested on another date (a re-delivery "
                "is skipped: its rows stay with the first date).",
            ),
        ],
    )
