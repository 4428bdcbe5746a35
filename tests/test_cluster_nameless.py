"""A join the story names none of the article's opening names for (people, streets) is gated:
routine local reports alike by template stay apart. Vectors and texts written for the test."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from accord.cluster import (
    JOIN_THRESHOLD,
    NAME_STORIES,
    NAMELESS_PENALTY,
    SAME_OUTLET_PENALTY,
    STREET_CLASH_PENALTY,
    Signal,
    StoryIndex,
)
from accord.model import Article
from accord.signals import STREET, lead_terms, opening_names, outlet_of, outlet_words


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def direction(seed: int) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal(384))


def reported(article: str, names: set[str], opening: set[str], seed: int = 7) -> Signal:
    """A report whose lead reads like every other of its kind (one direction, no lead words)."""
    return Signal(article, direction(seed), frozenset(names), opening=frozenset(opening))


def test_opening_names_keep_the_openings_people_and_streets_and_drop_the_outlet() -> None:
    text = (
        "Man shot on Kestrel Lane | Fox 12 DenholmDENHOLM - Police said Oskar Vell, 31, was "
        "shot outside his home on Kestrel Lane late Friday. " + "He is stable. " * 40 + "Related: "
        "Ada Brill named as victim of Quarry Road shooting."
    )
    article = Article.create(
        "t.txt",
        text,
        title="Man shot on Kestrel Lane | Fox 12 Denholm",
        url="https://fox12.example/a",
    )
    names = {
        "loc:kestrel lane",
        "person:oskar vell",
        "org:fox 12 denholmdenholm",
        "gpe:denholm",
        "person:ada brill",
        "loc:quarry road",
    }
    assert outlet_of(article) == "fox12.example"
    assert {"fox", "denholm"} <= outlet_words(article)
    assert opening_names(article, names) == {"loc:kestrel lane", "person:oskar vell"}


def test_a_look_alike_report_naming_other_people_starts_its_own_story() -> None:
    index = StoryIndex()
    first = index.assign(reported("a", {"loc:kestrel lane"}, {"loc:kestrel lane"}))
    other = reported("b", {"loc:quarry road"}, {"loc:quarry road"})
    assert index.score(other, index.stories[first.story]) >= JOIN_THRESHOLD
    assert index.score(other, index.stories[first.story]) - NAMELESS_PENALTY < JOIN_THRESHOLD
    assert index.assign(other).new_story


def test_a_follow_up_naming_the_same_street_or_the_same_surname_joins() -> None:
    index = StoryIndex()
    first = index.assign(reported("a", {"person:dr ivo renk"}, {"person:dr ivo renk"}))
    same_street = index.assign(reported("b", {"person:ivo renk"}, {"person:ivo renk"}))
    assert not same_street.new_story and same_street.story == first.story
    no_names = index.assign(reported("c", {"gpe:denholm"}, set()))
    assert no_names.story == first.story


def test_a_common_word_or_a_name_many_stories_hold_is_no_match() -> None:
    index = StoryIndex()
    street_words = lead_terms("north street")

    def lead(own: str) -> dict[str, float]:
        return {**street_words, **lead_terms(own)}

    for i, own in enumerate(
        ["tram depot fare", "harbour ferry tide", "orchard frost crop", "library roof grant"]
    ):
        index.assign(  # other news that uses the words and names the agency
            Signal(
                f"x{i}",
                direction(100 + i),
                frozenset({"org:city police", f"person:x{i}"}),
                terms=lead(own),
            )
        )
    assert len(index.stories) > NAME_STORIES
    story = index.stories[
        index.assign(
            Signal(
                "a",
                direction(7),
                frozenset({"loc:north elm street", "org:city police"}),
                terms=lead("bakery oven smoke"),
                opening=frozenset({"loc:north elm street"}),
            )
        ).story
    ]
    other = Signal(
        "b",
        direction(7),
        frozenset({"loc:north oak street", "org:city police"}),
        terms=lead("bakery oven smoke"),
        opening=frozenset({"loc:north oak street", "org:city police"}),
    )
    assert index.nameless(other, story) == NAMELESS_PENALTY
    same = Signal("c", direction(7), opening=frozenset({"loc:north elm street"}))
    assert index.nameless(same, story) == 0.0


def test_a_nameless_report_of_the_same_outlet_needs_more_than_one_of_another() -> None:
    index = StoryIndex()
    first = Signal("a", direction(7), frozenset({"loc:kestrel lane"}), outlet="fox12.example")
    story = index.stories[index.assign(first).story]
    own_outlet = Signal("b", direction(7), outlet="fox12.example")
    other_outlet = Signal("c", direction(7), outlet="denholm-gazette.example")
    assert index.nameless(other_outlet, story) == 0.0
    assert index.nameless(own_outlet, story) == SAME_OUTLET_PENALTY
    renamed = Signal(
        "d", direction(7), opening=frozenset({"loc:quarry road"}), outlet="fox12.example"
    )
    assert index.nameless(renamed, story) == NAMELESS_PENALTY + SAME_OUTLET_PENALTY
    assert index.assign(own_outlet).new_story and not index.assign(other_outlet).new_story


def test_a_report_opening_on_another_street_is_gated_whatever_names_it_shares() -> None:
    # two shootings one agency reports: the agency's name matches, the streets do not
    index = StoryIndex()
    agency = {"org:denholm sheriff's office"}
    first = Signal("a", direction(7), frozenset(agency), opening=frozenset(agency))
    story = index.stories[index.assign(replace(first, streets=frozenset({"kestrel"}))).story]
    assert STREET + "kestrel" in story.entity_counts
    other = Signal("b", direction(7), frozenset(agency), opening=frozenset(agency))
    assert index.nameless(other, story) == 0.0  # no street named: the agency is a match
    elsewhere = replace(other, streets=frozenset({"quarry"}))
    assert index.nameless(elsewhere, story) == STREET_CLASH_PENALTY > NAMELESS_PENALTY
    assert index.nameless(replace(other, streets=frozenset({"kestrel", "elm"})), story) == 0.0
    assert index.assign(elsewhere).new_story
