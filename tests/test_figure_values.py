"""What the numbers two sentences state say together (accord.figure_values), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from accord.figure_values import KeyedInterval, intervals_clash, stated_values
from accord.model import Article, FigureMention, Span
from accord.vocab import Measure, Period

KILLED = "killed|cumulative"


def stated(
    text: str, *numbers: tuple[str, float | None, float | None, Measure, str]
) -> tuple[KeyedInterval, ...]:
    """The values ``text`` states, each figure given as (number as written, low, high,
    measure, counted noun), found in that order."""
    art = Article.create("t.txt", text)
    mentions, start = [], 0
    for needle, low, high, measure, counted in numbers:
        start = art.original.index(needle, start)
        span = Span.of(art, start, start + len(needle))
        mentions.append(FigureMention(span, low, high, measure=measure, counted=counted))
        start = span.end
    return stated_values(mentions)


def test_a_quantity_given_twice_in_one_rendering_does_not_clash_with_itself() -> None:
    twice = ((KILLED, (2.0, 2.0)), (KILLED, (1.0, 1.0)))
    assert not intervals_clash(twice, twice)
    assert intervals_clash(twice, ((KILLED, (3.0, 3.0)),))
    assert not intervals_clash(twice, (("wounded|cumulative", (3.0, 3.0)),))


def test_a_range_and_a_point_of_one_quantity_clash_only_when_neither_fits() -> None:
    told = ((KILLED, (10.0, 20.0)), (KILLED, (12.0, 12.0)))
    assert not intervals_clash(told, ((KILLED, (15.0, 15.0)),))
    assert intervals_clash(told, ((KILLED, (30.0, 30.0)),))


def test_parts_of_one_toll_add_up_to_the_whole() -> None:
    parts = stated(
        "Two nurses and one porter died in the fire.",
        ("Two", 2, 2, Measure.KILLED, "nurses"),
        ("one", 1, 1, Measure.KILLED, "porter"),
    )
    assert (KILLED, (3.0, 3.0)) in parts
    assert not intervals_clash(parts, ((KILLED, (3.0, 3.0)),))
    assert intervals_clash(parts, ((KILLED, (5.0, 5.0)),))


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # a total and one part: the total is already stated
        (
            "Three people died, two of them nurses.",
            [("Three", 3, 3, Measure.KILLED, "people"), ("two", 2, 2, Measure.KILLED, "nurses")],
        ),
        # one group counted twice is one quantity told twice
        (
            "Four nurses died; the four nurses worked nights.",
            [("Four", 4, 4, Measure.KILLED, "nurses"), ("four", 4, 4, Measure.KILLED, "nurses")],
        ),
        # a range is no part
        (
            "Ten to twelve nurses and one porter died.",
            [
                ("Ten to twelve", 10, 12, Measure.KILLED, "nurses"),
                ("one", 1, 1, Measure.KILLED, "porter"),
            ],
        ),
        # an open end is no part
        (
            "More than ten nurses and one porter died.",
            [
                ("More than ten", 10, None, Measure.KILLED, "nurses"),
                ("one", 1, 1, Measure.KILLED, "porter"),
            ],
        ),
        # two sums of money are rarely parts of a third
        (
            "The city paid $4 million for the land and $2 million for the design.",
            [
                ("$4 million", 4e6, 4e6, Measure.MONEY, "land"),
                ("$2 million", 2e6, 2e6, Measure.MONEY, "design"),
            ],
        ),
    ],
)
def test_only_point_values_of_distinct_groups_of_people_add_up(
    text: str, numbers: list[tuple[str, float | None, float | None, Measure, str]]
) -> None:
    values = stated(text, *numbers)
    assert len(values) == len(numbers)


def test_parts_add_up_only_within_one_period() -> None:
    art = Article.create("t.txt", "Two nurses died on Monday and one porter this week.")
    nurses = FigureMention(Span.of(art, 0, 3), 2, 2, measure=Measure.KILLED, counted="nurses")
    porter = FigureMention(
        Span.of(art, 32, 35),
        1,
        1,
        measure=Measure.KILLED,
        counted="porter",
        period=Period("within the last week"),
    )
    assert len(stated_values([nurses, porter])) == 2


def test_a_bare_count_that_names_nothing_it_counts_states_no_quantity() -> None:
    unnamed = stated("The coach, 48, spent 11 seasons here.", ("48", 48, 48, Measure.COUNT, ""))
    seasons = stated("The coach spent 11 seasons here.", ("11", 11, 11, Measure.COUNT, "seasons"))
    assert unnamed == ()
    assert seasons == (("count:seasons|cumulative", (11.0, 11.0)),)
