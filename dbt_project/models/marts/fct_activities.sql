with

activities as (

    select * from {{ ref('stg_activities') }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}

),

-- An activity inherits its article's date, newspaper and primary region.
-- The left join keeps activities whose article is missing; their keys fall
-- back to the activity's own run date and the unknown members.
final as (

    select
        activities.activity_id,
        activities.article_id,
        activities.page_id,
        activities.run_date,
        coalesce(
            articles_keyed.date_key,
            {{ to_date_key('activities.run_date') }}
        ) as date_key,
        coalesce(articles_keyed.newspaper_key, '-1') as newspaper_key,
        coalesce(articles_keyed.region_key, '-1') as region_key,
        activities.activity_type,
        activities.organizer,
        activities.activity_name,
        activities.place,
        activities.quote,
        activities.char_start,
        activities.char_end

    from activities
    left join articles_keyed
        on activities.article_id = articles_keyed.article_id

)

select * from final
