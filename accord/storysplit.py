"""Revising a story over a stream: split it when its members report two happenings, move
reports that belong to another story, merge it with another story that reports the same one.

A stream clusterer decides one article at a time; the first report of a second happening of
one kind (a second earthquake, another shelter bombed) can join the first happening's story
while that story is one or two articles and shares its names. Once the story has grown, the
dossier's document event split (:mod:`accord.events`: TF-IDF of leads and proper names,
average linkage) sees all its members at once and tells the two happenings apart far better.
So when a story gains members and is large enough, its members are split into events; when
one event (not the one holding the story's first article) is large and shares little with the
rest, it becomes a story of its own.

A story that follows one happening over weeks (deaths announced, then a capture) stays whole:
a part is split off only when its average similarity to the rest is below
``SPLIT_SEPARATION``, far under the linkage floor that groups events inside a dossier, or when
the top-level two-way split of the members (average linkage) leaves two sides whose members
are alike among themselves and unlike across (``SPLIT_CONTRAST``): two bouts of one boxer read
alike to the linkage floor, but each report is far more like the reports of its own bout.

One happening may also be spread over several stories (a follow-up reading unlike the first
report). A story that grew is compared with the few stories the index's blocking finds for it
(:func:`merge_candidates`) under the same measure, and merged when their members are alike
(``MERGE_SIMILARITY``, above ``SPLIT_SEPARATION``), share names, and :func:`split_off` would
not cut the union again, so a merge is never undone by the next split.

A few reports of a second happening can sit inside a grown story of the first, too few for a
split, while their own happening has a story of its own. :func:`move` compares each report of
a grown story and of its candidates with both stories' members and moves the reports that are
far more like the other story (``MOVE_MARGIN``) and share its names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from accord.cluster import Signal, StoryIndex
from accord.events import (
    EVENT_LEAD_SIMILARITY,
    Anchor,
    anchor_similarity,
    article_anchor,
    cluster_anchors,
    top_split,
    within_similarity,
)
from accord.model import Article, Extraction, content_id
from accord.signals import story_streets, streets_clash

# Chosen on ECB+ train/dev topics as a stream (evaluation/eval_ecbplus_stream.py --recluster;
# test topics 36-45 never used to choose):
SPLIT_MIN_SIZE = 8  # a story is revised from this many members on
SPLIT_MIN_PART = 4  # each side of a split holds at least this many articles
SPLIT_SEPARATION = 0.07  # most average similarity between the part and the rest (linkage: 0.0875)
# ... or at most this share of the sides' average similarity within (train/dev, where the
# separation keeps a story whole: stories of two events at 0.29-0.34, of one from 0.36 on)
SPLIT_CONTRAST = 0.35
SPLIT_SHARED_NAMES = 0.5  # most share of named entities the two sides have in common
SPLIT_MAX_SIZE = 200  # larger stories are not revised: linkage is cubic in the members
MERGE_CANDIDATES = 3  # stories (nearest by centroid) a grown story is compared with
MERGE_SHARED_NAMES = 0.15  # least share of named entities in common (see shared_names)
MERGE_SIMILARITY = 0.09  # least average similarity of two stories' members to merge them
# A report moves to another story when its average similarity to that story's members is at
# least this much above its average similarity to its own story's other members:
MOVE_MARGIN = 0.08


@dataclass(frozen=True)
class Member:
    """A story member as the split needs it: the text, what was extracted, its signal, its
    stream position, and its anchor (the document event split's view of it, found once, as
    revising one batch compares a member with several stories)."""

    article: Article
    extraction: Extraction
    signal: Signal
    position: int
    anchor: Anchor = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchor", article_anchor(self.article, self.extraction))


def similarity_of(members: Sequence[Member]) -> np.ndarray:
    """The document event split's pairwise similarity of the members (fitted over them)."""
    return anchor_similarity([m.anchor for m in members])


def split_off(members: Sequence[Member], similarity: np.ndarray | None = None) -> list[int]:
    """Indexes (into ``members``, in stream order) of the part to split off; empty when the
    story stays whole (see the module docstring). ``similarity``: :func:`similarity_of` the
    members, when the caller has it."""
    if not SPLIT_MIN_SIZE <= len(members) <= SPLIT_MAX_SIZE:
        return []
    if similarity is None:
        similarity = similarity_of(members)
    groups = cluster_anchors(similarity, EVENT_LEAD_SIMILARITY)
    others = sorted((g for g in groups if 0 not in g), key=lambda g: (-len(g), g))
    for part in [*others[:1], second_side(similarity)]:
        rest = [i for i in range(len(members)) if i not in set(part)]
        if min(len(part), len(rest)) < SPLIT_MIN_PART:
            continue
        between = float(np.mean(similarity[np.ix_(part, rest)]))
        within = (within_similarity(similarity, part) + within_similarity(similarity, rest)) / 2
        apart = between <= SPLIT_SEPARATION or between <= SPLIT_CONTRAST * within
        if apart and shared_names(members, part, rest) <= SPLIT_SHARED_NAMES:
            return part
    return []


def second_side(similarity: np.ndarray) -> list[int]:
    """The side without the first article of the top-level two-way split of average linkage
    over ``similarity`` (:func:`accord.events.top_split`)."""
    left, right = top_split(similarity)
    return right if 0 in left else left


def shared_names(members: Sequence[Member], part: Sequence[int], rest: Sequence[int]) -> float:
    """Share of the named entities of the side that names fewer that the other names too:
    one happening's reports over weeks keep naming its people and places."""
    ours = {e for i in part for e in members[i].signal.entities}
    theirs = {e for i in rest for e in members[i].signal.entities}
    fewer = min(len(ours), len(theirs))
    return len(ours & theirs) / fewer if fewer else 0.0


def separation(members: Sequence[Member]) -> float | None:
    """The average similarity between the largest event without the first member and the
    rest (what :func:`split_off` compares with ``SPLIT_SEPARATION``); None with one event."""
    similarity = similarity_of(members)
    others = [g for g in cluster_anchors(similarity) if 0 not in g]
    if not others:
        return None
    part = max(others, key=len)
    rest = [i for i in range(len(members)) if i not in set(part)]
    return float(np.mean(similarity[np.ix_(part, rest)]))


@dataclass(frozen=True)
class Split:
    """A story split in two: the articles that moved to the new story."""

    story: str  # the story split
    new_story: str
    articles: tuple[str, ...]


def revise(index: StoryIndex, story_id: str, members: Sequence[Member]) -> Split | None:
    """Split the story in ``index`` when :func:`split_off` finds a part (see the module
    docstring); the index then holds both stories, as touched. Returns the split, else None."""
    part = split_off(members)
    if not part:
        return None
    chosen = set(part)
    new_id = content_id(members[part[0]].article.id, prefix="s")
    index.rebuild(
        [story_id],
        [
            (story_id, [(m.signal, m.position) for i, m in enumerate(members) if i not in chosen]),
            (new_id, [(members[i].signal, members[i].position) for i in part]),
        ],
    )
    return Split(story_id, new_id, tuple(members[i].article.id for i in part))


def merge_candidates(index: StoryIndex, story_id: str) -> list[str]:
    """The open stories the story may be merged with: those the index's blocking (LSH buckets,
    rare names) finds for its centroid and names, the ``MERGE_CANDIDATES`` nearest by centroid
    cosine (bounded like one article's assignment). Publication days are not held against
    them: both stories are open, and reports of one happening may be published far apart (on
    ECB+ train/dev, the window cost 0.02 F1). Nor are the days their texts name: a report
    that recalls an old date (an attack years before) would clash with its own story; the
    merge's measure weighs the days of each report's lead instead."""
    story = index.stories.get(story_id)
    if story is None:
        return []
    probe = Signal(
        story_id,
        story.centroid(),
        frozenset(story.entity_counts),
        None,  # no publication window (see the docstring)
        story.term_weights,
        frozenset(story.date_counts),
    )
    found = [
        s
        for s in index.candidates(probe, index.keys(probe.vector))
        if s.id != story_id and s.size + story.size <= SPLIT_MAX_SIZE
    ]
    ranked = sorted(found, key=lambda s: (-float(probe.vector @ s.centroid()), s.id))
    return [s.id for s in ranked[:MERGE_CANDIDATES]]


def togetherness(
    ours: Sequence[Member], theirs: Sequence[Member], similarity: np.ndarray | None = None
) -> float | None:
    """The average similarity between the two stories' members under the document event
    split's measure, or None when the union would be split again (:func:`split_off`).
    ``similarity``: :func:`similarity_of` the union in stream order, when the caller has it."""
    union = sorted([*ours, *theirs], key=lambda m: m.position)
    mine = {m.article.id for m in ours}
    if similarity is None:
        similarity = similarity_of(union)
    a = [i for i, m in enumerate(union) if m.article.id in mine]
    b = [i for i, m in enumerate(union) if m.article.id not in mine]
    if split_off(union, similarity) or shared_names(union, a, b) < MERGE_SHARED_NAMES:
        return None
    return float(np.mean(similarity[np.ix_(a, b)]))


@dataclass(frozen=True)
class Merge:
    """Two stories merged: the one that keeps its id (the older) and the one that is gone."""

    story: str
    gone: str
    articles: tuple[str, ...]  # the members that moved from ``gone`` to ``story``


def merge(
    index: StoryIndex, story_id: str, members_of: Callable[[str], Sequence[Member]]
) -> Merge | None:
    """Merge the story with the candidate (:func:`merge_candidates`) its members are most
    alike, when that similarity is at least ``MERGE_SIMILARITY`` (well above the split's
    ``SPLIT_SEPARATION``), their names meet (:func:`names_meet`) and the union is not one
    the split would cut again. ``members_of``
    gives a story's members in stream order. The index then holds the merged story."""
    members = {story_id: members_of(story_id)}
    best: tuple[float, str] | None = None
    for other in merge_candidates(index, story_id):
        members[other] = members_of(other)
        if not names_meet(index, story_id, members[story_id], other):
            continue
        value = togetherness(members[story_id], members[other])
        if value is not None and value >= MERGE_SIMILARITY and (best is None or value > best[0]):
            best = (value, other)
    if best is None:
        return None
    pair = [story_id, best[1]]
    keep, gone = sorted(pair, key=lambda s: members[s][0].position)
    union = sorted([*members[keep], *members[gone]], key=lambda m: m.position)
    index.rebuild([keep, gone], [(keep, [(m.signal, m.position) for m in union])])
    return Merge(keep, gone, tuple(m.article.id for m in members[gone]))


def names_meet(index: StoryIndex, story_id: str, ours: Sequence[Member], other: str) -> bool:
    """Whether a member of ours whose opening names someone or something could join the
    other story free of the index's nameless gate (:meth:`StoryIndex.nameless`): a merge is
    a join of many articles at once, so it needs what one article's join needs, and a report
    that names nobody is no evidence for it. Two routine reports of one kind (two shootings
    on two streets) read alike by template; their opening names tell them apart, and so do
    the streets the two stories open on (:func:`accord.signals.streets_clash`)."""
    state, own = index.stories.get(other), index.stories.get(story_id)
    if state is None:
        return False
    if own is not None and streets_clash(story_streets(own.entity_counts), state.entity_counts):
        return False
    return any(m.signal.opening and index.nameless(m.signal, state) == 0.0 for m in ours)


@dataclass(frozen=True)
class Move:
    """Reports moved from one story to another; both stories stay."""

    story: str  # the story they left
    to: str
    articles: tuple[str, ...]


def misplaced(
    ours: Sequence[Member], theirs: Sequence[Member], similarity: np.ndarray | None = None
) -> list[int]:
    """Indexes into ``ours`` of the reports that belong with ``theirs``: their average
    similarity to ``theirs`` (the split's measure over the union) is ``MOVE_MARGIN`` above
    their average similarity to the rest of ``ours``, and they share ``theirs``' names. At
    most a third of ``ours`` moves (more is a split or a merge), and only to a story of at
    least ``SPLIT_MIN_PART`` members, whose average is not one report's chance.
    ``similarity``: :func:`similarity_of` ``[*ours, *theirs]``, when the caller has it."""
    if len(ours) < 3 or len(theirs) < SPLIT_MIN_PART:
        return []
    union = [*ours, *theirs]
    if similarity is None:
        similarity = similarity_of(union)
    own, other = range(len(ours)), list(range(len(ours), len(union)))
    found = []
    for i in own:
        alike = (float(similarity[i, : len(ours)].sum()) - similarity[i, i]) / (len(ours) - 1)
        if float(np.mean(similarity[i, other])) - alike >= MOVE_MARGIN and (
            shared_names(union, [i], other) >= MERGE_SHARED_NAMES
        ):
            found.append(i)
    return found if 3 * len(found) <= len(ours) else []


def move(
    index: StoryIndex, story_id: str, members_of: Callable[[str], Sequence[Member]]
) -> Move | None:
    """Move the misplaced reports (:func:`misplaced`) between the story and the first of its
    candidates (:func:`merge_candidates`) where some are found, the story's own first; a
    candidate that :func:`merge` would join is left to it. The index then holds both stories
    rebuilt. ``members_of`` gives a story's members in stream
    order. Returns the move, else None. The similarity over both stories' members is
    computed once a candidate, for the merge test and both directions of the move."""
    ours = members_of(story_id)
    for other in merge_candidates(index, story_id):
        theirs = members_of(other)
        union = sorted([*ours, *theirs], key=lambda m: m.position)
        similarity = similarity_of(union)
        row = {m.article.id: i for i, m in enumerate(union)}
        together = togetherness(ours, theirs, similarity)
        if together is not None and together >= MERGE_SIMILARITY:
            continue  # one happening: merged, not picked apart
        for source, target, leaving, staying in (
            (story_id, other, ours, theirs),
            (other, story_id, theirs, ours),
        ):
            index_of = [row[m.article.id] for m in [*leaving, *staying]]
            found = set(misplaced(leaving, staying, similarity[np.ix_(index_of, index_of)]))
            if not found:
                continue
            left = [m for i, m in enumerate(leaving) if i not in found]
            joined = sorted([*staying, *(leaving[i] for i in found)], key=lambda m: m.position)
            index.rebuild(
                [source, target],
                [
                    (source, [(m.signal, m.position) for m in left]),
                    (target, [(m.signal, m.position) for m in joined]),
                ],
            )
            return Move(source, target, tuple(leaving[i].article.id for i in sorted(found)))
    return None


class Revisions(Protocol):
    """Where revising a batch's stories reads their members and keeps what it changes: the
    store (:mod:`accord.corpus`) or the stream evaluation's replay in memory. When a method
    is called the index already holds the change; ``members`` gives the stories as changed
    from then on, in stream order."""

    def members(self, story_id: str) -> Sequence[Member]: ...

    def split(self, found: Split) -> None: ...

    def moved(self, found: Move) -> None: ...

    def merged(self, found: Merge) -> None: ...


def revise_grown(
    index: StoryIndex,
    grown: Iterable[str],
    kept: Revisions,
    *,
    splits: bool = True,
    moves: bool = True,
    merges: bool = True,
) -> None:
    """Revise the stories a batch grew, in the one order ``accord ingest`` and its replay
    share: every one (by id) split when it reports two happenings (:func:`revise`), then every
    one's misplaced reports moved (:func:`move`), then every one merged with a story of its
    happening (:func:`merge`). A step can be left out (the evaluation's ablations). A story
    smaller than ``SPLIT_MIN_SIZE`` is not split; one larger than ``SPLIT_MAX_SIZE``, or no
    longer in the index, is not revised at all."""
    order = sorted(set(grown))
    for story_id in order if splits else []:
        state = index.stories.get(story_id)
        if state is None or not SPLIT_MIN_SIZE <= state.size <= SPLIT_MAX_SIZE:
            continue
        split = revise(index, story_id, kept.members(story_id))
        if split is not None:
            kept.split(split)
    for story_id in order if moves else []:
        moved = move(index, story_id, kept.members) if _revisable(index, story_id) else None
        if moved is not None:
            kept.moved(moved)
    for story_id in order if merges else []:
        joined = merge(index, story_id, kept.members) if _revisable(index, story_id) else None
        if joined is not None:
            kept.merged(joined)


def _revisable(index: StoryIndex, story_id: str) -> bool:
    """A story still in the index and small enough to move reports from or merge (the
    linkage that compares members is cubic in them)."""
    state = index.stories.get(story_id)
    return state is not None and state.size <= SPLIT_MAX_SIZE
