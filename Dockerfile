# Airflow image for the newsdw pipeline: the official Airflow 3.3.2 image plus
# this project's dependencies, pinned exactly as in uv.lock.
#
# Built by docker-compose.yml (`docker compose build`). At run time the stack
# bind-mounts the live sources (dags/, ingestion/, dbt_project/, expectations/)
# under /opt/newsdw, and PYTHONPATH=/opt/newsdw makes the mounted `ingestion`
# win over the copy installed here, so code edits need no rebuild; a change to
# pyproject.toml or uv.lock does.
FROM apache/airflow:3.3.2-python3.11

# uv only turns uv.lock into a hash-pinned requirements file; pip installs it.
ARG UV_VERSION=0.13.9

USER airflow

# README.md is read by the build backend (pyproject's `readme`).
COPY --chown=airflow:0 pyproject.toml uv.lock README.md /tmp/newsdw/
COPY --chown=airflow:0 ingestion /tmp/newsdw/ingestion
COPY --chown=airflow:0 expectations /tmp/newsdw/expectations

# 1. Export the lock (runtime deps only: no `dev` extra, no project itself)
#    with hashes; --frozen reads uv.lock as it is and never re-resolves.
# 2. Install those exact versions, hash-checked. apache-airflow==3.3.2 is in
#    the lock, so the image's Airflow is never up- or downgraded.
# 3. Install the project itself (the `newsdw` CLI), its deps already present.
RUN pip install --no-cache-dir "uv==${UV_VERSION}" \
 && cd /tmp/newsdw \
 && uv export --frozen --no-dev --no-emit-project --format requirements-txt \
        --output-file /tmp/newsdw/requirements.txt \
 && pip install --no-cache-dir --require-hashes -r /tmp/newsdw/requirements.txt \
 && pip install --no-cache-dir --no-deps /tmp/newsdw \
 && pip uninstall --yes uv \
 && rm -rf /tmp/newsdw
