"""Which shared statements of one run another run no longer shows as one statement."""

from __future__ import annotations

from .scripts import load_script

statements_lost = load_script("statements_lost")


def statement(speaker: str, *renderings: tuple[str, int, int]) -> dict[str, object]:
    return {"speaker": speaker, "text": speaker, "renderings": [list(r) for r in renderings]}


BEFORE = {"1": [statement("Ana Ruiz", ("d1", 10, 50), ("d2", 0, 40))]}


def test_a_statement_held_from_two_of_its_documents_is_kept() -> None:
    # the spans moved a little: overlap, not equality, holds a rendering
    after = {"1": [statement("Ana Ruiz", ("d1", 12, 60), ("d2", 5, 30), ("d3", 0, 9))]}
    assert statements_lost.lost_statements(BEFORE, after) == []


def test_a_statement_split_between_two_shared_ones_is_lost_but_overlaps() -> None:
    after = {
        "1": [
            statement("Ana Ruiz", ("d1", 10, 50), ("d3", 0, 9)),
            statement("Tom Berg", ("d2", 0, 40), ("d4", 0, 9)),
        ]
    }
    [(topic, lost, holders)] = statements_lost.lost_statements(BEFORE, after)
    assert (topic, lost["speaker"], [h["speaker"] for h in holders]) == (
        "1",
        "Ana Ruiz",
        ["Ana Ruiz", "Tom Berg"],
    )


def test_a_statement_no_shared_statement_touches_is_lost_by_either_count() -> None:
    after = {"1": [statement("Ana Ruiz", ("d1", 60, 90), ("d2", 50, 80))]}
    [(_, _, holders)] = statements_lost.lost_statements(BEFORE, after)
    assert holders == []
