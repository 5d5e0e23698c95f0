{#
    Incremental by article date: a batch recomputes every cell of the dates
    its mentions have or had, and of the dates of mentions whose events it
    recomputed; the pre-hook clears those dates first.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='activity_day_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('date_key', activity_days_in_batch(
        ref('int_keys_by_run_date'), ref('fct_activity_mentions'), ref('int_activity_events'))) }}"
) }}

-- depends_on: {{ ref('int_keys_by_run_date') }}
-- depends_on: {{ ref('int_activity_events') }}

with

activity_mentions as (

    select * from {{ ref('fct_activity_mentions') }}
    {%- if is_batch() %}
        where date_key in ({{ activity_days_in_batch(
            ref('int_keys_by_run_date'), ref('fct_activity_mentions'), ref('int_activity_events')
        ) }})
    {%- endif %}

),

event_reports as (

    select * from {{ ref('bridge_activity_mention') }}

),

dates as (

    select * from {{ ref('dim_date') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

activity_types as (

    select * from {{ ref('dim_activity_type') }}

),

cells as (

    select
        activity_mentions.date_key,
        activity_mentions.region_key,
        activity_mentions.activity_type_key,
        count(*) as mention_count,
        count(distinct event_reports.event_id) as event_count,
        count(*) filter (where event_reports.is_first_report) as new_event_count,
        count(distinct activity_mentions.article_id) as article_count,
        count(distinct activity_mentions.newspaper_key) as newspaper_count

    from activity_mentions
    inner join event_reports
        on activity_mentions.activity_mention_id = event_reports.activity_mention_id
    group by
        activity_mentions.date_key,
        activity_mentions.region_key,
        activity_mentions.activity_type_key

),

-- One row per article date, primary region of the article and activity type
-- that has at least one activity mention, with names for analysts.
final as (

    select
        {{ composite_key(['cells.date_key', 'cells.region_key', 'cells.activity_type_key']) }}
            as activity_day_key,
        cells.date_key,
        dates.date_day,
        dates.year_month,
        cells.region_key,
        regions.region_name,
        regions.level as region_level,
        regions.county_name,
        regions.city_name,
        regions.province_name,
        cells.activity_type_key,
        activity_types.label_zh as activity_type_label,
        cells.mention_count,
        cells.event_count,
        cells.new_event_count,
        cells.article_count,
        cells.newspaper_count

    from cells
    inner join dates
        on cells.date_key = dates.date_key
    inner join regions
        on cells.region_key = regions.region_key
    inner join activity_types
        on cells.activity_type_key = activity_types.activity_type_key

)

select * from final
