"""The adversarial corpus (``tests/adversarial.py``) mixed with valid reports: every stage
survives it, the valid reports' results come through unchanged, every span is exact."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

import accord
from accord.distributed import ingest_paths
from accord.model import Article
from accord.nlp import MAX_WINDOW_CHARS, parse_blocks, windows
from accord.store import Store
from tests.adversarial import VALID, corpus, one_word, sentences, write_valid
from tests.models import here, loaded_models, loaded_nlp
from tests.spans import inexact_spans

# A hundredth of the sizes: every case still goes past the limit it stresses (the
# long paragraph five times past MAX_WINDOW_CHARS; title and nesting are full size), and
# the 2-3 MB paragraphs are checked above without the parser's cost.
SCALE = 0.01
MB = 1_000_000


def test_a_long_paragraph_is_cut_into_sentence_aligned_windows_covering_it() -> None:
    text = sentences(3 * MB)
    pieces = windows(text)
    assert all(0 < e - s <= MAX_WINDOW_CHARS for s, e in pieces)
    assert all(text[e - 1] == "." for s, e in pieces)  # every cut after a sentence end
    gaps = [text[e:s] for (_, e), (s, _) in pairwise(pieces)]
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(gap.isspace() for gap in gaps)


def test_a_text_without_sentence_ends_is_cut_at_whitespace_and_without_it_at_the_limit() -> None:
    words = one_word(600_000).content
    pieces = windows(words)
    assert all(e - s <= MAX_WINDOW_CHARS for s, e in pieces)
    assert all(words[s:e].split()[0] in ("ferry",) for s, e in pieces)
    assert all(words[s:e].endswith("ferry") for s, e in pieces)
    assert sum(len(words[s:e].split()) for s, e in pieces) == len(words.split())
    assert windows("x" * 25_000) == [(0, 10_000), (10_000, 20_000), (20_000, 25_000)]


def test_a_paragraph_past_spacys_limit_is_parsed_in_windows_with_exact_offsets(
    nlp: object,
) -> None:
    # 1.2 MB in long tokens: past spaCy's 1,000,000-character max_length (error E088) but
    # cheap to parse, so the test is about the windows, not about parsing speed
    huge = " ".join(f"Harbour{i:06d}" + "x" * 1990 for i in range(600))
    original = f"Long page\n\n{huge}\n\nThe ferry docked at 9 pm, the operator said."
    article = Article.create("long.txt", original)
    [blocks] = list(parse_blocks([article], loaded_nlp()))
    assert len(blocks) == 2 + len(windows(huge)) and len(blocks) > len(huge) // MAX_WINDOW_CHARS
    assert all(len(block.doc.text) <= MAX_WINDOW_CHARS for block in blocks)
    assert sum(t.text.startswith("Harbour") for b in blocks for t in b.doc) == 600  # none cut
    for block in blocks:
        assert original[block.start : block.start + len(block.doc.text)] == block.doc.text
    assert blocks[-1].doc.text == "The ferry docked at 9 pm, the operator said."


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("adversarial")
    for case in corpus(SCALE):
        case.write(folder)
    write_valid(folder)
    return folder


@pytest.fixture(scope="module")
def valid_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("valid")
    write_valid(folder)
    return folder


@pytest.mark.slow
def test_analyze_survives_the_adversarial_corpus_with_exact_spans(
    mixed: Path, valid_only: Path
) -> None:
    dossier = accord.analyze([mixed], models=loaded_models())
    data = dossier.to_dict()
    assert inexact_spans(data) == []
    sources = {Path(a.source.split(":")[0]).name for a in dossier.articles}
    written = {case.filename for case in corpus(SCALE)} | set(VALID)
    skipped = [Path(s.source.split(":")[0]).name for s in dossier.skipped]
    assert sorted(written) == sorted(sources | set(skipped))  # each file: read or reported
    assert len(skipped) == len(set(skipped))  # ... and reported once
    alone = accord.analyze([valid_only], models=loaded_models())
    for article in alone.articles:
        [same] = [a for a in dossier.articles if a.id == article.id]
        assert same.removed == article.removed


@pytest.mark.slow
def test_ingest_of_the_adversarial_corpus_stores_the_valid_reports_unchanged(
    mixed: Path, valid_only: Path, tmp_path: Path
) -> None:
    with Store(tmp_path / "mixed.duckdb") as store, Store(tmp_path / "valid.duckdb") as clean:
        report = ingest_paths(store, [mixed], *here())
        ingest_paths(clean, [valid_only], *here())
        assert report.failures == ()
        ids = [row[0] for row in clean.con.execute("SELECT id FROM articles").fetchall()]
        query = (
            'SELECT article, kind, ordinal, start, "end", text, payload FROM mentions '
            "WHERE list_contains(?, article) ORDER BY ALL"
        )
        assert (
            store.con.execute(query, [ids]).fetchall() == clean.con.execute(query, [ids]).fetchall()
        )
        for table in ("articles", "mentions"):
            rows = store.con.execute(f"SELECT * FROM {table}").fetchall()
            assert rows  # the hostile articles were stored too, not only the valid ones
        texts = {
            r[0]: r[1] for r in store.con.execute("SELECT id, original FROM articles").fetchall()
        }
        for article, start, end, text in store.con.execute(
            'SELECT article, start, "end", text FROM mentions'
        ).fetchall():
            assert texts[article][start:end] == text
