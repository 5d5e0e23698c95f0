{{ incremental_by_run_date() }}

with

people as (

    select * from {{ ref('int_people_keyed') }}
    where {{ in_batch() }} and person_key != '-1'

),

-- One row per person and role credited in an article: a reporter who also
-- took the photo has two rows; a name printed twice in one role has one.
credits as (

    select
        article_id,
        person_key,
        role,
        any_value(run_date) as run_date,
        count(*) as credit_count,
        min(char_start) as char_start

    from people
    group by article_id, person_key, role

),

final as (

    select
        {{ composite_key(['article_id', 'person_key', 'role']) }} as article_person_key,
        article_id,
        person_key,
        role,
        run_date,
        credit_count,
        char_start

    from credits

)

select * from final
