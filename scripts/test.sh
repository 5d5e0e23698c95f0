#!/usr/bin/env bash
# Installs everything the tests need (uv, the locked environment) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
export UV_PYTHON_DOWNLOADS=never
python3 -m uv sync --frozen --extra dev --quiet
# Headless Chromium renders the data-quality report in tests/report (a CJK font so its screenshots read).
command -v chromium >/dev/null 2>&1 || { SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo); $SUDO apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei; }
.venv/bin/ruff check ingestion dags expectations tests benchmarks
NEWSDW_WAREHOUSE=:memory: .venv/bin/sqlfluff lint dbt_project/models --disable-progress-bar
.venv/bin/python -m pytest "$@"
