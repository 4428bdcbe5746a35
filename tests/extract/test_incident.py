"""Incident frames: the predicate, victims, place, time and scope of every figure mention.

Sentences are written for these tests; each case names the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract import extract_all
from accord.model import Article, FigureMention, IncidentFrame, Scope
from tests.models import loaded_nlp

PUBLISHED = date(2026, 2, 3)  # a Tuesday


def figures(sentence: str) -> dict[str, FigureMention]:
    text = f"Test story\n{sentence}\n"
    article = Article.create("test.txt", text, title="Test story", published=PUBLISHED)
    (extraction,) = extract_all([article], loaded_nlp())
    return {f.span.text: f for f in extraction.figures}


def frame(sentence: str, figure: str) -> IncidentFrame:
    found = figures(sentence)
    assert figure in found, found
    assert found[figure].frame is not None
    return found[figure].frame


def test_every_slot_that_is_set_carries_its_exact_span() -> None:
    text = "Test story\nShelling killed 14 Syrian soldiers at the airbase near Homs on Monday.\n"
    article = Article.create("test.txt", text, title="Test story", published=PUBLISHED)
    (extraction,) = extract_all([article], loaded_nlp())
    (figure,) = extraction.figures
    assert figure.frame is not None
    got = figure.frame
    assert (got.predicate, got.victims, got.time) == ("kill", "Syrian soldiers", "2026-02-02")
    assert got.place is not None and "Homs" in got.place
    for slot in ("predicate", "victims", "place", "time"):
        span = getattr(got, f"{slot}_span")
        assert span is not None, slot
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("sentence", "figure", "predicate", "victims"),
    [
        # a governing harm verb, active and passive
        ("The blast killed 9 factory workers.", "9", "kill", "factory workers"),
        ("At least 30 villagers were wounded.", "At least 30", "wound", "villagers"),
        # a measure noun governs its own number
        ("Officials reported 40 deaths.", "40", "death", "deaths"),
        # a count with no harm word still has the verb it is an argument of
        ("Rescuers evacuated 200 residents from the valley.", "200", "evacuate", "residents"),
        ("Police arrested 5 protesters.", "5", "arrest", "protesters"),
        # "killed two people and wounded five": the second count inherits the counted group
        ("The gunman killed two guards and wounded five.", "five", "wound", "guards"),
    ],
)
def test_predicate_and_victims_come_from_the_clause(
    sentence: str, figure: str, predicate: str, victims: str
) -> None:
    got = frame(sentence, figure)
    assert (got.predicate, got.victims) == (predicate, victims)


@pytest.mark.parametrize(
    ("sentence", "figure", "place"),
    [
        # a locative with a common noun and a nested place name
        ("Four pupils were hurt at the school in Marlow.", "Four", "school in Marlow"),
        # "in" with a place entity
        ("Floods displaced 3,000 families in Bangladesh.", "3,000", "Bangladesh"),
        # "in" + a common noun is not a place ("in the attack")
        ("Two guards died in the attack.", "Two", None),
    ],
)
def test_the_place_is_the_clause_locative(sentence: str, figure: str, place: str | None) -> None:
    assert frame(sentence, figure).place == place


def test_the_time_is_a_date_of_the_clause_resolved_against_publication() -> None:
    got = frame("On Sunday, 3 hikers went missing in the hills.", "3")
    assert got.time == "2026-02-01"
    assert got.time_span is not None and got.time_span.text == "Sunday"


@pytest.mark.parametrize(
    ("sentence", "figure", "time"),
    [
        (
            "In December 2019, a quake that left 3,000 people dead razed the town.",
            "3,000",
            "2019-12",
        ),
        ("In 2019, the town was razed by a quake that killed 3,000 people.", "3,000", "2019"),
        ("In February, a quake hit the town, killing 612 people.", "612", "2026-02"),
        ("On Sunday police arrested a man who killed 3 people.", "3", None),
        ("In 2019, the town built a bridge that carries 3,000 cars a day.", "3,000", None),
    ],
)
def test_a_clause_describing_a_thing_of_a_dated_clause_takes_its_month_or_year(
    sentence: str, figure: str, time: str | None
) -> None:
    assert frame(sentence, figure).time == time


def test_a_date_of_another_clause_is_not_the_time() -> None:
    got = frame("Police said on Friday that 6 men had been detained.", "6")
    assert got.time is None


@pytest.mark.parametrize(
    ("sentence", "figure", "marker"),
    [
        ("Elsewhere, 4 soldiers were wounded by a mine.", "4", "Elsewhere"),
        ("In a separate attack, 7 people were killed.", "7", "separate attack"),
        ("Two children died in another school.", "Two", "another school"),
        ("Earlier in the day, 3 officers were injured.", "3", "Earlier in the day"),
    ],
)
def test_markers_of_another_incident(sentence: str, figure: str, marker: str) -> None:
    got = frame(sentence, figure)
    assert got.scope == Scope.OTHER_INCIDENT
    assert got.scope_span is not None and got.scope_span.text == marker


@pytest.mark.parametrize(
    ("sentence", "figure", "marker"),
    [
        ("Some 2,000 fighters have died since the war began.", "Some 2,000", "since the war"),
        ("More than 900 people have been shot dead this year.", "More than 900", "this year"),
        # a place between the verb and the tally does not make it the place's noun
        ("Police say 75 people were killed in the county this year.", "75", "this year"),
        ("So far, 12 climbers have died on the peak.", "12", "So far"),
        ("Measles has killed 80 children nationwide.", "80", "nationwide"),
        ("In total, 55 miners were rescued.", "55", "In total"),
        ("The virus killed 300 people across the country.", "300", "across the country"),
        ("Storms displaced 9,000 people over the past five years.", "9,000", "over"),
        ("Since January, 14 journalists have been detained.", "14", "Since January"),
        ("Around 40 volunteers have died since being sent to the front.", "Around 40", "since"),
        ("Some 60 medics have been injured since they arrived in the region.", "Some 60", "since"),
    ],
)
def test_markers_of_a_running_total(sentence: str, figure: str, marker: str) -> None:
    got = frame(sentence, figure)
    assert got.scope == Scope.RUNNING_TOTAL
    assert got.scope_span is not None and got.scope_span.text.startswith(marker)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # the marker belongs to another noun, not to the number's clause
        ("Two men were killed Sunday in the city's 20th shooting this year.", "Two"),
        # "another" on the counted group adds people to this incident
        ("Another 6 passengers were injured.", "6"),
        # "a year ago" dates the clause, it is not a yearly tally
        ("A year ago, 5 workers were hurt at the plant.", "5"),
        ("Gunmen killed 11 people at a market on Tuesday.", "11"),
    ],
)
def test_the_reported_incident_has_incident_scope(sentence: str, figure: str) -> None:
    got = frame(sentence, figure)
    assert got.scope == Scope.INCIDENT
    assert got.scope_span is None


def test_a_marker_in_a_coordinated_clause_is_not_the_first_clauses() -> None:
    found = figures("Two soldiers were killed on Monday, and 300 have died since the war began.")
    first, second = found["Two"].frame, found["300"].frame
    assert first is not None and second is not None
    assert first.scope == Scope.INCIDENT
    assert second.scope == Scope.RUNNING_TOTAL


def test_money_and_percent_figures_get_a_frame_too() -> None:
    found = figures("Shares rose 5% on Monday after the firm raised $2 billion.")
    assert all(f.frame is not None for f in found.values())
