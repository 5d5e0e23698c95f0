"""Where the pipeline writes: project folders by default, one variable moves everything."""

from __future__ import annotations

from ingestion.settings import PROJECT_ROOT, Settings


def test_defaults_are_the_projects_data_and_reports_folders():
    s = Settings.from_env(env={})
    assert s.home == PROJECT_ROOT / "data"
    assert s.reports == PROJECT_ROOT / "reports"
    assert s.warehouse == PROJECT_ROOT / "data" / "warehouse.duckdb"
    assert s.airflow_home == PROJECT_ROOT / "data" / "airflow"


def test_newsdw_home_moves_data_and_reports(tmp_path):
    s = Settings.from_env(env={"NEWSDW_HOME": str(tmp_path)})
    paths = [s.landing, s.raw, s.staging, s.warehouse, s.reports, s.airflow_home, s.gx_root]
    assert all(p.is_relative_to(tmp_path) for p in paths), paths


def test_single_paths_can_be_moved_and_round_trip_through_the_environment(tmp_path):
    s = Settings.from_env(env={"NEWSDW_HOME": str(tmp_path / "h"), "NEWSDW_WAREHOUSE": str(tmp_path / "w.duckdb")})
    assert s.warehouse == tmp_path / "w.duckdb"
    assert Settings.from_env(env=s.env()) == s
