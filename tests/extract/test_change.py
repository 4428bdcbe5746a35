"""Change of a quantity on sentences written for the tests: rise, fall, level or none."""

from __future__ import annotations

import pytest

from accord.extract.figures import find_figures
from accord.extract.quantities import quantities_in
from accord.model import Article, Change
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def changes_of(text: str) -> list[tuple[str, Change]]:
    """(phrase text, change) for every quantity phrase in ``text``."""
    article = Article.create(source="test", original=text)
    blocks = next(parse_blocks([article], loaded_nlp()))
    return [
        (sent.doc[p.start : p.end].text, p.change)
        for block in blocks
        for sent in block.doc.sents
        for p in quantities_in(sent)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll at the mine rose to 23 on Friday.", [("23", Change.UP)]),
        ("Ferry fares are down 4% since the spring.", [("4%", Change.DOWN)]),
        ("Turnout stood at 61 percent in the northern wards.", [("61 percent", Change.LEVEL)]),
        ("The number of claims totalled 418.", [("418", Change.LEVEL)]),
        ("The bakery will cut 35 jobs.", [("35", Change.DOWN)]),
        ("A 9% increase in water bills was approved.", [("9%", Change.UP)]),
        ("Rents were 6% higher than a year ago.", [("6%", Change.UP)]),
        ("The harbour saw +3 degrees overnight.", [("+3 degrees", Change.UP)]),
        ("Thirty fishermen were rescued, the coastguard said.", [("Thirty", Change.NONE)]),
        ("Nine boats sank, she added.", [("Nine", Change.NONE)]),
        ("Forty posts were cut at the mill.", [("Forty", Change.DOWN)]),
        (
            "Grain exports climbed 8% to 90 tonnes, up from 83 tonnes.",
            [("8%", Change.UP), ("90 tonnes", Change.UP), ("83 tonnes", Change.LEVEL)],
        ),
        ("Ticket prices fell from 120 to 95 dollars.", [("from 120 to 95", Change.DOWN)]),
        ("Six pupils from 4 schools took part.", [("Six", Change.NONE), ("4", Change.NONE)]),
        ("Bus fares rose in 7 towns.", [("7", Change.NONE)]),
        ("The shop announced cuts on 30 products.", [("30", Change.NONE)]),
        ("The keeper gave up 3 goals before the break.", [("3", Change.NONE)]),
        ("The mayor left her $90,000 contract early.", [("$90,000", Change.NONE)]),
        ("The bodies of two more victims were found.", [("two", Change.UP)]),
        ("Another 20 people were hurt on Monday.", [("20", Change.UP)]),
        ("Rescuers found an additional 5 survivors.", [("5", Change.UP)]),
        ("More than 40 people were hurt.", [("More than 40", Change.NONE)]),
        ("Four were dead and 17 more wounded.", [("Four", Change.NONE), ("17", Change.NONE)]),
    ],
)
def test_the_change_is_read_from_the_words_that_govern_the_number(
    sentence: str, expected: list[tuple[str, Change]]
) -> None:
    assert changes_of(sentence) == expected


def test_a_figure_mention_carries_the_change_of_its_phrase() -> None:
    text = "The number of missing hikers rose to 12, rescuers said."
    article = Article.create(source="test", original=text)
    [figure] = find_figures(article, next(parse_blocks([article], loaded_nlp())))
    assert figure.span.text == "12"
    assert figure.change is Change.UP
