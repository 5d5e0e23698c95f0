"""The incremental project builds the marts the whole-history project built, on pages the project generates
and on the real seed pages.

The reference is the dbt project as it was before the build became incremental (commit BEFORE_INCREMENTAL,
read with ``git archive``, with today's seeds): it compared every activity mention with every other and
rebuilt every dimension and mart from all dates. Three generated days, the five seed pages on a fourth and
the same seed pages again (new files: one byte longer) on a fifth, so that every seed activity is reported
on two days, are built once by the reference and once by today's project as a range: every mart table,
the deduplicated activities (fct_activities) among them, must hold the same rows.
"""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import duckdb
import pytest

from ingestion import pipeline
from ingestion.generate import write_landing
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.transform import _run_dbt, dbt_build

pytestmark = pytest.mark.integration

# The last commit whose dbt project rebuilt everything from all history on every run.
BEFORE_INCREMENTAL = "3df6c46648c8c6c19e6ac06c87e2259ebd17c8b7"
START = datetime.date(2025, 3, 1)
DATES = [START + datetime.timedelta(days=i) for i in range(5)]


def _reference_project(into: Path) -> Path:
    """The dbt project at BEFORE_INCREMENTAL with today's seeds (data, not logic); skip without that commit."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", BEFORE_INCREMENTAL, "dbt_project"],
            cwd=PROJECT_ROOT, capture_output=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"the reference project needs commit {BEFORE_INCREMENTAL[:7]} in the git history: {exc}")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    project = into / "dbt_project"
    for seed in (PROJECT_ROOT / "dbt_project" / "seeds").glob("*.csv"):
        shutil.copyfile(seed, project / "seeds" / seed.name)
    return project


def _ingest(settings: Settings, day: datetime.date) -> None:
    for item in pipeline.discover(settings, day):
        assert pipeline.parse_file(settings, day, item)["status"] == "parsed"
    pipeline.load(settings, day)


@pytest.fixture(scope="module")
def raw_warehouse(tmp_path_factory: pytest.TempPathFactory, dbt_settings, seeds: list[Path]) -> Path:
    """Raw tables only: three generated days, then the seed pages on two days."""
    settings = dbt_settings(tmp_path_factory.mktemp("raw"))
    write_landing(settings.landing, days=3, start=START, seed=5, pages=6, truth=False)
    for n, day in enumerate(DATES[3:]):
        folder = settings.landing / day.isoformat()
        folder.mkdir(parents=True)
        for page in seeds:
            (folder / page.name).write_bytes(page.read_bytes() + b"\n" * n)
    for day in DATES:
        _ingest(settings, day)
    return settings.warehouse


def test_the_marts_equal_the_whole_history_projects(
    raw_warehouse: Path, tmp_path: Path, dbt_settings, assert_same_marts
) -> None:
    reference = dbt_settings(tmp_path / "reference", dbt_project=_reference_project(tmp_path / "project"))
    reference.home.mkdir(parents=True)
    shutil.copyfile(raw_warehouse, reference.warehouse)
    # its models only: the reference's tests are not what this compares
    built = _run_dbt(reference, ["build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"])
    assert built.returncode == 0, built.stdout[-3000:]

    today = dbt_settings(tmp_path / "today")
    today.home.mkdir(parents=True)
    shutil.copyfile(raw_warehouse, today.warehouse)
    dbt_build(today, DATES[0], end=DATES[-1])

    assert_same_marts(today.warehouse, reference.warehouse)
    with duckdb.connect(str(today.warehouse), read_only=True) as con:
        [(events, merged, across_run_dates)] = con.execute(
            """select count(distinct event_id), count(distinct event_id) filter (where reports > 1),
                      count(distinct event_id) filter (where run_dates > 1)
               from (select bridge.event_id, count(*) over (partition by bridge.event_id) as reports,
                            count(distinct mentions.run_date) over (partition by bridge.event_id) as run_dates
                     from marts.bridge_activity_mention as bridge
                     inner join marts.fct_activity_mentions as mentions using (activity_mention_id))"""
        ).fetchall()
    assert across_run_dates >= 5  # the seed activities, loaded again the next day, merge with the first load
    assert events > merged > across_run_dates
