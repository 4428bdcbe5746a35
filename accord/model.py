"""The typed data model every stage shares.

Like spaCy's ``Doc``/``Span``, one object owns the text and everything else points into it:
an :class:`Article` owns its ``original`` text, and every mention is a :class:`Span` of
``(article id, start, end)`` with ``original[start:end] == text``. Objects that cross stages are
frozen dataclasses with content-hash ids and ``to_dict`` / ``from_dict`` so they survive JSON,
DuckDB and Ray without a custom pickler.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from accord.vocab import CUMULATIVE_PERIOD, Derivation, Measure, Period, RemovalReason, Stage

if TYPE_CHECKING:
    import pandas

SCHEMA_ID = "accord.dossier/1"

Precision = Literal["year", "month", "day", "range"]


def content_id(*parts: object, prefix: str = "", size: int = 16) -> str:
    """A stable id from content: the same input always gets the same id (idempotent ingest)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:size]}"


@dataclass(frozen=True)
class Span:
    """A piece of an article's original text: ``original[start:end] == text``."""

    article: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["article"], int(data["start"]), int(data["end"]), data["text"])

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        """Slice ``article.original``; the only sanctioned way to make a span from offsets."""
        if not 0 <= start < end <= len(article.original):
            raise ValueError(f"span {start}:{end} outside article {article.id}")
        return cls(article.id, start, end, article.original[start:end])


@dataclass(frozen=True)
class Removed:
    """A segment of the original text that cleaning dropped, and why."""

    start: int
    end: int
    reason: RemovalReason

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": str(self.reason)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removed:
        return cls(int(data["start"]), int(data["end"]), RemovalReason(data["reason"]))


@dataclass(frozen=True)
class Article:
    """One news report. ``original`` is never modified; cleaning only records ``removed``."""

    id: str
    source: str
    title: str
    original: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None  # only when stated; never today's date
    published_evidence: Span | None = None  # where in the text the date was read, if there
    removed: tuple[Removed, ...] = ()
    derived_from: str | None = None  # id of the article this one reprints or rewrites
    derivation: Derivation | None = None

    @classmethod
    def create(cls, source: str, original: str, title: str = "", **kwargs: Any) -> Article:
        return cls(
            id=content_id(original, prefix="a", size=16),
            source=source,
            title=title,
            original=original,
            **kwargs,
        )

    def masked(self) -> str:
        """The original text with removed segments blanked out, same length as ``original``.

        Stages run on this so that every offset they find is already an offset into
        ``original`` (newlines are kept so paragraph boundaries survive).
        """
        if not self.removed:
            return self.original
        chars = list(self.original)
        for seg in self.removed:
            for i in range(seg.start, seg.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def kept_blocks(self) -> list[tuple[int, int]]:
        """Non-empty paragraphs (one per line) that survive cleaning, as original offsets."""
        masked = self.masked()
        blocks: list[tuple[int, int]] = []
        pos = 0
        for line in masked.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                blocks.append((pos + lead, pos + lead + len(stripped)))
            pos += len(line) + 1
        return blocks

    @property
    def text(self) -> str:
        """The cleaned text: kept paragraphs joined by blank lines (for reading, not offsets)."""
        return "\n\n".join(self.original[s:e] for s, e in self.kept_blocks())

    def with_removed(self, removed: list[Removed] | tuple[Removed, ...]) -> Article:
        return replace(self, removed=tuple(sorted(removed, key=lambda r: (r.start, r.end))))

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["removed"] = [r.to_dict() for r in self.removed]
        data["published_evidence"] = (
            self.published_evidence.to_dict() if self.published_evidence else None
        )
        data["published"] = self.published.isoformat() if self.published else None
        data["derivation"] = str(self.derivation) if self.derivation else None
        data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["removed"] = tuple(Removed.from_dict(r) for r in data.get("removed", []))
        ev = data.get("published_evidence")
        kwargs["published_evidence"] = Span.from_dict(ev) if ev else None
        published = data.get("published")
        kwargs["published"] = date.fromisoformat(published[:10]) if published else None
        derivation = data.get("derivation")
        kwargs["derivation"] = Derivation(derivation) if derivation else None
        return cls(**kwargs)


# --- per-article mentions (what extraction finds) -------------------------------------------


def _flat(mention: Any) -> dict[str, Any]:
    """A mention as one flat dict: ``article/start/end/text`` from its span, then its fields;
    nested spans (``sentence``, ``speaker_span``, ``cue``) stay nested dicts."""
    data: dict[str, Any] = mention.span.to_dict()
    for f in fields(mention):
        if f.name == "span":
            continue
        value = getattr(mention, f.name)
        data[f.name] = value.to_dict() if isinstance(value, Span) else value
    return data


def _unflat(cls: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """Inverse of :func:`_flat`: rebuild the span and nested spans; ignore unknown keys."""
    kwargs: dict[str, Any] = {"span": Span.from_dict(data)}
    for f in fields(cls):
        if f.name == "span" or f.name not in data:
            continue
        value = data[f.name]
        kwargs[f.name] = Span.from_dict(value) if isinstance(value, dict) else value
    return kwargs


class Change(StrEnum):
    """What a figure says about movement: the size of a rise or fall, a level, or neither."""

    UP = "up"  # "rose to 17", "up 3%", "a 5% increase"
    DOWN = "down"  # "down 3%", "fell by a fifth", "cut 40 jobs"
    LEVEL = "level"  # "stood at 17", "totalled 17", "up 3% at 41 dollars", "up from 12"
    NONE = "none"  # a plain count: "17 people were killed"


class Scope(StrEnum):
    """Which happening a figure counts, relative to the report's own incident."""

    INCIDENT = "incident"  # the happening the clause reports (the default)
    OTHER_INCIDENT = "other_incident"  # "in a separate attack", "elsewhere", "another school"
    RUNNING_TOTAL = "running_total"  # "since the war began", "this year", "so far", "nationwide"


@dataclass(frozen=True)
class IncidentFrame:
    """What a figure mention counts: the happening around the number, each slot a span.

    ``predicate`` is the lemma of the word that governs the number ("kill", "wound",
    "capture"); ``victims`` the counted group as written ("Palestinians", "North Korean
    troops"); ``place`` a place the clause names; ``time`` the ISO date the clause itself
    names, resolved against the publication date (``None`` when the clause names none);
    ``scope`` says whether the number is this incident's, another incident's or a running
    total, with ``scope_span`` the marker that says so; ``negated`` says the predicate is
    denied ("two officers were not hurt").
    """

    predicate: str | None = None
    predicate_span: Span | None = None
    victims: str | None = None
    victims_span: Span | None = None
    place: str | None = None
    place_span: Span | None = None
    time: str | None = None
    time_span: Span | None = None
    scope: Scope = Scope.INCIDENT
    scope_span: Span | None = None
    negated: bool = False  # "were not hurt": the predicate is denied, the number counts none

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            data[f.name] = value.to_dict() if isinstance(value, Span) else value
        data["scope"] = str(self.scope)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IncidentFrame:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            kwargs[f.name] = Span.from_dict(value) if isinstance(value, dict) else value
        kwargs["scope"] = Scope(data.get("scope", Scope.INCIDENT))
        kwargs["negated"] = bool(data.get("negated", False))
        return cls(**kwargs)


@dataclass(frozen=True)
class FigureMention:
    """A quantity in one article: ``"between 1,000 and 4,000 casualties"``.

    ``low``/``high`` bound the value (equal for a point value; ``None`` for an open end).
    ``measure`` is the reconciliation key (killed, wounded, killed_or_wounded, captured,
    deployed, stationed, ... or the generic count); ``period`` is cumulative or the window
    phrase ("within the last week"); ``change`` whether the number is a rise, a fall or a
    level; ``attributed_to`` is the credited source chain.
    """

    span: Span
    low: float | None
    high: float | None
    qualifier: str | None = None  # the word that bounds it: "more than", "about", "up to"
    approximate: bool = False
    vague: bool = False  # "dozens", "hundreds", "several"
    counted: str | None = None  # "North Korean soldiers"
    measure: Measure = Measure.COUNT
    period: Period = CUMULATIVE_PERIOD
    change: Change = Change.NONE  # read from the governing verb or adverb (extract.change)
    attributed_to: tuple[str, ...] = ()  # outermost first: ("lawmaker", "intelligence reports")
    sentence: Span | None = None
    event: str | None = None  # id of the event this figure is about (set by reconcile)
    frame: IncidentFrame | None = None  # what happening the number counts (set by extraction)
    incident: str | None = None  # id of the incident this figure counts (set by reconcile)

    def to_dict(self) -> dict[str, Any]:
        """Flat, as the dossier contract wants: the span's keys, then the figure's."""
        data = _flat(self)
        data["measure"] = str(self.measure)
        data["period"] = str(self.period)
        data["change"] = str(self.change)
        data["attributed_to"] = list(self.attributed_to)
        data["frame"] = self.frame.to_dict() if self.frame is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureMention:
        kwargs = _unflat(cls, {k: v for k, v in data.items() if k != "frame"})
        kwargs["attributed_to"] = tuple(data.get("attributed_to", ()))
        kwargs["measure"] = Measure(data.get("measure", Measure.COUNT))
        kwargs["period"] = Period(data.get("period", CUMULATIVE_PERIOD.text))
        kwargs["change"] = Change(data.get("change", Change.NONE))
        frame = data.get("frame")
        kwargs["frame"] = IncidentFrame.from_dict(frame) if frame else None
        return cls(**kwargs)


class SpeakerType(StrEnum):
    """What kind of speaker a quote is credited to."""

    PERSON = "person"  # a named person ("Maria Lopez", or "she" resolved to her)
    ORGANISATION = "organisation"  # a body, or a place standing for its government ("Moscow")
    GROUP = "group"  # people in the plural ("Ukrainian officials", "residents")
    DESCRIPTION = "description"  # an unnamed source as described ("one of the soldiers")


class QuoteForm(StrEnum):
    """How an outlet carries a statement."""

    VERBATIM = "verbatim"  # a whole quoted sentence or clause, in quote marks
    PARTIAL = "partial"  # a quoted fragment inside the reporter's own sentence
    REPORTED = "reported"  # indirect speech after a speech verb ("X said that ...")
    PARAPHRASE = "paraphrase"  # the reporter's words credited otherwise ("according to X")


@dataclass(frozen=True)
class VictimMention:
    """People harmed, named without a number: "a man was shot dead" is one killed, "a woman
    and her son were wounded" two wounded. ``span`` is the victim phrase; ``measure`` is
    killed, wounded or shot (hit, outcome not stated)."""

    span: Span
    count: int
    measure: Measure
    predicate: Span | None = None
    frame: IncidentFrame | None = None
    sentence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _flat(self)
        data["measure"] = str(self.measure)
        data["frame"] = self.frame.to_dict() if self.frame is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VictimMention:
        kwargs = _unflat(cls, {k: v for k, v in data.items() if k != "frame"})
        kwargs["measure"] = Measure(data["measure"])
        frame = data.get("frame")
        kwargs["frame"] = IncidentFrame.from_dict(frame) if frame else None
        return cls(**kwargs)


@dataclass(frozen=True)
class Toll:
    """One harm measure of an incident ("killed": 2) and the mentions that state it."""

    measure: Measure
    count: int
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": str(self.measure),
            "count": self.count,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Toll:
        mentions = tuple(Span.from_dict(m) for m in data.get("mentions", []))
        return cls(Measure(data["measure"]), int(data["count"]), mentions)


@dataclass(frozen=True)
class ArticleIncident:
    """The happening one article reports, with its tolls; ``context`` holds the figures of
    other incidents and running totals the article also gives (never part of a toll)."""

    article: str
    tolls: tuple[Toll, ...] = ()
    context: tuple[Span, ...] = ()

    def count(self, measure: Measure) -> int:
        """The toll of one measure (0 when the article states none)."""
        return next((t.count for t in self.tolls if t.measure == measure), 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "tolls": [t.to_dict() for t in self.tolls],
            "context": [c.to_dict() for c in self.context],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleIncident:
        return cls(
            data["article"],
            tuple(Toll.from_dict(t) for t in data.get("tolls", [])),
            tuple(Span.from_dict(c) for c in data.get("context", [])),
        )


@dataclass(frozen=True)
class QuoteMention:
    """Words credited to a speaker: a direct quote (``verbatim``) or reported speech."""

    span: Span  # the quoted / reported content
    speaker: str | None  # normalised name ("Volodymyr Zelensky")
    speaker_span: Span | None = None  # where the speaker is named (or the pronoun)
    cue: Span | None = None  # "said", "according to"
    verbatim: bool = True
    speaker_type: SpeakerType | None = None  # None when there is no speaker
    form: QuoteForm | None = None  # None: read ``verbatim`` (VERBATIM or REPORTED)
    # who passes the speaker's words on ("X said …, according to the Daily Post")
    via: str | None = None
    # the source the speaker relies on ("X, citing police records, said …")
    cites: str | None = None

    @property
    def carried_as(self) -> QuoteForm:
        """The form, falling back on ``verbatim`` for mentions made without one."""
        if self.form is not None:
            return self.form
        return QuoteForm.VERBATIM if self.verbatim else QuoteForm.REPORTED

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteMention:
        kwargs = _unflat(cls, data)
        if kwargs.get("speaker_type") is not None:
            kwargs["speaker_type"] = SpeakerType(kwargs["speaker_type"])
        if kwargs.get("form") is not None:
            kwargs["form"] = QuoteForm(kwargs["form"])
        return cls(**kwargs)


@dataclass(frozen=True)
class DateMention:
    """A date expression normalised against the publication date.

    ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``None`` when it cannot be anchored,
    e.g. "on Friday" in an undated article); ``precision`` says which.
    """

    span: Span
    value: str | None
    precision: Precision | None = None
    relative: bool = False  # needed the publication date to resolve
    sentence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(**_unflat(cls, data))


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one article (input to the cross-source stages)."""

    article: str
    sentences: tuple[Span, ...] = ()
    figures: tuple[FigureMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    victims: tuple[VictimMention, ...] = ()  # harms counted without a number

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentences": [s.to_dict() for s in self.sentences],
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "victims": [v.to_dict() for v in self.victims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            data["article"],
            tuple(Span.from_dict(s) for s in data.get("sentences", [])),
            tuple(FigureMention.from_dict(f) for f in data.get("figures", [])),
            tuple(QuoteMention.from_dict(q) for q in data.get("quotes", [])),
            tuple(DateMention.from_dict(d) for d in data.get("dates", [])),
            tuple(VictimMention.from_dict(v) for v in data.get("victims", [])),
        )


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
    updated: bool = False  # later reports give a higher toll: an update, not a conflict
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
    """One statement by one speaker, with every outlet's rendering of it (its variants).

    ``text`` is the canonical form: the fullest verbatim rendering, else the most widely carried
    one. ``sources`` counts independent articles (a reprint does not add one); ``folded`` marks
    a minor single-source statement that renderers collapse (it stays in the JSON).
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


@dataclass(frozen=True)
class Dossier:
    """The product: one story, every statement traced to the words of a source."""

    articles: tuple[Article, ...]
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    events: tuple[Event, ...] = ()
    title: str = ""
    skipped: tuple[Skipped, ...] = field(default=())

    @classmethod
    def of(
        cls,
        articles: Sequence[Article],
        results: StoryResults,
        title: str,
        skipped: Sequence[Skipped] = (),
    ) -> Dossier:
        """The one way a dossier is put together, from files (``accord analyze``) or from a
        stored story (``accord dossier``, the web view): articles, their results, a title."""
        return cls(
            articles=tuple(articles),
            figures=results.figures,
            quotes=results.quotes,
            claims=results.claims,
            timeline=results.timeline,
            events=results.events,
            title=title,
            skipped=tuple(skipped),
        )

    def results(self) -> StoryResults:
        """The computed part of the dossier (what :meth:`of` was given)."""
        return StoryResults(self.events, self.figures, self.quotes, self.claims, self.timeline)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    # DataFrames for analysis (pandas is imported only when one is asked for).
    def figures_frame(self) -> pandas.DataFrame:
        """One row per figure: measure, low/best/high, conflict, sources."""
        from accord.render.frames import figures_frame

        return figures_frame(self)

    def quotes_frame(self) -> pandas.DataFrame:
        """One row per quote: speaker, text, how many articles carry it."""
        from accord.render.frames import quotes_frame

        return quotes_frame(self)

    def claims_frame(self) -> pandas.DataFrame:
        """One row per claim: text, independent sources, contradictions."""
        from accord.render.frames import claims_frame

        return claims_frame(self)

    def timeline_frame(self) -> pandas.DataFrame:
        """One row per timeline entry: date, precision, summary."""
        from accord.render.frames import timeline_frame

        return timeline_frame(self)

    def articles_frame(self) -> pandas.DataFrame:
        """One row per article: source, title, outlet, url, published."""
        from accord.render.frames import articles_frame

        return articles_frame(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "title": self.title,
            "articles": [a.to_dict() for a in self.articles],
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "timeline": [t.to_dict() for t in self.timeline],
            "events": [e.to_dict() for e in self.events],
            "skipped": [s.to_dict() for s in self.skipped],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dossier:
        return cls(
            articles=tuple(Article.from_dict(a) for a in data["articles"]),
            figures=tuple(Figure.from_dict(f) for f in data.get("figures", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", [])),
            timeline=tuple(TimelineEntry.from_dict(t) for t in data.get("timeline", [])),
            events=tuple(Event.from_dict(e) for e in data.get("events", [])),
            title=data.get("title", ""),
            skipped=tuple(Skipped.from_dict(s) for s in data.get("skipped", ())),
        )
