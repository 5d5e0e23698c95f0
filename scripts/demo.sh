#!/usr/bin/env bash
# Installs the locked environment and runs the demo end to end: generated pages → Airflow → dbt → GX.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
export UV_PYTHON_DOWNLOADS=never
python3 -m uv sync --frozen --quiet
.venv/bin/newsdw demo "$@"
