{{ incremental_by_run_date() }}

with

mentions as (

    select * from {{ ref('stg_mentions') }}
    where {{ in_batch() }} and entity_type = 'region' and region_code is not null

),

gazetteer as (

    select * from {{ ref('stg_gazetteer') }}

),

primary_regions as (

    select * from {{ ref('int_article_regions_ranked') }}
    where is_primary and {{ in_batch() }}

),

-- One row per article and gazetteer unit it names, printed or inferred.
-- Units outside the gazetteer (development zones without a code) have no
-- region key and are left out; fct_articles.region_count still counts them.
article_regions as (

    select
        mentions.article_id,
        mentions.region_code as region_key,
        any_value(mentions.run_date) as run_date,
        count(*) as mention_count,
        bool_and(mentions.is_inferred) as is_inferred,
        min(mentions.char_start) as first_char_start

    from mentions
    inner join gazetteer
        on mentions.region_code = gazetteer.region_code
    group by mentions.article_id, mentions.region_code

),

final as (

    select
        {{ composite_key(['article_regions.article_id', 'article_regions.region_key']) }}
            as article_region_key,
        article_regions.article_id,
        article_regions.region_key,
        article_regions.run_date,
        primary_regions.region_code is not null as is_primary,
        article_regions.is_inferred,
        article_regions.mention_count,
        article_regions.first_char_start

    from article_regions
    left join primary_regions
        on
            article_regions.article_id = primary_regions.article_id
            and article_regions.region_key = primary_regions.region_code

)

select * from final
