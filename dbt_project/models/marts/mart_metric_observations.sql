{#
    Incremental by metric: a batch rewrites the metrics of its dates, and the
    metrics of organisations whose label it changed (dim_organization labels
    an organisation by all its references); the pre-hook deletes the metrics
    that a re-run of their date removed.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='metric_id',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('metric_id', removed_batch_keys(ref('int_keys_by_run_date'), 'metric')) }}"
) }}

-- depends_on: {{ ref('int_keys_by_run_date') }}

with

{% if is_batch() %}

relabelled as (

    select previous.metric_id
    from {{ this }} as previous
    inner join {{ ref('dim_organization') }} as organizations
        on previous.organization_key = organizations.organization_key
    where
        {{ in_batch_keys('previous.organization_key', ref('int_keys_by_run_date'), 'organization') }}
        and previous.organization_label is distinct from organizations.organization_label

),

{% endif %}

metrics as (

    select * from {{ ref('fct_metrics') }}
    {%- if is_batch() %}
        where {{ in_batch() }} or metric_id in (select relabelled.metric_id from relabelled)
    {%- endif %}

),

articles as (

    select * from {{ ref('fct_articles') }}
    where article_id in (select metrics.article_id from metrics)

),

dates as (

    select * from {{ ref('dim_date') }}

),

newspapers as (

    select * from {{ ref('dim_newspaper') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

organizations as (

    select * from {{ ref('dim_organization') }}

),

-- One row per quantity stated (the grain of fct_metrics) with every name an
-- analyst filters by: when, which paper and article, where, who, what.
final as (

    select
        metrics.metric_id,
        metrics.date_key,
        dates.date_day as report_date,
        dates.year_month,
        newspapers.newspaper_name,
        metrics.article_id,
        articles.title as article_title,
        metrics.region_key,
        regions.region_name,
        regions.county_name,
        regions.city_name,
        regions.province_name,
        metrics.organization_key,
        organizations.organization_label,
        metrics.subject,
        metrics.period,
        metrics.metric_kind,
        metrics.qualifier,
        metrics.value,
        metrics.value_low,
        metrics.value_high,
        metrics.unit,
        metrics.canonical_value,
        metrics.canonical_value_low,
        metrics.canonical_value_high,
        metrics.canonical_unit,
        metrics.quote

    from metrics
    inner join dates
        on metrics.date_key = dates.date_key
    inner join newspapers
        on metrics.newspaper_key = newspapers.newspaper_key
    inner join regions
        on metrics.region_key = regions.region_key
    inner join organizations
        on metrics.organization_key = organizations.organization_key
    left join articles
        on metrics.article_id = articles.article_id

)

select * from final
