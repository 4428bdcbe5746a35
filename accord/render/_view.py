"""What both human renderings need: names for sources, numbers, the summary, evidence anchors.

Kept apart from ``html.py`` and ``markdown.py`` so that the two read the dossier the same way
(same source names, same counts) and neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.lexicon import DENIAL_VERBS
from accord.model import (
    Article,
    Change,
    Dossier,
    Event,
    Figure,
    FigureMention,
    QuoteMention,
    Scope,
    Span,
    Toll,
)
from accord.names import one_name
from accord.unit_names import CURRENCY_SYMBOLS, CURRENCY_WORDS

UNATTRIBUTED = "Unattributed"
# The unit names a percentage or an amount of money carries as its counted thing when the
# sentence names nothing else (the extractor's unit names, :mod:`accord.unit_names`).
PERCENT_WORDS = frozenset({"percentage", "percent", "per cent"})
CURRENCY_NAMES = frozenset({*CURRENCY_SYMBOLS.values(), *CURRENCY_WORDS.values()})
# How a mention's change reads beside its value; a plain count adds nothing.
CHANGE_WORDS = {Change.UP: "a rise", Change.DOWN: "a fall", Change.LEVEL: "a level"}


# A source named by its title is named in a line: a text with no headline takes its first
# paragraph as its title, and a reader needs a name, not the lead again.
SOURCE_NAME_CHARS = 70


def source_name(article: Article | None, fallback: str = "unknown source") -> str:
    """How a source is named to readers: outlet, else title (cut at a word, within
    ``SOURCE_NAME_CHARS``), else its file, else its id."""
    if article is None:
        return fallback
    if article.outlet:
        return article.outlet
    if article.title:
        return _cut(article.title, SOURCE_NAME_CHARS)
    return article.source or article.id


def _cut(text: str, limit: int) -> str:
    """``text`` whole when it fits, else its words up to ``limit`` characters and "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:–—-") + "…"


def format_number(value: float | None) -> str:
    """``1200.0`` → ``"1,200"``; ``2.5`` → ``"2.5"``; ``None`` → ``"?"`` (an open end)."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_range(low: float | None, high: float | None) -> str:
    """A mention's value as readers say it: ``"40"``, ``"1,000–4,000"``, ``"more than 100"``."""
    if low is not None and high is not None and low == high:
        return format_number(low)
    if high is None and low is not None:
        return f"at least {format_number(low)}"
    if low is None and high is not None:
        return f"up to {format_number(high)}"
    return f"{format_number(low)}–{format_number(high)}"


def format_mention(mention: FigureMention) -> str:
    """A mention's value and its change: ``"17 (a rise)"`` for "rose to 17", ``"40"``."""
    value = format_range(mention.low, mention.high)
    word = CHANGE_WORDS.get(mention.change)
    return f"{value} ({word})" if word else value


def carried_label(mention: QuoteMention, speaker: str | None = None) -> str:
    """How an outlet carries a statement, with the chain it names: "reported, via USA Today"
    (who passes the words on), "verbatim, citing police records" (what the speaker relies
    on); "denied (reported)" when the speaker says the words are not so; "credited to Jerry
    Tibbs" where this outlet names another ``speaker`` than the statement's, so a reader sees
    outlets disagree on who said it ("Page" for "Bettie Page" is the same name)."""
    label = mention.carried_as.value
    if mention.cue is not None and mention.cue.text.lower() in DENIAL_VERBS:
        label = f"denied ({label})"  # "Denying he was a gangster, …": not his claim
    if mention.speaker and speaker and not one_name(mention.speaker, speaker):
        label += f", credited to {mention.speaker}"
    if mention.via:
        label += f", via {mention.via}"
    if mention.cites:
        label += f", citing {mention.cites}"
    return label


def figure_label(measure: str, counted: str | None) -> str:
    """Words a reader would use: ``("killed", "soldiers")`` → ``"soldiers killed"``; the
    generic ``count`` measure is left out (``"people"``, not ``"people count"``), and a
    unit read as the counted thing is said once (``"money (dollar)"``, not ``"dollar
    money"``; ``"percent"``, not ``"percentage percent"``)."""
    what = measure.replace("_", " ")
    if not counted:
        return what
    if measure == "count":
        return counted
    if measure == "percent" and counted.lower() in PERCENT_WORDS:
        return what
    if measure == "money" and counted.lower() in CURRENCY_NAMES:
        return f"{what} ({counted})"
    return f"{counted} {what}"


SCOPE_LABELS = {
    Scope.INCIDENT: "",
    Scope.RUNNING_TOTAL: "running total",
    Scope.OTHER_INCIDENT: "context: another incident",
}


def scope_label(figure: Figure) -> str:
    """How a reader should take a figure that is not the toll of the story's own incident."""
    return SCOPE_LABELS[figure.scope]


def key_figure_line(figure: Figure) -> str:
    """``"soldiers killed: 12 (sources disagree: 10–15)"``: one key figure in a line. A
    range's midpoint is a number no source said: a figure whose best is one reads as its
    range ("killed: 10–20")."""
    label = figure_label(figure.measure, figure.counted)
    spread = format_range(figure.low, figure.high)
    stated = {v for m in figure.mentions for v in (m.low, m.high) if v is not None}
    if figure.conflict:
        return f"{label}: {format_number(figure.best)} (sources disagree: {spread})"
    if figure.updated:
        return f"{label}: {format_number(figure.best)} (rose over time: {spread})"
    if figure.low == figure.high:
        return f"{label}: {format_number(figure.best)}"
    if figure.best not in stated:
        return f"{label}: {spread}"
    return f"{label}: {format_number(figure.best)} ({spread})"


def toll_line(toll: Toll) -> str:
    """``"killed: 1"``: a harm the event's articles count without stating a figure."""
    return f"{figure_label(toll.measure, None)}: {format_number(toll.count)}"


def event_figures(dossier: Dossier, event: Event) -> list[tuple[int, Figure]]:
    """The event's key figures with their index in ``dossier.figures`` (for anchors)."""
    index = {f.id: i for i, f in enumerate(dossier.figures)}
    return [(index[f], dossier.figures[index[f]]) for f in event.figures if f in index]


@dataclass(frozen=True)
class Summary:
    """The header numbers: how much was read and how independent it is."""

    title: str
    articles: int
    independent: int  # articles that are not a reprint/rewrite of another
    first_date: str | None
    last_date: str | None

    @property
    def date_span(self) -> str:
        if self.first_date is None:
            return "undated"
        if self.first_date == self.last_date:
            return self.first_date
        return f"{self.first_date} to {self.last_date}"


def summarize(dossier: Dossier) -> Summary:
    """Date span from publication dates; falls back to the timeline when no article is dated."""
    dates = sorted(a.published.isoformat() for a in dossier.articles if a.published)
    if not dates:
        dates = sorted(t.date[:10] for t in dossier.timeline)
    return Summary(
        title=dossier.title or "Untitled story",
        articles=len(dossier.articles),
        independent=sum(1 for a in dossier.articles if not a.derived_from),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )


@dataclass(frozen=True)
class Evidence:
    """One mention as rendered: where it points (``anchor``) and what it supports (``target``).

    ``kind`` is ``figure``, ``quote``, ``claim`` or ``date``; ``valid`` is False when the span
    does not slice its article (then it is listed but never highlighted).
    """

    anchor: str
    target: str
    kind: str
    span: Span
    valid: bool


# Anchor prefixes; a mark that several mentions share carries the first kind's id.
KIND_PRIORITY = {"figure": 0, "quote": 1, "date": 2, "claim": 3, "event": 4}


def span_is_valid(dossier_articles: dict[str, Article], span: Span) -> bool:
    article = dossier_articles.get(span.article)
    if article is None:
        return False
    return 0 <= span.start < span.end <= len(article.original) and (
        article.original[span.start : span.end] == span.text
    )


def collect_evidence(dossier: Dossier) -> list[Evidence]:
    """Every mention in the dossier, with stable, index-based HTML ids.

    Ids are built from positions (``ev-f0-1``: figure 0, mention 1), never from dossier
    content, so untrusted ids cannot break out of an attribute or collide.
    """
    by_id = {a.id: a for a in dossier.articles}
    found: list[Evidence] = []

    def add(anchor: str, target: str, kind: str, span: Span) -> None:
        found.append(Evidence(anchor, target, kind, span, span_is_valid(by_id, span)))

    for i, event in enumerate(dossier.events):
        if event.summary is not None:
            add(f"ev-h{i}", f"happened-{i}", "event", event.summary)
        for k, toll in enumerate(event.tolls):
            for j, span in enumerate(toll.mentions):
                add(f"ev-h{i}-t{k}-{j}", f"toll-{i}-{k}", "figure", span)
    for i, fig in enumerate(dossier.figures):
        for j, fm in enumerate(fig.mentions):
            add(f"ev-f{i}-{j}", f"fig-{i}", "figure", fm.span)
    for i, quote in enumerate(dossier.quotes):
        for j, qm in enumerate(quote.mentions):
            add(f"ev-q{i}-{j}", f"quote-{i}", "quote", qm.span)
    for i, claim in enumerate(dossier.claims):
        for j, span in enumerate(claim.mentions):
            add(f"ev-c{i}-{j}", f"claim-{i}", "claim", span)
    for i, entry in enumerate(dossier.timeline):
        for j, span in enumerate(entry.mentions):
            add(f"ev-t{i}-{j}", f"tl-{i}", "date", span)
    return found


def contradiction_pairs(dossier: Dossier) -> list[tuple[str, str]]:
    """Each pair of contradicting claim ids once, in dossier order (``contradicts`` is
    usually symmetric; a dangling id is dropped)."""
    known = {c.id for c in dossier.claims}
    seen: set[frozenset[str]] = set()
    pairs: list[tuple[str, str]] = []
    for claim in dossier.claims:
        for other in claim.contradicts:
            key = frozenset((claim.id, other))
            if other in known and other != claim.id and key not in seen:
                seen.add(key)
                pairs.append((claim.id, other))
    return pairs
