{%- set window_days = var('activity_merge_window_days') %}
{%- set min_similarity = var('activity_quote_similarity') %}
{#- Width of the date buckets the candidate joins hash on: two dates at most
    window_days apart lie in the same or in adjacent buckets. -#}
{%- set bucket_days = window_days + 1 %}

{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_batch(['run_date_a', 'run_date_b']) }}"
) }}

with

gazetteer as (

    select * from {{ ref('stg_gazetteer') }}

),

{% if is_batch() %}

-- The date buckets the batch's mentions may find partners in (see below).
batch_buckets as (

    select distinct
        (coalesce(article_date, run_date) - date '1970-01-01') // {{ bucket_days }}
        + bucket_shift.shift as window_bucket

    from {{ ref('int_activity_mentions_deduplicated') }}
    cross join (values (-1), (0), (1)) as bucket_shift (shift)
    where {{ in_batch('run_date') }}

),

{% endif %}

-- window_date places a mention in time: its article's date, else (the article
-- is missing) its run date, so that clauses of one article always share it.
-- On a batch, only the mentions of the batch's date buckets: the
-- neighbourhood of the batch, not the history.
mentions as (

    select
        activity_mentions.*,
        gazetteer.province_code,
        gazetteer.city_code,
        coalesce(activity_mentions.article_date, activity_mentions.run_date) as window_date,
        (coalesce(activity_mentions.article_date, activity_mentions.run_date) - date '1970-01-01')
        // {{ bucket_days }} as window_bucket

    from {{ ref('int_activity_mentions_deduplicated') }} as activity_mentions
    left join gazetteer
        on activity_mentions.region_key = gazetteer.region_code
    {%- if is_batch() %}
        where
            (coalesce(activity_mentions.article_date, activity_mentions.run_date) - date '1970-01-01')
            // {{ bucket_days }} in (select batch_buckets.window_bucket from batch_buckets)
    {%- endif %}

),

-- The batch's mentions (every mention when the whole history is built), each
-- once per bucket a partner may lie in.
batch_mentions as (

    select
        mentions.activity_mention_id,
        mentions.activity_type,
        mentions.organization_key,
        mentions.activity_name_normalized,
        mentions.quote_content,
        mentions.window_date,
        mentions.window_bucket + bucket_shift.shift as partner_bucket

    from mentions
    cross join (values (-1), (0), (1)) as bucket_shift (shift)
    where {{ in_batch('mentions.run_date') }}

),

-- Candidate pairs: a mention of the batch and a mention of any date, of the
-- same type and at most {{ window_days }} days apart, that share the organiser
-- (resolved organisation key), the activity's own name or the quote's wording.
-- The date window is part of each join (hashed on the date bucket, then the
-- exact band), so a date is compared with its neighbourhood only, never with
-- the whole history. Three equi-joins rather than one join with OR keep these
-- hash joins. Pairs are ordered (a < b); the rules below are symmetric.
candidate_pairs as (

    select
        least(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_a,
        greatest(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_b

    from batch_mentions
    inner join mentions
        on
            batch_mentions.activity_type = mentions.activity_type
            and batch_mentions.organization_key = mentions.organization_key
            and batch_mentions.partner_bucket = mentions.window_bucket
            and mentions.window_date between batch_mentions.window_date - {{ window_days }}
            and batch_mentions.window_date + {{ window_days }}
            and batch_mentions.activity_mention_id != mentions.activity_mention_id
    where batch_mentions.organization_key != '-1'

    union

    select
        least(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_a,
        greatest(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_b

    from batch_mentions
    inner join mentions
        on
            batch_mentions.activity_type = mentions.activity_type
            and batch_mentions.activity_name_normalized = mentions.activity_name_normalized
            and batch_mentions.partner_bucket = mentions.window_bucket
            and mentions.window_date between batch_mentions.window_date - {{ window_days }}
            and batch_mentions.window_date + {{ window_days }}
            and batch_mentions.activity_mention_id != mentions.activity_mention_id

    union

    select
        least(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_a,
        greatest(batch_mentions.activity_mention_id, mentions.activity_mention_id) as mention_b

    from batch_mentions
    inner join mentions
        on
            batch_mentions.activity_type = mentions.activity_type
            and batch_mentions.quote_content = mentions.quote_content
            and batch_mentions.partner_bucket = mentions.window_bucket
            and mentions.window_date between batch_mentions.window_date - {{ window_days }}
            and batch_mentions.window_date + {{ window_days }}
            and batch_mentions.activity_mention_id != mentions.activity_mention_id
    where length(batch_mentions.quote_content) >= 12

),

compared as (

    select
        candidate_pairs.mention_a,
        candidate_pairs.mention_b,
        a.run_date as run_date_a,
        b.run_date as run_date_b,
        a.article_id != b.article_id as is_cross_report,
        abs(date_diff('day', a.article_date, b.article_date)) as days_apart,
        a.organization_key != '-1' and a.organization_key = b.organization_key as is_same_organizer,
        a.organization_key != '-1'
        and b.organization_key != '-1'
        and a.organization_key != b.organization_key as is_organizer_conflict,
        a.activity_name_normalized = b.activity_name_normalized as is_same_name,
        coalesce(
            a.activity_name_normalized != b.activity_name_normalized, false
        ) as is_name_conflict,
        a.place_normalized = b.place_normalized as is_same_place,
        coalesce(a.place_normalized != b.place_normalized, false)
        or coalesce(
            len(a.quote_places) > 0
            and len(b.quote_places) > 0
            and len(list_intersect(a.quote_places, b.quote_places)) = 0,
            false
        ) as is_place_conflict,
        -- the articles' primary regions lie in different provinces or cities
        coalesce(
            a.province_code != b.province_code
            or (a.city_code != b.city_code),
            false
        ) as is_region_conflict,
        -- wording is compared without the organiser's name, and only when
        -- there is wording left to compare (at least 6 characters; 12 for a
        -- word-for-word match that is the only evidence)
        a.quote_content = b.quote_content and length(a.quote_content) >= 12 as is_same_quote,
        case
            when least(length(a.quote_content), length(b.quote_content)) >= 6
                then
                    1.0 - levenshtein(a.quote_content, b.quote_content)
                    / greatest(strlen(a.quote_content), strlen(b.quote_content))
            else 0.0
        end as quote_similarity,
        -- characters between the two quotes in one article; negative when they overlap
        greatest(a.char_start, b.char_start) - least(a.char_end, b.char_end) as gap_chars

    from candidate_pairs
    inner join mentions as a
        on candidate_pairs.mention_a = a.activity_mention_id
    inner join mentions as b
        on candidate_pairs.mention_b = b.activity_mention_id

),

-- The merge rule (documented in _intermediate.yml). Two mentions of the same
-- type whose names, places, organisers and articles' cities do not
-- contradict each other are one activity when
--   * they are in different articles, at most {{ window_days }} days apart, and
--     - the same organiser reports the same name, the same place or nearly
--       the same words (similarity of the quotes without the organiser's
--       name >= {{ min_similarity }}), or
--     - the same activity name is given (one organiser may be missing), or
--     - the quote is word for word the same (a reprint), beyond the
--       organiser's name and at least 12 characters long; or
--   * they are in the same article, by the same organiser, in adjacent
--     clauses of one sentence (at most 2 characters apart).
classified as (

    select
        mention_a,
        mention_b,
        run_date_a,
        run_date_b,
        days_apart,
        quote_similarity,
        case
            when
                is_name_conflict
                or is_place_conflict
                or is_organizer_conflict
                or is_region_conflict
                then null
            when not is_cross_report
                then case when is_same_organizer and gap_chars <= 2 then 'same_sentence' end
            when days_apart is null or days_apart > {{ window_days }} then null
            when is_same_organizer and coalesce(is_same_name, false)
                then 'same_organizer_and_name'
            when is_same_organizer and coalesce(is_same_place, false)
                then 'same_organizer_and_place'
            when is_same_organizer and quote_similarity >= {{ min_similarity }}
                then 'same_organizer_and_wording'
            when coalesce(is_same_name, false) then 'same_name'
            when coalesce(is_same_quote, false) then 'same_quote'
        end as match_reason

    from compared

),

final as (

    select
        mention_a,
        mention_b,
        match_reason,
        days_apart,
        quote_similarity,
        run_date_a,
        run_date_b

    from classified
    where match_reason is not null

)

select * from final
