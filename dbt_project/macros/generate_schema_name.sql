{#
    Use a model's custom schema verbatim (staging, intermediate, marts) instead
    of dbt's default "<target schema>_<custom schema>", so analysts query
    marts.fct_articles in every environment; models without one land in the
    target schema.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
