with

gazetteer as (

    select * from {{ ref('stg_gazetteer') }}

),

-- Denormalise the hierarchy (Kimball): each unit carries its province and
-- city names so analysts roll up without self-joins.
regions as (

    select
        units.region_code as region_key,
        units.region_code,
        units.region_name,
        units.short_name,
        units.level,
        units.level_depth,
        units.parent_code,
        units.province_code,
        provinces.region_name as province_name,
        units.city_code,
        cities.region_name as city_name,
        case when units.level = 'county' then units.region_code end as county_code,
        case when units.level = 'county' then units.region_name end as county_name

    from gazetteer as units
    left join gazetteer as provinces
        on units.province_code = provinces.region_code
    left join gazetteer as cities
        on units.city_code = cities.region_code

),

unknown_member as (

    select
        '-1' as region_key,
        cast(null as varchar) as region_code,
        '(unknown)' as region_name,
        '(unknown)' as short_name,
        '(unknown)' as level,
        cast(null as integer) as level_depth,
        cast(null as varchar) as parent_code,
        cast(null as varchar) as province_code,
        '(unknown)' as province_name,
        cast(null as varchar) as city_code,
        '(unknown)' as city_name,
        cast(null as varchar) as county_code,
        '(unknown)' as county_name

),

final as (

    select * from regions
    union all
    select * from unknown_member

)

select * from final
