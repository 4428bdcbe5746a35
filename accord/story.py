"""The cross-source stages over one story: events, figures, quotes, claims, timeline.

Everything after per-article extraction needs the whole story at once, so it runs in one
place, over a story's articles and their extractions, whether they come from files
(:func:`accord.pipeline.analyze_articles`) or from the corpus store
(:func:`accord.corpus.refresh`). The result is a :class:`~accord.model.StoryResults`;
:meth:`accord.model.Dossier.of` puts it beside the articles and the title from
:func:`story_title`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Protocol

from accord import align, happened, reconcile, timeline
from accord.blocking import Embedder, embedder_or_default
from accord.lexicon import HEADLINE_LABELS, MONTHS, TIMESTAMP_WORDS, WEEKDAYS
from accord.model import Article, Extraction, StoryResults

# A headline's opening label: one word, then a colon or a bar ("PHOTOS: …", "Analysis | …").
_LABEL_RE = re.compile(r"\s*([A-Za-z]+)\s*[:|]\s+")
_WORD_RE = re.compile(r"[A-Za-z]+")

__all__ = ["Progress", "Titled", "cross_source", "story_title"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def cross_source(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    progress: Progress = _noop,
    embedder: Embedder | None = None,
) -> StoryResults:
    """Events, then figures reconciled within them (and the events described by their key
    figures), quotes grouped, claims aligned, and the timeline, over one story's articles.

    ``embedder`` compares quotes and claims; without one, the packaged embedder is loaded
    once for both stages."""
    embedder = embedder_or_default(embedder)
    total = len(articles)
    events = reconcile.find_events(articles, extractions)
    figures = reconcile.reconcile_figures(articles, extractions, events)
    events = happened.describe_events(events, articles, extractions, figures)
    progress("reconcile", total, total)
    quotes = align.group_quotes(articles, extractions, embedder=embedder, events=events)
    claims = align.align_claims(articles, extractions, events, embedder=embedder, figures=figures)
    progress("align", total, total)
    entries = timeline.build_timeline(articles, extractions, events)
    progress("timeline", total, total)
    return StoryResults(
        events=tuple(events),
        figures=tuple(figures),
        quotes=tuple(quotes),
        claims=tuple(claims),
        timeline=tuple(entries),
    )


class Titled(Protocol):
    """What naming a story needs of an article: an :class:`~accord.model.Article`, or a
    stored member's title and date (:class:`accord.storeschema.Headline`)."""

    @property
    def title(self) -> str: ...

    @property
    def published(self) -> str | date | None: ...


def story_title(articles: Iterable[Titled]) -> str:
    """The earliest-published article's title stands for the story (a simple, honest choice;
    undated articles come last, ties go to the alphabetically first title); a title that is
    only a time stamp is passed over while another names something."""

    def order(article: Titled) -> tuple[bool, str, str]:
        day = article.published
        return (day is None, "" if day is None else str(day), article.title)

    dated = sorted(articles, key=order)
    named = [a for a in dated if names_something(a.title)] or dated
    return without_label(named[0].title) if named else ""


def names_something(title: str) -> bool:
    """False for a title that is only a time stamp ("Thursday, December 11, 2008", "8:24am"):
    a page whose first line is its dateline has no headline to name the story by."""
    words = (w.lower() for w in _WORD_RE.findall(title))
    return any(w not in WEEKDAYS and w not in MONTHS and w not in TIMESTAMP_WORDS for w in words)


def without_label(title: str) -> str:
    """A headline without the label a site puts before it ("PHOTOS: …", "Analysis | …"): the
    label says how the page tells the story, not what happened."""
    found = _LABEL_RE.match(title)
    if found and found.group(1).lower() in HEADLINE_LABELS and title[found.end() :].strip():
        return title[found.end() :]
    return title
