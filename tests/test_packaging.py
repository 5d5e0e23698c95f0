"""Packaging: every imported third-party module is a declared dependency, and the project's packages install.

The import walk reads the project's sources with ``ast`` (no import), maps each top-level
module to the distributions that provide it (``importlib.metadata.packages_distributions``)
and requires one of them to be declared in pyproject.toml: runtime code (``ingestion``,
``expectations``, ``dags``) in ``[project] dependencies``, tests and benchmarks there or in
the ``dev`` extra. A module that only arrives through another dependency is accepted only
when listed in ``THROUGH`` below, and only if that declared dependency really requires it.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata as md
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME_DIRS = ("ingestion", "expectations", "dags")
DEV_DIRS = ("tests", "benchmarks")
# module → the declared distribution it comes through. `airflow` is split over several
# distributions (core, task SDK, providers) that the `apache-airflow` distribution pins.
THROUGH = {"airflow": "apache-airflow"}


@functools.cache
def _providers() -> dict[str, list[str]]:
    return md.packages_distributions()  # scans every installed distribution: once per session


def _declared(extra: str | None = None) -> set[str]:
    reqs = PYPROJECT["project"]["dependencies"]
    if extra:
        reqs = reqs + PYPROJECT["project"]["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(r).name) for r in reqs}


def _optional(tree: ast.Module) -> set[int]:
    """Line numbers of imports inside ``try: … except ImportError`` (optional, e.g. benchmarks' rivals)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
        ):
            lines.update(n.lineno for stmt in node.body for n in ast.walk(stmt) if isinstance(n, ast.Import | ast.ImportFrom))
    return lines


def _local(module: str, source: Path) -> bool:
    """The project's own packages, and test helpers imported from their folder (tests/report/browser.py …).

    A name that an installed distribution provides is never local (tests/dbt/ is a folder of
    tests, ``dbt`` is dbt-core)."""
    if module in _providers():
        return False
    if (ROOT / module).is_dir() and (ROOT / module / "__init__.py").exists():
        return True
    return any((d / f"{module}.py").exists() or (d / module).is_dir() for d in source.parents
               if ROOT in d.parents)


def imported_modules(dirs: tuple[str, ...]) -> dict[str, list[str]]:
    """Third-party top-level module → the files importing it (not optional, not stdlib, not the project's own)."""
    found: dict[str, list[str]] = {}
    for folder in dirs:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            optional = _optional(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                if node.lineno in optional:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top == "__future__" or _local(top, path):
                        continue
                    found.setdefault(top, []).append(str(path.relative_to(ROOT)))
    return found


def _undeclared(dirs: tuple[str, ...], declared: set[str]) -> list[str]:
    providers = _providers()
    problems = []
    for module, files in sorted(imported_modules(dirs).items()):
        dists = {canonicalize_name(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module} (imported by {files[0]}) is not installed")
        elif not dists & declared:
            via = THROUGH.get(module)
            if via is None or canonicalize_name(via) not in declared:
                problems.append(f"{module} (imported by {files[0]}) comes from {sorted(dists)}: none is declared")
    return problems


def test_runtime_imports_are_declared_dependencies() -> None:
    assert _undeclared(RUNTIME_DIRS, _declared()) == []


def test_test_and_benchmark_imports_are_declared_with_the_dev_extra() -> None:
    assert _undeclared(DEV_DIRS, _declared("dev")) == []


def test_the_walk_finds_the_modules_the_code_imports() -> None:
    # Guards the walk itself: a walk that found nothing would pass the two tests above.
    runtime = imported_modules(RUNTIME_DIRS)
    assert {"duckdb", "airflow", "great_expectations", "rich", "opencc", "jinja2"} <= runtime.keys()
    assert "expectations" not in runtime and "ingestion" not in runtime  # the project's own packages
    assert "cn2an" not in imported_modules(DEV_DIRS)  # an optional rival in a benchmark, behind `except ImportError`


def test_through_entries_are_real_requirements_of_the_declared_dependency() -> None:
    providers = _providers()
    for module, via in THROUGH.items():
        requires = {canonicalize_name(Requirement(r).name) for r in md.requires(via) or []}
        assert {canonicalize_name(d) for d in providers[module]} & requires, f"{via} does not require {module}'s distribution"


def test_both_packages_are_in_the_wheel_and_import_from_outside_the_checkout(tmp_path: Path) -> None:
    packages = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert sorted(packages) == ["expectations", "ingestion"]
    # -I: isolated mode, so neither the working directory nor PYTHONPATH puts the checkout on sys.path;
    # the imports succeed only through the installed project.
    code = "import expectations.checkpoint, ingestion.quality; print(expectations.checkpoint.__name__)"
    proc = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "expectations.checkpoint"
    assert "sys.path" not in (ROOT / "ingestion" / "quality.py").read_text(encoding="utf-8")


def test_python_range_matches_the_lock() -> None:
    # Airflow 3.3 supports 3.10–3.13; the project's own code needs 3.11 (tomllib, datetime.UTC).
    assert PYPROJECT["project"]["requires-python"] == ">=3.11,<3.14"
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    assert lock["requires-python"] == ">=3.11, <3.14"
    markers = " ".join(lock["resolution-markers"])
    assert "python_full_version == '3.12.*'" in markers and "python_full_version >= '3.13'" in markers


def _linux_tags(wheel: str) -> tuple[set[str], str]:
    """``pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl`` → ({'cp312'}, abi); ((), '') for another platform."""
    python, abi, platform = wheel.removesuffix(".whl").split("-")[-3:]
    if platform != "any" and "x86_64" not in platform or "linux" not in platform and platform != "any":
        return set(), ""
    return set(python.split(".")), abi


def _installs_on(pythons: set[str], abi: str, version: int) -> bool:
    if pythons & {"py3", "py2.py3", f"cp3{version}"}:
        return True
    return abi == "abi3" and any(p.startswith("cp3") and int(p[3:]) <= version for p in pythons)


def test_every_binary_package_of_the_lock_has_a_linux_wheel_or_an_sdist_for_each_python() -> None:
    # `uv lock` resolves the versions for 3.11-3.13; this checks that each locked version can be
    # installed there: a compiled package (opencc, ahocorasick-rs, duckdb …) needs a wheel for that
    # Python (or its stable ABI), unless it ships an sdist.
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    missing = []
    for package in lock["package"]:
        if "sdist" in package or package["name"] == "newsdw":
            continue
        tags = [_linux_tags(w["url"].rsplit("/", 1)[1]) for w in package.get("wheels", [])]
        tags = [(pythons, abi) for pythons, abi in tags if pythons]
        if not tags:
            continue  # a package for another platform only (none in the lock today)
        for version in (11, 12, 13):
            if not any(_installs_on(pythons, abi, version) for pythons, abi in tags):
                missing.append(f"{package['name']} {package['version']} on 3.{version}")
    assert missing == []
    opencc = next(p for p in lock["package"] if p["name"] == "opencc")
    assert any("cp313-cp313-manylinux" in w["url"] and "x86_64" in w["url"] for w in opencc["wheels"])
