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


def test_duckdb_connections_are_bounded_by_the_memory_setting(tmp_path, monkeypatch) -> None:
    from ingestion.settings import duckdb_memory_limit
    from ingestion.warehouse import connect

    assert duckdb_memory_limit({}) == "1GB"
    assert duckdb_memory_limit({"NEWSDW_DUCKDB_MEMORY": " 512MB "}) == "512MB"
    monkeypatch.setenv("NEWSDW_DUCKDB_MEMORY", "512MB")
    con = connect(tmp_path / "w.duckdb")
    try:
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit.replace(" ", "") in {"512.0MiB", "488.2MiB"}, limit  # DuckDB prints it in MiB
