"""What happened: one sourced sentence per event, its place, date and key figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from accord.happened import agreed_sentence, describe_events
from accord.model import (
    Article,
    DateMention,
    Event,
    Extraction,
    Figure,
    FigureMention,
    IncidentFrame,
    Scope,
    Span,
    VictimMention,
)
from accord.vocab import Measure


def article(text: str, title: str = "", published: str | None = None) -> Article:
    day = date.fromisoformat(published) if published else None
    return Article.create(f"{hash(text)}.txt", text, title=title, published=day)


def sentences(art: Article) -> Extraction:
    spans, pos = [], 0
    for line in art.original.split("\n"):
        if line.strip():
            spans.append(Span.of(art, pos, pos + len(line)))
        pos += len(line) + 1
    return Extraction(art.id, sentences=tuple(spans))


A = article(
    "Storm news\n"
    "A tornado tore through the town of Bergen on Sunday night, flattening twelve homes.\n"
    "Residents spent the night in the school gym while crews cleared the roads.",
    title="Storm news",
)
B = article(
    "Twelve homes in Bergen were flattened when a tornado struck the town on Sunday.\n"
    "The mayor thanked volunteers who brought blankets and food to the shelter."
)
C = article(
    "Crews cleared fallen trees across the county on Monday after strong winds.\n"
    "A tornado flattened twelve homes in Bergen, officials said."
)


def test_the_summary_is_the_lead_sentence_the_sources_agree_on_most() -> None:
    leads = {a.id: list(sentences(a).sentences) for a in (A, B, C)}
    chosen = agreed_sentence(leads, {A.id, B.id, C.id})
    assert chosen is not None and "tornado" in chosen.text and "Bergen" in chosen.text
    assert "volunteers" not in chosen.text and "blankets" not in chosen.text


def test_a_bylines_time_stamp_is_never_what_happened() -> None:
    stamp = article(
        "Sale of the mill\n"
        "June 3, 2031, 11:40 AM ET\n"
        "The town council voted on Monday to sell the old mill to a local bakery.",
        title="Sale of the mill",
    )
    event = Event("e1", "mill", "2031-06-02", (stamp.id,))
    [described] = describe_events([event], [stamp], [sentences(stamp)], [])
    assert described.summary is not None and "council voted" in described.summary.text


def test_an_event_gets_its_summary_place_sources_and_only_its_own_toll() -> None:
    # f4 counts another happening the reports mention (a clause dated another month)
    event = Event("e1", "tornado", "2031-04-06", (A.id, B.id, C.id))
    own = Figure("f1", "destroyed", 12, 12, 12, None, False, (), event="e1")
    total = Figure(
        "f2", "destroyed", 90, 90, 90, None, False, (), event="e1", scope=Scope.RUNNING_TOTAL
    )
    other = Figure("f3", "killed", 2, 2, 2, None, False, (), event="e2")
    earlier = Figure("f4", "destroyed", 5, 5, 5, None, False, (), event="e1", incident="i9")
    [described] = describe_events(
        [event], [A, B, C], [sentences(a) for a in (A, B, C)], [own, total, other, earlier]
    )
    assert described.summary is not None
    source = {a.id: a for a in (A, B, C)}[described.summary.article]
    assert source.original[described.summary.start : described.summary.end] == (
        described.summary.text
    )
    assert "tornado" in described.summary.text
    assert described.place == "Bergen" and described.place_span is not None
    assert described.place_span.text == "Bergen"
    assert described.figures == ("f1",)
    assert described.sources == 3 and not described.date_inferred


def test_an_undated_event_takes_the_day_its_leads_name_and_says_it_was_inferred() -> None:
    art = article("Flood waters reached the old mill on 2 May 2031, officials said today.")
    ex = sentences(art)
    day = art.original.index("2 May 2031")
    mention = DateMention(Span.of(art, day, day + len("2 May 2031")), "2031-05-02", "day")
    ex = Extraction(art.id, sentences=ex.sentences, dates=(mention,))
    [described] = describe_events([Event("e1", "flood", None, (art.id,))], [art], [ex], [])
    assert (described.date, described.date_inferred) == ("2031-05-02", True)


def victim(art: Article, phrase: str, count: int, measure: Measure) -> VictimMention:
    start = art.original.index(phrase)
    return VictimMention(Span.of(art, start, start + len(phrase)), count, measure)


def test_a_harm_stated_without_a_number_gives_the_event_its_toll() -> None:
    first = article("A man was shot dead on Pine Street on Friday.\nNo arrests were made.")
    second = article("Police said a man was killed on Pine Street.\nA woman was wounded.")
    third = article("A young man died after a shooting on Pine Street, police said.")
    extractions = [
        replace(sentences(first), victims=(victim(first, "A man", 1, Measure.KILLED),)),
        replace(
            sentences(second),
            victims=(
                victim(second, "a man", 1, Measure.KILLED),
                victim(second, "A woman", 1, Measure.WOUNDED),
            ),
        ),
        sentences(third),
    ]
    event = Event("e1", "shooting", "2031-04-04", (first.id, second.id, third.id))
    [described] = describe_events([event], [first, second, third], extractions, [])
    tolls = {t.measure: t for t in described.tolls}
    assert {m: t.count for m, t in tolls.items()} == {Measure.KILLED: 1, Measure.WOUNDED: 1}
    assert [s.article for s in tolls[Measure.KILLED].mentions] == [first.id, second.id]
    for toll in described.tolls:
        for span in toll.mentions:
            assert span.text in {"A man", "a man", "A woman"}


def test_a_toll_a_figure_already_states_is_not_repeated() -> None:
    art = article("Gunmen killed 3 people and a guard was wounded.")
    extraction = replace(sentences(art), victims=(victim(art, "a guard", 1, Measure.WOUNDED),))
    killed = Figure("f1", "killed", 3, 3, 3, None, False, (), event="e1")
    event = Event("e1", "attack", "2031-04-04", (art.id,))
    [described] = describe_events([event], [art], [extraction], [killed])
    assert [(t.measure, t.count) for t in described.tolls] == [(Measure.WOUNDED, 1)]


def test_a_venue_the_figures_name_gives_way_to_a_known_place_the_summary_names() -> None:
    gym = A.original.index("the school gym")
    venue = Span.of(A, gym, gym + len("the school gym"))
    count = FigureMention(venue, 12, 12, frame=IncidentFrame(place=venue.text, place_span=venue))
    figure = Figure("f1", "destroyed", 12, 12, 12, None, False, (count,), event="e1")
    event = Event("e1", "tornado", "2031-04-06", (A.id, B.id, C.id))
    [described] = describe_events([event], [A, B, C], [sentences(a) for a in (A, B, C)], [figure])
    assert described.place == "Bergen"


@pytest.mark.parametrize("retold", [True, False])
def test_the_place_most_figures_are_framed_in_outvotes_one_reports_aside(retold: bool) -> None:
    """Two framings of Lyon outvote one of Oslo; one each, the summary's place wins."""
    aside = article(
        "Quake news\n"
        "A quake near Lyon killed 4 people on Sunday.\n"
        "On Saturday a quake in Oslo killed 3 people.",
        title="Quake news",
    )
    other = article("A quake near Lyon killed 4 people on Sunday, officials said.")

    def framed(art: Article, number: str, place: str) -> FigureMention:
        at, where = art.original.index(number), art.original.index(place)
        span = Span.of(art, where, where + len(place))
        return FigureMention(
            Span.of(art, at, at + len(number)),
            float(number),
            float(number),
            frame=IncidentFrame(place=place, place_span=span),
        )

    oslo = Figure("f1", "killed", 3, 3, 4, None, True, (framed(aside, "3", "Oslo"),), event="e1")
    lyon = (framed(aside, "4", "Lyon"), framed(other, "4", "Lyon"))[: 2 if retold else 1]
    toll = Figure("f2", "killed", 4, 4, 4, None, False, lyon, event="e1")
    event = Event("e1", "quake", "2031-04-06", (aside.id, other.id))
    extractions = [sentences(a) for a in (aside, other)]
    [described] = describe_events([event], [aside, other], extractions, [oslo, toll])
    assert described.place == "Lyon"
