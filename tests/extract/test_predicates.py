"""Each sentence's main predicate: frames passed through, negation read from the parse.

Sentences are written for these tests; each case names the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.predicates import find_predicates
from accord.model import Article, PredicateMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def predicate(sentence: str) -> PredicateMention:
    text = f"Test story\n{sentence}\n"
    article = Article.create("test.txt", text, title="Test story", published=date(2026, 2, 3))
    found = find_predicates(next(parse_blocks([article], loaded_nlp())))
    last = found[-1]
    assert text[last.span.start : last.span.end] == last.span.text
    assert last.sentence.text == sentence
    return last


@pytest.mark.parametrize(
    ("sentence", "lemma", "negated"),
    [
        # the root itself
        ("The bridge collapsed on Tuesday morning.", "collapse", False),
        ("The bridge did not collapse on Tuesday morning.", "collapse", True),
        ("Rescuers never found the missing boat.", "find", True),
        # a negative subject denies its predicate
        ("Nobody saw the driver of the truck.", "see", True),
        # an attribution frame is passed through, before or after the proposition
        ("Police said the bridge did not collapse.", "collapse", True),
        ('"The bridge did not collapse," the mayor said.', "collapse", True),
        ("The mayor told reporters that the bridge had collapsed.", "collapse", False),
        # a negation in another clause is not the proposition's
        (
            "Heller said Lohan had checked into a clinic, but prosecutors have not approved it.",
            "check",
            False,
        ),
        # a negated frame is the predicate: it does not assert its complement
        ("He didn't think the gun was real.", "think", True),
        # a copula's predicate is its complement, or "be" with its preposition
        ("He is not completely new to the show.", "new", True),
        ("He is to be the new star of the show.", "star", False),
        ("The pastor said he was not at the church that night.", "be at", True),
        # a contracted "be", curly apostrophe and all
        ("By all accounts, he’s a solid long-term investment.", "investment", False),
    ],
)
def test_main_predicate(sentence: str, lemma: str, negated: bool) -> None:
    found = predicate(sentence)
    assert (found.lemma, found.negated) == (lemma, negated)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("The family deny that he was carrying a weapon.", "carry"),
        ("LaRue denied suggestions that he was the secret source.", "source"),
        ("The director denied reports that his talks with the studio hit a snag.", "hit"),
        # a denial of no clause denies no proposition a reader can match
        ("Felt steadfastly denied the accusations until 2005.", ""),
        # a denial negated denies nothing; a sentence with no denial neither
        ("The minister did not deny that troops crossed the border.", None),
        ("Troops crossed the border on Monday night.", None),
    ],
)
def test_the_proposition_a_sentence_denies(sentence: str, denied: str | None) -> None:
    assert predicate(sentence).denied == denied


@pytest.mark.parametrize(
    ("sentence", "asserted"),
    [
        (
            "The team would not have placed him on injured reserve if it were still in contention.",
            False,
        ),
        ("He would have won the race without the crash.", False),
        ("Researchers have suggested that he could have been the secret source.", True),
        ("The team placed him on injured reserve on Monday.", True),
    ],
)
def test_what_would_have_happened_is_not_asserted(sentence: str, asserted: bool) -> None:
    assert predicate(sentence).asserted is asserted


def test_one_predicate_per_sentence_in_text_order() -> None:
    text = "Test story\nThe river rose overnight. Officials did not order an evacuation.\n"
    article = Article.create("test.txt", text, title="Test story", published=date(2026, 2, 3))
    found = find_predicates(next(parse_blocks([article], loaded_nlp())))
    assert [(p.lemma, p.negated) for p in found][-2:] == [("rise", False), ("order", True)]


def test_round_trips_through_a_dict() -> None:
    found = predicate("Rescuers never found the missing boat.")
    assert PredicateMention.from_dict(found.to_dict()) == found
