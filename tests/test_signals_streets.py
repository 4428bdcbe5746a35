"""The streets and names of a report's opening that tell two local incidents apart. Texts
and names written for the test."""

from __future__ import annotations

import pytest

from accord.model import Article
from accord.signals import (
    OPENING_CHARS,
    STREET,
    may_be_one,
    names_one_of,
    opening_streets,
    streets_clash,
    uncovered,
)


def page(title: str, text: str) -> Article:
    return Article.create("t.txt", text, title=title, url="https://fox12.example/a")


def test_opening_streets_read_the_name_without_compass_word_or_type() -> None:
    article = page(
        "Man Shot On Kestrel Lane | Fox 12",
        "DENHOLM - Officers were called to the 900 block of North Harlow Street, near "
        "E. Quarry Rd., after a man was shot outside St. Agnes Avenue. ",
    )
    assert opening_streets(article) == {"kestrel", "harlow", "quarry", "st agnes"}


def test_streets_past_the_opening_or_without_a_capital_are_not_read() -> None:
    article = page("Man shot", "A man was shot on a quiet street. " + "x" * OPENING_CHARS)
    late = page("Man shot", "x " * OPENING_CHARS + "on Kestrel Lane.")
    assert opening_streets(article) == frozenset() == opening_streets(late)


@pytest.mark.parametrize(
    ("streets", "story", "clash"),
    [
        ({"kestrel"}, {STREET + "harlow", "person:oskar vell"}, True),
        ({"kestrel"}, {STREET + "harlow", STREET + "kestrel"}, False),
        ({"kestrel"}, {"person:oskar vell"}, False),  # the story opens on no street
        (set(), {STREET + "harlow"}, False),  # the report names none
    ],
)
def test_a_clash_needs_streets_on_both_sides_and_none_shared(
    streets: set[str], story: set[str], clash: bool
) -> None:
    assert streets_clash(streets, story) is clash


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("person:ivo renk", "person:dr ivo renk", True),
        ("person:ona brisk", "person:ona m brisk", True),
        ("person:renk", "person:dr ivo renk", True),  # a surname alone
        ("person:ray jones iii", "person:ray jones", True),
        ("person:joel ruiz", "person:jose ruiz", False),
        ("person:ana maria diaz", "person:maria lopez", False),
        ("org:harlow", "org:harlow & sons", True),
        ("fac:the halden arena", "fac:halden arena", True),
        ("loc:hawaiian gardens", "loc:bell gardens", False),
        ("loc:48th & elm", "loc:48th & kestrel", False),
    ],
)
def test_two_names_sharing_a_word_may_be_one_only_if_they_agree(a: str, b: str, one: bool) -> None:
    assert may_be_one(a, b) is one
    assert may_be_one(b, a) is one


def test_a_surname_beside_the_full_name_stands_for_that_person() -> None:
    names = ["person:joel ruiz", "person:ruiz", "person:vell", "person:kai jones jr"]
    assert uncovered([*names, "person:jones"]) == [*names[:1], *names[2:]]


def test_another_person_of_the_same_surname_is_no_match() -> None:
    def rare(_: str) -> bool:
        return True

    story = {"person:jose ruiz", "person:ruiz", "gpe:denholm"}
    assert not names_one_of({"person:joel ruiz", "person:ruiz"}, story, rare, rare)
    assert names_one_of({"person:jose m ruiz"}, story, rare, rare)
    assert names_one_of({"person:ruiz"}, {"person:jose ruiz"}, rare, rare)
