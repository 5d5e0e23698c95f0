"""Make a Great Expectations Data Docs site render without the internet.

GX 1.24 writes pages that load jQuery, Bootstrap, bootstrap-table (which builds the index
table from data in the page), Font Awesome, a date picker, Vega and its logo from CDNs,
and validation pages link a favicon one folder too shallow. Offline the index shows an
empty table. After each build, ``make_offline`` rewrites the pages GX wrote:

- the scripts and stylesheets the pages need point at copies in ``static/vendor/`` of the
  site, taken from ``docs_assets/`` beside this module (MIT-licensed files, unchanged; see
  ``docs_assets/LICENSES.txt``); Font Awesome's few icons become characters (``icons.css``);
- what they do not need is dropped: Popper (inside Bootstrap's bundle), the date picker
  (the index's run-time filter becomes a text filter), the dark-mode stylesheet, Vega (our
  suites draw no charts); the GX logo is the site's own copy; links to GX's web site and
  its newsletter footer are removed;
- the favicon link is made relative to each page's folder.

Rewriting is idempotent (a rewritten page has no CDN URL left to rewrite).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ingestion.files import atomic_write_text

ASSETS = Path(__file__).with_name("docs_assets")
VENDOR = "static/vendor"
# CDN file name (the last part of the URL's path) → the local copy under VENDOR, or None to drop it.
REPLACEMENTS: dict[str, str | None] = {
    "jquery.min.js": "jquery.min.js",
    "bootstrap.min.js": "bootstrap.bundle.min.js",
    "bootstrap.min.css": "bootstrap.min.css",
    "bootstrap-table.min.js": "bootstrap-table.min.js",
    "bootstrap-table.min.css": "bootstrap-table.min.css",
    "bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control.min.js",
    "bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css",
    "bootstrap-table-filter-control.css": "bootstrap-table-filter-control.min.css",
    "all.min.css": "icons.css",  # Font Awesome
    "popper.min.js": None,
    "bootstrap-datepicker.min.js": None,
    "bootstrap-datepicker.min.css": None,
    "bootstrap-prefers-dark.css": None,
    "vega@5": None,
    "vega-lite@5": None,
    "vega-embed@6": None,
}
_SCRIPT_OR_LINK = re.compile(
    r"<(?P<tag>script|link)\b[^>]*?\b(?:src|href)=\"(?P<url>https?://[^\"]+)\"[^>]*>(?:\s*</script>)?", re.S
)
_EXTERNAL_A = re.compile(r"<a\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>(?P<text>.*?)</a>", re.S)
_LOGO = re.compile(r"src=\"https?://[^\"]*/logo-long\.png[^\"]*\"")
_FAVICON = re.compile(r"href=\"[./]*static/images/favicon\.ico\"")
_FOOTER = re.compile(r"<footer>.*?</footer>", re.S)
_JQUERY = re.compile(r"jquery-[\d.]+(\.min)?\.js")


def _local_name(url: str) -> str | None:
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if _JQUERY.fullmatch(name):
        name = "jquery.min.js"
    if name not in REPLACEMENTS:
        raise ValueError(f"Data Docs load {url}, which has no local copy: add it to expectations.offline_docs.REPLACEMENTS")
    return REPLACEMENTS[name]


def rewrite_page(html: str, to_root: str) -> str:
    """One page's HTML with every CDN script/stylesheet local or gone; ``to_root`` is the site root from the page."""

    def script_or_link(m: re.Match[str]) -> str:
        local = _local_name(m["url"])
        if local is None:
            return ""
        if m["tag"] == "script":
            return f'<script src="{to_root}{VENDOR}/{local}"></script>'
        return f'<link rel="stylesheet" type="text/css" href="{to_root}{VENDOR}/{local}">'

    html = _SCRIPT_OR_LINK.sub(script_or_link, html)
    html = _FOOTER.sub("", html)
    html = _EXTERNAL_A.sub(lambda m: m["text"], html)
    html = _LOGO.sub(f'src="{to_root}static/images/logo-long.png"', html)
    html = _FAVICON.sub(f'href="{to_root}static/images/favicon.ico"', html)
    # the run-time column's date-picker filter needs the date-picker plugin: a text filter instead
    return html.replace("'filterControl': 'datepicker'", "'filterControl': 'input'")


def copy_assets(site: Path) -> None:
    """Copy the vendored scripts and stylesheets into ``<site>/static/vendor`` (only those missing or changed)."""
    target = site / VENDOR
    target.mkdir(parents=True, exist_ok=True)
    for asset in sorted(ASSETS.iterdir()):
        copy = target / asset.name
        if not copy.exists() or copy.stat().st_size != asset.stat().st_size:
            shutil.copyfile(asset, copy)


def make_offline(site: Path, since: float | None = None) -> list[Path]:
    """Rewrite the site's pages (those modified at or after ``since``, else all); return the pages changed."""
    site = Path(site)
    copy_assets(site)
    changed = []
    for page in sorted(site.rglob("*.html")):
        if VENDOR in page.relative_to(site).as_posix() or (since is not None and page.stat().st_mtime < since):
            continue
        html = page.read_text(encoding="utf-8")
        to_root = "../" * (len(page.relative_to(site).parts) - 1)
        new = rewrite_page(html, to_root)
        if new != html:
            atomic_write_text(page, new)  # a reader never sees half a page
            changed.append(page)
    return changed
