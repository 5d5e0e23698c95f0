"""The incremental path (one run date at a time) builds the same marts as a full rebuild.

Day 1 is built, day 2 is added incrementally (with a report of a day-1 activity, so an
event spans both dates), day 2 is re-run after its metrics vanished and a title changed,
and a copy of the warehouse is rebuilt with --full-refresh: every mart table must hold
the same rows in both (EXCEPT ALL, both ways).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import duckdb
import pytest

from ingestion import records
from ingestion.transform import dbt_build

pytestmark = pytest.mark.integration

DAY_1 = datetime.date(2024, 5, 1)
DAY_2 = datetime.date(2024, 5, 2)
GAZETTEER = [
    ("130000000000", "河北省", "河北", "province", None, "130000000000", None),
    ("130900000000", "沧州市", "沧州", "city", "130000000000", "130000000000", "130900000000"),
    ("130903000000", "运河区", "运河", "county", "130900000000", "130000000000", "130900000000"),
]


def _day(day: datetime.date, paper: str, prefix: str) -> dict[str, list]:
    """One page with two articles; the first reports 运河区妇联's named volunteer activity."""
    page = f"{prefix}p"
    a1, a2 = f"{prefix}a1", f"{prefix}a2"
    quote = "运河区妇联组织志愿者开展“邻里守望”志愿服务活动"
    return {
        "pages": [
            records.PageRecord(page, day, f"{page}.txt", f"raw/{page}", "utf-8", paper, day, "1", None, 900, 2, "t")
        ],
        "articles": [
            records.ArticleRecord(a1, page, day, 1, f"{prefix}志愿服务", None, None, None, "news", "本报记者 张三",
                                  None, paper, "……", 0, 300),
            records.ArticleRecord(a2, page, day, 2, f"{prefix}简讯", None, None, "简讯", "brief", None, None, paper,
                                  "……", 300, 600),
        ],
        "people": [records.PersonRecord(f"{a1}-p1", a1, page, day, "张三", "reporter", 5, 7)],
        "mentions": [
            records.MentionRecord(f"{a1}-r1", a1, page, day, "region", "运河区", "运河区", "130903000000", None, False,
                                  20, 23),
            records.MentionRecord(f"{a1}-o1", a1, page, day, "organization", "运河区妇联", "运河区妇联", None,
                                  "mass_org", False, 20, 25),
        ],
        "activities": [
            records.ActivityRecord(f"{a1}-v1", a1, page, day, "volunteer_service", "运河区妇联", "邻里守望", None,
                                   quote, 20, 20 + len(quote)),
            records.ActivityRecord(f"{a2}-v1", a2, page, day, "meeting_deliberation", None, None, None,
                                   f"{prefix}召开居民议事会", 320, 330),
        ],
        "metrics": [
            records.MetricRecord(f"{a1}-m1", a1, page, day, 30.0, 30.0, None, "公里", "at_least", "length", "巡逻",
                                 None, "30余公里", 60, 65),
            records.MetricRecord(f"{a2}-m1", a2, page, day, 3.0, 3.0, 3.0, "亩", "exact", "area", "绿地", None,
                                 "3亩", 340, 342),
        ],
        "quarantine": [],
    }


def _tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [
        t
        for (t,) in con.execute(
            "select table_name from information_schema.tables"
            " where table_catalog = ? and table_schema = 'marts' order by table_name",
            [catalog],
        ).fetchall()
    ]


def test_incremental_and_full_refresh_build_the_same_marts(tmp_path: Path, dbt_settings, insert_raw) -> None:
    incremental = dbt_settings(tmp_path / "incremental")
    insert_raw(incremental.warehouse, _day(DAY_1, "沧州日报", "d1"), GAZETTEER)
    dbt_build(incremental, DAY_1)
    # A sentinel row of day 1: an incremental build of day 2 must leave day 1's rows alone.
    with duckdb.connect(str(incremental.warehouse)) as con:
        con.execute(
            "insert into marts.bridge_article_person"
            " select 'sentinel', article_id, person_key, role, run_date, credit_count, char_start"
            " from marts.bridge_article_person"
        )
    insert_raw(incremental.warehouse, _day(DAY_2, "河北日报", "d2"), GAZETTEER)
    dbt_build(incremental, DAY_2)
    with duckdb.connect(str(incremental.warehouse)) as con:
        sentinel = "from marts.bridge_article_person where article_person_key = 'sentinel'"
        assert con.execute(f"select run_date {sentinel}").fetchall() == [(DAY_1,)]
        con.execute(f"delete {sentinel}")

    with duckdb.connect(str(incremental.warehouse), read_only=True) as con:
        counts = {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in _tables(con, "warehouse")}
        event = con.execute(
            "select mention_count, newspaper_count, first_reported_date, last_reported_date, activity_mention_ids"
            " from marts.fct_activities where mention_count > 1"
        ).fetchall()
    assert (counts["fct_articles"], counts["fct_activity_mentions"], counts["fct_metrics"]) == (4, 4, 4)
    # the same organiser and name in two papers a day apart: one activity, first reported on day 1
    assert event == [(2, 2, DAY_1, DAY_2, ["d1a1-v1", "d2a1-v1"])]
    assert counts["fct_activities"] == 3

    # Day 2 again, after its metrics vanished and a title changed: its rows are replaced, not added.
    with duckdb.connect(str(incremental.warehouse)) as con:
        con.execute("delete from raw.metrics where run_date = ?", [DAY_2])
        con.execute("update raw.articles set title = '改过的标题' where article_id = 'd2a2'")
    dbt_build(incremental, DAY_2)

    full = dbt_settings(tmp_path / "full", warehouse=tmp_path / "full" / "warehouse.duckdb")
    full.home.mkdir(parents=True)
    shutil.copyfile(incremental.warehouse, full.warehouse)
    dbt_build(full, full_refresh=True)

    with duckdb.connect(str(incremental.warehouse), read_only=True) as con:
        con.execute(f"attach '{full.warehouse}' as rebuilt (read_only)")
        tables = _tables(con, "warehouse")
        assert tables == _tables(con, "rebuilt")
        assert len(tables) >= 19
        differences = {}
        for t in tables:
            only_incremental = con.execute(
                f"select count(*) from (select * from warehouse.marts.{t} except all select * from rebuilt.marts.{t})"
            ).fetchone()[0]
            only_full = con.execute(
                f"select count(*) from (select * from rebuilt.marts.{t} except all select * from warehouse.marts.{t})"
            ).fetchone()[0]
            if only_incremental or only_full:
                differences[t] = (only_incremental, only_full)
        assert differences == {}
        assert con.execute("select count(*) from marts.fct_metrics where run_date = ?", [DAY_2]).fetchone()[0] == 0
        assert con.execute("select count(*) from marts.fct_metrics").fetchone()[0] == 2
        assert con.execute("select title from marts.fct_articles where article_id = 'd2a2'").fetchall() == [
            ("改过的标题",)
        ]
        assert con.execute("select count(*) from marts.fct_articles").fetchone()[0] == 4
