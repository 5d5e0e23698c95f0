"""Shared fixtures: the real seed pages beside the repo, and one Airflow home per session.

Under pytest-xdist (``scripts/test.sh`` runs ``-n 2 --dist loadfile``) each test module runs on one worker,
so a module's fixtures (a built warehouse, a DAG run) are built once; session fixtures once per worker.
The slow modules (real Airflow runs, then dbt builds) are collected first, so that the two workers
start on them and the quick ones fill in after, rather than one long module ending the run alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SEEDS


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    """The five real pages (not shipped in the repo: they sit in ../shared/seeds)."""
    pages = sorted(SEEDS.glob("*.txt"))
    assert pages, f"seed pages not found under {SEEDS}"
    return pages


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory) -> Path:
    """One migrated Airflow metadata DB (SQLite) with the writer pool, shared by the session's DAG runs."""
    from ingestion.airflow_runner import ensure_airflow
    from ingestion.settings import Settings

    home = tmp_path_factory.mktemp("airflow")
    ensure_airflow(Settings.from_env(env={}, home=home, airflow_home=home))
    return home


@pytest.fixture()
def settings(tmp_path, airflow_home):
    """Settings with every data path under a fresh temporary folder."""
    from ingestion.settings import Settings

    return Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports", airflow_home=airflow_home)


_FIRST = ("tests/integration/", "tests/dbt/")


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        path = item.nodeid
        return next((i for i, prefix in enumerate(_FIRST) if path.startswith(prefix)), len(_FIRST))

    items.sort(key=rank)  # stable: each module's tests keep their order
