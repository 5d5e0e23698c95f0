{#
    Incremental by name: a batch recomputes the names its dates carry or
    carried (int_keys_by_run_date), from every date; the pre-hook clears them
    first, so a name no page or article prints any more disappears.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='newspaper_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('newspaper_name', batch_keys(ref('int_keys_by_run_date'), 'newspaper')) }}"
) }}

with

pages as (

    select * from {{ ref('stg_pages') }}
    where {{ in_batch_keys('newspaper_name', ref('int_keys_by_run_date'), 'newspaper') }}

),

articles as (

    select * from {{ ref('stg_articles') }}
    where {{ in_batch_keys('newspaper_name', ref('int_keys_by_run_date'), 'newspaper') }}

),

-- int_articles_keyed takes the page's name, else the article's, so both
-- sources feed the dimension
newspaper_names as (

    select newspaper_name from pages
    where newspaper_name is not null
    union
    select newspaper_name from articles
    where newspaper_name is not null

),

newspapers as (

    select
        {{ newspaper_key('newspaper_name') }} as newspaper_key,
        newspaper_name

    from newspaper_names

),

unknown_member as (

    select
        '-1' as newspaper_key,
        '(unknown)' as newspaper_name

),

final as (

    select * from newspapers
    {%- if not is_batch() %}
        union all
        select * from unknown_member
    {%- endif %}

)

select * from final
