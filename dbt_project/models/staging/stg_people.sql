with

source as (

    select * from {{ source('raw', 'people') }}

),

renamed as (

    select
        person_mention_id,
        article_id,
        page_id,
        cast(run_date as date) as run_date,
        trim(person_name) as person_name,
        lower(trim(role)) as role,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end

    from source

)

select * from renamed
