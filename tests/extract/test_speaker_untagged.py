"""Names the entity tagger did not call people are read as people by what the article says
of them: a role or title before the name, an age, a person in apposition, "said he"."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from accord.extract.quotes import find_quotes
from accord.extract.speaker_phrases import is_title
from accord.extract.speaker_untagged import untagged_people
from accord.model import Article, QuoteMention, SpeakerType
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def credits(text: str) -> list[tuple[str | None, SpeakerType | None]]:
    """(speaker, kind) of every statement, spans checked exact."""
    article = Article.create(source="test.txt", original=text, title=text.split(".")[0])
    mentions: list[QuoteMention] = find_quotes(article, next(parse_blocks([article], loaded_nlp())))
    for mention in mentions:
        span = mention.speaker_span
        assert span is None or article.original[span.start : span.end] == span.text
    return [(m.speaker, m.speaker_type) for m in mentions]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            'Turnout was low.\n"We face a long crisis," Dresh said. Dresh, a conservative '
            "lawmaker, spoke later.",
            "Dresh",
        ),
        (
            'The queue was long.\n"I do not know who to vote for," said Selbi, 45, a teacher.',
            "Selbi",
        ),
        ("The hearing was short.\nMirek said he was completely blindsided by the ruling.", "Mirek"),
        ("Voters were angry, said student Anna Perlon.", "Anna Perlon"),
        ("The mayor, Ana Reyes, said the road was closed.", "Ana Reyes"),
    ],
)
def test_a_name_the_tagger_missed_is_a_person(text: str, person: str) -> None:
    assert credits(text)[0] == (person, SpeakerType.PERSON)


def test_a_role_word_tagged_as_a_name_is_not_the_person_a_pronoun_stands_for() -> None:
    found = credits(
        "Filmmaker and aviator Ted Lomax also courted Ann Vale but she turned him down.\n"
        '"I never returned any of his calls," she once said.'
    )
    assert found[-1][0] == "Ann Vale"


@pytest.mark.parametrize(
    "text",
    [
        "The rally was loud.\nBloomington Police say he drank heavily before the crash.",
    ],
)
def test_a_body_that_says_he_did_something_stays_a_body(text: str) -> None:
    assert credits(text)[0][1] is SpeakerType.ORGANISATION


def test_a_person_in_apposition_to_a_body_is_the_speaker() -> None:
    found = credits(
        "By noon the fire was out.\nThe school ’ s principal, Jo Reed of the Design Academy, "
        "wrote that the teen was a hard worker."
    )
    assert found[0] == ("Jo Reed", SpeakerType.PERSON)


def test_a_surname_named_in_full_before_is_no_body_for_the_company() -> None:
    found = credits(
        "Shooting at the Acme Foods plant\nThe gunman fled, Lt. Frank Varno said.\n"
        "Workers hid in an office, said Varno.\n"
        "“This is a sad day for us,” the company said in a statement."
    )
    assert found[-1][0] != "Varno"


def test_a_name_in_apposition_to_a_written_out_title_is_a_person_whatever_its_label() -> None:
    text = "Title\nA professor of economics at the University of Leeds, Tomas Valerik, stayed home."
    article = Article.create(source="t.txt", original=text, title="Title")
    blocks = next(parse_blocks([article], loaded_nlp()))
    block = next(b for b in blocks if "Valerik" in b.doc.text)
    doc = block.doc
    first = next(t.i for t in doc if t.text == "Tomas")
    # the small model may call such a name an organisation, as it does some real ones
    doc.ents = [e for e in doc.ents if e.end <= first] + [SpacySpan(doc, first, first + 2, "ORG")]
    found = [
        span.text for span in untagged_people(blocks, lambda _: False, is_title, lambda _: False)
    ]
    assert "Tomas Valerik" in found
