with

source as (

    select * from {{ source('raw', 'activities') }}

),

renamed as (

    select
        activity_id,
        article_id,
        page_id,
        cast(run_date as date) as run_date,
        lower(trim(activity_type)) as activity_type,
        nullif(trim(organizer), '') as organizer,
        nullif(trim(activity_name), '') as activity_name,
        nullif(trim(place), '') as place,
        -- quote and offsets stay untouched: page_text[char_start:char_end] == quote
        quote,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end

    from source

)

select * from renamed
