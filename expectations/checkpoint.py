"""Validate one run date with the table suites and publish Data Docs.

GX cannot validate DuckDB through SQLAlchemy, so each table's rows of the run date are
read with ``duckdb`` (read-only, connection closed before validating) into a pandas
frame and validated as a whole-dataframe batch. The run's discover manifest (when given)
is registered on that connection as the temporary view ``run_files``.

Layout in the GX file context (``<gx_root>/gx``), all registered idempotently on every
run with ``add_or_update`` from the Python suites (nothing is hand-edited; a suite whose
content is unchanged is not rewritten):

- one pandas data source ``newsdw``; one dataframe asset per table, with one
  whole-dataframe batch definition ``run_date``;
- one suite, one validation definition and one checkpoint per table, all named like the
  suite module (``raw_pages`` ... ``fct_metrics``). A checkpoint passes the *same*
  ``batch_parameters`` to all its validation definitions, and a dataframe batch takes its
  frame from them, so one frame per table means one checkpoint per table. The checkpoints
  of a call share one ``RunIdentifier`` (run name = the run date), so a call is one run in
  Data Docs;
- one Data Docs site ``newsdw`` (local filesystem, at ``data_docs_dir``), built once per
  call for the new validation results and the suites (building it after each checkpoint,
  as ``UpdateDataDocsAction`` would, re-renders the index once per table); GX's default
  ``local_site`` is removed. A validation result's page is
  ``validations/<suite>/<run name>/<run time>/<batch id>.html`` under the site, e.g.
  ``validations/raw_pages/2024-05-01/20240502T061500.123456Z/newsdw-raw_pages.html``; the
  summary gives it relative to the site root (``docs_page``) so reports can link to it.

Bounded history: before validating, validation results of all but the newest
``keep_runs - 1`` runs (a run = one call, identified by its run time) are deleted from the
validation results store (``<gx_root>/gx/uncommitted/validations``); when the site index is
rebuilt, GX removes the pages of results no longer in the store, so results and Data Docs
keep at most ``keep_runs`` runs (default 30).

The file context is not safe for concurrent writers: run one validation at a time (the
DAG's ``validate`` task shares the one-slot writer pool, which DuckDB needs anyway: a
read-only connection cannot open the file while another process writes it).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlparse

from expectations import CRITICAL, WARNING, load_suite_modules, suite_name
from expectations.gx_import import import_gx
from ingestion.settings import duckdb_memory_limit

log = logging.getLogger(__name__)

DATASOURCE = "newsdw"
BATCH_DEFINITION = "run_date"  # the frame holds exactly one run date's rows
SITE = "newsdw"
KEEP_RUNS = 30
RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 10}
RUN_FILES = "run_files"
RUN_FILES_COLUMNS = ("run_date", "file_name", "sha256", "status", "first_run_date", "first_file_name")


def run_checkpoint(
    warehouse: Path,
    gx_root: Path,
    data_docs_dir: Path,
    run_date: date,
    *,
    manifest: dict[str, Any] | None = None,
    keep_runs: int = KEEP_RUNS,
    suites: tuple[str, ...] | list[str] | None = None,
    end_date: date | None = None,
    manifests: dict[date, dict[str, Any] | None] | None = None,
) -> dict[str, Any]:
    """Validate ``run_date`` in the warehouse, update Data Docs and return a plain-JSON summary.

    With ``end_date`` the batch is every run date from ``run_date`` to ``end_date``, validated
    at once (a bulk backfill validates a range in one checkpoint run, not one run per date);
    ``manifests`` then gives each date's discover manifest. On a range the volume bands
    (rows per run date against earlier runs) are not evaluated: the frame holds many dates.

    ``manifest`` is the run's discover manifest (``discover.json``); without it no file counts
    as arrived, which the freshness expectation reports. ``suites`` restricts the run to some
    suite modules (default: every one in ``SUITE_MODULES``). ``success`` is false only when a
    critical expectation failed or a table could not be read; warnings are listed but never
    fail the run.

    Summary keys: ``success``, ``run_date``, ``run_time``, ``critical_failures`` and
    ``warnings`` (failed expectations: table, suite, expectation, column, observed, severity,
    description, docs_page), ``evaluated``, ``passed``, ``data_docs_index`` (absolute path),
    ``parameters`` (suite parameters per table: the volume bands), and ``results``: per
    table, its counts, ``docs_page`` and every expectation with its outcome.
    """
    gx = import_gx()

    data_docs_dir = Path(data_docs_dir).resolve()
    modules = load_suite_modules(suites)
    end_date = end_date or run_date
    if manifests is None:
        manifests = {run_date: manifest}
    frames, parameters, read_failures = read_frames(Path(warehouse), modules, run_date, manifests, end_date)

    context = file_context(gx, Path(gx_root), data_docs_dir)
    checkpoints = register(gx, context, modules)
    prune_history(context, keep=max(keep_runs - 1, 0))

    # not "A..B": dateutil reads "-05-29" of such a name as a time-zone offset and GX renders no page
    run_name = run_date.isoformat() if end_date == run_date else f"{run_date.isoformat()} to {end_date.isoformat()}"
    run_id = gx.RunIdentifier(run_name=run_name, run_time=datetime.now(UTC))
    critical: list[dict[str, Any]] = [f for f in read_failures if f["severity"] == CRITICAL]
    warnings: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    validated: dict[str, Any] = {}  # table -> (result key, validation result)
    for module in modules:
        table = module.TABLE
        if table not in frames:
            continue
        try:
            checkpoint_result = checkpoints[table].run(
                batch_parameters={"dataframe": frames[table]},
                expectation_parameters=_plain(parameters.get(table, {})),
                run_id=run_id,
            )
        except Exception as exc:  # one broken table must not hide the others' results
            log.exception("checkpoint %s failed", checkpoints[table].name)
            critical.append(_read_failure(table, "checkpoint_runs", exc))
            continue
        validated[table] = next(iter(checkpoint_result.run_results.items()))

    try:
        pages = build_docs(context, [key for key, _ in validated.values()], data_docs_dir)
    except Exception:  # the verdict must not depend on rendering HTML: report without links
        log.exception("Data Docs were not built")
        pages = {}
    evaluated = passed = 0
    for module in modules:
        table = module.TABLE
        name = suite_name(table)
        if table not in validated:
            results.append(
                {
                    "table": table,
                    "suite": name,
                    "success": False,
                    "evaluated": 0,
                    "passed": 0,
                    "failed_critical": 0,
                    "failed_warning": 0,
                    "docs_page": None,
                    "docs_url": None,
                    "expectations": [],
                }
            )
            continue
        key, validation = validated[table]
        docs_page, docs_url = pages.get(key, (None, None))
        outcomes = [describe_result(table, result) for result in validation.results]
        failed = [o for o in outcomes if not o["success"]]
        for outcome in failed:
            failure = {k: v for k, v in outcome.items() if k != "success"}
            failure["docs_page"] = docs_page
            (critical if outcome["severity"] == CRITICAL else warnings).append(failure)
        evaluated += len(outcomes)
        passed += len(outcomes) - len(failed)
        failed_critical = sum(o["severity"] == CRITICAL for o in failed)
        results.append(
            {
                "table": table,
                "suite": name,
                "success": not failed_critical and not any(f["table"] == table for f in read_failures),
                "evaluated": len(outcomes),
                "passed": len(outcomes) - len(failed),
                "failed_critical": failed_critical,
                "failed_warning": len(failed) - failed_critical,
                "docs_page": docs_page,
                "docs_url": docs_url,
                "expectations": outcomes,
            }
        )

    summary = {
        "success": not critical,
        "run_date": run_date.isoformat(),
        "end_date": end_date.isoformat(),
        "run_time": run_id.run_time.isoformat(),
        "critical_failures": critical,
        "warnings": warnings,
        "evaluated": evaluated,
        "passed": passed,
        "data_docs_index": str(data_docs_dir / "index.html"),
        "parameters": {table: _plain(values) for table, values in parameters.items()},
        "results": results,
    }
    log.info(
        "validated %s: %d/%d expectations passed, %d critical failures, %d warnings",
        run_date,
        passed,
        evaluated,
        len(critical),
        len(warnings),
    )
    return summary


def manifest_frame(manifest: dict[str, Any] | None, run_date: date) -> Any:
    """The discover manifest as one row per landed file (``RUN_FILES_COLUMNS``); no rows without one."""
    import pandas as pd

    return pd.DataFrame(_manifest_rows(manifest, run_date), columns=list(RUN_FILES_COLUMNS), dtype=object)


def _manifest_rows(manifest: dict[str, Any] | None, run_date: date) -> list[tuple]:
    manifest = manifest or {}
    rows = [
        (run_date, f.get("file_name"), f.get("sha256"), "new", None, None) for f in manifest.get("to_parse", [])
    ]
    rows += [
        (run_date, f.get("file_name"), f.get("sha256"), "duplicate", f.get("first_run_date"), f.get("first_file_name"))
        for f in manifest.get("duplicates", [])
    ]
    rows += [
        (run_date, f.get("file_name"), f.get("sha256"), "quarantined", None, None)
        for f in manifest.get("quarantined", [])
    ]
    return rows


def _execute(con: Any, sql: str, run_date: date, end_date: date | None = None) -> Any:
    """Run a suite's SQL, binding ``$run_date`` and ``$end_date`` only when used (DuckDB rejects unused parameters)."""
    values = {"run_date": run_date, "end_date": end_date or run_date}
    params = {name: value for name, value in values.items() if f"${name}" in sql}
    return con.execute(sql, params) if params else con.execute(sql)


def read_frames(
    warehouse: Path,
    modules: list[ModuleType],
    run_date: date,
    manifests: dict[date, dict[str, Any] | None] | None = None,
    end_date: date | None = None,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Each table's frame for the run dates, its suite parameters, and tables that could not be read.

    The batch is ``run_date`` .. ``end_date`` (default: the one date); ``manifests`` maps each
    date to its discover manifest (the ``run_files`` view).

    When a table's query fails (a missing column, a missing table it joins), the run fails
    critically with the error; the table's plain rows are still validated when readable so
    the schema expectation can name what is missing.
    """
    import duckdb

    frames: dict[str, Any] = {}
    parameters: dict[str, dict[str, Any]] = {}
    failures: list[dict[str, Any]] = []
    try:
        con = duckdb.connect(str(warehouse), read_only=True, config={"memory_limit": duckdb_memory_limit()})
    except duckdb.Error as exc:
        failures = [_read_failure(module.TABLE, "warehouse_readable", exc) for module in modules]
        return frames, parameters, failures
    try:
        import pandas as pd

        end_date = end_date or run_date
        rows = [row for day, manifest in sorted((manifests or {}).items()) for row in _manifest_rows(manifest, day)]
        con.register(RUN_FILES, pd.DataFrame(rows, columns=list(RUN_FILES_COLUMNS), dtype=object))
        for module in modules:
            table = module.TABLE
            try:
                frames[table] = _execute(con, module.QUERY, run_date, end_date).df()
            except duckdb.Error as exc:
                failures.append(_read_failure(table, "frame_query_runs", exc))
                try:
                    frames[table] = con.execute(
                        f"select * from {table} where run_date between $run_date and $end_date",
                        {"run_date": run_date},
                    ).df()
                except duckdb.Error:
                    pass
            for name, sql in getattr(module, "PARAMETERS", {}).items():
                if end_date != run_date and name.endswith(("_min", "_max")) and "history" in sql:
                    parameters.setdefault(table, {})[name] = None  # a volume band: per date, not per range
                    continue
                try:
                    parameters.setdefault(table, {})[name] = _execute(con, sql, run_date, end_date).fetchone()[0]
                except duckdb.Error as exc:
                    # The expectation using the parameter then fails with its own severity.
                    log.warning("suite parameter %s of %s not computed: %s", name, table, exc)
    finally:
        con.close()
    return frames, parameters, failures


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Suite parameters as JSON scalars (DuckDB hands back numpy/Decimal values)."""
    out = {}
    for name, value in values.items():
        if value is None or isinstance(value, (bool, int, float, str)):
            out[name] = value
        else:
            try:
                out[name] = float(value)
            except (TypeError, ValueError):
                out[name] = str(value)
    return out


def _read_failure(table: str, check: str, exc: Exception) -> dict[str, Any]:
    """A table that could not be validated, reported like a failed critical expectation."""
    return {
        "table": table,
        "suite": suite_name(table),
        "expectation": check,
        "column": None,
        "observed": f"{type(exc).__name__}: {exc}",
        "expected": {},
        "severity": CRITICAL,
        "description": "The table's rows for the run date could be read and validated.",
        "docs_page": None,
    }


def file_context(gx: Any, gx_root: Path, data_docs_dir: Path) -> Any:
    """The file Data Context at ``gx_root``, with one local Data Docs site at ``data_docs_dir``."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    gx_root.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=gx_root)
    site = {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(data_docs_dir.resolve()),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    sites = dict(context.list_data_docs_sites())
    if SITE not in sites:
        context.add_data_docs_site(site_name=SITE, site_config=site)
    elif sites[SITE] != site:
        context.update_data_docs_site(site_name=SITE, site_config=site)
    for other in sites.keys() - {SITE}:
        context.delete_data_docs_site(other)
    changed = False
    # Progress bars would flood the Airflow task log.
    if context.variables.progress_bars is None:
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        changed = True
    # GX re-reads and YAML-parses uncommitted/config_variables.yml at every lookup of a
    # context variable, hundreds of times a validation (a tenth of its CPU). The project
    # substitutes no config variables: the next context registers no such file.
    if context.variables.config_variables_file_path:
        context.variables.config_variables_file_path = None
        changed = True
    if changed:
        context.variables.save()
    return context


def _registered_fingerprint(gx: Any, modules: list[ModuleType]) -> str:
    """What the registered objects are built from: each module's table and its suite's content."""
    import hashlib

    parts = [json.dumps([m.TABLE, _fingerprint(m.build_suite(gx)), RESULT_FORMAT], sort_keys=True, default=str)
             for m in modules]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def register(gx: Any, context: Any, modules: list[ModuleType]) -> dict[str, Any]:
    """Add or update each table's asset, suite, validation definition and checkpoint; return the checkpoints.

    Registering rewrites GX's stores (~1.5 s a run); when the suites are the ones registered
    last time (a fingerprint kept in the context's folder) the stored checkpoints are used.
    """
    marker = Path(context.root_directory) / ".newsdw-registered"
    fingerprint = _registered_fingerprint(gx, modules)
    try:
        if marker.read_text(encoding="utf-8") == fingerprint:
            return {m.TABLE: context.checkpoints.get(suite_name(m.TABLE)) for m in modules}
    except Exception:  # no marker, or a checkpoint missing from the store: register anew
        pass
    checkpoints = _register(gx, context, modules)
    marker.write_text(fingerprint, encoding="utf-8")
    return checkpoints


def _register(gx: Any, context: Any, modules: list[ModuleType]) -> dict[str, Any]:
    try:
        datasource = context.data_sources.get(DATASOURCE)
    except KeyError:
        datasource = context.data_sources.add_pandas(DATASOURCE)
    checkpoints = {}
    for module in modules:
        name = suite_name(module.TABLE)
        if name in datasource.get_asset_names():
            asset = datasource.get_asset(name)
        else:
            asset = datasource.add_dataframe_asset(name)
        try:
            batch_definition = asset.get_batch_definition(BATCH_DEFINITION)
        except KeyError:
            batch_definition = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
        suite = _add_or_update_suite(context, module.build_suite(gx))
        validation = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=name, data=batch_definition, suite=suite)
        )
        checkpoints[module.TABLE] = context.checkpoints.add_or_update(
            gx.Checkpoint(
                name=name,
                validation_definitions=[validation],
                actions=[],  # Data Docs are built once per call by build_docs
                result_format=RESULT_FORMAT,
            )
        )
    return checkpoints


def _add_or_update_suite(context: Any, suite: Any) -> Any:
    """``add_or_update`` the suite, skipping the rewrite when the stored one is equal."""
    from great_expectations.exceptions import DataContextError

    try:
        stored = context.suites.get(suite.name)
    except DataContextError:
        return context.suites.add(suite)
    if _fingerprint(stored) == _fingerprint(suite):
        return stored
    return context.suites.add_or_update(suite)


def _fingerprint(suite: Any) -> tuple[list[str], str]:
    """A suite's content without the ids GX assigns on save (its ``==`` compares those)."""
    expectations = []
    for expectation in suite.expectations:
        config = expectation.configuration.to_json_dict()
        config.pop("id", None)
        config.pop("rendered_content", None)
        expectations.append(json.dumps(config, sort_keys=True, default=str))
    return sorted(expectations), json.dumps(suite.meta, sort_keys=True, default=str)


def prune_history(context: Any, keep: int) -> int:
    """Delete stored validation results of all but the newest ``keep`` runs; return how many."""
    store = context.validation_results_store
    keys = store.list_keys()
    # run_id.to_tuple() is (run_name, run_time as %Y%m%dT%H%M%S.%fZ): sortable by time.
    runs = sorted(
        {key.run_id.to_tuple() for key in keys},
        key=lambda run: (run[1], run[0]),
        reverse=True,
    )
    stale = set(runs[keep:])
    removed = 0
    for key in keys:
        if key.run_id.to_tuple() in stale:
            store.remove_key(key)
            removed += 1
    if removed:
        log.info("pruned %d validation results of %d old runs", removed, len(stale))
    return removed


def build_docs(context: Any, keys: list[Any], data_docs_dir: Path) -> dict[Any, tuple[str | None, str | None]]:
    """Render the new validation results and the suites, rebuild the index (dropping pruned pages).

    Then the site is made to render without the internet (``expectations.offline_docs``):
    GX's pages load their scripts and styles from CDNs. Returns, per validation result key,
    its page relative to the site root and its ``file://`` URL.
    """
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    from expectations.offline_docs import make_offline

    suites = {ExpectationSuiteIdentifier(name=key.expectation_suite_identifier.name) for key in keys}
    context.build_data_docs(site_names=[SITE], resource_identifiers=[*keys, *suites])
    try:
        make_offline(data_docs_dir)
    except (OSError, ValueError):  # the pages are there, they only need the internet: keep the links
        log.exception("Data Docs were built but still load scripts from the internet")
    pages = {}
    for key in keys:
        url = docs_url(context, key)
        pages[key] = (_site_relative(url, data_docs_dir), url)
    return pages


def docs_url(context: Any, key: Any) -> str | None:
    """URL of the Data Docs page of one validation result."""
    urls = context.get_docs_sites_urls(resource_identifier=key, site_names=[SITE])
    return urls[0]["site_url"] if urls else None


def _site_relative(url: str | None, data_docs_dir: Path) -> str | None:
    """``file:///…/data_docs/validations/…html`` → ``validations/…html`` (POSIX separators)."""
    if not url:
        return None
    path = Path(unquote(urlparse(url).path))
    try:
        return Path(os.path.relpath(path, data_docs_dir)).as_posix()
    except ValueError:  # another drive on Windows
        return None


def describe_result(table: str, result: Any) -> dict[str, Any]:
    """One evaluated expectation as plain JSON: where, what, what was seen, how severe, and its outcome."""
    config = result.expectation_config
    severity = getattr(config, "severity", None)
    severity = getattr(severity, "value", severity) or CRITICAL
    return {
        "table": table,
        "suite": suite_name(table),
        "expectation": config.type,
        "column": _column(config.kwargs),
        "observed": _observed(result),
        "expected": _expected(config.kwargs),
        "severity": severity if severity in (CRITICAL, WARNING) else str(severity),
        "description": config.description,
        "success": bool(result.success),
    }


def _expected(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The bounds or sets an expectation checked, after suite parameters were substituted."""
    keep = ("min_value", "max_value", "value", "value_set", "regex", "mostly", "column_set")
    out = {}
    for k in keep:
        if k in kwargs and kwargs[k] is not None:
            value = kwargs[k]
            if isinstance(value, (list, tuple, set)) and len(value) > 12:
                value = [*list(value)[:12], f"… {len(value) - 12} more"]
            out[k] = value
    return json.loads(json.dumps(out, default=str))


def _column(kwargs: dict[str, Any]) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return f"{kwargs['column_A']},{kwargs['column_B']}"
    if "column_list" in kwargs:
        return ",".join(kwargs["column_list"])
    return None


def _observed(result: Any) -> Any:
    info = result.exception_info or {}
    raised = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    messages = [i.get("exception_message") for i in raised if i.get("raised_exception")]
    if messages:
        return {"exception": "; ".join(str(m) for m in messages)}
    payload = result.to_json_dict().get("result") or {}
    if "observed_value" in payload:
        return payload["observed_value"]
    keep = (
        "element_count",
        "unexpected_count",
        "unexpected_percent",
        "partial_unexpected_list",
    )
    return {k: payload[k] for k in keep if k in payload}
