"""dateparser behind one wrapper: absolute dates with their period, never today's year."""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.absolute_dates import BASE_YEAR, parse_absolute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jan 11, 2025", (date(2025, 1, 11), "day")),
        ("november 2024", (date(2024, 11, 1), "month")),
        ("feb. 29", (date(BASE_YEAR, 2, 29), "day")),
        ("march 3", (date(BASE_YEAR, 3, 3), "day")),
    ],
)
def test_an_absolute_date_parses_with_its_period(text: str, expected: tuple[date, str]) -> None:
    assert parse_absolute(text) == expected


def test_words_that_name_no_date_parse_to_nothing() -> None:
    assert parse_absolute("the river crested") is None
