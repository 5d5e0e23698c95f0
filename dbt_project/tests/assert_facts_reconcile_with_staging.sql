-- Every staged article and metric is in its fact, once; every deduplicated
-- activity mention is in fct_activity_mentions and in exactly one event, and
-- each event counts the mentions the bridge maps to it. On a batch build the
-- check covers the batch's run dates and their events; on a full check,
-- everything.
with

batch_mentions as (

    select activity_mention_id
    from {{ ref('fct_activity_mentions') }}
    where {{ test_in_batch('run_date') }}

),

-- the events of the batch's mentions, and those first reported in the batch
batch_events as (

    select bridge.event_id
    from {{ ref('bridge_activity_mention') }} as bridge
    inner join batch_mentions
        on bridge.activity_mention_id = batch_mentions.activity_mention_id

    union

    select event_id
    from {{ ref('fct_activities') }}
    where {{ test_in_batch('run_date') }}

),

fact_rows as (

    select
        'fct_articles' as fact,
        count(*) as row_count
    from {{ ref('fct_articles') }}
    where {{ test_in_batch('run_date') }}

    union all

    select
        'fct_metrics' as fact,
        count(*) as row_count
    from {{ ref('fct_metrics') }}
    where {{ test_in_batch('run_date') }}

    union all

    select
        'fct_activity_mentions' as fact,
        count(*) as row_count
    from batch_mentions

    union all

    select
        'bridge_activity_mention' as fact,
        count(*) as row_count
    from {{ ref('bridge_activity_mention') }} as bridge
    inner join batch_mentions
        on bridge.activity_mention_id = batch_mentions.activity_mention_id

    union all

    select
        'fct_activities.mention_count' as fact,
        coalesce(sum(activities.mention_count), 0) as row_count
    from {{ ref('fct_activities') }} as activities
    inner join batch_events
        on activities.event_id = batch_events.event_id

),

expected_rows as (

    select
        'fct_articles' as fact,
        count(*) as row_count
    from {{ ref('stg_articles') }}
    where {{ test_in_batch('run_date') }}

    union all

    select
        'fct_metrics' as fact,
        count(*) as row_count
    from {{ ref('stg_metrics') }}
    where {{ test_in_batch('run_date') }}

    union all

    select
        'fct_activity_mentions' as fact,
        count(*) as row_count
    from {{ ref('int_activity_mentions_deduplicated') }}
    where {{ test_in_batch('run_date') }}

    union all

    select
        'bridge_activity_mention' as fact,
        count(*) as row_count
    from batch_mentions

    union all

    select
        'fct_activities.mention_count' as fact,
        count(*) as row_count
    from {{ ref('bridge_activity_mention') }} as bridge
    inner join batch_events
        on bridge.event_id = batch_events.event_id
    inner join {{ ref('fct_activity_mentions') }} as activity_mentions
        on bridge.activity_mention_id = activity_mentions.activity_mention_id

)

select
    expected_rows.fact,
    fact_rows.row_count as fact_row_count,
    expected_rows.row_count as expected_row_count

from expected_rows
left join fact_rows
    on expected_rows.fact = fact_rows.fact
where fact_rows.row_count is distinct from expected_rows.row_count
