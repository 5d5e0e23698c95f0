{#
    Incremental by day: the fixed calendar (2000–2035) is built once; a batch
    only adds the days it widens the calendar to (dates outside it that a fact
    takes its date_key from, kept in int_keys_by_run_date), and the pre-hook
    removes widened days no date needs any more.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='date_key',
    on_schema_change='fail',
    pre_hook="{{ delete_days_outside_calendar(ref('int_keys_by_run_date')) }}"
) }}

with

-- every date a fact can derive its date_key from, where it lies outside the
-- fixed calendar (int_keys_by_run_date keeps the dates of pages, articles,
-- activities and metrics)
observed_dates as (

    select cast(key_value as date) as date_day
    from {{ ref('int_keys_by_run_date') }}
    where key_kind = 'calendar_date' and is_current

),

-- A fixed calendar (2000–2035) so analysts can join any date, widened when
-- the data holds dates outside it (a misread edition date must still join).
bounds as (

    select
        least(min(date_day), date '2000-01-01') as first_day,
        greatest(max(date_day), date '2035-12-31') as last_day

    from observed_dates

),

spine as (

    select unnest(generate_series(first_day, last_day, interval 1 day)) as day_at

    from bounds

),

days as (

    select day_at from spine
    {%- if is_batch() %}
        where day_at < date '2000-01-01' or day_at > date '2035-12-31'
    {%- endif %}

),

calendar as (

    select
        {{ to_date_key('cast(day_at as date)') }} as date_key,
        cast(day_at as date) as date_day,
        cast(year(day_at) as integer) as year,
        cast(month(day_at) as integer) as month,
        cast(dayofmonth(day_at) as integer) as day_of_month,
        cast(isodow(day_at) as integer) as day_of_week,
        cast(weekofyear(day_at) as integer) as iso_week,
        cast(isoyear(day_at) as integer) as iso_year,
        cast(quarter(day_at) as integer) as quarter,
        strftime(day_at, '%Y-%m') as year_month,
        cast(date_trunc('month', day_at) as date) as month_start,
        isodow(day_at) >= 6 as is_weekend

    from days

),

unknown_member as (

    select
        -1 as date_key,
        cast(null as date) as date_day,
        cast(null as integer) as year,
        cast(null as integer) as month,
        cast(null as integer) as day_of_month,
        cast(null as integer) as day_of_week,
        cast(null as integer) as iso_week,
        cast(null as integer) as iso_year,
        cast(null as integer) as quarter,
        '(unknown)' as year_month,
        cast(null as date) as month_start,
        cast(null as boolean) as is_weekend

),

final as (

    select * from calendar
    {%- if not is_batch() %}
        union all
        select * from unknown_member
    {%- endif %}

)

select * from final
