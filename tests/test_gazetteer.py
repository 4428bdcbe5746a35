"""The gazetteer's place names and their split into words: derived once, then read from accord's
cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord import gazetteer


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_the_derived_names_are_kept_and_read_back_without_geonames(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = gazetteer.place_names()
    assert [p.name for p in cache.iterdir()] == [gazetteer._places_file().name]

    def unreachable() -> frozenset[str]:
        raise AssertionError("GeoNames read again")

    monkeypatch.setattr(gazetteer, "_derive_place_names", unreachable)
    assert gazetteer.place_names() == first
    assert {"Kyiv", "Ukraine"} <= first


@pytest.mark.parametrize("content", ["{not json", '{"Kyiv": 1}', "[]", "[1, 2]"])
def test_an_unreadable_list_is_derived_again_and_replaced(cache: Path, content: str) -> None:
    path = gazetteer._places_file()
    path.write_text(content, encoding="utf-8")
    names = gazetteer.place_names()
    assert "Kyiv" in names
    assert sorted(names) == json.loads(path.read_text("utf-8"))


def test_a_cache_that_cannot_be_written_only_costs_the_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(blocked / "cache"))  # a folder under a file
    assert "Kyiv" in gazetteer.place_names()
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_split_names_are_kept_and_read_back_without_the_tokenizer(
    cache: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    places = frozenset({"New York", "Rio de Janeiro", "St. Louis", "Kyiv"})
    first = gazetteer.place_words(nlp, places)
    assert first == [[t.text for t in nlp.make_doc(name)] for name in sorted(places)]

    def unreachable(text: str) -> Any:
        raise AssertionError(f"{text} split again")

    monkeypatch.setattr(nlp, "make_doc", unreachable)
    assert gazetteer.place_words(nlp, places) == first


def test_other_tokenizer_rules_or_names_are_split_again(cache: Path, nlp: Any) -> None:
    import spacy

    places = frozenset({"New York", "Kyiv"})
    gazetteer.place_words(nlp, places)
    gazetteer.place_words(nlp, places | {"Rio de Janeiro"})
    gazetteer.place_words(spacy.blank("en"), places)
    assert len(list(cache.glob("*.words-*.json"))) == 3


def test_a_matcher_of_word_hashes_finds_what_a_matcher_of_docs_finds(nlp: Any) -> None:
    from spacy.matcher import PhraseMatcher

    fixer = gazetteer.EntityFixer(nlp)
    of_docs = PhraseMatcher(nlp.vocab, attr="ORTH")
    of_docs.add("PLACE", [nlp.make_doc(name) for name in sorted(fixer.places)])
    doc = nlp.make_doc(
        "Flights from New York and Rio de Janeiro to Kyiv were cut, officials in "
        "St. Louis and new york said."
    )
    found = fixer.matcher(doc)  # type: ignore[operator]
    assert found == of_docs(doc)
    assert {doc[s:e].text for _, s, e in found} >= {"New York", "Rio de Janeiro", "Kyiv"}
