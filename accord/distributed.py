"""Ingest into the corpus store, on this machine or scaled out on Ray.

The per-article stages (clean → parse → extract, plus the clustering signals: named entities
and an embedding) are independent per article, so they can run anywhere; everything that
needs the whole corpus runs on the driver, in order, one batch at a time:

1. :func:`process_articles` turns articles into :class:`~accord.store.ArticleRecord` s.
   Locally it runs in this process; with Ray (:func:`ray_batches`) it runs as Ray Data
   ``map_batches`` over an actor pool, each actor loading spaCy and the embedder once.
2. The driver links reprints to their originals (:mod:`accord.dedupe`, within each story),
   assigns stories (:class:`~accord.cluster.StoryIndex`) and writes the batch to the store in
   one transaction (single writer, so the store stays consistent however many workers run).

Articles already stored are filtered out before any work, so re-running an ingest adds
nothing, and a run killed mid-way resumes where its last committed batch ended.
"""

from __future__ import annotations

import base64
import importlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from accord.cluster import Assignment, Signal
from accord.cluster import lead_text as embedding_text
from accord.cluster import signal_of as cluster_signal
from accord.corpus import commit_batch, restore_index
from accord.errors import ArticleFailure, Stage
from accord.isolation import Failures, clean_isolated, parse_isolated, per_article
from accord.model import Article, Extraction
from accord.store import ArticleRecord, Store

DEFAULT_BATCH_SIZE = 64  # articles per transaction: small enough to lose little on a kill
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
REPRINT_LOOKBACK = 20  # earlier members of a story a new article is checked against (their
# paragraph vectors and sketches usually come from caches, but a miss re-computes them)
DEFAULT_RAY_WORKERS = 2


class RecordStream(Protocol):
    """Runs the per-article stages over articles, one :class:`Processed` per driver batch."""

    def __call__(
        self, articles: Sequence[Article], batch_size: int, strict: bool = False
    ) -> Iterator[Processed]: ...


BatchDone = Callable[["BatchReport"], None]


@dataclass(frozen=True)
class BatchReport:
    """What one committed batch added."""

    number: int
    articles: int
    new_stories: int


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did: articles read, already known, added; stories opened."""

    read: int
    known: int
    added: int
    new_stories: int
    batches: int
    skipped: tuple[tuple[str, str], ...] = ()  # files and records that could not be read
    failures: tuple[ArticleFailure, ...] = ()  # articles quarantined by this run
    held: int = 0  # articles passed by because an earlier run quarantined them


def entities_of(blocks: Iterable[Any]) -> tuple[str, ...]:
    """Normalised named entities of a parsed article (``"gpe:kyiv"``), sorted, unique."""
    found = {
        f"{ent.label_.lower()}:{' '.join(ent.text.lower().split())}"
        for block in blocks
        for ent in block.doc.ents
        if ent.label_ in ENTITY_LABELS
    }
    return tuple(sorted(found))


@dataclass(frozen=True)
class Processed:
    """One batch through the per-article stages: the records, and the articles that failed."""

    records: list[ArticleRecord]
    failures: list[ArticleFailure] = field(default_factory=list)


def process_articles(articles: Sequence[Article], strict: bool = False) -> Processed:
    """clean → parse → extract → entities → embed, for articles that need nothing else.

    Each article is isolated (:mod:`accord.isolation`): one that breaks a stage becomes a
    failure of that stage and the others are processed as if it were not there; ``strict``
    raises instead.
    """
    from accord.extract import extract_blocks
    from accord.nlp import embed

    failures = Failures(strict)
    cleaned = clean_isolated(articles, failures)  # one embedding batch for all paragraphs

    def vectors_of(batch: Sequence[Article]) -> list[np.ndarray]:
        return list(embed([embedding_text(a) for a in batch]))  # stored, so computed afresh

    vectors = {a.id: v for a, v in per_article(Stage.EMBED, cleaned, vectors_of, failures)}
    embedded = [a for a in cleaned if a.id in vectors]

    def extracted(article: Article, blocks: list[Any]) -> tuple[Extraction, tuple[str, ...]]:
        return extract_blocks(article, blocks), entities_of(blocks)

    records = [
        ArticleRecord(article, extraction, entities, np.asarray(vectors[article.id], np.float32))
        for article, (extraction, entities) in parse_isolated(embedded, failures, extracted)
    ]
    return Processed(records, list(failures))


def local_batches(
    articles: Sequence[Article], batch_size: int, strict: bool = False
) -> Iterator[Processed]:
    """Process in this process, one batch at a time."""
    for start in range(0, len(articles), batch_size):
        yield process_articles(articles[start : start + batch_size], strict)


class ArticleProcessor:
    """A Ray actor: loads the models once, then processes batches of JSON-encoded articles.

    One output row per input article: its record, or its failure (the other column empty).
    """

    def __init__(self, strict: bool = False) -> None:
        from accord.nlp import get_embedder, get_nlp

        self.strict = strict
        get_nlp()
        get_embedder()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [Article.from_dict(json.loads(a)) for a in batch["article"]]
        done = process_articles(articles, self.strict)
        records = {r.article.id: r for r in done.records}
        failed = {f.article: f for f in done.failures}
        return {
            "index": batch["index"],
            "record": [
                json.dumps(records[a.id].to_dict()) if a.id in records else "" for a in articles
            ],
            "failure": [
                json.dumps(failed[a.id].to_dict()) if a.id in failed else "" for a in articles
            ],
            "paragraphs": [
                json.dumps(paragraph_vectors(records[a.id].article)) if a.id in records else "{}"
                for a in articles
            ],
        }


def paragraph_vectors(article: Article) -> dict[str, str]:
    """The paragraph embeddings a worker computed for an article (base64 float32, exact), for
    the driver's reprint detection to reuse instead of embedding the paragraphs again."""
    from accord.dedupe import paragraphs
    from accord.nlp import recent_embeddings

    found = recent_embeddings(paragraphs(article))
    return {
        text: base64.b64encode(v.astype(np.float32).tobytes()).decode() for text, v in found.items()
    }


def remember_paragraphs(encoded: str) -> None:
    """Put a worker's paragraph vectors (:func:`paragraph_vectors`) into this process's cache."""
    from accord.nlp import remember

    found = json.loads(encoded)
    if found:
        vectors = np.stack([np.frombuffer(base64.b64decode(v), np.float32) for v in found.values()])
        remember(list(found), vectors)


def ray_batches(
    address: str | None = None, workers: int = DEFAULT_RAY_WORKERS, worker_batch: int = 8
) -> RecordStream:
    """A record stream running the per-article stages on Ray (``address`` None: local).

    The results stream back to the driver in input order (``preserve_order``), in batches
    of the driver's size, so the store sees exactly the batches a local run would write.
    """

    def stream(
        articles: Sequence[Article], batch_size: int, strict: bool = False
    ) -> Iterator[Processed]:
        import ray

        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        items = [{"index": i, "article": json.dumps(a.to_dict())} for i, a in enumerate(articles)]
        dataset = ray.data.from_items(items).map_batches(
            ArticleProcessor,
            fn_constructor_kwargs={"strict": strict},
            batch_size=worker_batch,
            concurrency=workers,
            num_cpus=1,
            batch_format="numpy",
        )
        for batch in dataset.iter_batches(batch_size=batch_size, batch_format="numpy"):
            order = np.argsort(batch["index"], kind="stable")
            for encoded in batch["paragraphs"]:
                remember_paragraphs(str(encoded))
            rows = [(str(batch["record"][i]), str(batch["failure"][i])) for i in order]
            yield Processed(
                [ArticleRecord.from_dict(json.loads(r)) for r, _ in rows if r],
                [ArticleFailure.from_dict(json.loads(f)) for _, f in rows if f],
            )

    return stream


def ingest_articles(
    store: Store,
    articles: Sequence[Article],
    stream: RecordStream = local_batches,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: BatchDone | None = None,
    strict: bool = False,
    retry_quarantined: bool = False,
) -> IngestReport:
    """Add the articles the store does not hold yet, batch by batch (one transaction each).

    Input order is stream order: it decides which article opens a story. Duplicates
    (same content hash) inside the input count once. An article a stage fails on goes to
    the store's quarantine in its batch's transaction; quarantined articles are passed by
    on later runs unless ``retry_quarantined``.
    """
    unique = list({a.id: a for a in reversed(articles)}.values())[::-1]
    known = store.known_ids(a.id for a in unique)
    held = set() if retry_quarantined else store.quarantined_ids(a.id for a in unique)
    todo = [a for a in unique if a.id not in known and a.id not in held]
    index = restore_index(store)
    added = new_stories = batches = 0
    failures: list[ArticleFailure] = []
    for done in stream(todo, batch_size, strict=strict):
        assignments = [index.assign(signal_of(r)) for r in done.records]
        records = link_reprints(store, done.records, assignments)
        commit_batch(store, records, assignments, index, done.failures)
        failures += done.failures
        batches += 1
        added += len(records)
        opened = sum(a.new_story for a in assignments)
        new_stories += opened
        if on_batch:
            on_batch(BatchReport(batches, len(records), opened))
    return IngestReport(
        len(articles),
        len(articles) - len(todo) - len(held),
        added,
        new_stories,
        batches,
        failures=tuple(failures),
        held=len(held),
    )


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    stream: RecordStream = local_batches,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: BatchDone | None = None,
    strict: bool = False,
    retry_quarantined: bool = False,
) -> IngestReport:
    """Read files or folders (:func:`accord.ingest.read_paths`) and ingest what they hold."""
    from accord.ingest import read_paths

    result = read_paths(paths, strict=strict)
    report = ingest_articles(
        store, result.articles, stream, batch_size, on_batch, strict, retry_quarantined
    )
    return replace(report, skipped=tuple(result.skipped))


def signal_of(record: ArticleRecord) -> Signal:
    return cluster_signal(record.article, record.extraction, record.entities, record.vector)


def link_reprints(
    store: Store, records: list[ArticleRecord], assignments: list[Assignment]
) -> list[ArticleRecord]:
    """Mark new articles that reprint or rewrite another member of their story.

    Uses :func:`accord.dedupe.mark_derived` over the story's recent members plus the new
    ones; only the new articles' links are taken (stored articles never change). Without
    :mod:`accord.dedupe` installed, articles keep the links they came with.
    """
    try:
        dedupe = importlib.import_module("accord.dedupe")
    except ImportError:  # integration point: the dedupe stage has not landed
        return records
    by_story: dict[str, list[int]] = {}
    for i, assignment in enumerate(assignments):
        by_story.setdefault(assignment.story, []).append(i)
    linked = list(records)
    for story, members in sorted(by_story.items()):
        earlier = (
            []
            if assignments[members[0]].new_story
            else store.story_articles(story, limit=REPRINT_LOOKBACK)
        )
        group = earlier + [records[i].article for i in members]
        marked = {a.id: a for a in dedupe.mark_derived(group)}
        for i in members:
            article = marked.get(records[i].article.id, records[i].article)
            if article.derived_from and not records[i].article.derived_from:
                linked[i] = replace(
                    records[i],
                    article=replace(
                        records[i].article,
                        derived_from=article.derived_from,
                        derivation=article.derivation,
                    ),
                )
    return linked
