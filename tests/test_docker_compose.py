"""Static checks of the docker-compose deployment (no Docker engine needed).

The compose file is read with PyYAML (merge keys resolved), the Dockerfile and
.env.example as text. When a Compose v2 CLI is on the machine, `docker compose
config` is run too, in addition to (never instead of) these checks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path, PurePosixPath

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENV_EXAMPLE = ROOT / ".env.example"
PYPROJECT = ROOT / "pyproject.toml"

AIRFLOW_SERVICES = {
    "airflow-apiserver": "api-server",
    "airflow-scheduler": "scheduler",
    "airflow-dag-processor": "dag-processor",
    "airflow-triggerer": "triggerer",
}
INIT = "airflow-init"
ALL_AIRFLOW = [*AIRFLOW_SERVICES, INIT]
PROJECT_IN_CONTAINER = PurePosixPath("/opt/newsdw")
# Host paths that must be in the repo, and the two the stack may create.
SOURCE_MOUNTS = {"dags", "ingestion", "dbt_project", "expectations"}
RUNTIME_MOUNTS = {"data", "reports"}
DAG_FILE = "news_daily.py"  # the pipeline's DAG, under dags/

SECRET_KEY = re.compile(r"PASSWORD|SECRET|FERNET", re.IGNORECASE)
# A whole value that is one required reference: ${VAR:?message}
REQUIRED_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]+\}")
# Any ${VAR...} reference that compose interpolates ($${...} is an escaped $).
ANY_REF = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)")


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose: dict) -> dict:
    return compose["services"]


def env_of(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # ["KEY=value", ...] form
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def mounts_of(service: dict) -> list[tuple[str, str, bool]]:
    """(source, target, is_bind) for each volume entry, short or long syntax."""
    out = []
    for vol in service.get("volumes") or []:
        if isinstance(vol, dict):
            source, target = str(vol.get("source", "")), str(vol["target"])
            is_bind = vol.get("type") == "bind"
        else:
            parts = str(vol).split(":")
            source, target = parts[0], parts[1]
            is_bind = source.startswith((".", "/", "~"))
        out.append((source, target, is_bind))
    return out


def bind_mounts(service: dict) -> dict[str, Path]:
    """Container path -> resolved host path, for bind mounts only."""
    return {target: (ROOT / source).resolve() for source, target, is_bind in mounts_of(service) if is_bind}


def pinned_airflow_version() -> str:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    for dep in deps:
        req = Requirement(dep)
        if req.name == "apache-airflow":
            specs = list(req.specifier)
            assert len(specs) == 1 and specs[0].operator == "==", f"apache-airflow is not pinned: {dep!r}"
            return specs[0].version
    raise AssertionError("apache-airflow is not a dependency in pyproject.toml")


def dockerfile_base_image() -> str:
    froms = [
        line.split()[1]
        for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()
        if line.strip().upper().startswith("FROM ")
    ]
    assert len(froms) == 1, f"expected a single FROM in the Dockerfile, got {froms}"
    return froms[0]


def required_vars(text: str) -> set[str]:
    return set(REQUIRED_REF.findall(text))


def env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def init_script(services: dict) -> str:
    """The init service's bash -c script, as the container's bash receives it."""
    command = services[INIT]["command"]
    assert isinstance(command, list) and command[:2] == ["bash", "-c"], command
    script = command[2]
    # What compose does to it: ${AIRFLOW_UID:-50000} is interpolated, $$ -> $.
    script = re.sub(r"(?<!\$)\$\{AIRFLOW_UID:-(\d+)\}", r"\1", script)
    return script.replace("$$", "$")


# --------------------------------------------------------------------------- services


def test_airflow3_services_init_and_postgres_exist(services):
    assert set(AIRFLOW_SERVICES) | {INIT, "postgres"} <= set(services)


@pytest.mark.parametrize(("name", "command"), AIRFLOW_SERVICES.items())
def test_each_airflow3_component_runs_its_command(services, name, command):
    assert services[name]["command"] == command


def test_postgres_16_with_healthcheck(services):
    pg = services["postgres"]
    assert pg["image"] == "postgres:16"
    test = pg["healthcheck"]["test"]
    assert "pg_isready" in (test if isinstance(test, str) else " ".join(test))


@pytest.mark.parametrize("name", ALL_AIRFLOW)
def test_airflow_services_wait_for_healthy_postgres(services, name):
    assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", AIRFLOW_SERVICES)
def test_airflow_services_wait_for_init(services, name):
    assert services[name]["depends_on"][INIT]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("name", AIRFLOW_SERVICES)
def test_long_running_services_have_healthchecks(services, name):
    assert services[name]["healthcheck"]["test"]


# --------------------------------------------------------------------------- image


def test_all_airflow_services_share_one_image_built_from_the_dockerfile(services):
    builds = {name: services[name].get("build") for name in ALL_AIRFLOW}
    images = {name: services[name].get("image") for name in ALL_AIRFLOW}
    first = builds[ALL_AIRFLOW[0]]
    assert first, "Airflow services must be built from the project's Dockerfile"
    assert all(b == first for b in builds.values()), builds
    assert len(set(images.values())) == 1, images
    context = ROOT / (first if isinstance(first, str) else first.get("context", "."))
    dockerfile = "Dockerfile" if isinstance(first, str) else first.get("dockerfile", "Dockerfile")
    assert (context / dockerfile).resolve() == DOCKERFILE


def test_dockerfile_base_image_matches_pinned_airflow_and_python():
    base = dockerfile_base_image()
    match = re.fullmatch(r"apache/airflow:(?P<airflow>[^-]+)-python(?P<python>\d+\.\d+)", base)
    assert match, f"unexpected base image {base!r}"
    assert match["airflow"] == pinned_airflow_version() == "3.3.2"
    requires_python = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["requires-python"]
    assert SpecifierSet(requires_python).contains(match["python"] + ".0"), (base, requires_python)


def test_dockerfile_installs_the_project_from_the_lock():
    text = DOCKERFILE.read_text(encoding="utf-8")
    copied = " ".join(line for line in text.splitlines() if line.strip().upper().startswith("COPY "))
    for name in ("pyproject.toml", "uv.lock", "ingestion"):
        assert name in copied, f"Dockerfile does not COPY {name}"
        assert (ROOT / name).exists(), name
    assert "README.md" not in copied or (ROOT / "README.md").exists()
    assert re.search(r"uv export[^\n]*--frozen", text), "the lock must be exported as is (--frozen)"
    assert "--no-emit-project" in text and "--require-hashes" in text
    assert "--extra" not in text and "--all-extras" not in text, "dev extras do not belong in the image"


# --------------------------------------------------------------------------- project mounts


def test_project_dags_folder_is_the_mounted_dags_dir(services):
    for name in ALL_AIRFLOW:
        env = env_of(services[name])
        dags_folder = env.get("AIRFLOW__CORE__DAGS_FOLDER")
        assert dags_folder == str(PROJECT_IN_CONTAINER / "dags"), (name, dags_folder)
        assert bind_mounts(services[name]).get(dags_folder) == ROOT / "dags", name


def test_project_dags_exist_on_disk():
    assert (ROOT / "dags" / DAG_FILE).is_file(), f"dags/{DAG_FILE} is missing"


@pytest.mark.parametrize("name", ALL_AIRFLOW)
def test_every_bind_mount_is_a_project_dir_under_opt_newsdw(services, name):
    mounts = bind_mounts(services[name])
    assert mounts, name
    for target, host in mounts.items():
        rel = host.relative_to(ROOT)  # raises if the host path leaves the repo
        assert len(rel.parts) == 1 and rel.parts[0] in SOURCE_MOUNTS | RUNTIME_MOUNTS, (name, rel)
        assert PurePosixPath(target) == PROJECT_IN_CONTAINER / rel.parts[0], (name, target)
    mounted = {host.name for host in mounts.values()}
    assert mounted == SOURCE_MOUNTS | RUNTIME_MOUNTS, (name, mounted)


def read_only_targets(service: dict) -> set[str]:
    out = set()
    for vol in service.get("volumes") or []:
        if isinstance(vol, dict):
            if vol.get("read_only"):
                out.add(str(vol["target"]))
        elif str(vol).count(":") >= 2 and "ro" in str(vol).rsplit(":", 1)[1].split(","):
            out.add(str(vol).split(":")[1])
    return out


@pytest.mark.parametrize("name", ALL_AIRFLOW)
def test_code_is_mounted_read_only_and_only_data_and_reports_are_writable(services, name):
    ro = read_only_targets(services[name])
    for target, host in bind_mounts(services[name]).items():
        assert (target in ro) == (host.name in SOURCE_MOUNTS), (name, target)


@pytest.mark.parametrize("dirname", sorted(SOURCE_MOUNTS))
def test_mounted_source_dirs_exist_in_the_repo(dirname):
    assert (ROOT / dirname).is_dir(), f"{dirname}/ is mounted into the containers but missing"


def test_named_volumes_are_declared(compose, services):
    declared = set(compose.get("volumes") or {})
    for name, svc in services.items():
        for source, _, is_bind in mounts_of(svc):
            if not is_bind:
                assert source in declared, (name, source)


def test_pipeline_environment(services):
    for name in ALL_AIRFLOW:
        env = env_of(services[name])
        assert env["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor", name
        assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False", name
        assert env["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] == "False", name
        mounts = bind_mounts(services[name])
        assert mounts[env["NEWSDW_HOME"]] == ROOT / "data", name
        assert mounts[env["NEWSDW_REPORTS"]] == ROOT / "reports", name
        for key in (
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
            "AIRFLOW__API_AUTH__JWT_SECRET",
            "AIRFLOW__CORE__FERNET_KEY",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
        ):
            assert env.get(key), (name, key)
        assert "@postgres:" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"], name


def test_execution_api_url_points_at_the_apiserver(services):
    url = env_of(services["airflow-scheduler"])["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"]
    match = re.fullmatch(r"http://(?P<host>[\w-]+):(?P<port>\d+)/execution/", url)
    assert match and match["host"] == "airflow-apiserver", url
    published = [str(p).rsplit(":", 1)[-1] for p in services["airflow-apiserver"]["ports"]]
    assert match["port"] in published


# --------------------------------------------------------------------------- init


def test_init_migrates_and_creates_the_duckdb_writer_pool(services):
    script = init_script(services)
    assert re.search(r"^\s*airflow db migrate\s*$", script, re.MULTILINE)
    assert re.search(r"^\s*airflow pools set duckdb_writer 1 ", script, re.MULTILINE)
    assert "set -e" in script  # a failed step fails the init, so nothing starts


def test_init_script_is_valid_bash(services, tmp_path):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not available")
    script = tmp_path / "init.sh"
    script.write_text(init_script(services), encoding="utf-8")
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_init_writes_the_admin_password_file_the_apiserver_reads(services):
    init_env = env_of(services[INIT])
    api_env = env_of(services["airflow-apiserver"])
    key = "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
    assert init_env[key] == api_env[key]
    target_dir = str(PurePosixPath(api_env[key]).parent)
    for name in (INIT, "airflow-apiserver"):
        named = {t: s for s, t, is_bind in mounts_of(services[name]) if not is_bind}
        assert target_dir in named, (name, target_dir)
    assert REQUIRED_REF.fullmatch(init_env["_AIRFLOW_ADMIN_PASSWORD"])
    body = init_script(services).split("<<'PY'", 1)[1].split("\nPY\n", 1)[0]
    compile(body, "init-passwords", "exec")  # the embedded Python parses


# --------------------------------------------------------------------------- secrets


def test_no_literal_secrets_in_any_service(services):
    for name, svc in services.items():
        for key, value in env_of(svc).items():
            if SECRET_KEY.search(key) and not (key.endswith("_FILE") and value.startswith("/")):
                assert REQUIRED_REF.fullmatch(value), f"{name}: {key} must be a ${{VAR:?...}} reference, got {value!r}"
            # credentials embedded in URLs (user:password@host) as well
            for password in re.findall(r"://[^:/@\s]+:([^@\s]+)@", value):
                assert REQUIRED_REF.fullmatch(password), f"{name}: {key} embeds a literal password"


def test_the_required_secrets_are_exactly_those_expected():
    required = required_vars(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert required == {
        "POSTGRES_PASSWORD",
        "AIRFLOW_FERNET_KEY",
        "AIRFLOW_JWT_SECRET",
        "AIRFLOW_API_SECRET_KEY",
        "AIRFLOW_ADMIN_PASSWORD",
    }


def test_env_example_lists_every_variable_the_compose_file_uses():
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    listed = env_example()
    assert set(ANY_REF.findall(text)) <= set(listed), set(ANY_REF.findall(text)) - set(listed)
    for var in required_vars(text):
        assert listed[var] == "", f".env.example must not ship a value for {var}"


def test_env_example_says_how_to_generate_each_secret():
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    for var in required_vars(COMPOSE_FILE.read_text(encoding="utf-8")):
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{var}="))
        comment = []
        for line in reversed(lines[:index]):
            if not line.startswith("#"):
                break
            comment.append(line)
        assert any("python3 -c" in c or "openssl" in c for c in comment), var
