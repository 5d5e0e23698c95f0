{#
    Incremental by series: a batch recomputes the series its dates' metrics
    belong to or belonged to (int_keys_by_run_date); the pre-hook clears them
    first, so a series left without observations disappears.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='metric_series_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('metric_series_key', batch_keys(ref('int_keys_by_run_date'), 'metric_series')) }}"
) }}

with

observations as (

    select * from {{ ref('mart_metric_observations') }}
    where {{ in_batch_keys(
        composite_key(['region_key', 'subject', 'coalesce(canonical_unit, unit)']),
        ref('int_keys_by_run_date'),
        'metric_series'
    ) }}

),

metrics as (

    select * from {{ ref('fct_metrics') }}
    where metric_id in (select observations.metric_id from observations)

),

-- A series is what one region reports about one subject in one unit: values
-- in the canonical unit where the unit converts (公里 and 米 are one series),
-- else in the unit as printed. Metrics without a subject form no series.
series_points as (

    select
        observations.region_key,
        observations.region_name,
        observations.city_name,
        observations.province_name,
        observations.subject,
        coalesce(observations.canonical_unit, observations.unit) as measure_unit,
        coalesce(observations.canonical_value, observations.value) as measure_value,
        observations.qualifier,
        observations.report_date,
        observations.newspaper_name,
        observations.quote,
        observations.metric_id,
        row_number() over (
            partition by
                observations.region_key,
                observations.subject,
                coalesce(observations.canonical_unit, observations.unit)
            order by
                observations.report_date desc nulls last,
                metrics.run_date desc,
                observations.metric_id desc
        ) as recency_rank

    from observations
    inner join metrics
        on observations.metric_id = metrics.metric_id
    where observations.subject is not null

),

series as (

    select
        region_key,
        subject,
        measure_unit,
        count(*) as observation_count,
        count(distinct measure_value) as distinct_value_count,
        min(report_date) as first_report_date

    from series_points
    group by region_key, subject, measure_unit

),

-- One row per series with its latest observation (latest report date, then
-- latest load, then metric id) and the one before it.
final as (

    select
        {{ composite_key(['latest.region_key', 'latest.subject', 'latest.measure_unit']) }}
            as metric_series_key,
        latest.region_key,
        latest.region_name,
        latest.city_name,
        latest.province_name,
        latest.subject,
        latest.measure_unit,
        series.observation_count,
        series.distinct_value_count,
        series.first_report_date,
        latest.report_date as latest_report_date,
        latest.metric_id as latest_metric_id,
        latest.measure_value as latest_value,
        latest.qualifier as latest_qualifier,
        latest.newspaper_name as latest_newspaper_name,
        latest.quote as latest_quote,
        previous.report_date as previous_report_date,
        previous.measure_value as previous_value,
        latest.measure_value - previous.measure_value as change_from_previous

    from series_points as latest
    inner join series
        on
            latest.region_key = series.region_key
            and latest.subject = series.subject
            and latest.measure_unit = series.measure_unit
    left join series_points as previous
        on
            latest.region_key = previous.region_key
            and latest.subject = previous.subject
            and latest.measure_unit = previous.measure_unit
            and previous.recency_rank = 2
    where latest.recency_rank = 1

)

select * from final
