"""Victims named without a number: who a harm verb or a killing noun counts.

Sentences are written for these tests; each case names the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.victims import find_victims
from accord.model import Article, Scope, VictimMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def victims(sentence: str) -> list[VictimMention]:
    text = f"Test story\n{sentence}\n"
    article = Article.create("test.txt", text, title="Test story", published=date(2026, 2, 3))
    found = find_victims(next(parse_blocks([article], loaded_nlp())))
    for victim in found:
        assert text[victim.span.start : victim.span.end] == victim.span.text
    return found


def counts(sentence: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for victim in victims(sentence):
        found[victim.measure] = found.get(victim.measure, 0) + victim.count
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a singular person noun, passive
        ("A man was shot dead outside the bakery.", {"killed": 1}),
        # coordinated patients add up
        ("A woman and her son were wounded.", {"wounded": 2}),
        # a verb that also takes things still counts a person
        ("The militia executed a soldier at dawn.", {"killed": 1}),
        # a name as the subject of "die"
        ("Tomas Reyes died at the scene.", {"killed": 1}),
        # "shot and killed": the graver measure, once
        ("The cashier was shot and killed during the robbery.", {"killed": 1}),
        # the object of the second of two coordinated verbs
        ("A gunman shot and killed a pharmacist on Elm Street.", {"killed": 1}),
        # "fatally" makes a shooting a killing
        ("A teenager was fatally shot on Friday.", {"killed": 1}),
        # hit, outcome not stated
        ("A bystander was shot in the leg.", {"shot": 1}),
        # a relative clause's noun
        ("Police found a driver who had been shot.", {"shot": 1}),
        # found dead
        ("A hiker was found dead near the trail.", {"killed": 1}),
        # a wound stated by its object
        ("The clerk suffered a gunshot wound to the arm.", {"wounded": 1}),
        # a killing noun with its "of" object
        ("Detectives are investigating the death of a retired teacher.", {"killed": 1}),
        # a body is one person dead
        ("Fishermen found the body of a woman in the lake.", {"killed": 1}),
        # a headline's reduced passive
        ("Man shot, killed in parking garage", {"killed": 1}),
        # a role noun not listed, read by its person ending
        ("A crane operator was killed at the quarry.", {"killed": 1}),
        # a common noun with the person's name beside it
        ("The lifeguard, Nora Quill, was wounded.", {"wounded": 1}),
    ],
)
def test_harms_without_a_number_count_their_victims(
    sentence: str, expected: dict[str, int]
) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody was hurt in the fire.",
        "The two guards were not injured.",
        "The driver could have been killed.",
        "He threatened to kill his neighbor.",
        "The bullet nearly killed the officer.",
        # plural without a number says no count
        "People were wounded in the crush.",
        # a thing, not a person
        "The windshield was shot out.",
        "The team executed its plan on the floor.",
        "The crew executed the rescue flawlessly.",
        # a number is a figure's to count
        "Three men were shot.",
        # a thing killed in the figurative sense
        "The committee killed the bill in March.",
        "Critics say the merger killed the franchise.",
        # a harm the speaker does not think happened
        "I don't think the storm killed anybody's hopes.",
        "I do not believe they have killed the league.",
    ],
)
def test_no_count_where_no_person_was_harmed_or_a_number_counts(sentence: str) -> None:
    assert counts(sentence) == {}


def test_a_victim_in_another_incident_carries_its_scope() -> None:
    (victim,) = victims("In a separate shooting, a woman was wounded.")
    assert victim.frame is not None
    assert victim.frame.scope == Scope.OTHER_INCIDENT


@pytest.mark.parametrize(
    "sentence",
    [
        # a relative clause of wounding, then the main verb of death
        "The guard, who was wounded in the raid, died on Tuesday.",
        "A clerk who was shot in the chest died at the scene.",
        # a participle of wounding after the noun
        "A cook wounded in the blast died at the hospital.",
        # a wounded adjective, and death said as succumbing to the wounds
        "The injured porter succumbed to his wounds.",
    ],
)
def test_a_victim_wounded_and_then_dead_counts_as_killed_once(sentence: str) -> None:
    assert counts(sentence) == {"killed": 1}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The porter was wounded in the raid.", {"wounded": 1}),
        # wounded, and the death denied: still wounded
        ("A cook who was wounded in the blast did not die.", {"wounded": 1}),
        # another verb than death keeps the wound
        ("A cook who was wounded in the blast was taken to a clinic.", {"wounded": 1}),
    ],
)
def test_a_wounded_victim_who_did_not_die_stays_wounded(
    sentence: str, expected: dict[str, int]
) -> None:
    assert counts(sentence) == expected
