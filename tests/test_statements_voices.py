"""Speakers as statements compare them (accord.statements_voices), on sentences written for
these tests."""

from __future__ import annotations

from accord.model import Article, QuoteMention, Span, SpeakerType
from accord.statements_voices import Voices

TEXT = (
    "Attorney Ana Ruiz of the Rivers Fund, which is suing the government, said the dam "
    "would go. The government said the dam would stay. The Rivers Fund said it would sue."
)


def span(art: Article, text: str) -> Span:
    start = art.original.index(text)
    return Span.of(art, start, start + len(text))


def described_voices(text: str, said: list[tuple[str, str]]) -> Voices:
    """The voices of one article's described speakers, each (words, speaker) in ``text``."""
    art = Article.create("t.txt", text)
    described = SpeakerType.DESCRIPTION
    return Voices.of(
        [art], [QuoteMention(span(art, w), who, speaker_type=described) for w, who in said]
    )


def test_a_body_named_in_a_persons_relative_clause_is_not_their_title() -> None:
    art = Article.create("t.txt", TEXT)
    body = SpeakerType.ORGANISATION
    mentions = [
        QuoteMention(
            span(art, "the dam would go"),
            "Ana Ruiz",
            speaker_span=span(art, TEXT[: TEXT.index(", said")]),
            speaker_type=SpeakerType.PERSON,
        ),
        QuoteMention(span(art, "the dam would stay"), "The government", speaker_type=body),
        QuoteMention(span(art, "it would sue"), "The Rivers Fund", speaker_type=body),
    ]
    voices = Voices.of([art], mentions)
    assert not voices.body_of(0, 1)  # she sues the government; she does not speak for it
    assert voices.body_of(0, 2)  # her title names the fund


def test_another_witness_is_not_the_witness_described_before() -> None:
    voices = described_voices(
        "A witness said it burned. The witness said it fell. X said.",
        [("it burned", "A witness"), ("it fell", "the witness"), ("X", "another witness")],
    )
    assert voices.one_voice(0, 1)
    assert not voices.one_voice(0, 2)
    assert not voices.one_voice(1, 2)


def test_one_role_in_other_words_is_one_voice_and_a_gendered_pair_is_two() -> None:
    voices = described_voices(
        "Lee's lawyer said A. Lee's attorney said B. The spokesman said C. The spokeswoman said D.",
        [
            ("A", "Lee's lawyer"),
            ("B", "Lee’s attorney"),
            ("C", "the spokesman"),
            ("D", "the spokeswoman"),
        ],
    )
    assert voices.one_voice(0, 1)
    assert not voices.one_voice(2, 3)
