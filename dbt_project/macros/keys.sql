{#
    Surrogate keys of the name-resolved dimensions: md5 of the normalised name
    (and, for organisations, of the region that disambiguates it), so a key is
    stable across rebuilds, backfills and the incremental path without a lookup
    table; no name → the unknown member '-1'.
#}
{% macro person_key(name_expression) -%}
    coalesce(md5({{ name_expression }}), '-1')
{%- endmacro %}

{% macro organization_key(name_expression, region_key_expression) -%}
    coalesce(md5({{ name_expression }} || '|' || {{ region_key_expression }}), '-1')
{%- endmacro %}

{#
    Key of a row identified by several columns (bridges, metric series): md5
    of the values joined with '|', nulls as empty strings.
#}
{% macro composite_key(expressions) -%}
    md5(concat_ws('|'{% for expression in expressions %}, coalesce(cast({{ expression }} as varchar), ''){% endfor %}))
{%- endmacro %}
