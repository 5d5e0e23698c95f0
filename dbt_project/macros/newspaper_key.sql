{#
    Surrogate key of a newspaper: md5 of its name, so the key is stable across
    rebuilds and backfills without a lookup table; no name → unknown member.
#}
{% macro newspaper_key(name_expression) -%}
    coalesce(md5({{ name_expression }}), '-1')
{%- endmacro %}
