{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='activity_mention_id',
    on_schema_change='fail',
    pre_hook="{{ delete_all_without_batch() }}",
    post_hook="{{ delete_vanished_mentions(ref('int_activity_mentions_deduplicated')) }}"
) }}

with recursive

same_activity_pairs as (

    select * from {{ ref('int_activity_mention_pairs') }}

),

{% if is_batch() %}

-- A batch changes the events its mentions belong to, before or after this
-- build, and nothing else: the events (as stored) that held a mention of the
-- batch's dates (a re-run may remove or change it) or that a new pair links to
-- one of the batch's mentions. Their mentions, with the batch's, are a union
-- of whole events of the new pairs, so recomputing the events there alone
-- gives the events of the whole history.
batch_mentions as (

    select activity_mention_id from {{ ref('int_activity_mentions_deduplicated') }}
    where {{ in_batch('run_date') }}

),

paired_with_batch as (

    select mention_b as activity_mention_id from same_activity_pairs
    where {{ in_batch('run_date_a') }}

    union

    select mention_a as activity_mention_id from same_activity_pairs
    where {{ in_batch('run_date_b') }}

),

touched_events as (

    select event_id from {{ this }}
    where {{ in_batch('run_date') }}

    union

    select previous.event_id from {{ this }} as previous
    inner join paired_with_batch
        on previous.activity_mention_id = paired_with_batch.activity_mention_id

),

affected as (

    select activity_mention_id from batch_mentions

    union

    select activity_mention_id from paired_with_batch

    union

    select previous.activity_mention_id from {{ this }} as previous
    inner join touched_events
        on previous.event_id = touched_events.event_id

),

{% endif %}

mentions as (

    select
        activity_mentions.activity_mention_id,
        activity_mentions.run_date,
        activity_mentions.article_date

    from {{ ref('int_activity_mentions_deduplicated') }} as activity_mentions
    {%- if is_batch() %}
        inner join affected
            on activity_mentions.activity_mention_id = affected.activity_mention_id
    {%- endif %}

),

edges as (

    select
        same_activity_pairs.mention_a as from_mention,
        same_activity_pairs.mention_b as to_mention

    from same_activity_pairs
    inner join mentions as mentions_a
        on same_activity_pairs.mention_a = mentions_a.activity_mention_id
    inner join mentions as mentions_b
        on same_activity_pairs.mention_b = mentions_b.activity_mention_id

    union

    select
        same_activity_pairs.mention_b as from_mention,
        same_activity_pairs.mention_a as to_mention

    from same_activity_pairs
    inner join mentions as mentions_a
        on same_activity_pairs.mention_a = mentions_a.activity_mention_id
    inner join mentions as mentions_b
        on same_activity_pairs.mention_b = mentions_b.activity_mention_id

),

-- Transitive closure: reports chained by pairwise matches are one activity
-- (A~B and B~C merge A, B and C even when A and C are further apart).
reachable (activity_mention_id, reachable_mention_id) as (

    select
        activity_mention_id,
        activity_mention_id as reachable_mention_id

    from mentions

    union

    select
        reachable.activity_mention_id,
        edges.to_mention as reachable_mention_id

    from reachable
    inner join edges
        on reachable.reachable_mention_id = edges.from_mention

),

components as (

    select
        activity_mention_id,
        min(reachable_mention_id) as component_id

    from reachable
    group by activity_mention_id

),

-- The event is named after its first report (earliest article date, then
-- mention id), which later reports never change unless they bridge two events.
final as (

    select
        components.activity_mention_id,
        first_value(components.activity_mention_id) over (
            partition by components.component_id
            order by mentions.article_date asc nulls last, components.activity_mention_id asc
        ) as event_id,
        row_number() over (
            partition by components.component_id
            order by mentions.article_date asc nulls last, components.activity_mention_id asc
        ) as report_number,
        mentions.run_date,
        mentions.article_date,
        {%- if is_batch() %}
            cast('{{ batch_start() }}' as date) as batch_start,
            cast('{{ batch_end() }}' as date) as batch_end
        {%- else %}
            cast(null as date) as batch_start,
            cast(null as date) as batch_end
        {%- endif %}

    from components
    inner join mentions
        on components.activity_mention_id = mentions.activity_mention_id

)

select * from final
