{{ incremental_by_run_date() }}

with

org_references as (

    select * from {{ ref('int_organization_references') }}
    where {{ in_batch() }}

),

-- One row per article and organisation it names, as a mention or as the
-- organiser of one of its activities.
final as (

    select
        {{ composite_key(['article_id', 'organization_key']) }} as article_organization_key,
        article_id,
        organization_key,
        any_value(run_date) as run_date,
        count(*) filter (where reference_source = 'mention') as mention_count,
        count(*) filter (where reference_source = 'activity_organizer') as organizer_count

    from org_references
    group by article_id, organization_key

)

select * from final
