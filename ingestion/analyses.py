"""Analysts' questions answered in SQL: the files of ``dbt_project/analyses`` (an I/O edge).

Each analysis is plain SQL against schema-qualified tables (``marts.fct_metrics``), not
``ref()``: an analyst can paste it into any DuckDB client opened on the snapshot, and
``run_analysis`` runs it as it is, read-only and sandboxed (``ingestion.analyst``), on the
snapshot (else the warehouse). A
file starts with a ``-- Question:`` comment, the question it answers. dbt still parses
the folder, so ``dbt docs`` lists the analyses beside the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingestion.settings import Settings


@dataclass(frozen=True, slots=True)
class Analysis:
    name: str
    question: str
    sql: str


def question_of(sql: str) -> str:
    """The question in the leading comment block: ``-- Question: …`` up to its question mark."""
    lines: list[str] = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        text = line[2:].strip()
        if text.startswith("Question:"):
            lines = [text.removeprefix("Question:").strip()]
        elif lines and text:
            lines.append(text)
        if lines and lines[-1].endswith("?"):
            break
    return " ".join(lines)


def list_analyses(settings: Settings) -> list[Analysis]:
    """Every analysis in ``<dbt_project>/analyses``, by name."""
    folder = settings.dbt_project / "analyses"
    out = []
    for path in sorted(folder.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        out.append(Analysis(path.stem, question_of(sql), sql))
    return out


def run_analysis(settings: Settings, name: str, database: Path | None = None) -> tuple[list[str], list[tuple]]:
    """Run one analysis read-only and sandboxed (``ingestion.analyst``) on ``database``, default the snapshot."""
    from ingestion.analyst import run_readonly

    analyses = {a.name: a for a in list_analyses(settings)}
    if name not in analyses:
        raise KeyError(f"no analysis {name!r}; there are: {', '.join(analyses)}")
    return run_readonly(settings, analyses[name].sql, database)
