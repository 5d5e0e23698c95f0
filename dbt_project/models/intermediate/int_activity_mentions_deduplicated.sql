{{ incremental_by_run_date() }}

with

activities as (

    select * from {{ ref('stg_activities') }}
    where {{ in_batch() }}

),

organizers as (

    select * from {{ ref('int_organization_references') }}
    where reference_source = 'activity_organizer' and {{ in_batch() }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where {{ in_batch() }}

),

-- Text forms compared by the deduplication here and the event merge in
-- int_activity_events: normalised names, and the quote without spaces,
-- punctuation or symbols.
normalized_text as (

    select
        activities.activity_id as activity_mention_id,
        activities.article_id,
        activities.page_id,
        activities.run_date,
        -- the article's date and primary region, which the event merge compares
        -- (null when the article is missing)
        articles_keyed.article_date,
        articles_keyed.region_key,
        activities.activity_type,
        activities.organizer,
        organizers.organization_name as organizer_normalized,
        coalesce(organizers.organization_key, '-1') as organization_key,
        activities.activity_name,
        {{ normalize_name('activities.activity_name') }} as activity_name_normalized,
        activities.place,
        {{ normalize_name('activities.place') }} as place_normalized,
        activities.quote,
        regexp_replace(
            coalesce({{ normalize_name('activities.quote') }}, ''), '[\p{P}\p{S}]', '', 'g'
        ) as quote_normalized,
        activities.char_start,
        activities.char_end

    from activities
    left join organizers
        on activities.activity_id = organizers.reference_id
    left join articles_keyed
        on activities.article_id = articles_keyed.article_id

),

-- What the quote says besides who did it: a quote that is only the
-- organiser's name (a headline fragment) says nothing about the activity.
normalized as (

    select
        *,
        case
            when organizer_normalized is null then quote_normalized
            else replace(
                quote_normalized,
                regexp_replace(organizer_normalized, '[\p{P}\p{S}]', '', 'g'),
                ''
            )
        end as quote_content

    from normalized_text

),

-- Places the quote names besides its organiser, by the two characters before
-- a place word (到小河沿村观摩 → 河沿村): reports naming different places are
-- different activities even when the parser found no place.
with_places as (

    select
        *,
        list_sort(
            list_distinct(
                regexp_extract_all(quote_content, '\p{Han}{2}(?:社区|小区|街道|村|广场|公园)')
            )
        ) as quote_places

    from normalized

),

-- The same activity stated twice in one article (the same type read from
-- the same words, e.g. a paragraph the page repeats) is one mention: the
-- first occurrence stays and counts the copies.
ranked as (

    select
        *,
        row_number() over (
            partition by article_id, activity_type, quote_normalized
            order by char_start asc, activity_mention_id asc
        ) as occurrence,
        count(*) over (
            partition by article_id, activity_type, quote_normalized
        ) as duplicate_count

    from with_places

),

final as (

    select
        activity_mention_id,
        article_id,
        page_id,
        run_date,
        article_date,
        region_key,
        activity_type,
        organizer,
        organizer_normalized,
        organization_key,
        activity_name,
        activity_name_normalized,
        place,
        place_normalized,
        quote,
        quote_normalized,
        quote_content,
        quote_places,
        char_start,
        char_end,
        duplicate_count

    from ranked
    where occurrence = 1

)

select * from final
