-- fct_metrics: value_low/value_high are consistent with the qualifier
-- (exact: low = high = value; at_least: low = value, no high; at_most: no
-- low, high = value; approx: any stated bound contains the value).
select
    metric_id,
    qualifier,
    value,
    value_low,
    value_high

from {{ ref('fct_metrics') }}
where not coalesce(
    case qualifier
        when 'exact' then value_low = value and value_high = value
        when 'at_least' then value_low = value and value_high is null
        when 'at_most' then value_low is null and value_high = value
        when 'approx'
            then coalesce(value_low <= value, true) and coalesce(value_high >= value, true)
    end,
    false
)
