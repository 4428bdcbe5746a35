"""Locating mentions by offset answers exactly what a scan of every mention answers."""

from __future__ import annotations

import random

import pytest

from accord.locate import Spans
from accord.model import Span


def spans(seed: int, count: int, width: int) -> list[Span]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        start = rng.randrange(0, 2000)
        out.append(Span("a", start, start + rng.randint(1, width), "x"))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_spans_inside_an_interval_come_in_their_original_order(seed: int) -> None:
    items = spans(seed, 300, 40)
    index = Spans(items, lambda s: s)
    for outer in spans(seed + 100, 50, 400):
        whole = [s for s in items if outer.start <= s.start and s.end <= outer.end]
        starting = [s for s in items if outer.start <= s.start < outer.end]
        assert index.inside(outer.start, outer.end) == whole
        assert index.inside(outer.start, outer.end, whole=False) == starting


@pytest.mark.parametrize("seed", range(5))
def test_the_span_holding_a_mention_is_the_first_a_scan_finds(seed: int) -> None:
    sentences = spans(seed, 200, 300)
    index = Spans(sentences, lambda s: s)
    for mention in spans(seed + 50, 100, 20):
        scan = next(
            (s for s in sentences if s.start <= mention.start and mention.end <= s.end), None
        )
        assert index.holding(mention.start, mention.end) == scan


def test_nothing_holds_a_mention_outside_every_span() -> None:
    index = Spans([Span("a", 0, 10, "x"), Span("a", 20, 30, "y")], lambda s: s)
    assert index.holding(12, 15) is None
    assert index.inside(11, 19) == []
