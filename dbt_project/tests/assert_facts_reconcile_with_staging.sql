-- Every staged article and metric is in its fact, once; every deduplicated
-- activity mention is in fct_activity_mentions and in exactly one event.
with

fact_rows as (

    select
        'fct_articles' as fact,
        count(*) as row_count
    from {{ ref('fct_articles') }}

    union all

    select
        'fct_metrics' as fact,
        count(*) as row_count
    from {{ ref('fct_metrics') }}

    union all

    select
        'fct_activity_mentions' as fact,
        count(*) as row_count
    from {{ ref('fct_activity_mentions') }}

    union all

    select
        'fct_activities.mention_count' as fact,
        coalesce(sum(mention_count), 0) as row_count
    from {{ ref('fct_activities') }}

),

expected_rows as (

    select
        'fct_articles' as fact,
        count(*) as row_count
    from {{ ref('stg_articles') }}

    union all

    select
        'fct_metrics' as fact,
        count(*) as row_count
    from {{ ref('stg_metrics') }}

    union all

    select
        'fct_activity_mentions' as fact,
        count(*) as row_count
    from {{ ref('int_activity_mentions_deduplicated') }}

    union all

    select
        'fct_activities.mention_count' as fact,
        count(*) as row_count
    from {{ ref('fct_activity_mentions') }}

)

select
    expected_rows.fact,
    fact_rows.row_count as fact_row_count,
    expected_rows.row_count as expected_row_count

from expected_rows
left join fact_rows
    on expected_rows.fact = fact_rows.fact
where fact_rows.row_count is distinct from expected_rows.row_count
