with

activity_mentions as (

    select * from {{ ref('fct_activity_mentions') }}

),

events as (

    select * from {{ ref('int_activity_events') }}

),

-- Which event (fct_activities) each activity mention (fct_activity_mentions)
-- reports; the table form of fct_activities.activity_mention_ids.
final as (

    select
        activity_mentions.activity_mention_id,
        events.event_id,
        events.report_number,
        events.report_number = 1 as is_first_report

    from activity_mentions
    inner join events
        on activity_mentions.activity_mention_id = events.activity_mention_id

)

select * from final
