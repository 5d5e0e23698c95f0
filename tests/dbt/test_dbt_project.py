"""dbt project against a hand-made raw schema in a temporary DuckDB."""

from __future__ import annotations

import csv
import datetime
import hashlib
import re
from pathlib import Path

import duckdb
import pytest
import yaml

from ingestion import records
from ingestion.settings import PROJECT_ROOT
from ingestion.transform import dbt_build

RUN_DATE = datetime.date(2024, 5, 2)
EDITION_DATE = datetime.date(2024, 5, 1)
DBT_PROJECT = PROJECT_ROOT / "dbt_project"

# region_code, region_name, short_name, level, parent_code, province_code, city_code
GAZETTEER = [
    ("130000000000", "河北省", "河北", "province", None, "130000000000", None),
    ("130900000000", "沧州市", "沧州", "city", "130000000000", "130000000000", "130900000000"),
    ("130903000000", "运河区", "运河", "county", "130900000000", "130000000000", "130900000000"),
    # county-level city directly under the province: its city_code is the province
    ("130181000000", "辛集市", "辛集", "county", "130000000000", "130000000000", "130000000000"),
]


def _page(page_id: str, newspaper: str | None, edition_date: datetime.date | None) -> records.PageRecord:
    return records.PageRecord(
        page_id=page_id,
        run_date=RUN_DATE,
        file_name=f"{page_id}.txt",
        raw_path=f"raw/{page_id}.txt",
        encoding="utf-8",
        newspaper=newspaper,
        edition_date=edition_date,
        page_number="1",
        page_banner=None,
        char_count=900,
        article_count=3,
        parser_version="test",
    )


def _article(article_id: str, page_id: str, ordinal: int, kind: str, **fields: object) -> records.ArticleRecord:
    values: dict[str, object] = dict(
        subtitle=None,
        kicker=None,
        section=None,
        byline=None,
        dateline_place=None,
        newspaper=None,
        body_text="……",
        char_start=ordinal * 300 - 300,
        char_end=ordinal * 300,
    )
    values.update(fields)
    return records.ArticleRecord(
        article_id=article_id,
        page_id=page_id,
        run_date=RUN_DATE,
        ordinal=ordinal,
        title=f"标题{article_id}",
        article_kind=kind,
        **values,
    )


def _region(
    mention_id: str, article_id: str, name: str, code: str | None, inferred: bool, start: int
) -> records.MentionRecord:
    return records.MentionRecord(
        mention_id=mention_id,
        article_id=article_id,
        page_id="p1",
        run_date=RUN_DATE,
        entity_type="region",
        entity_name=name,
        surface=name,
        region_code=code,
        org_type=None,
        is_inferred=inferred,
        char_start=start,
        char_end=start + len(name),
    )


def _activity(activity_id: str, article_id: str, page_id: str, activity_type: str) -> records.ActivityRecord:
    return records.ActivityRecord(
        activity_id=activity_id,
        article_id=article_id,
        page_id=page_id,
        run_date=RUN_DATE,
        activity_type=activity_type,
        organizer=None,
        activity_name=None,
        place=None,
        quote="开展活动。",
        char_start=100,
        char_end=105,
    )


def _metric(metric_id: str, article_id: str, page_id: str, qualifier: str, kind: str) -> records.MetricRecord:
    return records.MetricRecord(
        metric_id=metric_id,
        article_id=article_id,
        page_id=page_id,
        run_date=RUN_DATE,
        value=200.0,
        value_low=None,
        value_high=None,
        unit="人",
        qualifier=qualifier,
        metric_kind=kind,
        subject=None,
        period=None,
        quote="200余人",
        char_start=120,
        char_end=125,
    )


PAGES = [
    _page("p1", newspaper="河北日报", edition_date=EDITION_DATE),
    # no sidecar, no banner: no newspaper and no edition date
    _page("p2", newspaper=None, edition_date=None),
]

ARTICLES = [
    _article("a1", "p1", 1, "news", section="要闻", byline="本报记者 张三", newspaper="河北日报"),
    _article("a2", "p1", 2, "brief", subtitle="副题", newspaper="河北日报"),
    _article("a3", "p1", 3, "feature", newspaper="河北日报"),
    # the region-less article, on the page without a newspaper
    _article("a4", "p2", 1, "news"),
]

PEOPLE = [
    records.PersonRecord("pm1", "a1", "p1", RUN_DATE, "张三", "reporter", 10, 12),
    records.PersonRecord("pm2", "a1", "p1", RUN_DATE, "张三", "photographer", 280, 282),
    records.PersonRecord("pm3", "a1", "p1", RUN_DATE, "李四", "correspondent", 13, 15),
]

MENTIONS = [
    # a1: printed city first, printed county later → the county is primary
    _region("m1", "a1", "沧州市", "130900000000", inferred=False, start=20),
    _region("m2", "a1", "运河区", "130903000000", inferred=False, start=40),
    records.MentionRecord(
        "m3", "a1", "p1", RUN_DATE, "organization", "运河区委", "运河区委", None, "party", False, 50, 54
    ),
    # a2: a development zone outside the gazetteer, and the city it implies
    _region("m4", "a2", "沧州高新区", None, inferred=False, start=310),
    _region("m5", "a2", "沧州市", "130900000000", inferred=True, start=310),
    _region("m6", "a3", "辛集市", "130181000000", inferred=False, start=610),
]

ACTIVITIES = [
    _activity("act1", "a1", "p1", "volunteer_service"),
    _activity("act2", "a4", "p2", "training_exchange"),
]

METRICS = [
    _metric("mt1", "a1", "p1", "at_least", "count"),
    _metric("mt2", "a2", "p1", "approx", "money"),
    _metric("mt3", "a4", "p2", "exact", "percent"),
]

QUARANTINE = [
    records.QuarantineRecord(
        quarantine_id="q1",
        run_date=RUN_DATE,
        page_id="p9",
        file_name="broken.txt",
        raw_path="raw/p9.txt",
        stage="decode",
        error_type="UnicodeDecodeError",
        error_message="not UTF-8, UTF-16 or GB18030",
        quarantined_at="2024-05-02T08:00:00+00:00",
    ),
]

RAW_ROWS = {
    "pages": PAGES,
    "articles": ARTICLES,
    "people": PEOPLE,
    "mentions": MENTIONS,
    "activities": ACTIVITIES,
    "metrics": METRICS,
    "quarantine": QUARANTINE,
}

# (fact, key column, dimension): the dimension's key column has the same name
FACT_KEYS = [
    (fact, key, dim)
    for fact in ("fct_articles", "fct_activity_mentions", "fct_activities", "fct_metrics")
    for key, dim in (("date_key", "dim_date"), ("newspaper_key", "dim_newspaper"), ("region_key", "dim_region"))
] + [
    ("fct_activity_mentions", "organization_key", "dim_organization"),
    ("fct_activity_mentions", "activity_type_key", "dim_activity_type"),
    ("fct_activities", "organization_key", "dim_organization"),
    ("fct_activities", "activity_type_key", "dim_activity_type"),
    ("fct_metrics", "organization_key", "dim_organization"),
    ("fct_metrics", "unit_key", "dim_unit"),
    ("bridge_article_person", "person_key", "dim_person"),
    ("bridge_article_region", "region_key", "dim_region"),
    ("bridge_article_organization", "organization_key", "dim_organization"),
    ("dim_organization", "region_key", "dim_region"),
]
# (query over the built marts, the rows it must return)
MART_ROWS = [
    pytest.param(
        "select article_id, people_count, region_count, activity_count, metric_count"
        " from marts.fct_articles order by article_id",
        [("a1", 2, 2, 1, 1), ("a2", 0, 2, 0, 1), ("a3", 0, 1, 0, 0), ("a4", 0, 0, 1, 1)],
        id="article_counts",
    ),
    # two activities of different articles and types stay two events, each listing its mention
    pytest.param(
        "select event_id, article_id, mention_count, activity_mention_ids, article_ids"
        " from marts.fct_activities order by event_id",
        [("act1", "a1", 1, ["act1"], ["a1"]), ("act2", "a4", 1, ["act2"], ["a4"])],
        id="one_event_per_unmerged_mention",
    ),
    pytest.param(
        "select metric_id, unit_key, canonical_unit, canonical_value, value_low, value_high"
        " from marts.fct_metrics order by metric_id",
        [
            ("mt1", "人", "人", 200.0, 200.0, None),  # at_least: [value, open)
            ("mt2", "人", "人", 200.0, None, None),  # approx without a stated range: open
            ("mt3", "人", "人", 200.0, 200.0, 200.0),  # exact
        ],
        id="metric_conversion_and_bounds",
    ),
]
MODELS = DBT_PROJECT / "models"
SEEDS = DBT_PROJECT / "seeds"


@pytest.fixture(scope="module")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory, dbt_settings, insert_raw) -> tuple[Path, dict]:
    """Fill a temporary warehouse's raw schema and run dbt build once for the module."""
    settings = dbt_settings(tmp_path_factory.mktemp("newsdw"))
    insert_raw(settings.warehouse, RAW_ROWS, GAZETTEER)
    summary = dbt_build(settings, run_date=RUN_DATE, unit_tests=True)
    return settings.warehouse, summary


@pytest.fixture(scope="module")
def warehouse(built_warehouse: tuple[Path, dict]) -> Path:
    """The built warehouse, for the tests that query it."""
    return built_warehouse[0]


def _query(warehouse: Path, sql: str, parameters: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, parameters).fetchall()


@pytest.mark.integration
def test_build_succeeds(built_warehouse: tuple[Path, dict]) -> None:
    _, summary = built_warehouse
    assert summary["success"] is True
    assert summary["failures"] == []
    assert summary["models"] >= 30
    # the batch's data tests (the raw sources' run in GX daily and in the full check) and the unit tests
    assert summary["tests"] > 80


@pytest.mark.integration
def test_marts_live_in_their_own_schemas(warehouse: Path) -> None:
    rows = _query(warehouse, "select table_schema, table_name from information_schema.tables")
    assert ("marts", "fct_articles") in rows
    assert ("staging", "stg_articles") in rows


@pytest.mark.integration
def test_one_fact_row_per_raw_row(warehouse: Path) -> None:
    for fact, raw in (("fct_articles", "articles"), ("fct_activity_mentions", "activities"), ("fct_metrics", "metrics")):
        [(fact_rows,)] = _query(warehouse, f"select count(*) from marts.{fact}")
        [(raw_rows,)] = _query(warehouse, f"select count(*) from raw.{raw}")
        assert fact_rows == raw_rows, fact


@pytest.mark.integration
@pytest.mark.parametrize(("fact", "key", "dim"), FACT_KEYS)
def test_every_fact_key_joins_its_dimension(warehouse: Path, fact: str, key: str, dim: str) -> None:
    orphans = _query(
        warehouse,
        f"select f.{key} from marts.{fact} as f left join marts.{dim} as d on f.{key} = d.{key} where d.{key} is null",
    )
    assert orphans == []


@pytest.mark.integration
def test_article_keys(warehouse: Path) -> None:
    rows = _query(
        warehouse,
        "select article_id, date_key, newspaper_key, region_key from marts.fct_articles order by article_id",
    )
    hebei_daily = hashlib.md5("河北日报".encode()).hexdigest()
    assert _query(
        warehouse, "select newspaper_name from marts.dim_newspaper where newspaper_key = ?", [hebei_daily]
    ) == [("河北日报",)]
    assert rows == [
        ("a1", 20240501, hebei_daily, "130903000000"),  # printed county beats printed city
        ("a2", 20240501, hebei_daily, "130900000000"),  # inferred city: the zone has no code
        ("a3", 20240501, hebei_daily, "130181000000"),
        ("a4", 20240502, "-1", "-1"),  # no region, no newspaper, no edition date
    ]


@pytest.mark.integration
def test_region_hierarchy_and_unknown_members(warehouse: Path) -> None:
    regions = dict(
        (row[0], row[1:])
        for row in _query(warehouse, "select region_key, province_name, city_name from marts.dim_region")
    )
    assert regions["130903000000"] == ("河北省", "沧州市")
    assert regions["130181000000"] == ("河北省", "河北省")
    assert regions["-1"] == ("(unknown)", "(unknown)")
    assert _query(warehouse, "select newspaper_name from marts.dim_newspaper where newspaper_key = '-1'") == [
        ("(unknown)",)
    ]
    assert _query(warehouse, "select date_day from marts.dim_date where date_key = -1") == [(None,)]


@pytest.mark.integration
def test_failed_build_raises_with_the_failing_test(tmp_path: Path, dbt_settings, insert_raw) -> None:
    settings = dbt_settings(tmp_path)
    insert_raw(settings.warehouse, RAW_ROWS, GAZETTEER)
    with duckdb.connect(str(settings.warehouse)) as con:
        con.execute("update raw.articles set article_kind = 'opinion' where article_id = 'a3'")
    with pytest.raises(RuntimeError, match="accepted_values_fct_articles_article_kind"):
        dbt_build(settings)


def test_accepted_values_match_records() -> None:
    """The marts' accepted_values lists stay in step with ingestion.records."""
    marts = yaml.safe_load((DBT_PROJECT / "models" / "marts" / "_marts.yml").read_text(encoding="utf-8"))
    accepted: dict[tuple[str, str], list[str]] = {}
    for model in marts["models"]:
        for column in model.get("columns", []):
            for test in column.get("data_tests", []):
                if isinstance(test, dict) and "accepted_values" in test:
                    accepted[(model["name"], column["name"])] = test["accepted_values"]["arguments"]["values"]
    assert accepted[("fct_articles", "article_kind")] == list(records.ARTICLE_KINDS)
    assert accepted[("fct_activity_mentions", "activity_type")] == list(records.ACTIVITY_TYPES)
    assert accepted[("fct_activities", "activity_type")] == list(records.ACTIVITY_TYPES)
    assert accepted[("bridge_article_person", "role")] == list(records.ROLES)
    assert accepted[("fct_metrics", "qualifier")] == list(records.QUALIFIERS)
    assert accepted[("fct_metrics", "metric_kind")] == list(records.METRIC_KINDS)


@pytest.mark.integration
@pytest.mark.parametrize(("sql", "expected"), MART_ROWS)
def test_mart_rows(warehouse: Path, sql: str, expected: list[tuple]) -> None:
    assert _query(warehouse, sql) == expected


@pytest.mark.integration
def test_people_and_organisations(warehouse: Path) -> None:
    people = _query(warehouse, "select person_key, person_name, roles, credit_count from marts.dim_person")
    assert sorted(people) == sorted(
        [
            (hashlib.md5("张三".encode()).hexdigest(), "张三", ["photographer", "reporter"], 2),
            (hashlib.md5("李四".encode()).hexdigest(), "李四", ["correspondent"], 1),
            ("-1", "(unknown)", [], 0),
        ]
    )
    # 运河区委 prints its county, which the article names
    assert _query(
        warehouse,
        "select organization_name, org_type, region_key, region_resolution from marts.dim_organization"
        " where organization_key != '-1'",
    ) == [("运河区委", "party", "130903000000", "printed")]


@pytest.mark.integration
def test_every_built_column_is_documented(warehouse: Path) -> None:
    """Each model's YAML lists exactly the columns it builds, each with a description."""
    documented: dict[str, dict[str, str]] = {}
    for path in MODELS.rglob("_*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            documented[model["name"]] = {c["name"]: c.get("description", "") for c in model.get("columns", [])}
    built: dict[str, set[str]] = {}
    for table, column in _query(
        warehouse,
        "select table_name, column_name from information_schema.columns"
        " where table_schema in ('staging', 'intermediate', 'marts')",
    ):
        built.setdefault(table, set()).add(column)
    assert set(built) == {p.stem for p in MODELS.rglob("*.sql")}
    for table, columns in built.items():
        assert set(documented.get(table, {})) == columns, table
        assert all(documented[table].values()), f"{table}: a column without a description"


def test_every_model_states_its_grain() -> None:
    for folder in ("intermediate", "marts"):
        for path in (MODELS / folder).glob("_*.yml"):
            for model in yaml.safe_load(path.read_text(encoding="utf-8"))["models"]:
                assert model["description"].startswith("Grain: one row per"), model["name"]
                if folder == "marts":
                    assert all(c.get("data_type") for c in model["columns"]), f"{model['name']}: contract types"


def test_seeds_follow_the_parser_and_the_taxonomy() -> None:
    """units.csv converts every unit the parser emits, with the parser's kind; activity_types.csv is the taxonomy."""
    from ingestion.parsing.metrics import UNIT_KIND

    units = {row["unit"]: row for row in csv.DictReader((SEEDS / "units.csv").open(encoding="utf-8"))}
    missing = sorted(set(UNIT_KIND) - set(units))
    assert not missing, f"add to dbt_project/seeds/units.csv: {missing}"
    assert {u: units[u]["metric_kind"] for u in UNIT_KIND} == UNIT_KIND
    for unit, row in units.items():
        canonical = units[row["canonical_unit"]]
        assert canonical["canonical_unit"] == canonical["unit"], f"{unit}: canonical units convert to themselves"
        assert canonical["metric_kind"] == row["metric_kind"], unit
        assert float(row["factor"]) > 0
    assert float(units["公里"]["factor"]) == 1000 and units["公里"]["canonical_unit"] == "米"
    assert re.fullmatch(r"666\.66+7?", units["亩"]["factor"])

    types = list(csv.DictReader((SEEDS / "activity_types.csv").open(encoding="utf-8")))
    assert [t["activity_type"] for t in types] == list(records.ACTIVITY_TYPES)
    assert all(t["label_zh"] and t["description"] for t in types)


@pytest.mark.integration
def test_a_release_in_another_folder_does_not_reuse_the_old_folders_parse(tmp_path: Path, dbt_settings) -> None:
    """dbt's partial-parse cache lives in the data home; a new release in another folder must not load
    the old folder's seeds (dbt 1.11 keeps their absolute paths in the cache)."""
    import shutil

    from ingestion.transform import _run_dbt

    ignore = shutil.ignore_patterns("target", "logs", "dbt_packages")
    first = shutil.copytree(DBT_PROJECT, tmp_path / "release-1" / "dbt_project", ignore=ignore)
    home = tmp_path / "home"
    done = _run_dbt(dbt_settings(home, dbt_project=first), ["seed"])
    assert done.returncode == 0, done.stdout[-2000:]
    assert (home / "dbt" / "target" / "partial_parse.msgpack").exists()

    second = shutil.copytree(first, tmp_path / "release-2" / "dbt_project")
    shutil.rmtree(tmp_path / "release-1")  # the old release is gone, as after a deployment
    again = _run_dbt(dbt_settings(home, dbt_project=second), ["seed"])
    assert again.returncode == 0, again.stdout[-2000:]
    assert "release-1" not in (home / "dbt" / "target" / "manifest.json").read_text(encoding="utf-8")
