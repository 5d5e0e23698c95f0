"""Great Expectations suites for the news warehouse, defined in Python.

One module per validated table. Each exposes:

- ``TABLE``: the warehouse table it validates (``raw.pages``, ``marts.fct_metrics`` ...);
- ``QUERY``: DuckDB SQL returning the frame to validate for one run date (``$run_date``):
  the table's rows of that date plus derived columns the expectations need (flags such
  as ``is_change``, whole-table key counts, relationship checks) computed where SQL is
  cheap and clear; a warehouse table's query is built with ``run_frame_query``;
- ``PARAMETERS`` (optional): suite-parameter name → scalar SQL, evaluated per run and passed
  to the checkpoint as ``expectation_parameters`` (row-count reconciliation, the volume band
  learned from earlier runs: see ``volume_parameters``);
- ``build_suite(gx)``: the expectation suite (``table_suite``). The caller passes the imported
  ``great_expectations`` module in, so importing this package costs nothing (GX takes ~10 s
  to import and the DAG must not pay that at parse time).

Besides the warehouse, a query can read the temporary view ``run_files``: one row per file
the run's discover step found (from ``<staging>/_runs/<date>/discover.json``; no rows when
the manifest is missing), so freshness can be checked even on a day that loaded nothing.

``expectations.checkpoint.run_checkpoint`` registers the suites and runs them. Every
expectation carries GX's own ``severity``: ``critical`` fails the pipeline run, ``warning``
only reports.
"""

from __future__ import annotations

import importlib
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any

CRITICAL = "critical"
WARNING = "warning"

# Order of validation and of the report: raw first (what the parser produced), then marts.
SUITE_MODULES = (
    "landing_files",
    "raw_pages",
    "raw_articles",
    "raw_people",
    "raw_mentions",
    "raw_activities",
    "raw_metrics",
    "raw_quarantine",
    "fct_articles",
    "fct_activity_mentions",
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
# A percent of a reference (为预算的108.4%, 相当于上年的120%, 是计划的1.5倍) is a ratio, not a
# level: it may exceed 100 like a change. Regular expressions over the same text.
RATIO_PATTERNS = (
    "(为|是|相当于|达到|占)[^，。；！？]{0,12}的[0-9０-９]",
    "预算",
    "计划",
)

IS_CHANGE_SQL = (
    "regexp_matches(concat_ws(' ', subject, period, quote), '" + "|".join((*CHANGE_WORDS, *RATIO_PATTERNS)) + "')"
)

# DuckDB expression over a frame's ``run`` rows: does the quote fill its span exactly? (see span_expectations)
SPAN_FITS_QUOTE_SQL = "coalesce(length(run.quote) = run.char_end - run.char_start, false)"

# Metric kinds whose values are magnitudes and can never be negative.
NON_NEGATIVE_KINDS = ("count", "money", "area", "length", "weight", "duration")

# Units the warehouse knows how to read, by kind. Kept here on purpose rather than imported
# from the parser: a unit the parser starts emitting shows up as a warning until someone
# decides what it means (and whether the marts convert it), instead of passing silently.
KNOWN_UNITS_BY_KIND: dict[str, tuple[str, ...]] = {
    "count": (
        "人", "人次", "人份", "名", "位", "户", "户次", "家", "个", "次", "场", "场次", "条", "处", "支", "栋",
        "幢", "座", "项", "件", "件次", "件套", "页", "所", "所次", "台", "台次", "辆", "辆次", "艘次", "份", "批", "批次",
        "期", "盏", "类", "棵", "株", "块", "套", "张", "张次", "本", "册", "篇", "部", "间", "片",
        "根", "种", "起", "例", "宗", "头", "只", "匹", "艘", "架", "架次", "幅", "面", "箱", "袋",
        "盒", "桶", "瓶", "双", "组", "轮", "单", "笔", "枚", "尊", "车次", "班次", "趟", "门", "口",
        "节", "堂", "课", "首", "封", "副", "届", "款", "对", "字", "列", "章", "步", "颗", "碗",
        "国", "省", "城", "道", "方面", "集",
    ),
    "money": (
        "元", "美元", "欧元", "港元", "日元", "英镑", "块钱", "澳门元", "新台币", "韩元", "澳元", "加元", "卢比",
        "卢布", "泰铢", "林吉特", "比索", "雷亚尔", "兰特", "法郎", "瑞郎", "迪拉姆", "里亚尔", "第纳尔", "坚戈",
        "先令", "奈拉", "越南盾", "索姆", "克朗", "里拉", "兹罗提", "福林", "列伊", "塔卡", "基普", "瑞尔", "缅元",
    ),
    "percent": ("%", "％", "个百分点", "百分点", "成", "个基点", "基点"),
    "area": ("平方米", "平方公里", "平方千米", "平米", "亩", "公顷", "㎡", "垧"),
    "length": ("公里", "千米", "米", "厘米", "毫米", "延米", "皮长公里", "芯公里", "芯千米"),
    "weight": ("吨", "公斤", "千克", "斤", "克"),
    "duration": (
        "年", "个月", "周", "个星期", "天", "个工作日", "工作日", "小时", "个小时", "分钟", "秒", "个年头",
        "课时", "学时", "个季度", "个昼夜", "昼夜",
    ),
    "other": (
        "倍", "立方米", "千瓦时", "千瓦", "兆瓦", "升", "毫升", "兆瓦时", "吉瓦", "千伏", "千牛", "牛顿", "马力",
        "千卡", "摄氏度", "℃", "级", "分贝", "标准箱", "标箱", "海里", "分", "吨公里", "人公里",
    ),
}
KNOWN_UNITS = tuple(unit for units in KNOWN_UNITS_BY_KIND.values() for unit in units)

# raw.mentions vocabularies (the parser's model documents them; records.py does not list them).
ENTITY_TYPES = ("region", "organization")
ORG_TYPES = ("government", "party", "mass_org", "company", "hospital", "school", "community", "other")

# Volume band: pages and articles per run are compared with the recent runs in the warehouse.
VOLUME_HISTORY_RUNS = 30  # at most this many earlier run dates
VOLUME_MIN_HISTORY = 3  # no band until this many earlier run dates exist
VOLUME_LOW_FACTOR = 0.5  # the band is at least [0.5 × median, 2 × median] ...
VOLUME_HIGH_FACTOR = 2.0
VOLUME_MADS = 3.0  # ... widened to median ± 3 × MAD (scaled to σ) when recent runs vary more
MAD_TO_SIGMA = 1.4826


def suite_name(table: str) -> str:
    """GX name of a table's suite, validation definition, asset and checkpoint (``raw_pages``)."""
    return table.replace(".", "_").removeprefix("marts_")


def load_suite_modules(names: tuple[str, ...] | list[str] | None = None) -> list[ModuleType]:
    """The suite modules (all of ``SUITE_MODULES`` unless ``names`` picks some), in validation order."""
    if names is not None and (unknown := set(names) - set(SUITE_MODULES)):
        raise ValueError(f"unknown suite modules: {sorted(unknown)}")
    return [
        importlib.import_module(f"{__name__}.{name}") for name in SUITE_MODULES if names is None or name in names
    ]


def _sql_block(sql: str, indent: str = "    ") -> str:
    """``sql`` stripped, its later lines re-indented under the first (for a readable query text).

    A block that starts on a new line keeps its lines' relative indentation; one that starts
    right after the quotes has its later lines aligned on the least indented of them.
    """
    if sql.startswith("\n"):
        first, _, rest = textwrap.dedent(sql).strip().partition("\n")
    else:
        first, _, rest = sql.strip().partition("\n")
        rest = textwrap.dedent(rest)
    return "\n".join([first, *(indent + line if line else line for line in rest.splitlines())])


def run_frame_query(
    table: str,
    key: str,
    columns: Sequence[str] = (),
    *,
    joined: Mapping[str, str] | None = None,
    run_where: str = "run_date between $run_date and $end_date",
    exclude: Sequence[str] = (),
    required: Sequence[str] = (),
) -> str:
    """A suite's ``QUERY`` over a warehouse table: the run's rows, keyed, plus derived ``columns``.

    The query reads the rows of ``table`` that match ``run_where`` (by default the run date's) as
    the CTE ``run`` and counts, in the CTE ``key_rows``, how many rows of the whole table hold each
    of their keys, as ``<key>_rows_in_table`` (what ``table_expectations`` checks). ``joined`` adds
    CTEs (name → query; they may read ``run``), each with at most one row per ``key``, left-joined
    to the run on the key. The frame is ``run.*`` (less the ``exclude`` columns), the key count,
    then ``columns``: SQL expressions with their aliases over ``run`` and the joined CTEs.
    With ``required``, the frame also carries ``required_sql``'s flag for those columns.
    """
    ctes = {
        "run": f"select * from {table} where {run_where}",
        "key_rows": f"""
            select {key}, count(*) as {key}_rows_in_table
            from {table}
            where {key} in (select {key} from run)
            group by {key}
        """,
        **(joined or {}),
    }
    if required:
        columns = [*columns, required_sql(table, required)]
    run_columns = f"run.* exclude ({', '.join(exclude)})" if exclude else "run.*"
    with_clause = ",\n\n".join(f"{name} as (\n    {_sql_block(body)}\n)" for name, body in ctes.items())
    select = "".join(f"    {_sql_block(c)},\n" for c in (run_columns, f"key_rows.{key}_rows_in_table", *columns))
    joins = "".join(f"left join {name} on run.{key} = {name}.{key}\n" for name in ctes if name != "run")
    return f"\nwith {with_clause}\n\nselect\n{select}from run\n{joins}"


def table_suite(gx: Any, table: str, expectations: Iterable[Any]) -> Any:
    """The expectation suite of ``table``, named ``suite_name(table)`` (what the checkpoint looks up)."""
    return gx.ExpectationSuite(name=suite_name(table), meta={"table": table}, expectations=list(expectations))


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


REQUIRED_FLAG = "required_columns_declared"


def required_sql(table: str, columns: Sequence[str]) -> str:
    """DuckDB flag ``required_columns_declared``: the table's definition declares every one of ``columns`` NOT NULL."""
    schema, _, name = table.partition(".")
    listed = ", ".join(f"'{column}'" for column in columns)
    return f"""(
        select count(*) = {len(set(columns))}
        from duckdb_columns()
        where database_name = current_database() and schema_name = '{schema}' and table_name = '{name}'
            and column_name in ({listed}) and not is_nullable
    ) as {REQUIRED_FLAG}"""


def required(gx: Any, columns: Sequence[str], severity: str = CRITICAL) -> Any:
    """Columns no row may lack, checked where it is enforced: the table declares them NOT NULL.

    A raw table's columns are NOT NULL when the record's field is not optional
    (``warehouse_schema``); a mart's, by its dbt contract. DuckDB refuses a row without them,
    so a per-column not-null expectation could never fail: one expectation (over the flag
    ``run_frame_query(..., required=columns)`` adds) checks instead that the definition still
    declares them, which is what a change of schema would break. Use ``not_null`` for a
    column the table leaves nullable.
    """
    names = ", ".join(f"`{column}`" for column in columns)
    return is_true(
        gx,
        REQUIRED_FLAG,
        f"{names} are declared NOT NULL by the table's definition, so no row lacks them.",
        severity,
    )


def not_null(gx: Any, columns: list[str] | tuple[str, ...], severity: str = CRITICAL) -> list[Any]:
    """One not-null expectation per column."""
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=column, severity=severity, description=f"`{column}` is never null."
        )
        for column in columns
    ]


def non_negative(gx: Any, columns: list[str] | tuple[str, ...], severity: str = CRITICAL) -> list[Any]:
    """One ``>= 0`` expectation per column."""
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=column, min_value=0, severity=severity, description=f"`{column}` is not negative."
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
    """Character offsets point into the page: 0 <= char_start < char_end (and fit the quote).

    With ``check_quote`` the frame must carry ``span_fits_quote`` (see ``SPAN_FITS_QUOTE_SQL``).
    """
    expectations = [
        *non_negative(gx, ("char_start",)),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
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


def volume_parameters(table: str, prefix: str) -> dict[str, str]:
    """Suite parameters of a volume band: rows per run date of ``table`` against earlier run dates.

    History is the row count of each of the last ``VOLUME_HISTORY_RUNS`` run dates before this
    one that have rows (a day that loaded nothing does not drag the band down). With ``m`` the
    median and ``d`` the median absolute deviation of those counts, the band is
    ``[min(0.5·m, m − 3·1.4826·d), max(2·m, m + 3·1.4826·d)]``, rounded outwards: the ratio band
    alone would be too tight for a paper whose size swings by weekday, and MAD alone collapses to
    a point when every earlier day had the same count. Until ``VOLUME_MIN_HISTORY`` earlier run
    dates exist both bounds are null, which GX reads as "no bound".

    Returns ``<prefix>_min``, ``<prefix>_max`` (used by the expectation), ``<prefix>_median`` and
    ``<prefix>_history_runs`` (shown in the run report).
    """
    stats = f"""
with history as (
    select run_date, count(*) as n
    from {table}
    where run_date < $run_date
    group by run_date
    order by run_date desc
    limit {VOLUME_HISTORY_RUNS}
),

stats as (
    select count(*) as runs, median(n)::double as m, mad(n::double) as d
    from history
)

select {{value}} from stats"""
    enough = f"runs >= {VOLUME_MIN_HISTORY}"
    spread = f"{VOLUME_MADS} * {MAD_TO_SIGMA} * d"
    low = f"greatest(0, floor(least({VOLUME_LOW_FACTOR} * m, m - {spread})))"
    high = f"ceil(greatest({VOLUME_HIGH_FACTOR} * m, m + {spread}))"
    return {
        f"{prefix}_min": stats.format(value=f"case when {enough} then {low}::bigint end"),
        f"{prefix}_max": stats.format(value=f"case when {enough} then {high}::bigint end"),
        f"{prefix}_median": stats.format(value="m"),
        f"{prefix}_history_runs": stats.format(value="runs"),
    }


def volume_expectation(gx: Any, prefix: str, what: str) -> Any:
    """Row count of the run within the band of ``volume_parameters(..., prefix)`` (a warning)."""
    return gx.expectations.ExpectTableRowCountToBeBetween(
        min_value={"$PARAMETER": f"{prefix}_min"},
        max_value={"$PARAMETER": f"{prefix}_max"},
        severity=WARNING,
        description=f"Volume: the number of {what} is within the band learned from the last "
        f"{VOLUME_HISTORY_RUNS} earlier run dates ({VOLUME_LOW_FACTOR:g}×–{VOLUME_HIGH_FACTOR:g}× their median, "
        f"or median ± {VOLUME_MADS:g} MAD if wider); no band before {VOLUME_MIN_HISTORY} earlier run dates exist.",
    )


def coverage(gx: Any, flag: str, share: float, what: str) -> Any:
    """Extraction coverage: at least ``share`` of the rows (news articles) have ``flag`` true (a warning).

    The flag is null on rows it does not apply to, and GX skips nulls, so a day without news
    articles passes rather than failing on an empty share.
    """
    return gx.expectations.ExpectColumnValuesToBeInSet(
        column=flag,
        value_set=[True],
        mostly=share,
        severity=WARNING,
        description=f"Extraction coverage: at least {share:.0%} of news articles {what}.",
    )


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
