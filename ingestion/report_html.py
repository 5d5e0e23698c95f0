"""HTML views of the run summaries (pure): the run page, the index, and an inline SVG trend chart.

Templates are Jinja2 (installed with Airflow, dbt and GX) with autoescaping, kept here as
strings so the pages stay readable as HTML. Nothing is fetched at view time: no script, no
web font, no CDN; the chart is SVG written by ``trend_svg``. Links are relative, so the
``reports/`` folder can be copied or served anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

VERDICT_LABEL = {"passed": "PASSED", "warnings": "PASSED WITH WARNINGS", "failed": "FAILED"}
VERDICT_COLOUR = {"passed": "#1a7f37", "warnings": "#9a6700", "failed": "#cf222e"}
# (row-count key, label) of the counts charted over recent runs
TREND_SERIES = (
    ("raw.pages", "pages"),
    ("raw.articles", "articles"),
    ("raw.activities", "activities"),
    ("raw.metrics", "metrics"),
    ("raw.quarantine", "quarantined files"),
)
TREND_RUNS = 30

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2328; }
main { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem 3rem; }
header.banner { color: #fff; padding: 1.2rem 1.5rem; }
header.banner a { color: #fff; }
header.banner h1 { margin: .2rem 0; font-size: 1.6rem; }
header.banner .badge { display: inline-block; font-weight: 700; letter-spacing: .05em; border: 2px solid #fff;
  padding: .1rem .6rem; margin-right: .6rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .8em; white-space: nowrap; }
.sev.critical, .failed-text { color: #cf222e; }
.sev.warning, .warnings-text { color: #9a6700; }
.passed-text { color: #1a7f37; }
.pill { display: inline-block; color: #fff; font-weight: 700; font-size: .8em; padding: .05rem .45rem; border-radius: .6rem; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: .5rem 0; }
.card { border: 1px solid #d0d7de; border-radius: .4rem; padding: .5rem .9rem; min-width: 8rem; }
.card .n { font-size: 1.5rem; font-weight: 700; }
.muted { color: #59636e; }
details { margin: .3rem 0; }
summary { cursor: pointer; }
ul.steps { padding-left: 1.2rem; }
"""

RUN_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsdw {{ s.run_date }}: {{ label(s.verdict) }}</title>
<style>{{ style }}</style>
</head>
<body>
<header class="banner" style="background: {{ colour(s.verdict) }}">
  <a href="{{ index_href }}">&larr; all runs</a>
  <h1>Run {{ s.run_date }}</h1>
  <span class="badge" id="verdict">{{ label(s.verdict) }}</span>
  <span id="headline">{{ s.headline }}</span>
</header>
<main>
<h2 id="attention">What needs attention</h2>
{% if s.reasons or s.warnings %}
{% if s.step_problems %}
<ul class="steps">
{% for line in s.step_problems %}  <li class="failed-text">{{ line }}</li>
{% endfor %}
</ul>
{% endif %}
{% set failures = s.critical_failures + s.expectation_warnings %}
{% if failures %}
<table id="failures">
<tr><th>severity</th><th>table</th><th>failed expectation</th><th>observed</th><th>expected</th><th>details</th></tr>
{% for f in failures %}
<tr id="f{{ loop.index }}">
  <td><span class="sev {{ f.severity }}">{{ f.severity }}</span></td>
  <td><code>{{ f.table }}</code></td>
  <td><code class="expectation">{{ f.expectation }}</code>{% if f.column %} on <code>{{ f.column }}</code>{% endif %}
    <div>{{ f.description }}</div></td>
  <td>{{ observed(f.observed) }}</td>
  <td>{{ expected(f.expected) }}</td>
  <td>{{ docs_link(f.docs_page, "validation result") }}</td>
</tr>
{% endfor %}
</table>
{% endif %}
{% if s.pipeline_warnings %}
<ul>
{% for line in s.pipeline_warnings %}  <li class="warnings-text">{{ line }}</li>
{% endfor %}
</ul>
{% endif %}
{% else %}
<p class="passed-text">Nothing: every step completed and all {{ s.expectations.evaluated if s.expectations else 0 }}
expectations passed.</p>
{% endif %}

<h2 id="files">Files</h2>
<div class="cards" id="file-counts">
{% for n, text in cards %}
  <div class="card"><div class="n">{{ "–" if n is none else n }}</div><div class="muted">{{ text }}</div></div>
{% endfor %}
</div>
{% if not s.manifest_found %}<p class="failed-text">No discover manifest: the discover step did not run
for this date.</p>{% endif %}
{% if s.accounting %}
<p id="accounting" class="{{ 'muted' if s.accounting.balanced else 'failed-text' }}">{{ s.accounting.equation }}</p>
{% endif %}
{% if s.not_loaded %}
<h3>Files not loaded</h3>
<table id="not-loaded">
<tr><th>file</th><th>outcome</th><th>reason</th></tr>
{% for f in s.not_loaded %}
<tr><td>{{ f.file_name }}</td><td>{{ f.outcome }}</td><td><code>{{ f.reason | truncate(400) }}</code></td></tr>
{% endfor %}
</table>
{% endif %}
{% if s.quarantine %}
<h3>Quarantined (the bytes are kept in raw/ for a re-run)</h3>
<table id="quarantine">
<tr><th>file</th><th>stage</th><th>error</th><th>message</th><th>raw copy</th></tr>
{% for q in s.quarantine %}
<tr><td>{{ q.file_name }}</td><td>{{ q.stage }}</td><td><code>{{ q.error_type }}</code></td>
  <td><code>{{ q.error_message | truncate(400) }}</code></td><td class="mono">{{ q.raw_path }}</td></tr>
{% endfor %}
</table>
{% endif %}
{% if s.duplicates %}
<h3>Duplicates (the same bytes as another file: ingested once)</h3>
<table id="duplicates">
<tr><th>file</th><th>duplicate of</th><th>sha256</th></tr>
{% for d in s.duplicates %}
<tr><td>{{ d.file_name }}</td><td>{{ d.first_file_name }}
  {%- if d.get('within_day') %} (same day){% else %}, ingested on {{ d.first_run_date }}{% endif %}</td>
  <td class="mono">{{ d.sha256[:16] }}…</td></tr>
{% endfor %}
</table>
{% endif %}
{% if s.refused %}
<h3>Refused (not read)</h3>
<table id="refused">
<tr><th>file</th><th>reason</th></tr>
{% for r in s.refused %}
<tr><td>{{ r.file_name }}</td><td>{{ r.reason }}</td></tr>
{% endfor %}
</table>
{% endif %}
{% if s.encoding_notes %}
<h3>Declared encodings not used</h3>
<ul id="encoding-notes">
{% for n in s.encoding_notes %}  <li>{{ n.file_name }}: read as {{ n.encoding }}: {{ n.note }}</li>
{% endfor %}
</ul>
{% endif %}

<h2 id="rows">Rows for this run date</h2>
<table>
<tr><th>table</th><th class="num">rows</th><th>expected volume</th></tr>
{% for table, n in s.rows.items() %}
<tr><td><code>{{ table }}</code></td><td class="num">{{ "–" if n is none else n }}</td>
  <td class="muted">{{ band(s.volume.get(table)) }}</td></tr>
{% endfor %}
</table>

<h2 id="trend">Last {{ trend_runs }} runs</h2>
{{ chart }}

<h2 id="expectations">Expectations</h2>
{% if s.expectations %}
<p>{{ s.expectations.passed }} of {{ s.expectations.evaluated }} passed ·
  <span class="failed-text">{{ s.expectations.failed_critical }} critical failed</span> ·
  {% set n = s.expectations.failed_warning %}
  <span class="warnings-text">{{ n }} warning{{ "" if n == 1 else "s" }}</span> ·
  {{ docs_link(s.data_docs_index, "Great Expectations Data Docs") }}</p>
<table id="suites">
<tr><th>suite</th><th>table</th><th class="num">evaluated</th><th class="num">passed</th>
  <th class="num">critical failed</th><th class="num">warnings</th><th>Data Docs</th></tr>
{% for r in s.suites %}
<tr><td>
  <details><summary><code>{{ r.suite }}</code></summary>
  <table>
  {% for e in r.expectations %}
  <tr><td>{{ "✔" if e.success else "✘" }}</td><td><span class="sev {{ e.severity }}">{{ e.severity }}</span></td>
    <td><code>{{ e.expectation }}</code>{% if e.column %} on <code>{{ e.column }}</code>{% endif %}
      <div class="muted">{{ e.description }}</div></td><td>{{ observed(e.observed) }}</td></tr>
  {% endfor %}
  </table>
  </details></td>
  <td><code>{{ r.table }}</code></td><td class="num">{{ r.evaluated }}</td><td class="num">{{ r.passed }}</td>
  <td class="num{{ ' failed-text' if r.failed_critical }}">{{ r.failed_critical }}</td>
  <td class="num{{ ' warnings-text' if r.failed_warning }}">{{ r.failed_warning }}</td>
  <td>{{ docs_link(r.docs_page, "validation result") }}</td></tr>
{% endfor %}
</table>
{% else %}
<p class="failed-text">The checkpoint did not run for this date.</p>
{% endif %}
{% if s.dbt %}
<p class="muted">dbt build: {{ s.dbt.models }} models, {{ s.dbt.tests }} tests, {{ s.dbt.elapsed_s }} s.</p>
{% endif %}
<p class="muted">Written {{ s.written_at }} · <a href="{{ s.run_date }}.json">summary as JSON</a> ·
  <a href="{{ index_href }}">all runs</a></p>
</main>
</body>
</html>
"""

INDEX_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsdw data quality</title>
<style>{{ style }}</style>
</head>
<body>
<header class="banner" style="background: {{ colour(runs[0].verdict) if runs else '#59636e' }}">
  <h1>newsdw data quality</h1>
  {% if runs %}<span class="badge">{{ label(runs[0].verdict) }}</span>
  latest run <a href="runs/{{ runs[0].run_date }}.html">{{ runs[0].run_date }}</a>: {{ runs[0].headline }}
  {% else %}no runs yet{% endif %}
</header>
<main>
<h2>Runs, newest first</h2>
<table id="runs">
<tr><th>run date</th><th>verdict</th><th>what failed</th><th class="num">files</th><th class="num">quarantined</th>
  <th class="num">pages</th><th class="num">articles</th></tr>
{% for r in runs %}
<tr><td><a href="runs/{{ r.run_date }}.html">{{ r.run_date }}</a></td>
  <td><span class="pill" style="background: {{ colour(r.verdict) }}">{{ label(r.verdict) }}</span></td>
  <td>{% for f in r.failures %}<div><span class="sev {{ f.severity }}">{{ f.severity }}</span>
    <a href="runs/{{ r.run_date }}.html#{{ f.anchor }}" title="{{ f.description }}">{{ f.table }}: {{ f.expectation }}
    {%- if f.column %} on {{ f.column }}{% endif %}</a></div>
    {% endfor %}{% for line in r.step_problems %}<div class="failed-text">{{ line }}</div>{% endfor %}</td>
  <td class="num">{{ r.files.found }}</td><td class="num">{{ r.files.quarantined }}</td>
  <td class="num">{{ r.pages }}</td><td class="num">{{ r.articles }}</td></tr>
{% endfor %}
</table>
<h2>Last {{ trend_runs }} runs</h2>
{{ chart }}
{% if docs_index %}
<p><a href="{{ docs_index }}">Great Expectations Data Docs</a> (validation results of the last runs)</p>
{% endif %}
</main>
</body>
</html>
"""


def label(verdict: str) -> str:
    """The verdict as shown to people."""
    return VERDICT_LABEL.get(verdict, verdict.upper())


def colour(verdict: str) -> str:
    """Banner and badge colour of a verdict."""
    return VERDICT_COLOUR.get(verdict, "#59636e")


def format_observed(observed: Any) -> str:
    """What GX saw, in one line: a value, or how many rows broke the rule and a few examples."""
    if observed is None:
        return "–"
    if isinstance(observed, dict):
        if "exception" in observed:
            return f"error: {observed['exception']}"
        if "unexpected_count" in observed:
            total = observed.get("element_count")
            share = observed.get("unexpected_percent")
            count = observed["unexpected_count"]
            text = f"{count} row{'' if count == 1 else 's'}" + (f" of {total}" if total is not None else "")
            if share is not None:
                text += f" ({share:.3g}%)"
            examples = observed.get("partial_unexpected_list") or []
            if examples:
                text += ", e.g. " + ", ".join(_short(v) for v in examples[:5])
            return text
        return _short(observed, 200)
    return _short(observed, 200)


def format_expected(expected: dict[str, Any] | None) -> str:
    """The bounds or set an expectation checked, in one line."""
    if not expected:
        return "–"
    parts = []
    low, high = expected.get("min_value"), expected.get("max_value")
    if low is not None and high is not None:
        parts.append(f"between {_short(low)} and {_short(high)}")
    elif low is not None:
        parts.append(f"at least {_short(low)}")
    elif high is not None:
        parts.append(f"at most {_short(high)}")
    if "value" in expected:
        parts.append(f"= {_short(expected['value'])}")
    if "value_set" in expected:
        parts.append("in {" + ", ".join(_short(v) for v in expected["value_set"]) + "}")
    if "regex" in expected:
        parts.append(f"matches {expected['regex']}")
    if "mostly" in expected:
        parts.append(f"for at least {expected['mostly']:.0%} of rows")
    return "; ".join(parts) or _short(expected, 200)


def format_band(volume: dict[str, Any] | None) -> str:
    """The learned volume band of a table, or why there is none yet."""
    if not volume:
        return ""
    runs = volume.get("history_runs") or 0
    if volume.get("min") is None and volume.get("max") is None:
        return f"no band yet ({runs} earlier run date{'s' if runs != 1 else ''}; needs {volume.get('needs', 3)})"
    return f"{volume['min']}–{volume['max']} (median {volume.get('median'):g} of the last {runs} run dates)"


def _short(value: Any, width: int = 60) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def trend_svg(history: list[dict[str, Any]], series: tuple[tuple[str, str], ...] = TREND_SERIES) -> Markup:
    """Small multiples: one line per main count over the runs in ``history`` (oldest first).

    ``history`` items carry ``run_date``, ``verdict`` and ``rows`` (table → count or None).
    Each panel has its own scale (pages are a handful, activities hundreds); a point's colour
    is its run's verdict, so a failed day stands out in every panel.
    """
    if not history:
        return Markup('<p class="muted">No runs yet.</p>')
    width, left, right, panel, gap = 1000, 150, 60, 70, 16
    plot_w = width - left - right
    height = len(series) * (panel + gap) + 24
    n = len(history)

    def x(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))

    out = [
        f'<svg id="trend-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="Main counts over the last {n} runs" style="max-width:{width}px;font:12px sans-serif">'
    ]
    for k, (table, name) in enumerate(series):
        top = k * (panel + gap) + 4
        values = [(h.get("rows") or {}).get(table) for h in history]
        known = [v for v in values if v is not None]
        peak = max(known, default=0) or 1
        latest = values[-1]

        def y(v: float, top: int = top, peak: float = peak) -> float:
            return top + panel - (v / peak) * (panel - 8)

        out.append(f'<text x="0" y="{top + panel / 2:.0f}" font-weight="700">{_xml(name)}</text>')
        out.append(f'<text x="{left - 8}" y="{top + 10}" text-anchor="end" fill="#59636e">{peak:g}</text>')
        out.append(f'<text x="{left - 8}" y="{top + panel}" text-anchor="end" fill="#59636e">0</text>')
        out.append(
            f'<line x1="{left}" y1="{top + panel}" x2="{left + plot_w}" y2="{top + panel}" stroke="#d0d7de"/>'
        )
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(values):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(v):.1f}")
        if segment:
            segments.append(segment)
        for points in segments:
            out.append(f'<polyline fill="none" stroke="#57606a" stroke-width="1.5" points="{" ".join(points)}"/>')
        for i, (v, h) in enumerate(zip(values, history, strict=True)):
            if v is None:
                continue
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour(h.get("verdict", ""))}">'
                f"<title>{_xml(h['run_date'])}: {v} {_xml(name)} ({_xml(label(h.get('verdict', '')))})</title></circle>"
            )
        text = "–" if latest is None else f"{latest:g}"
        out.append(f'<text x="{left + plot_w + 8}" y="{top + panel / 2:.0f}" font-weight="700">{text}</text>')
    axis = len(series) * (panel + gap) + 14
    out.append(f'<text x="{left}" y="{axis}" fill="#59636e">{_xml(history[0]["run_date"])}</text>')
    out.append(
        f'<text x="{left + plot_w}" y="{axis}" text-anchor="end" fill="#59636e">{_xml(history[-1]["run_date"])}</text>'
    )
    out.append("</svg>")
    return Markup("\n".join(out))


def _xml(value: Any) -> str:
    return str(Markup.escape(value))


def _environment() -> Environment:
    # The pages come from a loader, not from_string: the environment then compiles each template
    # once per process (from_string compiled the run page anew for every page, ~80% of a
    # backfill's report time).
    env = Environment(loader=DictLoader({"run.html": RUN_PAGE, "index.html": INDEX_PAGE}), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        label=label,
        colour=colour,
        observed=format_observed,
        expected=format_expected,
        band=format_band,
        style=Markup(STYLE),
        trend_runs=TREND_RUNS,
    )
    return env


_ENV = _environment()


def render_run(summary: dict[str, Any], history: list[dict[str, Any]], docs_base: str | None,
               docs_pages: set[str] | frozenset[str] = frozenset(), index_href: str = "../index.html") -> str:
    """The run page of one summary.

    ``docs_base`` is the Data Docs site root relative to the page (``../data_docs/``), None when
    there is no site; ``docs_pages`` holds the site-relative pages that exist, so a result pruned
    from the bounded history shows as such instead of a dead link.
    """

    def docs_link(page: str | None, text: str) -> Markup:
        if not page or docs_base is None:
            return Markup('<span class="muted">–</span>')
        if page != "index.html" and page not in docs_pages:
            return Markup('<span class="muted">pruned from Data Docs</span>')
        return Markup('<a href="{}">{}</a>').format(docs_base + page, text)

    view = dict(summary)
    view.setdefault("step_problems", [])
    view.setdefault("pipeline_warnings", [])
    for key in ("not_loaded", "refused", "encoding_notes"):
        view.setdefault(key, [])
    view.setdefault("accounting", None)
    view["data_docs_index"] = "index.html" if docs_base is not None else None
    files = summary["files"]
    cards = [
        (files["found"], "files found"),
        (files["parsed"], "parsed"),
        (summary.get("loaded_pages"), "pages loaded"),
        (files["quarantined"], "quarantined"),
        (files["duplicates"], "duplicates"),
        ((summary.get("accounting") or {}).get("refused", 0), "refused"),
    ]
    return _ENV.get_template("run.html").render(
        s=view, cards=cards, docs_link=docs_link, chart=trend_svg(history), index_href=index_href
    )


def render_index(runs: list[dict[str, Any]], history: list[dict[str, Any]]) -> str:
    """The index: one row per run (newest first) with its verdict and links to each failure."""
    rows = []
    for s in runs:
        failures = [
            {**f, "anchor": f"f{i}"}
            for i, f in enumerate((s.get("critical_failures") or []) + (s.get("expectation_warnings") or []), start=1)
        ]
        counts = s.get("rows") or {}
        rows.append(
            {
                "run_date": s["run_date"],
                "verdict": s["verdict"],
                "headline": s.get("headline") or "",
                "failures": failures,
                "step_problems": s.get("step_problems") or [],
                "files": s.get("files") or {"found": "–", "quarantined": "–"},
                "pages": _dash(counts.get("raw.pages")),
                "articles": _dash(counts.get("raw.articles")),
            }
        )
    # Link the Data Docs only when a run published them: no link to a site that was never built.
    docs_index = next((s["data_docs"] for s in runs if s.get("data_docs")), None)
    return _ENV.get_template("index.html").render(runs=rows, chart=trend_svg(history), docs_index=docs_index)


def _dash(value: Any) -> Any:
    return "–" if value is None else value
