"""Analysts' SQL reads the published database and nothing else: no file written, attached, loaded or read outside."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingestion import cli
from ingestion.analyst import RefusedQuery, connect_readonly, run_readonly
from ingestion.publish import snapshot_path
from ingestion.settings import Settings


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """A published snapshot shaped like ingestion.publish's: views over Parquet files in its folder."""
    s = Settings.from_env(env={}, home=tmp_path / "data", reports=tmp_path / "reports")
    snapshot = snapshot_path(s)
    tables = snapshot.parent / "tables" / "marts.fct_articles"
    tables.mkdir(parents=True)
    con = duckdb.connect()
    con.execute(f"copy (select 'a1' as article_id, 'news' as article_kind union all select 'a2', 'brief') "
                f"to '{tables / '2026-05-01.parquet'}'")
    con.close()
    con = duckdb.connect(str(snapshot))
    con.execute("create schema marts")
    con.execute(f"create view marts.fct_articles as select * from read_parquet('{tables}/*.parquet')")
    con.execute("create table marts.dim_one as select 1 as n")
    con.close()
    return s


def test_a_select_reads_tables_and_views_over_the_published_parquet(settings: Settings) -> None:
    assert run_readonly(settings, "select article_kind, count(*) from marts.fct_articles group by all order by 1") == (
        ["article_kind", "count_star()"], [("brief", 1), ("news", 1)])
    assert run_readonly(settings, "select n from marts.dim_one")[1] == [(1,)]
    assert run_readonly(settings, "describe marts.dim_one")[1][0][:2] == ("n", "INTEGER")


@pytest.mark.parametrize(
    "sql, says",
    [
        ("copy (select 1) to '{tmp}/out.csv'", "copy statements are not allowed"),
        ("copy marts.dim_one to '{published}/tables/marts.fct_articles/2026-05-01.parquet'", "copy statements are not allowed"),
        ("export database '{tmp}/dump'", "export statements are not allowed"),
        ("attach '{tmp}/other.duckdb' as other", "attach statements are not allowed"),
        ("set enable_external_access = true", "set statements are not allowed"),
        ("reset lock_configuration", "set statements are not allowed"),
        ("install httpfs", "load statements are not allowed"),
        ("load httpfs", "load statements are not allowed"),
        ("create table marts.x as select 1", "create statements are not allowed"),
        ("select 1; copy (select 1) to '{tmp}/out.csv'", "copy statements are not allowed"),
        ("selec 1", "cannot parse the query"),
    ],
)
def test_statements_that_write_attach_load_or_configure_are_refused(settings: Settings, tmp_path: Path, sql: str,
                                                                    says: str) -> None:
    sql = sql.format(tmp=tmp_path, published=snapshot_path(settings).parent)
    with pytest.raises(RefusedQuery, match=says):
        run_readonly(settings, sql)
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "dump").exists()
    assert not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_csv('/etc/passwd', sep = ':')",
        "select * from read_text('/etc/hostname')",
        "select * from glob('/etc/*')",
        "select * from sniff_csv('/etc/passwd')",
        "select * from read_parquet('{home}/raw/*.parquet')",
    ],
)
def test_files_outside_the_published_folder_cannot_be_read(settings: Settings, sql: str) -> None:
    with pytest.raises(duckdb.PermissionException, match="disabled by configuration"):
        run_readonly(settings, sql.format(home=settings.home))


def test_the_sandbox_cannot_be_switched_off_from_inside(settings: Settings, tmp_path: Path) -> None:
    # Even on the raw connection (no statement check), the configuration is locked.
    con = connect_readonly(settings)
    try:
        for sql in ("set enable_external_access = true", "set allowed_directories = ['/']", "set lock_configuration = false"):
            with pytest.raises(duckdb.InvalidInputException, match="configuration has been locked"):
                con.execute(sql)
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"copy (select 1) to '{tmp_path / 'out.csv'}'")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"attach '{tmp_path / 'other.duckdb'}'")
        with pytest.raises(duckdb.PermissionException):
            con.execute("load httpfs")
    finally:
        con.close()
    assert not (tmp_path / "out.csv").exists()


def test_cli_sql_prints_rows_and_refuses_with_one_line(settings: Settings, tmp_path: Path, capsys) -> None:
    home = ["--home", str(settings.home)]
    assert cli.main([*home, "sql", "select count(*) as n from marts.fct_articles"]) == 0
    out = capsys.readouterr().out.split()
    assert "n" in out and "2" in out

    assert cli.main([*home, "sql", f"copy (select 1) to '{tmp_path / 'x.csv'}'"]) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("newsdw sql: RefusedQuery: copy statements are not allowed: analysts' SQL only reads")
    assert err.count("\n") == 1
    assert cli.main([*home, "sql", "select * from read_csv('/etc/passwd')"]) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("newsdw sql: PermissionException: Permission Error: Cannot access file \"/etc/passwd\"")
    assert err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()


def test_on_the_writers_file_only_that_file_is_readable(tmp_path: Path) -> None:
    s = Settings.from_env(env={}, home=tmp_path / "data")
    s.home.mkdir(parents=True)
    con = duckdb.connect(str(s.warehouse))
    con.execute("create table t as select 42 as n")
    con.close()
    (s.home / "beside.csv").write_text("a\n1\n")
    assert run_readonly(s, "select n from t")[1] == [(42,)]
    with pytest.raises(duckdb.PermissionException):
        run_readonly(s, f"select * from read_csv('{s.home / 'beside.csv'}')")
