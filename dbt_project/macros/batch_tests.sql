{#
    Tests of new rows. On a batch build the data tests check only what the
    batch built: a test's `where` config may name the batch with placeholders
    that are resolved here, when the test runs (dbt renders `where` while
    parsing, when the batch is not known; resolving it at run time keeps
    partial parsing valid, see macros/incremental.sql):

      __batch_start__, __batch_end__  the batch's first and last run date
      __batch_keys(kind)__            (subquery) keys of that kind the batch's run
                                      dates carry or carried (int_keys_by_run_date)
      __batch_events__                (subquery) event ids this build recomputed
                                      (int_activity_events)

    e.g. where: "run_date between __batch_start__ and __batch_end__". Without a
    batch, or with NEWSDW_FULL_CHECKS set (the weekly full build,
    dbt_build(full_checks=True)), a where with placeholders is dropped and the
    test checks the whole table. This overrides dbt's own get_where_subquery
    (the documented way to template `where`).
#}

{% macro full_checks() -%}
    {%- set flag = var('full_checks', false) or (execute and env_var('NEWSDW_FULL_CHECKS', '')) -%}
    {{ return((flag | string | lower) not in ('', 'false', '0', 'no', 'none')) }}
{%- endmacro %}

{# True when tests check the batch only: a batch is given and this is not a full check. #}
{% macro tests_on_batch() -%}
    {{ return(execute and batch_start() is not none and not full_checks()) }}
{%- endmacro %}

{# The relation a model of this project builds, by name, for tests that cannot ref() it. #}
{% macro model_relation(name) -%}
    {{ return(graph.nodes['model.' ~ project_name ~ '.' ~ name].relation_name) }}
{%- endmacro %}

{# A date column within the batch for singular tests; `true` on full checks. #}
{% macro test_in_batch(column='run_date') -%}
    {%- if tests_on_batch() -%}
        {{ column }} between cast('{{ batch_start() }}' as date) and cast('{{ batch_end() }}' as date)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{# Event ids this build recomputed, as a subquery (every event on full checks). #}
{% macro test_batch_events() -%}
    select event_id from {{ model_relation('int_activity_events') }}
    {%- if tests_on_batch() %}
    where batch_start = cast('{{ batch_start() }}' as date)
        and batch_end = cast('{{ batch_end() }}' as date)
    {%- endif %}
{%- endmacro %}

{% macro resolve_batch_placeholders(where) -%}
    {%- set start = "cast('" ~ batch_start() ~ "' as date)" -%}
    {%- set end = "cast('" ~ batch_end() ~ "' as date)" -%}
    {%- set resolved = where | replace('__batch_start__', start) | replace('__batch_end__', end) -%}
    {%- set resolved = resolved | replace('__batch_events__', '(' ~ test_batch_events() ~ ')') -%}
    {%- set keys -%}
        (select key_value from {{ model_relation('int_keys_by_run_date') }}
        where key_kind = '\1' and run_date between {{ start }} and {{ end }})
    {%- endset -%}
    {%- set resolved = modules.re.sub('__batch_keys\\((\\w+)\\)__', keys, resolved) -%}
    {{ return(resolved) }}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where and '__batch' in where -%}
        {%- if not tests_on_batch() -%}
            {% do return(relation) %}
        {%- endif -%}
        {%- set where = resolve_batch_placeholders(where) -%}
    {%- endif -%}
    {%- if where -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {% do return(filtered) %}
    {%- else -%}
        {% do return(relation) %}
    {%- endif -%}
{%- endmacro %}
