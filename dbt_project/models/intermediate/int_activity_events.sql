{{ config(materialized='table') }}

with recursive

mentions as (

    select
        activity_mentions.activity_mention_id,
        articles_keyed.article_date

    from {{ ref('int_activity_mentions_deduplicated') }} as activity_mentions
    left join {{ ref('int_articles_keyed') }} as articles_keyed
        on activity_mentions.article_id = articles_keyed.article_id

),

same_activity_pairs as (

    select * from {{ ref('int_activity_mention_pairs') }}

),

edges as (

    select
        mention_a as from_mention,
        mention_b as to_mention

    from same_activity_pairs

    union

    select
        mention_b as from_mention,
        mention_a as to_mention

    from same_activity_pairs

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
        ) as report_number

    from components
    inner join mentions
        on components.activity_mention_id = mentions.activity_mention_id

)

select * from final
