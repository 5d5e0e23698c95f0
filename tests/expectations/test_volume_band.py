"""The volume band learned from earlier run dates (DuckDB only: the SQL behind the suite parameters)."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest

from expectations import volume_parameters

DAY = date(2024, 6, 30)


def _band(history: dict[date, int], day: date = DAY) -> dict[str, object]:
    """Evaluate the band's parameters for ``day`` over a table holding ``history`` (run date → rows)."""
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("create table raw.pages (page_id varchar, run_date date)")
    for d, n in history.items():
        con.execute("insert into raw.pages select ?::varchar || '-' || i, ? from range(?) as t(i)", [d, d, n])
    out = {}
    for name, sql in volume_parameters("raw.pages", "pages").items():
        out[name.removeprefix("pages_")] = con.execute(sql, {"run_date": day}).fetchone()[0]
    return out


def _days(*counts: int) -> dict[date, int]:
    """Counts of the run dates before DAY, the last one first."""
    return {DAY - timedelta(days=i): n for i, n in enumerate(counts, start=1)}


def test_no_band_until_three_earlier_run_dates() -> None:
    assert _band({}) == {"min": None, "max": None, "median": None, "history_runs": 0}
    assert _band(_days(5, 5)) == {"min": None, "max": None, "median": 5.0, "history_runs": 2}


def test_steady_history_gives_half_to_double_the_median() -> None:
    assert _band(_days(4, 4, 4, 4)) == {"min": 2, "max": 8, "median": 4.0, "history_runs": 4}


def test_variable_history_widens_the_band_by_mad() -> None:
    # median 10, MAD 5: median ± 3·1.4826·5 = [-12.2, 32.2] → [0, 33], wider than [5, 20]
    band = _band(_days(5, 10, 15, 10, 20, 5, 15))
    assert (band["min"], band["max"], band["median"]) == (0, 33, 10.0)


def test_only_the_last_30_earlier_run_dates_count() -> None:
    # 30 recent days of 10 pages, and older days of 100 that must not pull the median up
    history = _days(*([10] * 30 + [100] * 40))
    assert _band(history)["history_runs"] == 30
    assert _band(history)["median"] == 10.0


@pytest.mark.parametrize("later", [0, 1])
def test_the_run_date_itself_and_later_dates_are_not_history(later: int) -> None:
    history = _days(4, 4, 4) | {DAY + timedelta(days=later): 100}
    assert _band(history) == {"min": 2, "max": 8, "median": 4.0, "history_runs": 3}


def test_days_that_loaded_nothing_are_not_history() -> None:
    # an empty day has no rows, so it cannot drag the band down (it is itself a critical failure)
    history = _days(6, 6, 6)
    assert _band(history) == _band({DAY - timedelta(days=1): 6, DAY - timedelta(days=3): 6, DAY - timedelta(days=5): 6})
