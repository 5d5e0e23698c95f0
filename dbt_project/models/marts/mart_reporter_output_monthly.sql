{#
    Incremental by person and month: a batch recomputes the months of the
    people its dates credit or credited (int_keys_by_run_date); the pre-hook
    clears them first, so a month left without credits disappears.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='reporter_month_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('reporter_month_key', batch_keys(ref('int_keys_by_run_date'), 'reporter_month')) }}"
) }}

-- depends_on: {{ ref('int_keys_by_run_date') }}

with

credits as (

    select * from {{ ref('bridge_article_person') }}
    where {{ in_batch_keys('person_key', ref('int_keys_by_run_date'), 'person') }}

),

articles as (

    select * from {{ ref('fct_articles') }}
    where article_id in (select credits.article_id from credits)

),

dates as (

    select * from {{ ref('dim_date') }}

),

persons as (

    select * from {{ ref('dim_person') }}

),

newspapers as (

    select * from {{ ref('dim_newspaper') }}

),

credited_articles as (

    select
        credits.person_key,
        credits.role,
        credits.article_id,
        dates.month_start,
        dates.year_month,
        newspapers.newspaper_name

    from credits
    inner join articles
        on credits.article_id = articles.article_id
    inner join dates
        on articles.date_key = dates.date_key
    inner join newspapers
        on articles.newspaper_key = newspapers.newspaper_key

),

-- One row per credited person and month of the article date: how many
-- articles they are credited in, by role, and for which papers.
monthly as (

    select
        person_key,
        year_month,
        any_value(month_start) as month_start,
        count(distinct article_id) as article_count,
        count(distinct case when role = 'reporter' then article_id end) as reporter_article_count,
        count(distinct case when role = 'correspondent' then article_id end)
            as correspondent_article_count,
        count(distinct case when role = 'photographer' then article_id end)
            as photographer_article_count,
        list(distinct newspaper_name order by newspaper_name) as newspaper_names

    from credited_articles
    group by person_key, year_month

),

final as (

    select
        {{ composite_key(['monthly.person_key', 'monthly.year_month']) }} as reporter_month_key,
        monthly.person_key,
        persons.person_name,
        monthly.month_start,
        monthly.year_month,
        monthly.article_count,
        monthly.reporter_article_count,
        monthly.correspondent_article_count,
        monthly.photographer_article_count,
        monthly.newspaper_names

    from monthly
    inner join persons
        on monthly.person_key = persons.person_key
    where {{ in_batch_keys(
        composite_key(['monthly.person_key', 'monthly.year_month']),
        ref('int_keys_by_run_date'),
        'reporter_month'
    ) }}

)

select * from final
