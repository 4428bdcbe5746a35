"""Statements (accord.statements): what counts as one, on sentences written for these tests."""

from __future__ import annotations

from accord.model import Article, Extraction, QuoteForm, QuoteMention, Span, SpeakerType
from accord.statements import group_quotes
from tests.models import bag_of_words


def article(text: str) -> Article:
    return Article.create("t.txt", text)


def span(art: Article, text: str) -> Span:
    start = art.original.index(text)
    return Span.of(art, start, start + len(text))


def mention(
    art: Article,
    text: str,
    speaker: str,
    form: QuoteForm = QuoteForm.VERBATIM,
    cue: str | None = None,
    kind: SpeakerType = SpeakerType.PERSON,
) -> QuoteMention:
    named = speaker in art.original
    return QuoteMention(
        span(art, text),
        speaker,
        speaker_span=span(art, speaker) if named else None,
        cue=span(art, cue) if cue else None,
        verbatim=form is not QuoteForm.REPORTED,
        speaker_type=kind,
        form=form,
    )


def two_said(art: Article, first: str, second: str) -> Extraction:
    """Two quotations Ana Ruiz "said" in one article."""
    return Extraction(
        art.id,
        quotes=(
            mention(art, first, "Ana Ruiz", cue="said"),
            mention(art, second, "Ana Ruiz", cue="said"),
        ),
    )


def test_a_quotation_that_runs_on_past_its_cue_is_one_statement() -> None:
    a = article('"The bridge is closed," Ana Ruiz said. "Crews will inspect it on Monday."')
    first, second = "The bridge is closed", "Crews will inspect it on Monday."
    [quote] = group_quotes([a], [two_said(a, first, second)], embedder=bag_of_words)
    assert [m.span.text for m in quote.mentions] == [first, second]


def test_a_new_quotation_under_the_same_cue_stays_a_statement_of_its_own() -> None:
    a = article('Ana Ruiz said: "The bridge is closed." "Crews will inspect it on Monday."')
    first, second = "The bridge is closed.", "Crews will inspect it on Monday."
    assert len(group_quotes([a], [two_said(a, first, second)], embedder=bag_of_words)) == 2


def test_fragments_questions_and_requests_are_no_statements() -> None:
    a = article(
        'Ana Ruiz called the plan "a disgrace". She would not say how many homes were lost. '
        "She told residents to leave the valley."
    )
    exs = [
        Extraction(
            a.id,
            quotes=(
                mention(a, "a disgrace", "Ana Ruiz", QuoteForm.PARTIAL),
                mention(a, "how many homes were lost", "Ana Ruiz", QuoteForm.REPORTED),
                mention(a, "to leave the valley", "Ana Ruiz", QuoteForm.PARAPHRASE),
            ),
        )
    ]
    assert group_quotes([a], exs, embedder=bag_of_words) == []


def test_a_fragment_joins_the_statement_that_holds_it() -> None:
    a = article('Ruiz said the plan was "a disgrace to the town" and would be withdrawn.')
    whole = 'the plan was "a disgrace to the town" and would be withdrawn'
    exs = [
        Extraction(
            a.id,
            quotes=(
                mention(a, "a disgrace to the town", "Ana Ruiz", QuoteForm.PARTIAL),
                mention(a, whole, "Ana Ruiz", QuoteForm.REPORTED),
            ),
        )
    ]
    [quote] = group_quotes([a], exs, embedder=bag_of_words)
    assert len(quote.mentions) == 2


def test_one_long_quotation_credited_to_two_speakers_by_two_outlets_is_one_statement() -> None:
    words_said = "We will rebuild every school the storm destroyed before winter"
    a = article(f'"{words_said}," Mayor Ana Ruiz said.')
    b = article(f'"{words_said}," council chair Tom Berg said.')
    exs = [
        Extraction(a.id, quotes=(mention(a, words_said, "Ana Ruiz"),)),
        Extraction(b.id, quotes=(mention(b, words_said, "Tom Berg"),)),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert quote.sources == 2


def test_a_short_common_phrase_from_two_speakers_stays_two_statements() -> None:
    a = article('"We are very sad," Ana Ruiz said.')
    b = article('"We are very sad," Tom Berg said.')
    exs = [
        Extraction(a.id, quotes=(mention(a, "We are very sad", "Ana Ruiz"),)),
        Extraction(b.id, quotes=(mention(b, "We are very sad", "Tom Berg"),)),
    ]
    assert len(group_quotes([a, b], exs, embedder=bag_of_words)) == 2


def test_two_renderings_in_one_outlet_never_bridge_two_statements_of_another() -> None:
    # outlet a carries both statements, b and c one each: a chain must not make them one
    a = article(
        '"The dam will hold this winter," Ruiz said. "Taxes will rise next year," Ruiz said.'
    )
    b = article('"The dam will hold this winter," Ruiz said.')
    c = article('"Taxes will rise next year," Ruiz said.')
    dam, tax = "The dam will hold this winter", "Taxes will rise next year"
    exs = [
        Extraction(a.id, quotes=(mention(a, dam, "Ana Ruiz"), mention(a, tax, "Ana Ruiz"))),
        Extraction(b.id, quotes=(mention(b, dam, "Ana Ruiz"),)),
        Extraction(c.id, quotes=(mention(c, tax, "Ana Ruiz"),)),
    ]
    quotes = group_quotes([a, b, c], exs, embedder=bag_of_words)
    assert sorted(q.sources for q in quotes) == [2, 2]
