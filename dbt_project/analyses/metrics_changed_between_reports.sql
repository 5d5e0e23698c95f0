-- Question: Which figures changed between two reports (same region, subject and unit)?
-- mart_metric_latest keeps each series' latest and previous observation.
select
    region_name,
    subject,
    measure_unit,
    previous_report_date,
    previous_value,
    latest_report_date,
    latest_value,
    change_from_previous,
    observation_count

from marts.mart_metric_latest
where previous_value is not null and previous_value != latest_value
order by abs(change_from_previous) desc
