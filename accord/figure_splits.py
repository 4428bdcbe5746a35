"""Inside one figure key, the mentions that count different things, split apart: numbers
an order of magnitude apart (a battle's toll is not a campaign's), and numbers one article
states side by side on one authority (an article does not contradict itself).
:mod:`accord.reconcile` groups by key first, then splits each group here."""

from __future__ import annotations

import math
from collections import defaultdict

from accord.figure_values import best_estimate, conflicting, point
from accord.model import FigureMention

__all__ = ["MAGNITUDE_RATIO", "split_by_article", "split_by_magnitude"]

# Two counts of one thing rarely differ by more than 10×; beyond that they count different
# things (a battle's toll vs a campaign's).
MAGNITUDE_RATIO = 10.0


def split_by_magnitude(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Single-linkage on point estimates: neighbours within ``MAGNITUDE_RATIO`` stay together.
    A vague word ("hundreds", "dozens") links nothing: it joins the group nearest it, so "at
    least 10", "hundreds" and another incident's 612 are not one chain."""
    exact = [m for m in mentions if not m.vague] or mentions
    linked = {id(m) for m in exact}
    ranked = sorted(exact, key=lambda m: point(m) or 0.0)
    groups: list[list[FigureMention]] = []
    for mention in ranked:
        value = point(mention) or 0.0
        previous = point(groups[-1][-1]) if groups else None
        if groups and previous is not None and value <= max(previous, 1.0) * MAGNITUDE_RATIO:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    for mention in mentions:
        if id(mention) not in linked:
            min(groups, key=lambda g: _log_distance(g, mention)).append(mention)
    return groups


def _log_distance(group: list[FigureMention], mention: FigureMention) -> float:
    """How many orders of magnitude the mention's point lies from the group's nearest."""
    value = max(point(mention) or 0.0, 1.0)
    return min(abs(math.log10(value / max(point(m) or 0.0, 1.0))) for m in group)


def split_by_article(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """An article does not contradict itself: two numbers for one key that cannot both hold,
    stated in one article on the same authority, count two things ("around 100 died in the
    assault … three of the captured men died"); credited to two sources, they are the sources'
    disagreement. The article with the most such numbers seeds one group per number;
    every other mention joins a group it agrees with (the largest), else the nearest by value,
    where it is a conflict."""
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.span.article].append(mention)
    seeds: list[list[FigureMention]] = []
    for mention in max(by_article.values(), key=len):
        # an article that credits two numbers to two sources reports their disagreement
        home = next(
            (
                g
                for g in seeds
                if not conflicting(
                    [*(m for m in g if m.attributed_to == mention.attributed_to), mention]
                )
            ),
            None,
        )
        if home is None:
            seeds.append([mention])
        else:
            home.append(mention)
    if len(seeds) == 1:
        return [mentions]
    seeded = {id(m) for g in seeds for m in g}
    for mention in mentions:
        if id(mention) in seeded:
            continue
        agreeing = [g for g in seeds if not conflicting([*g, mention])]
        if agreeing:
            max(agreeing, key=len).append(mention)
        else:
            value = point(mention) or 0.0
            min(seeds, key=lambda g: abs((best_estimate(g) or 0.0) - value)).append(mention)
    return seeds
