with

metrics as (

    select * from {{ ref('stg_metrics') }}

),

units as (

    select * from {{ ref('units') }}

),

-- The band a qualifier implies, whatever the parser put in value_low/high:
-- exact → [value, value]; at_least (余, 多, 以上) → [value, open); at_most
-- (近, 不到) → (open, value]; approx (约, 左右) → the parser's band (a stated
-- range such as 3至5人) where it contains the value, else open on that side.
bounded as (

    select
        *,
        case qualifier
            when 'exact' then value
            when 'at_least' then value
            when 'approx' then case when value_low <= value then value_low end
        end as bounded_low,
        case qualifier
            when 'exact' then value
            when 'at_most' then value
            when 'approx' then case when value_high >= value then value_high end
        end as bounded_high

    from metrics

),

-- Units outside the seed keep their row with the unknown unit '-1' and no
-- canonical value (a warn-level test on stg_metrics.unit asks for a seed row).
converted as (

    select
        bounded.metric_id,
        bounded.article_id,
        bounded.page_id,
        bounded.run_date,
        bounded.value,
        bounded.bounded_low as value_low,
        bounded.bounded_high as value_high,
        bounded.unit,
        coalesce(units.unit, '-1') as unit_key,
        units.canonical_unit,
        units.factor as unit_factor,
        round(bounded.value * units.factor, 6) as canonical_value,
        round(bounded.bounded_low * units.factor, 6) as canonical_value_low,
        round(bounded.bounded_high * units.factor, 6) as canonical_value_high,
        bounded.qualifier,
        bounded.metric_kind,
        bounded.subject,
        bounded.period,
        bounded.quote,
        bounded.char_start,
        bounded.char_end

    from bounded
    left join units
        on bounded.unit = units.unit

)

select * from converted
