with

source as (

    select * from {{ source('raw', 'pages') }}

),

renamed as (

    select
        page_id,
        cast(run_date as date) as run_date,
        file_name,
        raw_path,
        lower(encoding) as encoding,
        nullif(trim(newspaper), '') as newspaper_name,
        cast(edition_date as date) as edition_date,
        nullif(trim(page_number), '') as page_number,
        nullif(trim(page_banner), '') as page_banner,
        cast(char_count as bigint) as char_count,
        cast(article_count as bigint) as article_count,
        parser_version

    from source

)

select * from renamed
