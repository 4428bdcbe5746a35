"""The story on one line: every dated happening, merged across articles.

Each resolved date mention becomes a point on the timeline; mentions of the same date (and
precision) from any number of articles are one :class:`~accord.model.TimelineEntry`, citing the
date expressions themselves. A dateline is not a happening, so the span the publication date
was read from is left out.

An article with no publication date has its year-less dates ("December 17") unresolved. Its
dates are then read against the story: the earliest publication date of the dated articles
is the reference, and a year-less month or day takes the nearest such date on or before it
(an undated report of the same story is no newer than its first dated report's news). The
article's latest dated statement is its earliest possible publication date; entries dated
this way carry ``inferred=True``. A bare weekday ("on Friday") in an undated article is
resolved only when the event the article reports is dated by other articles: it is the nearest
such day on or before the latest dated report of that event (also ``inferred``); otherwise it
stays unresolved, since no weekday can be pinned down without a date to count back from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from accord.events import parse_day, sentence_of, shorten, weekday_of
from accord.extract.temporal import normalise
from accord.lexicon import MONTHS, WEEKDAYS
from accord.model import Article, DateMention, Event, Extraction, Span, TimelineEntry

SUMMARY_CHARS = 160  # one line of the rendered timeline
_MONTH_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True))
    + r")\b\.?|\bmay\s+\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Point:
    value: str
    precision: str
    mention: DateMention
    inferred: bool
    rank: tuple[bool, bool, str, int, int]  # which mention's sentence summarises the entry


def story_reference(articles: Sequence[Article]) -> dt.date | None:
    """The earliest publication date among the dated articles of the story."""
    days = [a.published for a in articles if a.published is not None]
    return min(days) if days else None


def infer_dates(mentions: Sequence[DateMention], reference: dt.date | None) -> list[DateMention]:
    """Resolve an undated article's year-less month/day mentions against ``reference``."""
    if reference is None:
        return []
    out = []
    for mention in mentions:
        if mention.value is not None or not _MONTH_WORD.search(mention.span.text):
            continue
        found = normalise(mention.span.text, reference, "past")
        if found is not None and found.value is not None and found.precision is not None:
            out.append(
                DateMention(mention.span, found.value, found.precision, True, mention.sentence)
            )
    return out


def infer_weekdays(mentions: Sequence[DateMention], reference: dt.date | None) -> list[DateMention]:
    """Resolve bare weekdays to the nearest such day on or before ``reference``."""
    if reference is None:
        return []
    out = []
    for mention in mentions:
        weekday = weekday_of(mention) if mention.value is None else None
        if weekday is None:
            continue
        day = reference - dt.timedelta(days=(reference.weekday() - weekday) % len(WEEKDAYS))
        out.append(DateMention(mention.span, day.isoformat(), "day", True, mention.sentence))
    return out


def event_references(articles: Sequence[Article], events: Sequence[Event]) -> dict[str, dt.date]:
    """Article id of each undated article to the latest publication date of its event's
    dated articles (only for events that have one)."""
    published = {a.id: a.published for a in articles}
    out: dict[str, dt.date] = {}
    for event in events:
        days = [d for d in (published.get(a) for a in event.articles) if d is not None]
        if not days:
            continue
        for article in event.articles:
            if article in published and published[article] is None:
                out[article] = max(days)
    return out


def earliest_publication(extraction: Extraction, reference: dt.date | None) -> str | None:
    """The earliest date an undated article can have been published: its latest dated
    statement (resolved or inferred)."""
    values = [
        m.value
        for m in [*extraction.dates, *infer_dates(extraction.dates, reference)]
        if m.value is not None and parse_day(m.value) is not None
    ]
    return max(values) if values else None


def _points(
    articles: Sequence[Article], extractions: Sequence[Extraction], events: Sequence[Event]
) -> list[_Point]:
    by_id = {a.id: (k, a) for k, a in enumerate(articles)}
    reference = story_reference(articles)
    by_event = event_references(articles, events)
    points = []
    for extraction in extractions:
        if extraction.article not in by_id:
            continue
        order, article = by_id[extraction.article]
        inferred = []
        if article.published is None:
            inferred = infer_dates(extraction.dates, reference)
            inferred += infer_weekdays(extraction.dates, by_event.get(article.id))
        dateline = article.published_evidence
        for mention in [*extraction.dates, *inferred]:
            if mention.value is None or mention.precision is None:
                continue
            if (
                dateline is not None
                and dateline.article == mention.span.article
                and (mention.span.start < dateline.end and dateline.start < mention.span.end)
            ):
                continue
            is_inferred = mention in inferred
            rank = (
                is_inferred,
                mention.relative,
                article.published.isoformat() if article.published else "9999",
                order,
                mention.span.start,
            )
            points.append(_Point(mention.value, mention.precision, mention, is_inferred, rank))
    return points


def build_timeline(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    events: Sequence[Event] = (),
) -> list[TimelineEntry]:
    """One entry per date and precision, in date order, citing every mention of it."""
    by_article = {e.article: e for e in extractions}
    grouped: dict[tuple[str, str], list[_Point]] = {}
    for point in _points(articles, extractions, events):
        grouped.setdefault((point.value, point.precision), []).append(point)
    entries = []
    for (value, precision), points in grouped.items():
        lead = min(points, key=lambda p: p.rank)
        mentions = sorted({p.mention.span for p in points}, key=lambda s: (s.article, s.start))
        entries.append(
            TimelineEntry(
                date=value,
                precision=precision,  # type: ignore[arg-type]
                summary=shorten(
                    _sentence(lead.mention, by_article[lead.mention.span.article]).text,
                    SUMMARY_CHARS,
                ),
                mentions=tuple(mentions),
                inferred=all(p.inferred for p in points),
            )
        )
    return sorted(entries, key=lambda e: (e.date, e.precision))


def _sentence(mention: DateMention, extraction: Extraction) -> Span:
    if mention.sentence is not None:
        return mention.sentence
    return sentence_of(mention.span, extraction) or mention.span
