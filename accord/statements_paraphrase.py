"""One speaker's statement retold by other outlets in their own words (for
:func:`accord.statements.group_quotes`).

Two outlets' renderings credited to one voice are one statement when they are close in the
embedding and share the statement's rarer words, or, less close, when they share the
proposition's predicate and arguments as the claims stage compares them
(:func:`accord.align_words.overlap`: the story's topic words and the attribution frame left
out, a shared name counting half). Two groups meet only when every pair across them is still
close by one of the two measures (complete linkage), so that two things one spokesman said
stay two statements however a chain of near neighbours runs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from accord.align_words import FRAME_WORDS, ClaimText, overlap, topic_words
from accord.blocking import UnionFind, content_words
from accord.events import span_event
from accord.figure_values import KeyedInterval, intervals_clash, stated_values
from accord.locate import Located
from accord.model import Event, Extraction, QuoteForm, QuoteMention
from accord.vocab import Measure

__all__ = [
    "PARAPHRASE_OVERLAP",
    "PARAPHRASE_SIMILARITY",
    "RETELLING_OVERLAP",
    "RETELLING_SIMILARITY",
    "RETELLING_WORDS",
    "STATEMENT_PARAPHRASE",
    "Renderings",
    "apart",
    "events_of",
    "figures_clash",
    "join_paraphrases",
]

# One speaker's statement retold by another outlet in its own words: a pair scores at least
# PARAPHRASE_SIMILARITY and shares PARAPHRASE_OVERLAP of the lighter one's rare-word weight,
# and every pair across the two groups it joins stays above STATEMENT_PARAPHRASE.
STATEMENT_PARAPHRASE = 0.6
PARAPHRASE_SIMILARITY = 0.7
PARAPHRASE_OVERLAP = 0.3
# A rewording further apart in the embedding (an agency's statement told by three outlets
# scores 0.59-0.68) is the same statement when the two share this much of the proposition's
# predicate and arguments (accord.align_words.overlap) and at least two of its words outside
# the story's topic ("identify" alone, "a skiff" alone is a word, not yet a proposition), from
# this cosine up; the same test keeps every pair of a group close. Chosen on ECB+ dev and
# train (docs/accuracy.md).
RETELLING_SIMILARITY = 0.5
RETELLING_OVERLAP = 0.5
RETELLING_WORDS = 2


@dataclass(frozen=True)
class Renderings:
    """What two renderings of a statement are compared on, worked out once per mention."""

    vectors: np.ndarray
    weights: tuple[dict[str, float], ...]
    texts: tuple[ClaimText, ...]
    topic: frozenset[str]
    fragments: frozenset[int]
    # the figures each rendering states, as claims compare them (accord.figure_values)
    figures: tuple[tuple[KeyedInterval, ...], ...] = ()

    @classmethod
    def of(
        cls,
        mentions: Sequence[QuoteMention],
        vectors: np.ndarray,
        extractions: Sequence[Extraction],
        located: Mapping[str, Located],
    ) -> Renderings:
        sentences = [s.text for ex in extractions for s in ex.sentences]
        return cls(
            vectors,
            tuple(_weighted_words(mentions)),
            tuple(ClaimText.of(m.span.text) for m in mentions),
            topic_words(sentences) | FRAME_WORDS,
            frozenset(i for i, m in enumerate(mentions) if m.carried_as is QuoteForm.PARTIAL),
            tuple(_figures(m, located.get(m.span.article)) for m in mentions),
        )

    def figures_clash(self, i: int, j: int) -> bool:
        """The two state one quantity with no value in common ("12 injured" / "18
        injured"): two statements, however alike their words."""
        return bool(self.figures) and intervals_clash(self.figures[i], self.figures[j])

    def similarity(self, i: int, j: int) -> float:
        return float(self.vectors[i] @ self.vectors[j])

    def arguments_shared(self, i: int, j: int) -> bool:
        """The two share the proposition's predicate and arguments: enough of the shorter
        one's, and more than a single word."""
        a, b = self.texts[i], self.texts[j]
        return (
            len((a.words & b.words) - self.topic) >= RETELLING_WORDS
            and overlap(a, b, self.topic) >= RETELLING_OVERLAP
        )

    def retold(self, sim: float, i: int, j: int) -> bool:
        """One statement in two outlets' words: close and sharing the rarer words, or less
        close but sharing the predicate and arguments."""
        if self.figures_clash(i, j):
            return False
        if sim >= PARAPHRASE_SIMILARITY and _rare_overlap(self.weights[i], self.weights[j]) >= (
            PARAPHRASE_OVERLAP
        ):
            return True
        return sim >= RETELLING_SIMILARITY and self.arguments_shared(i, j)

    def close(self, i: int, j: int) -> bool:
        """Two members of one statement's group: near in the embedding, or a rewording that
        shares the proposition's arguments."""
        if self.figures_clash(i, j):
            return False
        sim = self.similarity(i, j)
        if sim >= STATEMENT_PARAPHRASE:
            return True
        return sim >= RETELLING_SIMILARITY and self.arguments_shared(i, j)

    def full(self, group: list[int]) -> list[int]:
        """The group's members that carry the whole statement: a quoted fragment ("a costly
        mistake") says too little to compare, unless it is all the group has."""
        return [i for i in group if i not in self.fragments] or group


def figures_clash(a: QuoteMention, b: QuoteMention, located: Mapping[str, Located]) -> bool:
    """:meth:`Renderings.figures_clash` for two mentions outside one ``Renderings``."""
    mine, theirs = (_figures(m, located.get(m.span.article)) for m in (a, b))
    return intervals_clash(mine, theirs)


def _figures(mention: QuoteMention, located: Located | None) -> tuple[KeyedInterval, ...]:
    """The figures of a named measure (killed, wounded, captured, ...) extraction found
    inside the mention's span, keyed as claims key them. A bare count is left out: its
    counted noun is often missing or a unit ("2,000 feet" and "2000ft"), and two of them
    differ as often by the reading as by the statement."""
    if located is None:
        return ()
    inside = located.figures.inside(mention.span.start, mention.span.end)
    return stated_values([f for f in inside if f.measure is not Measure.COUNT])


def _weighted_words(mentions: Sequence[QuoteMention]) -> list[dict[str, float]]:
    """Each mention's content words weighted by rarity among the story's statements (inverse
    document frequency), so that the words every statement of a story shares ("soldiers",
    "forces") do not make two statements one."""
    bags = [content_words(m.span.text) for m in mentions]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    return [{w: math.log((1 + n) / df[w]) for w in bag} for bag in bags]


def _rare_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weight of the shared words over the weight of the lighter mention's words."""
    lighter = min(sum(a.values()), sum(b.values()))
    return sum(a[w] for w in a.keys() & b.keys()) / lighter if lighter else 0.0


def join_paraphrases(
    union: UnionFind,
    owners: dict[int, set[str]],
    candidates: list[tuple[float, int, int]],
    renderings: Renderings,
) -> None:
    """Join two outlets' statements that retell one another, most similar first; two groups
    meet only when every pair across them is still close (complete linkage), so a chain of
    near neighbours does not drift from one statement into the next."""
    # each group's members, kept up to date as groups join (asking the union for them per
    # candidate scanned every mention: quadratic in a long article)
    members_of = {union.find(group[0]): group for group in union.groups()}
    for sim, i, j in sorted(candidates, reverse=True):
        if not renderings.retold(sim, i, j):
            continue
        a, b = union.find(i), union.find(j)
        if a == b:
            continue
        full_a, full_b = renderings.full(members_of[a]), renderings.full(members_of[b])
        if all(renderings.close(x, y) for x in full_a for y in full_b):
            union.join_apart(a, b, owners)
            if union.find(a) == b:
                members_of[b] = sorted(members_of.pop(a) + members_of[b])


def apart(a: str | None, b: str | None) -> bool:
    """Two known, different events."""
    return a is not None and b is not None and a != b


def events_of(
    mentions: list[QuoteMention],
    extractions: Sequence[Extraction],
    events: Sequence[Event],
    located: Mapping[str, Located],
) -> list[str | None]:
    """The event each mention speaks of (:func:`accord.events.span_event`); None without
    events or where none is known. ``located``: each extraction's index, by article."""
    if not events:
        return [None] * len(mentions)
    by_article = {ex.article: ex for ex in extractions}
    return [
        span_event(m.span, by_article[m.span.article], events, located[m.span.article])
        if m.span.article in by_article
        else None
        for m in mentions
    ]
