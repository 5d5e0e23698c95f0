"""Great Expectations suites for the news warehouse, defined in Python.

One module per validated table. Each exposes:

- ``TABLE``: the warehouse table it validates (``raw.pages``, ``marts.fct_metrics`` ...);
- ``QUERY``: DuckDB SQL returning the frame to validate for one run date (``$run_date``):
  the table's rows of that date plus derived columns the expectations need (flags such
  as ``is_change``, whole-table key counts, relationship checks) computed where SQL is
  cheap and clear;
- ``PARAMETERS`` (optional): suite-parameter name → scalar SQL, evaluated per run and passed
  to the checkpoint as ``expectation_parameters`` (row-count reconciliation);
- ``build_suite(gx)``: the expectation suite. The caller passes the imported
  ``great_expectations`` module in, so importing this package costs nothing (GX takes ~10 s
  to import and the DAG must not pay that at parse time).

``expectations.checkpoint.run_checkpoint`` registers the suites and runs them. Every
expectation carries GX's own ``severity``: ``critical`` fails the pipeline run, ``warning``
only reports.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

CRITICAL = "critical"
WARNING = "warning"

# Order of validation and of the report: raw first (what the parser produced), then marts.
SUITE_MODULES = (
    "raw_pages",
    "raw_articles",
    "raw_people",
    "raw_activities",
    "raw_metrics",
    "fct_articles",
    "fct_activities",
    "fct_metrics",
)

# A percent stated as a change (增长150%, 同比下降12个百分点) may leave 0–100; a level may not.
# Completion ratios (完成年度计划的115%, 超额完成) legitimately exceed 100 too, so they are
# exempt as well. Any word here only loosens the range check for the rows it matches.
CHANGE_WORDS = (
    "增长",
    "下降",
    "降幅",
    "增幅",
    "涨幅",
    "跌幅",
    "增速",
    "提高",
    "提升",
    "降低",
    "增加",
    "减少",
    "上升",
    "上涨",
    "下跌",
    "回落",
    "同比",
    "环比",
    "完成",
    "超额",
)

# DuckDB expression: does the metric's subject, period or quote say it is a change?
IS_CHANGE_SQL = "regexp_matches(concat_ws(' ', subject, period, quote), '" + "|".join(CHANGE_WORDS) + "')"

# Metric kinds whose values are magnitudes and can never be negative.
NON_NEGATIVE_KINDS = ("count", "money", "area", "length", "weight", "duration")


def suite_name(table: str) -> str:
    """GX name of a table's suite, validation definition, asset and checkpoint (``raw_pages``)."""
    return table.replace(".", "_").removeprefix("marts_")


def load_suite_modules() -> list[ModuleType]:
    """The suite modules, in validation order."""
    return [importlib.import_module(f"{__name__}.{name}") for name in SUITE_MODULES]


def table_expectations(gx: Any, columns: list[str] | tuple[str, ...], key: str) -> list[Any]:
    """Schema and primary key: columns present; key not null, unique in the run and in the table.

    The frame must carry ``<key>_rows_in_table``: how many rows of the whole table (all run
    dates) hold the key, so a re-load that failed to delete a date's rows is caught.
    """
    e = gx.expectations
    return [
        e.ExpectTableColumnsToMatchSet(
            column_set=list(columns),
            exact_match=False,
            severity=CRITICAL,
            description="Every expected column is present (extra columns are allowed).",
        ),
        e.ExpectColumnValuesToNotBeNull(
            column=key,
            severity=CRITICAL,
            description=f"Primary key `{key}` is never null.",
        ),
        e.ExpectColumnValuesToBeUnique(
            column=key,
            severity=CRITICAL,
            description=f"Primary key `{key}` is unique in the run.",
        ),
        e.ExpectColumnValuesToBeBetween(
            column=f"{key}_rows_in_table",
            min_value=1,
            max_value=1,
            severity=CRITICAL,
            description=f"Primary key `{key}` is unique across the whole table (all run dates).",
        ),
    ]


def not_null(gx: Any, columns: list[str] | tuple[str, ...], severity: str = CRITICAL) -> list[Any]:
    """One not-null expectation per column."""
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=column, severity=severity, description=f"`{column}` is never null."
        )
        for column in columns
    ]


def in_set(gx: Any, column: str, values: tuple[str, ...], severity: str = CRITICAL) -> Any:
    """A controlled vocabulary (nulls are left to the not-null expectations)."""
    return gx.expectations.ExpectColumnValuesToBeInSet(
        column=column,
        value_set=list(values),
        severity=severity,
        description=f"`{column}` is one of the vocabulary: {', '.join(values)}.",
    )


def is_true(gx: Any, column: str, description: str, severity: str = CRITICAL) -> Any:
    """A boolean flag computed in the frame's SQL must hold on every row."""
    return gx.expectations.ExpectColumnValuesToBeInSet(
        column=column, value_set=[True], severity=severity, description=description
    )


def span_expectations(gx: Any, check_quote: bool = True) -> list[Any]:
    """Character offsets point into the page: 0 <= char_start < char_end (and fit the quote)."""
    e = gx.expectations
    expectations = [
        e.ExpectColumnValuesToBeBetween(
            column="char_start",
            min_value=0,
            severity=CRITICAL,
            description="`char_start` is not negative.",
        ),
        e.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="char_end",
            column_B="char_start",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
            severity=CRITICAL,
            description="`char_start` < `char_end`: every span is non-empty.",
        ),
    ]
    if check_quote:
        expectations.append(
            is_true(
                gx,
                "span_fits_quote",
                "`char_end - char_start` equals the length of `quote` (page_text[char_start:char_end] == quote).",
            )
        )
    return expectations


def metric_value_expectations(gx: Any) -> list[Any]:
    """Ranges of a metric row: percent 0–100 unless a change, magnitudes >= 0, low <= value <= high.

    The frame must carry ``is_change`` (see ``IS_CHANGE_SQL``).
    """
    e = gx.expectations
    column = gx.expectations.row_conditions.Column
    # Column == False builds a GX row condition; `not column(...)` would not.
    is_level = column("is_change") == False  # noqa: E712
    return [
        e.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            max_value=100,
            row_condition=(column("metric_kind") == "percent") & is_level,
            severity=CRITICAL,
            description="A percent that is not a change (增长/下降/同比/… in subject, period or quote) "
            "lies between 0 and 100.",
        ),
        e.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            row_condition=column("metric_kind").is_in(NON_NEGATIVE_KINDS),
            severity=CRITICAL,
            description=f"Magnitudes ({', '.join(NON_NEGATIVE_KINDS)}) are not negative.",
        ),
        e.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value",
            column_B="value_low",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            severity=CRITICAL,
            description="`value_low` <= `value` when a range is stated.",
        ),
        e.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_high",
            column_B="value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            severity=CRITICAL,
            description="`value` <= `value_high` when a range is stated.",
        ),
    ]
