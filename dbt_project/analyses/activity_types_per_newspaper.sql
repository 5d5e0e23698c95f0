-- Question: Which kinds of activity does each newspaper report, and how often?
-- Reports are activity mentions; activities are the merged events first reported there.
select
    newspapers.newspaper_name,
    types.label_zh as activity_type,
    count(*) as reports,
    count(*) filter (where bridge.is_first_report) as activities_first_reported,
    count(distinct mentions.article_id) as articles

from marts.fct_activity_mentions as mentions
inner join marts.dim_newspaper as newspapers
    on mentions.newspaper_key = newspapers.newspaper_key
inner join marts.dim_activity_type as types
    on mentions.activity_type_key = types.activity_type_key
inner join marts.bridge_activity_mention as bridge
    on mentions.activity_mention_id = bridge.activity_mention_id
group by newspapers.newspaper_name, types.label_zh, types.sort_order
order by newspapers.newspaper_name asc, reports desc, types.sort_order asc
