"""Mentions located by offset: the sentence that holds a span, the mentions inside a sentence.

A long article has thousands of sentences, dates and figures; scanning all of them for each
mention made the cross-source stages quadratic in the article's length (a 1.1 MB article
spent minutes there). :class:`Spans` sorts a sequence of spans once and answers each
question with a bisection. Answers are exactly those of the scans they replace: the first
match in the original order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from accord.model import DateMention, Extraction, FigureMention, Span

T = TypeVar("T")


class Spans(Generic[T]):
    """Items with a span (sentences, dates, figures), indexed by where their span starts."""

    def __init__(self, items: Sequence[T], span: Callable[[T], Span]) -> None:
        self._items = tuple(items)
        order = sorted(range(len(self._items)), key=lambda k: span(self._items[k]).start)
        self._order = tuple(order)
        self._starts = tuple(span(self._items[k]).start for k in order)
        self._ends = tuple(span(self._items[k]).end for k in order)
        # longest span, so that a search for spans holding a point can stop early
        widths = (e - s for s, e in zip(self._starts, self._ends, strict=True))
        self._widest = max(widths, default=0)

    def inside(self, start: int, end: int, whole: bool = True) -> list[T]:
        """Items whose span lies in ``[start, end)`` (``whole``), or merely starts there, in
        their original order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        found = [k for k in range(lo, hi) if not whole or self._ends[k] <= end]
        return [self._items[self._order[k]] for k in sorted(found, key=self._order.__getitem__)]

    def holding(self, start: int, end: int) -> T | None:
        """The first item, in the original order, whose span holds ``[start, end)``."""
        hi = bisect_right(self._starts, start)
        lo = bisect_left(self._starts, start - self._widest, 0, hi)
        found = [self._order[k] for k in range(lo, hi) if end <= self._ends[k]]
        return self._items[min(found)] if found else None


class Located:
    """One extraction's sentences, dates and figures, each indexed by offset."""

    def __init__(self, extraction: Extraction) -> None:
        self.sentences: Spans[Span] = Spans(extraction.sentences, lambda s: s)
        self.dates: Spans[DateMention] = Spans(extraction.dates, lambda d: d.span)
        self.figures: Spans[FigureMention] = Spans(extraction.figures, lambda f: f.span)
