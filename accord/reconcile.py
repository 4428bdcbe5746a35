"""Figures across sources: group the mentions that measure one thing, then low/best/high.

Mentions are grouped by what they measure (``measure``), over which period (cumulative, or a
window such as "the last week", normalised to days) and, for windowed figures and figures whose
sentence names a day, about which event; any other cumulative figure is the state of the whole
story, so it is grouped across events.
Inside a key, mentions more than an order of magnitude apart are split (a battle's toll is not
a campaign's). Each group becomes a :class:`~accord.model.Figure`:

* ``low``/``high``: the smallest and largest number any source states for it;
* ``best``: the median of the sources' point estimates (the midpoint of a range, else the one
  bound given) — robust to one outlier; ``best_rule="conservative"`` takes the lowest point
  estimate instead, ACLED's rule for conflicting fatality reports (ACLED Codebook 2023,
  "Fatalities": "the most conservative estimate is used");
* ``conflict``: the mentions cannot all be true at once (their intervals, widened by the
  tolerance of hedges like "about", do not intersect).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from accord.events import find_events, parse_day, sentence_of, span_event, weekday_of
from accord.extract.measures import is_measure_noun
from accord.extract.temporal import NUMBER_WORDS
from accord.model import Article, Event, Extraction, Figure, FigureMention, content_id

__all__ = ["find_events", "reconcile_figures"]

BestRule = Literal["median", "conservative"]

# Hedged numbers ("about", "roughly", "nearly", "some") are read as ±10% of the stated value
# (a simple reading of numeric hedges; Ferson et al. 2015, "Natural language of uncertainty",
# find the implied range is ~±10% for round numbers of this size).
APPROX_TOLERANCE = 0.10
# Two counts of one thing rarely differ by more than 10×; beyond that they count different
# things (a battle's toll vs a campaign's).
MAGNITUDE_RATIO = 10.0
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_NUMBER_WORDS = {**NUMBER_WORDS, "the": 1}  # "the past week" is one week
_WINDOW_RE = re.compile(
    r"(?:(\d+|" + "|".join(_NUMBER_WORDS) + r")\s+)?(day|week|fortnight|month|year)s?\b",
    re.IGNORECASE,
)


# A reporting verb, then at most a short adjunct ("in a statement"), then the date's own
# preposition: the date is when it was said. Closed class of English reporting verbs.
_REPORT_DATE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|declared|confirmed|briefed)"
    r"(?:\s+(?:reporters|journalists|parliament|lawmakers))?"
    r"(?:\s+(?:in|at|during|after)(?:\s+(?!that\b|who\b|which\b)[\w'’-]+){1,4}?)?"
    r"\s+(?:on|late|early|last|this)?\s*$",
    re.IGNORECASE,
)


def period_key(period: str) -> str:
    """``"cumulative"``, or a window as ``"P<days>D"`` so that "the past week" and "the last
    seven days" match; an unparseable window keeps its own lower-cased words."""
    if period == "cumulative" or period.lower().startswith("since"):
        return "cumulative"  # a running total from a stated start ("since mid-November")
    match = _WINDOW_RE.search(period)
    if match is None:
        return " ".join(period.lower().split())
    count = match.group(1)
    n = int(count) if count and count.isdigit() else _NUMBER_WORDS.get((count or "").lower(), 1)
    return f"P{n * _UNIT_DAYS[match.group(2).lower()]}D"


def bounds(mention: FigureMention) -> tuple[float, float]:
    """The interval a mention allows, hedges widened; an open end is 0 or infinity."""
    low = mention.low if mention.low is not None else 0.0
    high = mention.high if mention.high is not None else math.inf
    if mention.approximate:
        low, high = low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
    return low, high


def point(mention: FigureMention) -> float | None:
    """A mention's point estimate: the midpoint of a range, else the one bound given."""
    if mention.low is not None and mention.high is not None:
        return (mention.low + mention.high) / 2
    return mention.low if mention.low is not None else mention.high


def stated(mention: FigureMention) -> list[float]:
    return [v for v in (mention.low, mention.high) if v is not None]


def conflicting(mentions: Sequence[FigureMention]) -> bool:
    """True when no single value satisfies every mention."""
    intervals = [bounds(m) for m in mentions]
    return max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)


def split_by_magnitude(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Single-linkage on point estimates: neighbours within ``MAGNITUDE_RATIO`` stay together."""
    ranked = sorted(mentions, key=lambda m: point(m) or 0.0)
    groups: list[list[FigureMention]] = []
    for mention in ranked:
        value = point(mention) or 0.0
        previous = point(groups[-1][-1]) if groups else None
        if groups and previous is not None and value <= max(previous, 1.0) * MAGNITUDE_RATIO:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def best_estimate(mentions: Sequence[FigureMention], rule: BestRule = "median") -> float | None:
    points = [p for p in (point(m) for m in mentions) if p is not None]
    if not points:
        return None
    return min(points) if rule == "conservative" else float(statistics.median(points))


def reconcile_figures(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    events: Sequence[Event],
    best_rule: BestRule = "median",
) -> list[Figure]:
    """Group every figure mention of the story and reconcile each group into a Figure."""
    by_article = {a.id: a for a in articles}
    keyed: dict[tuple[str, str, str | None], list[FigureMention]] = defaultdict(list)
    as_of_of: dict[FigureMention, str | None] = {}
    for extraction in extractions:
        for mention in extraction.figures:
            if not stated(mention):
                continue
            event = span_event(mention.span, extraction, events)
            mention = replace(mention, event=event)
            period = period_key(mention.period)
            story_level = period == "cumulative" and not names_a_day(mention, extraction)
            what = mention.measure
            if what == "count":  # a bare count says what it counts only in its noun
                what += f":{(mention.counted or '').lower()}"
            keyed[(what, period, None if story_level else event)].append(mention)
            as_of_of[mention] = _as_of(mention, extraction, by_article.get(extraction.article))
    figures = [
        _figure(group, period, event, best_rule, as_of_of)
        for (_, period, event), mentions in keyed.items()
        for group in split_by_magnitude(mentions)
    ]
    return sorted(figures, key=_reading_order)


# Harm to people first (what a reader of conflict or disaster news looks for), then
# movements of people and forces, then any other count.
MEASURE_ORDER = (
    "killed",
    "killed_or_wounded",
    "wounded",
    "missing",
    "captured",
    "arrested",
    "shot",
    "displaced",
    "deployed",
    "stationed",
)


def _reading_order(figure: Figure) -> tuple[int, int, str, float, str]:
    """Measures in :data:`MEASURE_ORDER`, then the rest; inside one, the figures most
    sources carry first."""
    rank = MEASURE_ORDER.index(figure.measure) if figure.measure in MEASURE_ORDER else 99
    articles = len({m.span.article for m in figure.mentions})
    return (rank, -articles, figure.period, -(figure.best or 0.0), figure.id)


def names_a_day(mention: FigureMention, extraction: Extraction) -> bool:
    """Does the figure's sentence name a day or weekday? Then it counts one dated happening
    ("a dozen were killed on Tuesday"), not the running total of the story."""
    sentence = mention.sentence or sentence_of(mention.span, extraction)
    if sentence is None:
        return False
    return any(
        sentence.start <= d.span.start < sentence.end
        and (parse_day(d.value) is not None or (d.value is None and weekday_of(d) is not None))
        and not dates_the_report(sentence.text[: d.span.start - sentence.start])
        for d in extraction.dates
    )


def dates_the_report(before: str) -> bool:
    """Is a date that follows ``before`` the day of the telling ("officials said on
    Wednesday", "told reporters in a briefing on Monday"), not of the happening?"""
    return _REPORT_DATE_RE.search(before) is not None


def _as_of(mention: FigureMention, extraction: Extraction, article: Article | None) -> str | None:
    """The date a figure refers to: a day stated in its sentence, else its publication date."""
    if mention.sentence is not None:
        for date in extraction.dates:
            inside = mention.sentence.start <= date.span.start < mention.sentence.end
            if inside and parse_day(date.value) is not None:
                return date.value
    return article.published if article is not None else None


def _figure(
    mentions: list[FigureMention],
    period: str,
    event: str | None,
    rule: BestRule,
    as_of_of: dict[FigureMention, str | None],
) -> Figure:
    mentions = sorted(mentions, key=lambda m: (m.span.article, m.span.start))
    values = [v for m in mentions for v in stated(m)]
    low, high = min(values), max(values)
    events = {m.event for m in mentions}
    dates = [d for d in (as_of_of[m] for m in mentions) if d is not None]
    # what is counted besides the measure: "deaths" or "casualties" only restate it
    counted = [m.counted for m in mentions if m.counted and not is_measure_noun(m.counted)]
    return Figure(
        id=content_id(*(f"{m.span.article}:{m.span.start}" for m in mentions), prefix="f"),
        measure=mentions[0].measure,
        low=low,
        best=best_estimate(mentions, rule),
        high=high,
        as_of=max(dates) if dates else None,
        conflict=conflicting(mentions),
        mentions=tuple(mentions),
        counted=max(set(counted), key=counted.count) if counted else None,
        period=mentions[0].period if period != "cumulative" else "cumulative",
        event=event if event is not None else (events.pop() if len(events) == 1 else None),
        low_sources=_sources(mentions, low),
        high_sources=_sources(mentions, high),
    )


def _sources(mentions: Sequence[FigureMention], value: float) -> tuple[str, ...]:
    return tuple(sorted({m.span.article for m in mentions if value in stated(m)}))
