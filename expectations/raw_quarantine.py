"""Suite for ``raw.quarantine``: one row per landed file that could not be decoded or parsed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import WARNING, in_set, required, run_frame_query, table_expectations, table_suite
from ingestion.records import columns
from ingestion.warehouse_schema import required_columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.quarantine"
KEY = "quarantine_id"
REQUIRED = required_columns("quarantine")  # the record's fields that are not optional

# Stages at which pipeline.py quarantines a file (records.QuarantineRecord.stage).
STAGES = ("discover", "decode", "parse", "load")

QUERY = run_frame_query(TABLE, KEY, required=REQUIRED)


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema and key of the quarantine rows; every row tells where and why; any row is a warning."""
    e = gx.expectations
    return table_suite(
        gx,
        TABLE,
        [
            *table_expectations(gx, columns("quarantine"), KEY),
            required(gx, REQUIRED),
            in_set(gx, "stage", STAGES),
            e.ExpectTableRowCountToEqual(
                value=0,
                severity=WARNING,
                description="No file was quarantined. Each row names the file, the stage (decode, parse …) and "
                "the error; the bytes are kept in raw/ for a re-run once the parser handles them.",
            ),
        ],
    )
