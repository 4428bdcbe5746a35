"""Uncredited quotations (accord.statements_uncredited), on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.model import (
    Article,
    Extraction,
    FigureMention,
    QuoteForm,
    QuoteMention,
    Span,
    SpeakerType,
)
from accord.statements import group_quotes
from accord.vocab import Measure
from tests.models import bag_of_words

SAID = "The new bridge will open to traffic before the winter storms"


def article(text: str) -> Article:
    return Article.create("t.txt", text)


def quoted(art: Article, text: str, speaker: str | None = None) -> QuoteMention:
    start = art.original.index(text)
    return QuoteMention(
        Span.of(art, start, start + len(text)),
        speaker,
        verbatim=True,
        speaker_type=SpeakerType.PERSON if speaker else None,
        form=QuoteForm.VERBATIM,
    )


def outlets(*quotes: tuple[str, str | None]) -> tuple[list[Article], list[Extraction]]:
    """One article per quotation: its text in quote marks, credited or not."""
    arts, exs = [], []
    for said, speaker in quotes:
        a = article(f'"{said}." The county board met {len(arts) + 1} times.')
        arts.append(a)
        exs.append(Extraction(a.id, quotes=(quoted(a, said, speaker),)))
    return arts, exs


def test_an_uncredited_quotation_joins_the_statement_another_outlet_credits() -> None:
    arts, exs = outlets((SAID, "Ana Ruiz"), (SAID, None))
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.speaker == "Ana Ruiz"
    assert quote.sources == 2
    assert sorted(str(m.speaker) for m in quote.mentions) == ["Ana Ruiz", "None"]


def test_an_uncredited_quotation_with_a_word_mended_joins_it() -> None:
    mended = SAID.replace("will open", "will be open")
    arts, exs = outlets((SAID, "Ana Ruiz"), (mended, None))
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.sources == 2


def test_an_uncredited_quotation_holding_a_credited_fragment_joins_it() -> None:
    fragment = "will open to traffic before the winter storms"
    arts, exs = outlets((fragment, "Ana Ruiz"), (SAID, None))
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.text == SAID  # the fullest verbatim rendering


def test_an_uncredited_quoted_fragment_inside_a_credited_quotation_joins_it() -> None:
    a = article(f'"{SAID}," Ana Ruiz said.')
    b = article('The county expects the bridge "will open to traffic before the winter storms".')
    fragment = "will open to traffic before the winter storms"
    start = b.original.index(fragment)
    partial = QuoteMention(Span.of(b, start, start + len(fragment)), None, form=QuoteForm.PARTIAL)
    exs = [
        Extraction(a.id, quotes=(quoted(a, SAID, "Ana Ruiz"),)),
        Extraction(b.id, quotes=(partial,)),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert quote.sources == 2


def test_an_uncredited_quotation_alone_is_no_statement() -> None:
    arts, exs = outlets((SAID, None), ("Crews finished the last span on Monday", "Tom Berg"))
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.speaker == "Tom Berg"
    assert quote.sources == 1


def test_short_uncredited_words_join_no_one() -> None:
    arts, exs = outlets(("We are very sad", "Ana Ruiz"), ("We are very sad", None))
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.sources == 1


def test_words_two_speakers_are_credited_with_equally_join_neither() -> None:
    shared = "the bridge will open before the winter"
    arts, exs = outlets(
        (f"We expect {shared}, if the crews keep working", "Ana Ruiz"),
        (f"Nobody on the board doubts {shared} any longer", "Tom Berg"),
        (shared, None),
    )
    quotes = group_quotes(arts, exs, embedder=bag_of_words)
    assert sorted(q.speaker or "" for q in quotes) == ["Ana Ruiz", "Tom Berg"]
    assert all(m.speaker is not None for q in quotes for m in q.mentions)


def test_an_outlets_own_uncredited_repeat_adds_no_source() -> None:
    a = article(f'"{SAID}," Ana Ruiz said. The board repeated: "{SAID}."')
    first = a.original.index(SAID)
    second = a.original.index(SAID, first + 1)
    uncredited = QuoteMention(Span.of(a, second, second + len(SAID)), None, form=QuoteForm.VERBATIM)
    exs = [Extraction(a.id, quotes=(quoted(a, SAID, "Ana Ruiz"), uncredited))]
    [quote] = group_quotes([a], exs, embedder=bag_of_words)
    assert [m.speaker for m in quote.mentions] == ["Ana Ruiz"]


def injured(art: Article, ex: Extraction, value: int) -> Extraction:
    """``ex`` with the injured count extraction found in ``art``."""
    start = art.original.index(str(value))
    span = Span.of(art, start, start + len(str(value)))
    return replace(ex, figures=(FigureMention(span, value, value, measure=Measure.WOUNDED),))


@pytest.mark.parametrize(("uncredited", "sources"), [(12, 2), (18, 1)])
def test_an_uncredited_quotation_whose_figures_clash_joins_no_one(
    uncredited: int, sources: int
) -> None:
    said = "{} passengers were hurt when the old ferry struck the pier at dawn"
    arts, exs = outlets((said.format(12), "Ida Marlow"), (said.format(uncredited), None))
    exs = [injured(a, ex, n) for a, ex, n in zip(arts, exs, (12, uncredited), strict=True)]
    [quote] = group_quotes(arts, exs, embedder=bag_of_words)
    assert quote.sources == sources
