-- Question: How many registered volunteers does each city report, as reported?
-- The latest figure per city (subject mentioning 注册志愿者, counted in 人), with the
-- paper, date and sentence it comes from; figures are as printed, not summed.
with

reported as (

    select
        coalesce(city_name, region_name) as city,
        report_date,
        newspaper_name,
        canonical_value as registered_volunteers,
        qualifier,
        quote,
        row_number() over (
            partition by coalesce(city_name, region_name)
            order by report_date desc, metric_id desc
        ) as recency

    from marts.mart_metric_observations
    where subject like '%注册志愿者%' and canonical_unit = '人'

)

select
    city,
    registered_volunteers,
    qualifier,
    report_date,
    newspaper_name,
    quote

from reported
where recency = 1
order by registered_volunteers desc
