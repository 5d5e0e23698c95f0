{{ incremental_by_run_date() }}

with

mentions as (

    select * from {{ ref('stg_mentions') }}
    where {{ in_batch() }}

),

activities as (

    select * from {{ ref('stg_activities') }}
    where {{ in_batch() }}

),

gazetteer as (

    select * from {{ ref('stg_gazetteer') }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

-- Every organisation an article names: the parser's organisation mentions and
-- the organisers of its activities (an organiser is often only inferred from
-- the sentence, so it need not be a mention too).
organization_references as (

    select
        mention_id as reference_id,
        'mention' as reference_source,
        article_id,
        page_id,
        run_date,
        entity_name as name_as_written,
        org_type as parser_org_type,
        char_start,
        char_end

    from mentions
    where entity_type = 'organization'

    union all

    select
        activity_id as reference_id,
        'activity_organizer' as reference_source,
        article_id,
        page_id,
        run_date,
        organizer as name_as_written,
        cast(null as varchar) as parser_org_type,
        -- the organiser leads its quote in most sentences; the offsets are
        -- the quote's, not the name's
        char_start,
        char_end

    from activities
    where organizer is not null

),

-- Full-width forms to half-width, no spaces, no trailing 的 (市妇联的 → 市妇联).
normalized as (

    select
        *,
        nullif(
            regexp_replace({{ normalize_name('name_as_written') }}, '的+$', ''),
            ''
        ) as organization_name

    from organization_references

),

-- Regions the article names, with their printed forms, to find the one an
-- organisation's name starts with (焦作市残联, 武陟县司法局, 焦作水务集团 → 焦作市).
-- Only units the parser resolved in the same article qualify, so an ambiguous
-- short name (新华) resolves to the unit the article means.
article_regions as (

    select distinct
        mentions.article_id,
        gazetteer.region_code,
        gazetteer.region_name,
        gazetteer.short_name,
        gazetteer.level_depth

    from mentions
    inner join gazetteer
        on mentions.region_code = gazetteer.region_code
    where mentions.entity_type = 'region'

),

printed_region_candidates as (

    select
        normalized.reference_id,
        article_regions.region_code,
        row_number() over (
            partition by normalized.reference_id
            order by
                greatest(
                    case
                        when starts_with(normalized.organization_name, article_regions.region_name)
                            then length(article_regions.region_name)
                        else 0
                    end,
                    case
                        when
                            length(article_regions.short_name) >= 2
                            and starts_with(
                                normalized.organization_name, article_regions.short_name
                            )
                            then length(article_regions.short_name)
                        else 0
                    end
                ) desc,
                article_regions.level_depth desc,
                article_regions.region_code asc
        ) as candidate_rank

    from normalized
    inner join article_regions
        on normalized.article_id = article_regions.article_id
    where
        starts_with(normalized.organization_name, article_regions.region_name)
        or (
            length(article_regions.short_name) >= 2
            and starts_with(normalized.organization_name, article_regions.short_name)
        )

),

printed_regions as (

    select
        reference_id,
        region_code

    from printed_region_candidates
    where candidate_rank = 1

),

-- The article's primary region at each level, for names that do not print
-- their region (市妇联, 星河社区党支部). A county-level city directly under its
-- province (city_code = province_code) is its own city.
article_context as (

    select
        articles_keyed.article_id,
        gazetteer.province_code,
        case
            when gazetteer.level = 'city' then gazetteer.region_code
            when gazetteer.level = 'county' and gazetteer.city_code = gazetteer.province_code
                then gazetteer.region_code
            when gazetteer.level = 'county' then gazetteer.city_code
        end as city_code,
        case when gazetteer.level = 'county' then gazetteer.region_code end as county_code

    from articles_keyed
    inner join gazetteer
        on articles_keyed.region_key = gazetteer.region_code

),

-- Resolution order: the region printed at the start of the name; a name
-- starting 省 belongs to the article's province, one starting 区/县 to its
-- county; any other name to the article's city (a local paper's 市文明办 is
-- its own city's). Without any, the unknown region '-1'.
resolved as (

    select
        normalized.reference_id,
        normalized.reference_source,
        normalized.article_id,
        normalized.page_id,
        normalized.run_date,
        normalized.name_as_written,
        normalized.organization_name,
        coalesce(
            normalized.parser_org_type,
            {{ org_type_from_name('normalized.organization_name') }}
        ) as org_type,
        case
            when printed_regions.region_code is not null then 'printed'
            when
                starts_with(normalized.organization_name, '省')
                and article_context.province_code is not null
                then 'article_province'
            when
                regexp_matches(normalized.organization_name, '^[区县]')
                and article_context.county_code is not null
                then 'article_county'
            when coalesce(article_context.city_code, article_context.province_code) is not null
                then 'article_city'
            else 'unresolved'
        end as region_resolution,
        coalesce(
            printed_regions.region_code,
            case
                when starts_with(normalized.organization_name, '省')
                    then article_context.province_code
                when regexp_matches(normalized.organization_name, '^[区县]')
                    then article_context.county_code
            end,
            article_context.city_code,
            article_context.province_code,
            '-1'
        ) as region_key,
        normalized.char_start,
        normalized.char_end

    from normalized
    left join printed_regions
        on normalized.reference_id = printed_regions.reference_id
    left join article_context
        on normalized.article_id = article_context.article_id
    where normalized.organization_name is not null

),

final as (

    select
        reference_id,
        reference_source,
        article_id,
        page_id,
        run_date,
        name_as_written,
        organization_name,
        org_type,
        region_key,
        region_resolution,
        {{ organization_key('organization_name', 'region_key') }} as organization_key,
        char_start,
        char_end

    from resolved

)

select * from final
