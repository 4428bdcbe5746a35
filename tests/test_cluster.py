"""Story clustering over a stream, on vectors written for the test (no models loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from accord.cluster import (
    BUCKET_READ_LIMIT,
    EMBEDDING_DIM,
    LSH_TABLES,
    WINDOW_DAYS,
    Signal,
    StoryIndex,
    day_number,
)

DAY = 739000  # an arbitrary day ordinal (2024)


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def topic(seed: int) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal(EMBEDDING_DIM))


def near(base: np.ndarray, seed: int, noise: float = 0.03) -> np.ndarray:
    return unit(base + noise * np.random.default_rng(seed).standard_normal(EMBEDDING_DIM))


def test_reports_of_the_same_event_join_one_story() -> None:
    index = StoryIndex()
    base = topic(1)
    stories = {index.assign(Signal(f"a{i}", near(base, i), day=DAY)).story for i in range(5)}
    assert len(stories) == 1


def test_unrelated_reports_start_stories_of_their_own() -> None:
    index = StoryIndex()
    results = [index.assign(Signal(f"a{i}", topic(100 + i), day=DAY)) for i in range(6)]
    assert all(r.new_story for r in results)
    assert len({r.story for r in results}) == 6


def test_a_similar_report_outside_the_time_window_starts_a_new_story() -> None:
    index = StoryIndex()
    base = topic(2)
    first = index.assign(Signal("a0", near(base, 0), day=DAY))
    later = index.assign(Signal("a1", near(base, 1), day=DAY + WINDOW_DAYS + 1))
    assert later.new_story and later.story != first.story


def test_shared_named_entities_tip_a_borderline_report_into_the_story() -> None:
    base, other = topic(3), topic(4)
    # between two topics: cosine to the first about 0.5, below the join threshold alone
    borderline = unit(base + 1.7 * other)
    names = frozenset({"gpe:halvern", "org:red cross"})
    without, with_names = StoryIndex(), StoryIndex()
    for index in (without, with_names):
        index.assign(Signal("a0", base, names, DAY))
    assert without.assign(Signal("b", borderline, frozenset(), DAY)).new_story
    assert not with_names.assign(Signal("b", borderline, names, DAY)).new_story


def test_an_undated_report_is_taken_as_news_of_the_latest_day() -> None:
    index = StoryIndex()
    base = topic(5)
    dated = index.assign(Signal("a0", near(base, 0), day=DAY))
    undated = index.assign(Signal("a1", near(base, 1), day=None))
    assert undated.story == dated.story
    assert index.stories[dated.story].last_day == DAY


def test_stories_silent_for_longer_than_the_window_are_closed() -> None:
    index = StoryIndex()
    for i in range(40):
        index.assign(Signal(f"a{i}", topic(200 + i), day=DAY + i))
    assert len(index.stories) <= WINDOW_DAYS + 1
    assert index.clock == DAY + 39


def test_candidates_per_article_are_bounded_however_many_stories_are_open() -> None:
    index = StoryIndex()
    base = topic(6)
    # many distinct but related stories on one day: they crowd the same buckets
    for i in range(400):
        index.assign(Signal(f"a{i}", near(base, i, noise=0.2), day=DAY))
    probe = Signal("probe", near(base, 9999, noise=0.2), day=DAY)
    found = index.candidates(probe, index.keys(probe.vector))
    assert 0 < len(found) <= LSH_TABLES * BUCKET_READ_LIMIT


def test_restoring_from_stored_state_continues_exactly_like_an_uninterrupted_run() -> None:
    signals = [
        Signal(f"a{i}", near(topic(i % 7), i, noise=0.4), frozenset({f"e{i % 3}"}), DAY + i // 5)
        for i in range(60)
    ]
    whole = StoryIndex()
    expected = [whole.assign(s) for s in signals]
    first = StoryIndex()
    head = [first.assign(s) for s in signals[:30]]
    open_ids = set(first.stories)
    states = [_copy(first.stories[k]) for k in sorted(open_ids)]
    members = [
        (a.story, s.vector) for a, s in zip(head, signals[:30], strict=True) if a.story in open_ids
    ]
    resumed = StoryIndex()
    resumed.restore(states, members, first.clock)
    assert head + [resumed.assign(s) for s in signals[30:]] == expected


def _copy(state):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(
        state, vector_sum=state.vector_sum.copy(), entity_counts=dict(state.entity_counts)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", 738946),
        ("2024-03-01T10:00:00", 738946),
        (None, None),
        ("", None),
        ("March 2024", None),
    ],
)
def test_day_number_reads_iso_dates_and_refuses_anything_else(
    text: str | None, expected: int | None
) -> None:
    assert day_number(text) == expected
