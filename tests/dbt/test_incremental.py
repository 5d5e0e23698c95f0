"""Batches (one date, a range, a re-run) build the same marts as the whole history at once, at a cost
that does not grow with the history.

Three dates of hand-made pages report one activity (运河区妇联's 邻里守望) on 1, 3 and 5 May: the
reports of 1 and 5 May are four days apart, beyond the three-day merge window, and only the report
of 3 May bridges them into one event. The dates are built one by one out of order (1, 5, then 3:
the bridging report comes last and merges two events), and once as a range 1..5 May: every mart
table must hold the same rows. Then 3 May is re-run without its bridging report, its reporter, its
printed organisation name (which labelled 沧州市残联 for a metric of 1 May), its metric, its
newspaper's name and its page with a misread edition date: the marts must equal a clean build of
the final data. Six dbt builds in all, shared by the tests of this module.
"""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from ingestion import records
from ingestion.settings import Settings
from ingestion.transform import _dbt_dirs, batch_env, dbt_build

pytestmark = pytest.mark.integration

D1, D3, D5 = datetime.date(2024, 5, 1), datetime.date(2024, 5, 3), datetime.date(2024, 5, 5)
GAZETTEER = [
    ("130000000000", "河北省", "河北", "province", None, "130000000000", None),
    ("130900000000", "沧州市", "沧州", "city", "130000000000", "130000000000", "130900000000"),
    ("130903000000", "运河区", "运河", "county", "130900000000", "130000000000", "130900000000"),
]
YUNHE, CANGZHOU = "130903000000", "130900000000"
ORGANISER, ACTIVITY = "运河区妇联", "邻里守望"


def _page(day: datetime.date, page_id: str, paper: str | None, edition: datetime.date | None) -> records.PageRecord:
    return records.PageRecord(page_id, day, f"{page_id}.txt", f"raw/{page_id}", "utf-8", paper, edition, "1", None,
                              900, 2, "t")


def _article(day: datetime.date, article_id: str, page_id: str, ordinal: int, paper: str | None,
             byline: str | None = None) -> records.ArticleRecord:
    start = (ordinal - 1) * 300
    return records.ArticleRecord(article_id, page_id, day, ordinal, f"{article_id}标题", None, None, None, "news",
                                 byline, None, paper, "……", start, start + 300)


def _region(day, article_id, page_id, n, name, code, start) -> records.MentionRecord:
    return records.MentionRecord(f"{article_id}-r{n}", article_id, page_id, day, "region", name, name, code, None,
                                 False, start, start + len(name))


def _organisation(day, article_id, page_id, n, name, start) -> records.MentionRecord:
    return records.MentionRecord(f"{article_id}-o{n}", article_id, page_id, day, "organization", name, name, None,
                                 "mass_org", False, start, start + len(name))


def _activity(day, article_id, page_id, n, activity_type, quote, start, organiser=None, name=None):
    return records.ActivityRecord(f"{article_id}-v{n}", article_id, page_id, day, activity_type, organiser, name,
                                  None, quote, start, start + len(quote))


def _green_area(day, article_id, page_id, value: float, start: int) -> records.MetricRecord:
    quote = f"{value:g}平方米"
    return records.MetricRecord(f"{article_id}-m1", article_id, page_id, day, value, value, value, "平方米",
                                "exact", "area", "绿化面积", None, quote, start, start + len(quote))


def _named_report(day, article_id, page_id, wording: str) -> records.ActivityRecord:
    return _activity(day, article_id, page_id, 1, "volunteer_service", f"{ORGANISER}{wording}“{ACTIVITY}”志愿服务活动",
                     20, organiser=ORGANISER, name=ACTIVITY)


def day_1() -> dict[str, list]:
    """沧州日报: the first report; 沧州市残联 not printed with its region (article_city) before a metric."""
    p, a1, a2 = "d1p", "d1a1", "d1a2"
    return {
        "pages": [_page(D1, p, "沧州日报", D1)],
        "articles": [_article(D1, a1, p, 1, "沧州日报", "本报记者 张三"), _article(D1, a2, p, 2, "沧州日报")],
        "people": [records.PersonRecord(f"{a1}-p1", a1, p, D1, "张三", "reporter", 5, 7)],
        "mentions": [_region(D1, a1, p, 1, "运河区", YUNHE, 20), _organisation(D1, a1, p, 1, ORGANISER, 20),
                     _organisation(D1, a1, p, 2, "沧州市残联", 100)],
        "activities": [_named_report(D1, a1, p, "组织志愿者开展"),
                       _activity(D1, a2, p, 1, "meeting_deliberation", "d1召开居民议事会", 320)],
        "metrics": [_green_area(D1, a1, p, 500, 110)],
        "quarantine": [],
    }


def day_3(*, rerun: bool = False) -> dict[str, list]:
    """河北日报: the bridging report and 沧州市残联 printed with 沧州市, a second page misdated 1995.
    The re-run keeps only the second article, changed, under another paper's name."""
    p, a1, a2 = "d3p", "d3a1", "d3a2"
    paper = "沧州晚报" if rerun else "河北日报"
    if rerun:
        return {
            "pages": [_page(D3, p, paper, D3)],
            "articles": [_article(D3, a1, p, 1, paper), _article(D3, a2, p, 2, paper)],
            "people": [],
            "mentions": [_region(D3, a1, p, 2, "运河区", YUNHE, 20)],
            "activities": [_activity(D3, a2, p, 1, "culture_recreation", "d3举办广场文艺演出", 320)],
            "metrics": [],
            "quarantine": [],
        }
    return {
        "pages": [_page(D3, p, paper, D3), _page(D3, "d3q", paper, datetime.date(1995, 1, 1))],
        "articles": [_article(D3, a1, p, 1, paper, "本报记者 李四"), _article(D3, a2, p, 2, paper),
                     _article(D3, "d3q1", "d3q", 1, paper)],
        "people": [records.PersonRecord(f"{a1}-p1", a1, p, D3, "李四", "reporter", 5, 7)],
        "mentions": [_region(D3, a1, p, 1, "沧州市", CANGZHOU, 8), _region(D3, a1, p, 2, "运河区", YUNHE, 20),
                     _organisation(D3, a1, p, 1, "沧州市残联", 8), _organisation(D3, a1, p, 2, ORGANISER, 20)],
        "activities": [_named_report(D3, a1, p, "继续开展"),
                       _activity(D3, a2, p, 1, "medical_health", "d3开展健康义诊", 320)],
        "metrics": [_green_area(D3, a1, p, 600, 16)],
        "quarantine": [],
    }


def day_5() -> dict[str, list]:
    """沧州日报: the last report, four days after the first."""
    p, a1, a2 = "d5p", "d5a1", "d5a2"
    return {
        "pages": [_page(D5, p, "沧州日报", D5)],
        "articles": [_article(D5, a1, p, 1, "沧州日报", "本报记者 张三"), _article(D5, a2, p, 2, "沧州日报")],
        "people": [records.PersonRecord(f"{a1}-p1", a1, p, D5, "张三", "reporter", 5, 7)],
        "mentions": [_region(D5, a1, p, 1, "运河区", YUNHE, 20), _organisation(D5, a1, p, 1, ORGANISER, 20)],
        "activities": [_named_report(D5, a1, p, "再次开展"),
                       _activity(D5, a2, p, 1, "meeting_deliberation", "d5召开居民议事会", 320)],
        "metrics": [_green_area(D5, a1, p, 700, 30)],
        "quarantine": [],
    }


@dataclass(frozen=True)
class Scenario:
    one_by_one: Path  # built 1, 5, 3 May, one build each
    ranged: Path  # the same raw data, one build of 1..5 May
    rerun: Path  # one_by_one, then 3 May re-run after its reload
    clean: Path  # the re-run's final raw data, built from scratch
    settings: Settings  # of one_by_one/rerun (its dbt target holds the re-run's compiled SQL)
    pairs_sql: str  # compiled int_activity_mention_pairs of the build of 3 May
    events_sql: str  # compiled int_activity_events of the build of 3 May


def _compiled(settings: Settings, model: str) -> str:
    return (_dbt_dirs(settings)[0] / "compiled" / "newsdw" / "models" / "intermediate" / f"{model}.sql").read_text(
        encoding="utf-8"
    )


def _query(warehouse: Path, sql: str, parameters: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, parameters).fetchall()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, dbt_settings, insert_raw, replace_day) -> Scenario:
    base = tmp_path_factory.mktemp("batches")
    snapshots = base / "snapshots"
    snapshots.mkdir()

    def snapshot(settings: Settings, name: str) -> Path:
        (snapshots / name).mkdir()
        return Path(shutil.copyfile(settings.warehouse, snapshots / name / "warehouse.duckdb"))

    one = dbt_settings(base / "one_by_one")
    insert_raw(one.warehouse, day_1(), GAZETTEER)
    dbt_build(one, D1)
    # A sentinel row of 1 May: the builds of other dates must leave 1 May's rows alone.
    with duckdb.connect(str(one.warehouse)) as con:
        con.execute(
            "insert into marts.bridge_article_person"
            " select 'sentinel', article_id, person_key, role, run_date, credit_count, char_start"
            " from marts.bridge_article_person"
        )
    insert_raw(one.warehouse, day_5(), [])
    dbt_build(one, D5)
    with duckdb.connect(str(one.warehouse)) as con:
        sentinel = "from marts.bridge_article_person where article_person_key = 'sentinel'"
        assert con.execute(f"select run_date {sentinel}").fetchall() == [(D1,)]
        con.execute(f"delete {sentinel}")
        # before the bridging report: two events, each of one report
        assert con.execute(
            "select event_id, activity_mention_ids from marts.fct_activities where activity_type = 'volunteer_service'"
            " order by event_id"
        ).fetchall() == [("d1a1-v1", ["d1a1-v1"]), ("d5a1-v1", ["d5a1-v1"])]
    insert_raw(one.warehouse, day_3(), [])
    dbt_build(one, D3)
    pairs_sql, events_sql = _compiled(one, "int_activity_mention_pairs"), _compiled(one, "int_activity_events")
    one_by_one = snapshot(one, "one_by_one")

    replace_day(one.warehouse, D3, day_3(rerun=True))
    dbt_build(one, D3)
    rerun = snapshot(one, "rerun")

    ranged_settings = dbt_settings(base / "ranged")
    for rows in (day_1(), day_3(), day_5()):
        insert_raw(ranged_settings.warehouse, rows, GAZETTEER)
    dbt_build(ranged_settings, D1, end=D5)
    ranged = snapshot(ranged_settings, "ranged")

    # the clean build: the final raw data, every model created from scratch
    replace_day(ranged_settings.warehouse, D3, day_3(rerun=True))
    dbt_build(ranged_settings, full_refresh=True)
    clean = snapshot(ranged_settings, "clean")
    return Scenario(one_by_one, ranged, rerun, clean, one, pairs_sql, events_sql)


def test_a_range_builds_what_dates_one_by_one_build(scenario: Scenario, assert_same_marts) -> None:
    assert_same_marts(scenario.one_by_one, scenario.ranged)
    # the bridging report, built last, merged the two events into one named after the first report
    assert _query(
        scenario.one_by_one,
        "select event_id, activity_mention_ids, first_reported_date, last_reported_date, newspaper_count"
        " from marts.fct_activities where activity_type = 'volunteer_service'",
    ) == [("d1a1-v1", ["d1a1-v1", "d3a1-v1", "d5a1-v1"], D1, D5, 2)]
    assert _query(
        scenario.one_by_one,
        "select date_key, event_count, new_event_count from marts.mart_activities_by_region_type_day"
        " where activity_type_key = 'volunteer_service' order by date_key",
    ) == [(20240501, 1, 1), (20240503, 1, 0), (20240505, 1, 0)]
    # 沧州市残联 is printed with its region on 3 May: its metric of 1 May is labelled without brackets
    assert _query(
        scenario.one_by_one, "select organization_label from marts.mart_metric_observations where metric_id = 'd1a1-m1'"
    ) == [("沧州市残联",)]
    assert _query(scenario.one_by_one, "select min(date_day) from marts.dim_date") == [(datetime.date(1995, 1, 1),)]
    assert _query(
        scenario.one_by_one, "select observation_count, latest_value, previous_value from marts.mart_metric_latest"
    ) == [(3, 700.0, 600.0)]


def test_a_rerun_of_an_older_date_builds_what_a_clean_build_builds(scenario: Scenario, assert_same_marts) -> None:
    assert_same_marts(scenario.rerun, scenario.clean)
    # without its bridge the event splits again; the report of 5 May is an event of its own
    assert _query(
        scenario.rerun,
        "select event_id, activity_mention_ids from marts.fct_activities where activity_type = 'volunteer_service'"
        " order by event_id",
    ) == [("d1a1-v1", ["d1a1-v1"]), ("d5a1-v1", ["d5a1-v1"])]
    # what only 3 May carried is gone: its reporter, its paper's name, the misread date, the printed name
    assert _query(scenario.rerun, "select person_name from marts.dim_person order by all") == [("(unknown)",), ("张三",)]
    assert _query(scenario.rerun, "select newspaper_name from marts.dim_newspaper order by all") == [
        ("(unknown)",), ("沧州日报",), ("沧州晚报",)
    ]
    assert _query(scenario.rerun, "select min(date_day) from marts.dim_date") == [(datetime.date(2000, 1, 1),)]
    assert _query(
        scenario.rerun, "select organization_label from marts.mart_metric_observations where metric_id = 'd1a1-m1'"
    ) == [("沧州市残联（沧州市）",)]
    assert _query(scenario.rerun, "select observation_count, latest_value from marts.mart_metric_latest") == [
        (2, 700.0)
    ]


def test_the_batch_is_passed_as_environment_variables() -> None:
    assert batch_env(D1) == {"NEWSDW_RUN_DATE": "2024-05-01", "NEWSDW_RUN_DATE_END": "2024-05-01"}
    assert batch_env(D1, D5, full_checks=True) == {
        "NEWSDW_RUN_DATE": "2024-05-01", "NEWSDW_RUN_DATE_END": "2024-05-05", "NEWSDW_FULL_CHECKS": "1"
    }
    assert batch_env(None) == {}
    with pytest.raises(ValueError, match="before it starts"):
        batch_env(D5, D1)
    with pytest.raises(ValueError, match="without a start"):
        batch_env(None, D5)


def test_a_batch_tests_its_own_rows_only(scenario: Scenario) -> None:
    """The re-run's data tests ran restricted to 3 May (their compiled SQL names the batch)."""
    compiled = _dbt_dirs(scenario.settings)[0] / "compiled" / "newsdw" / "models" / "marts" / "_marts.yml"
    unique_articles = next(compiled.rglob("unique_fct_articles_article_id*.sql")).read_text(encoding="utf-8")
    assert "between cast('2024-05-03' as date) and cast('2024-05-03' as date)" in unique_articles
    unique_events = next(compiled.rglob("unique_fct_activities_event_id*.sql")).read_text(encoding="utf-8")
    assert "batch_start = cast('2024-05-03' as date)" in unique_events


def test_partial_parsing_survives_changing_batches(scenario: Scenario) -> None:
    """The batch and the checks reach dbt as environment variables read only when executing, so four builds
    of different dates (one a re-run) parse the project once: the other three reuse the partial parse.
    (dbt.log is kept at info level, where dbt names a full parse and why partial parsing was refused.)"""
    log = (_dbt_dirs(scenario.settings)[1] / "dbt.log").read_text(encoding="utf-8")
    assert log.count("Running with dbt=") == 4
    assert log.count("Starting full parse") == 1
    # only the first build, which found no saved manifest
    assert log.count("Unable to do partial parsing") == 1
    assert "Unable to do partial parsing because saved manifest not found" in log


# ------------------------------------------------------------------ cost
def _candidate_count(sql: str, warehouse: Path) -> int:
    """How many pairs the compiled pair model compares (Levenshtein and the merge rule) on this warehouse."""
    head, tail = sql.rsplit("select * from final", 1)
    assert not tail.strip()
    return _query(warehouse, head + "select count(*) from candidate_pairs")[0][0]


def _affected_count(sql: str, warehouse: Path) -> int:
    """How many mentions the compiled event model takes the transitive closure over."""
    head, tail = sql.rsplit("select * from final", 1)
    assert not tail.strip()
    return _query(warehouse, head + "select count(*) from mentions")[0][0]


def test_a_dates_deduplication_does_not_grow_with_the_history(scenario: Scenario, tmp_path: Path) -> None:
    """The build of 3 May compares its mentions within the date window only: a year of earlier reports of
    the same organiser, name and wording adds no candidate pair and no mention to the closure."""
    # each candidate join is banded on the date inside its ON clause, and only the batch's mentions probe
    joins = re.findall(r"inner join mentions\s+on(.*?)(?:where|union|\),)", scenario.pairs_sql, flags=re.S)
    assert len(joins) == 3
    for on in joins:
        assert re.search(r"mentions\.window_date between batch_mentions\.window_date - 3\s+"
                         r"and batch_mentions\.window_date \+ 3", on), on
        assert "batch_mentions.partner_bucket = mentions.window_bucket" in on
    assert "mentions.run_date between cast('2024-05-03' as date) and cast('2024-05-03' as date)" in scenario.pairs_sql

    before = scenario.one_by_one
    base_candidates = _candidate_count(scenario.pairs_sql, before)
    base_affected = _affected_count(scenario.events_sql, before)
    assert base_candidates >= 2  # 3 May's report pairs with 1 and 5 May's

    history = tmp_path / "warehouse.duckdb"  # same file name: the compiled SQL names the catalog "warehouse"
    shutil.copyfile(before, history)
    with duckdb.connect(str(history)) as con:
        # a year of reports of the same activity, by the same organiser in the same words, before 2024
        con.execute(
            """insert into intermediate.int_activity_mentions_deduplicated
               select mentions.* replace (
                   'history-' || i as activity_mention_id, 'history-a' || i as article_id,
                   date '2023-01-01' + cast(i % 365 as integer) as run_date,
                   date '2023-01-01' + cast(i % 365 as integer) as article_date)
               from intermediate.int_activity_mentions_deduplicated as mentions, range(3000) as t(i)
               where mentions.activity_mention_id = 'd3a1-v1'"""
        )
        assert con.execute(
            "select count(*) from intermediate.int_activity_mentions_deduplicated where organization_key = ("
            "select organization_key from intermediate.int_activity_mentions_deduplicated"
            " where activity_mention_id = 'd3a1-v1')"
        ).fetchone()[0] > 3000
    assert _candidate_count(scenario.pairs_sql, history) == base_candidates
    assert _affected_count(scenario.events_sql, history) == base_affected
