"""A body named by its kind ("the company", "the newspaper", "the cable operator") is the
body the article named that way, not the last organisation the tagger found."""

from __future__ import annotations

import pytest

from tests.extract.quoting import speaker_of


def test_an_outlet_someone_spoke_to_is_not_the_company() -> None:
    text = (
        "Plant closed after blaze\n\n"
        "A worker fled the plant. “I heard the alarm,” he told the Daily Ledger.\n\n"
        "“This is a sad day for our family,” the company said in a statement."
    )
    assert speaker_of(text, "sad day") != "the Daily Ledger"


def test_the_newspaper_is_the_outlet_that_reported() -> None:
    text = (
        "Engineer hired\n\n"
        "The Harbour Courier reported that Acme Corp. offered Jo Reed a job at the Milltown "
        "Hospital.\n\n"
        "The offer is the largest Acme Corp. has made, the newspaper said."
    )
    assert speaker_of(text, "largest") == "The Harbour Courier"


@pytest.mark.parametrize(
    ("noun", "text", "outlet"),
    [
        ("station", "The Daily Ledger reported the crash first.", "The Daily Ledger"),
        ("paper", "A woman died, according to a report from the Daily Ledger.", "the Daily Ledger"),
    ],
)
def test_the_station_or_paper_is_the_outlet_that_reported(
    noun: str, text: str, outlet: str
) -> None:
    said = f"Crash\n\n{text}\n\nThe driver was arrested a block away, the {noun} said."
    assert speaker_of(said, "driver was arrested") == outlet


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Cable repaired\n\nUndersea cable operator Telnet said repairs were complete.\n\n"
            "The cable operator announced that it had restored services to its customers.",
            "Telnet",
        ),
    ],
)
def test_the_kind_written_before_a_body_names_it_later(text: str, body: str) -> None:
    assert speaker_of(text, "restored services") == body


def test_a_body_named_in_apposition_to_a_common_noun_is_the_speaker() -> None:
    text = (
        "Cable restored\n\n"
        "Subsea cable operator, Seacom, announced on Tuesday that it had restored services "
        "to all customers."
    )
    assert speaker_of(text, "restored services") == "Seacom"
