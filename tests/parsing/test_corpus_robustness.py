"""Every real file of the development corpus parses, and every one that carries a story yields an article.

The corpus (``../shared/devset/corpus/<date>/*.txt``, or ``$NEWSDW_SHARED``) is read at run time
and never copied into the project; without it these tests skip.

A file carries a story when some line below its headline is running text: a paragraph of at
least ``MIN_SENTENCE_CJK`` characters that ends a sentence. Excepted, by rule and not by
file: a file headed by a cartoon's or an advert's label (``NOT_A_STORY``: its paragraphs
are a drawing's lines; a photo label over captions is a picture report's title and yields
its article), and a file whose only lines are a headline and page furniture
(a bare banner). The issue's bound for pages never seen is at most one in a thousand
article-bearing pages without an article; on this corpus the bound is zero.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import SHARED

from ingestion import cli
from ingestion.parsing.decode import decode_bytes
from ingestion.parsing.page import parse_page

CORPUS = SHARED / "devset" / "corpus"
MIN_SENTENCE_CJK = 12
NOT_A_STORY = re.compile(r"^(?:漫画|广告|公益广告)$")
_SENTENCE = re.compile(r"[。！？!?][”’\"）)]*\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


@pytest.fixture(scope="module")
def parsed():
    files = _files()
    if not files:
        pytest.skip(f"development corpus not found under {CORPUS}")
    out = {}
    for path in files:
        try:
            text = decode_bytes(path.read_bytes()).text
            out[path] = (text, parse_page(text), None)
        except Exception as exc:  # noqa: BLE001 - collected and reported by the test
            out[path] = (None, None, f"{type(exc).__name__}: {exc}")
    return out


def carries_a_story(text: str) -> bool:
    """True when the file has running text below its headline and is not a cartoon or advert label's."""
    lines = [ln.strip() for ln in text.splitlines()]
    if any(NOT_A_STORY.match(re.sub(r"\s+", "", ln)) for ln in lines[:3] if ln):
        return False
    body = [ln for ln in lines[3:] if ln]
    return any(_SENTENCE.search(ln) and len(_CJK.findall(ln)) >= MIN_SENTENCE_CJK for ln in body)


def test_the_corpus_is_there_to_test(parsed):
    assert len(parsed) >= 400


def test_every_file_decodes_and_parses(parsed):
    failures = [f"{p.relative_to(CORPUS)}: {err}" for p, (_, _, err) in parsed.items() if err]
    assert not failures, "\n".join(failures)


def test_no_extractor_fails_on_an_article(parsed):
    errors = [f"{p.relative_to(CORPUS)}: {e}" for p, (_, page, _) in parsed.items() if page for e in page.errors]
    assert not errors, "\n".join(errors[:20])


def test_every_file_with_a_story_yields_an_article(parsed):
    missing = [
        str(p.relative_to(CORPUS))
        for p, (text, page, err) in parsed.items()
        if not err and carries_a_story(text) and not page.articles
    ]
    storied = sum(1 for text, _, err in parsed.values() if not err and carries_a_story(text))
    assert storied >= 0.9 * len(parsed)  # the rule excepts few files
    assert not missing, f"{len(missing)} of {storied} files with a story yield no article: {missing[:20]}"


def test_a_page_without_articles_says_why(parsed):
    silent = [
        str(p.relative_to(CORPUS))
        for p, (_, page, err) in parsed.items()
        if not err and not page.articles and page.no_article is None
    ]
    assert not silent, silent[:20]


# --------------------------------------------------------------------------- newsdw parse
def test_parse_command_reports_a_failed_file_and_goes_on(tmp_path, monkeypatch, capsys):
    pages = tmp_path / "in"
    pages.mkdir()
    story = "\r\n某地开展冬季植树\r\n\r\n　　近日，某街道组织志愿者走进社区，开展植树活动，受到居民好评。\r\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (pages / name).write_text(story, encoding="utf-8")
    (pages / "d.txt").write_bytes(b"\xff\xfe\x00")  # not text at all
    import ingestion.parsing.page as page_module

    real = page_module.parse_page
    calls = {"n": 0}

    def flaky(text, meta=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyError("万")  # an extractor's bug on one file
        return real(text, meta)

    monkeypatch.setattr(page_module, "parse_page", flaky)
    out = tmp_path / "out"
    code = cli.main(["parse", str(pages), "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert sorted(p.name for p in out.glob("*.json")) == ["a.json", "c.json"]
    assert any(line.startswith(f"{pages / 'b.txt'}: parse failed: KeyError") for line in err)
    assert any(line.startswith(f"{pages / 'd.txt'}: decode failed: DecodeError") for line in err)
    assert err[-1] == "newsdw parse: 2 of 4 file(s) failed"
    doc = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in doc["articles"]] == ["某地开展冬季植树"]


def test_parse_command_exits_zero_when_all_files_parse(tmp_path, capsys):
    page = tmp_path / "a.txt"
    page.write_text("\r\n某地开展冬季植树\r\n\r\n　　近日，某街道组织志愿者开展植树活动。\r\n", encoding="utf-8")
    assert cli.main(["parse", str(page), "--out", str(tmp_path / "out")]) == 0
    assert "failed" not in capsys.readouterr().err
