"""``analyze()``: the whole path from files to a dossier, stage by stage.

ingest → clean → dedupe → extract → the story's cross-source stages (:mod:`accord.story`)
→ Dossier.
Each stage is a module of its own; this file only wires them, so a reader can follow an
article through accord by reading the calls below in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from accord import dedupe
from accord.errors import NoArticlesError, Stage
from accord.ingest import read_inputs
from accord.ingest.web import Fetcher
from accord.isolation import Failures, clean_isolated, extract_isolated
from accord.model import Article, Dossier, Extraction
from accord.story import Progress, cross_source, story_title


def _noop(stage: str, done: int, total: int) -> None:
    return None


# Articles cleaned per call of :func:`clean.clean_articles`: their paragraphs are embedded in
# one batch, and progress is reported after each group.
CLEAN_GROUP = 16


def analyze_articles(
    articles: Sequence[Article],
    skipped: Sequence[tuple[str, str]] = (),
    progress: Progress = _noop,
    strict: bool = False,
) -> Dossier:
    """Build a dossier from articles already read (library entry point for other front ends).

    An article that breaks cleaning, parsing or extraction is left out and listed in
    ``Dossier.skipped`` with the stage and the reason (see :mod:`accord.isolation`);
    ``strict`` makes such a failure raise instead.
    """
    total = len(articles)
    failures = Failures(strict)
    cleaned: list[Article] = []
    for start in range(0, total, CLEAN_GROUP):
        cleaned += clean_isolated(articles[start : start + CLEAN_GROUP], failures)
        progress("clean", min(start + CLEAN_GROUP, total), total)
    cleaned = dedupe.mark_derived(cleaned)
    kept: list[Article] = []
    extractions: list[Extraction] = []
    for i, (article, extraction) in enumerate(extract_isolated(cleaned, failures), 1):
        kept.append(article)
        extractions.append(extraction)
        progress("extract", i, total)
    if articles and not kept:
        raise NoArticlesError([*skipped, *((f.source, f.reason) for f in failures)])
    return Dossier.of(
        kept,
        cross_source(kept, extractions, progress),
        title=story_title(kept),
        skipped=tuple({"source": s, "stage": str(Stage.READ), "reason": r} for s, r in skipped)
        + tuple(f.skipped() for f in failures),
    )


def analyze(
    inputs: Any,
    progress: Progress = _noop,
    fetcher: Fetcher | None = None,
    strict: bool = False,
) -> Dossier:
    """Read inputs and build one sourced dossier.

    ``inputs`` is a path, URL, pandas / Arrow table, or a list of paths, directories, http(s)
    URLs, feeds, WARC files, records (dicts with ``text``) and Article objects (see
    :func:`accord.ingest.read_inputs`); URLs are fetched with ``fetcher`` (give one with a
    cache folder to repeat the run offline). Unreadable inputs, and articles a stage fails on,
    are skipped and listed in ``Dossier.skipped`` (``strict`` makes such a failure raise); if
    nothing at all could be read, :class:`~accord.errors.NoArticlesError` says why for each.
    """
    result = read_inputs(inputs, fetcher=fetcher, strict=strict)
    if not result.articles:
        raise NoArticlesError(result.skipped)
    return analyze_articles(result.articles, result.skipped, progress, strict)
