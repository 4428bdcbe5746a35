"""Cross-source results: what reconciliation, alignment and the timeline build over a story."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from accord.model.article import (
    Precision,
    Span,
    content_id,
)
from accord.model.mentions import (
    FigureMention,
    QuoteMention,
    Scope,
    SpeakerType,
    Toll,
)
from accord.vocab import CUMULATIVE_PERIOD, Measure, Period, Stage

# --- cross-source results (what reconciliation builds) ---------------------------------------


@dataclass(frozen=True)
class SeriesPoint:
    """What the reports of one moment say of a figure: a toll as of a date, with its sources."""

    as_of: str | None
    low: float
    high: float
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "low": self.low,
            "high": self.high,
            "articles": list(self.articles),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SeriesPoint:
        return cls(
            data.get("as_of"), float(data["low"]), float(data["high"]), tuple(data["articles"])
        )


@dataclass(frozen=True)
class Figure:
    """Figure mentions that count one thing: one measure of one victim group over one period,
    about one incident (or one running total, or one article's context figure).

    ``conflict`` is only ever between reports of the same moment (or a later report lower
    than an earlier one); a toll that rises with report time is ``updated``, and ``series``
    holds its values by as-of date.
    """

    id: str
    measure: Measure
    low: float | None
    best: float | None
    high: float | None
    as_of: str | None
    conflict: bool
    mentions: tuple[FigureMention, ...]
    counted: str | None = None
    period: Period = CUMULATIVE_PERIOD
    event: str | None = None
    low_sources: tuple[str, ...] = ()  # article ids that set the low end
    high_sources: tuple[str, ...] = ()
    scope: Scope = Scope.INCIDENT  # a running total or another incident's (context) figure
    incident: str | None = None  # id of the incident counted (scope "incident" only)
    updated: bool = False  # later reports give a higher number: an update, not a conflict
    series: tuple[SeriesPoint, ...] = ()  # by as-of date, when reports of 2+ moments differ

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["measure"] = str(self.measure)
        data["period"] = str(self.period)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        data["low_sources"] = list(self.low_sources)
        data["high_sources"] = list(self.high_sources)
        data["scope"] = str(self.scope)
        data["series"] = [p.to_dict() for p in self.series]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        kwargs = {k: v for k, v in data.items() if k in {f.name for f in fields(cls)}}
        kwargs["measure"] = Measure(data["measure"])
        kwargs["period"] = Period(data.get("period", CUMULATIVE_PERIOD.text))
        kwargs["mentions"] = tuple(FigureMention.from_dict(m) for m in data["mentions"])
        kwargs["low_sources"] = tuple(data.get("low_sources", ()))
        kwargs["high_sources"] = tuple(data.get("high_sources", ()))
        kwargs["scope"] = Scope(data.get("scope", Scope.INCIDENT))
        kwargs["series"] = tuple(SeriesPoint.from_dict(p) for p in data.get("series", ()))
        return cls(**kwargs)


@dataclass(frozen=True)
class Quote:
    """One statement (one speaker's account) with every outlet's rendering of it (its variants;
    an account's parts are its mentions).

    ``text`` is the canonical form: the fullest verbatim account, its parts joined, else the
    most widely carried one; it is no span (the mentions are). ``sources`` counts independent
    articles (a reprint does not add one); ``folded`` marks a minor single-source statement
    that renderers collapse (it stays in the JSON).
    """

    id: str
    speaker: str | None
    text: str
    mentions: tuple[QuoteMention, ...]
    speaker_type: SpeakerType | None = None
    sources: int = 1
    folded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "text": self.text,
            "mentions": [m.to_dict() for m in self.mentions],
            "speaker_type": self.speaker_type,
            "sources": self.sources,
            "folded": self.folded,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        kind = data.get("speaker_type")
        return cls(
            data["id"],
            data.get("speaker"),
            data["text"],
            tuple(QuoteMention.from_dict(m) for m in data["mentions"]),
            SpeakerType(kind) if kind is not None else None,
            int(data.get("sources", 1)),
            bool(data.get("folded", False)),
        )


@dataclass(frozen=True)
class Claim:
    """A statement carried by one or more articles, in their own words.

    ``sources`` counts independent articles (a reprint does not add one).
    """

    id: str
    text: str
    mentions: tuple[Span, ...]
    sources: int
    contradicts: tuple[str, ...] = ()
    event: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "mentions": [m.to_dict() for m in self.mentions],
            "sources": self.sources,
            "contradicts": list(self.contradicts),
            "event": self.event,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            data["id"],
            data["text"],
            tuple(Span.from_dict(m) for m in data["mentions"]),
            int(data["sources"]),
            tuple(data.get("contradicts", ())),
            data.get("event"),
        )


@dataclass(frozen=True)
class TimelineEntry:
    """Something that happened on a date, with the mentions that date it."""

    date: str
    precision: Precision
    summary: str
    mentions: tuple[Span, ...]
    inferred: bool = False  # dated from content because an article had no publication date

    @property
    def id(self) -> str:
        """A content hash of the date and the mentions that date it, like every result's id."""
        spans = (f"{m.article}:{m.start}:{m.end}" for m in self.mentions)
        return content_id(self.date, self.precision, *spans, prefix="t")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "precision": self.precision,
            "summary": self.summary,
            "mentions": [m.to_dict() for m in self.mentions],
            "inferred": self.inferred,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEntry:
        return cls(
            data["date"],
            data["precision"],
            data["summary"],
            tuple(Span.from_dict(m) for m in data["mentions"]),
            bool(data.get("inferred", False)),
        )


@dataclass(frozen=True)
class Event:
    """A distinct happening inside one story (e.g. an announcement on one date).

    What a reader sees first of it ("What happened"): its date (``date_inferred`` when no
    article of the event states it and it was read from the text), a place, a one-sentence
    ``summary`` chosen by agreement across its independent sources, and its key figures.
    """

    id: str
    label: str
    date: str | None
    articles: tuple[str, ...]
    summary: Span | None = None
    place: str | None = None
    place_span: Span | None = None
    date_inferred: bool = False
    figures: tuple[str, ...] = ()  # ids of the event's key figures, most important first
    sources: int = 0  # independent articles (reprints and rewrites not counted)
    # harms no key figure states, from its articles' own incidents ("a man was shot dead")
    tolls: tuple[Toll, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "date": self.date,
            "articles": list(self.articles),
            "summary": self.summary.to_dict() if self.summary else None,
            "place": self.place,
            "place_span": self.place_span.to_dict() if self.place_span else None,
            "date_inferred": self.date_inferred,
            "figures": list(self.figures),
            "sources": self.sources,
            "tolls": [t.to_dict() for t in self.tolls],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        summary, place_span = data.get("summary"), data.get("place_span")
        return cls(
            data["id"],
            data["label"],
            data.get("date"),
            tuple(data["articles"]),
            summary=Span.from_dict(summary) if summary else None,
            place=data.get("place"),
            place_span=Span.from_dict(place_span) if place_span else None,
            date_inferred=bool(data.get("date_inferred", False)),
            figures=tuple(data.get("figures", ())),
            sources=int(data.get("sources", 0)),
            tolls=tuple(Toll.from_dict(t) for t in data.get("tolls", ())),
        )


@dataclass(frozen=True)
class Skipped:
    """An input left out of a run: a file or record that could not be read (``Stage.READ``),
    or an article a processing stage failed on; ``reason`` says what is wrong and the fix."""

    source: str
    stage: Stage
    reason: str

    @classmethod
    def unread(cls, source: str, reason: str) -> Skipped:
        """A file, URL or record that could not be read."""
        return cls(source, Stage.READ, reason)

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "stage": str(self.stage), "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Skipped:
        return cls(str(data["source"]), Stage(data.get("stage", Stage.READ)), str(data["reason"]))


@dataclass(frozen=True)
class StoryResults:
    """What the cross-source stages find over one story's articles (:mod:`accord.story`).

    The part of a dossier that is computed, apart from the articles it is computed from: the
    store keeps it per story version, so a stored story is shown without running a model.
    """

    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": [e.to_dict() for e in self.events],
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "timeline": [t.to_dict() for t in self.timeline],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryResults:
        return cls(
            events=tuple(Event.from_dict(e) for e in data.get("events", [])),
            figures=tuple(Figure.from_dict(f) for f in data.get("figures", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", [])),
            timeline=tuple(TimelineEntry.from_dict(t) for t in data.get("timeline", [])),
        )
