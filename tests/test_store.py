"""The corpus store: round trips, idempotent and transactional ingest, Parquet, read API.

Records are built by a stand-in for the per-article stages (no models loaded): the topic of
an article is its outlet, and its embedding is that topic's vector plus a little noise.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from accord.cluster import EMBEDDING_DIM
from accord.corpus import refresh, story_dossier
from accord.distributed import ingest_articles
from accord.errors import StoreError
from accord.model import (
    Article,
    DateMention,
    Extraction,
    FigureMention,
    PredicateMention,
    Removed,
    Span,
)
from accord.process import Processed, ProcessedArticle
from accord.store import ArticleRecord, Store
from accord.story import story_title
from accord.vocab import Measure, RemovalReason
from tests.models import bag_of_words


def vector_for(topic: str, text: str) -> np.ndarray:
    base = np.random.default_rng(zlib.crc32(topic.encode())).standard_normal(EMBEDDING_DIM)
    noise = np.random.default_rng(zlib.crc32(text.encode())).standard_normal(EMBEDDING_DIM)
    vector = base + 0.05 * noise
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def fake_record(article: Article) -> ArticleRecord:
    """A record as the real stages would shape it: removed segments, sentences, mentions."""
    marker = article.original.find("Advertisement")
    if marker >= 0:
        article = article.with_removed([Removed(marker, marker + 13, RemovalReason.AD_MARKER)])
    sentences = tuple(Span.of(article, s, e) for s, e in article.kept_blocks())
    figures = tuple(
        FigureMention(
            Span.of(article, m, m + 2), 14.0, 14.0, measure=Measure.KILLED, sentence=sentences[0]
        )
        for m in [article.original.find("14")]
        if m >= 0
    )
    dates = tuple(
        DateMention(Span.of(article, m, m + 7), None)
        for m in [article.original.find("Tuesday")]
        if m >= 0
    )
    # each sentence's predicate: its first word, as a stand-in for the parse's
    predicates = tuple(
        PredicateMention(Span.of(article, s.start, s.start + 1), s, "be", negated=k % 2 == 1)
        for k, s in enumerate(sentences)
    )
    return ArticleRecord(
        article,
        Extraction(article.id, sentences, figures, (), dates, predicates=predicates),
        (f"gpe:{article.outlet}",),
        vector_for(article.outlet or "", article.original),
    )


def processed(article: Article) -> ProcessedArticle:
    record = fake_record(article)
    return ProcessedArticle(record.article, record.extraction, record.entities, record.vector)


class Interrupted(Exception):
    pass


def fake_stream(fail_after: int | None = None):  # type: ignore[no-untyped-def]
    def stream(articles: Sequence[Article], size: int, strict: bool = False) -> Iterator[Processed]:
        for n, start in enumerate(range(0, len(articles), size)):
            if fail_after is not None and n == fail_after:
                raise Interrupted
            yield Processed([processed(a) for a in articles[start : start + size]])

    return stream


def make_corpus() -> list[Article]:
    texts = [
        ("dam", "2024-03-05", "The dam broke on Tuesday.\nAt least 14 people died.\nAdvertisement"),
        ("dam", "2024-03-05", "Rescuers searched villages after the dam failed.\n14 dead."),
        ("vote", "2024-03-05", "The council voted on the budget.\nThe motion passed."),
        ("dam", "2024-03-06", "Engineers had warned about the dam.\nInquiry opened Tuesday."),
        ("vote", "2024-03-06", "Budget vote: what changes for schools."),
        ("fire", "2024-03-06", "A warehouse fire burned overnight.\nNo one was hurt."),
        ("dam", None, "Flood water recedes below the broken dam."),
    ]
    return [
        Article.create(
            f"{i}.txt",
            text,
            title=f"{topic} report {i}",
            outlet=topic,
            published=day and date.fromisoformat(day),
        )
        for i, (topic, day, text) in enumerate(texts)
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.duckdb") as opened:
        yield opened


def test_ingest_sorts_articles_into_stories_by_topic(store: Store) -> None:
    report = ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
    assert (report.added, report.new_stories, report.batches) == (7, 3, 3)
    titles = {s.title: s.articles for s in store.list_stories()}
    assert titles == {"dam report 0": 4, "vote report 2": 2, "fire report 5": 1}


def test_reingesting_the_same_articles_adds_nothing(store: Store) -> None:
    ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
    before = store.dump()
    again = ingest_articles(
        store, make_corpus() + make_corpus(), fake_stream(), bag_of_words, batch_size=3
    )
    assert (again.added, again.known, again.batches) == (0, 14, 0)
    assert store.dump() == before


def test_stored_articles_and_extractions_come_back_unchanged(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
    story = store.list_stories("dam")[0]
    articles = store.story_articles(story.id)
    expected = {a.id: fake_record(a) for a in corpus}
    assert [a.id for a in articles] == [a.id for a in corpus if a.outlet == "dam"]
    for article in articles:
        assert article == expected[article.id].article
    for extraction in store.extractions([a.id for a in articles]):
        assert extraction == expected[extraction.article].extraction
        for span in extraction.sentences + tuple(f.span for f in extraction.figures):
            assert corpus_text(corpus, span.article)[span.start : span.end] == span.text


def test_stored_document_vectors_and_story_sums_come_back_bit_for_bit(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
    expected = {a.id: fake_record(a).vector for a in corpus}
    members = store.con.execute("SELECT article, story FROM story_members").fetchall()
    back = dict(store.member_vectors(sorted({story for _, story in members})))
    stored = store.con.execute("SELECT article, vector FROM embeddings").fetchall()
    assert len(stored) == len(corpus)
    for article, vector in stored:
        assert np.array_equal(np.asarray(vector, dtype=np.float32), expected[article])
    for row in store.open_stories(0, None):
        sums = [expected[a] for a, story in members if story == row.id]
        assert row.vector_sum.dtype == np.float32 and row.vector_sum.shape == (EMBEDDING_DIM,)
        assert np.allclose(row.vector_sum, np.sum(sums, axis=0), atol=1e-5)
        assert row.id in back


def corpus_text(corpus: list[Article], article_id: str) -> str:
    return next(a.original for a in corpus if a.id == article_id)


def test_a_failed_batch_leaves_the_store_as_it_was_before_that_batch(tmp_path: Path) -> None:
    corpus = make_corpus()
    with Store(tmp_path / "whole.duckdb") as whole:
        ingest_articles(whole, corpus[:3], fake_stream(), bag_of_words, batch_size=3)
        after_first_batch = whole.dump()
    with Store(tmp_path / "cut.duckdb") as cut:
        with pytest.raises(Interrupted):
            ingest_articles(cut, corpus, fake_stream(fail_after=1), bag_of_words, batch_size=3)
        assert cut.dump() == after_first_batch


def test_a_write_that_fails_mid_transaction_is_rolled_back(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus[:3], fake_stream(), bag_of_words, batch_size=3)
    before = store.dump()
    duplicate = fake_record(corpus[0])  # the primary key refuses it, after other inserts ran
    with pytest.raises(StoreError, match="rolled back"):
        store.write_batch([fake_record(corpus[5]), duplicate], [], [])
    assert store.dump() == before


def test_a_resumed_ingest_ends_equal_to_an_uninterrupted_one(tmp_path: Path) -> None:
    corpus = make_corpus()
    with Store(tmp_path / "whole.duckdb") as whole:
        ingest_articles(whole, corpus, fake_stream(), bag_of_words, batch_size=2)
        expected = whole.dump()
    with Store(tmp_path / "cut.duckdb") as cut:
        with pytest.raises(Interrupted):
            ingest_articles(cut, corpus, fake_stream(fail_after=2), bag_of_words, batch_size=2)
        resumed = ingest_articles(cut, corpus, fake_stream(), bag_of_words, batch_size=2)
        assert resumed.known == 4
        assert cut.dump() == expected


def test_parquet_export_and_import_reproduce_the_store(store: Store, tmp_path: Path) -> None:
    ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
    refresh(store)  # the stories' results travel too
    dam = store.list_stories("dam")[0].id
    written = store.export_parquet(tmp_path / "export")
    assert {p.name for p in written} >= {"articles.parquet", "mentions.parquet"}
    with Store(tmp_path / "copy.duckdb") as copy:
        copy.import_parquet(tmp_path / "export")
        assert copy.dump() == store.dump()
        assert copy.result_versions(dam) == store.result_versions(dam)


def test_importing_into_a_store_that_holds_articles_is_refused(
    store: Store, tmp_path: Path
) -> None:
    ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
    store.export_parquet(tmp_path / "export")
    with pytest.raises(StoreError, match="not empty"):
        store.import_parquet(tmp_path / "export")


def test_importing_a_folder_without_the_tables_says_what_is_missing(
    store: Store, tmp_path: Path
) -> None:
    with pytest.raises(StoreError, match=r"articles\.parquet"):
        store.import_parquet(tmp_path)


def test_list_stories_filters_by_title_and_counts_independent_sources(store: Store) -> None:
    corpus = make_corpus()
    reprint = Article.create(
        "r.txt",
        corpus[0].original + "\n(reprint)",
        title="dam reprint",
        outlet="dam",
        published=date(2024, 3, 5),
        derived_from=corpus[0].id,
        derivation="reprint",
    )
    ingest_articles(store, [*corpus, reprint], fake_stream(), bag_of_words, batch_size=3)
    [dam] = store.list_stories("DAM REPORT")
    assert (dam.articles, dam.independent) == (5, 4)
    assert dam.first_published == "2024-03-05" and dam.last_published == "2024-03-06"
    assert store.list_stories("no such title") == []


def test_a_story_dossier_for_an_unknown_id_names_the_fix(store: Store) -> None:
    with pytest.raises(StoreError, match="accord stories"):
        story_dossier(store, "s-missing")


def test_opening_a_store_that_is_not_a_database_raises_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open"):
        Store(bogus)


def test_a_story_dossier_is_built_from_stored_extractions_without_parsing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.nlp

    ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
    monkeypatch.setattr(accord.nlp, "parse_blocks", _no_parsing)
    monkeypatch.setattr(accord.nlp, "load_nlp", _no_parsing)
    dam = store.list_stories("dam")[0]
    dossier = story_dossier(store, dam.id)
    assert dossier.title == "dam report 0"
    assert len(dossier.articles) == 4
    for figure in dossier.figures:
        for mention in figure.mentions:
            article = dossier.article(mention.span.article)
            assert article.original[mention.span.start : mention.span.end] == mention.span.text


def test_a_story_dossier_is_kept_until_the_story_gains_an_article(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.corpus

    corpus = make_corpus()
    ingest_articles(store, corpus[:3], fake_stream(), bag_of_words, batch_size=3)
    dam = store.list_stories("dam")[0]
    first = story_dossier(store, dam.id)
    calls: list[int] = []
    real = accord.corpus.cross_source

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(accord.corpus, "cross_source", counting)
    assert story_dossier(store, dam.id) == first
    assert calls == []
    ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
    assert len(story_dossier(store, dam.id).articles) == 4
    assert calls == [1]
    assert [v.number for v in store.result_versions(dam.id)] == [1, 2]


def test_refresh_computes_only_the_stories_that_gained_an_article(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus[:3], fake_stream(), bag_of_words, batch_size=3)
    assert len(refresh(store)) == 2 and store.stale_stories() == []
    ingest_articles(store, corpus[3:5], fake_stream(), bag_of_words, batch_size=3)
    stale = store.stale_stories()
    assert len(stale) == 2  # dam and vote gained a report; nothing else is recomputed
    assert sorted(v.story for v in refresh(store)) == stale and refresh(store) == []


def test_a_story_is_named_after_its_earliest_published_member(store: Store) -> None:
    late = Article.create(
        "l.txt", "The dam report.", title="b later", outlet="dam", published=date(2024, 3, 6)
    )
    early = Article.create(
        "e.txt",
        "The dam report again.",
        title="a earlier",
        outlet="dam",
        published=date(2024, 3, 5),
    )
    undated = Article.create("u.txt", "Dam.", title="0 undated", outlet="dam")
    ingest_articles(store, [late, undated, early], fake_stream(), bag_of_words, batch_size=1)
    [story] = store.list_stories()
    assert story.title == "a earlier" == story_title([late, undated, early])


def _no_parsing(*args: object, **kwargs: object) -> None:
    raise AssertionError("story_dossier must not parse")


def test_a_reprint_ingested_later_links_to_its_original_and_is_not_independent(
    store: Store,
) -> None:
    body = (
        "The regional council approved the new flood barrier after a long debate.\n"
        "Engineers said the barrier would protect four villages along the river.\n"
        "Construction is due to start in the spring and last two full years."
    )
    original = Article.create(
        "o.txt", body, title="Barrier approved", outlet="barrier", published=date(2024, 3, 5)
    )
    reprint = Article.create(
        "r.txt",
        "Reprinted with permission.\n" + body,
        title="Council approves barrier",
        outlet="barrier",
        published=date(2024, 3, 6),
    )
    ingest_articles(store, [original], fake_stream(), bag_of_words, batch_size=1)
    ingest_articles(store, [reprint], fake_stream(), bag_of_words, batch_size=1)
    [story] = store.list_stories("barrier")
    assert (story.articles, story.independent) == (2, 1)
    assert store.story_articles(story.id)[1].derived_from == original.id


def test_the_cli_lists_stories_writes_a_dossier_and_round_trips_parquet(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from accord.cli import app

    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
        dam = store.list_stories("dam")[0].id
    runner = CliRunner()
    listed = runner.invoke(
        app, ["stories", "--db", str(db), "--query", "vote"], env={"COLUMNS": "200"}
    )
    assert listed.exit_code == 0, listed.output
    assert "vote report 2" in listed.output and "dam report" not in listed.output
    written = runner.invoke(app, ["dossier", dam, "--db", str(db), "-o", str(tmp_path / "d")])
    assert written.exit_code == 0, written.output
    assert (tmp_path / "d" / "dossier.json").is_file()
    missing = runner.invoke(app, ["dossier", "s-none", "--db", str(db), "-o", str(tmp_path)])
    assert missing.exit_code == 1 and "accord stories" in missing.output
    exported = runner.invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "pq")])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(
        app, ["import", str(tmp_path / "pq"), "--db", str(tmp_path / "copy.duckdb")]
    )
    assert imported.exit_code == 0 and "7 articles, 3 stories" in imported.output


IMPORT_AND_LIST = """
import sys
import accord.{module}
heavy = ("spacy", "torch", "sentence_transformers", "accord.pipeline", "accord.nlp",
         "accord.cluster", "accord.story")
print(sorted(m for m in heavy if m in sys.modules))
"""


@pytest.mark.parametrize("module", ["store", "storeschema", "web"])
def test_importing_the_store_or_the_web_view_loads_no_model_and_no_stage(module: str) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", IMPORT_AND_LIST.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_a_split_moves_members_to_the_new_story_and_rewrites_both_rows(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
    refresh(store)
    dam = store.list_stories("dam")[0].id
    signals = store.member_signals(dam)
    assert [a for a, *_ in signals] == [corpus[i].id for i in (0, 1, 3, 6)]
    assert [seq for _, seq, *_ in signals] == sorted(seq for _, seq, *_ in signals)
    assert all(names == ("gpe:dam",) for _, _, names, _ in signals)
    kept = next(row for row in store.open_stories(0, None) if row.id == dam)
    moved = [corpus[3].id, corpus[6].id]
    before = store.story_version(dam)
    halves = [replace(kept, size=2, title="dam"), replace(kept, id="s-new", size=2, title="flood")]
    store.split_story(moved, "s-new", halves)
    assert [a.id for a in store.story_articles("s-new")] == moved
    assert [a.id for a in store.story_articles(dam)] == [corpus[0].id, corpus[1].id]
    assert store.story_size(dam) == store.story_size("s-new") == 2
    assert store.title_of("s-new") == "flood" and store.story_version(dam) != before
    assert {dam, "s-new"} <= set(store.stale_stories())  # both need their results again


def test_a_merge_moves_members_to_the_kept_story_and_drops_the_other(store: Store) -> None:
    corpus = make_corpus()
    ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
    refresh(store)
    dam, vote = store.list_stories("dam")[0].id, store.list_stories("vote")[0].id
    kept = next(row for row in store.open_stories(0, None) if row.id == dam)
    before = store.story_version(dam)
    store.merge_stories(dam, vote, replace(kept, size=6, title="dam and vote"))
    assert [a.id for a in store.story_articles(dam)] == [corpus[i].id for i in (0, 1, 2, 3, 4, 6)]
    assert store.story_size(dam) == 6 and store.title_of(dam) == "dam and vote"
    assert vote not in store.story_ids() and store.story_size(vote) is None
    assert store.result_versions(vote) == []  # its results went with it
    assert store.story_version(dam) != before and dam in store.stale_stories()
    assert vote not in store.stale_stories()
