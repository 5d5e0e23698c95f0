{{ incremental_by_run_date() }}

with

activity_mentions as (

    select * from {{ ref('int_activity_mentions_deduplicated') }}
    where {{ in_batch() }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

activity_types as (

    select * from {{ ref('activity_types') }}

),

-- An activity mention inherits its article's date, newspaper and primary
-- region. The left join keeps mentions whose article is missing; their keys
-- fall back to the mention's own run date and the unknown members.
final as (

    select
        activity_mentions.activity_mention_id,
        activity_mentions.article_id,
        activity_mentions.page_id,
        activity_mentions.run_date,
        coalesce(
            articles_keyed.date_key,
            {{ to_date_key('activity_mentions.run_date') }}
        ) as date_key,
        coalesce(articles_keyed.newspaper_key, '-1') as newspaper_key,
        coalesce(articles_keyed.region_key, '-1') as region_key,
        activity_mentions.organization_key,
        coalesce(activity_types.activity_type, '-1') as activity_type_key,
        activity_mentions.activity_type,
        activity_mentions.organizer,
        activity_mentions.activity_name,
        activity_mentions.place,
        activity_mentions.quote,
        activity_mentions.char_start,
        activity_mentions.char_end,
        activity_mentions.duplicate_count

    from activity_mentions
    left join articles_keyed
        on activity_mentions.article_id = articles_keyed.article_id
    left join activity_types
        on activity_mentions.activity_type = activity_types.activity_type

)

select * from final
