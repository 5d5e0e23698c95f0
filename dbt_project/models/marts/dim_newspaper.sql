with

pages as (

    select * from {{ ref('stg_pages') }}

),

articles as (

    select * from {{ ref('stg_articles') }}

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
    union all
    select * from unknown_member

)

select * from final
