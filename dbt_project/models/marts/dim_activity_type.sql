with

activity_types as (

    select * from {{ ref('activity_types') }}

),

-- The twelve types of ingestion.records.ACTIVITY_TYPES (seed activity_types.csv),
-- with the labels and scope of shared/benchmark/SPEC.md.
types as (

    select
        activity_type as activity_type_key,
        activity_type,
        label_zh,
        label_en,
        description,
        sort_order

    from activity_types

),

unknown_member as (

    select
        '-1' as activity_type_key,
        '(unknown)' as activity_type,
        '(未知)' as label_zh,
        '(unknown)' as label_en,
        'A type outside the taxonomy.' as description,
        99 as sort_order

),

final as (

    select * from types
    union all
    select * from unknown_member

)

select * from final
