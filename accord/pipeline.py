"""``analyze()``: the whole path from files to a dossier, stage by stage.

ingest → clean → dedupe → extract → (align, reconcile, timeline) → Dossier.
Each stage is a module of its own; this file only wires them, so a reader can follow an
article through accord by reading the calls below in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from accord import align, clean, dedupe, happened, reconcile, timeline
from accord.errors import NoArticlesError
from accord.extract import extract_all
from accord.ingest import read_inputs
from accord.ingest.web import Fetcher
from accord.model import Article, Dossier, Extraction

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int) -> None:
    return None


# Articles cleaned per call of :func:`clean.clean_articles`: their paragraphs are embedded in
# one batch, and progress is reported after each group.
CLEAN_GROUP = 16


def analyze_articles(
    articles: Sequence[Article],
    skipped: Iterable[tuple[str, str]] = (),
    progress: Progress = _noop,
) -> Dossier:
    """Build a dossier from articles already read (library entry point for other front ends)."""
    total = len(articles)
    cleaned: list[Article] = []
    for start in range(0, total, CLEAN_GROUP):
        cleaned += clean.clean_articles(articles[start : start + CLEAN_GROUP])
        progress("clean", len(cleaned), total)
    cleaned = dedupe.mark_derived(cleaned)
    extractions: list[Extraction] = []
    for i, extraction in enumerate(extract_all(cleaned), 1):
        extractions.append(extraction)
        progress("extract", i, total)
    results = cross_source(cleaned, extractions, progress)
    return Dossier(
        articles=tuple(cleaned),
        title=dossier_title(cleaned),
        skipped=tuple({"source": s, "reason": r} for s, r in skipped),
        **{stage: tuple(found) for stage, found in results.items()},
    )


def cross_source(
    articles: Sequence[Article], extractions: Sequence[Extraction], progress: Progress = _noop
) -> dict[str, list[Any]]:
    """The stages after extraction, over one story's articles: events, figures, quotes,
    claims and timeline, keyed by the :class:`~accord.model.Dossier` field each fills.

    Both :func:`analyze_articles` and :meth:`accord.store.Store.story_dossier` call this,
    so a stored story's dossier is built exactly as a dossier from files is.
    """
    total = len(articles)
    events = reconcile.find_events(articles, extractions)
    figures = reconcile.reconcile_figures(articles, extractions, events)
    events = happened.describe_events(events, articles, extractions, figures)
    progress("reconcile", total, total)
    quotes = align.group_quotes(articles, extractions)
    claims = align.align_claims(articles, extractions, events)
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


def analyze(inputs: Any, progress: Progress = _noop, fetcher: Fetcher | None = None) -> Dossier:
    """Read inputs and build one sourced dossier.

    ``inputs`` is a path, URL, pandas / Arrow table, or a list of paths, directories, http(s)
    URLs, feeds, WARC files, records (dicts with ``text``) and Article objects (see
    :func:`accord.ingest.read_inputs`); URLs are fetched with ``fetcher`` (give one with a
    cache folder to repeat the run offline). Unreadable inputs are skipped and listed in
    ``Dossier.skipped``; if nothing at all could be read,
    :class:`~accord.errors.NoArticlesError` says why for each input.
    """
    result = read_inputs(inputs, fetcher=fetcher)
    if not result.articles:
        raise NoArticlesError(result.skipped)
    return analyze_articles(result.articles, result.skipped, progress)


def dossier_title(articles: Sequence[Article]) -> str:
    """The earliest-published article's title stands for the story (a simple, honest choice)."""
    dated = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.title))
    return dated[0].title if dated else ""
