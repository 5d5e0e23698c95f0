with

source as (

    select * from {{ source('raw', 'gazetteer') }}

),

renamed as (

    select
        trim(region_code) as region_code,
        trim(region_name) as region_name,
        nullif(trim(short_name), '') as short_name,
        lower(trim(level)) as level,
        nullif(trim(parent_code), '') as parent_code,
        nullif(trim(province_code), '') as province_code,
        nullif(trim(city_code), '') as city_code,
        case lower(trim(level))
            when 'province' then 1
            when 'city' then 2
            when 'county' then 3
        end as level_depth

    from source

)

select * from renamed
