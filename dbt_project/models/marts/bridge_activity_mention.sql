{#
    Incremental by mention: a batch rewrites the rows of the mentions whose
    events int_activity_events recomputed; the pre-hook deletes the rows of
    mentions that a re-run of their date removed.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='activity_mention_id',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('activity_mention_id', removed_batch_keys(ref('int_keys_by_run_date'), 'activity_mention')) }}"
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
