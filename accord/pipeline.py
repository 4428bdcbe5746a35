"""``analyze()``: the whole path from files to a dossier, stage by stage.

ingest → clean → dedupe → extract → (align, reconcile, timeline) → Dossier.
Each stage is a module of its own; this file only wires them, so a reader can follow an
article through accord by reading the calls below in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from accord import align, clean, dedupe, reconcile, timeline
from accord.errors import NoArticlesError
from accord.extract import extract_all
from accord.ingest import read_paths
from accord.model import Article, Dossier, Extraction

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def analyze_articles(
    articles: Sequence[Article],
    skipped: Iterable[tuple[str, str]] = (),
    progress: Progress = _noop,
) -> Dossier:
    """Build a dossier from articles already read (library entry point for other front ends)."""
    total = len(articles)
    cleaned: list[Article] = []
    for i, article in enumerate(articles, 1):
        cleaned.append(clean.clean_article(article))
        progress("clean", i, total)
    cleaned = dedupe.mark_derived(cleaned)
    extractions: list[Extraction] = []
    for i, extraction in enumerate(extract_all(cleaned), 1):
        extractions.append(extraction)
        progress("extract", i, total)
    events = reconcile.find_events(cleaned, extractions)
    figures = reconcile.reconcile_figures(cleaned, extractions, events)
    progress("reconcile", total, total)
    quotes = align.group_quotes(cleaned, extractions)
    claims = align.align_claims(cleaned, extractions, events)
    progress("align", total, total)
    entries = timeline.build_timeline(cleaned, extractions)
    progress("timeline", total, total)
    return Dossier(
        articles=tuple(cleaned),
        figures=tuple(figures),
        quotes=tuple(quotes),
        claims=tuple(claims),
        timeline=tuple(entries),
        events=tuple(events),
        title=dossier_title(cleaned),
        skipped=tuple({"source": s, "reason": r} for s, r in skipped),
    )


def analyze(paths: Iterable[str | Path], progress: Progress = _noop) -> Dossier:
    """Read files (or directories of them) and build one sourced dossier.

    Unreadable files are skipped and listed in ``Dossier.skipped``; if nothing at all could
    be read, :class:`~accord.errors.NoArticlesError` says why for each input.
    """
    result = read_paths(paths)
    if not result.articles:
        raise NoArticlesError(result.skipped)
    return analyze_articles(result.articles, result.skipped, progress)


def dossier_title(articles: Sequence[Article]) -> str:
    """The earliest-published article's title stands for the story (a simple, honest choice)."""
    dated = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.title))
    return dated[0].title if dated else ""
