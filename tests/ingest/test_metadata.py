"""Publication dates from datelines and metadata; titles; outlets."""

from __future__ import annotations

from datetime import date

import pytest

from accord.ingest.metadata import (
    MAX_HEADER_LINES,
    MAX_TITLE_CHARS,
    find_outlet,
    find_published,
    normalise_date,
    outlet_from_url,
    title_from_text,
)


@pytest.mark.parametrize(
    ("dateline", "iso", "stated"),
    [
        ("Feb.03 - 2021 6:40 AM CET", "2021-02-03", "Feb.03 - 2021"),
        ("March 9, 2020", "2020-03-09", "March 9, 2020"),
        ("Sept. 21st, 2019", "2019-09-21", "Sept. 21st, 2019"),
        ("2018-12-31", "2018-12-31", "2018-12-31"),
        ("2018/07/04 10:00", "2018-07-04", "2018/07/04"),
        ("4 July 2016", "2016-07-04", "4 July 2016"),
        ("Posted on 17th of August, 2015", "2015-08-17", "17th of August, 2015"),
        ("DECEMBER 1 2014", "2014-12-01", "DECEMBER 1 2014"),
        ("By Mira Holt | Oct 30, 2013 | Politics", "2013-10-30", "Oct 30, 2013"),
    ],
)
def test_a_dateline_in_the_header_is_the_publication_date(
    dateline: str, iso: str, stated: str
) -> None:
    text = f"Council votes on the harbour plan\n\n{dateline}\n\nThe council voted on Monday."
    found = find_published(text)
    assert found is not None
    assert found.value == date.fromisoformat(iso)
    assert text[found.start : found.end] == stated


@pytest.mark.parametrize(
    "text",
    [
        "Council votes on the harbour plan\nThe council voted on Monday to approve the plan.",
        "Rain expected\nIt will rain today, forecasters said 2 hours ago.",
        "Storm report\nFebruary 30, 2021\nThe storm passed.",  # not a real day
        "Budget\nThe 2021 budget was 2021-2022 spending, said the minister in March.",
        "Talks\nTalks continue\nMay 2021\nNo agreement yet.",  # month and year only
    ],
)
def test_text_without_a_full_stated_date_has_no_publication_date(text: str) -> None:
    assert find_published(text) is None


def test_a_date_inside_a_long_prose_sentence_is_an_event_not_the_publication_date() -> None:
    text = (
        "Bridge reopens\n"
        "Engineers who first inspected the damaged bridge over the river on March 3, 2022 "
        "said on Tuesday that it was safe for traffic again."
    )
    assert find_published(text) is None


def test_a_wire_dateline_that_opens_a_long_line_counts() -> None:
    text = (
        "March 3, 2022 - RIVERTON (Wire) - Engineers said on Tuesday that the damaged bridge "
        "over the river was safe for traffic again after three weeks of repairs."
    )
    found = find_published(text)
    assert found is not None and found.value == date(2022, 3, 3)


def test_only_the_header_lines_are_searched() -> None:
    filler = "\n".join(f"Paragraph {i}." for i in range(MAX_HEADER_LINES))
    assert find_published(f"Title\n{filler}\nJune 2, 2020\n") is None


def test_published_beats_updated_whichever_comes_first() -> None:
    text = "Title\nUpdated: June 5, 2020\nPublished: June 2, 2020\nBody text."
    found = find_published(text)
    assert found is not None and found.value == date(2020, 6, 2)


def test_a_metadata_date_is_found_in_the_text_only_when_the_text_states_that_date() -> None:
    text = "Title\nJune 2, 2020\nBody."
    assert find_published(text, want=date(2020, 6, 3)) is None
    found = find_published(text, want=date(2020, 6, 2))
    assert found is not None and text[found.start : found.end] == "June 2, 2020"


def test_offsets_count_from_the_start_of_the_text_with_leading_blank_lines() -> None:
    text = "\n\n  Title\n\n   14 January 2019  \nBody."
    found = find_published(text)
    assert found is not None and text[found.start : found.end] == "14 January 2019"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-06-02", "2020-06-02"),
        ("2020-06-02T23:30:00Z", "2020-06-02"),
        ("2020-06-02T08:00:00+02:00", "2020-06-02"),
        ("Tue, 02 Jun 2020 08:00:00 GMT", "2020-06-02"),
        ("June 2, 2020", "2020-06-02"),
        ("2 June 2020", "2020-06-02"),
        ("today", None),
        ("yesterday", None),
        ("2 hours ago", None),
        ("", None),
        ("not a date", None),
        ("0001-01-01", None),
        (20200602, None),
        (None, None),
    ],
)
def test_metadata_dates_normalise_to_a_date_or_nothing(value: object, iso: str | None) -> None:
    assert normalise_date(value) == (date.fromisoformat(iso) if iso else None)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline here\nBody", "Headline here"),
        ("\n\n   Spaced headline  \nBody", "Spaced headline"),
        ("Only line", "Only line"),
    ],
)
def test_the_title_is_the_first_non_empty_line(text: str, title: str) -> None:
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "Posted 2/3/2009 11:11 PM\nHarbour ferry to run until spring\nThe ferry will run.",
        "Last Updated: Tuesday, 20 December 2005, 10:39 GMT\nHarbour ferry to run until spring",
        "\nUpdated Saturday, December 05, 2009 8:28 PM\n\nHarbour ferry to run until spring",
    ],
)
def test_a_dateline_above_the_headline_is_not_the_title(text: str) -> None:
    assert title_from_text(text) == "Harbour ferry to run until spring"


def test_a_headline_about_an_update_is_still_the_title() -> None:
    assert title_from_text("Updated rules for the harbour ferry\nBody") == (
        "Updated rules for the harbour ferry"
    )


def test_a_paragraph_long_first_line_is_cut_at_a_word_boundary() -> None:
    title = title_from_text("word " * 100)
    assert len(title) <= MAX_TITLE_CHARS + 1
    assert title.endswith("word…")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example.org/news/1", "example.org"),
        ("http://news.example.co.uk/a?b=c", "news.example.co.uk"),
        ("not a url", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_the_outlet_of_a_url_is_its_host_without_www(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Bridge closed\n\nBy Ana Vos, Harbor Ledger\nMarch 2, 2026\n\nThe bridge...",
            "Harbor Ledger",
        ),
        ("Bridge closed\nBy Sam Lee, The Evening Star\n\nThe bridge...", "The Evening Star"),
        ("Bridge closed\n\nRiver Times\n2 March 2026\n\nThe bridge...", "River Times"),
        # a masthead is only taken with a dateline under it
        ("Bridge closed\n\nRiver Times\n\nThe bridge closed on Monday after...", None),
        # section labels and "Trending now" above a date are not outlets
        ("Bridge closed\n\nIn Local News\nMarch 2, 2026\n\nThe bridge...", None),
        ("Bridge closed\nTrending Now\nMarch 2, 2026\n\nThe bridge...", None),
        ("Bridge closed\nBy Sam Lee and Jo Kim\n\nThe bridge...", None),
    ],
)
def test_the_outlet_comes_from_a_byline_or_a_masthead_over_the_dateline(
    text: str, outlet: str | None
) -> None:
    assert find_outlet(text) == outlet
