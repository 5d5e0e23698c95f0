with

source as (

    select * from {{ source('raw', 'quarantine') }}

),

renamed as (

    select
        quarantine_id,
        cast(run_date as date) as run_date,
        page_id,
        file_name,
        raw_path,
        lower(trim(stage)) as stage,
        error_type,
        error_message,
        -- the loader writes ISO 8601 text in UTC; a malformed value must not
        -- fail the build of the table that records failures
        try_cast(quarantined_at as timestamp) as quarantined_at

    from source

)

select * from renamed
