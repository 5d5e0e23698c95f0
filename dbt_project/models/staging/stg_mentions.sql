with

source as (

    select * from {{ source('raw', 'mentions') }}

),

renamed as (

    select
        mention_id,
        article_id,
        page_id,
        cast(run_date as date) as run_date,
        lower(trim(entity_type)) as entity_type,
        trim(entity_name) as entity_name,
        surface,
        nullif(trim(region_code), '') as region_code,
        nullif(trim(org_type), '') as org_type,
        coalesce(is_inferred, false) as is_inferred,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end

    from source

)

select * from renamed
