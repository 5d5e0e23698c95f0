with

pages as (

    select * from {{ ref('stg_pages') }}

),

articles as (

    select * from {{ ref('stg_articles') }}

),

activities as (

    select * from {{ ref('stg_activities') }}

),

metrics as (

    select * from {{ ref('stg_metrics') }}

),

-- every date a fact can derive its date_key from
observed_dates as (

    select edition_date as date_day from pages
    union all
    select run_date as date_day from pages
    union all
    select run_date as date_day from articles
    union all
    select run_date as date_day from activities
    union all
    select run_date as date_day from metrics

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

    from spine

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
    union all
    select * from unknown_member

)

select * from final
