"""Ingest into the corpus store, on this machine or scaled out on Ray.

The per-article stages (:func:`accord.process.process`: clean → parse → extract, plus the
clustering signals, named entities and an embedding) are independent per article, so they
can run anywhere; everything that needs the whole corpus runs on the driver, in order, one
batch at a time:

1. A record stream turns articles into :class:`~accord.process.ProcessedArticle` s. Locally
   (:func:`local_batches`) it runs in this process; with Ray (:func:`ray_batches`) it runs
   as Ray Data ``map_batches`` over an actor pool, each actor loading the models once. Either
   way the same function does the work, and what reprint detection needs (the paragraph
   vectors cleaning computed) comes back inside each processed article.
2. The driver links reprints to their originals (:mod:`accord.dedupe`, within each story),
   assigns stories (:class:`~accord.cluster.StoryIndex`) and writes the batch to the store in
   one transaction (single writer, so the store stays consistent however many workers run).

Articles already stored are filtered out before any work, so re-running an ingest adds
nothing, and a run killed mid-way resumes where its last committed batch ended.

On Ray the inputs are read there too where it pays: each WARC file (a CC-NEWS file is about
a gigabyte of pages) is read inside a Ray task of its own (:func:`ray_read`), and the
articles come back to the driver in input order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from accord import dedupe
from accord.cluster import Assignment, Signal
from accord.cluster import signal_of as cluster_signal
from accord.corpus import commit_batch, restore_index
from accord.errors import ArticleFailure
from accord.ingest import DEFAULT_MAX_BYTES, ReadResult, read_inputs
from accord.ingest.reader import list_files
from accord.ingest.warc import warc_suffix
from accord.ingest.web import Fetcher, is_url
from accord.model import Article, Skipped
from accord.nlp import PARAGRAPH_PRECISION
from accord.process import Processed, ProcessedArticle, process
from accord.store import ArticleRecord, Store

if TYPE_CHECKING:
    from accord.nlp import Embedder, Models

DEFAULT_BATCH_SIZE = 64  # articles per transaction: small enough to lose little on a kill
REPRINT_LOOKBACK = 20  # earlier members of a story a new article is checked against
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
    skipped: tuple[Skipped, ...] = ()  # files and records that could not be read
    failures: tuple[ArticleFailure, ...] = ()  # articles quarantined by this run
    held: int = 0  # articles passed by because an earlier run quarantined them


def local_batches(models: Models) -> RecordStream:
    """A record stream that processes in this process, one batch at a time."""

    def stream(
        articles: Sequence[Article], batch_size: int, strict: bool = False
    ) -> Iterator[Processed]:
        for start in range(0, len(articles), batch_size):
            yield process(articles[start : start + batch_size], models, strict)

    return stream


class ArticleProcessor:
    """A Ray actor: loads the models once, then processes batches of JSON-encoded articles.

    One output row per input article: its processed article, or its failure (the other
    column empty). On Ray each actor loads its own models; ``models`` is for running one in
    this process.
    """

    def __init__(self, strict: bool = False, models: Models | None = None) -> None:
        from accord.nlp import Models

        self.strict = strict
        self.models = models if models is not None else Models.load()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [Article.from_dict(json.loads(a)) for a in batch["article"]]
        done = process(articles, self.models, self.strict)
        found = {p.article.id: p for p in done.articles}
        failed = {f.article: f for f in done.failures}
        return {
            "index": batch["index"],
            "processed": [
                json.dumps(found[a.id].to_dict()) if a.id in found else "" for a in articles
            ],
            "failure": [
                json.dumps(failed[a.id].to_dict()) if a.id in failed else "" for a in articles
            ],
        }


def start_ray(address: str | None = None) -> Any:
    """The ``ray`` module, connected to ``address`` (None: a local instance) unless it is."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    return ray


def read_warc_file(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False
) -> ReadResult:
    """One WARC file's articles and skipped records, read where it runs (a Ray task)."""
    return read_inputs([path], max_bytes, strict=strict)


def ray_read(
    inputs: Sequence[str | Path],
    address: str | None = None,
    fetcher: Fetcher | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read paths and URLs as :func:`accord.ingest.read_inputs` does, each WARC file (given,
    or found in a folder) in a Ray task of its own, the rest on the driver while they run.

    Articles and skipped inputs come back in input order, so the stories are the same as
    when everything is read here.
    """
    ray = start_ray(address)
    read_remote = ray.remote(num_cpus=1)(read_warc_file)
    parts: list[Any] = []  # a ReadResult, or the reference of a task that returns one
    for given in inputs:
        if isinstance(given, str) and is_url(given):
            parts.append(read_inputs([given], max_bytes, fetcher, strict))
            continue
        path = Path(given)
        files, problems = list_files(path) if path.is_dir() else ([path], [])
        if not files:  # an empty or unlistable folder, said the usual way
            parts.append(read_inputs([given], max_bytes, fetcher, strict))
            continue
        parts.append(ReadResult(skipped=problems))
        for file in files:
            parts.append(
                read_remote.remote(str(file), max_bytes, strict)
                if warc_suffix(file)
                else read_inputs([str(file)], max_bytes, fetcher, strict)
            )
    result = ReadResult()
    for part in parts:
        done: ReadResult = part if isinstance(part, ReadResult) else ray.get(part)
        result.articles.extend(done.articles)
        result.skipped.extend(done.skipped)
    return result


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
        ray = start_ray(address)
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
            rows = [(str(batch["processed"][i]), str(batch["failure"][i])) for i in order]
            yield Processed(
                [ProcessedArticle.from_dict(json.loads(p)) for p, _ in rows if p],
                [ArticleFailure.from_dict(json.loads(f)) for _, f in rows if f],
            )

    return stream


def ingest_articles(
    store: Store,
    articles: Sequence[Article],
    stream: RecordStream,
    embedder: Embedder,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: BatchDone | None = None,
    strict: bool = False,
    retry_quarantined: bool = False,
) -> IngestReport:
    """Add the articles the store does not hold yet, batch by batch (one transaction each).

    Input order is stream order: it decides which article opens a story. Duplicates
    (same content hash) inside the input count once. An article a stage fails on goes to
    the store's quarantine in its batch's transaction; quarantined articles are passed by
    on later runs unless ``retry_quarantined``. ``embedder`` embeds, on the driver, the
    paragraphs reprint detection needs that neither the stream nor the store holds.
    """
    unique = list({a.id: a for a in reversed(articles)}.values())[::-1]
    known = store.known_ids(a.id for a in unique)
    held = set() if retry_quarantined else store.quarantined_ids(a.id for a in unique)
    todo = [a for a in unique if a.id not in known and a.id not in held]
    index = restore_index(store)
    added = new_stories = batches = 0
    failures: list[ArticleFailure] = []
    for done in stream(todo, batch_size, strict=strict):
        assignments = [index.assign(signal_of(p)) for p in done.articles]
        records = link_reprints(store, done.articles, assignments, embedder)
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
    stream: RecordStream,
    embedder: Embedder,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: BatchDone | None = None,
    strict: bool = False,
    retry_quarantined: bool = False,
) -> IngestReport:
    """Read files or folders (:func:`accord.ingest.read_paths`) and ingest what they hold."""
    from accord.ingest import read_paths

    result = read_paths(paths, strict=strict)
    report = ingest_articles(
        store, result.articles, stream, embedder, batch_size, on_batch, strict, retry_quarantined
    )
    return replace(report, skipped=tuple(result.skipped))


def signal_of(processed: ProcessedArticle | ArticleRecord) -> Signal:
    record = processed.record() if isinstance(processed, ProcessedArticle) else processed
    return cluster_signal(record.article, record.extraction, record.entities, record.vector)


def link_reprints(
    store: Store,
    batch: Sequence[ProcessedArticle],
    assignments: Sequence[Assignment],
    embedder: Embedder,
    precision: str = PARAGRAPH_PRECISION,
) -> list[ArticleRecord]:
    """The batch's records, new articles that reprint or rewrite another member of their
    story marked so.

    Uses :func:`accord.dedupe.mark_derived` over the story's recent members plus the new
    ones; only the new articles' links are taken (stored articles never change). The new
    articles bring the paragraph vectors cleaning computed and the stored members those kept
    with them; the rest are embedded only when MinHash leaves a rewrite to test, and each new
    record keeps the vectors of its paragraphs for the batches after it. ``precision`` names
    the weights of ``embedder`` (and of cleaning's vectors): stored vectors of other weights
    (a store written before paragraphs were embedded by int8) are embedded again.
    """
    by_story: dict[str, list[int]] = {}
    for i, assignment in enumerate(assignments):
        by_story.setdefault(assignment.story, []).append(i)
    linked = [p.record() for p in batch]
    for story, members in sorted(by_story.items()):
        earlier = (
            []
            if assignments[members[0]].new_story
            else store.story_articles(story, limit=REPRINT_LOOKBACK)
        )
        group = earlier + [batch[i].article for i in members]
        known: list[Mapping[str, np.ndarray]] = list(store.paragraph_vectors(earlier, precision))
        known += [batch[i].paragraph_vectors for i in members]
        pool = dedupe.VectorPool(embedder, known)
        marked = {a.id: a for a in dedupe.mark_derived(group, pool.embed, known)}
        for i in members:
            article = marked.get(batch[i].article.id, batch[i].article)
            derived = article.derived_from and not batch[i].article.derived_from
            linked[i] = replace(
                linked[i],
                article=replace(
                    linked[i].article,
                    derived_from=article.derived_from,
                    derivation=article.derivation,
                )
                if derived
                else linked[i].article,
                paragraph_vectors=pool.of(batch[i].article),
                paragraph_precision=precision,
            )
    return linked
