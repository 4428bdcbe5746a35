"""The gazetteer's place names: derived from GeoNames once, then read from accord's cache."""

from __future__ import annotations

import json
from pathlib import Path

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
