{#
    Hooks and scopes of the event merge's incremental models (int_activity_events,
    fct_activities, mart_activities_by_region_type_day): what a batch recomputed
    is marked in int_activity_events (batch_start, batch_end); see
    macros/incremental.sql for the batch itself.
#}

{#
    Post-hook of int_activity_events: rows of mentions that a re-run of their
    date removed (the batch's new rows replaced the others by key).
#}
{% macro delete_vanished_mentions(mentions_relation) -%}
    {%- if is_batch() -%}
        delete from {{ this }}
        where
            {{ in_batch('run_date') }}
            and activity_mention_id not in (
                select activity_mention_id from {{ mentions_relation }}
                where {{ in_batch('run_date') }}
            )
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#
    Pre-hook of fct_activities: delete the events whose ids disappeared. An
    event's id is its first report's mention id, so every event the batch may
    have changed is named after a mention the events model recomputed, or
    after one of the batch's dates that a re-run removed (its run_date is the
    first report's).
#}
{% macro delete_disappeared_events(events_relation) -%}
    {%- set condition -%}
            (
                event_id in (
                    select activity_mention_id from {{ events_relation }}
                    where {{ in_batch_events() }}
                )
                or {{ in_batch('run_date') }}
            )
            and event_id not in (
                select event_id from {{ events_relation }}
                where {{ in_batch_events() }}
            )
    {%- endset -%}
    {{ batch_delete(condition) }}
{%- endmacro %}

{#
    Article dates (date_key) whose activity cells a batch changes: the dates
    its mentions have or had, and the dates of the mentions whose events were
    recomputed (an event merged or split elsewhere changes counts there).
#}
{% macro activity_days_in_batch(keys_relation, mentions_relation, events_relation) -%}
    select cast(key_value as integer) as date_key from {{ keys_relation }}
    where key_kind = 'activity_day' and {{ in_batch('run_date') }}
    union
    select recomputed_mentions.date_key from {{ mentions_relation }} as recomputed_mentions
    inner join {{ events_relation }} as recomputed_events
        on recomputed_mentions.activity_mention_id = recomputed_events.activity_mention_id
    where {{ in_batch_events('recomputed_events') }}
{%- endmacro %}
