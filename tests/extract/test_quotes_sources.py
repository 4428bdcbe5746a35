"""Who a cue's source is when the cue hangs on a noun: a statement's words ("a letter
urging …") are its writer's, a thing's name ("a prize known as …") is nobody's statement."""

from __future__ import annotations

import pytest

from accord.extract.quotes import find_quotes
from accord.model import Article
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def speakers_of(text: str) -> list[str | None]:
    article = Article.create(source="test.txt", original=text, title=text.split(".")[0])
    return [m.speaker for m in find_quotes(article, next(parse_blocks([article], loaded_nlp())))]


@pytest.mark.parametrize(
    "text",
    [
        "Tim Bell won a 2008 Harbour Medal, commonly known as the “sailor's prize”, last year.",
        "Jo Ames led the plan, known as “Clean Water”, until May.",
        "The ferry, called “the old lady” by locals, sank on Monday.",
    ],
)
def test_a_thing_named_with_a_participle_is_no_speaker(text: str) -> None:
    assert not [s for s in speakers_of(text) if s is not None]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Tim Bell: We will not vote for this bill today.", "Tim Bell"),
        ("It's Hollywood: go big and spend the money on the stage this year.", None),
    ],
)
def test_a_transcript_label_is_a_name_not_a_sentences_opening(
    line: str, speaker: str | None
) -> None:
    assert speakers_of(f"The hearing went on late.\n\n{line}") == ([speaker] if speaker else [])


def test_a_described_speaker_in_a_capitalised_lede_opens_in_lower_case() -> None:
    text = "Climbers die.\nAN AUSTRALIAN climber said he was expecting to die that night."
    assert speakers_of(text) == ["an AUSTRALIAN climber"]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        (
            "a 40-year-old Palestinian father of five said",
            "a 40-year-old Palestinian father of five",
        ),
        ("one Palestinian told reporters", "one Palestinian"),
    ],
)
def test_one_person_of_a_nation_is_described_as_written(said: str, speaker: str) -> None:
    text = f'Aid stalls.\n"We need food now," John Ging said.\n"We have nothing to eat," {said}.'
    assert speakers_of(text) == ["John Ging", speaker]
