{{ incremental_by_run_date() }}

with

metrics as (

    select * from {{ ref('int_metrics_converted') }}
    where {{ in_batch() }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

organization_mentions as (

    select * from {{ ref('int_organization_references') }}
    where reference_source = 'mention' and {{ in_batch() }}

),

-- The organisation a quantity belongs to: the nearest organisation printed
-- before it in the same article, ending at most 30 characters before the
-- quantity starts (焦作市残联已新增绿化面积87653平方米). Further away, the
-- sentence has usually moved on, so the metric keeps the unknown member.
nearest_organization as (

    select
        metrics.metric_id,
        organization_mentions.organization_key,
        row_number() over (
            partition by metrics.metric_id
            order by organization_mentions.char_end desc, organization_mentions.reference_id asc
        ) as distance_rank

    from metrics
    inner join organization_mentions
        on
            metrics.article_id = organization_mentions.article_id
            and metrics.char_start >= organization_mentions.char_end
            and metrics.char_start - 30 <= organization_mentions.char_end

),

-- A metric inherits its article's date, newspaper and primary region. The
-- left join keeps metrics whose article is missing; their keys fall back to
-- the metric's own run date and the unknown members.
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
        coalesce(nearest_organization.organization_key, '-1') as organization_key,
        metrics.unit_key,
        metrics.value,
        metrics.value_low,
        metrics.value_high,
        metrics.unit,
        metrics.canonical_unit,
        metrics.canonical_value,
        metrics.canonical_value_low,
        metrics.canonical_value_high,
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
    left join nearest_organization
        on
            metrics.metric_id = nearest_organization.metric_id
            and nearest_organization.distance_rank = 1

)

select * from final
