"""``analyze()``: the whole path from files to a dossier, stage by stage.

ingest → process (clean → parse → extract, per article) → dedupe → (align, reconcile,
timeline) → Dossier. Each stage is a module of its own; this file only wires them, so a
reader can follow an article through accord by reading the calls below in order. The
per-article half is :func:`accord.process.process`, the same function ``accord ingest`` and
its Ray workers run; reprint detection follows it in both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, Any

from accord import align, dedupe, happened, reconcile, timeline
from accord.errors import ArticleFailure, NoArticlesError
from accord.ingest import read_inputs
from accord.ingest.web import Fetcher
from accord.model import Article, Dossier, Extraction, Skipped
from accord.process import ProcessedArticle, process

if TYPE_CHECKING:
    from accord.nlp import Embedder, Models

Progress = Callable[[str, int, int], None]  # (stage, done, total)
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
    kept = link_copies(done, models.embedder)
    progress("dedupe", total, total)
    results = cross_source(kept, [p.extraction for p in done], progress, models.embedder)
    return Dossier(
        articles=tuple(kept),
        title=dossier_title(kept),
        skipped=(*skipped, *(f.skipped() for f in failures)),
        **{stage: tuple(found) for stage, found in results.items()},
    )


def link_copies(done: Sequence[ProcessedArticle], embedder: Embedder) -> list[Article]:
    """The articles with reprints and rewrites marked (:func:`accord.dedupe.mark_derived`),
    comparing the paragraph vectors cleaning computed."""
    articles = [p.article for p in done]
    return dedupe.mark_derived(articles, embedder, [p.paragraph_vectors for p in done])


def cross_source(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    progress: Progress = _noop,
    embedder: Embedder | None = None,
) -> dict[str, list[Any]]:
    """The stages after extraction, over one story's articles: events, figures, quotes,
    claims and timeline, keyed by the :class:`~accord.model.Dossier` field each fills.

    Both :func:`analyze_articles` and :meth:`accord.store.Store.story_dossier` call this,
    so a stored story's dossier is built exactly as a dossier from files is.
    """
    from accord.blocking import embedder_or_default

    embedder = embedder_or_default(embedder)  # one load for both stages when none is given
    total = len(articles)
    events = reconcile.find_events(articles, extractions)
    figures = reconcile.reconcile_figures(articles, extractions, events)
    events = happened.describe_events(events, articles, extractions, figures)
    progress("reconcile", total, total)
    quotes = align.group_quotes(articles, extractions, embedder=embedder)
    claims = align.align_claims(articles, extractions, events, embedder=embedder)
    progress("align", total, total)
    entries = timeline.build_timeline(articles, extractions, events)
    progress("timeline", total, total)
    return {
        "figures": list(figures),
        "quotes": list(quotes),
        "claims": list(claims),
        "timeline": list(entries),
        "events": list(events),
    }


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


def dossier_title(articles: Sequence[Article]) -> str:
    """The earliest-published article's title stands for the story (a simple, honest choice)."""
    dated = sorted(articles, key=lambda a: (a.published is None, a.published or date.min, a.title))
    return dated[0].title if dated else ""
