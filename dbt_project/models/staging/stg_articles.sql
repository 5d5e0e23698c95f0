with

source as (

    select * from {{ source('raw', 'articles') }}

),

renamed as (

    select
        article_id,
        page_id,
        cast(run_date as date) as run_date,
        cast(ordinal as integer) as ordinal,
        trim(title) as title,
        nullif(trim(subtitle), '') as subtitle,
        nullif(trim(kicker), '') as kicker,
        nullif(trim(section), '') as section,
        lower(trim(article_kind)) as article_kind,
        nullif(trim(byline), '') as byline,
        nullif(trim(dateline_place), '') as dateline_place,
        nullif(trim(newspaper), '') as newspaper_name,
        body_text,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end

    from source

)

select * from renamed
