"""The article's own incident: tolls from figures and unnumbered victims, context kept apart.

Articles are written for these tests; each names the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord import ArticleIncident, article_incident
from accord.extract import extract_blocks
from accord.model import Article
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def incident(*sentences: str) -> ArticleIncident:
    text = "Test story\n" + "\n".join(sentences) + "\n"
    article = Article.create("test.txt", text, title="Test story", published=date(2026, 2, 3))
    blocks = next(parse_blocks([article], loaded_nlp()))
    found = article_incident(article, extract_blocks(article, blocks))
    for toll in found.tolls:
        for span in toll.mentions:
            assert text[span.start : span.end] == span.text
    return found


def tolls(*sentences: str) -> dict[str, int]:
    return {t.measure: t.count for t in incident(*sentences).tolls}


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a stated number is the toll
        (("Gunfire at a nightclub killed 4 people and wounded 11.",), {"killed": 4, "wounded": 11}),
        # a harm without a number counts its victims
        (("A man was shot dead on Pine Street.",), {"killed": 1}),
        (("A woman and her son were wounded in the attack.",), {"wounded": 2}),
        # the same person named twice is one victim
        (("A man was shot dead on Friday.", "The victim died at the scene."), {"killed": 1}),
        # the shot who died are killed, not also wounded
        (
            ("Two men were shot on Friday.", "One of them died at a hospital."),
            {"killed": 1, "wounded": 1},
        ),
        (("A courier was shot on Main Street.", "He died later that night."), {"killed": 1}),
        # a shot victim whose death is not stated is wounded
        (("A courier was shot on Main Street.",), {"wounded": 1}),
        # wounded and then dead in one sentence: killed, never wounded
        (("A courier who was shot on Main Street died that night.",), {"killed": 1}),
        (("Two wounded couriers died on Main Street.",), {"killed": 2}),
        # "one wounded guard had died", where the parser may make "one" the subject of
        # "wounded": the guard died, nobody else was wounded
        (
            ("Officials confirmed on Friday that one wounded Malian guard had died.",),
            {"killed": 1},
        ),
    ],
)
def test_the_toll_of_the_reported_incident(
    sentences: tuple[str, ...], expected: dict[str, int]
) -> None:
    assert tolls(*sentences) == expected


def test_yearly_and_national_tallies_are_context_never_the_toll() -> None:
    found = incident(
        "A cyclist was shot dead on Monday.",
        "More than 6,000 people have been shot dead this year across the country.",
        "In a separate attack, 3 people were wounded.",
    )
    assert {t.measure: t.count for t in found.tolls} == {"killed": 1}
    assert {c.text for c in found.context} == {"More than 6,000", "3"}


def test_denied_harm_is_no_toll() -> None:
    assert tolls("A guard was shot dead.", "Two officers were not hurt.") == {"killed": 1}


def test_the_incident_round_trips_through_its_dict() -> None:
    found = incident("Gunfire at a nightclub killed 4 people.")
    assert ArticleIncident.from_dict(found.to_dict()) == found
    assert found.count("killed") == 4
    assert found.count("missing") == 0
