{#
    The keys each run date carries, for the models that are not replaced by
    run date (dimensions, events, analyst marts): on a batch they recompute
    the keys of the batch's dates, and a re-run of a date must also reach the
    keys its old rows carried, which the date's new rows no longer show. So
    the old keys of a re-run date stay here (is_current false) beside the new.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='run_date',
    on_schema_change='fail',
    pre_hook="{{ delete_all_without_batch() }}"
) }}

with

pages as (

    select * from {{ ref('stg_pages') }}
    where {{ in_batch() }}

),

articles as (

    select * from {{ ref('stg_articles') }}
    where {{ in_batch() }}

),

activities as (

    select * from {{ ref('stg_activities') }}
    where {{ in_batch() }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

people as (

    select * from {{ ref('int_people_keyed') }}
    where {{ in_batch() }}

),

organizations as (

    select * from {{ ref('int_organization_references') }}
    where {{ in_batch() }}

),

activity_mentions as (

    select * from {{ ref('int_activity_mentions_deduplicated') }}
    where {{ in_batch() }}

),

metrics as (

    select * from {{ ref('int_metrics_converted') }}
    where {{ in_batch() }}

),

-- Dates outside dim_date's fixed calendar (2000–2035) that a fact can take
-- its date_key from (dim_date widens to them).
observed_dates as (

    select
        run_date,
        edition_date as date_day
    from pages
    union all
    select
        run_date,
        run_date as date_day
    from pages
    union all
    select
        run_date,
        run_date as date_day
    from articles
    union all
    select
        run_date,
        run_date as date_day
    from activities
    union all
    select
        run_date,
        run_date as date_day
    from metrics

),

current_keys as (

    -- dim_newspaper: names on pages and articles
    select
        run_date,
        'newspaper' as key_kind,
        newspaper_name as key_value
    from pages
    where newspaper_name is not null

    union

    select
        run_date,
        'newspaper' as key_kind,
        newspaper_name as key_value
    from articles
    where newspaper_name is not null

    union

    -- dim_person, and the people mart_reporter_output_monthly counts
    select
        run_date,
        'person' as key_kind,
        person_key as key_value
    from people
    where person_key != '-1'

    union

    -- mart_reporter_output_monthly: person and month of the article
    select
        people.run_date,
        'reporter_month' as key_kind,
        {{ composite_key(['people.person_key', "strftime(articles_keyed.article_date, '%Y-%m')"]) }}
            as key_value
    from people
    inner join articles_keyed
        on people.article_id = articles_keyed.article_id
    where people.person_key != '-1'

    union

    -- dim_organization
    select
        run_date,
        'organization' as key_kind,
        organization_key as key_value
    from organizations

    union

    -- int_activity_events, bridge_activity_mention
    select
        run_date,
        'activity_mention' as key_kind,
        activity_mention_id as key_value
    from activity_mentions

    union

    -- mart_activities_by_region_type_day: the article dates of the mentions
    select
        run_date,
        'activity_day' as key_kind,
        cast({{ to_date_key('coalesce(article_date, run_date)') }} as varchar) as key_value
    from activity_mentions

    union

    -- mart_metric_observations
    select
        run_date,
        'metric' as key_kind,
        metric_id as key_value
    from metrics

    union

    -- mart_metric_latest: region (the article's), subject and measure unit
    select
        metrics.run_date,
        'metric_series' as key_kind,
        {{ composite_key([
            "coalesce(articles_keyed.region_key, '-1')",
            'metrics.subject',
            'coalesce(metrics.canonical_unit, metrics.unit)',
        ]) }} as key_value
    from metrics
    left join articles_keyed
        on metrics.article_id = articles_keyed.article_id
    where metrics.subject is not null

    union

    -- dim_date
    select
        run_date,
        'calendar_date' as key_kind,
        cast(date_day as varchar) as key_value
    from observed_dates
    where date_day < date '2000-01-01' or date_day > date '2035-12-31'

),

previous_keys as (

    {% if is_batch() %}
        select
            run_date,
            key_kind,
            key_value
        from {{ this }}
        where {{ in_batch() }}
    {% else %}
        select
            cast(null as date) as run_date,
            cast(null as varchar) as key_kind,
            cast(null as varchar) as key_value
        where false
    {% endif %}

),

final as (

    select
        run_date,
        key_kind,
        key_value,
        true as is_current

    from current_keys

    union all

    select
        previous_keys.run_date,
        previous_keys.key_kind,
        previous_keys.key_value,
        false as is_current

    from previous_keys
    anti join current_keys
        on
            previous_keys.run_date = current_keys.run_date
            and previous_keys.key_kind = current_keys.key_kind
            and previous_keys.key_value = current_keys.key_value

)

select * from final
