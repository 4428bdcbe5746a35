"""What the numbers of one figure group say together: intervals, a best estimate, agreement.

:mod:`accord.figure_keys` decides which mentions count the same thing; this module reads only
their numbers and the moment each reports: the interval a mention allows (hedges widened), a
group's best estimate, and whether its reports conflict or record a toll that rose over
report time. It knows nothing of events or sentences, which is why it stands apart from
:mod:`accord.reconcile`: claims (:mod:`accord.align`) and statements
(:mod:`accord.statements_paraphrase`) compare the numbers two sentences state by the same
intervals (:func:`stated_values`, :func:`intervals_clash`).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from accord.figure_keys import figure_key, victim_group
from accord.model import FigureMention, SeriesPoint
from accord.vocab import Measure

BestRule = Literal["median", "conservative"]

# Hedged numbers ("about", "roughly", "nearly", "some") are read as ±10% of the stated value
# (a simple reading of numeric hedges; Ferson et al. 2015, "Natural language of uncertainty",
# find the implied range is ~±10% for round numbers of this size).
APPROX_TOLERANCE = 0.10


def bounds(mention: FigureMention) -> tuple[float, float]:
    """The interval a mention allows, hedges widened; an open end is 0 or infinity."""
    low = mention.low if mention.low is not None else 0.0
    high = mention.high if mention.high is not None else math.inf
    if mention.approximate:
        low, high = low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
    return low, high


# A number a sentence states: what it counts (accord.figure_keys.figure_key) and the interval
# it allows (bounds).
KeyedInterval = tuple[str, tuple[float, float]]


# Measures that count people by what happened to them: parts of one such count, each of its
# own group ("two women and one man died"), add up to the whole ("three died"). Money and
# percentages do not (two sums of money in a sentence are rarely parts of a third), and a
# bare count is keyed by its counted noun, so its parts never share a key.
ADDITIVE_MEASURES = frozenset(
    {
        Measure.KILLED,
        Measure.WOUNDED,
        Measure.KILLED_OR_WOUNDED,
        Measure.CAPTURED,
        Measure.ARRESTED,
        Measure.MISSING,
        Measure.DISPLACED,
        Measure.SHOT,
        Measure.DEPLOYED,
        Measure.STATIONED,
    }
)


def stated_values(mentions: Sequence[FigureMention]) -> tuple[KeyedInterval, ...]:
    """The quantities a sentence states, each with the interval it allows; a quantity told
    in parts (:func:`parts_sum`) is also given as their sum. A bare count that names nothing
    it counts (an age, a score, a number misread from "2, 000ft") is left out: it is no
    quantity another sentence can be held to."""
    known = [m for m in mentions if not counts_nothing_named(m)]
    values = [(figure_key(m), bounds(m)) for m in known]
    by_key: dict[str, list[FigureMention]] = defaultdict(list)
    for mention in known:
        by_key[figure_key(mention)].append(mention)
    sums = [(key, total) for key, ms in by_key.items() if (total := parts_sum(ms)) is not None]
    return (*values, *sums)


def counts_nothing_named(mention: FigureMention) -> bool:
    """A bare count with no counted noun and no victims ("over the next day or two", a
    score, a clock time the source split): no reader can tell what it counts, so it is no
    figure to group, compare or show."""
    victims = mention.frame is not None and mention.frame.victims
    return mention.measure is Measure.COUNT and not mention.counted and not victims


def parts_sum(mentions: Sequence[FigureMention]) -> tuple[float, float] | None:
    """The interval the parts of one quantity add up to, or ``None`` when the mentions are
    not parts of one count. Parts are two or more point values of an additive measure, each
    of a different named group ("two women and one man"): a total ("three people"), a range
    ("10 to 20") or an open end ("more than 10") is no part, and two numbers of one group
    are the same quantity told twice, not two parts."""
    parts = [
        m
        for m in mentions
        if m.measure in ADDITIVE_MEASURES
        and m.low is not None
        and m.low == m.high
        and not m.vague
        and victim_group(m)
    ]
    groups = [victim_group(m) for m in parts]
    if len(parts) < 2 or len(set(groups)) < len(groups):
        return None
    intervals = [bounds(m) for m in parts]
    return sum(lo for lo, _ in intervals), sum(hi for _, hi in intervals)


def intervals_clash(a: Sequence[KeyedInterval], b: Sequence[KeyedInterval]) -> bool:
    """Two renderings state one quantity and none of the values one gives fits any the other
    gives ("12 injured" / "18 injured"). A sentence may give one quantity twice ("two women
    and one man died"): the same sentence retold does not clash with itself. A quantity only
    one of them states is no clash."""
    keys = {key for key, _ in a} & {key for key, _ in b}
    return any(
        not any(
            max(lo, lo2) <= min(hi, hi2)
            for k, (lo, hi) in a
            if k == key
            for k2, (lo2, hi2) in b
            if k2 == key
        )
        for key in keys
    )


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


def best_estimate(mentions: Sequence[FigureMention], rule: BestRule = "median") -> float | None:
    """The median of the point estimates; of an even number, the lower middle one, so that
    the best is a number some source gave ("14 killed", never "14.5 killed")."""
    points = [p for p in (point(m) for m in mentions) if p is not None]
    if not points:
        return None
    return min(points) if rule == "conservative" else float(statistics.median_low(points))


def moments(
    mentions: Sequence[FigureMention], as_of_of: dict[FigureMention, str | None]
) -> list[tuple[str | None, list[FigureMention]]]:
    """The mentions by the moment they report, earliest first; undated ones are one moment
    (what they say cannot be placed before or after the others)."""
    by_day: dict[str | None, list[FigureMention]] = defaultdict(list)
    for mention in mentions:
        by_day[as_of_of[mention]].append(mention)
    return sorted(by_day.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))


def assess(
    mentions: Sequence[FigureMention], as_of_of: dict[FigureMention, str | None]
) -> tuple[bool, bool, tuple[SeriesPoint, ...]]:
    """``(conflict, updated, series)`` of one group.

    Reports of one moment conflict when their intervals do not meet. Across dated moments a
    rise is an update; a later report lower than an earlier one is a conflict (a toll is not
    revised down without saying so). Undated reports are compared with every moment.
    """
    groups = moments(mentions, as_of_of)
    dated = [(day, ms) for day, ms in groups if day is not None]
    undated = [m for day, ms in groups if day is None for m in ms]
    if len(dated) < 2:
        return conflicting(mentions), False, ()
    conflict = any(conflicting([*ms, *undated]) for _, ms in dated)
    updated = False
    for (_, earlier), (_, later) in itertools.pairwise(dated):
        early_low = max(bounds(m)[0] for m in earlier)
        later_high = min(bounds(m)[1] for m in later)
        if later_high < early_low:
            conflict = True
        elif min(v for m in later for v in stated(m)) > max(v for m in earlier for v in stated(m)):
            updated = True  # every later number is above every earlier one: the toll rose
    series = tuple(
        SeriesPoint(
            day,
            min(v for m in ms for v in stated(m)),
            max(v for m in ms for v in stated(m)),
            tuple(sorted({m.span.article for m in ms})),
        )
        for day, ms in dated
    )
    return conflict, updated, series if updated else ()
