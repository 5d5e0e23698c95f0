with

source as (

    select * from {{ source('raw', 'metrics') }}

),

renamed as (

    select
        metric_id,
        article_id,
        page_id,
        cast(run_date as date) as run_date,
        cast(value as double) as value,
        cast(value_low as double) as value_low,
        cast(value_high as double) as value_high,
        trim(unit) as unit,
        lower(trim(qualifier)) as qualifier,
        lower(trim(metric_kind)) as metric_kind,
        nullif(trim(subject), '') as subject,
        nullif(trim(period), '') as period,
        -- quote and offsets stay untouched: page_text[char_start:char_end] == quote
        quote,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end

    from source

)

select * from renamed
