"""``analyze()``: the whole path from files to a dossier, stage by stage.

ingest → process (clean → parse → extract, per article) → dedupe → the story's
cross-source stages (:mod:`accord.story`) → Dossier. Each stage is a module of its own; this
file only wires them, so a reader can follow an article through accord by reading the calls
below in order. The per-article half is :func:`accord.process.process`, the same function
``accord ingest`` and its Ray workers run; reprint detection follows it in both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any

from accord import dedupe
from accord.errors import ArticleFailure, NoArticlesError
from accord.ingest import read_inputs
from accord.ingest.web import Fetcher
from accord.model import Article, Dossier, Skipped
from accord.process import ProcessedArticle, process
from accord.story import Progress, cross_source, story_title

if TYPE_CHECKING:
    from accord.nlp import Embedder, Models

Input = str | PathLike[str] | Article | Mapping[str, Any]
"""One input: a path, folder or http(s) URL, a record (a dict like a JSONL line), an Article."""
Table = Any  # a pandas DataFrame or a pyarrow Table (neither is imported to type it)


def _noop(stage: str, done: int, total: int) -> None:
    return None


# Articles processed per call of :func:`accord.process.process`: their paragraphs are embedded
# in one batch and parsed in one pipe, and progress is reported after each group.
PROCESS_GROUP = 16


def analyze_articles(
    articles: Sequence[Article],
    skipped: Sequence[Skipped] = (),
    progress: Progress = _noop,
    strict: bool = False,
    *,
    models: Models | None = None,
) -> Dossier:
    """Build a dossier from articles already read (library entry point for other front ends).

    An article that breaks cleaning, parsing or extraction is left out and listed in
    ``Dossier.skipped`` with the stage and the reason (see :mod:`accord.isolation`);
    ``strict`` makes such a failure raise instead. ``models`` default to the packaged ones,
    loaded for this call.
    """
    from accord.nlp import Models

    models = models if models is not None else Models.load()
    total = len(articles)
    done: list[ProcessedArticle] = []
    failures: list[ArticleFailure] = []
    for start in range(0, total, PROCESS_GROUP):
        group = process(articles[start : start + PROCESS_GROUP], models, strict, False)
        done += group.articles
        failures += group.failures
        progress("process", min(start + PROCESS_GROUP, total), total)
    if articles and not done:
        raise NoArticlesError([*skipped, *(f.skipped() for f in failures)])
    kept = link_copies(done, models.for_paragraphs)
    progress("dedupe", total, total)
    return Dossier.of(
        kept,
        cross_source(kept, [p.extraction for p in done], progress, models.embedder),
        title=story_title(kept),
        skipped=(*skipped, *(f.skipped() for f in failures)),
    )


def link_copies(done: Sequence[ProcessedArticle], embedder: Embedder) -> list[Article]:
    """The articles with reprints and rewrites marked (:func:`accord.dedupe.mark_derived`),
    comparing the paragraph vectors cleaning computed."""
    articles = [p.article for p in done]
    return dedupe.mark_derived(articles, embedder, [p.paragraph_vectors for p in done])


def analyze(
    inputs: Input | Sequence[Input] | Table,
    progress: Progress = _noop,
    fetcher: Fetcher | None = None,
    strict: bool = False,
    *,
    models: Models | None = None,
) -> Dossier:
    """Read inputs and build one sourced dossier.

    ``inputs`` is a path, URL, pandas / Arrow table, or a list of paths, directories, http(s)
    URLs, feeds, WARC files, records (dicts with ``text``) and Article objects (see
    :func:`accord.ingest.read_inputs`); URLs are fetched with ``fetcher`` (give one with a
    cache folder to repeat the run offline). Unreadable inputs, and articles a stage fails on,
    are skipped and listed in ``Dossier.skipped`` (``strict`` makes such a failure raise); if
    nothing at all could be read, :class:`~accord.errors.NoArticlesError` says why for each.
    ``models`` (:class:`accord.nlp.Models`) are loaded here when not given.
    """
    result = read_inputs(inputs, fetcher=fetcher, strict=strict)
    if not result.articles:
        raise NoArticlesError(result.skipped)
    return analyze_articles(result.articles, result.skipped, progress, strict, models=models)
