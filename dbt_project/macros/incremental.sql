{#
    Incremental facts are replaced one run date at a time (delete+insert with
    unique_key run_date). The run date comes from var('run_date') when given
    on the command line, else from the NEWSDW_RUN_DATE environment variable
    that ingestion.transform.dbt_build sets: a --vars value that changes every
    run would make dbt re-parse the whole project on every run, while the
    environment variable is read only when executing (not while parsing), so
    partial parsing stays valid. Both macros are no-ops on a first or
    --full-refresh build, and when no run date is given (then every date is
    reprocessed).
#}

{% macro incremental_run_date() -%}
    {%- set from_var = var('run_date', none) -%}
    {%- if from_var -%}
        {{ return(from_var) }}
    {%- elif execute -%}
        {{ return(env_var('NEWSDW_RUN_DATE', '') or none) }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{# The batch: only the run date's rows. #}
{% macro run_date_filter(column='run_date') -%}
    {%- set run_date = incremental_run_date() -%}
    {%- if is_incremental() and run_date -%}
        {{ column }} = cast('{{ run_date }}' as date)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#
    Pre-hook: delete+insert only deletes the dates present in the batch, so a
    re-run whose date now has no rows (every file quarantined, a parser that
    no longer finds any metric on the page) would leave the old rows behind.
    Deleting the run date first makes the re-run replace them with nothing.
#}
{% macro delete_run_date() -%}
    {%- set run_date = incremental_run_date() -%}
    {%- if is_incremental() and run_date -%}
        delete from {{ this }} where run_date = cast('{{ run_date }}' as date)
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#
    Config of a fact or bridge replaced one run date at a time: incremental
    delete+insert keyed on run_date, failing on a schema change (the contract
    is enforced), with delete_run_date as the pre-hook. Call it first in the
    model, where config() would go: {{ incremental_by_run_date() }}.
#}
{% macro incremental_by_run_date() -%}
    {{- config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='run_date',
        on_schema_change='fail',
        pre_hook="{{ delete_run_date() }}"
    ) -}}
{%- endmacro %}
