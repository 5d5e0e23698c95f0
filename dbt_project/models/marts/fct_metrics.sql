with

metrics as (

    select * from {{ ref('stg_metrics') }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}

),

-- A metric inherits its article's date, newspaper and primary region.
-- The left join keeps metrics whose article is missing; their keys fall
-- back to the metric's own run date and the unknown members.
final as (

    select
        metrics.metric_id,
        metrics.article_id,
        metrics.page_id,
        metrics.run_date,
        coalesce(
            articles_keyed.date_key,
            {{ to_date_key('metrics.run_date') }}
        ) as date_key,
        coalesce(articles_keyed.newspaper_key, '-1') as newspaper_key,
        coalesce(articles_keyed.region_key, '-1') as region_key,
        metrics.value,
        metrics.value_low,
        metrics.value_high,
        metrics.unit,
        metrics.qualifier,
        metrics.metric_kind,
        metrics.subject,
        metrics.period,
        metrics.quote,
        metrics.char_start,
        metrics.char_end

    from metrics
    left join articles_keyed
        on metrics.article_id = articles_keyed.article_id

)

select * from final
