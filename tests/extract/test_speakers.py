"""Speaker names: one rule folds spellings, titles and short forms onto one key."""

from __future__ import annotations

import pytest
from nicknames import NickNamer

from accord.extract.name_table import NameTable
from accord.extract.speakers import (
    abbreviates,
    compact_name,
    defined_acronyms,
    normalise_speaker,
    speaker_key,
    spelled_out,
    with_defined,
)
from accord.names import one_edit_apart


@pytest.mark.parametrize(
    "spellings",
    [
        ("Petrenko", "Petrenkoo", "Olena Petrenko", "Deputy Minister Olena Petrenko"),
        ("Kovalskiy", "Kovalsky", "Kovalskyi", "Kovalskij", "Mr. Ivan Kovalsky"),
        ("Muller", "Müller", "Chancellor Anna Müller", "Anna Muller's"),
        ("Ana Vlacu", "Ana Vlaku", "Mayor Ana Vlacku"),
    ],
)
def test_every_spelling_of_one_name_shares_one_key(spellings: tuple[str, ...]) -> None:
    assert len({speaker_key(name) for name in spellings}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Olena Petrenko", "Olena Petrova"),
        ("Kovalsky", "Kowalczyk"),
        ("Smith", "Smyth"),
        ("Lucic", "Lucie"),
    ],
)
def test_different_surnames_get_different_keys(first: str, second: str) -> None:
    assert speaker_key(first) != speaker_key(second)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("President Olena Petrenko", "Olena Petrenko"),
        ("Ukrainian President Olena Petrenko", "Olena Petrenko"),
        ("Sam Reyes, spokesperson for the port authority", "Sam Reyes"),
        ("Sen. Tom Hardy (R-Ohio)", "Tom Hardy"),
        ("Retired Lt. Gen. Mark Bell", "Mark Bell"),
        ("Petrenko’s", "Petrenko"),
        ("Dist. Atty. Sam Reyes", "Sam Reyes"),
        ("Coroner Sam Reyes", "Sam Reyes"),
        ("Sam Reyes - director of wholesale products", "Sam Reyes"),
        ("Ana Ruiz - Reyes", "Ana Ruiz Reyes"),  # a double name written with spaced dash
    ],
)
def test_titles_possessives_and_tails_are_dropped_from_the_shown_name(raw: str, shown: str) -> None:
    assert normalise_speaker(raw) == shown


def test_a_numbered_juror_keeps_the_number_that_tells_them_apart() -> None:
    table = NameTable(["Juror No. 8", "Juror No. 12"])
    assert normalise_speaker("Juror No. 8") == "Juror No. 8"
    assert table.resolve("Juror No. 12") == "Juror No. 12"
    assert table.resolve("Juror No. 8") == "Juror No. 8"


def test_a_short_or_variant_form_resolves_to_the_longest_full_name_seen() -> None:
    table = NameTable(["Sam Reyes", "Olena Petrenkoo", "Olena Petrenko", "Petrenko"])
    assert table.resolve("Reyes") == "Sam Reyes"
    assert table.resolve("Petrenko") == "Olena Petrenkoo"
    assert table.resolve("Ortiz") == "Ortiz"


def test_a_shared_surname_goes_to_the_person_mentioned_most() -> None:
    table = NameTable(["Ana Lund", "Erik Lund", "Erik Lund", "Lund"])
    assert table.resolve("Lund") == "Erik Lund"
    assert table.resolve("Ana Lund") == "Ana Lund"
    assert table.knows("Lund") and not table.knows("Berg")


def test_one_articles_first_name_alone_is_the_one_person_with_that_first_name() -> None:
    names = ["Erik Lund", "Ana Lund", "Erik"]
    assert NameTable(names, first_names=True).resolve("Erik") == "Erik Lund"
    assert NameTable([*names, "Erik Berg"], first_names=True).resolve("Erik") == "Erik"
    assert NameTable(names).resolve("Erik") == "Erik"  # across articles: no


def test_one_surnames_first_name_spelled_or_shortened_another_way_is_one_person() -> None:
    table = NameTable(
        ["Frederick C. Lane", "Fred Lane", "Ike Lane", "Jermayne Tomas", "Jerymayne Tomas"],
        nicknames=NickNamer(),
    )
    assert table.resolve("Fred Lane") == "Frederick C. Lane"
    assert table.resolve("Ike Lane") == "Ike Lane"  # his brother
    assert table.resolve("Jerymayne Tomas") == "Jermayne Tomas"  # the spelling met first
    assert NameTable(["Frederick Lane", "Fred Lane"]).resolve("Fred Lane") == "Fred Lane"


def test_a_table_reads_each_name_once_however_often_it_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from accord.extract import name_table

    read: list[str] = []
    name_tokens = name_table.name_tokens
    monkeypatch.setattr(name_table, "name_tokens", lambda n: read.append(n) or name_tokens(n))
    table = NameTable(["Deputy Minister Olena Petrenko", "Sam Reyes"])
    asked = [table.resolve("Petrenko") for _ in range(3)] + [table.knows("Reyes") for _ in range(3)]
    assert asked == ["Olena Petrenko"] * 3 + [True] * 3
    assert len(read) == len(set(read))


def test_a_tie_between_two_people_goes_to_the_one_met_first() -> None:
    # equal mentions and words: the order of the text decides, never the set's hash order
    assert NameTable(["Ana Moreau", "Luc Moreau"]).resolve("Moreau") == "Ana Moreau"
    assert NameTable(["Luc Moreau", "Ana Moreau"]).resolve("Moreau") == "Luc Moreau"


def test_an_empty_name_has_an_empty_key() -> None:
    assert speaker_key("") == ""
    assert speaker_key("—") == ""


def test_one_first_name_with_surnames_one_edit_apart_is_one_person() -> None:
    table = NameTable(["Nora Wolfe", "Nora Wolfe", "Nora Wolff", "Wolff"])
    assert table.resolve("Nora Wolff") == table.resolve("Wolff") == "Nora Wolfe"
    assert table.knows("Wolff")


def test_a_generational_suffix_is_no_part_of_the_name_that_keys_a_person() -> None:
    table = NameTable(["Nick J. Rahall II", "Nick Rahall", "Rahall"])
    assert table.resolve("Nick Rahall") == table.resolve("Rahall") == "Nick J. Rahall"
    assert speaker_key("Ray Jones Jr.") == speaker_key("Ray Jones") == "jones"
    assert normalise_speaker("John S. Pritchard 3rd") == "John S. Pritchard"  # not "... rd"


@pytest.mark.parametrize(
    "written",
    ['Vincent "The Chin" Gigante', "Vincent 'Chin' Gigante", 'Vincent "the Chin" Gigante'],
)
def test_a_quoted_nickname_is_no_part_of_the_name_but_names_the_person(written: str) -> None:
    assert normalise_speaker(written) == "Vincent Gigante"
    table = NameTable([written, "Louis Gigante"])
    assert table.resolve("Chin Gigante") == "Vincent Gigante"
    assert table.resolve("Louis Gigante") == "Louis Gigante"
    assert normalise_speaker("Tom O'Neil") == "Tom O'Neil"  # an apostrophe inside a name


def test_a_transliterated_name_a_letter_off_in_each_part_is_one_person() -> None:
    table = NameTable(["Heydar Alishbandi", "Heidar Alishvandi", "Alishvandi"])
    assert table.resolve("Heidar Alishvandi") == table.resolve("Alishvandi") == "Heydar Alishbandi"


@pytest.mark.parametrize(
    "names",
    [
        ("Nora Wolfe", "Mark Wolff"),  # another first name: another person
        ("John Smith", "Joan Smyth"),  # short first names a letter apart: two names
        ("Ana Li", "Ana Lu"),  # a surname too short to call one letter a typo
        ("Nora Wolfe", "Nora Wolters"),  # more than one edit apart
    ],
)
def test_names_that_only_look_alike_stay_two_people(names: tuple[str, str]) -> None:
    table = NameTable(names)
    assert table.resolve(names[0]) != table.resolve(names[1])


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("wolfe", "wolf", True),
        ("wolfe", "wolff", True),
        ("lund", "lind", True),
        ("wolfe", "wolfe", False),
        ("wolfe", "wolters", False),
        ("ames", "mesa", False),
    ],
)
def test_one_edit_apart_counts_a_single_insertion_deletion_or_substitution(
    first: str, second: str, apart: bool
) -> None:
    assert one_edit_apart(first, second) is apart
    assert one_edit_apart(second, first) is apart


@pytest.mark.parametrize(
    "names",
    [
        ("A. J. Moss", "A.J. Moss", "AJ Moss"),  # initials spaced, dotted or run together
        ("Rosa Del Monte", "Rosa DelMonte"),  # a particle written apart or joined
        ("Ivan LaPointe", "Ivan Lapointe"),  # an inner capital
    ],
)
def test_names_that_differ_only_in_spaces_dots_and_case_are_one_person(
    names: tuple[str, ...],
) -> None:
    table = NameTable(names)
    assert {table.resolve(name) for name in names} == {names[0]}
    assert len({compact_name(name) for name in names}) == 1


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("USGS", "the U. S. Geological Survey", True),
        ("USGS", "The U.S. Geological Survey", True),
        ("USGS", "the US Geological Survey", True),
        ("the FBI", "the Federal Bureau of Investigation", True),
        ("CIA", "Central Intelligence Agency", True),
        ("USGS", "the Geological Survey", False),  # letters missing
        ("Survey", "the Geological Survey", False),  # a word, not an acronym
        ("USGS", "USGS", False),  # one word has no initials
    ],
)
def test_an_acronym_abbreviates_the_initials_of_a_name(
    short: str, full: str, expected: bool
) -> None:
    assert abbreviates(short, full) is expected


@pytest.mark.parametrize(
    ("name", "full", "written"),
    [
        (
            "CHP Officer Jo Reed",
            "the California Highway Patrol",
            "California Highway Patrol Officer Jo Reed",
        ),
        (
            "the D.A.'s office",
            "Bristol District Attorney's Office",
            "the District Attorney's office",
        ),
        ("Officer Jo Reed", "the California Highway Patrol", "Officer Jo Reed"),  # no acronym
        ("CHP Officer Jo Reed", "the Coast Guard", "CHP Officer Jo Reed"),  # another body
    ],
)
def test_an_acronym_in_a_name_is_spelled_out_as_the_name_it_stands_for(
    name: str, full: str, written: str
) -> None:
    assert spelled_out(name, full) == written


def test_an_acronym_an_article_defines_in_brackets_reads_as_its_name() -> None:
    defined = defined_acronyms(
        [
            "Yesterday the Central Election and Referendum Commission (TsKVPR) met.",
            "Turnout was high, the Union of Concerned Scientists (UCS) said.",
            "Rain fell in the year (2008).",
        ]
    )
    assert defined == {
        "TsKVPR": "Central Election and Referendum Commission",
        "UCS": "Union of Concerned Scientists",
    }
    assert with_defined("TsKVPR", defined) == "Central Election and Referendum Commission"
    assert with_defined("the CEC", defined) == "the CEC"  # not defined here


def test_an_acronym_defined_at_the_texts_start_keeps_its_first_word() -> None:
    defined = defined_acronyms(["Mothers Against Drunk Driving (MADD) said so."])
    assert defined == {"MADD": "Mothers Against Drunk Driving"}


def test_an_acronym_defined_two_ways_is_left_out() -> None:
    texts = ["the Press Council (PC) said", "the Pacific Command (PC) said"]
    assert defined_acronyms(texts) == {}
