"""Contradictions beyond numbers (accord.contradict, accord.align), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from accord.align import Embedder, align_claims
from accord.contradict import apart_in_time, opposition
from accord.extract import extract_blocks
from accord.model import Article, Event, Extraction, Span
from accord.nlp import parse_blocks
from accord.vocab import Opposition
from tests.models import loaded_nlp


def article(text: str) -> Article:
    return Article.create("t.txt", text)


def whole(art: Article) -> Extraction:
    return Extraction(art.id, sentences=(Span.of(art, 0, len(art.original)),))


def claims_of(first: str, second: str, embed: Embedder) -> list[tuple[int, int]]:
    """(mentions, contradicted claims) of each claim aligned from two one-line articles."""
    a, b = article(first), article(second)
    event = [Event("e1", "story", None, (a.id, b.id))]
    claims = align_claims([a, b], [whole(a), whole(b)], event, embedder=embed)
    return sorted((len(c.mentions), len(c.contradicts)) for c in claims)


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (
            "Soldiers fired on the crowd outside the station.",
            "Soldiers did not fire on the crowd outside the station.",
            Opposition.NEGATION,
        ),
        (
            "The river rose sharply overnight in the old town.",
            "The river fell sharply overnight in the old town.",
            Opposition.ANTONYM,
        ),
        (
            "Army units crossed the northern border on Tuesday.",
            "The ministry denied that army units crossed the northern border on Tuesday.",
            Opposition.DENIAL,
        ),
        (
            "Nine miners were rescued from the flooded shaft.",
            "Police corrected an earlier report: nine miners were rescued from the shaft.",
            Opposition.CORRECTION,
        ),
        ("The mayor opened the new bridge.", "The mayor opened the new bridge on Monday.", None),
    ],
)
def test_the_way_one_clause_opposes_another_is_read_from_its_words(
    first: str, second: str, kind: Opposition | None
) -> None:
    assert opposition(first, second) == kind
    assert opposition(second, first) == kind


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The council rejected the plan.", "The council voted down the plan."),
        ("The farmer was denied a water permit.", "The farmer applied for a water permit."),
        (
            "The coach was offered the post, sources said.",
            "The coach would not comment, without denying the story.",
        ),
        ("The mayor didn ’ t return a call.", "The mayor didn't return a call."),
        ("I cant speak for the crew.", "I can't speak for the crew."),
        (
            "The warship not only repelled the attack but seized the boats.",
            "The warship repelled the attack and seized the boats.",
        ),
        ("The board did not hire Cheeks in May.", "The board gave Cheeks a new contract."),
        (  # the negation ends where "because" opens another clause
            "Personally, I wasn't surprised because I thought she died years ago.",
            "Most people thought she was dead.",
        ),
        (
            "The permit was refused in May but it was not clear why.",
            "The permit was refused in May and officials would not say why.",
        ),
    ],
)
def test_refusals_rejections_and_negations_on_both_sides_are_no_opposition(
    first: str, second: str
) -> None:
    assert opposition(first, second) is None


@pytest.fixture(scope="module")
def embed(embedder):  # type: ignore[no-untyped-def]
    """The real embedder: the contradiction floors were chosen on it."""
    return embedder


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Soldiers fired on the crowd outside the central station on Friday.",
            "Soldiers did not fire on the crowd outside the central station on Friday.",
        ),
        (
            "Army units crossed the northern border into the valley on Tuesday.",
            "The defence ministry denied that army units crossed the northern border on Tuesday.",
        ),
    ],
)
def test_a_negated_or_denied_report_contradicts_with_both_sides_shown(
    first: str, second: str, embed: Embedder
) -> None:
    # two single-source claims, each pointing at the other, each with its own span
    assert claims_of(first, second, embed) == [(1, 1), (1, 1)]


def test_a_paraphrase_joins_and_an_unrelated_report_stays_apart(embed: Embedder) -> None:
    joined = claims_of(
        "Rescue teams pulled nine miners alive from the flooded shaft on Sunday.",
        "Nine miners were pulled alive from the flooded shaft by rescuers on Sunday.",
        embed,
    )
    assert joined == [(2, 0)]
    apart = claims_of(
        "Rescue teams pulled nine miners alive from the flooded shaft on Sunday.",
        "The regional council approved a new budget for schools on Sunday.",
        embed,
    )
    assert apart == []


@pytest.mark.parametrize(
    ("dates_a", "dates_b", "apart"),
    [
        ({"2013-03-12"}, {"2008"}, True),  # arrested last night / released in late 2008
        ({"2013-03-12"}, {"2013-03"}, False),  # a day inside the month
        ({"2013-03-12"}, set(), False),  # a sentence with no date may be of any time
        ({"2013-03-12", "2008"}, {"2008-11"}, False),  # one date of each falls in the other
    ],
)
def test_sentences_dated_to_two_moments_are_apart_in_time(
    dates_a: set[str], dates_b: set[str], apart: bool
) -> None:
    assert apart_in_time(frozenset(dates_a), frozenset(dates_b)) is apart


def test_two_reports_dated_to_two_moments_do_not_contradict(embedder: Embedder) -> None:
    a = Article.create(
        "a.txt", "Police said on March 4, 2013 that the bridge was closed to traffic."
    )
    b = Article.create(
        "b.txt", "Police said on June 9, 2008 that the bridge was not closed to traffic."
    )
    c = Article.create(
        "c.txt", "Police said on March 4, 2013 that the bridge was not closed to traffic."
    )
    events = [Event("e1", "story", None, (a.id, b.id, c.id))]
    for other, clash in ((b, False), (c, True)):
        arts = [a, other]
        exs = [extract_blocks(x, next(parse_blocks([x], loaded_nlp()))) for x in arts]
        claims = align_claims(arts, exs, events, embedder=embedder)
        assert any(claim.contradicts for claim in claims) is clash
