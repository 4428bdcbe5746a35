"""The public API is small, sorted and importable (httpx's habit)."""

from __future__ import annotations

import accord


def test_public_names_are_sorted_and_all_exist() -> None:
    assert list(accord.__all__) == sorted(accord.__all__)
    for name in accord.__all__:
        assert hasattr(accord, name), name


def test_the_entry_points_are_public() -> None:
    assert {"analyze", "save", "load", "Dossier", "Article", "Span"} <= set(accord.__all__)
