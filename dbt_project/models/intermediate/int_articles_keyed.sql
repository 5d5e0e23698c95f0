{{ incremental_by_run_date() }}

with

articles as (

    select * from {{ ref('stg_articles') }}
    where {{ in_batch() }}

),

pages as (

    select * from {{ ref('stg_pages') }}
    where {{ in_batch() }}

),

primary_regions as (

    select
        article_id,
        region_code

    from {{ ref('int_article_regions_ranked') }}
    where is_primary and {{ in_batch() }}

),

-- Left joins: an article whose page or region is missing keeps its row and
-- falls back to the unknown members below.
joined as (

    select
        articles.article_id,
        articles.page_id,
        articles.run_date,
        pages.edition_date,
        -- the printed edition date is what analysts mean by "the day's paper";
        -- the landing date only stands in when the page does not say
        coalesce(pages.edition_date, articles.run_date) as article_date,
        -- the page (sidecar or banner) names the paper it was printed in
        coalesce(
            pages.newspaper_name, articles.newspaper_name
        ) as newspaper_name,
        primary_regions.region_code

    from articles
    left join pages
        on articles.page_id = pages.page_id
    left join primary_regions
        on articles.article_id = primary_regions.article_id

),

keyed as (

    select
        article_id,
        page_id,
        run_date,
        edition_date,
        article_date,
        newspaper_name,
        {{ to_date_key('article_date') }} as date_key,
        {{ newspaper_key('newspaper_name') }} as newspaper_key,
        coalesce(region_code, '-1') as region_key

    from joined

)

select * from keyed
