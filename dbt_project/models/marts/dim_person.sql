{#
    Incremental by person: a batch recomputes the people its dates credit or
    credited (int_keys_by_run_date), from all their credits; the pre-hook
    clears them first, so a person no longer credited disappears.
#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='person_key',
    on_schema_change='fail',
    pre_hook="{{ delete_scope('person_key', batch_keys(ref('int_keys_by_run_date'), 'person')) }}"
) }}

with

people as (

    select * from {{ ref('int_people_keyed') }}
    where {{ in_batch_keys('person_key', ref('int_keys_by_run_date'), 'person') }}

),

articles_keyed as (

    select * from {{ ref('int_articles_keyed') }}
    where article_id in (select people.article_id from people)

),

credits as (

    select
        people.person_key,
        people.person_name,
        people.role,
        people.article_id,
        articles_keyed.newspaper_key,
        articles_keyed.article_date

    from people
    left join articles_keyed
        on people.article_id = articles_keyed.article_id
    where people.person_key != '-1'

),

-- One row per person (by normalised name) with every role they were credited in.
persons as (

    select
        person_key,
        any_value(person_name) as person_name,
        list(distinct role order by role) as roles,
        -- the role credited most often; ties alphabetically
        mode(role order by role) as primary_role,
        count(*) as credit_count,
        count(distinct article_id) as article_count,
        count(distinct newspaper_key) filter (where newspaper_key != '-1') as newspaper_count,
        min(article_date) as first_article_date,
        max(article_date) as last_article_date

    from credits
    group by person_key

),

unknown_member as (

    select
        '-1' as person_key,
        '(unknown)' as person_name,
        cast([] as varchar[]) as roles,
        '(unknown)' as primary_role,
        cast(0 as bigint) as credit_count,
        cast(0 as bigint) as article_count,
        cast(0 as bigint) as newspaper_count,
        cast(null as date) as first_article_date,
        cast(null as date) as last_article_date

),

final as (

    select * from persons
    {%- if not is_batch() %}
        union all
        select * from unknown_member
    {%- endif %}

)

select * from final
