{#
    Integer yyyymmdd key of a date expression; null dates map to the unknown
    member (-1) so facts keep every row when joined to dim_date.
#}
{% macro to_date_key(date_expression) -%}
    coalesce(cast(strftime({{ date_expression }}, '%Y%m%d') as integer), -1)
{%- endmacro %}
