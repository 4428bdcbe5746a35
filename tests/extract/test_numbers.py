"""parse_quantity and unit_name: pure string rules, no spaCy."""

from __future__ import annotations

import pytest

from accord.extract.numbers import (
    DOZENS,
    HUNDREDS,
    SEVERAL,
    Quantity,
    fraction_value,
    parse_quantity,
)
from accord.unit_names import split_currency, unit_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seven", Quantity(7, 7)),
        ("twenty-three", Quantity(23, 23)),
        ("three hundred and twelve", Quantity(312, 312)),
        ("a dozen", Quantity(12, 12)),
        ("2.5 million", Quantity(2_500_000, 2_500_000)),
        ("48,500", Quantity(48_500, 48_500)),
        ("half a million", Quantity(500_000, 500_000)),
        ("7bn", Quantity(7e9, 7e9)),
    ],
)
def test_numerals_number_words_and_scales_read_as_point_values(
    text: str, expected: Quantity
) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("between 2,000 and 5,000", 2000, 5000, "between"),
        ("from 40 to 60", 40, 60, "from"),
        ("3 to 4 million", 3_000_000, 4_000_000, "between"),
        ("more than 250", 250, None, "more than"),
        ("at least 90", 90, None, "at least"),
        ("over 6,500", 6500, None, "over"),
        ("nearly 700", None, 700, "nearly"),
        ("up to 30", None, 30, "up to"),
        ("as many as 8,000", None, 8000, "as many as"),
        ("no more than 20", None, 20, "no more than"),
    ],
)
def test_ranges_and_bounds_set_low_and_high(
    text: str, low: float | None, high: float | None, qualifier: str
) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)
    assert not quantity.approximate


@pytest.mark.parametrize("hedge", ["about", "some", "roughly", "around", "an estimated"])
def test_hedges_keep_the_value_and_the_word_and_mark_it_approximate(hedge: str) -> None:
    assert parse_quantity(f"{hedge} 450") == Quantity(450, 450, hedge, True, False)


@pytest.mark.parametrize(
    ("text", "floor"),
    [
        ("dozens", DOZENS),
        ("hundreds", HUNDREDS),
        ("several", SEVERAL),
        ("tens of thousands", 10_000),
        ("several hundred", SEVERAL * HUNDREDS),
    ],
)
def test_vague_words_are_floors_marked_vague(text: str, floor: float) -> None:
    assert parse_quantity(text) == Quantity(floor, None, None, False, True)


@pytest.mark.parametrize("text", ["", "the", "a", "3rd", "many people"])
def test_text_without_a_quantity_gives_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("US$", "dollar"),
        ("kilometres", "kilometre"),
        ("mph", "mile per hour"),
        ("euros", "euro"),
        ("inches", "inch"),
        ("soldiers", None),
    ],
)
def test_unit_names_are_normalised_to_singular_names(word: str, name: str | None) -> None:
    assert unit_name(word) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-2.5", -2.5),
        ("minus 40", -40),
        ("$-12.4bn", -12.4e9),
        ("about minus 3", -3),
    ],
)
def test_a_minus_sign_or_the_word_minus_makes_the_value_negative(text: str, value: float) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.low == quantity.high == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("a 4,200", 4200), ("one 30,000", None), ("7 3.5", None), ("RM4.2mil", 4_200_000)],
)
def test_an_article_does_not_count_and_two_numerals_are_not_one_number(
    text: str, value: float | None
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.low if quantity else None) == value


@pytest.mark.parametrize(
    ("word", "currency", "rest"),
    [
        ("USD25m", "dollar", "25m"),
        ("EUR3.1bn", "euro", "3.1bn"),
        ("HK$900", "hong kong dollar", "900"),
        ("$A75", "australian dollar", "75"),
        ("PS40", "pound sterling", "40"),
        ("Y=1,200", "japanese yen", "1,200"),
        ("RM12.90", "malaysian ringgit", "12.90"),
        ("USD", None, "USD"),
        ("PSG", None, "PSG"),
    ],
)
def test_a_currency_code_written_against_the_number_is_split_off(
    word: str, currency: str | None, rest: str
) -> None:
    assert split_currency(word) == (currency, rest)


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("μm", "micrometre"),
        ("GWh", "gigawatt hour"),
        ("MPa", "megapascal"),
        ("tonnes", "metric ton"),
    ],
)
def test_si_abbreviations_name_their_unit(word: str, name: str) -> None:
    assert unit_name(word) == name


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["a", "quarter"], 0.25),
        (["three-fifths"], 0.6),
        (["half"], 0.5),
        (["one", "in", "four"], 0.25),
        (["two", "out", "of", "ten"], 0.2),
        (["five", "in", "two"], None),
        (["third"], None),
    ],
)
def test_spoken_fractions_are_read_as_numbers(words: list[str], value: float | None) -> None:
    assert fraction_value(words) == value
