"""Shared fixtures: the real seed pages beside the repo, and one Airflow home per session."""

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

