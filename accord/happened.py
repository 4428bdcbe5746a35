"""What happened: each event of a story told in one sourced sentence, with its key figures.

A reader opens a dossier to learn what happened before who said what. For every event this
stage picks the sentence that the event's independent sources agree on most: among the lead
sentences of its articles (news puts the happening there), the one most similar to the other
sources' leads (TF-IDF cosine: names, places and numbers are what accounts of one happening
share). It adds a place named in that sentence or in the event's figures, a date (the event's
own, else the day most of its leads name, marked inferred) and the event's key figures.
A harm no figure states ("a man was shot dead": no number, so no figure) is taken from its
articles' own incidents (:mod:`accord.incidents`): the count most of them give, with every
span that gives it, so a single-victim shooting still has its toll.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from accord.events import lead_sentences, parse_day
from accord.gazetteer import place_names
from accord.incidents import TOLL_MEASURES, article_incident
from accord.model import (
    Article,
    ArticleIncident,
    Event,
    Extraction,
    Figure,
    Scope,
    Span,
    Toll,
)
from accord.vocab import Measure

# Key figures shown for one event: enough for the toll, few enough to read at a glance.
KEY_FIGURES = 3
# Lower-case words a line needs to read as a sentence: "on" alone joins a time stamp's parts.
MIN_LOWER_WORDS = 2
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'’-]*\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def describe_events(
    events: Sequence[Event],
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    figures: Sequence[Figure],
) -> list[Event]:
    """The events with their summary sentence, place, date and key figures filled in."""
    by_article = {a.id: a for a in articles}
    by_extraction = {e.article: e for e in extractions}
    known = place_names()  # read once for the story's events, not once per event
    return [
        _describe(event, by_article, by_extraction, figures, known)
        for event in events
        if any(a in by_article for a in event.articles)
    ]


def _describe(
    event: Event,
    by_article: dict[str, Article],
    by_extraction: dict[str, Extraction],
    figures: Sequence[Figure],
    known: frozenset[str],
) -> Event:
    members = [by_article[a] for a in event.articles if a in by_article]
    independent = [a for a in members if a.derived_from not in event.articles]
    leads = {
        a.id: [
            s
            for s in lead_sentences(by_extraction.get(a.id, Extraction(a.id)))
            if s.text.strip() != a.title.strip()  # a headline is not a sentence of the news
            and reads_as_prose(s.text)
        ]
        for a in members
    }
    summary = agreed_sentence(leads, {a.id for a in independent})
    own = [
        f
        for f in figures
        if f.event == event.id and f.scope is Scope.INCIDENT and f.incident in (None, event.id)
    ]  # a clause dated to another day or month counts another happening
    key = own[:KEY_FIGURES]
    stated = {f.measure for f in own}
    incidents = [
        article_incident(a, by_extraction[a.id]) for a in independent if a.id in by_extraction
    ]
    tolls = tuple(
        toll
        for measure in TOLL_MEASURES
        if measure not in stated and (toll := _agreed_toll(measure, incidents)) is not None
    )
    place, place_span = _place(summary, key, known)
    date, inferred = event.date, False
    if date is None:
        date = _named_day(members, by_extraction)
        inferred = date is not None
    return replace(
        event,
        summary=summary,
        place=place,
        place_span=place_span,
        date=date,
        date_inferred=inferred,
        figures=tuple(f.id for f in key),
        sources=len(independent),
        tolls=tolls,
    )


def _agreed_toll(measure: Measure, incidents: Sequence[ArticleIncident]) -> Toll | None:
    """The count of ``measure`` most articles give (a tie goes to the larger: later reports
    know more), with the spans of every article that gives it."""
    given = [t for incident in incidents for t in incident.tolls if t.measure == measure]
    if not given:
        return None
    votes = Counter(t.count for t in given)
    count = max(votes, key=lambda c: (votes[c], c))
    mentions = tuple(span for t in given if t.count == count for span in t.mentions)
    return Toll(measure, count, mentions)


def reads_as_prose(text: str) -> bool:
    """Does a line read as a sentence of the news, not a byline's time stamp ("July 25, 2005,
    12:18 AM ET", "Posted on Thu Jun 13, 2013 08:45 AM PDT") or a headline in title case? A
    sentence joins its names and numbers with lower-case words."""
    return len(_LOWER_WORD_RE.findall(text)) >= MIN_LOWER_WORDS


def agreed_sentence(leads: dict[str, list[Span]], independent: set[str]) -> Span | None:
    """The lead sentence closest, on average, to the best match in each other independent
    source's lead; with one source, its first lead sentence."""
    candidates = [(article, s) for article, spans in leads.items() for s in spans]
    if not candidates:
        return None
    voters = [a for a in leads if a in independent and leads[a]]
    if len(voters) < 2:
        return candidates[0][1]
    vectors = TfidfVectorizer(stop_words="english").fit_transform([s.text for _, s in candidates])
    sim = (vectors @ vectors.T).toarray()
    rows = {a: [i for i, (art, _) in enumerate(candidates) if art == a] for a in voters}
    scores = np.array(
        [
            np.mean([sim[i, rows[a]].max() for a in voters if a != article])
            for i, (article, _) in enumerate(candidates)
        ]
    )
    return candidates[int(np.argmax(scores))][1]


def _place(
    summary: Span | None, key: Sequence[Figure], known: frozenset[str]
) -> tuple[str | None, Span | None]:
    """Where the event happened: the place the event's figures were framed in most often
    among those that name a gazetteer place (of ``known``), else a gazetteer place its
    summary names, else any place its figures were framed in. A locative phrase alone can be
    a venue or a misread name ("his company's Christmas party", "Telecom"): a known place is
    the safer label; and one report's aside ("a quake in eastern China") is outvoted."""
    framed = [
        (m.frame.place, m.frame.place_span)
        for figure in key
        for m in figure.mentions
        if m.frame is not None and m.frame.place
    ]
    named = [
        (place, span)
        for place, span in framed
        if place is not None and span is not None and _known_name(span, known) is not None
    ]
    if named:
        votes = Counter(place for place, _ in named)
        in_summary = {p for p, _ in named if summary is not None and p in summary.text}
        # the most named; of those, one the summary names; then the first
        return max(named, key=lambda item: (votes[item[0]], item[0] in in_summary))
    if summary is not None and (found := _known_name(summary, known)) is not None:
        return found.text, found
    return framed[0] if framed else (None, None)


def _known_name(span: Span, known: frozenset[str]) -> Span | None:
    """The first, longest gazetteer place name inside the span's capitalised runs."""
    for match in _CAPITALISED_RE.finditer(span.text):
        words = match.group().split()
        for size in range(len(words), 0, -1):  # the longest known name inside the run
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size]).rstrip(".,")
                if name in known:
                    offset = span.text.index(name, match.start())
                    return Span(
                        span.article, span.start + offset, span.start + offset + len(name), name
                    )
    return None


def _named_day(members: Sequence[Article], by_extraction: dict[str, Extraction]) -> str | None:
    """The day the event's leads name most often (for an event none of whose articles is
    dated), or ``None``."""
    days: Counter[str] = Counter()
    for article in members:
        extraction = by_extraction.get(article.id, Extraction(article.id))
        for sentence in lead_sentences(extraction):
            for mention in extraction.dates:
                inside = sentence.start <= mention.span.start < sentence.end
                if inside and parse_day(mention.value) is not None and mention.value:
                    days[mention.value] += 1
    if not days:
        return None
    return min(days, key=lambda d: (-days[d], d))
