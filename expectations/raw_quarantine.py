"""Suite for ``raw.quarantine``: one row per landed file that could not be decoded or parsed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations import WARNING, in_set, not_null, suite_name, table_expectations
from ingestion.records import columns

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

TABLE = "raw.quarantine"

# Stages at which pipeline.py quarantines a file (records.QuarantineRecord.stage).
STAGES = ("discover", "decode", "parse", "load")

QUERY = """
with run as (
    select * from raw.quarantine where run_date = $run_date
),

key_rows as (
    select quarantine_id, count(*) as quarantine_id_rows_in_table
    from raw.quarantine
    where quarantine_id in (select quarantine_id from run)
    group by quarantine_id
)

select
    run.*,
    key_rows.quarantine_id_rows_in_table,
from run
left join key_rows on run.quarantine_id = key_rows.quarantine_id
"""


def build_suite(gx: Any) -> ExpectationSuite:
    """Schema and key of the quarantine rows; every row tells where and why; any row is a warning."""
    e = gx.expectations
    return gx.ExpectationSuite(
        name=suite_name(TABLE),
        meta={"table": TABLE},
        expectations=[
            *table_expectations(gx, columns("quarantine"), "quarantine_id"),
            *not_null(gx, ("page_id", "file_name", "raw_path", "stage", "error_type", "error_message")),
            in_set(gx, "stage", STAGES),
            e.ExpectTableRowCountToEqual(
                value=0,
                severity=WARNING,
                description="No file was quarantined. Each row names the file, the stage (decode, parse …) and "
                "the error; the bytes are kept in raw/ for a re-run once the parser handles them.",
            ),
        ],
    )
