-- Question: Which files were quarantined, at which stage and why?
-- From the pipeline's quarantine table (staging view of raw.quarantine): the raw bytes
-- stay under raw/ and the file can be reloaded once the cause is fixed.
select
    stage,
    error_type,
    count(*) as files,
    min(run_date) as first_run_date,
    max(run_date) as last_run_date,
    list(file_name order by run_date, file_name)[1:5] as example_files,
    any_value(left(error_message, 120)) as example_message

from staging.stg_quarantine
group by stage, error_type
order by files desc, stage asc, error_type asc
