"""An open story's running state in the stream clusterer: the sum of its members' vectors,
its entities, lead words and named days, each capped so scoring cost stays bounded however
large the story grows (read by :mod:`accord.cluster`, persisted by :mod:`accord.corpus`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from accord.signals import STREET, Signal

OUTLET = "outlet:"  # prefix of the outlet entry among a story's entity counts
MAX_STORY_ENTITIES = 64  # entities kept per story (most frequent), so scoring cost is bounded
MAX_STORY_TERMS = 128  # lead words kept per story (heaviest), likewise
MAX_STORY_DATES = 16  # named days kept per story (most often named)

_Key = TypeVar("_Key", str, int)
_Weight = TypeVar("_Weight", int, float)


def _capped(counts: dict[_Key, _Weight], limit: int) -> dict[_Key, _Weight]:
    """The ``limit`` heaviest entries (ties by key), so a story's state stays bounded."""
    if len(counts) <= limit:
        return counts
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:limit])


@dataclass
class StoryState:
    """An open story: the running sum of its members' vectors, its entities, lead words and
    named days, its span in news time and its latest position in the stream."""

    id: str
    vector_sum: np.ndarray
    size: int = 0
    entity_counts: dict[str, int] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    term_weights: dict[str, float] = field(default_factory=dict)
    date_counts: dict[int, int] = field(default_factory=dict)
    last_seen: int = 0  # stream position (0-based ingest order) of its latest member

    _centroid: np.ndarray | None = field(default=None, repr=False, compare=False)

    def centroid(self) -> np.ndarray:
        """The unit mean direction (cached until the next :meth:`add`)."""
        if self._centroid is None:
            norm = float(np.linalg.norm(self.vector_sum))
            self._centroid = self.vector_sum / norm if norm else self.vector_sum
        return self._centroid

    def add(self, signal: Signal, position: int) -> None:
        self.vector_sum = (self.vector_sum + signal.vector).astype(np.float32)
        self._centroid = None
        self.size += 1
        self.last_seen = position
        outlet = [OUTLET + signal.outlet] if signal.outlet else []
        for entity in [*signal.entities, *outlet, *(STREET + s for s in signal.streets)]:
            self.entity_counts[entity] = self.entity_counts.get(entity, 0) + 1
        self.entity_counts = _capped(self.entity_counts, MAX_STORY_ENTITIES)
        terms = dict(self.term_weights)
        for term, weight in signal.terms.items():
            terms[term] = round(terms.get(term, 0.0) + weight, 6)
        self.term_weights = _capped(terms, MAX_STORY_TERMS)
        for day in signal.dates:
            self.date_counts[day] = self.date_counts.get(day, 0) + 1
        self.date_counts = _capped(self.date_counts, MAX_STORY_DATES)
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
