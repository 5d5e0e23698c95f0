{{ incremental_by_run_date() }}

with

mentions as (

    select * from {{ ref('stg_mentions') }}
    where {{ in_batch() }}

),

gazetteer as (

    select * from {{ ref('stg_gazetteer') }}

),

-- Only mentions that resolve to a gazetteer unit can become an article's
-- region key; development zones and other units without a code (沧州高新区)
-- still count in fct_articles.region_count but are never primary.
region_mentions as (

    select
        mentions.mention_id,
        mentions.article_id,
        mentions.run_date,
        mentions.region_code,
        gazetteer.region_name,
        gazetteer.level,
        gazetteer.level_depth,
        mentions.is_inferred,
        mentions.char_start

    from mentions
    inner join gazetteer
        on mentions.region_code = gazetteer.region_code
    where mentions.entity_type = 'region'

),

-- Printed beats inferred, then the most specific level (county > city >
-- province), then the earliest mention; mention_id only breaks exact ties so
-- reruns pick the same row.
ranked as (

    select
        mention_id,
        article_id,
        run_date,
        region_code,
        region_name,
        level,
        level_depth,
        is_inferred,
        char_start,
        row_number() over (
            partition by article_id
            order by
                is_inferred asc,
                level_depth desc,
                char_start asc,
                mention_id asc
        ) as region_rank

    from region_mentions

),

final as (

    select
        mention_id,
        article_id,
        run_date,
        region_code,
        region_name,
        level,
        level_depth,
        is_inferred,
        char_start,
        region_rank,
        region_rank = 1 as is_primary

    from ranked

)

select * from final
