"""The dossier: one story's articles and results, every statement traced to a source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accord.model.article import (
    SCHEMA_ID,
    Article,
)
from accord.model.results import (
    Claim,
    Event,
    Figure,
    Quote,
    Skipped,
    StoryResults,
    TimelineEntry,
)

if TYPE_CHECKING:
    import pandas


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
