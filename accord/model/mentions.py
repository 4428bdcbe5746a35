"""Per-article mentions: what extraction finds in one article, each a span of its text."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from accord.model.article import (
    Precision,
    Span,
)
from accord.vocab import CUMULATIVE_PERIOD, Measure, Period

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
class PredicateMention:
    """The main predicate of one sentence's proposition, as its parse reads it: past an
    attribution frame ("X said that P", "P, X said") to P's verb. ``span`` is that verb (a
    copula's too), ``sentence`` its sentence; ``lemma`` is what two reports of one fact share
    (a copula's complement: "new", "star") and ``negated`` whether this one negates it ("did
    not collapse", "never found", "Nobody saw"). Two reports contradict by negation only
    where they share the predicate, and by denial only where one denies the predicate the
    other asserts (:mod:`accord.align`): a negation or a denial of another clause opposes
    nothing."""

    span: Span
    sentence: Span
    lemma: str
    negated: bool = False
    # the predicate of the proposition the sentence denies ("deny that he was carrying a
    # weapon": "carry"); "" for a denial of no clause, None where it denies nothing
    denied: str | None = None
    # False for what did not happen: "would not have placed him on injured reserve if …"
    asserted: bool = True

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PredicateMention:
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
    predicates: tuple[PredicateMention, ...] = ()  # each sentence's main predicate

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentences": [s.to_dict() for s in self.sentences],
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "victims": [v.to_dict() for v in self.victims],
            "predicates": [p.to_dict() for p in self.predicates],
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
            tuple(PredicateMention.from_dict(p) for p in data.get("predicates", [])),
        )
