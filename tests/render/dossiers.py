"""Hand-built dossiers for the render, web and browser tests.

The articles are invented for the tests (no real reporting) and every span is cut with
``Span.of`` from the article text, so offsets are real. ``hostile_dossier`` puts markup,
script, CSS and link injections wherever untrusted text can reach the page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from accord.model import (
    Article,
    Claim,
    Dossier,
    Event,
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
)
from accord.vocab import Derivation, Measure, RemovalReason

GAZETTE_TEXT = (
    "Floods close the old river bridge\n"
    "Officials said on 3 March 2024 that at least 120 homes were flooded after the river rose.\n"
    'Mayor Lena Ortiz said "we will rebuild every street" at a briefing on Monday.\n'
    "ADVERTISEMENT: subscribe for more local news\n"
    "Schools in the lower town stay closed until further notice.\n"
)
VALLEY_TEXT = (
    "Between 150 and 200 homes were flooded, the fire service said on 4 March 2024.\n"
    "The mayor promised to rebuild the streets of the lower town.\n"
    "Schools in the lower town will reopen on Wednesday, the council said.\n"
)


def cut(article: Article, text: str, occurrence: int = 0) -> Span:
    """The span of ``text`` in ``article`` (its ``occurrence``-th appearance)."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.original.index(text, start + 1)
    return Span.of(article, start, start + len(text))


def sample_dossier() -> Dossier:
    """Three articles (one a reprint), a conflicting figure, a quote, claims and dates."""
    ad = "ADVERTISEMENT: subscribe for more local news"
    ad_start = GAZETTE_TEXT.index(ad)
    gazette = Article.create(
        "gazette.txt",
        GAZETTE_TEXT,
        title="Floods close the old river bridge",
        outlet="Harbor Gazette",
        published=date(2024, 3, 3),
        url="https://gazette.example/floods",
    )
    gazette = gazette.with_removed([Removed(ad_start, ad_start + len(ad), RemovalReason.AD_MARKER)])
    valley = Article.create(
        "valley.txt",
        VALLEY_TEXT,
        title="Fire service counts flooded homes",
        outlet="Valley Times",
        published=date(2024, 3, 4),
    )
    reprint_text = GAZETTE_TEXT.replace("Floods close", "Flooding closes")
    reprint = Article.create(
        "wire.txt",
        reprint_text,
        title="Flooding closes the old bridge",
        outlet="Wire Copy",
        published=date(2024, 3, 5),
        derived_from=gazette.id,
        derivation=Derivation.REPRINT,
    )
    figure = Figure(
        id="f-homes",
        measure=Measure.COUNT,
        low=120,
        best=150,
        high=200,
        as_of="2024-03-04",
        conflict=True,
        counted="homes",
        mentions=(
            FigureMention(
                cut(gazette, "at least 120 homes"),
                120,
                None,
                qualifier="at least",
                measure=Measure.COUNT,
                counted="homes",
                attributed_to=("officials",),
            ),
            FigureMention(
                cut(valley, "Between 150 and 200 homes"),
                150,
                200,
                measure=Measure.COUNT,
                counted="homes",
                attributed_to=("fire service",),
            ),
        ),
        low_sources=(gazette.id,),
        high_sources=(valley.id,),
    )
    quote = Quote(
        id="q-rebuild",
        speaker="Lena Ortiz",
        text="we will rebuild every street",
        mentions=(
            QuoteMention(
                cut(gazette, "we will rebuild every street"),
                "Lena Ortiz",
                speaker_span=cut(gazette, "Mayor Lena Ortiz"),
                cue=cut(gazette, "said"),
            ),
            QuoteMention(
                cut(valley, "promised to rebuild the streets of the lower town"),
                "Lena Ortiz",
                verbatim=False,
                form=QuoteForm.PARAPHRASE,
            ),
        ),
        speaker_type=SpeakerType.PERSON,
        sources=2,
    )
    schools = Quote(
        id="q-schools",
        speaker="the council",
        text="Schools in the lower town will reopen on Wednesday",
        mentions=(
            QuoteMention(
                cut(valley, "Schools in the lower town will reopen on Wednesday"),
                "the council",
                speaker_span=cut(valley, "the council"),
                verbatim=False,
                speaker_type=SpeakerType.ORGANISATION,
                form=QuoteForm.REPORTED,
            ),
        ),
        speaker_type=SpeakerType.ORGANISATION,
        folded=True,
    )
    flooded = Claim(
        "c-flooded",
        "Homes were flooded after the river rose.",
        (
            cut(
                gazette,
                "Officials said on 3 March 2024 that at least 120 homes were "
                "flooded after the river rose.",
            ),
            cut(valley, "Between 150 and 200 homes were flooded"),
        ),
        sources=2,
    )
    closed = Claim(
        "c-closed",
        "Schools stay closed until further notice.",
        (cut(gazette, "Schools in the lower town stay closed until further notice."),),
        sources=1,
        contradicts=("c-reopen",),
    )
    reopen = Claim(
        "c-reopen",
        "Schools reopen on Wednesday.",
        (cut(valley, "Schools in the lower town will reopen on Wednesday"),),
        sources=1,
        contradicts=("c-closed",),
    )
    timeline = (
        TimelineEntry(
            "2024-03", "month", "Flooding season on the river.", (cut(gazette, "March 2024"),)
        ),
        TimelineEntry(
            "2024-03-03", "day", "Officials report flooded homes.", (cut(gazette, "3 March 2024"),)
        ),
        TimelineEntry(
            "2024-03-04",
            "day",
            "Fire service counts flooded homes.",
            (cut(valley, "4 March 2024"),),
        ),
    )
    return Dossier(
        articles=(gazette, valley, reprint),
        figures=(figure,),
        quotes=(quote, schools),
        claims=(flooded, closed, reopen),
        timeline=timeline,
        events=(
            Event(
                "e-flood",
                "River flood",
                "2024-03-03",
                (gazette.id, valley.id),
                summary=cut(
                    gazette,
                    "Officials said on 3 March 2024 that at least 120 homes were "
                    "flooded after the river rose.",
                ),
                place="lower town",
                place_span=cut(gazette, "lower town"),
                figures=("f-homes",),
                sources=2,
            ),
        ),
        title=gazette.title,
        skipped=(Skipped.unread("broken.bin", "binary file"),),
    )


SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = '[click me](javascript:alert(1)) <a href="javascript:alert(1)">js link</a>'
STYLE_BREAK = "</style><style>body{display:none}</style>"
LONG_TOKEN = "A" * 5000


def relayed_dossier() -> Dossier:
    """The sample, with the council's words passed on by a county office and resting on a
    letter (an attribution chain the reader is told of)."""
    dossier = sample_dossier()
    schools = dossier.quotes[1]
    mention = replace(schools.mentions[0], via="the county office", cites="a school board letter")
    return replace(dossier, quotes=(dossier.quotes[0], replace(schools, mentions=(mention,))))


def hostile_dossier() -> Dossier:
    """One article whose title, outlet, URL and text try to inject markup, script and CSS."""
    text = (
        f"Breaking {SCRIPT} news\n"
        f"Witnesses saw 40 {IMG} vehicles.\n"
        f"Read more: {JS_LINK}\n"
        f"Styles {STYLE_BREAK} here.\n"
        f"Token {LONG_TOKEN} end.\n"
    )
    evil = Article.create(
        "evil.html",
        text,
        title=f"Evil {SCRIPT}",
        outlet=f"{STYLE_BREAK}<b>Outlet</b>",
        published=date(2024, 5, 1),
        url="javascript:alert(1)",
    )
    figure = Figure(
        "f-evil",
        "count",
        40,
        40,
        40,
        None,
        False,
        counted=IMG,
        mentions=(FigureMention(cut(evil, f"40 {IMG} vehicles"), 40, 40),),
    )
    quote = Quote("q-evil", SCRIPT, f"said {IMG}", (QuoteMention(cut(evil, SCRIPT), SCRIPT),))
    claim = Claim("c-evil", f"Claim {JS_LINK}", (cut(evil, JS_LINK),), sources=1)
    entry = TimelineEntry("2024-05-01", "day", f"Summary {SCRIPT}", (cut(evil, STYLE_BREAK),))
    return Dossier(
        articles=(evil,),
        figures=(figure,),
        quotes=(quote,),
        claims=(claim,),
        timeline=(entry,),
        events=(
            Event(
                "e-evil",
                f"Event {SCRIPT}",
                "2024-05-01",
                (evil.id,),
                summary=cut(evil, f"Witnesses saw 40 {IMG} vehicles."),
                place=STYLE_BREAK,
                figures=("f-evil",),
                sources=1,
            ),
        ),
        title=f"Story {SCRIPT}",
        skipped=(Skipped.unread(IMG, SCRIPT),),
    )
