"""A cue's subject is not always the source: an asker's question is no statement, and an
act the writer credits to someone else ("…, according to reports") is theirs to report."""

from __future__ import annotations

import pytest

from accord.extract.quotes import find_quotes
from accord.model import Article, QuoteMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def statements(text: str) -> list[QuoteMention]:
    article = Article.create(source="test.txt", original=text, title=text.split(".")[0])
    return find_quotes(article, next(parse_blocks([article], loaded_nlp())))


@pytest.mark.parametrize(
    "text",
    [
        "The season opened. Coach Jo Reed was asked on Monday if the club could sign a striker.",
        '"Not at all," Jo Reed said when asked whether he had seen any warning signs.',
        "In court, the prosecutor asked whether the witness had seen the car.",
    ],
)
def test_an_askers_question_is_nobodys_statement(text: str) -> None:
    asked = [m for m in statements(text) if "seen" in m.span.text or "sign a" in m.span.text]
    assert all(m.speaker is None for m in asked)


def test_an_act_reported_according_to_others_is_not_the_actors_statement() -> None:
    found = statements(
        "The club was busy. Jo Reed has asked the surgeon Ann Vale to join his staff, "
        "according to reports."
    )
    assert "Jo Reed" not in [m.speaker for m in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The club was busy. Jo Reed said the team would appeal, according to the Courier.",
            "Jo Reed",
        ),
        (
            "The club was busy. If the appeal fails, Jo Reed will ask the league to review the "
            "ban.",
            "Jo Reed",
        ),
    ],
)
def test_words_passed_on_and_a_condition_keep_their_speaker(text: str, speaker: str) -> None:
    assert speaker in [m.speaker for m in statements(text)]
