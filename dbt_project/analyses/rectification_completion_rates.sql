-- Question: Which rectification (整改) completion rates are quoted, where and when?
select
    report_date,
    coalesce(city_name, region_name) as city,
    region_name,
    subject,
    value as percent,
    qualifier,
    newspaper_name,
    quote

from marts.mart_metric_observations
where metric_kind = 'percent' and subject like '%整改%'
order by report_date desc, percent desc
