"""Figures across sources: group the mentions that count one thing, then low/best/high.

A figure counts one thing about one happening, so mentions are grouped by what they measure
(``measure``), over which period (cumulative, or a window such as "the last week", normalised
to days), of which victim group (:mod:`accord.figure_keys`) and about which incident:

* a mention of the report's own incident is keyed by its event (a cumulative toll of one
  earthquake is never compared with another earthquake's);
* a running total ("since the war began", "this year") is a series of its own across the story;
* a figure of another incident ("in a separate attack", "elsewhere") is context of its article,
  never compared with any other report; so is an amount a count moved by ("two more victims
  were found", "rose by 3"), which is no toll.

Inside a key, mentions more than an order of magnitude apart are split (a battle's toll is not
a campaign's). Each group becomes a :class:`~accord.model.Figure` (its numbers read by
:mod:`accord.figure_values`):

* ``low``/``high``: the smallest and largest number any source states for it;
* ``best``: the median of the sources' point estimates (the midpoint of a range, else the one
  bound given; of an even number the lower middle one, a number a source gave) — robust to
  one outlier; ``best_rule="conservative"`` takes the lowest point
  estimate instead, ACLED's rule for conflicting fatality reports (ACLED Codebook 2023,
  "Fatalities": "the most conservative estimate is used");
* ``conflict``: reports of the same moment cannot all be true at once (their intervals, widened
  by the tolerance of hedges like "about", do not intersect), or a later report is lower than
  an earlier one; a toll that rises with report time is ``updated``, with its ``series``. Only
  a figure that counts what a happening did (killed, captured, deployed) can conflict: a bare
  count, a price or a share groups only with the same number.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from accord import lexicon
from accord.events import find_events, parse_day, span_event
from accord.extract.dates import MONTH_OR_YEAR
from accord.extract.measures import is_measure_noun
from accord.figure_keys import (
    amount_of_change,
    counts_a_happening,
    measure_key,
    scope_of,
    victim_group,
)
from accord.figure_splits import split_by_article, split_by_magnitude
from accord.figure_values import (
    BestRule,
    assess,
    best_estimate,
    conflicting,
    counts_nothing_named,
    stated,
)
from accord.locate import Located
from accord.model import (
    Article,
    Change,
    Event,
    Extraction,
    Figure,
    FigureMention,
    Scope,
    content_id,
)
from accord.vocab import CUMULATIVE, CUMULATIVE_PERIOD, Measure

__all__ = ["find_events", "reconcile_figures"]

# A clause dated further than this from its event's date reports another happening.
INCIDENT_WINDOW_DAYS = 1

# A reporting verb, then at most a short adjunct ("in a statement"), then the date's own
# preposition: the date is when it was said. Closed class of English reporting verbs.
_REPORT_DATE_RE = re.compile(
    r"\b(?:" + "|".join(lexicon.REPORTED_FORMS) + ")"
    r"(?:\s+(?:reporters|journalists|parliament|lawmakers))?"
    r"(?:\s+(?:in|at|during|after)(?:\s+(?!that\b|who\b|which\b)[\w'’-]+){1,4}?)?"
    r"\s+(?:on|late|early|last|this)?\s*$",
    re.IGNORECASE,
)

GroupKey = tuple[str, str, str | None, Scope, str | None]  # measure, period, victims, scope, where


def reconcile_figures(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    events: Sequence[Event],
    best_rule: BestRule = "median",
) -> list[Figure]:
    """Group every figure mention of the story and reconcile each group into a Figure."""
    by_article = {a.id: a for a in articles}
    event_dates = {e.id: parse_day(e.date) for e in events}
    first_published = min((a.published for a in articles if a.published), default=None)
    keyed: dict[GroupKey, list[FigureMention]] = defaultdict(list)
    as_of_of: dict[FigureMention, str | None] = {}
    for extraction in extractions:
        located = Located(extraction)
        for mention in extraction.figures:
            if not stated(mention) or counts_nothing_named(mention):
                continue
            event = span_event(mention.span, extraction, events, located)
            mention = replace(mention, event=event)
            scope = scope_of(mention)
            if scope is Scope.INCIDENT:
                day = event_dates.get(event or "")
                incident = incident_of(mention, event, day, first_published)
                if counts_a_happening(mention) and amount_of_change(mention):
                    # "two more victims": by how much, no toll (a bare count groups only with
                    # its own number, so "fell 200ft" still meets another outlet's "200 feet")
                    clause = f"{mention.span.article}:{(mention.sentence or mention.span).start}"
                    incident = content_id(incident or "", clause, prefix="i")
                mention = replace(mention, incident=incident)
                where: str | None = incident
            elif scope is Scope.RUNNING_TOTAL:
                where = None
            else:  # another incident's figure is context of its own sentence, never compared
                where = f"{mention.span.article}:{(mention.sentence or mention.span).start}"
            if not counts_a_happening(mention):  # only the same number is the same figure
                where = f"{where}={mention.low}..{mention.high}"
            key = (
                measure_key(mention),
                mention.period.key,
                victim_group(mention),
                scope,
                where,
            )
            keyed[key].append(mention)
            as_of_of[mention] = _as_of(mention, located, by_article.get(extraction.article))
    keyed = join_unqualified_groups(keyed)
    figures = [
        _figure(group, key, best_rule, as_of_of)
        for key, mentions in keyed.items()
        for by_size in split_by_magnitude(mentions)
        for group in split_by_article(by_size)
    ]
    return sorted(figures, key=_reading_order)


def incident_of(
    mention: FigureMention,
    event: str | None,
    event_day: dt.date | None,
    published: dt.date | None = None,
) -> str | None:
    """The incident a mention of the report's own happening counts: its event's, unless its
    clause is dated to another day than the event (then that day's happening). A count that
    moved ("the toll rose to 17 on Saturday", "stood at 17") is dated when it was counted:
    it is the same happening's running count, and its day is the figure's as-of date. A
    clause dated by a month or a year ("in February, a gunman killed five") is another
    happening when the event's day lies outside it; for an event of no stated day, when the
    month or year was over before the story's first report was ``published`` ("in 2003", in
    2005 news; not "in 2010" in a verdict's report when the story holds 2010's reports of the
    shooting) and the figure counts what a happening did (a bare count, "1,098 yards in
    2008", groups only with its own number)."""
    frame = mention.frame
    frame_days = days_of(frame.time) if frame is not None else None
    if frame is None or frame_days is None:
        return event
    if event_day is None:
        first, last = frame_days
        past = published is not None and first < last and last < published
        if past and mention.change is Change.NONE and counts_a_happening(mention):
            return content_id(event or "", first.isoformat(), prefix="i")
        return event
    if mention.change is not Change.NONE:
        return event
    if frame.time_span is not None and mention.sentence is not None:
        before = mention.sentence.text[: max(0, frame.time_span.start - mention.sentence.start)]
        if dates_the_report(before):  # "officials said on Monday": the telling, not the deed
            return event
    first, last = frame_days
    gap = max((first - event_day).days, (event_day - last).days, 0)
    if gap <= INCIDENT_WINDOW_DAYS:
        return event
    return content_id(event or "", first.isoformat(), prefix="i")


def days_of(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved date names: a day (``YYYY-MM-DD``), a month
    (``YYYY-MM``: "in February") or a year (``YYYY``); ``None`` for anything else."""
    day = parse_day(value)
    if day is not None:
        return day, day
    if value is None or not MONTH_OR_YEAR.fullmatch(value):
        return None
    year = int(value[:4])
    if len(value) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(value[5:7])
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def join_unqualified_groups(
    keyed: dict[GroupKey, list[FigureMention]],
) -> dict[GroupKey, list[FigureMention]]:
    """A mention that names its group less fully ("soldiers"), or not at all, joins the one
    group of the same happening that names it fully ("North Korean soldiers"); with two
    candidates it stays apart (which of them it counts is not said), unless every candidate
    and the plain mention state one number: then the sources name one group in several ways
    ("23 pirates", "23 Somali pirates", "23 Somalian pirates") and it is one figure."""
    joined: dict[GroupKey, list[FigureMention]] = {}

    def fullness(item: tuple[GroupKey, list[FigureMention]]) -> int:
        victims = item[0][2]
        return -1 if victims is None else len(victims.split())

    for key, mentions in sorted(keyed.items(), key=fullness, reverse=True):
        measure, period, victims, scope, where = key
        fuller = [
            k
            for k in joined
            if k[:2] == (measure, period)
            and k[3:] == (scope, where)
            and k[2] != victims
            and _narrows(k[2], victims)
        ]
        named = [m for k in fuller for m in joined[k]]
        if len(fuller) == 1:
            joined[fuller[0]] = joined[fuller[0]] + mentions
        elif fuller and victims is not None and _one_number(named, mentions):
            for k in fuller[1:]:
                del joined[k]
            joined[fuller[0]] = [*named, *mentions]
        else:
            joined[key] = list(mentions)
    return joined


def _one_number(named: list[FigureMention], plain: list[FigureMention]) -> bool:
    """Do the fuller groups state one number, which a mention of the plain group states too?
    (The plain group's other numbers are split from it later, as they would be alone.)"""
    return not conflicting(named) and any(not conflicting([*named, m]) for m in plain)


def _narrows(fuller: str | None, plain: str | None) -> bool:
    """Is ``fuller`` the same group as ``plain`` with more said ("north korean soldier" of
    "soldier"; any group, "people" included, of a figure that names none)? A generic group
    ("people") is narrowed by none: it may count anyone, so a subgroup's number is not its."""
    if fuller is None or plain == "":
        return False
    if plain is None:
        return True
    return fuller.endswith(" " + plain)


# Harm to people first (what a reader of conflict or disaster news looks for), then
# movements of people and forces, then any other count.
MEASURE_ORDER = (
    Measure.KILLED,
    Measure.KILLED_OR_WOUNDED,
    Measure.WOUNDED,
    Measure.MISSING,
    Measure.CAPTURED,
    Measure.ARRESTED,
    Measure.SHOT,
    Measure.DISPLACED,
    Measure.DEPLOYED,
    Measure.STATIONED,
)
SCOPE_ORDER = (Scope.INCIDENT, Scope.RUNNING_TOTAL, Scope.OTHER_INCIDENT)


def _reading_order(figure: Figure) -> tuple[int, int, int, str, float, str]:
    """The incidents' own figures, then running totals, then context; measures in
    :data:`MEASURE_ORDER`, then the rest; inside one, the figures most sources carry first."""
    rank = MEASURE_ORDER.index(figure.measure) if figure.measure in MEASURE_ORDER else 99
    articles = len({m.span.article for m in figure.mentions})
    scope = SCOPE_ORDER.index(figure.scope)
    return (scope, rank, -articles, figure.period.text, -(figure.best or 0.0), figure.id)


def dates_the_report(before: str) -> bool:
    """Is a date that follows ``before`` the day of the telling ("officials said on
    Wednesday", "told reporters in a briefing on Monday"), not of the happening?"""
    return _REPORT_DATE_RE.search(before) is not None


def _as_of(mention: FigureMention, located: Located, article: Article | None) -> str | None:
    """The date a figure refers to: a day stated in its sentence, else its publication date."""
    if mention.frame is not None and parse_day(mention.frame.time) is not None:
        return mention.frame.time
    if mention.sentence is not None:
        sentence = mention.sentence
        for date in located.dates.inside(sentence.start, sentence.end, whole=False):
            if parse_day(date.value) is not None:
                return date.value
    return article.published.isoformat() if article is not None and article.published else None


def _figure(
    mentions: list[FigureMention],
    key: GroupKey,
    rule: BestRule,
    as_of_of: dict[FigureMention, str | None],
) -> Figure:
    _, period, _, scope, _ = key
    mentions = sorted(mentions, key=lambda m: (m.span.article, m.span.start))
    # "dozens" is an order of size, not a count: it neither contradicts nor bounds one
    counts = [m for m in mentions if not m.vague] or mentions
    values = [v for m in counts for v in stated(m)]
    low, high = min(values), max(values)
    events = {m.event for m in mentions}
    incidents = {m.incident for m in mentions}
    dates = [d for d in (as_of_of[m] for m in mentions) if d is not None]
    # what is counted besides the measure: "deaths" or "casualties" only restate it
    counted = [m.counted for m in mentions if m.counted and not is_measure_noun(m.counted)]
    conflict, updated, series = assess(counts, as_of_of)
    if scope is Scope.OTHER_INCIDENT:
        conflict = False  # context figures of different incidents are never compared
    # a toll that rose is best told by its latest count, not by the middle of its history
    last = max((d for d in (as_of_of[m] for m in counts) if d is not None), default=None)
    latest = [m for m in counts if as_of_of[m] == last] if updated else counts
    return Figure(
        id=content_id(*(f"{m.span.article}:{m.span.start}" for m in mentions), prefix="f"),
        measure=mentions[0].measure,
        low=low,
        best=best_estimate(latest, rule),
        high=high,
        as_of=max(dates) if dates else None,
        conflict=conflict,
        mentions=tuple(mentions),
        counted=max(set(counted), key=counted.count) if counted else None,
        period=mentions[0].period if period != CUMULATIVE else CUMULATIVE_PERIOD,
        event=events.pop() if len(events) == 1 else None,
        low_sources=_sources(mentions, low),
        high_sources=_sources(mentions, high),
        scope=scope,
        incident=incidents.pop() if len(incidents) == 1 else None,
        updated=updated,
        series=series,
    )


def _sources(mentions: Sequence[FigureMention], value: float) -> tuple[str, ...]:
    return tuple(sorted({m.span.article for m in mentions if value in stated(m)}))
