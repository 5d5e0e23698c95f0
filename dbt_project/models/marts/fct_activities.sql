{#
    Incremental by event: a batch recomputes the events int_activity_events
    recomputed (it marks them with the batch), and the pre-hook deletes the
    events whose ids disappeared (merged into another or emptied by a re-run).
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='event_id',
    on_schema_change='fail',
    pre_hook="{{ delete_disappeared_events(ref('int_activity_events')) }}"
) }}

with

events as (

    select * from {{ ref('int_activity_events') }}
    where {{ in_batch_events() }}

),

activity_mentions as (

    select * from {{ ref('fct_activity_mentions') }}
    where activity_mention_id in (select events.activity_mention_id from events)

),

dates as (

    select * from {{ ref('dim_date') }}

),

reports as (

    select
        events.event_id,
        events.report_number,
        activity_mentions.*,
        dates.date_day as article_date

    from activity_mentions
    inner join events
        on activity_mentions.activity_mention_id = events.activity_mention_id
    left join dates
        on activity_mentions.date_key = dates.date_key

),

-- One row per real-world activity: the reports merged by the rule in
-- int_activity_events. Keys and wording come from the first report; a name,
-- place or organiser missing there is taken from the earliest report that has it.
merged as (

    select
        event_id,
        arg_min(article_id, report_number) as article_id,
        arg_min(run_date, report_number) as run_date,
        arg_min(date_key, report_number) as date_key,
        arg_min(newspaper_key, report_number) as newspaper_key,
        arg_min(region_key, report_number) as region_key,
        coalesce(
            arg_min(organization_key, report_number) filter (where organization_key != '-1'),
            '-1'
        ) as organization_key,
        arg_min(activity_type_key, report_number) as activity_type_key,
        arg_min(activity_type, report_number) as activity_type,
        arg_min(organizer, report_number) filter (where organizer is not null) as organizer,
        arg_min(activity_name, report_number)
        filter (where activity_name is not null) as activity_name,
        arg_min(place, report_number) filter (where place is not null) as place,
        arg_min(quote, report_number) as quote,
        min(article_date) as first_reported_date,
        max(article_date) as last_reported_date,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        count(distinct newspaper_key) as newspaper_count,
        list(activity_mention_id order by report_number) as activity_mention_ids,
        list(distinct article_id order by article_id) as article_ids

    from reports
    group by event_id

)

select * from merged
