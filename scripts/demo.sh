#!/usr/bin/env bash
# Installs the locked environment and runs the demo end to end: generated pages → Airflow → dbt → GX.
# Needs Python 3.11, 3.12 or 3.13 as python3. Options go to `newsdw demo` (e.g. --days 2).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'; then
    echo "demo.sh: python3 is $(python3 -V 2>&1); the project needs Python 3.11, 3.12 or 3.13" >&2
    exit 2
fi
python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
export UV_PYTHON_DOWNLOADS=never
echo "demo.sh: installing the locked environment into .venv/ (the first time takes a few minutes)" >&2
python3 -m uv sync --frozen
.venv/bin/newsdw demo "$@"
