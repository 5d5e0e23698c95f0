-- Question: Which activities were reported more than once (in several sentences,
-- articles or papers), and how many reports did the merge fold into one activity?
-- fct_activities holds one row per real-world activity; fct_activity_mentions one per report.
select
    types.label_zh as activity_type,
    coalesce(events.organizer, '(no organiser)') as organiser,
    events.activity_name,
    events.first_reported_date,
    events.last_reported_date,
    events.mention_count as reports,
    events.article_count as articles,
    events.newspaper_count as newspapers,
    events.quote as first_report

from marts.fct_activities as events
inner join marts.dim_activity_type as types
    on events.activity_type_key = types.activity_type_key
where events.mention_count > 1
order by articles desc, reports desc, events.first_reported_date asc, events.event_id asc
