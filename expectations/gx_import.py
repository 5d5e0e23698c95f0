"""Import Great Expectations with the libraries our suites never use loaded only if something uses them.

Importing ``great_expectations`` registers every expectation it ships, and three of its modules
import ``scipy.stats`` and ``altair`` at their top for the distribution expectations (KS and
KL-divergence tests) and their charts. Our suites use neither, yet importing them cost
about 2 s of CPU of every validation (``scipy.stats`` pulls in ``scipy.optimize``, ``linalg``
and ``spatial``): validating one day at a year of history, in a process that has imported
``airflow.sdk`` as a task has, took 13.0 s of CPU with them and 11.0 s with them deferred.

``import_gx`` imports GX with those modules deferred through the standard library's
``importlib.util.LazyLoader``: the module object exists, and its code runs on the first
attribute anyone reads from it. An expectation that does use them still works, it pays the
import then. The deferral applies only to imports made while GX is being imported; the
finder is removed afterwards, and a process that has already imported these modules keeps
them as they are.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

# Imported at the top of GX's distribution expectations and metrics; used by nothing we validate.
DEFERRED = frozenset({"scipy.stats", "altair"})


class _DeferredFinder(importlib.abc.MetaPathFinder):
    """Finds the ``DEFERRED`` modules as the rest of ``sys.meta_path`` would, with a lazy loader."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name not in self.names:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def import_gx() -> ModuleType:
    """``import great_expectations``, with ``DEFERRED`` loaded lazily when this call is the first import."""
    if "great_expectations" in sys.modules:
        return sys.modules["great_expectations"]
    finder = _DeferredFinder(DEFERRED)
    sys.meta_path.insert(0, finder)
    try:
        import great_expectations
    finally:
        sys.meta_path.remove(finder)
    return great_expectations
