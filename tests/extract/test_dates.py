"""Date extraction and normalisation: sentences written for these tests, then the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accord.extract.dates import find_dates
from accord.extract.temporal import Normalised, normalise
from accord.model import Article, DateMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp

# A Tuesday, so that weekday arithmetic has both directions to get wrong.
TUESDAY = date(2025, 1, 14)


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("Saturday", "2025-01-11", "day"),
        ("on Sunday", "2025-01-12", "day"),
        ("Tuesday", "2025-01-14", "day"),
        ("last Tuesday", "2025-01-07", "day"),
        ("next Friday", "2025-01-17", "day"),
        ("Wednesday night", "2025-01-08", "day"),
        ("Jan. 3", "2025-01-03", "day"),
        ("December 17", "2024-12-17", "day"),
        ("Oct. 2", "2024-10-02", "day"),
        ("November 2024", "2024-11", "month"),
        ("in March 2021", "2021-03", "month"),
        ("Jan 11, 2025", "2025-01-11", "day"),
        ("4 July 1990", "1990-07-04", "day"),
        ("2023-06-30", "2023-06-30", "day"),
        ("late last year", "2024", "year"),
        ("early 2019", "2019", "year"),
        ("mid-November", "2024-11", "month"),
        ("earlier this month", "2025-01", "month"),
        ("last month", "2024-12", "month"),
        ("next year", "2026", "year"),
        ("this week", "2025-01-13", "range"),
        ("last week", "2025-01-06", "range"),
        ("yesterday", "2025-01-13", "day"),
        ("tomorrow", "2025-01-15", "day"),
        ("three days ago", "2025-01-11", "day"),
        ("two years ago", "2023", "year"),
        ("the third quarter of 2022", "2022-07", "range"),
        ("the fourth quarter", "2024-10", "range"),
        ("last summer", "2024-06", "range"),
        ("fiscal 2020", "2020", "year"),
    ],
)
def test_an_expression_is_normalised_against_the_publication_date(
    expression: str, value: str, precision: str
) -> None:
    found = normalise(expression, TUESDAY)
    assert found is not None
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    "expression",
    [
        "two days",
        "for months",
        "the past few weeks",
        "the last week",
        "decades",
        "now",
        "the 1990s",
        "a year earlier",
    ],
)
def test_durations_and_unanchorable_phrases_are_not_dates(expression: str) -> None:
    assert normalise(expression, TUESDAY) is None


@pytest.mark.parametrize(
    ("expression", "relative"),
    [
        ("on Friday", True),
        ("March 16", True),
        ("yesterday", True),
        ("this week", True),
        ("in June", True),
        ("2024", False),
        ("Jan 11, 2025", False),
    ],
)
def test_without_a_publication_date_relative_dates_stay_unresolved(
    expression: str, relative: bool
) -> None:
    found = normalise(expression, None)
    assert found is not None
    assert found.relative is relative
    assert (found.value is None) is relative


def test_a_weekday_in_a_future_sentence_looks_forward() -> None:
    assert normalise("Friday", TUESDAY, "future") == Normalised("2025-01-17", "day", True)
    assert normalise("Friday", TUESDAY, "past") == Normalised("2025-01-10", "day", True)


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("Jan. 20", None, "2025-01-20"),
        ("Jan. 20", "past", "2024-01-20"),
        ("June 20", None, "2024-06-20"),
        ("June 20", "future", "2025-06-20"),
    ],
)
def test_a_yearless_date_is_upcoming_only_when_near_or_in_the_future_tense(
    expression: str, tense: str | None, value: str
) -> None:
    found = normalise(expression, TUESDAY, tense)  # type: ignore[arg-type]
    assert found is not None and found.value == value


def _dates(text: str, published: str | None) -> list[DateMention]:
    day = date.fromisoformat(published) if published else None
    article = Article.create(source="test", original=text, title="", published=day)
    return find_dates(article, next(parse_blocks([article], loaded_nlp())))


def _by_text(mentions: list[DateMention]) -> dict[str, str | None]:
    return {m.span.text: m.value for m in mentions}


def test_dates_in_a_paragraph_are_found_with_exact_spans() -> None:
    text = (
        "Heading\n\nThe mayor spoke in a Saturday address, two days after the vote on "
        "Jan. 9, and the council met for three hours on March 2, 2024."
    )
    mentions = _dates(text, "2025-01-14")
    assert _by_text(mentions) == {
        "Saturday": "2025-01-11",
        "Jan. 9": "2025-01-09",
        "March 2, 2024": "2024-03-02",
    }
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        assert mention.sentence is not None
        assert mention.span.text in mention.sentence.text


def test_conjoined_dates_are_split_into_two_mentions() -> None:
    mentions = _dates("Talks were held between Feb. 3 and Feb. 5 in Geneva.", "2025-03-01")
    assert _by_text(mentions) == {"Feb. 3": "2025-02-03", "Feb. 5": "2025-02-05"}


def test_a_future_sentence_sends_a_weekday_forward() -> None:
    mentions = _dates("The committee will vote on Thursday.", "2025-01-14")
    assert _by_text(mentions) == {"Thursday": "2025-01-16"}


def test_an_undated_article_keeps_weekdays_unresolved() -> None:
    mentions = _dates("The bridge reopened on Friday after repairs.", None)
    assert [(m.span.text, m.value, m.relative) for m in mentions] == [("Friday", None, True)]


def test_durations_in_text_are_skipped() -> None:
    mentions = _dates(
        "The strike lasted for two weeks and the talks went on for months.", "2025-01-14"
    )
    assert mentions == []


# --- the seed articles (publication dates passed explicitly; ingest reads them elsewhere) ---

SEED_PUBLISHED = {
    "001": "2025-01-11",
    "002": "2024-12-27",
    "003": "2025-01-14",
    "004": "2024-12-27",
}


def _seed(seed_paths: list[Path], prefix: str, published: str | None) -> list[DateMention]:
    path = next(p for p in seed_paths if p.name.startswith(prefix))
    original = path.read_text("utf-8")
    article = Article.create(
        source=str(path),
        original=original,
        title=original.splitlines()[0],
        published=date.fromisoformat(published) if published else None,
    )
    mentions = find_dates(article, next(parse_blocks([article], loaded_nlp())))
    for mention in mentions:
        assert original[mention.span.start : mention.span.end] == mention.span.text
    return mentions


def _values(mentions: list[DateMention], text: str) -> set[str | None]:
    return {m.value for m in mentions if m.span.text == text}


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("seed", "text", "value"),
    [
        ("003", "Saturday", "2025-01-11"),
        ("003", "Sunday", "2025-01-12"),
        ("003", "Jan. 3", "2025-01-03"),
        ("003", "Jan. 5", "2025-01-05"),
        ("003", "mid-November", "2024-11"),
        ("002", "December 17", "2024-12-17"),
        ("002", "Friday", "2024-12-27"),
        ("004", "Friday", "2024-12-27"),
        ("001", "November 2024", "2024-11"),
        ("001", "late last year", "2024"),
    ],
)
def test_seed_dates_resolve_against_their_publication_date(
    seed_paths: list[Path], seed: str, text: str, value: str
) -> None:
    assert value in _values(_seed(seed_paths, seed, SEED_PUBLISHED[seed]), text)


@pytest.mark.seeds
def test_seed_month_precision_is_recorded(seed_paths: list[Path]) -> None:
    mentions = _seed(seed_paths, "001", SEED_PUBLISHED["001"])
    assert {m.precision for m in mentions if m.span.text == "November 2024"} == {"month"}


@pytest.mark.seeds
def test_an_undated_seed_leaves_friday_unresolved(seed_paths: list[Path]) -> None:
    assert _values(_seed(seed_paths, "002", None), "Friday") == {None}
