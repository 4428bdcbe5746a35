"""Stories over a stream: each new article joins an existing story or starts one.

An article is described by a :class:`Signal` (its unit embedding, its named entities and the
day it was published). :class:`StoryIndex` keeps the *open* stories in memory and answers
"which story does this article belong to?" without comparing it to the whole corpus:

* **Blocking (ANN).** Random-hyperplane LSH (Charikar 2002): ``LSH_TABLES`` tables, each
  hashing a vector to ``LSH_BITS`` sign bits. Every member article files its story under its
  own bucket keys, so a new article only meets stories that have a member in one of its
  buckets. Each bucket is read most-recent-first and at most ``BUCKET_READ_LIMIT`` stories are
  taken from it, so the number of candidates per article is bounded by a constant.
* **Time window.** A story is a candidate only while the article's day is within
  ``WINDOW_DAYS`` of the story's span; stories silent for longer than the window are closed
  (evicted from memory, kept in the store), so memory follows the news rate, not the corpus.
* **Confirmation.** Each candidate is scored by the cosine between the article and the
  story's centroid plus ``ENTITY_WEIGHT`` times the share of the article's entities the
  story already mentions; the best candidate at or above ``JOIN_THRESHOLD`` wins.

The index is a pure function of what has been assigned, in order: :meth:`StoryIndex.restore`
rebuilds exactly the state an uninterrupted run would have (the store relies on this to make
an interrupted ingest resumable with identical results).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from accord.model import content_id

EMBEDDING_DIM = 384  # all-MiniLM-L6-v2 (see accord.nlp.embed)
LSH_TABLES = 12  # with 4 bits, two texts at cosine 0.7 share a bucket in >= 1 table 98% of runs
LSH_BITS = 4
LSH_SEED = 20240601  # fixed: the hyperplanes must be the same in every process and every run
BUCKET_READ_LIMIT = 16  # most recent stories read per bucket: caps candidates at 12 * 16
WINDOW_DAYS = 7  # a story stays open a week after its last article (news cycle)
JOIN_THRESHOLD = 0.6  # score to join a story; below it the article starts a new one
ENTITY_WEIGHT = 0.25  # weight of shared named entities next to the cosine
MAX_STORY_ENTITIES = 64  # entities kept per story (most frequent), so scoring cost is bounded


def day_number(date: str | None) -> int | None:
    """``YYYY-MM-DD`` (or a longer ISO string) as a day ordinal; ``None`` when absent or bad."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Signal:
    """What clustering needs to know about one article."""

    article: str
    vector: np.ndarray  # unit length, float32
    entities: frozenset[str] = frozenset()
    day: int | None = None  # publication day ordinal; None when the article is undated


@dataclass
class StoryState:
    """An open story: the running sum of its members' vectors, its entities and its span."""

    id: str
    vector_sum: np.ndarray
    size: int = 0
    entity_counts: dict[str, int] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None

    _centroid: np.ndarray | None = field(default=None, repr=False, compare=False)

    def centroid(self) -> np.ndarray:
        """The unit mean direction (cached until the next :meth:`add`)."""
        if self._centroid is None:
            norm = float(np.linalg.norm(self.vector_sum))
            self._centroid = self.vector_sum / norm if norm else self.vector_sum
        return self._centroid

    def add(self, signal: Signal) -> None:
        self.vector_sum = (self.vector_sum + signal.vector).astype(np.float32)
        self._centroid = None
        self.size += 1
        for entity in signal.entities:
            self.entity_counts[entity] = self.entity_counts.get(entity, 0) + 1
        if len(self.entity_counts) > MAX_STORY_ENTITIES:
            ranked = sorted(self.entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))
            self.entity_counts = dict(ranked[:MAX_STORY_ENTITIES])
        if signal.day is not None:
            self.first_day = (
                signal.day if self.first_day is None else min(self.first_day, signal.day)
            )
            self.last_day = signal.day if self.last_day is None else max(self.last_day, signal.day)

    def days_apart(self, day: int | None) -> int:
        """Days between ``day`` and the story's span (0 inside it or when either is undated)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, the score that put it there, and whether it is new."""

    article: str
    story: str
    score: float
    new_story: bool


class StoryIndex:
    """The open stories and their LSH buckets (see the module docstring)."""

    def __init__(self, dim: int = EMBEDDING_DIM) -> None:
        rng = np.random.default_rng(LSH_SEED)
        self._planes = rng.standard_normal((LSH_TABLES * LSH_BITS, dim)).astype(np.float32)
        self._weights = (1 << np.arange(LSH_BITS)).astype(np.int64)
        # one dict per table: bucket key -> {story id: None}, insertion order = recency
        self._buckets: list[dict[int, dict[str, None]]] = [{} for _ in range(LSH_TABLES)]
        self._story_keys: dict[str, set[tuple[int, int]]] = {}
        self.stories: dict[str, StoryState] = {}
        self.clock: int | None = None  # the latest publication day seen
        self._touched: dict[str, StoryState] = {}  # stories changed since take_touched()

    def keys(self, vector: np.ndarray) -> list[int]:
        """The vector's bucket key in each LSH table."""
        bits = (self._planes @ vector > 0).reshape(LSH_TABLES, LSH_BITS).astype(np.int64)
        return [int(k) for k in bits @ self._weights]

    def candidates(self, signal: Signal, keys: list[int]) -> list[StoryState]:
        """Open stories sharing a bucket with the article, within the time window."""
        seen: dict[str, StoryState] = {}
        for table, key in enumerate(keys):
            bucket = self._buckets[table].get(key)
            if not bucket:
                continue
            for story_id in islice(reversed(bucket), BUCKET_READ_LIMIT):
                story = self.stories[story_id]
                if story_id not in seen and story.days_apart(signal.day) <= WINDOW_DAYS:
                    seen[story_id] = story
        return list(seen.values())

    def score(self, signal: Signal, story: StoryState) -> float:
        cosine = float(signal.vector @ story.centroid())
        if not signal.entities:
            return cosine
        shared = sum(1 for e in signal.entities if e in story.entity_counts)
        return cosine + ENTITY_WEIGHT * shared / len(signal.entities)

    def assign(self, signal: Signal) -> Assignment:
        """Put one article into its best open story, or open a new one; returns where."""
        signal = self._dated(signal)
        keys = self.keys(signal.vector)
        best: StoryState | None = None
        best_score = -1.0
        for story in self.candidates(signal, keys):
            value = self.score(signal, story)
            # ties go to the smaller id, so the choice never depends on dict order
            if value > best_score or (value == best_score and best and story.id < best.id):
                best, best_score = story, value
        new_story = best is None or best_score < JOIN_THRESHOLD
        if new_story:
            best = StoryState(
                content_id(signal.article, prefix="s"),
                np.zeros_like(signal.vector, dtype=np.float32),
            )
            self.stories[best.id] = best
        assert best is not None
        self._file(best, signal, keys)
        self._advance(signal.day, best)
        return Assignment(signal.article, best.id, round(max(best_score, 0.0), 6), new_story)

    def _dated(self, signal: Signal) -> Signal:
        """An undated article is taken to be news of the latest day seen (stream order)."""
        if signal.day is not None or self.clock is None:
            return signal
        return Signal(signal.article, signal.vector, signal.entities, self.clock)

    def take_touched(self) -> list[StoryState]:
        """The stories changed since the last call (closed ones included), sorted by id."""
        touched, self._touched = self._touched, {}
        return [touched[k] for k in sorted(touched)]

    def _file(self, story: StoryState, signal: Signal, keys: list[int]) -> None:
        story.add(signal)
        self._touched[story.id] = story
        filed = self._story_keys.setdefault(story.id, set())
        for table, key in enumerate(keys):
            bucket = self._buckets[table].setdefault(key, {})
            bucket.pop(story.id, None)  # move to the most recent end
            bucket[story.id] = None
            filed.add((table, key))

    def _advance(self, day: int | None, touched: StoryState) -> None:
        """Move the clock forward and close stories silent for longer than the window.

        Invariant after every assignment: each open story is undated or ends within the
        window of the clock (exactly what :meth:`restore` loads). The full scan runs only when
        the clock moves, i.e. once per news day, not once per article.
        """
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
            horizon = day - WINDOW_DAYS
            for story_id in [
                s.id
                for s in self.stories.values()
                if s.last_day is not None and s.last_day < horizon
            ]:
                self.close(story_id)
        horizon_now = self.open_horizon()
        if (
            horizon_now is not None
            and touched.last_day is not None
            and touched.last_day < horizon_now
        ):
            self.close(touched.id)  # a late report of an old story: filed, and closed again

    def close(self, story_id: str) -> None:
        """Forget a story (it stays in the store); its bucket entries go with it."""
        self.stories.pop(story_id, None)
        for table, key in self._story_keys.pop(story_id, set()):
            bucket = self._buckets[table].get(key)
            if bucket is not None:
                bucket.pop(story_id, None)
                if not bucket:
                    del self._buckets[table][key]

    def restore(
        self,
        stories: Iterable[StoryState],
        members: Iterable[tuple[str, np.ndarray]],
        clock: int | None,
    ) -> None:
        """Rebuild the state of an uninterrupted run from stored stories and members.

        ``stories`` are the open stories as stored; ``members`` are ``(story id, vector)`` of
        their articles in ingestion order (replayed into the buckets only).
        """
        self.stories = {s.id: s for s in stories}
        self.clock = clock
        for story_id, vector in members:
            if story_id not in self.stories:
                continue
            filed = self._story_keys.setdefault(story_id, set())
            for table, key in enumerate(self.keys(vector)):
                bucket = self._buckets[table].setdefault(key, {})
                bucket.pop(story_id, None)
                bucket[story_id] = None
                filed.add((table, key))

    def open_horizon(self) -> int | None:
        """The oldest ``last_day`` a story may have and still be open (for the store's query)."""
        return None if self.clock is None else self.clock - WINDOW_DAYS
