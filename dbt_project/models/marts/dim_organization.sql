{#
    Incremental by organisation: a batch recomputes the organisations its
    dates name or named (int_keys_by_run_date), from all their references;
    the pre-hook clears them first, so one no longer named disappears.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='organization_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('organization_key', batch_keys(ref('int_keys_by_run_date'), 'organization')) }}"
) }}

with

org_references as (

    select * from {{ ref('int_organization_references') }}
    where {{ in_batch_keys('organization_key', ref('int_keys_by_run_date'), 'organization') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

-- An organisation is its normalised name within its resolved region (see
-- int_organization_references): 市文明办 in a 焦作 paper and in a 营口 paper
-- are two organisations; 焦作市残联 is one wherever it is printed.
organizations as (

    select
        org_references.organization_key,
        any_value(org_references.organization_name) as organization_name,
        any_value(org_references.region_key) as region_key,
        -- the type the parser or the name gives most often; ties alphabetically
        mode(org_references.org_type order by org_references.org_type) as org_type,
        -- printed in the name anywhere beats inferred from an article
        case
            when bool_or(org_references.region_resolution = 'printed') then 'printed'
            else mode(org_references.region_resolution order by org_references.region_resolution)
        end as region_resolution,
        count(*) as reference_count,
        count(distinct org_references.article_id) as article_count,
        min(org_references.run_date) as first_run_date,
        max(org_references.run_date) as last_run_date

    from org_references
    group by org_references.organization_key

),

labelled as (

    select
        organizations.organization_key,
        organizations.organization_name,
        -- names that do not print their region get it in brackets: 市妇联（焦作市）
        case
            when organizations.region_resolution = 'printed' or regions.region_key is null
                then organizations.organization_name
            else organizations.organization_name || '（' || regions.region_name || '）'
        end as organization_label,
        organizations.org_type,
        organizations.region_key,
        organizations.region_resolution,
        organizations.reference_count,
        organizations.article_count,
        organizations.first_run_date,
        organizations.last_run_date

    from organizations
    left join regions
        on
            organizations.region_key = regions.region_key
            and regions.region_key != '-1'

),

unknown_member as (

    select
        '-1' as organization_key,
        '(unknown)' as organization_name,
        '(unknown)' as organization_label,
        '(unknown)' as org_type,
        '-1' as region_key,
        'unresolved' as region_resolution,
        cast(0 as bigint) as reference_count,
        cast(0 as bigint) as article_count,
        cast(null as date) as first_run_date,
        cast(null as date) as last_run_date

),

final as (

    select * from labelled
    {%- if not is_batch() %}
        union all
        select * from unknown_member
    {%- endif %}

)

select * from final
