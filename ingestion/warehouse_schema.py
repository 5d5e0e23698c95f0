"""DDL for the warehouse's ``raw`` schema, derived from the typed records.

The record dataclasses in ``ingestion.records`` are the single definition of the
raw tables: field names are column names and field types pick the DuckDB type.
The loader, the dbt integration tests and anyone rebuilding a warehouse create
the tables through ``create_raw_tables`` so they cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from typing import Any

from ingestion.records import TABLES

RAW_SCHEMA = "raw"

# Lookups are exact (not isinstance), so bool never falls through to BIGINT.
DUCKDB_TYPES: dict[type, str] = {
    str: "VARCHAR",
    bool: "BOOLEAN",
    int: "BIGINT",
    float: "DOUBLE",
    datetime.date: "DATE",
    datetime.datetime: "TIMESTAMP",
}

# Reference data, not parser output, so it has no record type.
GAZETTEER_DDL = f"""\
create table if not exists {RAW_SCHEMA}.gazetteer (
    region_code VARCHAR NOT NULL,
    region_name VARCHAR NOT NULL,
    short_name VARCHAR,
    level VARCHAR NOT NULL,
    parent_code VARCHAR,
    province_code VARCHAR NOT NULL,
    city_code VARCHAR
)"""

GAZETTEER_COLUMNS = (
    "region_code",
    "region_name",
    "short_name",
    "level",
    "parent_code",
    "province_code",
    "city_code",
)


def _column_type(annotation: Any) -> tuple[str, bool]:
    """DuckDB type of a field annotation and whether it accepts nulls."""
    nullable = False
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(annotation))
        if len(members) != 1:
            raise TypeError(f"unsupported union annotation: {annotation!r}")
        annotation = members[0]
    try:
        return DUCKDB_TYPES[annotation], nullable
    except KeyError:
        raise TypeError(f"no DuckDB type for annotation {annotation!r}") from None


def column_types(table: str) -> dict[str, str]:
    """Column name → DuckDB type (with ``NOT NULL`` for required fields) of a raw table."""
    record_type = TABLES[table]
    # records.py uses postponed annotations, so field.type is a string; resolve it.
    hints = typing.get_type_hints(record_type)
    result: dict[str, str] = {}
    for field in dataclasses.fields(record_type):
        duck_type, nullable = _column_type(hints[field.name])
        result[field.name] = duck_type if nullable else f"{duck_type} NOT NULL"
    return result


# The pipeline's own bookkeeping, not data (never published to analysts): what the
# warehouse's static dbt nodes were last built from (ingestion.warehouse.static_build_state).
PIPELINE_SCHEMA = "pipeline"
STATIC_BUILD_TABLE = f"{PIPELINE_SCHEMA}.dbt_static_build"
PIPELINE_DDL = (
    f"create schema if not exists {PIPELINE_SCHEMA}",
    f"create table if not exists {STATIC_BUILD_TABLE} (fingerprint VARCHAR NOT NULL, built_at TIMESTAMP NOT NULL)",
)



def required_columns(table: str) -> tuple[str, ...]:
    """The raw table's columns declared ``NOT NULL``: the record's fields that are not optional."""
    return tuple(name for name, duck_type in column_types(table).items() if duck_type.endswith(" NOT NULL"))

def table_ddl(table: str) -> str:
    """``create table if not exists`` statement for one raw table."""
    columns = ",\n".join(f"    {name} {duck_type}" for name, duck_type in column_types(table).items())
    return f"create table if not exists {RAW_SCHEMA}.{table} (\n{columns}\n)"


def raw_ddl() -> list[str]:
    """All statements that create the raw schema, its record tables and the gazetteer."""
    return [
        f"create schema if not exists {RAW_SCHEMA}",
        *(table_ddl(table) for table in TABLES),
        GAZETTEER_DDL,
    ]


def create_raw_tables(con: Any) -> None:
    """Create the ``raw`` schema and its tables on a DuckDB connection; existing tables are kept."""
    for statement in raw_ddl():
        con.execute(statement)
