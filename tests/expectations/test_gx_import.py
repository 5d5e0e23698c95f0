"""Importing Great Expectations defers scipy.stats and altair until something reads them.

Each case runs in a fresh interpreter: the deferral applies only to a process's first import of GX.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from ingestion.settings import PROJECT_ROOT


def _fresh(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True, timeout=300)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_gx_imports_without_running_scipy_stats_or_altair():
    seen = _fresh("""
        import json, sys
        from expectations.gx_import import _DeferredFinder, import_gx
        gx = import_gx()
        print(json.dumps({
            "suite": gx.ExpectationSuite(name="s").name,
            "stats": type(sys.modules["scipy.stats"]).__name__,
            "altair": type(sys.modules["altair"]).__name__,
            "loaded": sorted(m for m in ("scipy.optimize", "scipy.linalg", "altair.vegalite") if m in sys.modules),
            "finder_left": any(isinstance(f, _DeferredFinder) for f in sys.meta_path),
        }))
    """)
    assert seen == {"suite": "s", "stats": "_LazyModule", "altair": "_LazyModule", "loaded": [], "finder_left": False}


def test_a_deferred_module_loads_in_full_on_first_use():
    seen = _fresh("""
        import json, sys
        from expectations.gx_import import import_gx
        import_gx()
        from scipy import stats
        print(json.dumps({"cdf": float(stats.norm.cdf(0.0)), "module": type(sys.modules["scipy.stats"]).__name__,
                          "optimize": "scipy.optimize" in sys.modules}))
    """)
    assert seen == {"cdf": 0.5, "module": "module", "optimize": True}


def test_an_earlier_import_is_left_as_it_was():
    seen = _fresh("""
        import json, sys
        import scipy.stats
        from expectations.gx_import import import_gx
        import_gx()
        print(json.dumps({"module": type(sys.modules["scipy.stats"]).__name__}))
    """)
    assert seen == {"module": "module"}
