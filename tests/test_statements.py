"""Statements (accord.statements): what counts as one, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.model import (
    Article,
    Event,
    Extraction,
    Quote,
    QuoteForm,
    QuoteMention,
    Span,
    SpeakerType,
)
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


def police_said(art: Article, *said: str) -> Extraction:
    """Statements of "Police" (a body) in one article, reported speech."""
    org = SpeakerType.ORGANISATION
    return Extraction(
        art.id, quotes=tuple(mention(art, s, "Police", QuoteForm.REPORTED, kind=org) for s in said)
    )


def reported_by(art: Article, said: str, speaker: str, kind: SpeakerType) -> Extraction:
    """One statement of ``speaker`` in ``art``, reported speech."""
    return Extraction(art.id, quotes=(mention(art, said, speaker, QuoteForm.REPORTED, kind=kind),))


def one_event_each(label: str, *articles: Article) -> list[Event]:
    """One event per article: the articles report different happenings."""
    return [Event(f"e{k}", label, None, (art.id,)) for k, art in enumerate(articles)]


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


def test_one_speakers_consecutive_quotations_are_one_account() -> None:
    a = article('Ana Ruiz said: "The bridge is closed." "Crews will inspect it on Monday."')
    first, second = "The bridge is closed.", "Crews will inspect it on Monday."
    [quote] = group_quotes([a], [two_said(a, first, second)], embedder=bag_of_words)
    assert [m.span.text for m in quote.mentions] == [first, second]
    assert quote.text == f"{first} {second}"


def test_another_voice_between_two_quotations_makes_two_accounts() -> None:
    a = article(
        '"The bridge is closed," Ana Ruiz said. "It was safe last week," Tom Berg said. '
        '"Crews will inspect it on Monday," Ana Ruiz said.'
    )
    first, other, second = "The bridge is closed", "It was safe last week", "Crews will"
    second += " inspect it on Monday"
    ex = Extraction(
        a.id,
        quotes=(
            mention(a, first, "Ana Ruiz"),
            mention(a, other, "Tom Berg"),
            mention(a, second, "Ana Ruiz"),
        ),
    )
    quotes = group_quotes([a], [ex], embedder=bag_of_words)
    assert sorted(q.text for q in quotes) == sorted([first, other, second])


def test_a_quotation_one_outlet_runs_on_stays_with_the_outlets_that_quote_it_apart() -> None:
    """One outlet runs two sentences on under one cue; another quotes them apart, with
    another voice between. Each sentence is one statement of every outlet that carries it:
    the run is not one statement beside the other outlet's two."""
    first, second = "The bridge is closed", "Crews will inspect it on Monday"
    run = article(f'"{first}," Ana Ruiz said. "{second}."')
    apart = article(
        f'"{first}," Ana Ruiz said. "It was safe last week," Tom Berg said. '
        f'"{second}," Ana Ruiz said.'
    )
    alone = article(f'"{second}," Ana Ruiz said.')
    extractions = [
        two_said(run, first, second),
        Extraction(
            apart.id,
            quotes=(
                mention(apart, first, "Ana Ruiz"),
                mention(apart, "It was safe last week", "Tom Berg"),
                mention(apart, second, "Ana Ruiz"),
            ),
        ),
        Extraction(alone.id, quotes=(mention(alone, second, "Ana Ruiz"),)),
    ]
    quotes = group_quotes([run, apart, alone], extractions, embedder=bag_of_words)
    for said, outlets in ((first, {run.id, apart.id}), (second, {run.id, apart.id, alone.id})):
        [holding] = [q for q in quotes if any(m.span.text == said for m in q.mentions)]
        assert {m.span.article for m in holding.mentions} == outlets


def test_words_credited_to_nobody_between_two_quotations_keep_one_account() -> None:
    a = article(
        '"The bridge is closed," Ana Ruiz said. The river rose all night, the mayor\'s '
        'office said. "Crews are near," Ruiz said.'
    )
    first, second = "The bridge is closed", "Crews are near"
    nobody = QuoteMention(span(a, "The river rose all night"), None)
    ex = Extraction(
        a.id, quotes=(mention(a, first, "Ana Ruiz"), nobody, mention(a, second, "Ana Ruiz"))
    )
    [quote] = group_quotes([a], [ex], embedder=bag_of_words)
    assert [m.span.text for m in quote.mentions] == [first, second]


def test_another_speakers_reported_words_between_two_quotations_make_two_accounts() -> None:
    a = article(
        '"The bridge is closed," Ana Ruiz said. Tom Berg told her the river rose all night. '
        '"Crews are near," Ruiz said.'
    )
    first, second = "The bridge is closed", "Crews are near"
    berg = QuoteMention(
        span(a, "the river rose all night"),
        "Tom Berg",
        speaker_span=span(a, "Tom Berg"),
        cue=span(a, "told"),
        verbatim=False,
        form=QuoteForm.REPORTED,
    )
    ex = Extraction(
        a.id, quotes=(mention(a, first, "Ana Ruiz"), berg, mention(a, second, "Ana Ruiz"))
    )
    texts = sorted(q.text for q in group_quotes([a], [ex], embedder=bag_of_words))
    assert first in texts and second in texts


def test_a_scare_quoted_word_between_two_quotations_keeps_one_account() -> None:
    a = article('"The bridge is closed," Ana Ruiz said of the "old" span. "Crews are near."')
    first, second = "The bridge is closed", "Crews are near."
    scare = QuoteMention(span(a, "old"), None)
    ex = Extraction(
        a.id, quotes=(mention(a, first, "Ana Ruiz"), scare, mention(a, second, "Ana Ruiz"))
    )
    assert len(group_quotes([a], [ex], embedder=bag_of_words)) == 1


def test_two_quotations_far_apart_are_two_accounts() -> None:
    filler = "The town council met in the old hall on a wet evening in the spring. " * 8
    a = article(f'"The bridge is closed," Ana Ruiz said. {filler}"Crews will come," Ruiz said.')
    ex = Extraction(
        a.id,
        quotes=(
            mention(a, "The bridge is closed", "Ana Ruiz"),
            mention(a, "Crews will come", "Ana Ruiz"),
        ),
    )
    assert len(group_quotes([a], [ex], embedder=bag_of_words)) == 2


def test_an_account_joins_another_outlets_statement_when_one_part_aligns() -> None:
    first, second = "The bridge is closed to all traffic", "Crews will inspect it on Monday"
    a = article(f'"{first}," Ana Ruiz said. "{second}."')
    b = article(f'"{second}," Ana Ruiz told reporters.')
    exs = [
        two_said(a, first, second),
        Extraction(b.id, quotes=(mention(b, second, "Ana Ruiz", cue="told"),)),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert quote.sources == 2 and len(quote.mentions) == 3
    assert quote.text == f"{first} … {second}"  # two parts, the first cut mid-sentence


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


def test_a_stances_object_joins_no_statement_that_holds_the_same_word() -> None:
    said = "I am sad that Catherine is leaving, but with Weitz all will be well"
    a = article(f'"{said}," Stephenie Meyer wrote.')
    b = article("Stephenie Meyer went on to praise Weitz.")
    exs = [
        Extraction(a.id, quotes=(mention(a, said, "Stephenie Meyer"),)),
        Extraction(b.id, quotes=(mention(b, "Weitz", "Stephenie Meyer", QuoteForm.PARAPHRASE),)),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert quote.sources == 1 and len(quote.mentions) == 1


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


@pytest.mark.parametrize(
    ("form", "statements"),
    [(QuoteForm.VERBATIM, 1), (QuoteForm.PARTIAL, 1), (QuoteForm.REPORTED, 2)],
)
def test_the_same_short_quotation_credited_to_two_speakers_is_one_statement(
    form: QuoteForm, statements: int
) -> None:
    words_said = "We have no idea what caused it"
    a = article(f'"{words_said}," pastor Ana Ruiz said.')
    b = article(f'"{words_said}," the minister said.')
    exs = [
        Extraction(a.id, quotes=(mention(a, words_said, "Ana Ruiz", form),)),
        Extraction(
            b.id,
            quotes=(mention(b, words_said, "the minister", form, kind=SpeakerType.DESCRIPTION),),
        ),
    ]
    assert len(group_quotes([a, b], exs, embedder=bag_of_words)) == statements


def test_a_person_the_tagger_called_a_body_in_most_outlets_is_shown_as_a_person() -> None:
    said = "the gala will return to the old theatre next year"
    outlets = [article(f"Producer Jo Lind said {said}.") for _ in range(3)]
    org = SpeakerType.ORGANISATION
    exs = [
        Extraction(a.id, quotes=(mention(a, said, "Jo Lind", QuoteForm.REPORTED, kind=kind),))
        for a, kind in zip(outlets, (SpeakerType.PERSON, org, org), strict=True)
    ]
    [quote] = group_quotes(outlets, exs, embedder=bag_of_words)
    assert (quote.speaker, quote.speaker_type) == ("Jo Lind", SpeakerType.PERSON)


@pytest.mark.parametrize("body", ["Marsh", "Marsh Foods"])
def test_a_surname_the_tagger_called_a_body_is_the_person_another_outlet_names(body: str) -> None:
    said, other = "the families asked for privacy", "no details about the injured would be given"
    named = article(f"Hospital spokeswoman Ilene Marsh said {said}.")
    short = article(f"{body} said {other}.")
    exs = [
        reported_by(named, said, "Ilene Marsh", SpeakerType.PERSON),
        reported_by(short, other, body, SpeakerType.ORGANISATION),
    ]
    quotes = group_quotes([named, short], exs, embedder=bag_of_words)
    shown = {(q.speaker, q.speaker_type) for q in quotes}
    person = ("Ilene Marsh", SpeakerType.PERSON)
    assert shown == ({person} if body == "Marsh" else {person, (body, SpeakerType.ORGANISATION)})


DETOUR = "the detour would run until May"


def test_a_speaker_written_in_two_cases_is_shown_in_one() -> None:
    a = article("Police said the bridge would close on Monday for repairs.")
    b = article("The road was shut, police said, and the detour would run until May.")
    org = SpeakerType.ORGANISATION
    exs = [
        police_said(a, "the bridge would close on Monday for repairs"),
        Extraction(b.id, quotes=(mention(b, DETOUR, "police", QuoteForm.REPORTED, kind=org),)),
    ]
    quotes = group_quotes([a, b], exs, embedder=bag_of_words)
    assert sorted(q.speaker for q in quotes) == ["police", "police"]


DAM, TAX = "The dam will hold this winter", "Taxes will rise next year"
BETWEEN = "The roads are fine"


def ruiz_said(*said: str) -> tuple[Article, Extraction]:
    """An article quoting Ana Ruiz, and Tom Berg for ``BETWEEN``, in this order."""
    a = article(
        " ".join(f'"{s},"' + (" Berg said." if s == BETWEEN else " Ruiz said.") for s in said)
    )
    quotes = tuple(mention(a, s, "Tom Berg" if s == BETWEEN else "Ana Ruiz") for s in said)
    return a, Extraction(a.id, quotes=quotes)


def grouped(outlets: list[tuple[Article, Extraction]]) -> list[Quote]:
    return group_quotes([a for a, _ in outlets], [ex for _, ex in outlets], bag_of_words)


def test_two_renderings_in_one_outlet_never_bridge_two_statements_of_another() -> None:
    # outlet a carries both statements, with another voice between, b and c one each: a
    # chain of joins must not make them one
    outlets = [ruiz_said(DAM, BETWEEN, TAX), ruiz_said(DAM), ruiz_said(TAX)]
    quotes = grouped(outlets)
    assert sorted(q.sources for q in quotes if q.speaker == "Ana Ruiz") == [2, 2]


def test_an_account_makes_the_parts_other_outlets_carry_apart_one_statement() -> None:
    outlets = [ruiz_said(DAM, TAX), ruiz_said(DAM), ruiz_said(TAX)]
    [quote] = grouped(outlets)
    assert quote.sources == 3 and quote.text == f"{DAM} … {TAX}"


def test_an_outlet_that_tells_two_accounts_apart_keeps_them_apart() -> None:
    outlets = [ruiz_said(DAM, TAX), ruiz_said(DAM, BETWEEN, TAX)]
    quotes = grouped(outlets)
    assert sorted(q.sources for q in quotes if q.speaker == "Ana Ruiz") == [2, 2]


def test_a_stance_with_an_object_is_no_statement_but_a_clause_after_its_cue_is() -> None:
    a = article("Ana Ruiz cited a ban on fireworks in the valley.")
    b = article("According to Ana Ruiz, the bridge will reopen in May.")
    c = article("Ana Ruiz's claim that the dam was safe surprised the council.")
    exs = [
        Extraction(a.id, quotes=(mention(a, "a ban on fireworks", "Ana Ruiz", PARA, "cited"),)),
        Extraction(
            b.id, quotes=(mention(b, "the bridge will reopen", "Ana Ruiz", PARA, "According to"),)
        ),
        Extraction(c.id, quotes=(mention(c, "that the dam was safe", "Ana Ruiz", PARA, "claim"),)),
    ]
    quotes = group_quotes([a, b, c], exs, embedder=bag_of_words)
    assert sorted(q.text for q in quotes) == ["that the dam was safe", "the bridge will reopen"]


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "statement"),
    [
        (
            "The mayor announced cuts in pensions for staff.",
            "announced",
            "cuts in pensions for staff",
            True,
        ),
        (
            "The mayor accused the council of hiding the costs.",
            "accused",
            "the council of hiding the costs",
            True,
        ),
        ("The mayor denied any role in the contract.", "denied", "any role in the contract", True),
        (
            "The mayor described the flood as the worst in memory.",
            "described",
            "the flood as the worst in memory",
            True,
        ),
        (
            "The mayor told a news conference in the hall.",
            "told",
            "a news conference in the hall",
            False,
        ),
        (
            "The mayor cited a report by the water board.",
            "cited",
            "a report by the water board",
            False,
        ),
        (
            "The mayor declined to discuss the contract.",
            "declined",
            "to discuss the contract",
            False,
        ),
        (
            "The mayor acknowledged having shares in the firm.",
            "acknowledged",
            "having shares in the firm",
            True,
        ),
        ("The mayor admitted the loss of the files.", "admitted", "the loss of the files", True),
        ("The mayor vowed to rebuild the pier.", "vowed", "to rebuild the pier", True),
        ("The mayor planned to rebuild the pier.", "planned", "to rebuild the pier", False),
        (
            "The mayor called for an inquiry into the fire.",
            "called",
            "an inquiry into the fire",
            True,
        ),
        (
            "The mayor called on the board to resign over the costs.",
            "called",
            "to resign over the costs",
            True,
        ),
        (
            "The mayor urged drivers to avoid the bridge.",
            "urged",
            "drivers to avoid the bridge",
            True,
        ),
        ("The mayor called the plan a costly ploy.", "called", "the plan a costly ploy", False),
        ("The mayor will call a meeting of the board.", "call", "a meeting of the board", False),
    ],
)
def test_an_object_is_a_statement_when_its_verb_says_something_of_it(
    sentence: str, cue: str, content: str, statement: bool
) -> None:
    a = article(sentence)
    exs = [Extraction(a.id, quotes=(mention(a, content, "mayor", PARA, cue),))]
    assert bool(group_quotes([a], exs, embedder=bag_of_words)) is statement


@pytest.mark.parametrize(
    ("speaker", "kind", "statement"),
    [
        ("The ferry company", SpeakerType.ORGANISATION, True),
        ("Ana Ruiz", SpeakerType.PERSON, False),
    ],
)
def test_a_bodys_plan_is_its_statement_and_a_persons_may_be_the_writers(
    speaker: str, kind: SpeakerType, statement: bool
) -> None:
    a = article(f"{speaker} plans to run a night ferry to the island.")
    said = "to run a night ferry to the island"
    exs = [Extraction(a.id, quotes=(mention(a, said, speaker, PARA, "plans", kind),))]
    assert bool(group_quotes([a], exs, embedder=bag_of_words)) is statement


def test_a_belief_passed_on_in_a_quotation_meets_the_outlet_that_reports_it_plainly() -> None:
    belief = "the new voting law breaks the constitution"
    a = article(f"“Some legal experts believe {belief}, but we will appeal,” Tom Hale said.")
    b = article(f"Some legal experts believe {belief}.")
    quoted = f"Some legal experts believe {belief}, but we will appeal"
    experts = "some legal experts"
    passed = mention(a, belief, experts, QuoteForm.REPORTED, "believe", SpeakerType.GROUP)
    exs = [
        Extraction(
            a.id,
            quotes=(
                mention(a, quoted, "Tom Hale", cue="said"),
                QuoteMention(
                    passed.span,
                    experts,
                    None,
                    passed.cue,
                    False,
                    SpeakerType.GROUP,
                    QuoteForm.REPORTED,
                    via="Tom Hale",
                ),
            ),
        ),
        Extraction(
            b.id,
            quotes=(mention(b, belief, experts, QuoteForm.REPORTED, "believe", SpeakerType.GROUP),),
        ),
    ]
    quotes = group_quotes([a, b], exs, embedder=bag_of_words)
    [shared] = [q for q in quotes if q.speaker == experts]
    assert shared.sources == 2
    assert [q.speaker for q in quotes if q.sources == 1] == ["Tom Hale"]


def test_a_paragraph_a_source_introduces_is_a_statement() -> None:
    a = article("The coast guard reports:\nThe ferry ran aground near the harbour at dawn.")
    said = "The ferry ran aground near the harbour at dawn."
    exs = [Extraction(a.id, quotes=(mention(a, said, "coast guard", PARA, "reports"),))]
    assert [q.text for q in group_quotes([a], exs, embedder=bag_of_words)] == [said]


def test_a_statement_credited_to_a_named_officer_and_to_their_force_is_one() -> None:
    # a short statement: only the voices can make it one, not the length of the words
    a = article("Police Constable Tim Berg said the gunman was fired on Monday.")
    b = article("The gunman was fired on Monday, police said.")
    assert [q.sources for q in officer_and_force(a, b, "Police Constable Tim Berg")] == [2]


def test_a_force_and_an_officer_of_another_body_stay_apart() -> None:
    a = article("Sheriff Tim Berg said the gunman was fired on Monday.")
    b = article("The gunman was fired on Monday, police said.")
    assert len(officer_and_force(a, b, "Sheriff Tim Berg")) == 2


@pytest.mark.parametrize("force", ["the CHP", "the California Highway Patrol"])
def test_an_officer_named_with_the_force_before_the_name_meets_that_force(force: str) -> None:
    # the speaker is the name alone; the title is in the words that name them, the force's
    # name maybe only by its acronym
    a = article("CHP Officer Tim Berg said the gunman was fired on Monday.")
    b = article(f"The gunman was fired on Monday, {force} said.")
    said = "the gunman was fired on Monday"
    officer = QuoteMention(
        span(a, said),
        "Tim Berg",
        speaker_span=span(a, "CHP Officer Tim Berg"),
        verbatim=False,
        speaker_type=SpeakerType.PERSON,
        form=QuoteForm.REPORTED,
    )
    force = mention(b, "The gunman was fired on Monday", force, QuoteForm.REPORTED)
    force = replace(force, speaker_type=SpeakerType.ORGANISATION)
    exs = [Extraction(a.id, quotes=(officer,)), Extraction(b.id, quotes=(force,))]
    assert [q.sources for q in group_quotes([a, b], exs, embedder=bag_of_words)] == [2]


@pytest.mark.parametrize(
    ("described", "outlets"),
    [("Acme's management", [2]), ("Acme security researchers", [2]), ("the management", [1, 1])],
)
def test_a_bodys_people_described_by_its_name_meet_the_body(
    described: str, outlets: list[int]
) -> None:
    """ "Acme's management" and "Acme" telling one thing in two outlets' words are one voice;
    a description that names no body is not that body's."""
    a = article(f"{described} said the chemist had been approached by the new board.")
    b = article("The chemist was approached by the new board in May, Acme said.")
    people = mention(
        a,
        "the chemist had been approached by the new board",
        described,
        QuoteForm.REPORTED,
        kind=SpeakerType.GROUP,
    )
    body = mention(
        b,
        "The chemist was approached by the new board in May",
        "Acme",
        QuoteForm.REPORTED,
        kind=SpeakerType.ORGANISATION,
    )
    exs = [Extraction(a.id, quotes=(people,)), Extraction(b.id, quotes=(body,))]
    quotes = group_quotes([a, b], exs, embedder=bag_of_words)
    assert sorted(q.sources for q in quotes) == outlets


def test_an_officer_named_by_surname_meets_the_force_their_title_gave_earlier() -> None:
    a = article(
        "CHP Officer Tim Berg said the road was icy. "
        "The gunman was fired on Monday, Berg said after the hearing."
    )
    b = article("The gunman was fired on Monday, the CHP said.")
    said = "The gunman was fired on Monday"
    titled = mention(a, "the road was icy", "Tim Berg", QuoteForm.REPORTED)
    titled = replace(titled, speaker_span=span(a, "CHP Officer Tim Berg"))
    surname = a.original.index("Berg said after")
    by_surname = replace(
        mention(a, said, "Tim Berg", QuoteForm.REPORTED),
        speaker_span=Span.of(a, surname, surname + len("Berg")),
    )
    force = mention(b, said, "CHP", QuoteForm.REPORTED, kind=SpeakerType.ORGANISATION)
    exs = [Extraction(a.id, quotes=(titled, by_surname)), Extraction(b.id, quotes=(force,))]
    quotes = group_quotes([a, b], exs, embedder=bag_of_words)
    [holding] = [q for q in quotes if any(m.span.article == b.id for m in q.mentions)]
    assert holding.sources == 2


def test_a_bodys_acronym_in_one_outlet_and_its_name_in_another_are_one_voice() -> None:
    # too short to be one statement whoever said it: only the voices make it one
    a = article("The suspect was barricaded inside, the D.A.'s office said.")
    b = article("The suspect was barricaded inside, the Bristol District Attorney's Office said.")
    said = "The suspect was barricaded inside"
    org = SpeakerType.ORGANISATION
    exs = [
        Extraction(
            a.id, quotes=(mention(a, said, "the D.A.'s office", QuoteForm.REPORTED, kind=org),)
        ),
        Extraction(
            b.id,
            quotes=(
                mention(
                    b, said, "the Bristol District Attorney's Office", QuoteForm.REPORTED, kind=org
                ),
            ),
        ),
    ]
    assert [q.sources for q in group_quotes([a, b], exs, embedder=bag_of_words)] == [2]


def test_a_body_under_the_acronym_an_article_defined_meets_its_name() -> None:
    a = article(
        "The Central Election and Referendum Commission (TsKVPR) met. "
        "The vote was valid, the TsKVPR said."
    )
    b = article("The vote was valid, the Central Election and Referendum Commission said.")
    org = SpeakerType.ORGANISATION
    said = "The vote was valid"
    exs = [
        Extraction(a.id, quotes=(mention(a, said, "TsKVPR", QuoteForm.REPORTED, kind=org),)),
        Extraction(
            b.id,
            quotes=(
                mention(
                    b,
                    said,
                    "the Central Election and Referendum Commission",
                    QuoteForm.REPORTED,
                    kind=org,
                ),
            ),
        ),
    ]
    assert [q.sources for q in group_quotes([a, b], exs, embedder=bag_of_words)] == [2]


def officer_and_force(a: Article, b: Article, officer: str) -> list[Quote]:
    said = "the gunman was fired on Monday"
    force = mention(
        b,
        "The gunman was fired on Monday",
        "police",
        QuoteForm.REPORTED,
        kind=SpeakerType.ORGANISATION,
    )
    exs = [
        Extraction(a.id, quotes=(mention(a, said, officer, QuoteForm.REPORTED),)),
        Extraction(b.id, quotes=(force,)),
    ]
    return group_quotes([a, b], exs, embedder=bag_of_words)


def test_the_same_words_join_an_outlet_that_quoted_them_in_one_run_with_others() -> None:
    # outlet a quotes three sentences under one cue; outlet b quotes two of them under one
    # cue and the third under a cue of its own: all are one statement of Jo Lind's
    one, two = "We moved the party downstairs.", "Nobody was crying or shouting."
    three = "Everyone called their families to say they were safe."
    a = article(f'"{one} {two} {three}" Jo Lind said.')
    b = article(f'"{two} {three}" Jo Lind said. Later, she added: "{one}"')
    cue_a, cue_b = span(a, "said"), span(b, "said")
    exs = [
        Extraction(a.id, quotes=tuple(lind(a, t, cue_a) for t in (one, two, three))),
        Extraction(
            b.id,
            quotes=(lind(b, two, cue_b), lind(b, three, cue_b), lind(b, one, span(b, "added"))),
        ),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert len(quote.mentions) == 6 and quote.sources == 2


PARA = QuoteForm.PARAPHRASE


def lind(art: Article, text: str, cue: Span) -> QuoteMention:
    return QuoteMention(span(art, text), "Jo Lind", cue=cue, speaker_type=SpeakerType.PERSON)


def test_a_quoted_title_is_no_statement_but_a_quoted_clause_is() -> None:
    a = article('Jo Lind said she starred in "The Boy From Oz" and "loved every night of it".')
    exs = [
        Extraction(
            a.id,
            quotes=(
                mention(a, "The Boy From Oz", "Jo Lind", QuoteForm.PARTIAL),
                mention(a, "loved every night of it", "Jo Lind", QuoteForm.PARTIAL),
            ),
        )
    ]
    quotes = group_quotes([a], exs, embedder=bag_of_words)
    assert [q.text for q in quotes] == ["loved every night of it"]


def test_alike_words_about_two_events_are_two_statements() -> None:
    said = "the fire at the old mill on the river killed two of its night workers"
    other = "the fire at the old mill on the river killed three of its day workers"
    a, b = article(f"Ana Ruiz said that {said}."), article(f"Ana Ruiz said that {other}.")
    extractions = [
        Extraction(art.id, quotes=(mention(art, text, "Ana Ruiz", form=QuoteForm.REPORTED),))
        for art, text in ((a, said), (b, other))
    ]
    [together] = group_quotes([a, b], extractions, embedder=bag_of_words)
    assert together.sources == 2
    events = one_event_each("a fire", a, b)
    apart = group_quotes([a, b], extractions, embedder=bag_of_words, events=events)
    assert [q.sources for q in apart] == [1, 1]


@pytest.mark.parametrize(
    ("first", "second", "second_kind"),
    [
        # an agency spelled by two outlets with their own dots and spaces
        ("the U. S. Coast Survey", "The U.S. Coast Survey", SpeakerType.ORGANISATION),
        ("the U. S. Coast Survey", "the US Coast Survey", SpeakerType.ORGANISATION),
        # ... or by its acronym
        ("the U. S. Coast Survey", "USCS", SpeakerType.ORGANISATION),
        # one name the tagger read as a person in one outlet, as a body in the other
        ("Brightline Cables", "Brightline Cables", SpeakerType.PERSON),
        # ... or by its short name, or with its legal form
        ("Brightline Cables", "Brightline", SpeakerType.ORGANISATION),
        ("Brightline Cables", "Brightline Cables SA", SpeakerType.ORGANISATION),
    ],
)
def test_one_body_written_two_ways_by_two_outlets_is_one_voice(
    first: str, second: str, second_kind: SpeakerType
) -> None:
    said = "the cable was cut near the port"
    a = article(f"{first} said the cable was cut near the port.")
    b = article(f"On Monday {second} said the cable was cut near the port.")
    exs = [
        Extraction(
            a.id,
            quotes=(mention(a, said, first, QuoteForm.REPORTED, kind=SpeakerType.ORGANISATION),),
        ),
        Extraction(b.id, quotes=(mention(b, said, second, QuoteForm.REPORTED, kind=second_kind),)),
    ]
    assert [q.sources for q in group_quotes([a, b], exs, embedder=bag_of_words)] == [2]


def test_two_bodies_whose_initials_differ_stay_apart() -> None:
    said = "the cable was cut near the port"
    a = article("The U.S. Coast Survey said the cable was cut near the port.")
    b = article("USGS said the cable was cut near the port.")
    org = SpeakerType.ORGANISATION
    exs = [
        Extraction(
            a.id, quotes=(mention(a, said, "The U.S. Coast Survey", QuoteForm.REPORTED, kind=org),)
        ),
        Extraction(b.id, quotes=(mention(b, said, "USGS", QuoteForm.REPORTED, kind=org),)),
    ]
    assert len(group_quotes([a, b], exs, embedder=bag_of_words)) == 2


def test_a_word_inside_another_word_holds_no_rendering() -> None:
    a = article("Police said he was held.")
    b = article("Police said the victim was named.")
    exs = [police_said(a, "he"), police_said(b, "the victim was named")]
    groups = group_quotes([a, b], exs, embedder=bag_of_words)
    assert all(q.sources == 1 for q in groups)


def test_a_fragment_another_outlet_gives_about_another_event_joins_nothing() -> None:
    a = article('Ruiz said the mill was "a total loss".')
    b = article("Ruiz said the ferry was a total loss after the storm.")
    exs = [
        Extraction(a.id, quotes=(mention(a, "a total loss", "Ana Ruiz", QuoteForm.PARTIAL),)),
        Extraction(
            b.id,
            quotes=(
                mention(b, "the ferry was a total loss after the storm", "Ana Ruiz", cue="said"),
            ),
        ),
    ]
    groups = group_quotes([a, b], exs, embedder=bag_of_words, events=one_event_each("a loss", a, b))
    assert all(q.sources == 1 for q in groups)


def test_an_account_does_not_chain_statements_about_two_events() -> None:
    a = article("Police said the road was closed. Police said two men were hurt.")
    b = article("Police said the road was closed. Police said the bridge fell down.")
    exs = [
        police_said(a, "the road was closed", "two men were hurt"),
        police_said(b, "the road was closed", "the bridge fell down"),
    ]
    events = one_event_each("a storm", a, b)
    groups = group_quotes([a, b], exs, embedder=bag_of_words, events=events)
    for quote in groups:
        said = " ".join(m.span.text for m in quote.mentions)
        assert not ("hurt" in said and "bridge" in said), said


@pytest.mark.parametrize(
    ("form", "other", "kind", "statements"),
    [
        (QuoteForm.VERBATIM, "Tom Berg", SpeakerType.PERSON, 2),
        (QuoteForm.REPORTED, "Tom Berg", SpeakerType.PERSON, 2),
        (QuoteForm.REPORTED, "the river police", SpeakerType.ORGANISATION, 2),
        (QuoteForm.REPORTED, "the governor", SpeakerType.DESCRIPTION, 1),
    ],
)
def test_two_named_speakers_alike_words_are_two_statements(
    form: QuoteForm, other: str, kind: SpeakerType, statements: int
) -> None:
    # a secretary's words and a governor's (or the police's) alike in the embedding are each
    # their own, quoted or told in the writer's words; one outlet naming the speaker, another
    # describing them, may credit one statement two ways
    said_a = "For decades the water act has protected the rivers and lakes of this state well"
    said_b = (
        "For decades the water act has protected the rivers and lakes of this state and its fish"
    )
    a = article(f'"{said_a}," Secretary Ana Ruiz said.')
    b = article(f'"{said_b}," {other} said.')
    exs = [
        Extraction(a.id, quotes=(mention(a, said_a, "Ana Ruiz", form),)),
        Extraction(b.id, quotes=(mention(b, said_b, other, form, kind=kind),)),
    ]
    assert len(group_quotes([a, b], exs, embedder=bag_of_words)) == statements


def test_two_named_voices_telling_one_fact_in_their_own_order_are_two_statements() -> None:
    # the police's list of charges and the district attorney's, the same words to the
    # embedding but not one sequence of them: each voice's own statement
    said_a = "Jo Reed was charged with manslaughter, negligent homicide, leaving the scene and DWI"
    said_b = "Jo Reed was charged with DWI, leaving the scene, negligent homicide and manslaughter"
    a = article(f"{said_a}, police said.")
    b = article(f"{said_b}, district attorney Ana Ruiz said.")
    org = SpeakerType.ORGANISATION
    exs = [
        Extraction(a.id, quotes=(mention(a, said_a, "police", QuoteForm.REPORTED, kind=org),)),
        Extraction(b.id, quotes=(mention(b, said_b, "Ana Ruiz", QuoteForm.REPORTED),)),
    ]
    assert len(group_quotes([a, b], exs, embedder=bag_of_words)) == 2


def test_a_tie_between_a_name_and_a_description_shows_the_name() -> None:
    said = "The officers ran from the car and started shooting at once"
    a = article(f'"{said}," a witness said.')
    b = article(f'"{said}," witness Dev Brown said.')
    described = SpeakerType.DESCRIPTION
    exs = [
        Extraction(a.id, quotes=(mention(a, said, "a witness", kind=described),)),
        Extraction(b.id, quotes=(mention(b, said, "Dev Brown"),)),
    ]
    [quote] = group_quotes([a, b], exs, embedder=bag_of_words)
    assert quote.speaker == "Dev Brown"


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        # the name given most, as another outlet gives it with a proper modifier
        (["the navy", "the navy", "Indian navy"], "Indian navy"),
        (["Indian navy", "Indian navy", "the Indian Navy", "navy"], "Indian navy"),
        # a phrase the name ends, or a dateline run into it, is no fuller name
        (["police", "police", "man police"], "police"),
        (["Microsoft", "Microsoft", "Computerworld - Microsoft"], "Microsoft"),
        # the name given most stays, whatever descriptions the others share
        (["Ana Ruiz", "Ana Ruiz", "the officer", "a Navy officer"], "Ana Ruiz"),
    ],
)
def test_a_statement_shows_its_speaker_with_the_modifiers_an_outlet_gives(
    names: list[str], shown: str
) -> None:
    said = "the crew of the cargo ship surrendered when the boarding party reached the deck"
    outlets = [article(f"{name} said {said}.") for name in names]
    org = SpeakerType.ORGANISATION
    exs = [reported_by(a, said, name, org) for a, name in zip(outlets, names, strict=True)]
    [quote] = group_quotes(outlets, exs, embedder=bag_of_words)
    assert quote.speaker == shown


@pytest.mark.parametrize(
    ("names", "kind", "shown"),
    [
        (
            ["The Harbour Board", "The Harbour Board", "Harbour Board"],
            SpeakerType.ORGANISATION,
            ["The Harbour Board", "The Harbour Board"],
        ),
        # "the" before a description points back to one described before: kept as written
        (["Neighbour", "the neighbour"], SpeakerType.DESCRIPTION, ["Neighbour", "the neighbour"]),
    ],
)
def test_a_body_written_with_and_without_the_is_shown_one_way_across_statements(
    names: list[str], kind: SpeakerType, shown: list[str]
) -> None:
    # every outlet but the last says the first thing; the last says another
    first = "the harbour will reopen to cargo ships on Monday morning after the storm"
    second = "two cranes were damaged when the storm tore through the container yard"
    said = [first] * (len(names) - 1) + [second]
    outlets = [article(f"{n} said {s}.") for n, s in zip(names, said, strict=True)]
    exs = [reported_by(a, s, n, kind) for a, s, n in zip(outlets, said, names, strict=True)]
    quotes = group_quotes(outlets, exs, embedder=bag_of_words)
    assert sorted(q.speaker for q in quotes) == shown
