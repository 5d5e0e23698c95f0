-- Question: Who wrote the most articles each month (credited as reporter), and for which papers?
with

ranked as (

    select
        year_month,
        person_name,
        reporter_article_count,
        photographer_article_count,
        article_count,
        newspaper_names,
        rank() over (partition by year_month order by reporter_article_count desc) as month_rank

    from marts.mart_reporter_output_monthly
    where reporter_article_count > 0

)

select
    year_month,
    month_rank,
    person_name,
    reporter_article_count,
    photographer_article_count,
    article_count,
    array_to_string(newspaper_names, '、') as newspapers

from ranked
where month_rank <= 5
order by year_month desc, month_rank asc, person_name asc
