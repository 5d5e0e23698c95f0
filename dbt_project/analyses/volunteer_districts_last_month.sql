-- Question: Which districts and counties held the most volunteer activities last month?
-- "Last month" is the latest month with articles in the warehouse, so the answer does
-- not depend on the day it is asked. Activities are events (fct_activities: reports of
-- the same activity merged), placed in the county-level unit of their first report.
with

latest_month as (

    select max(dates.year_month) as year_month
    from marts.fct_articles as articles
    inner join marts.dim_date as dates
        on articles.date_key = dates.date_key
    where dates.date_key != -1

)

select
    regions.county_name as district,
    regions.city_name as city,
    count(*) as volunteer_activities,
    sum(events.mention_count) as reports

from marts.fct_activities as events
inner join marts.dim_date as dates
    on events.date_key = dates.date_key
inner join marts.dim_region as regions
    on events.region_key = regions.region_key
where
    events.activity_type = 'volunteer_service'
    and regions.level = 'county'
    and dates.year_month = (select latest_month.year_month from latest_month)
group by regions.county_name, regions.city_name
order by volunteer_activities desc, reports desc, district asc
limit 10
