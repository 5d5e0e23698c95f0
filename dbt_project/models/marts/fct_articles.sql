{{ incremental_by_run_date() }}

with

articles as (

    select * from {{ ref('stg_articles') }}
    where {{ in_batch() }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

pages as (

    select * from {{ ref('stg_pages') }}
    where {{ in_batch() }}

),

people as (

    select * from {{ ref('int_people_keyed') }}
    where {{ in_batch() }}

),

mentions as (

    select * from {{ ref('stg_mentions') }}
    where {{ in_batch() }}

),

organizations as (

    select * from {{ ref('int_organization_references') }}
    where {{ in_batch() }}

),

activity_mentions as (

    select * from {{ ref('int_activity_mentions_deduplicated') }}
    where {{ in_batch() }}

),

metrics as (

    select * from {{ ref('stg_metrics') }}
    where {{ in_batch() }}

),

-- a reporter who also took the photo is one person
people_counts as (

    select
        article_id,
        count(distinct person_key) as people_count

    from people
    group by article_id

),

-- distinct regions, printed or inferred, with or without a gazetteer code
region_counts as (

    select
        article_id,
        count(distinct coalesce(region_code, entity_name)) as region_count

    from mentions
    where entity_type = 'region'
    group by article_id

),

organization_counts as (

    select
        article_id,
        count(distinct organization_key) as organization_count

    from organizations
    group by article_id

),

activity_counts as (

    select
        article_id,
        count(*) as activity_count

    from activity_mentions
    group by article_id

),

metric_counts as (

    select
        article_id,
        count(*) as metric_count

    from metrics
    group by article_id

),

final as (

    select
        articles.article_id,
        articles.page_id,
        articles.run_date,
        articles_keyed.date_key,
        articles_keyed.newspaper_key,
        articles_keyed.region_key,
        pages.page_number,
        articles.ordinal,
        articles.title,
        articles.subtitle,
        articles.kicker,
        articles.section,
        articles.article_kind,
        articles.byline,
        articles.dateline_place,
        articles.char_end - articles.char_start as char_count,
        coalesce(people_counts.people_count, 0) as people_count,
        coalesce(region_counts.region_count, 0) as region_count,
        coalesce(organization_counts.organization_count, 0) as organization_count,
        coalesce(activity_counts.activity_count, 0) as activity_count,
        coalesce(metric_counts.metric_count, 0) as metric_count

    from articles
    -- one row per article by construction (int_articles_keyed is keyed on it)
    inner join articles_keyed
        on articles.article_id = articles_keyed.article_id
    left join pages
        on articles.page_id = pages.page_id
    left join people_counts
        on articles.article_id = people_counts.article_id
    left join region_counts
        on articles.article_id = region_counts.article_id
    left join organization_counts
        on articles.article_id = organization_counts.article_id
    left join activity_counts
        on articles.article_id = activity_counts.article_id
    left join metric_counts
        on articles.article_id = metric_counts.article_id

)

select * from final
