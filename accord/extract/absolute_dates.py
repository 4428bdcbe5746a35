"""dateparser, wrapped once: an absolute date expression ("Jan 11, 2025", "November 2024").

The library is called here and nowhere else, with accord's settings fixed in one place: a base
that is never today, so a missing year cannot silently become the current one, and that is a
leap year, so a year-less "Feb. 29" parses. Anchoring relative and year-less expressions to a
publication date is accord's own rule (:mod:`accord.extract.temporal`), which is why that
module holds no library call and this one no anchoring.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

BASE_YEAR = 2000  # dateparser's base for year-less input; never reaches a value


def _date_parser() -> Any:
    """A parser with accord's settings (about 10 µs to build: dateparser keeps its locale
    data itself, so nothing is kept here)."""
    from dateparser.date import DateDataParser

    # A leap year as the base, so a year-less "Feb. 29" parses before it is re-anchored.
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(BASE_YEAR, 1, 1),
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def parse_absolute(text: str) -> tuple[date, str] | None:
    """dateparser, in the one place accord calls it: an absolute date and its period.

    The base is fixed (not today) so a missing year never silently becomes the current one;
    callers re-anchor year-less results themselves.
    """
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period)
