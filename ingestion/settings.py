"""Where the pipeline reads and writes: one settings object built at the edge.

By default the pipeline writes under the project's ``data/`` and its reports under
``reports/``. Setting ``NEWSDW_HOME`` (or ``newsdw --home``) moves all of it: data
under that folder and reports to ``<home>/reports``. Each path can also be moved on
its own (``NEWSDW_REPORTS``, ``NEWSDW_WAREHOUSE``, ...).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    landing: Path
    raw: Path
    staging: Path
    warehouse: Path
    reports: Path
    airflow_home: Path
    dbt_project: Path
    gx_root: Path

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Path | str | None) -> Settings:
        """Build settings from ``NEWSDW_*`` variables; keyword overrides win when not None."""
        env = dict(os.environ if env is None else env)
        chosen = overrides.get("home") or env.get("NEWSDW_HOME")
        home = Path(chosen or PROJECT_ROOT / "data").resolve()

        def pick(key: str, var: str, default: Path) -> Path:
            value = overrides.get(key) or env.get(var)
            return Path(value).resolve() if value else default

        return cls(
            home=home,
            landing=pick("landing", "NEWSDW_LANDING", home / "landing"),
            raw=pick("raw", "NEWSDW_RAW", home / "raw"),
            staging=pick("staging", "NEWSDW_STAGING", home / "staging"),
            warehouse=pick("warehouse", "NEWSDW_WAREHOUSE", home / "warehouse.duckdb"),
            reports=pick("reports", "NEWSDW_REPORTS", home / "reports" if chosen else PROJECT_ROOT / "reports"),
            airflow_home=pick("airflow_home", "AIRFLOW_HOME", home / "airflow"),
            dbt_project=pick("dbt_project", "NEWSDW_DBT_PROJECT", PROJECT_ROOT / "dbt_project"),
            gx_root=pick("gx_root", "NEWSDW_GX_ROOT", home / "gx"),
        )

    def env(self) -> dict[str, str]:
        """The same settings as environment variables, for subprocesses (Airflow, dbt)."""
        return {
            "NEWSDW_HOME": str(self.home),
            "NEWSDW_LANDING": str(self.landing),
            "NEWSDW_RAW": str(self.raw),
            "NEWSDW_STAGING": str(self.staging),
            "NEWSDW_WAREHOUSE": str(self.warehouse),
            "NEWSDW_REPORTS": str(self.reports),
            "AIRFLOW_HOME": str(self.airflow_home),
            "NEWSDW_DBT_PROJECT": str(self.dbt_project),
            "NEWSDW_GX_ROOT": str(self.gx_root),
        }


def seconds_from_env(name: str, default: float, env: dict[str, str] | None = None) -> float:
    """A non-negative number of seconds from the environment variable ``name``; ``default`` when unset or not a number."""
    value = (os.environ if env is None else env).get(name)
    try:
        return max(0.0, float(value)) if value else default
    except ValueError:
        return default


MEMORY_ENV = "NEWSDW_DUCKDB_MEMORY"
DEFAULT_MEMORY = "1GB"


def duckdb_memory_limit(env: dict[str, str] | None = None) -> str:
    """DuckDB's memory limit for the pipeline's connections and dbt (``NEWSDW_DUCKDB_MEMORY``, default 1GB).

    DuckDB's own default is 80 % of the machine's memory; bounded, it spills joins, sorts
    and aggregates to ``<warehouse>.tmp`` instead, so a year's build stays under 2 GB a process.
    """
    value = ((os.environ if env is None else env).get(MEMORY_ENV) or "").strip()
    return value or DEFAULT_MEMORY
