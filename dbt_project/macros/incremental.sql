{#
    Batches. A build works on a batch of run dates, run_date_start .. run_date_end
    (inclusive): a daily run is one date, a backfill one range. The batch comes
    from var('run_date') / var('run_date_end') when given on the command line,
    else from the NEWSDW_RUN_DATE / NEWSDW_RUN_DATE_END environment variables
    that ingestion.transform.dbt_build sets (the end defaults to the start). A
    --vars value that changes every run would make dbt re-parse the whole
    project on every run, while these variables are read only when executing
    (never while parsing), so partial parsing stays valid between runs.

    Without a batch (a plain `dbt build`), incremental models reprocess every
    date in place; on a first or --full-refresh build they are created from
    every date whatever the batch says.
#}

{% macro _batch_date(value, name) -%}
    {%- if value is none or (value | string | trim) == '' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set text = value | string | trim -%}
    {#- the value is inlined into SQL: accept an ISO date and nothing else -#}
    {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', text) -%}
        {{ exceptions.raise_compiler_error(name ~ " must be a date YYYY-MM-DD, got '" ~ text ~ "'") }}
    {%- endif -%}
    {{ return(text) }}
{%- endmacro %}

{% macro batch_start() -%}
    {%- set from_var = var('run_date', none) -%}
    {%- if from_var -%}
        {{ return(_batch_date(from_var, 'run_date')) }}
    {%- elif execute -%}
        {{ return(_batch_date(env_var('NEWSDW_RUN_DATE', ''), 'NEWSDW_RUN_DATE')) }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{% macro batch_end() -%}
    {%- set start = batch_start() -%}
    {%- if start is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if var('run_date', none) -%}
        {%- set end = _batch_date(var('run_date_end', none), 'run_date_end') or start -%}
    {%- else -%}
        {%- set end = _batch_date(env_var('NEWSDW_RUN_DATE_END', ''), 'NEWSDW_RUN_DATE_END') or start -%}
    {%- endif -%}
    {%- if end < start -%}
        {{ exceptions.raise_compiler_error("the batch ends (" ~ end ~ ") before it starts (" ~ start ~ ")") }}
    {%- endif -%}
    {{ return(end) }}
{%- endmacro %}

{# True when this model replaces only a batch: it exists, is not being rebuilt and a batch is given. #}
{% macro is_batch() -%}
    {{ return(is_incremental() and batch_start() is not none) }}
{%- endmacro %}

{# The batch as a SQL condition on a date column; `true` when the model reprocesses every date. #}
{% macro in_batch(column='run_date') -%}
    {%- if is_batch() -%}
        {{ column }} between cast('{{ batch_start() }}' as date) and cast('{{ batch_end() }}' as date)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#
    Pre-hook of a model replaced by run date: delete the batch's dates first
    (delete+insert alone only deletes dates present in the new rows, so a
    re-run whose date now has no rows would keep the old ones); without a
    batch, delete everything (every date is reprocessed). Several columns:
    a row goes when any of them lies in the batch (a pair of mentions).
#}
{% macro delete_batch(columns='run_date') -%}
    {%- set columns = [columns] if columns is string else columns -%}
    {%- set condition -%}
        {%- for column in columns %} {{ in_batch(column) }}{{ ' or' if not loop.last }}{% endfor %}
    {%- endset -%}
    {{ batch_delete(condition) }}
{%- endmacro %}

{#
    The shape every batch pre-hook shares: on a batch, delete the rows matching
    `condition` (which the model then recomputes); on a build without batch,
    delete everything (every date is reprocessed); on a first build, nothing.
#}
{% macro batch_delete(condition) -%}
    {%- if is_batch() -%}
        delete from {{ this }} where {{ condition }}
    {%- elif is_incremental() -%}
        delete from {{ this }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#
    Pre-hook of a model keyed on something other than the run date: delete the
    rows whose key is in the batch's scope (a subquery), which the model then
    recomputes; keys the batch no longer produces stay deleted. Without a
    batch, delete everything.
#}
{% macro delete_scope(column, scope_sql) -%}
    {{ batch_delete(column ~ ' in (' ~ scope_sql ~ ')') }}
{%- endmacro %}

{# Pre-hook of a model that reads its own previous rows on a batch: only a build without batch clears it. #}
{% macro delete_all_without_batch() -%}
    {%- if is_incremental() and not is_batch() -%}
        delete from {{ this }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#
    Config of a model replaced one batch of run dates at a time: incremental
    delete+insert keyed on run_date, failing on a schema change (contracts),
    with delete_batch as the pre-hook. Call it first in the model, where
    config() would go: {{ incremental_by_run_date() }}.
#}
{% macro incremental_by_run_date() -%}
    {{- config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='run_date',
        on_schema_change='fail',
        pre_hook="{{ delete_batch() }}"
    ) -}}
{%- endmacro %}

{#
    Keys a batch touches, from int_keys_by_run_date: every key of the kind that
    the batch's run dates carry now or carried before (a re-run that removed
    it). Pass the ref so that dbt sees the dependency while parsing.
#}
{% macro batch_keys(keys_relation, kind) -%}
    select key_value from {{ keys_relation }}
    where key_kind = '{{ kind }}' and {{ in_batch('run_date') }}
{%- endmacro %}

{# `column in (the batch's keys of kind)`, or `true` when every key is reprocessed. #}
{% macro in_batch_keys(column, keys_relation, kind) -%}
    {%- if is_batch() -%}
        {{ column }} in ({{ batch_keys(keys_relation, kind) }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#
    Rows of int_activity_events that this batch's build recomputed (the
    events whose mentions or membership may have changed): they carry the
    batch in batch_start / batch_end. Everything when there is no batch.
#}
{% macro in_batch_events(alias=none) -%}
    {%- set prefix = (alias ~ '.') if alias else '' -%}
    {%- if is_batch() -%}
        {{ prefix }}batch_start = cast('{{ batch_start() }}' as date)
        and {{ prefix }}batch_end = cast('{{ batch_end() }}' as date)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{# Keys of a kind that the batch's dates carried before a re-run and no longer carry. #}
{% macro removed_batch_keys(keys_relation, kind) -%}
    {{ batch_keys(keys_relation, kind) }} and not is_current
{%- endmacro %}

{#
    Pre-hook of dim_date: on a batch, remove the widened days that no date in
    int_keys_by_run_date needs any more (a re-run corrected a misread date).
#}
{% macro delete_days_outside_calendar(keys_relation) -%}
    {%- set outside_calendar -%}
        date_key != -1
        and (
            date_day < (
                select least(min(cast(key_value as date)), date '2000-01-01') from {{ keys_relation }}
                where key_kind = 'calendar_date' and is_current
            )
            or date_day > (
                select greatest(max(cast(key_value as date)), date '2035-12-31') from {{ keys_relation }}
                where key_kind = 'calendar_date' and is_current
            )
        )
    {%- endset -%}
    {{ batch_delete(outside_calendar) }}
{%- endmacro %}
