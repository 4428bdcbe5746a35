"""Sentence counts in the noise rules: a full stop after an abbreviation or an initial ends
no sentence, so a one-sentence caption with a title or a date in it stays one sentence."""

from __future__ import annotations

import pytest

from accord import lexicon
from accord.noise import sentence_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The bridge closed at noon.", 1),
        ("The bridge closed at noon. Traffic backed up for miles.", 2),
        ("Det. Sgt. Mary Cole opened the inquiry on Sept. 4 in St. Albans.", 1),
        ("Acme Inc. said the plant in Mt. Vernon would reopen.", 1),
        ("Rev. Tom Hale led the vigil for the No. 9 crew.", 1),
        ("The U.S. Army and John F. Kennedy High School sent help.", 1),
        ("Sen. Ray Dunn and Lt. Gov. Ann Wu spoke on Dec. 2 at Ford Co. offices.", 1),
        ("Crews held the line. Rain came at last! Was it enough?", 3),
    ],
)
def test_abbreviations_and_initials_do_not_split_a_sentence(text: str, count: int) -> None:
    assert sentence_count(text) == count


def test_every_title_is_an_abbreviation_of_the_sentence_rules() -> None:
    assert {t.lower() for t in lexicon.TITLE_ABBREVIATIONS} <= lexicon.ABBREVIATIONS


def test_the_month_abbreviations_are_the_shorter_names_of_months() -> None:
    assert {"jan", "sep", "sept", "dec"} <= lexicon.MONTH_ABBREVIATIONS
    assert not {"may", "june", "july", "january"} & lexicon.MONTH_ABBREVIATIONS
