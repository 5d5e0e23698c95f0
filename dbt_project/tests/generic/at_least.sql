{#
    Generic test: every non-null value of the column is at least min_value
    (counts are never negative, an event has at least one report).
#}
{% test at_least(model, column_name, min_value) %}

select {{ column_name }}
from {{ model }}
where {{ column_name }} < {{ min_value }}

{% endtest %}
