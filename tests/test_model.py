"""The shared data model: spans slice the original, cleaning masks without moving offsets,
and every object survives a round trip through its dict form."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

import pytest

from accord.model import (
    Article,
    Change,
    Claim,
    DateMention,
    Dossier,
    Extraction,
    Figure,
    FigureMention,
    Quote,
    QuoteForm,
    QuoteMention,
    Removed,
    Skipped,
    Span,
    SpeakerType,
    TimelineEntry,
    Toll,
    content_id,
)
from accord.vocab import Derivation, Measure, Period, RemovalReason, Stage

TEXT = "Headline here\n\n[ad]\nA dam failed on Tuesday.\nRepeated line.\nRepeated line.\n"


@pytest.fixture()
def article() -> Article:
    return Article.create(source="x.txt", original=TEXT, title="Headline here")


def test_article_ids_are_content_hashes(article: Article) -> None:
    again = Article.create(source="elsewhere.txt", original=TEXT)
    assert article.id == again.id
    assert article.id != Article.create(source="x.txt", original=TEXT + "!").id


def test_span_of_slices_the_original_text(article: Article) -> None:
    start = TEXT.index("dam")
    span = Span.of(article, start, start + 3)
    assert span.text == "dam" and span.article == article.id


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (0, len(TEXT) + 1), (7, 3)])
def test_span_of_refuses_offsets_outside_the_article(
    article: Article, start: int, end: int
) -> None:
    with pytest.raises(ValueError, match="outside article"):
        Span.of(article, start, end)


def test_masking_keeps_length_and_newlines(article: Article) -> None:
    ad = TEXT.index("[ad]")
    cleaned = article.with_removed([Removed(ad, ad + 4, RemovalReason.AD_MARKER)])
    masked = cleaned.masked()
    assert len(masked) == len(TEXT)
    assert "[ad]" not in masked
    assert masked.count("\n") == TEXT.count("\n")
    assert cleaned.original == TEXT


def test_kept_blocks_are_original_offsets_of_surviving_lines(article: Article) -> None:
    ad = TEXT.index("[ad]")
    cleaned = article.with_removed([Removed(ad, ad + 4, RemovalReason.AD_MARKER)])
    blocks = [TEXT[s:e] for s, e in cleaned.kept_blocks()]
    assert blocks == [
        "Headline here",
        "A dam failed on Tuesday.",
        "Repeated line.",
        "Repeated line.",
    ]
    assert cleaned.text.startswith("Headline here\n\nA dam failed")


def test_article_round_trips_through_dict(article: Article) -> None:
    cleaned = article.with_removed([Removed(15, 19, RemovalReason.AD_MARKER)])
    data = cleaned.to_dict()
    assert data["text"] == cleaned.text
    assert Article.from_dict(data) == cleaned


def test_mentions_serialise_flat_with_their_span_keys(article: Article) -> None:
    start = TEXT.index("Tuesday")
    span = Span.of(article, start, start + 7)
    sentence = Span.of(article, TEXT.index("A dam"), TEXT.index("Tuesday.") + 8)
    date = DateMention(span, "2026-03-10", "day", relative=True, sentence=sentence)
    data = date.to_dict()
    assert (data["article"], data["start"], data["end"], data["text"]) == (
        article.id,
        start,
        start + 7,
        "Tuesday",
    )
    assert data["sentence"]["text"] == "A dam failed on Tuesday."
    assert DateMention.from_dict(data) == date


def test_a_whole_dossier_round_trips_through_dict(article: Article) -> None:
    start = TEXT.index("dam")
    span = Span.of(article, start, start + 3)
    fig = FigureMention(span, 10.0, None, qualifier="more than", attributed_to=("officials",))
    quote = QuoteMention(span, "Jane Doe", speaker_span=span, verbatim=False)
    dossier = Dossier(
        articles=(article,),
        figures=(
            Figure(
                "f1",
                "killed",
                10.0,
                10.0,
                None,
                "2026-03-11",
                False,
                (fig,),
                low_sources=(article.id,),
            ),
        ),
        quotes=(Quote("q1", "Jane Doe", "dam", (quote,)),),
        claims=(Claim("c1", "dam", (span,), 1),),
        timeline=(TimelineEntry("2026-03", "month", "dam", (span,)),),
        title="t",
    )
    data = dossier.to_dict()
    assert data["schema"] == "accord.dossier/1"
    assert data["figures"][0]["mentions"][0]["attributed_to"] == ["officials"]
    assert Dossier.from_dict(data) == dossier
    extraction = Extraction(article.id, (span,), (fig,), (quote,), ())
    assert Extraction.from_dict(extraction.to_dict()) == extraction


def test_content_id_is_stable_and_prefixed() -> None:
    assert content_id("a", 1, prefix="f") == content_id("a", 1, prefix="f")
    assert content_id("a", 1, prefix="f").startswith("f")
    assert content_id("a", 1) != content_id("a1")


def test_frames_and_victims_survive_their_dict_round_trip(article: Article) -> None:
    from accord.model import IncidentFrame, Scope, VictimMention

    start = TEXT.index("dam")
    dam = Span.of(article, start, start + 3)
    frame = IncidentFrame(
        predicate="fail",
        predicate_span=dam,
        scope=Scope.OTHER_INCIDENT,
        scope_span=dam,
        negated=True,
    )
    figure = FigureMention(span=dam, low=1.0, high=1.0, frame=frame)
    assert FigureMention.from_dict(figure.to_dict()) == figure
    victim = VictimMention(span=dam, count=1, measure=Measure.KILLED, predicate=dam, frame=frame)
    assert VictimMention.from_dict(victim.to_dict()) == victim


def test_a_figure_mention_change_round_trips_and_defaults_to_none(article: Article) -> None:
    start = TEXT.index("dam")
    fig = FigureMention(Span.of(article, start, start + 3), 12.0, 12.0, change=Change.UP)
    data = fig.to_dict()
    assert data["change"] == "up"
    assert FigureMention.from_dict(data) == fig
    del data["change"]  # a dossier written before figures carried a change
    assert FigureMention.from_dict(data).change is Change.NONE


def test_a_statement_keeps_its_speaker_type_forms_and_chain_through_dict(
    article: Article,
) -> None:
    start = TEXT.index("dam")
    span = Span.of(article, start, start + 3)
    mention = QuoteMention(
        span,
        "Jane Doe",
        speaker_span=span,
        verbatim=False,
        speaker_type=SpeakerType.PERSON,
        form=QuoteForm.PARAPHRASE,
        via="the Courier",
        cites="police records",
    )
    quote = Quote("q1", "Jane Doe", "dam", (mention,), SpeakerType.PERSON, 2, folded=True)
    data = quote.to_dict()
    assert data["mentions"][0]["form"] == "paraphrase" and data["speaker_type"] == "person"
    back = Quote.from_dict(data)
    assert back == quote
    assert back.mentions[0].form is QuoteForm.PARAPHRASE
    assert QuoteMention(span, None, verbatim=False).carried_as is QuoteForm.REPORTED


def test_vocabulary_fields_write_their_strings_and_read_back_as_members(article: Article) -> None:
    start = TEXT.index("dam")
    span = Span.of(article, start, start + 3)
    copy = replace(
        article.with_removed([Removed(start, start + 3, RemovalReason.CAPTION)]),
        derived_from="a-original",
        derivation=Derivation.WIRE,
    )
    data = copy.to_dict()
    assert (data["derivation"], data["removed"][0]["reason"]) == ("wire", "caption")
    assert type(data["derivation"]) is str and type(data["removed"][0]["reason"]) is str
    back = Article.from_dict(data)
    assert back == copy
    assert back.derivation is Derivation.WIRE and back.removed[0].reason is RemovalReason.CAPTION
    figure = FigureMention(span, 3.0, 3.0, measure=Measure.DISPLACED)
    written = figure.to_dict()
    assert type(written["measure"]) is str and written["measure"] == "displaced"
    assert FigureMention.from_dict(written).measure is Measure.DISPLACED
    toll = Toll(Measure.WOUNDED, 2, (span,))
    assert Toll.from_dict(toll.to_dict()).measure is Measure.WOUNDED


def test_a_skipped_input_round_trips_and_an_old_entry_without_a_stage_reads_as_unread() -> None:
    failed = Skipped("b.html", Stage.PARSE, "internal error")
    dossier = Dossier(articles=(), skipped=(Skipped.unread("a.bin", "binary file"), failed))
    data = dossier.to_dict()
    assert data["skipped"] == [
        {"source": "a.bin", "stage": "read", "reason": "binary file"},
        {"source": "b.html", "stage": "parse", "reason": "internal error"},
    ]
    assert Dossier.from_dict(data) == dossier
    old = Skipped.from_dict({"source": "a.bin", "reason": "binary file"})
    assert old.stage is Stage.READ


def test_a_timeline_entry_has_a_content_hash_id_written_with_it(article: Article) -> None:
    start = TEXT.index("dam")
    dam, failed = Span.of(article, start, start + 3), Span.of(article, start + 4, start + 10)
    entry = TimelineEntry("2026-03-03", "day", "A dam failed", (dam,))
    assert entry.id.startswith("t") and entry.id == replace(entry, summary="other words").id
    assert entry.id != replace(entry, mentions=(failed,)).id
    assert entry.id != replace(entry, date="2026-03-04").id
    data = entry.to_dict()
    assert data["id"] == entry.id
    assert TimelineEntry.from_dict(data) == entry


def test_published_is_a_date_written_as_iso_and_read_back_as_a_date() -> None:
    article = Article.create("a.txt", TEXT, published=date(2026, 3, 3))
    data = article.to_dict()
    assert data["published"] == "2026-03-03"
    assert Article.from_dict(data) == article
    assert Article.from_dict({**data, "published": "2026-03-03T08:00:00Z"}).published == date(
        2026, 3, 3
    )
    assert Article.from_dict({**data, "published": None}).published is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("cumulative", "cumulative"),
        ("since mid-November", "cumulative"),
        ("week", "P7D"),
        ("seven days", "P7D"),
        ("2 months", "P60D"),
        ("24 hours", "24 hours"),
    ],
)
def test_a_period_reads_its_key_once_from_its_words(text: str, key: str) -> None:
    period = Period(text)
    assert (period.key, str(period), period.cumulative) == (key, text, key == "cumulative")


def test_a_figure_mention_writes_its_period_as_words_and_reads_it_back(article: Article) -> None:
    start = TEXT.index("dam")
    figure = FigureMention(Span.of(article, start, start + 3), 5.0, 5.0, period=Period("week"))
    data = figure.to_dict()
    assert data["period"] == "week"
    assert (
        FigureMention.from_dict(data) == figure
        and FigureMention.from_dict(data).period.key == "P7D"
    )
    del data["period"]
    assert FigureMention.from_dict(data).period.cumulative


def test_a_span_s_dict_holds_every_field_in_order() -> None:
    span = Span("a1", 4, 9, "flood")
    assert list(span.to_dict().items()) == list(asdict(span).items())
