with

articles as (

    select * from {{ ref('stg_articles') }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}

),

people as (

    select * from {{ ref('stg_people') }}

),

mentions as (

    select * from {{ ref('stg_mentions') }}

),

activities as (

    select * from {{ ref('stg_activities') }}

),

metrics as (

    select * from {{ ref('stg_metrics') }}

),

-- a reporter who also took the photo is one person
people_counts as (

    select
        article_id,
        count(distinct person_name) as people_count

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

activity_counts as (

    select
        article_id,
        count(*) as activity_count

    from activities
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
        articles.ordinal,
        articles.title,
        articles.subtitle,
        articles.section,
        articles.article_kind,
        articles.byline,
        coalesce(people_counts.people_count, 0) as people_count,
        coalesce(region_counts.region_count, 0) as region_count,
        coalesce(activity_counts.activity_count, 0) as activity_count,
        coalesce(metric_counts.metric_count, 0) as metric_count

    from articles
    -- one row per article by construction (int_articles_keyed is keyed on it)
    inner join articles_keyed
        on articles.article_id = articles_keyed.article_id
    left join people_counts
        on articles.article_id = people_counts.article_id
    left join region_counts
        on articles.article_id = region_counts.article_id
    left join activity_counts
        on articles.article_id = activity_counts.article_id
    left join metric_counts
        on articles.article_id = metric_counts.article_id

)

select * from final
