"""Accounts (accord.accounts): the canonical text of a statement told in parts."""

from __future__ import annotations

import numpy as np

from accord.accounts import canonical_text
from accord.model import Article, QuoteForm, QuoteMention, Span, SpeakerType


def reported(
    art: Article, text: str, form: QuoteForm = QuoteForm.REPORTED, cue: str | None = None
) -> QuoteMention:
    """Police's mention of ``text`` in ``art``, carried as ``form``, cued by ``cue``."""
    start = art.original.index(text)
    at = art.original.index(cue) if cue else -1
    return QuoteMention(
        Span.of(art, start, start + len(text)),
        "police",
        cue=Span.of(art, at, at + len(cue)) if cue else None,
        verbatim=False,
        speaker_type=SpeakerType.ORGANISATION,
        form=form,
    )


def test_a_part_whose_subject_stands_outside_its_words_does_not_open_the_text() -> None:
    art = Article.create(
        "t.txt",
        "The man police say is behind the crash now faces a murder charge. Police said the "
        "woman was walking in the crosswalk when she was struck.",
    )
    parts = [
        reported(art, "is behind the crash now faces a murder charge"),
        reported(art, "the woman was walking in the crosswalk when she was struck"),
    ]
    vectors = np.eye(2, dtype=np.float32)
    assert canonical_text([0, 1], parts, vectors) == parts[1].span.text


def test_a_statement_told_only_in_such_parts_keeps_them() -> None:
    art = Article.create("t.txt", "A clinic that an official said is unlicensed closed.")
    parts = [reported(art, "is unlicensed")]
    assert canonical_text([0], parts, np.eye(1, dtype=np.float32)) == "is unlicensed"


def test_a_paraphrase_shows_the_verb_right_before_it_and_a_clause_reads_alone() -> None:
    art = Article.create(
        "t.txt",
        "Police accused Russia of hiding its losses. "
        "Their claim that the troops were unprepared was repeated.",
    )
    accused = reported(art, "Russia of hiding its losses", QuoteForm.PARAPHRASE, "accused")
    claim = reported(art, "that the troops were unprepared", QuoteForm.PARAPHRASE, "claim")
    one = np.eye(1, dtype=np.float32)
    assert canonical_text([0], [accused], one) == "accused Russia of hiding its losses"
    assert canonical_text([0], [claim], one) == "that the troops were unprepared"
