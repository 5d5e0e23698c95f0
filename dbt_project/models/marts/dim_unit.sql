with

units as (

    select * from {{ ref('units') }}

),

-- One row per unit the parser prints (seed units.csv): its kind, the canonical
-- unit it converts to and the factor (公里 → 米 × 1000, 亩 → 平方米 × 666.6667).
-- Counts keep their own measure word: 人, 人次 and 户 are not interchangeable.
converted as (

    select
        unit as unit_key,
        unit,
        metric_kind,
        canonical_unit,
        factor,
        is_approximate,
        unit = canonical_unit as is_canonical,
        description

    from units

),

unknown_member as (

    select
        '-1' as unit_key,
        '(unknown)' as unit,
        'other' as metric_kind,
        cast(null as varchar) as canonical_unit,
        cast(null as double) as factor,
        cast(null as boolean) as is_approximate,
        cast(null as boolean) as is_canonical,
        'A unit not in units.csv: no conversion.' as description

),

final as (

    select * from converted
    union all
    select * from unknown_member

)

select * from final
