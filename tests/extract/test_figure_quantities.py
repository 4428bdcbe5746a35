"""quantities_in on sentences written for the tests: units, currencies, signs and ranges."""

from __future__ import annotations

import pytest

from accord.extract.counted import clause_subject, counted_tokens, counted_unit
from accord.extract.quantities import quantities_in
from accord.model import Article
from accord.nlp import parse_blocks
from accord.vocab import QuantityKind
from tests.models import loaded_nlp


def phrases_of(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    """(span text, low, high, unit) of every quantity phrase in ``text``."""
    article = Article.create(source="test", original=text)
    found = []
    for block in next(parse_blocks([article], loaded_nlp())):
        for sent in block.doc.sents:
            for p in quantities_in(sent):
                span = block.doc[p.start : p.end].text
                found.append((span, p.quantity.low, p.quantity.high, p.unit))
    return found


def only(text: str) -> tuple[str, float | None, float | None, str | None]:
    found = phrases_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The yacht changed hands for USD25m last spring.", 25e6, "dollar"),
        ("Its annual budget is EUR3.1bn this time.", 3.1e9, "euro"),
        ("Tickets sold for HK $900 each.", 900, "hong kong dollar"),
        ("The farm was valued at $A75 million.", 75e6, "australian dollar"),
        ("A pint there now costs PS4.", 4, "pound sterling"),
        ("The lunch set is RM12.90 at the stall.", 12.9, "malaysian ringgit"),
        ("Shares closed at 212p on Friday.", 212, "penny"),
    ],
)
def test_currency_signs_and_codes_before_the_number_give_money(
    sentence: str, value: float, unit: str
) -> None:
    _, low, high, found_unit = only(sentence)
    assert (low, high, found_unit) == (value, value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Rent is $2,400 a month in that street.", 2400, "dollar per month"),
        ("Copper traded at $9,100 per tonne.", 9100, "dollar per metric ton"),
        ("The pipeline moves 80,000 barrels a day.", 80000, "barrel per day"),
        ("They built a 40,000 barrel-a-day plant.", 40000, "barrel per day"),
        ("The storm reached 120 miles per hour.", 120, "mile per hour"),
        ("The warehouse offers 800 sq m of space.", 800, "square metre"),
        ("The field was 12 kV/cm at the tip.", 12, "kilovolt per centimetre"),
        ("Water boils at 100 degrees Celsius here.", 100, "celsius"),
        ("It ships with a 2.0-liter engine.", 2.0, "litre"),
        ("The gauge read 450 μm after the run.", 450, "micrometre"),
        ("The comet spins 4,000 times a day.", 4000, "count per day"),
    ],
)
def test_units_after_the_number_include_rates_squares_and_hyphens(
    sentence: str, value: float, unit: str
) -> None:
    _, low, _, found_unit = only(sentence)
    assert (low, found_unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The index ended the day -2.4% lower.", -2.4),
        ("Overnight it fell to minus 15 degrees.", -15),
        ("The offense managed minus-8 yards.", -8),
        ("The deficit widened to $-31.2bn in May.", -31.2e9),
    ],
)
def test_a_minus_sign_before_the_number_is_kept(sentence: str, value: float) -> None:
    _, low, _, _ = only(sentence)
    assert low == value


def test_two_numerals_side_by_side_are_two_quantities() -> None:
    found = phrases_of("The mill bottles nine million 330ml cans a year.")
    assert [(low, unit) for _, low, _, unit in found] == [(9e6, None), (330, "millilitre")]


def test_a_range_keeps_the_unit_after_its_high_end() -> None:
    assert only("Cyclists rode at 18 to 25 miles per hour.")[1:] == (18, 25, "mile per hour")


def test_tens_of_thousands_is_a_floor_of_ten_thousand() -> None:
    _, low, high, _ = only("Tens of thousands of fans filled the square.")
    assert (low, high) == (10_000, None)


def test_a_hyphenated_age_is_not_a_phone_number() -> None:
    _, low, _, unit = only("The 71-year-old retired last year.")
    assert (low, unit) == (71, "year of age")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports rose by $4 billion to $41 billion.", [(4e9, 4e9), (41e9, 41e9)]),
        ("The stock gained 12 sen to RM4.10 on Monday.", [(12, 12), (4.1, 4.1)]),
        ("Bids ranged from $20 to $25 billion.", [(20e9, 25e9)]),
        ("He slimmed from 180 pounds to 165 in a year.", [(165, 180)]),
        ("Targets moved from 4 to 6 per cent to 2 to 3 per cent.", [(4, 6), (2, 3)]),
    ],
)
def test_ranges_join_two_numbers_but_not_a_change_and_a_level(
    sentence: str, expected: list[tuple[float, float]]
) -> None:
    assert [(low, high) for _, low, high, _ in phrases_of(sentence)] == expected


def test_a_range_written_high_end_first_is_marked_descending() -> None:
    article = Article.create(source="test", original="He slimmed from 180 pounds to 165.")
    block = next(parse_blocks([article], loaded_nlp()))[0]
    (phrase,) = quantities_in(next(iter(block.doc.sents)))
    assert phrase.descending


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The lens is ~2.5mm thick.", 2.5, "millimetre"),
        ("Margins fell to 12pc last year.", 12, "percentage"),
        ("The Dow closed +0.4% on the day.", 0.4, "percentage"),
    ],
)
def test_a_hedge_or_plus_sign_written_against_the_number_is_read(
    sentence: str, value: float, unit: str
) -> None:
    _, low, _, found_unit = only(sentence)
    assert (low, found_unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Nikkei 225 closed higher on Tuesday.",
        "Shares in the FTSE 100 firm rose.",
        "She lived at 42 Elmwood Road for years.",
        "The 737 Max returned to service.",
        "The storm grew into a category 3 system.",
    ],
)
def test_a_number_inside_a_name_is_not_a_quantity(sentence: str) -> None:
    assert phrases_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officials expect about 1500 to attend.", 1500),
        ("The index slipped 0.3 per cent to 13250 at the close.", 13250),
    ],
)
def test_a_bounded_or_non_year_number_is_not_taken_for_a_date(sentence: str, value: float) -> None:
    assert value in [low for _, low, _, _ in phrases_of(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Priya Raman, 47, runs the bakery alone.",
        "Marta Kowalski 58 has worked nights.",
        "The baker, 47, runs the shop alone.",
        "Hawkes, 47, runs the shop alone.",
    ],
)
def test_a_number_after_a_persons_name_is_an_age(sentence: str) -> None:
    article = Article.create(source="test", original=sentence)
    block = next(parse_blocks([article], loaded_nlp()))[0]
    (phrase,) = quantities_in(next(iter(block.doc.sents)))
    assert (phrase.kind, phrase.unit) == ("age", "year of age")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Sales reached $9.1 billion from $8.4 billion a year earlier.", "dollar"),
        ("She paid 950€ for the bike.", "euro"),
        ("The car lists at 3,100,000 JPY in Osaka.", "japanese yen"),
        ("The motor makes 310 pound-feet of torque.", "pound-foot"),
        ("The rooftop has a 6.2 kW array.", "kilowatt"),
        ("Nurses work 36 hours a week there.", "hour per week"),
        ("Nine dollars per month buys the plan.", "dollar per month"),
    ],
)
def test_units_after_the_number_in_other_forms(sentence: str, unit: str) -> None:
    assert unit in [found for *_, found in phrases_of(sentence)]


def test_a_mobile_network_generation_is_not_grams() -> None:
    assert only("Rural towns still wait for 5G coverage.")[3] == "generation wireless"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Two of Lee's deputies resigned.", "lee deputy"),
        ("They let 20 rented flats.", "flat"),
        ("They hired 12 first-year teachers.", "first-year teacher"),
        ("The fleet has 40 electric and diesel buses.", "electric diesel bus"),
        ("The club signed eight more players.", "player"),
    ],
)
def test_the_counted_unit_keeps_content_words_as_lemmas(sentence: str, unit: str) -> None:
    article = Article.create(source="test", original=sentence)
    block = next(parse_blocks([article], loaded_nlp()))[0]
    phrase = quantities_in(next(iter(block.doc.sents)))[0]
    assert counted_unit(counted_tokens(phrase.anchor, phrase.end)) == unit


def test_sub_before_the_number_is_an_upper_bound() -> None:
    _, low, high, unit = only("Buyers want sub-200 sq m units.")
    assert (low, high, unit) == (None, 200, "square metre")


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("A quarter of the students walk to school.", 0.25, 0.25),
        ("Almost half the houses lost power.", None, 0.5),
        ("One in five drivers were speeding.", 0.2, 0.2),
        ("More than two-thirds of members voted.", 2 / 3, None),
        ("Nine out of ten voters stayed home.", 0.9, 0.9),
    ],
)
def test_a_fraction_of_something_is_a_quantity(
    sentence: str, low: float | None, high: float | None
) -> None:
    article = Article.create(source="test", original=sentence)
    block = next(parse_blocks([article], loaded_nlp()))[0]
    (phrase,) = quantities_in(next(iter(block.doc.sents)))
    assert (phrase.kind, phrase.quantity.low, phrase.quantity.high) == ("fraction", low, high)


@pytest.mark.parametrize(
    "sentence",
    ["They scored twice in the second half.", "He came a third time.", "It cost half a million."],
)
def test_ordinals_periods_and_half_a_number_are_not_fractions(sentence: str) -> None:
    article = Article.create(source="test", original=sentence)
    block = next(parse_blocks([article], loaded_nlp()))[0]
    assert all(p.kind != "fraction" for p in quantities_in(next(iter(block.doc.sents))))


def test_the_whole_of_a_fraction_is_its_counted_thing() -> None:
    article = Article.create(source="test", original="Half the flats were empty.")
    block = next(parse_blocks([article], loaded_nlp()))[0]
    (phrase,) = quantities_in(next(iter(block.doc.sents)))
    assert counted_unit(counted_tokens(phrase.anchor, phrase.end)) == "flat"


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The flat measures 48m2 in all.", 48, "square metre"),
        ("The plot covers 1250sq m near the river.", 1250, "square metre"),
        ("The fund closed at GBP80m.", 80e6, "pound sterling"),
        ("The plant adds 120 megawatts of capacity.", 120, "megawatt"),
    ],
)
def test_glued_square_units_and_a_scale_letter_before_the_full_stop(
    sentence: str, value: float, unit: str
) -> None:
    _, low, _, found_unit = only(sentence)
    assert (low, found_unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    ["The derby ended 3-1 on Sunday.", "It was tied at 77-77 late on.", "Cases of COVID -19 rose."],
)
def test_scores_and_a_hyphen_inside_a_name_are_not_quantities(sentence: str) -> None:
    assert phrases_of(sentence) == []


def test_a_year_and_a_number_after_it_are_not_a_range() -> None:
    found = phrases_of("Sales rose 20% in 2021 to 4.5 million units.")
    assert (4.5e6, 4.5e6) in [(low, high) for _, low, high, _ in found]


def test_a_rate_on_the_high_end_is_shared_by_the_low_end() -> None:
    assert only("Cleaners earn $600 to $900 a week here.")[1:] == (600, 900, "dollar per week")


@pytest.mark.parametrize(
    ("sentence", "nouns"),
    [
        ("Shares of Orbital Foods rose 4% on Monday.", ["Shares", "Orbital", "Foods"]),
        ("The new bridge cost $40 million.", ["bridge"]),
        ("Twelve teachers joined the school.", []),
    ],
)
def test_the_clause_subject_names_what_the_figure_is_about(sentence: str, nouns: list[str]) -> None:
    article = Article.create(source="test", original=sentence)
    block = next(parse_blocks([article], loaded_nlp()))[0]
    phrase = quantities_in(next(iter(block.doc.sents)))[0]
    assert [t.text for t in clause_subject(phrase.anchor)] == nouns


KIND_SENTENCES = {
    QuantityKind.COUNT: "At least 40 miners were trapped.",
    QuantityKind.MONEY: "The repairs will cost $3.5 million.",
    QuantityKind.PERCENT: "Turnout fell 4 per cent.",
    QuantityKind.MEASUREMENT: "The river rose 2 metres overnight.",
    QuantityKind.DURATION: "The talks lasted three weeks.",
    QuantityKind.AGE: "Priya Raman, 47, runs the bakery alone.",
    QuantityKind.FRACTION: "A third of the voters stayed home.",
}


def test_every_quantity_kind_the_finder_produces_is_a_member_of_the_vocabulary() -> None:
    article = Article.create(source="test", original="\n\n".join(KIND_SENTENCES.values()))
    kinds = [
        p.kind
        for block in next(parse_blocks([article], loaded_nlp()))
        for sent in block.doc.sents
        for p in quantities_in(sent)
    ]
    assert all(type(kind) is QuantityKind for kind in kinds)
    assert set(kinds) == set(QuantityKind) == set(KIND_SENTENCES)


def test_every_number_of_a_list_of_ages_is_an_age() -> None:
    article = Article.create(source="test", original="Two cyclists, ages 31 and 64, were hurt.")
    block = next(parse_blocks([article], loaded_nlp()))[0]
    kinds = [(p.kind, p.quantity.low) for p in quantities_in(next(iter(block.doc.sents)))]
    assert kinds == [("count", 2), ("age", 31), ("age", 64)]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("She coached the club in 2009-10 before leaving.", []),
        ("He made the team in 1991, '93 and '95.", []),
        ("The ferry left the port at about 0930 hrs GMT.", []),
        ("The tremor struck at 1415 CET on Monday.", []),
        ("Witnesses saw a van with the plate XRT 0417.", []),
        ("The raiders carried eight MP 40 rifles.", [8]),
        ("The patch MS11-042 closes the hole.", []),
        ("Two F-16 jets flew over the city.", [2]),
        ("In 2019 - 25 people died on the road.", [25]),
        ("He ran the lab from 1997-2004.", []),
    ],
)
def test_a_number_written_as_a_date_a_time_or_a_code_is_not_a_quantity(
    sentence: str, values: list[float]
) -> None:
    assert [low for _, low, _, _ in phrases_of(sentence)] == values


@pytest.mark.parametrize(
    "sentence",
    [
        "The visitors carry a 3-11 record into the game.",
        "She retired with a record of 120-135 in Boston.",
        "After a 4-9 start, the club changed its coach.",
    ],
)
def test_a_win_loss_record_is_not_a_range(sentence: str) -> None:
    assert phrases_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Officials said 4-9 people were hurt.", 4, 9),
        ("The flight left at noon with 160 passengers.", 160, 160),
        ("Adults need about 2000-2500 calories a day.", 2000, 2500),
        ("A platoon of 40 troops guarded the base.", 40, 40),
    ],
)
def test_a_range_or_count_near_those_shapes_is_still_found(
    sentence: str, low: float, high: float
) -> None:
    assert (low, high) in [(lo, hi) for _, lo, hi, _ in phrases_of(sentence)]
