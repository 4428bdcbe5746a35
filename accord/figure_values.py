"""What the numbers of one figure group say together: intervals, a best estimate, agreement.

:mod:`accord.figure_keys` decides which mentions count the same thing; this module reads only
their numbers and the moment each reports: the interval a mention allows (hedges widened), a
group's best estimate, and whether its reports conflict or record a toll that rose over
report time. It knows nothing of events, sentences or grouping keys, which is why it stands
apart from :mod:`accord.reconcile`: claims (:mod:`accord.align`) compare numbers by the same
intervals.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from accord.model import FigureMention, SeriesPoint

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
