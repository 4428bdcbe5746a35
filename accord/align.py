"""Cross-source alignment of claims: the same fact in many outlets' words.

Candidates come from sentence embeddings, blocked at near-linear cost
(:func:`accord.blocking.similar_pairs`). A candidate above the similarity floor is then
confirmed by its content: the two sentences must share a content word and, below the claim
floor, not name disjoint sets of entities; there a paraphrase must also share its predicate
and arguments, a shared name counting less than a shared verb, noun or number
(:func:`aligned`, :mod:`accord.align_words`). Confirmed pairs with the same polarity and
compatible numbers are one claim, best pairs first, when the two groups they join are alike
on average (a chain of pairs must not join sentences that share only the story's topic);
pairs that oppose each other (negation, antonymous predicates, a denial or a correction:
:mod:`accord.contradict`) or state numbers that figure reconciliation finds in conflict
(:func:`numbers_conflict`) are contradictions, each side kept as a claim with its spans.
Claims about different events never contradict each other. Statements (quotes) are
grouped by :mod:`accord.statements`; ``group_quotes`` is re-exported here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from accord.align_words import (
    FRAME_WORDS,
    ClaimText,
    claim_words,
    entities,
    overlap,
    topic_words,
)
from accord.blocking import (
    Blocking,
    Embedder,
    UnionFind,
    argument_overlap,
    content_words,
    embedder_or_default,
    similar_pairs,
    words,
)
from accord.contradict import apart_in_time, negated, opposition, propositions_oppose
from accord.events import span_event, word_count
from accord.figure_keys import figure_key
from accord.figure_values import KeyedInterval, intervals_clash, stated_values
from accord.locate import Located
from accord.model import (
    Article,
    Claim,
    Event,
    Extraction,
    Figure,
    PredicateMention,
    Span,
    content_id,
)
from accord.statements import group_quotes
from accord.vocab import Opposition

__all__ = [
    "Blocking",
    "Embedder",
    "align_claims",
    "aligned",
    "argument_overlap",
    "asserts",
    "claim_units",
    "content_words",
    "entities",
    "figure_key",
    "group_quotes",
    "negated",
    "numbers_clash",
    "numbers_conflict",
    "opposition",
    "related",
    "similar_pairs",
    "words",
]

# Cosine floor for two sentences to be candidates for one claim (all-MiniLM-L6-v2: close
# paraphrases score 0.65-0.8, same-topic different statements 0.3-0.5; see tests/test_align.py).
CLAIM_SIMILARITY = 0.62
# Below CLAIM_SIMILARITY, two sentences are still one claim when the embedding plus
# ARGUMENT_WEIGHT times the predicate-argument overlap (align_words.claim_overlap) reaches
# PARAPHRASE_SCORE, with at least MIN_ARGUMENT_OVERLAP shared and the embedding above
# PARAPHRASE_FLOOR (the blocking floor). The weight is the ratio of the two coefficients of a
# logistic regression of ClaimDiff train "strengthens" on the two (3.3 and 2.1); the score
# and floors were chosen on the same split (evaluation/eval_claimdiff.py, docs/accuracy.md).
PARAPHRASE_FLOOR = 0.35
MIN_ARGUMENT_OVERLAP = 0.05
ARGUMENT_WEIGHT = 0.65
PARAPHRASE_SCORE = 0.42
MIN_NAMES_TO_DIFFER = 2
# A contradiction needs the two sentences to be about the same thing: a higher floor.
CONTRADICTION_SIMILARITY = 0.7
# A denial or a correction restates the other side's proposition in its own frame ("X denied
# that ..."), so it needs less of the embedding, but as much of the predicate and arguments.
# Chosen on ClaimDiff train "weakens" (evaluation/eval_claimdiff.py, docs/accuracy.md).
DISPUTE_SIMILARITY = 0.55
DISPUTE_OVERLAP = 0.3
MIN_CLAIM_WORDS = 6  # shorter lines are headings, captions and datelines
# Two sentences of one article are one claim only when one repeats the other almost verbatim.
SAME_ARTICLE_SIMILARITY = 0.9
# Two groups of sentences join only when their members are, on average, this alike: a chain
# of pairs that each pass (A~B, B~C) must not make one claim of sentences that share only
# the story's topic (A and C).
GROUP_SIMILARITY = 0.5


@dataclass(frozen=True)
class _Unit:
    span: Span
    event: str | None
    figures: tuple[KeyedInterval, ...]
    # the figure groups in conflict that its numbers are reported in (figure reconciliation)
    conflicting: frozenset[str] = frozenset()
    # the sentence's main predicate (None where extraction did not read one)
    predicate: PredicateMention | None = None
    # the dates the sentence names, resolved ("2008", "2013-03-12")
    dates: frozenset[str] = frozenset()


def claim_units(
    extractions: Sequence[Extraction], events: Sequence[Event], figures: Sequence[Figure] = ()
) -> list[_Unit]:
    conflict_of = {
        (m.span.article, m.span.start, m.span.end): figure.id
        for figure in figures
        if figure.conflict
        for m in figure.mentions
    }
    units = []
    for ex in extractions:
        located = Located(ex)
        predicate_of = {(p.sentence.start, p.sentence.end): p for p in ex.predicates}
        for sent in ex.sentences:
            if word_count(sent.text) < MIN_CLAIM_WORDS or not asserts(sent.text):
                continue
            mentions = located.figures.inside(sent.start, sent.end)
            keys = ((m.span.article, m.span.start, m.span.end) for m in mentions)
            conflicting = frozenset(conflict_of[k] for k in keys if k in conflict_of)
            event = span_event(sent, ex, events, located)
            predicate = predicate_of.get((sent.start, sent.end))
            dates = frozenset(
                d.value for d in located.dates.inside(sent.start, sent.end) if d.value
            )
            units.append(_Unit(sent, event, stated_values(mentions), conflicting, predicate, dates))
    return units


def asserts(sentence: str) -> bool:
    """Is this a declarative sentence? Headlines, captions and questions are not claims:
    they end without a full stop (or with "?"), "Dam bursts: dozens missing"."""
    return sentence.rstrip().rstrip("\"'”’)]").endswith((".", "!"))


def numbers_clash(a: _Unit, b: _Unit) -> bool:
    """Both state one quantity (:func:`figure_key`) and no value one gives fits any the other
    gives: a sentence that states a quantity twice, or in parts, is told by either."""
    return intervals_clash(a.figures, b.figures)


def numbers_conflict(a: _Unit, b: _Unit) -> bool:
    """Their numbers clash and figure reconciliation found them in conflict: one figure group
    in conflict holds a number of each. Two tolls of two moments (an update), of two
    incidents, or an order of magnitude apart (a season's yards and a game's) are
    reconciled as no conflict, and so are no contradiction between claims either."""
    return bool(a.conflicting & b.conflicting) and numbers_clash(a, b)


def related(a: _Unit, b: _Unit) -> bool:
    """The content check behind every alignment: a shared content word, no disjoint names.
    Names are disjoint only when each side has at least ``MIN_NAMES_TO_DIFFER``: a single
    capitalised word is as often a title, a day or a place as the actor."""
    return _related(
        claim_words(a.span.text),
        claim_words(b.span.text),
        entities(a.span.text),
        entities(b.span.text),
    )


def _related(words_a: set[str], words_b: set[str], ents_a: set[str], ents_b: set[str]) -> bool:
    return bool(words_a & words_b) and _names_agree(ents_a, ents_b)


def _names_agree(ents_a: set[str], ents_b: set[str]) -> bool:
    several = min(len(ents_a), len(ents_b)) >= MIN_NAMES_TO_DIFFER
    return not (several and not ents_a & ents_b)


def aligned(similarity: float, a: str, b: str, topic: frozenset[str] = frozenset()) -> bool:
    """One claim: close in meaning, or a paraphrase (less close in the embedding, but sharing
    the predicate and its arguments, so that the two add up). Even close in meaning, two
    sentences that share only the story's ``topic`` words tell two things about it."""
    return _aligned(similarity, ClaimText.of(a), ClaimText.of(b), topic)


def _aligned(similarity: float, a: ClaimText, b: ClaimText, topic: frozenset[str]) -> bool:
    if similarity < PARAPHRASE_FLOOR:
        return False
    shared = overlap(a, b, topic)
    if similarity >= CLAIM_SIMILARITY:
        return shared > 0
    return (
        shared >= MIN_ARGUMENT_OVERLAP and similarity + ARGUMENT_WEIGHT * shared >= PARAPHRASE_SCORE
    )


def align_claims(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    events: Sequence[Event],
    embedder: Embedder | None = None,
    figures: Sequence[Figure] = (),
) -> list[Claim]:
    """Claims carried by two or more articles, or in conflict with another claim. Numbers
    contradict only where the reconciled ``figures`` conflict."""
    units = claim_units(extractions, events, figures)
    if not units:
        return []
    vectors = embedder_or_default(embedder)([u.span.text for u in units])
    blocking = similar_pairs(vectors, PARAPHRASE_FLOOR)
    topic = topic_words([u.span.text for u in units]) | FRAME_WORDS
    union = UnionFind(len(units))
    clashes: list[tuple[int, int]] = []
    owners = {i: {u.span.article} for i, u in enumerate(units)}
    members = {i: [i] for i in range(len(units))}  # each group's units, by its root
    # each unit's words once, not once per candidate pair it is in
    bags = [claim_words(u.span.text) for u in units]
    names = [entities(u.span.text) for u in units]
    texts = [ClaimText.of(u.span.text) for u in units]
    nearest = _nearest_in_each_article(units, blocking)
    best_first = np.argsort(-blocking.similarity, kind="stable")
    for (i, j), sim in zip(
        blocking.pairs[best_first].tolist(), blocking.similarity[best_first].tolist(), strict=True
    ):
        a, b = units[i], units[j]
        # Close in meaning, two sentences that name different people or bodies name one
        # actor two ways ("Garland" / "the Justice Department"); further apart, they tell of
        # different actors.
        names_agree = _names_agree(names[i], names[j])
        if not bags[i] & bags[j] or not (names_agree or sim >= CLAIM_SIMILARITY):
            continue
        same_event = a.event == b.event
        same_article = a.span.article == b.span.article
        opposed = opposition(a.span.text, b.span.text)
        if opposed is not None or numbers_clash(a, b):
            # clashing numbers are never one claim; a contradiction only where the figures
            # conflict
            if (
                (opposed is not None or numbers_conflict(a, b))
                and names_agree
                and same_event
                and a.event is not None
                and not same_article
                and _clash(opposed, sim, a.span.text, b.span.text)
                and (opposed is None or propositions_oppose(a.predicate, b.predicate, opposed))
                and not apart_in_time(a.dates, b.dates)
            ):
                clashes.append((i, j))
        elif same_event and same_article and sim >= SAME_ARTICLE_SIMILARITY:
            # a repeat inside one article (a caption restating the text)
            _join(union, members, owners, i, j, shared=True)
        elif (
            same_event
            and not same_article
            and (sim >= CLAIM_SIMILARITY or _each_others_nearest(nearest, units, i, j))
            and _aligned(sim, texts[i], texts[j], topic)
            and _groups_alike(union, members, vectors, i, j)
        ):
            _join(union, members, owners, i, j)
    return _claims(articles, units, union, clashes)


def _nearest_in_each_article(units: list[_Unit], blocking: Blocking) -> dict[tuple[int, str], int]:
    """Each unit's closest sentence (by the embedding) in each other article, among the
    candidate pairs."""
    nearest: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), sim in zip(blocking.pairs.tolist(), blocking.similarity.tolist(), strict=True):
        for a, b in ((i, j), (j, i)):
            key = (a, units[b].span.article)
            if key not in nearest or sim > nearest[key][0]:
                nearest[key] = (sim, b)
    return {key: b for key, (_, b) in nearest.items()}


def _each_others_nearest(
    nearest: dict[tuple[int, str], int], units: list[_Unit], i: int, j: int
) -> bool:
    """``i`` and ``j`` are each other's closest sentence in the other's article. A paraphrase
    below the claim floor joins only such a pair (competitive linking, Melamed 2000): read
    in ECB+ train dossiers, a paraphrase pair where either side has a closer sentence in the
    other article was another fact of the same story in most cases."""
    return (
        nearest.get((i, units[j].span.article)) == j
        and nearest.get((j, units[i].span.article)) == i
    )


def _groups_alike(
    union: UnionFind, members: dict[int, list[int]], vectors: np.ndarray, i: int, j: int
) -> bool:
    """Average linkage: the mean cosine between the members of ``i``'s and ``j``'s groups
    reaches :data:`GROUP_SIMILARITY` (two single sentences pass on their own alignment)."""
    a, b = union.find(i), union.find(j)
    if a == b or (len(members[a]) == 1 and len(members[b]) == 1):
        return True
    cross = vectors[members[a]] @ vectors[members[b]].T
    return float(cross.mean()) >= GROUP_SIMILARITY


def _join(
    union: UnionFind,
    members: dict[int, list[int]],
    owners: dict[int, set[str]],
    i: int,
    j: int,
    shared: bool = False,
) -> None:
    a, b = union.find(i), union.find(j)
    union.join_apart(i, j, owners, shared=shared)
    root = union.find(i)
    if a != b and root == union.find(j):
        members[root] += members.pop(b if root == a else a)


def _clash(opposed: Opposition | None, sim: float, a: str, b: str) -> bool:
    """Two opposed sentences contradict when they are close enough to be about one fact and
    share its predicate and arguments: a negation elsewhere in a sentence on the same topic
    ("I wasn't surprised because I thought she died …") opposes nothing the other says. A
    denial or a correction frames the other's words, so it may be further in the embedding.
    Numbers the figures find in conflict (``opposed`` None) need only be close."""
    if opposed is None:
        return sim >= CONTRADICTION_SIMILARITY
    if argument_overlap(a, b) < DISPUTE_OVERLAP:
        return False
    disputes = opposed in {Opposition.DENIAL, Opposition.CORRECTION}
    return sim >= (DISPUTE_SIMILARITY if disputes else CONTRADICTION_SIMILARITY)


def _claims(
    articles: Sequence[Article],
    units: list[_Unit],
    union: UnionFind,
    clashes: list[tuple[int, int]],
) -> list[Claim]:
    derived = {a.id: a.derived_from for a in articles}
    order = {
        a.id: (a.published is None, a.published or date.min, k) for k, a in enumerate(articles)
    }
    group_of = {i: g for g, members in enumerate(union.groups()) for i in members}
    in_clash = {group_of[i] for pair in clashes for i in pair}
    # a claim in conflict is shown by its sentence that clashes (in its first clash), so that
    # the two texts a reader sees side by side are the two that contradict
    shown = {group_of[i]: i for pair in reversed(clashes) for i in reversed(pair)}
    kept: dict[int, list[int]] = {}
    for i, g in group_of.items():
        kept.setdefault(g, []).append(i)
    ids: dict[int, str] = {}
    for g, members in kept.items():
        spans = sorted(
            (units[i].span for i in members),
            key=lambda s: (order.get(s.article, (True, "", 0)), s.start),
        )
        ids[g] = content_id(*(f"{s.article}:{s.start}:{s.end}" for s in spans), prefix="c")
        kept[g] = sorted(
            members,
            key=lambda i: (order.get(units[i].span.article, (True, "", 0)), units[i].span.start),
        )
    claims = []
    for g, members in kept.items():
        sources = {units[i].span.article for i in members}
        if len(sources) < 2 and g not in in_clash:
            continue
        independent = sum(1 for s in sources if derived.get(s) not in sources)
        opposed = sorted(
            {
                ids[group_of[y]]
                for i, j in clashes
                for x, y in ((i, j), (j, i))
                if group_of[x] == g and group_of[y] != g
            }
        )
        events = Counter(units[i].event for i in members)
        claims.append(
            Claim(
                ids[g],
                units[shown.get(g, members[0])].span.text,
                tuple(units[i].span for i in members),
                independent,
                tuple(opposed),
                events.most_common(1)[0][0],
            )
        )
    return sorted(claims, key=lambda c: (-c.sources, c.id))
