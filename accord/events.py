"""Distinct events inside one story, and which event a mention is about.

A story (one cluster of articles) often covers several happenings: an announcement on one
day, a capture on another, a report a few days later. Accounts of the same happening give it
the same date, or at least the same weekday, and open with similar words. So each article
gets an *anchor*: the day-precision date stated in its lead (else its publication date) and
the embedding of its lead. Articles are clustered by average-linkage over lead similarity,
with a cannot-link between articles whose anchors disagree (dates more than a day apart,
different weekdays). A mention in a sentence that itself names the date of another event is
assigned that event instead of its article's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from accord.model import Article, DateMention, Event, Extraction, Span, content_id

Embedder = Callable[[list[str]], np.ndarray]

# Reports of one announcement are dated the day of it or the day after (overnight papers,
# time zones); a wider gap means a different happening. Same rule as ECB+'s "seminal event":
# one time, one place (Cybulska & Vossen 2014, section 3).
EVENT_WINDOW_DAYS = 1
# The lead: the first sentences of the article body (the inverted pyramid puts the news
# there; Pöttker 2003, "News and its communicative quality: the inverted pyramid").
LEAD_SENTENCES = 4
# Shorter lines are headings, bylines and captions, not lead sentences.
MIN_LEAD_WORDS = 6
# Average-linkage merge floor on lead cosine similarity; chosen on ECB+ topics
# (evaluation/eval_ecbplus.py prints the score at this value).
EVENT_LEAD_SIMILARITY = 0.55
# A lead date further than this from the publication date is background, not the news.
LEAD_DATE_MAX_AGE_DAYS = 31
LABEL_CHARS = 120

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """What places one article in time: a date, or only a weekday, and its lead."""

    article: str
    date: dt.date | None
    weekday: int | None
    lead: str
    evidence: Span | None  # the lead sentence that holds the anchor date, if any


def parse_day(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` to a date; anything coarser (or unparseable) to ``None``."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def weekday_of(mention: DateMention) -> int | None:
    """The weekday a date mention names: from its value, else from a weekday word in it."""
    day = parse_day(mention.value)
    if day is not None:
        return day.weekday()
    match = _WEEKDAY_RE.search(mention.span.text)
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def word_count(text: str) -> int:
    return len(text.split())


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """One line, cut on a word boundary with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def sentence_of(span: Span, extraction: Extraction) -> Span | None:
    """The extracted sentence that contains ``span`` (``None`` if none does)."""
    for sent in extraction.sentences:
        if sent.start <= span.start and span.end <= sent.end:
            return sent
    return None


def lead_sentences(extraction: Extraction) -> list[Span]:
    return [s for s in extraction.sentences if word_count(s.text) >= MIN_LEAD_WORDS][
        :LEAD_SENTENCES
    ]


def article_anchor(article: Article, extraction: Extraction) -> Anchor:
    """The anchor of one article (see the module docstring)."""
    lead = lead_sentences(extraction)
    published = parse_day(article.published)
    for sent in lead:
        for mention in extraction.dates:
            if not (sent.start <= mention.span.start and mention.span.end <= sent.end):
                continue
            day = parse_day(mention.value)
            if day is not None and (
                published is None or abs((published - day).days) <= LEAD_DATE_MAX_AGE_DAYS
            ):
                return Anchor(article.id, day, day.weekday(), _lead_text(article, lead), sent)
            weekday = weekday_of(mention) if mention.value is None else None
            if weekday is not None:
                return Anchor(article.id, None, weekday, _lead_text(article, lead), sent)
    return Anchor(
        article.id,
        published,
        published.weekday() if published else None,
        _lead_text(article, lead),
        None,
    )


def _lead_text(article: Article, lead: list[Span]) -> str:
    return " ".join([article.title, *(s.text for s in lead)]).strip() or article.title


def compatible(a: Anchor, b: Anchor) -> bool:
    """Could two articles report the same happening, judging by their anchors alone?"""
    if a.date is not None and b.date is not None:
        return abs((a.date - b.date).days) <= EVENT_WINDOW_DAYS
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return True


def cluster_anchors(
    anchors: Sequence[Anchor], vectors: np.ndarray, threshold: float = EVENT_LEAD_SIMILARITY
) -> list[list[int]]:
    """Average-linkage clustering of articles with cannot-links from their anchors."""
    n = len(anchors)
    if n == 0:
        return []
    sim = vectors @ vectors.T
    clash = np.array([[not compatible(a, b) for b in anchors] for a in anchors], dtype=float)
    members = np.eye(n)  # row k: which articles cluster k holds
    alive = list(range(n))
    while len(alive) > 1:
        m = members[alive]
        sizes = m.sum(axis=1)
        mean = (m @ sim @ m.T) / np.outer(sizes, sizes)
        blocked = (m @ clash @ m.T) > 0
        np.fill_diagonal(mean, -np.inf)
        mean[blocked] = -np.inf
        p, q = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if mean[p, q] < threshold:
            break
        members[alive[p]] += members[alive[q]]
        alive.pop(int(q))
    return [sorted(int(i) for i in np.flatnonzero(members[k])) for k in alive]


def find_events(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    embedder: Embedder | None = None,
    threshold: float = EVENT_LEAD_SIMILARITY,
) -> list[Event]:
    """Cluster the articles of one story into events; ordered by date, then label."""
    if not articles:
        return []
    if embedder is None:
        from accord.nlp import embed

        embedder = embed
    by_id = {e.article: e for e in extractions}
    anchors = [article_anchor(a, by_id.get(a.id, Extraction(a.id))) for a in articles]
    vectors = embedder([a.lead for a in anchors])
    events = [
        _event(articles, anchors, group) for group in cluster_anchors(anchors, vectors, threshold)
    ]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.label))


def _event(articles: Sequence[Article], anchors: Sequence[Anchor], group: list[int]) -> Event:
    dates = Counter(anchors[i].date for i in group if anchors[i].date is not None)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    first = min(
        group,
        key=lambda i: (
            anchors[i].date is None,
            anchors[i].date or dt.date.max,
            anchors[i].evidence is None,
            i,
        ),
    )
    evidence = anchors[first].evidence
    label = evidence.text if evidence is not None else anchors[first].lead
    ids = tuple(articles[i].id for i in group)
    return Event(
        content_id(*sorted(ids), prefix="e"),
        shorten(label),
        date.isoformat() if date else None,
        ids,
    )


def article_events(events: Sequence[Event]) -> dict[str, str]:
    """Article id to the id of the event it mainly reports."""
    return {article: event.id for event in events for article in event.articles}


def span_event(span: Span, extraction: Extraction, events: Sequence[Event]) -> str | None:
    """The event a mention is about: the event whose date its sentence names, else its
    article's event."""
    sentence = sentence_of(span, extraction)
    if sentence is not None:
        for mention in extraction.dates:
            if not (sentence.start <= mention.span.start and mention.span.end <= sentence.end):
                continue
            day = parse_day(mention.value)
            named = [e for e in events if day is not None and e.date == day.isoformat()]
            if named:
                return named[0].id
    return article_events(events).get(span.article)
