"""One voice's statement retold in other words (accord.statements_paraphrase), on sentences
written for these tests and an embedder whose cosines the test sets."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from accord.model import (
    Article,
    Extraction,
    FigureMention,
    Quote,
    QuoteForm,
    QuoteMention,
    Span,
    SpeakerType,
)
from accord.statements import group_quotes
from accord.statements_paraphrase import (
    PARAPHRASE_SIMILARITY,
    RETELLING_SIMILARITY,
    STATEMENT_PARAPHRASE,
)
from accord.vocab import Measure

STOPS = "the ferry will stop carrying cars to the island in October"
ENDS = "the island ferry would no longer carry cars after October"
BARRED = "cars would be barred from the island ferry after the summer"
RECORD = "the ferry had carried a record number of passengers"
LATE = "the ferry ran late on Sunday"
HALTED = "the ferry stopped"

# between the floor that confirms a rewording on its arguments and the plain paraphrase floor
REWORDED = (RETELLING_SIMILARITY + PARAPHRASE_SIMILARITY) / 2
assert RETELLING_SIMILARITY < REWORDED < PARAPHRASE_SIMILARITY


def embedder_with(cosines: dict[frozenset[str], float]):  # type: ignore[no-untyped-def]
    """An embedder giving each pair of texts the cosine the test names (0 for the rest)."""

    def embed(texts: list[str]) -> np.ndarray:
        gram = np.eye(len(texts))
        for i, a in enumerate(texts):
            for j, b in enumerate(texts):
                if i != j:
                    gram[i, j] = cosines.get(frozenset({a, b}), 0.0)
        return np.linalg.cholesky(gram).astype(np.float32)

    return embed


def told(said: str, speaker: str, form: QuoteForm, before: str = "") -> tuple[Article, Extraction]:
    """One outlet's article in which ``speaker`` says ``said``."""
    art = Article.create("t.txt", f"{before}{speaker} said {said}.")
    start = art.original.index(said)
    mention = QuoteMention(
        Span.of(art, start, start + len(said)),
        speaker,
        verbatim=form is QuoteForm.VERBATIM,
        speaker_type=SpeakerType.PERSON,
        form=form,
    )
    return art, Extraction(art.id, sentences=_sentences(art), quotes=(mention,))


def _sentences(art: Article) -> tuple[Span, ...]:
    spans, start = [], 0
    for part in art.original.split(". "):
        spans.append(Span.of(art, start, start + len(part)))
        start += len(part) + 2
    return tuple(spans)


def grouped(
    outlets: list[tuple[Article, Extraction]], cosines: dict[frozenset[str], float]
) -> list[Quote]:
    arts, exs = zip(*outlets, strict=True)
    return group_quotes(arts, exs, embedder=embedder_with(cosines))


def test_one_voices_statement_retold_below_the_paraphrase_floor_is_one_statement() -> None:
    exs = [
        told(STOPS, "Rita Oyelaran", QuoteForm.VERBATIM),
        told(ENDS, "Oyelaran", QuoteForm.REPORTED),
        told(BARRED, "Oyelaran", QuoteForm.PARAPHRASE),
    ]
    pairs = [frozenset(p) for p in ((STOPS, ENDS), (STOPS, BARRED), (ENDS, BARRED))]
    quotes = grouped(exs, dict.fromkeys(pairs, REWORDED))
    assert [(q.speaker, q.sources) for q in quotes] == [("Rita Oyelaran", 3)]
    assert quotes[0].text == STOPS  # the verbatim form


def test_a_speakers_other_statement_as_close_in_the_embedding_stays_apart() -> None:
    exs = [
        told(STOPS, "Oyelaran", QuoteForm.REPORTED),
        told(RECORD, "Oyelaran", QuoteForm.REPORTED),
    ]
    quotes = grouped(exs, {frozenset({STOPS, RECORD}): REWORDED})
    assert sorted(len(q.mentions) for q in quotes) == [1, 1]


def test_one_shared_word_is_no_shared_proposition() -> None:
    exs = [told(LATE, "Oyelaran", QuoteForm.REPORTED), told(HALTED, "Oyelaran", QuoteForm.REPORTED)]
    quotes = grouped(exs, {frozenset({LATE, HALTED}): REWORDED})
    assert sorted(len(q.mentions) for q in quotes) == [1, 1]


def test_two_speakers_rewordings_stay_two_statements() -> None:
    exs = [told(STOPS, "Oyelaran", QuoteForm.REPORTED), told(ENDS, "Ana Ruiz", QuoteForm.REPORTED)]
    quotes = grouped(exs, {frozenset({STOPS, ENDS}): REWORDED})
    assert sorted(q.speaker for q in quotes) == ["Ana Ruiz", "Oyelaran"]


def test_a_rewording_far_from_one_member_of_the_group_stays_apart() -> None:
    # ENDS retells STOPS and BARRED retells ENDS, but BARRED is far from STOPS: complete
    # linkage keeps the chain from drifting
    far = (RETELLING_SIMILARITY + 0.0) / 2
    exs = [
        told(STOPS, "Oyelaran", QuoteForm.REPORTED),
        told(ENDS, "Oyelaran", QuoteForm.REPORTED),
        told(BARRED, "Oyelaran", QuoteForm.REPORTED),
    ]
    cosines = {
        frozenset({STOPS, ENDS}): STATEMENT_PARAPHRASE + 0.05,
        frozenset({ENDS, BARRED}): REWORDED,
        frozenset({STOPS, BARRED}): far,
    }
    quotes = grouped(exs, cosines)
    assert sorted(len(q.mentions) for q in quotes) == [1, 2]


def test_the_storys_topic_words_are_no_shared_argument() -> None:
    # every sentence of the story speaks of the ferry, the island and cars: sharing them
    # is sharing the story, and STOPS and BARRED share nothing else
    story = "".join(
        f"The ferry took {n} cars to the island on day {n}. " for n in ("one", "two", "three")
    )
    plain = [
        told(STOPS, "Oyelaran", QuoteForm.REPORTED),
        told(BARRED, "Oyelaran", QuoteForm.REPORTED),
    ]
    topical = [
        told(STOPS, "Oyelaran", QuoteForm.REPORTED, before=story * 2),
        told(BARRED, "Oyelaran", QuoteForm.REPORTED, before=story * 2),
    ]
    cosines = {frozenset({STOPS, BARRED}): REWORDED}
    assert [q.sources for q in grouped(plain, cosines)] == [2]
    assert sorted(q.sources for q in grouped(topical, cosines)) == [1, 1]


def _stating(said: str, injured: int | None) -> tuple[Article, Extraction]:
    """An outlet in which the harbour master says ``said``, with its injured count found by
    extraction when ``injured`` is given."""
    art, ex = told(said, "Ida Marlow", QuoteForm.REPORTED)
    if injured is None:
        return art, ex
    start = art.original.index(str(injured))
    figure = FigureMention(
        Span.of(art, start, start + len(str(injured))), injured, injured, measure=Measure.WOUNDED
    )
    return art, replace(ex, figures=(figure,))


@pytest.mark.parametrize(("figures", "statements"), [(False, 1), (True, 2)])
def test_renderings_whose_figures_clash_are_two_statements(figures: bool, statements: int) -> None:
    twelve = "12 passengers were injured when the ferry hit the pier"
    eighteen = "18 passengers were injured when the ferry hit the pier"
    outlets = [
        _stating(twelve, 12 if figures else None),
        _stating(eighteen, 18 if figures else None),
    ]
    quotes = grouped(outlets, {frozenset({twelve, eighteen}): 0.95})
    assert len(quotes) == statements


def _counting(said: str, *parts: tuple[str, int, str]) -> tuple[Article, Extraction]:
    """An outlet in which the harbour master says ``said``, with the injured counts extraction
    found in it: (number as written, value, counted noun)."""
    art, ex = told(said, "Ida Marlow", QuoteForm.REPORTED)
    figures = []
    for needle, value, counted in parts:
        start = art.original.index(needle)
        span = Span.of(art, start, start + len(needle))
        figures.append(FigureMention(span, value, value, measure=Measure.WOUNDED, counted=counted))
    return art, replace(ex, figures=tuple(figures))


@pytest.mark.parametrize(("total", "statements"), [("three", 1), ("five", 2)])
def test_a_rendering_that_counts_the_injured_in_parts_is_one_with_their_sum(
    total: str, statements: int
) -> None:
    parts = "two passengers and one deckhand were injured when the ferry hit the pier"
    whole = f"{total} people were injured when the ferry hit the pier"
    outlets = [
        _counting(parts, ("two", 2, "passengers"), ("one", 1, "deckhand")),
        _counting(whole, (total, {"three": 3, "five": 5}[total], "people")),
    ]
    quotes = grouped(outlets, {frozenset({parts, whole}): 0.95})
    assert len(quotes) == statements
