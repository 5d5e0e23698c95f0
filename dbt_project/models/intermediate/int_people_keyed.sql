{{ incremental_by_run_date() }}

with

people as (

    select * from {{ ref('stg_people') }}
    where {{ in_batch() }}

),

-- A person is identified by the name as printed, without the spaces that
-- typesetting pads two-character names with (张  三 → 张三); namesakes are not
-- told apart (bylines carry nothing else to tell them by).
keyed as (

    select
        person_mention_id,
        article_id,
        page_id,
        run_date,
        person_name as name_as_written,
        {{ normalize_name('person_name') }} as person_name,
        {{ person_key(normalize_name('person_name')) }} as person_key,
        role,
        char_start,
        char_end

    from people

)

select * from keyed
