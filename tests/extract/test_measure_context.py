"""A figure's measure from its clause: tolls, injuries, homes left, people reported missing.

Sentences are written for these tests; each names the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract import extract_all
from accord.model import Article
from tests.models import loaded_nlp


def measures(sentence: str) -> dict[str, str]:
    text = f"Test story\n{sentence}\n"
    article = Article.create("test.txt", text, title="Test story", published=date(2026, 2, 2))
    (extraction,) = extract_all([article], loaded_nlp())
    return {f.span.text: f.measure for f in extraction.figures}


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # a number reached through "to"/"at" is the value of the verb's measure noun
        ("The regional death toll climbed to 42 by the evening.", "42", "killed"),
        ("Police put the toll at 9.", "9", "killed"),
        ("The casualty toll rose to 230 overnight.", "230", "killed_or_wounded"),
        # the cause a verb's patients are treated or admitted for
        ("Some 35 passengers were treated for injuries at the scene.", "Some 35", "wounded"),
        ("About 80 workers were hospitalised with burns and injuries.", "About 80", "wounded"),
        # leaving home is displacement
        ("The fire drove 600 families from their homes.", "600", "displaced"),
        ("More than 1,200 people are still out of their houses.", "More than 1,200", "displaced"),
        ("The storm left 90 households homeless.", "90", "displaced"),
        # a vague number that is itself the argument of "reported missing"
        ("Divers searched for dozens of fishermen reported missing.", "dozens", "missing"),
    ],
)
def test_the_clause_around_a_count_gives_its_measure(
    sentence: str, figure: str, measure: str
) -> None:
    assert measures(sentence).get(figure) == measure


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The ferry fare rose to 12 euros this spring.", "12"),
        ("Sales of the magazine rose to 40,000 copies.", "40,000"),
        ("The club sent 25 players from its academy to the camp.", "25"),
        ("Some 300 volunteers were thanked for their work.", "Some 300"),
    ],
)
def test_counts_without_a_measure_word_stay_generic(sentence: str, figure: str) -> None:
    found = measures(sentence)
    assert figure in found, found
    assert found[figure] not in {"killed", "wounded", "displaced", "killed_or_wounded"}


@pytest.mark.parametrize(
    "sentence",
    [
        "One of the hostages wore a borrowed coat.",
        "Two of the casualties were teenagers from the village.",
        "Three of his prisoners spoke to the chaplain.",
    ],
)
def test_a_part_of_a_known_group_is_no_figure_about_the_group(sentence: str) -> None:
    assert measures(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # the verb still says what happened to the part
        ("Two of the miners were killed in the second blast.", "Two", "killed"),
        # no known group: the noun is what is counted
        ("Dozens of hostages were freed on Sunday.", "Dozens", "count"),
        ("Police said 14 prisoners escaped overnight.", "14", "captured"),
    ],
)
def test_a_part_keeps_the_measure_its_verb_gives(sentence: str, figure: str, measure: str) -> None:
    assert measures(sentence).get(figure) == measure


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # wounded or shot first, then dead: the governing verb of death gives the measure
        ("Two miners wounded in the collapse later died in hospital.", "Two", "killed"),
        ("Three porters who had been shot died at the scene.", "Three", "killed"),
        ("Two wounded guards died on Tuesday.", "Two", "killed"),
        ("Four cooks succumbed to their injuries.", "Four", "killed"),
        # a plain wound stays a wound: another verb, or a death denied
        ("Four miners wounded in the collapse were taken to a clinic.", "Four", "wounded"),
        ("Two miners wounded in the collapse did not die.", "Two", "wounded"),
    ],
)
def test_a_count_wounded_and_then_dead_is_killed(sentence: str, figure: str, measure: str) -> None:
    assert measures(sentence).get(figure) == measure
