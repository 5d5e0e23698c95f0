#!/usr/bin/env bash
# Installs everything the tests need (uv, the locked environment, a few Debian packages) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
export UV_PYTHON_DOWNLOADS=never
python3 -m uv sync --frozen --extra dev --quiet

# Debian packages, each only when what it provides is missing: headless Chromium and a CJK font render the
# data-quality report in tests/report; PostgreSQL's server binaries run the scheduler test's metadata database
# (tests/integration/test_scheduler_postgres.py starts its own throw-away cluster). apt-get update runs only when
# something is missing; no recommended packages, and nothing already installed is upgraded.
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "$(fc-list :lang=zh family 2>/dev/null)" ] || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
    echo "scripts/test.sh: installing ${missing[*]} (apt)"
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        # The test starts its own throw-away cluster: no default cluster (no server on port 5432) from the package.
        $SUDO mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/newsdw-tests.conf >/dev/null
    fi
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}"
fi

.venv/bin/ruff check ingestion dags expectations tests benchmarks
NEWSDW_WAREHOUSE=:memory: .venv/bin/sqlfluff lint dbt_project/models --disable-progress-bar
# Two workers (the machines here have two cores); a module's tests stay on one worker, so its fixtures are built once.
.venv/bin/python -m pytest -n "${NEWSDW_TEST_WORKERS:-2}" --dist loadfile "$@"
