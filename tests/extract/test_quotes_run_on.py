"""A quote with no cue of its own goes on quoting the last voice before it: the previous
quote's speaker, or someone whose words were reported in between."""

from __future__ import annotations

import pytest

from tests.extract.quoting import speaker_of


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        ("Jo Ames, a lawyer, said the family would not appeal.", "Jo Ames"),
        ("Jo Ames, a lawyer, told reporters that the family would not appeal.", "Jo Ames"),
        ("The hearing ended at noon.", "Tim Bell"),
    ],
)
def test_a_quote_without_a_cue_goes_to_the_last_voice_before_it(between: str, speaker: str) -> None:
    text = (
        "Court rules on harbour lease\n\n"
        "“We are done here,” Tim Bell said on Monday.\n\n"
        f"{between}\n\n"
        "“It was fair and we accept it.”"
    )
    assert speaker_of(text, "we accept it") == speaker


@pytest.mark.parametrize("cue", ["commented,", "said,"])
def test_a_line_that_ends_on_its_cue_and_a_comma_introduces_the_next(cue: str) -> None:
    text = (
        "Court rules on harbour lease\n\n"
        "“We are done here,” Tim Bell said on Monday.\n\n"
        f"Ann Reedy, head of a wildlife group, {cue}\n\n"
        "“This ruling shows no regard for science.”"
    )
    assert speaker_of(text, "no regard for science") == "Ann Reedy"


def test_a_headline_that_ends_on_its_cue_introduces_nothing() -> None:
    text = (
        "Harbour lease upheld, lawyer says\n\n"
        "“We are done here,” Tim Bell said on Monday.\n\n"
        "“It was fair and we accept it.”"
    )
    assert speaker_of(text, "we accept it") == "Tim Bell"
