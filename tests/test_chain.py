"""The writer chain validates a range in windows: one checkpoint run per window, each date gets its window's result."""

from __future__ import annotations

from datetime import date

import pytest

from ingestion import chain, quality
from ingestion.settings import Settings


@pytest.fixture()
def calls(monkeypatch) -> list[tuple[date, date]]:
    seen: list[tuple[date, date]] = []

    def fake_validate(settings, run_date, suites=None, end_date=None):  # records the windows asked for
        seen.append((run_date, end_date))
        return {"success": True, "window": f"{run_date}..{end_date}"}

    monkeypatch.setattr(quality, "validate", fake_validate)
    return seen


def test_a_range_is_validated_in_windows_and_each_date_gets_its_windows_result(tmp_path, monkeypatch, calls):
    settings = Settings.from_env(env={}, home=tmp_path)
    monkeypatch.setenv(chain.VALIDATE_DAYS_ENV, "3")
    start, end = date(2025, 1, 1), date(2025, 1, 8)
    run_dates = [d for d in chain.days(start, end) if d not in (date(2025, 1, 1), date(2025, 1, 4),
                                                                date(2025, 1, 5), date(2025, 1, 6))]
    out = chain.validate_range(settings, run_dates, start, end)
    # windows 1-3, 4-6 (no run date: skipped), 7-8; each window from its first to its last run date
    assert calls == [(date(2025, 1, 2), date(2025, 1, 3)), (date(2025, 1, 7), date(2025, 1, 8))]
    assert sorted(out) == [d.isoformat() for d in run_dates]
    assert out["2025-01-03"]["window"] == "2025-01-02..2025-01-03"
    assert out["2025-01-08"]["window"] == "2025-01-07..2025-01-08"


def test_one_date_is_one_window_by_default(tmp_path, monkeypatch, calls):
    settings = Settings.from_env(env={}, home=tmp_path)
    monkeypatch.delenv(chain.VALIDATE_DAYS_ENV, raising=False)
    day = date(2025, 3, 1)
    assert chain.validate_range(settings, [day], day, day) == {"2025-03-01": {"success": True,
                                                                              "window": "2025-03-01..2025-03-01"}}
    year = chain.days(date(2025, 1, 1), date(2025, 12, 31))
    calls.clear()
    chain.validate_range(settings, year, year[0], year[-1])
    assert len(calls) == 4  # 365 days in windows of 92


def test_the_snapshot_is_published_and_both_outcomes_recorded_when_the_validation_fails(tmp_path, monkeypatch):
    from ingestion import publish, transform

    settings = Settings.from_env(env={}, home=tmp_path)
    day = date(2025, 3, 1)
    order: list[str] = []

    def broken_validation(*args):
        raise RuntimeError("GX could not read a table")

    monkeypatch.setattr(chain, "validate_range", broken_validation)
    def snapshot(s, stats, replaced_by_date=()):
        order.append("snapshot")
        stats.update(files_written=3)
        return tmp_path / "snap"

    monkeypatch.setattr(publish, "publish_snapshot", snapshot)
    monkeypatch.setattr(transform, "dbt_docs", lambda s: order.append("docs") or tmp_path / "docs")
    recorded: dict[str, object] = {}

    def step(key, fn, per_date=False):
        try:
            recorded[key] = fn()
        except Exception as exc:
            recorded[key] = f"error: {exc}"
            raise

    with pytest.raises(RuntimeError, match="GX could not read"):
        chain.validate_and_publish(settings, [day], day, day, step)
    assert list(recorded) == ["validated", "published"]
    assert recorded["validated"] == "error: GX could not read a table"
    assert recorded["published"] == {"snapshot": str(tmp_path / "snap"), "files_written": 3,
                                     "dbt_docs": str(tmp_path / "docs")}
    assert order == ["snapshot", "docs"]  # the docs after the validation is done
