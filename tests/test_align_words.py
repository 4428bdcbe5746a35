"""The words claims are compared on, on sentences written for these tests."""

from __future__ import annotations

import pytest

from accord.align_words import NAME_WEIGHT, claim_overlap, plain
from accord.blocking import argument_overlap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the driver's brother", "the driver brother"),
        ("Mayor Ortiz’s plan", "Mayor Ortiz plan"),
        ("the drivers' union", "the drivers' union"),  # a plural's apostrophe stays
    ],
)
def test_possessive_endings_are_folded(text: str, expected: str) -> None:
    assert plain(text) == expected


def test_a_possessive_and_a_plain_noun_are_one_argument() -> None:
    a = "Police questioned the driver's brother."
    b = "The driver and his brother were questioned by police."
    assert claim_overlap(a, b) == 1
    assert argument_overlap(a, b) < 1


def test_a_shared_name_counts_less_than_a_shared_predicate() -> None:
    a = "Reporters followed Manafort into the courthouse."
    named = "Prosecutors expect Manafort to cooperate fully."
    acted = "Reporters followed the senator into the courthouse."
    assert claim_overlap(a, named) == pytest.approx(NAME_WEIGHT * argument_overlap(a, named))
    assert 0 < claim_overlap(a, named) < claim_overlap(a, acted)


def test_topic_words_are_no_argument() -> None:
    a = "Floods closed the northern bridge."
    b = "Floods damaged crops in the valley."
    assert claim_overlap(a, b) > 0
    assert claim_overlap(a, b, frozenset({"flood"})) == 0
