"""Reprint detection over a stored stream: paragraph vectors are kept with their articles."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from accord.cluster import EMBEDDING_DIM
from accord.dedupe import paragraphs
from accord.distributed import ingest_articles
from accord.model import Article, Extraction
from accord.nlp import PARAGRAPH_PRECISION
from accord.process import Processed, ProcessedArticle
from accord.store import ArticleRecord, Store
from accord.storeschema import UNTAGGED_PRECISION
from tests.models import bag_of_words

# Three reports of one bridge closure, each in its own words: the rewrite test runs for each.
REPORTS = [
    [
        "The city council voted on Tuesday to close the old harbour bridge for repairs.",
        "Engineers found cracks in two of the steel girders during an inspection this spring.",
    ],
    [
        "Ferries will run every twenty minutes between the two banks while the work goes on.",
        "Shop owners on the quay fear losing customers during the busy summer season ahead.",
    ],
    [
        "The mayor promised that the bridge would reopen before the first snow of winter.",
        "Residents may send questions about the works to the council by post or by email.",
    ],
]


def make(paras: list[str], day: int) -> Article:
    return Article.create(
        f"{day}.txt", "\n\n".join(paras), title="", outlet="bridge", published=date(2024, 2, day)
    )


def story_vector() -> np.ndarray:
    vector = np.random.default_rng(zlib.crc32(b"bridge")).standard_normal(EMBEDDING_DIM)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def processed(article: Article, cleaned: bool) -> ProcessedArticle:
    """An article as the per-article stages leave it; ``cleaned`` brings the vectors of its
    paragraphs, as cleaning does for a long article."""
    texts = paragraphs(article)
    given = dict(zip(texts, bag_of_words(texts), strict=True)) if cleaned else {}
    return ProcessedArticle(article, Extraction(article.id), (), story_vector(), given)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.duckdb") as opened:
        yield opened


def test_paragraph_vectors_written_with_a_batch_read_back_the_same(
    store: Store, tmp_path: Path
) -> None:
    article = make(REPORTS[0], 1)
    texts = paragraphs(article)
    vectors = dict(zip(texts, bag_of_words(texts), strict=True))
    record = ArticleRecord(article, Extraction(article.id), (), story_vector(), vectors)
    store.write_batch([record], [], [])
    (back,) = store.paragraph_vectors(store.articles([article.id]))
    assert back.keys() == vectors.keys()
    assert all(np.array_equal(back[t], vectors[t]) for t in texts)
    store.export_parquet(tmp_path / "export")
    with Store(tmp_path / "copy.duckdb") as copy:
        copy.import_parquet(tmp_path / "export")
        assert copy.dump()["paragraph_vectors"] == store.dump()["paragraph_vectors"]


def test_a_stored_member_is_not_embedded_again_for_each_later_batch(store: Store) -> None:
    articles = [make(paras, day) for day, paras in enumerate(REPORTS, start=1)]
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return bag_of_words(texts)

    def stream(batch: Sequence[Article], size: int, strict: bool = False) -> Iterator[Processed]:
        for k, article in enumerate(batch):  # one article a batch; the first was cleaned long
            yield Processed([processed(article, cleaned=k == 0)])

    report = ingest_articles(store, articles, stream, counting, batch_size=1)
    assert report.batches == 3 and report.new_stories == 1
    assert not set(asked) & set(REPORTS[0])  # cleaning's vectors were kept
    assert Counter(asked) == Counter(REPORTS[1] + REPORTS[2])  # each once, in its own batch
    stored = store.paragraph_vectors(store.articles([a.id for a in articles]))
    assert [sorted(v) for v in stored] == [sorted(paras) for paras in REPORTS]


def test_stored_vectors_of_other_weights_are_embedded_again(store: Store) -> None:
    articles = [make(paras, day) for day, paras in enumerate(REPORTS[:2], start=1)]
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return bag_of_words(texts)

    def stream(batch: Sequence[Article], size: int, strict: bool = False) -> Iterator[Processed]:
        for article in batch:
            yield Processed([processed(article, cleaned=True)])

    ingest_articles(store, articles[:1], stream, counting)
    # as a store written when paragraphs were embedded by the fp32 weights holds them
    store.con.execute("UPDATE paragraph_vectors SET precision = 'fp32'")
    ingest_articles(store, articles[1:], stream, counting)
    assert Counter(asked) == Counter(REPORTS[0])  # the stored member's, not the new one's
    tags = store.con.execute("SELECT DISTINCT precision FROM paragraph_vectors").fetchall()
    assert sorted(tags) == [("fp32",), (PARAGRAPH_PRECISION,)]


def test_a_store_written_before_vectors_were_tagged_reads_them_as_fp32(tmp_path: Path) -> None:
    import duckdb

    article = make(REPORTS[0], 1)
    text = paragraphs(article)[0]
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(
            "CREATE TABLE paragraph_vectors (article VARCHAR NOT NULL, start INTEGER NOT NULL, "
            '"end" INTEGER NOT NULL, vector FLOAT[] NOT NULL)'
        )
        start = article.original.find(text)
        con.execute(
            "INSERT INTO paragraph_vectors VALUES (?, ?, ?, ?)",
            [article.id, start, start + len(text), bag_of_words([text])[0].tolist()],
        )
    with Store(path) as opened:
        assert list(opened.paragraph_vectors([article], UNTAGGED_PRECISION)[0]) == [text]
        assert opened.paragraph_vectors([article], "int8") == [{}]
        assert list(opened.paragraph_vectors([article])[0]) == [text]
