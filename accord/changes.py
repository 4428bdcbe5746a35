"""What changed in a story between two of its dossiers: the part a stream user reads.

Someone who ingests every hour wants "the toll rose from 14 to 17, two new sources, a new
statement by the mayor", not the whole dossier again. Ids of figures, quotes and claims are
hashes of their mentions, so they change whenever a new report joins; what persists is the
mentions themselves (an article's text and offsets never change). An item of the new dossier
is therefore the *same* item as an old one when they share a mention, *updated* when its
values differ, and *new* when it shares none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from accord.model import Article, Claim, Dossier, Event, Figure, Quote, Span

Range = tuple[float | None, float | None, float | None]  # low, best, high


class Change(StrEnum):
    NEW = "new"
    UPDATED = "updated"


@dataclass(frozen=True)
class FigureChange:
    """A figure that is new, or whose range or conflict flag moved; ``old`` is None if new."""

    change: Change
    figure: Figure
    old: Figure | None = None

    @property
    def old_range(self) -> Range | None:
        return _range(self.old) if self.old else None

    @property
    def new_range(self) -> Range:
        return _range(self.figure)


@dataclass(frozen=True)
class Changes:
    """Everything in ``new`` that ``old`` did not have, item by item."""

    sources: tuple[Article, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.figures or self.quotes or self.claims or self.events)


def _range(figure: Figure) -> Range:
    return (figure.low, figure.best, figure.high)


def _anchors(spans: list[Span]) -> set[tuple[str, int]]:
    """Where mentions start: stable across versions, since articles never change."""
    return {(span.article, span.start) for span in spans}


def _figure_changes(old: Dossier, new: Dossier) -> list[FigureChange]:
    by_anchor: dict[tuple[str, int], Figure] = {}
    for figure in old.figures:
        for anchor in _anchors([m.span for m in figure.mentions]):
            by_anchor[anchor] = figure
    changes: list[FigureChange] = []
    for figure in new.figures:
        anchors = _anchors([m.span for m in figure.mentions])
        before = next((by_anchor[a] for a in sorted(anchors) if a in by_anchor), None)
        if before is None:
            changes.append(FigureChange(Change.NEW, figure))
        elif (_range(before), before.conflict) != (_range(figure), figure.conflict):
            changes.append(FigureChange(Change.UPDATED, figure, before))
    return changes


def diff(old: Dossier, new: Dossier) -> Changes:
    """What ``new`` adds to ``old``: new sources, new or updated figures, new quotes,
    claims and events (an event is new when none of its articles was in an old one)."""
    old_quotes = set().union(*(_anchors([m.span for m in q.mentions]) for q in old.quotes))
    old_claims = set().union(*(_anchors(list(c.mentions)) for c in old.claims))
    old_event_articles = {a for event in old.events for a in event.articles}
    known = {a.id for a in old.articles}
    return Changes(
        sources=tuple(a for a in new.articles if a.id not in known),
        figures=tuple(_figure_changes(old, new)),
        quotes=tuple(
            q for q in new.quotes if not _anchors([m.span for m in q.mentions]) & old_quotes
        ),
        claims=tuple(c for c in new.claims if not _anchors(list(c.mentions)) & old_claims),
        events=tuple(e for e in new.events if not set(e.articles) & old_event_articles),
    )


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}" if isinstance(value, float) else str(value)


def describe_range(values: Range) -> str:
    """``14`` for an agreed figure, ``14–17 (best 15)`` for a range."""
    low, best, high = values
    if low == high:
        return _number(best if best is not None else low)
    return f"{_number(low)}–{_number(high)} (best {_number(best)})"


@dataclass(frozen=True)
class Section:
    """One kind of change, as a reader sees it: a heading, the line prefix a terminal shows,
    and one line per item."""

    heading: str
    prefix: str
    lines: tuple[str, ...]


def _source_line(article: Article) -> str:
    where = f" ({article.url})" if article.url else ""
    title = f" — {article.title}" if article.title else ""
    return f"{article.outlet or article.source}{title}{where}"


def _figure_line(item: FigureChange) -> str:
    period = None if item.figure.period.cumulative else str(item.figure.period)
    notes = [n for n in (item.figure.counted, period) if n]
    if item.figure.conflict:
        notes.append("sources disagree")
    label = item.figure.measure + (f" ({'; '.join(notes)})" if notes else "")
    if item.old_range is None:
        return f"{label}: {describe_range(item.new_range)}"
    return f"{label}: {describe_range(item.old_range)} → {describe_range(item.new_range)}"


def sections(changes: Changes) -> list[Section]:
    """The changes by kind, in the order a person reads them; kinds with no item left out."""
    found = [
        Section("New sources", "new source", tuple(_source_line(a) for a in changes.sources)),
        Section(
            "New figures",
            "new figure",
            tuple(_figure_line(f) for f in changes.figures if f.old is None),
        ),
        Section(
            "Updated figures",
            "figure updated",
            tuple(_figure_line(f) for f in changes.figures if f.old is not None),
        ),
        Section(
            "New statements",
            "new statement",
            tuple(f"{q.speaker or 'unattributed'}: “{q.text}”" for q in changes.quotes),
        ),
        Section(
            "New claims",
            "new claim",
            tuple(
                f"{c.text} ({c.sources} source{'' if c.sources == 1 else 's'})"
                for c in changes.claims
            ),
        ),
        Section(
            "New events",
            "new event",
            tuple(e.label + (f" ({e.date})" if e.date else "") for e in changes.events),
        ),
    ]
    return [s for s in found if s.lines]


def summary_lines(changes: Changes) -> list[str]:
    """One line per change, for a terminal or a log: what a person reads first."""
    return [f"{s.prefix}: {line}" for s in sections(changes) for line in s.lines]
