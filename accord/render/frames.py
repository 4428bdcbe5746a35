"""A dossier as pandas DataFrames: one row per figure, quote, claim, timeline entry or article.

For analysis in a notebook: filter conflicting figures, count sources per claim, plot the
timeline. Each row keeps the ids (``id``, ``event``, ``articles``) that lead back to the
dossier, where every mention still carries its exact span; the frames summarise, they do not
replace it. pandas is imported here only, when a frame is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.model import Dossier, Span

if TYPE_CHECKING:
    import pandas

FIGURE_COLUMNS = (
    "id",
    "measure",
    "low",
    "best",
    "high",
    "conflict",
    "as_of",
    "counted",
    "period",
    "event",
    "mentions",
    "sources",
    "outlets",
    "articles",
)
QUOTE_COLUMNS = ("id", "speaker", "text", "mentions", "sources", "outlets", "articles")
CLAIM_COLUMNS = ("id", "text", "sources", "contradicts", "event", "mentions", "articles")
TIMELINE_COLUMNS = ("date", "precision", "summary", "inferred", "mentions", "articles")
ARTICLE_COLUMNS = (
    "id",
    "source",
    "title",
    "outlet",
    "url",
    "published",
    "derived_from",
    "derivation",
    "chars",
)


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pandas.DataFrame:
    import pandas

    return pandas.DataFrame(rows, columns=list(columns))


def _articles(spans: list[Span]) -> list[str]:
    """Distinct article ids, in first-mention order."""
    return list(dict.fromkeys(span.article for span in spans))


def _outlets(dossier: Dossier, article_ids: list[str]) -> list[str]:
    outlets = (dossier.article(a).outlet for a in article_ids)
    return list(dict.fromkeys(o for o in outlets if o))


def figures_frame(dossier: Dossier) -> pandas.DataFrame:
    """One row per reconciled figure: its range (low/best/high), conflict flag and sources."""
    rows = []
    for figure in dossier.figures:
        ids = _articles([m.span for m in figure.mentions])
        rows.append(
            {
                "id": figure.id,
                "measure": figure.measure,
                "low": figure.low,
                "best": figure.best,
                "high": figure.high,
                "conflict": figure.conflict,
                "as_of": figure.as_of,
                "counted": figure.counted,
                "period": str(figure.period),
                "event": figure.event,
                "mentions": len(figure.mentions),
                "sources": len(ids),
                "outlets": _outlets(dossier, ids),
                "articles": ids,
            }
        )
    return _frame(rows, FIGURE_COLUMNS)


def quotes_frame(dossier: Dossier) -> pandas.DataFrame:
    """One row per statement: speaker, canonical text and how many articles carry it."""
    rows = []
    for quote in dossier.quotes:
        ids = _articles([m.span for m in quote.mentions])
        rows.append(
            {
                "id": quote.id,
                "speaker": quote.speaker,
                "text": quote.text,
                "mentions": len(quote.mentions),
                "sources": len(ids),
                "outlets": _outlets(dossier, ids),
                "articles": ids,
            }
        )
    return _frame(rows, QUOTE_COLUMNS)


def claims_frame(dossier: Dossier) -> pandas.DataFrame:
    """One row per aligned claim: independent sources and the claims it contradicts."""
    rows = [
        {
            "id": claim.id,
            "text": claim.text,
            "sources": claim.sources,
            "contradicts": list(claim.contradicts),
            "event": claim.event,
            "mentions": len(claim.mentions),
            "articles": _articles(list(claim.mentions)),
        }
        for claim in dossier.claims
    ]
    return _frame(rows, CLAIM_COLUMNS)


def timeline_frame(dossier: Dossier) -> pandas.DataFrame:
    """One row per timeline entry, in the dossier's order (by date)."""
    rows = [
        {
            "date": entry.date,
            "precision": entry.precision,
            "summary": entry.summary,
            "inferred": entry.inferred,
            "mentions": len(entry.mentions),
            "articles": _articles(list(entry.mentions)),
        }
        for entry in dossier.timeline
    ]
    return _frame(rows, TIMELINE_COLUMNS)


def articles_frame(dossier: Dossier) -> pandas.DataFrame:
    """One row per article read: where it came from and whether it reprints another."""
    rows = [
        {
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "derived_from": a.derived_from,
            "derivation": a.derivation,
            "chars": len(a.original),
        }
        for a in dossier.articles
    ]
    return _frame(rows, ARTICLE_COLUMNS)
