-- Question: Which organisations appear most often (articles naming them, as a mention or
-- as an activity's organiser), and how many activities do they organise?
with

organised as (

    select
        organization_key,
        count(*) as activities

    from marts.fct_activities
    group by organization_key

)

select
    organizations.organization_label as organisation,
    organizations.org_type,
    regions.region_name as region,
    count(distinct bridge.article_id) as articles,
    coalesce(any_value(organised.activities), 0) as activities

from marts.bridge_article_organization as bridge
inner join marts.dim_organization as organizations
    on bridge.organization_key = organizations.organization_key
inner join marts.dim_region as regions
    on organizations.region_key = regions.region_key
left join organised
    on bridge.organization_key = organised.organization_key
group by organizations.organization_label, organizations.org_type, regions.region_name
order by articles desc, activities desc, organisation asc
limit 15
