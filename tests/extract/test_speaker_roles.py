"""A title or role standing for a named person: "the DA", "the police chief", "the singer"."""

from __future__ import annotations

import pytest

from accord.extract.quotes import find_quotes
from accord.model import Article, QuoteMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def mentions_of(text: str) -> tuple[Article, list[QuoteMention]]:
    article = Article.create(source="test.txt", original=text, title=text.split(".")[0])
    return article, find_quotes(article, next(parse_blocks([article], loaded_nlp())))


def credits(text: str) -> list[tuple[str | None, str]]:
    """(speaker, speaker phrase as written) of every statement, spans checked exact."""
    article, mentions = mentions_of(text)
    found = []
    for mention in mentions:
        span = mention.speaker_span
        assert span is not None
        assert article.original[span.start : span.end] == span.text
        found.append((mention.speaker, span.text))
    return found


@pytest.mark.parametrize(
    ("text", "phrase", "person"),
    [
        (
            "Queens District Attorney Ann Marsh said the driver had fled the scene. "
            "The driver was drunk and ran a red light, the DA said.",
            "the DA",
            "Ann Marsh",
        ),
        (
            'Singer Ann Lee will host the show. "I am so happy to be back," the singer said.',
            "the singer",
            "Ann Lee",
        ),
        (
            "Tom Pike, the city police chief, said the attack was planned. "
            "The man had a gun, the police chief said.",
            "the police chief",
            "Tom Pike",
        ),
        (
            "Lee Park, who is the mayor, said the road was closed. "
            "The road will reopen soon, the mayor said.",
            "the mayor",
            "Lee Park",
        ),
        (
            "Police spokesman Jo Ames said the road was closed. Fire spokesman Li Wen said "
            "the fire was out. The road will reopen soon, the fire spokesman said.",
            "the fire spokesman",
            "Li Wen",
        ),
        (
            'Navy chief Admiral Raj Dev said the ship sank. "We acted in self-defence," '
            "said the Navy chief.",
            "the Navy chief",
            "Raj Dev",
        ),
        (
            "Agent says Sixers to sign Dalembert\nDalembert agreed to a deal on Saturday, his "
            "agent Marc Cornstein told ESPN.",
            "Agent",
            "Marc Cornstein",
        ),
    ],
)
def test_a_role_named_alone_is_the_one_person_the_article_gave_it(
    text: str, phrase: str, person: str
) -> None:
    assert (person, phrase) in credits(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The city police chief, Tom Pike, said the attack was planned.", "Tom Pike"),
        (
            "In a statement, ABC president and chief executive officer Sister Jane Holt said "
            "that the group was glad.",
            "Jane Holt",
        ),
        (
            "Acme Sports President and General Manager Bill Kerr announced today that the "
            "coach was fired.",
            "Bill Kerr",
        ),
    ],
)
def test_a_role_with_the_name_beside_it_is_that_person(text: str, person: str) -> None:
    assert [speaker for speaker, _ in credits(text)] == [person]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        pytest.param(
            "Singer Ann Lee will host the show. Singer Bo Kim will open it. "
            '"I am glad to be back," the singer said.',
            ("the singer", "the singer"),
            id="a role two people hold stays as written",
        ),
        pytest.param(
            "Mayor Jo Ames said the road was closed. A mayor from a nearby town said the bridge "
            "was open.",
            ("a mayor from a nearby town", "A mayor from a nearby town"),
            id="a role brought in with 'a' is someone new",
        ),
        pytest.param(
            "Mayor Jo Ames said the road was closed. The EPA said the water was safe.",
            ("EPA", "The EPA"),
            id="an acronym that fits no role stays as written",
        ),
        pytest.param(
            "Police spokesman Jo Ames said the road was closed. The police said he fled.",
            ("police", "The police"),
            id="a body is not the spokesman the article named for it",
        ),
        pytest.param(
            "Governor Ann Lee visited the town of Ridgefield on Friday. The church's minister "
            "said the fire had started in the kitchen.",
            ("the church's minister", "The church's minister"),
            id="a body's role is not the last person named",
        ),
        pytest.param(
            "Tom Bell, the mayor, opened the bridge on Friday. The navy spokesperson said "
            "the ship had been boarded.",
            ("the navy spokesperson", "The navy spokesperson"),
            id="a role named with its body is not the last person named",
        ),
    ],
)
def test_a_role_or_body_that_names_no_one_met_before_stays_as_written(
    text: str, last: tuple[str, str]
) -> None:
    assert credits(text)[-1] == last


def test_according_to_a_described_person_names_a_voice() -> None:
    found = credits(
        "A fire damaged the church on Friday. According to a neighbour, the fire started in the"
        " kitchen."
    )
    assert found == [("a neighbour", "a neighbour")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Court records show that he had three prior convictions.", "Court records"),
        ("Ukrainian estimates suggest that 300 soldiers died.", "Ukrainian estimates"),
        ("Initial estimates show that the repair will take twelve days.", None),
        ("Various reports said that the family never had control of the fortune.", None),
    ],
)
def test_a_record_speaks_only_when_it_says_whose_it_is(text: str, speaker: str | None) -> None:
    assert [m.speaker for m in mentions_of(text)[1]] == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Obama Reverses Bush on Species Protection Measure\n"
            "President Obama is restoring a requirement that agencies consult experts.\n"
            '"The work of scientists will be respected," Obama said.',
            ["Obama"],
        ),
        (
            "Police Release ID Of Woman Killed In Parking Lot\n"
            "According to police, Alan Brock, 36, of Minneapolis, hit and killed a 66-year-old "
            "woman in the parking lot of the store Wednesday night.",
            ["police"],
        ),
    ],
)
def test_a_name_run_together_in_a_title_case_headline_is_nobody(
    text: str, speakers: list[str]
) -> None:
    """The tagger reads a title-case headline's words as one name ("Obama Reverses Bush",
    "Police Release ID Of Woman Killed In"); the report below names someone else."""
    article = Article.create(source="test.txt", original=text, title=text.split("\n")[0])
    mentions = find_quotes(article, next(parse_blocks([article], loaded_nlp())))
    assert [m.speaker for m in mentions] == speakers


def test_where_the_words_were_given_is_not_part_of_the_speaker() -> None:
    """The parse hangs "in a statement" on the subject of an inverted "said"; the company is
    still the body named before."""
    text = (
        "Microsoft fixed the flaw.\n"
        '"We have released a security update for the browser," said the company in a statement.'
    )
    assert credits(text) == [("Microsoft", "the company")]
