"""find_figures on sentences written for the tests, and the acceptance figures of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.extract import extract_blocks, find_dates
from accord.extract.figures import find_figures, quantified_sentences
from accord.extract.incident import with_frames
from accord.model import Article, FigureMention
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def figures_of(text: str) -> list[FigureMention]:
    article = Article.create(source="test", original=text)
    blocks = next(parse_blocks([article], loaded_nlp()))
    found = find_figures(article, blocks)
    for figure in found:
        assert article.original[figure.span.start : figure.span.end] == figure.span.text
    return found


def only(text: str) -> FigureMention:
    found = figures_of(text)
    assert len(found) == 1, [f.span.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "low", "high"),
    [
        (
            "Officials said between 2,000 and 5,000 residents were displaced by the flood.",
            "between 2,000 and 5,000",
            2000,
            5000,
        ),
        ("At least 40 miners were killed in the collapse.", "At least 40", 40, None),
        ("Nearly 600 protesters were arrested over the weekend.", "Nearly 600", None, 600),
        (
            "The army has deployed more than 8,000 troops to the border.",
            "more than 8,000",
            8000,
            None,
        ),
        ("Rescuers found seven survivors in the rubble.", "seven", 7, 7),
    ],
)
def test_figure_spans_cover_the_qualifier_and_the_number(
    sentence: str, span: str, low: float | None, high: float | None
) -> None:
    figure = only(sentence)
    assert (figure.span.text, figure.low, figure.high) == (span, low, high)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("At least 40 miners were killed in the collapse.", "killed"),
        ("The storm injured 35 people across the county.", "wounded"),
        ("Police said 12 officers were killed or wounded in the clashes.", "killed_or_wounded"),
        ("The rebels suffered some 900 casualties in the offensive.", "killed_or_wounded"),
        ("Border guards captured three smugglers near the river.", "captured"),
        ("The army has deployed more than 8,000 troops to the border.", "deployed"),
        ("About 2,500 marines are stationed on the island.", "stationed"),
        ("Forty hikers are still missing after the avalanche.", "missing"),
        ("The company sold 4,000 cars in March.", "count"),
    ],
)
def test_the_measure_comes_from_the_verb_or_the_counted_noun(sentence: str, measure: str) -> None:
    assert only(sentence).measure == measure


@pytest.mark.parametrize(
    "sentence", ["Two of the three climbers died on the ridge.", "One of the 12 guards was hurt."]
)
def test_the_whole_of_a_partitive_is_not_what_befell_its_part(sentence: str) -> None:
    part, whole = figures_of(sentence)
    assert part.measure in ("killed", "wounded") and whole.measure == "count"


def test_a_number_with_a_fraction_counts_no_people() -> None:
    magnitude, hurt, moved = figures_of(
        "A magnitude-5.2 quake injured three people and displaced 1.5 million."
    )
    assert (magnitude.measure, magnitude.low) == ("count", 5.2)
    assert (hurt.measure, hurt.low) == ("wounded", 3)
    assert (moved.measure, moved.low) == ("displaced", 1_500_000)


def test_two_clauses_with_their_own_verbs_give_two_measures() -> None:
    killed, wounded = figures_of(
        "The ministry said about 50 guards have died and nearly 300 have been hurt since "
        "the siege began."
    )
    assert (killed.measure, killed.low, killed.high, killed.approximate) == ("killed", 50, 50, True)
    assert (wounded.measure, wounded.low, wounded.high) == ("wounded", None, 300)
    assert wounded.counted == "guards"


def test_the_counted_thing_keeps_its_modifiers() -> None:
    assert only("Officials counted 300 Canadian peacekeepers at the base.").counted == (
        "Canadian peacekeepers"
    )


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("More than 200 fighters were killed within the past week alone.", "week"),
        ("At least 90 people were killed in the last 24 hours.", "24 hours"),
        ("Some 400 villagers have been displaced since early March.", "since early March"),
        ("At least 90 people have been killed in the war so far.", "cumulative"),
    ],
)
def test_a_window_phrase_sets_the_period(sentence: str, period: str) -> None:
    assert str(only(sentence).period) == period


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        (
            "French intelligence estimates that 700 mercenaries have been deployed.",
            ("French intelligence",),
        ),
        (
            "A senior senator, citing military briefings, said 150 sailors were wounded.",
            ("senior senator", "military briefings"),
        ),
        ("According to the health ministry, 30 patients died.", ("health ministry",)),
    ],
)
def test_attribution_follows_reporting_verbs_outermost_first(
    sentence: str, chain: tuple[str, ...]
) -> None:
    assert only(sentence).attributed_to == chain


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed in 1998 after long talks.",
        "She celebrated her 40th birthday on Friday.",
        "Call the helpline at 1-800-555-0199 for advice.",
        "He served with Battalion No. 17 in the north.",
        "The meeting starts at 10 o'clock.",
    ],
)
def test_years_ordinals_phone_numbers_unit_names_and_times_are_not_figures(
    sentence: str,
) -> None:
    assert figures_of(sentence) == []


def test_percentages_are_kept_with_the_percent_measure() -> None:
    figure = only("Turnout rose to 64 percent in the second round.")
    assert (figure.measure, figure.low) == ("percent", 64)


def test_vague_quantities_are_floors_marked_vague() -> None:
    figure = only("Dozens of families were displaced by the fire.")
    assert (figure.vague, figure.low, figure.high, figure.measure) == (True, 12, None, "displaced")


# --- acceptance on the five seed articles (short literal strings: numbers + a word) ------------


@pytest.fixture(scope="module")
def seed_figures(seed_paths: list[Path]) -> list[FigureMention]:
    found: list[FigureMention] = []
    for path in seed_paths:
        text = path.read_text("utf-8")
        article = Article.create(source=str(path), original=text, title=text.split("\n")[0])
        found += find_figures(article, next(parse_blocks([article], loaded_nlp())))
    return found


def _by_span(figures: list[FigureMention], text: str) -> FigureMention:
    matches = [f for f in figures if f.span.text == text]
    assert matches, f"no figure {text!r}"
    return matches[0]


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("span", "low", "high", "measure"),
    [
        ("roughly 12,000", 12000, 12000, "deployed"),
        ("over 11,000", 11000, None, "deployed"),
        ("between 11,000 and 12,000", 11000, 12000, "deployed"),
        ("As many as 12,000", None, 12000, "deployed"),
        ("an estimated 11,000", 11000, 11000, "stationed"),
        ("nearly 11,000", None, 11000, "deployed"),
        ("between 1,000 and 4,000", 1000, 4000, "killed_or_wounded"),
        ("at least 4,000", 4000, None, "killed_or_wounded"),
        ("more than 3,000", 3000, None, "killed_or_wounded"),
        ("some 3,000", 3000, 3000, "killed_or_wounded"),
        ("over 1,000", 1000, None, "killed_or_wounded"),
        ("around 100", 100, 100, "killed"),
        ("nearly 1,000", None, 1000, "wounded"),
    ],
)
def test_seed_troop_and_casualty_figures_have_their_bounds_and_measure(
    seed_figures: list[FigureMention],
    span: str,
    low: float | None,
    high: float | None,
    measure: str,
) -> None:
    figure = _by_span(seed_figures, span)
    assert (figure.low, figure.high, figure.measure) == (low, high, measure)


@pytest.mark.seeds
def test_seed_weekly_casualties_carry_their_period(seed_figures: list[FigureMention]) -> None:
    assert str(_by_span(seed_figures, "over 1,000").period) == "week"


@pytest.mark.seeds
def test_seed_captured_soldiers_are_two(seed_figures: list[FigureMention]) -> None:
    captured = [f for f in seed_figures if f.measure == "captured" and f.low == 2]
    assert any(f.counted and f.counted.endswith("soldiers") for f in captured)


@pytest.mark.seeds
def test_seed_lawmaker_figures_credit_the_chain(seed_figures: list[FigureMention]) -> None:
    chain = _by_span(seed_figures, "around 100").attributed_to
    assert len(chain) == 2 and chain[0].endswith("lawmaker")


@pytest.mark.seeds
@pytest.mark.parametrize("text", ["84", "988", "8255", "2025", "79th", "250th", "800"])
def test_seed_identifiers_dates_and_phone_numbers_are_not_figures(
    seed_figures: list[FigureMention], text: str
) -> None:
    assert not [f for f in seed_figures if text in f.span.text]


def test_figures_read_from_shared_quantified_sentences_match_a_fresh_search() -> None:
    article = Article.create(
        source="test",
        original="Gunmen killed 12 people in Lagos on Monday.\n\n"
        "A third of the shops stayed shut, and 40 more people were hurt.",
    )
    blocks = next(parse_blocks([article], loaded_nlp()))
    shared = quantified_sentences(blocks)
    alone = with_frames(find_figures(article, blocks), blocks, find_dates(article, blocks))
    assert find_figures(article, blocks, shared) == find_figures(article, blocks)
    assert list(extract_blocks(article, blocks).figures) == alone
    assert [f.span.text for f in alone] == ["12", "40"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The club snapped a four-game losing streak on Sunday.",
        "Firefighters reached the top of a 14-story tower.",
        "She is a three-time world champion.",
        "The 2,000-member union voted to strike.",
        "Police found a 20-gauge shotgun in the boot.",
        "The 5.8 tremor damaged the old town.",
        "A magnitude 6.4 earthquake hit the coast.",
        "The crowd loved his one-liners.",
        "They lived in a 30 storey block.",
        "A father of three died in the crash.",
        "She was a two - time host.",
    ],
)
def test_a_count_that_describes_a_noun_is_no_figure(sentence: str) -> None:
    assert figures_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("The 14 crew were rescued by a passing ship.", 14),
        ("Rescuers pulled 14 crew members from the water.", 14),
        ("Police chased the car for a 20-mile stretch.", 20),
        ("He scored in 20-plus games last season.", 20),
        ("The tremor destroyed 30 homes in the old town.", 30),
        ("He signed a $40-million deal.", 40e6),
        ("The fathers of three victims spoke to reporters.", 3),
        ("Her reading was 0.21, twice the legal limit.", 0.21),
    ],
)
def test_a_count_or_measurement_beside_a_noun_is_still_a_figure(sentence: str, low: float) -> None:
    assert [f.low for f in figures_of(sentence)] == [low]
