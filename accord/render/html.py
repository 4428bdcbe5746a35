"""``dossier.html``: one self-contained page a person reads, on a phone or on paper.

Everything is inline (CSS, SVG charts) and the page carries a Content-Security-Policy that
allows no script and no request, so it can be mailed, archived or opened offline. Article text
is untrusted: Jinja2 autoescaping is on and the highlighter escapes every piece it cuts, so a
``<script>`` in an article is shown as text. Evidence is linked both ways: a figure, quote,
claim or date links to ``<mark id="ev-…">`` in the source text, and each mark links back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from accord.model import Article, Dossier, Quote
from accord.render._atomic import write_text_atomic
from accord.render._view import (
    KIND_PRIORITY,
    UNATTRIBUTED,
    Evidence,
    carried_label,
    collect_evidence,
    contradiction_pairs,
    event_figures,
    figure_label,
    format_mention,
    format_number,
    key_figure_line,
    scope_label,
    source_name,
    summarize,
    toll_line,
)
from accord.render.charts import ChartRow, range_chart, series_chart, timeline_chart

__all__ = ["CSP", "highlight_article", "to_html", "write_html"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
TEMPLATES = Path(__file__).parent / "templates"
SAFE_SCHEMES = ("http://", "https://")
# A rendering the statement's canonical text already shows is cited by this many opening words.
SHOWN_WORDS = 6


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["num"] = format_number
    return env


def environment() -> Environment:
    """The Jinja2 environment; autoescape is on for every template, whatever its name."""
    return ENVIRONMENT


@dataclass
class SourceView:
    """An article as the Sources section shows it."""

    index: int
    anchor: str
    name: str
    article: Article
    paragraphs: list[Markup]
    removed: list[tuple[str, str]]  # (reason, text)
    link: str | None  # the article's URL, only when it is http(s)
    derived_from: str | None = None
    anchors: set[str] = field(default_factory=set)


def highlight_article(article: Article, evidence: list[Evidence]) -> tuple[list[Markup], set[str]]:
    """Kept paragraphs of ``article`` as escaped HTML with every mention wrapped in ``<mark>``.

    Paragraph text is cut at every mention boundary; each piece is escaped on its own, and a
    piece that some mention covers becomes ``<mark><a href="#target">…</a></mark>``, linking to
    the shortest covering mention's figure/quote/claim/date. The mark where a mention starts
    carries its ``id``; returns the paragraphs and the set of ids actually placed.
    """
    placed: set[str] = set()
    paragraphs: list[Markup] = []
    mine = [e for e in evidence if e.valid and e.span.article == article.id]
    for bs, be in article.kept_blocks():
        spans = [
            (max(e.span.start, bs), min(e.span.end, be), e)
            for e in mine
            if e.span.start < be and e.span.end > bs
        ]
        cuts = sorted({bs, be, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
        pieces: list[Markup] = []
        for a, b in pairwise(cuts):
            text = article.original[a:b]
            covering = [ev for s, e, ev in spans if s <= a and e >= b]
            if not covering:
                pieces.append(escape(text))
                continue
            starting = sorted(
                (ev for s, _, ev in spans if s == a and ev.anchor not in placed),
                key=lambda ev: KIND_PRIORITY[ev.kind],
            )
            for extra in starting[1:]:
                pieces.append(Markup('<span class="anchor" id="{}"></span>').format(extra.anchor))
            primary = min(
                covering, key=lambda ev: (ev.span.end - ev.span.start, KIND_PRIORITY[ev.kind])
            )
            kinds = " ".join(sorted({f"k-{ev.kind}" for ev in covering}))
            id_attr = Markup(' id="{}"').format(starting[0].anchor) if starting else Markup("")
            pieces.append(
                Markup('<mark{} class="{}"><a href="#{}" title="{}">{}</a></mark>').format(
                    id_attr, kinds, primary.target, f"evidence for {primary.kind} — go to it", text
                )
            )
            placed.update(ev.anchor for ev in starting)
        paragraphs.append(Markup("").join(pieces))
    return paragraphs, placed


def _sources(dossier: Dossier, evidence: list[Evidence]) -> list[SourceView]:
    views = []
    index = {a.id: k for k, a in enumerate(dossier.articles)}
    for k, article in enumerate(dossier.articles):
        paragraphs, placed = highlight_article(article, evidence)
        removed = [(str(r.reason), article.original[r.start : r.end]) for r in article.removed]
        url = article.url or ""
        parent = index.get(article.derived_from or "")
        views.append(
            SourceView(
                index=k,
                anchor=f"art-{k}",
                name=source_name(article),
                article=article,
                paragraphs=paragraphs,
                removed=removed,
                link=url if url.lower().startswith(SAFE_SCHEMES) else None,
                derived_from=f"art-{parent}" if parent is not None else None,
                anchors=placed,
            )
        )
    return views


def _carried(quote: Quote, cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per outlet and form, citing each part of the speaker's account there; a part
    the canonical text already shows is cited by its opening words, so an account is not
    printed twice."""
    lines: list[dict[str, Any]] = []
    for mention, cite in zip(quote.mentions, cites, strict=True):
        form = carried_label(mention, quote.speaker)
        said = cite["text"].split()
        if cite["text"] in quote.text and len(said) > SHOWN_WORDS:
            cite = {**cite, "text": " ".join(said[:SHOWN_WORDS]) + " …"}
        if lines and (lines[-1]["source"], lines[-1]["form"]) == (cite["source"], form):
            lines[-1]["parts"].append(cite)
        else:
            lines.append({"source": cite["source"], "form": form, "parts": [cite]})
    return lines


def build_context(dossier: Dossier) -> dict[str, Any]:
    """Everything the template shows, computed once in Python (templates only lay it out)."""
    evidence = collect_evidence(dossier)
    sources = _sources(dossier, evidence)
    placed = set().union(*(s.anchors for s in sources)) if sources else set()
    by_article = {s.article.id: s for s in sources}

    def cite(ev: Evidence) -> dict[str, Any]:
        src = by_article.get(ev.span.article)
        href = ev.anchor if ev.anchor in placed else (src.anchor if src else "sources")
        return {
            "href": href,
            "source": src.name if src else ev.span.article,
            "text": ev.span.text,
            "valid": ev.valid,
            "highlighted": ev.anchor in placed,
        }

    cites: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in evidence:
        cites[ev.target].append(cite(ev))

    figures = []
    for i, fig in enumerate(dossier.figures):
        rows = [
            {"mention": m, "value": format_mention(m), **cites[f"fig-{i}"][j]}
            for j, m in enumerate(fig.mentions)
        ]
        chart = range_chart(
            fig,
            [
                ChartRow(r["source"], m.low, m.high, r["href"])
                for r, m in zip(rows, fig.mentions, strict=True)
            ],
        )
        figures.append(
            {
                "anchor": f"fig-{i}",
                "figure": fig,
                "rows": rows,
                "chart": chart,
                "label": figure_label(fig.measure, fig.counted),
                "scope": scope_label(fig),
                "series_chart": series_chart(fig),
            }
        )

    happened = [
        {
            "anchor": f"happened-{i}",
            "event": event,
            "cites": cites[f"happened-{i}"],
            "figures": [
                {"href": f"fig-{j}", "line": key_figure_line(fig)}
                for j, fig in event_figures(dossier, event)
            ],
            "tolls": [
                {"line": toll_line(toll), "cites": cites[f"toll-{i}-{k}"]}
                for k, toll in enumerate(event.tolls)
            ],
            "sources": sorted({by_article[a].name for a in event.articles if a in by_article}),
        }
        for i, event in enumerate(dossier.events)
    ]

    statements: list[dict[str, Any]] = []
    for i, quote in enumerate(dossier.quotes):
        carried = _carried(quote, cites[f"quote-{i}"])
        statements.append(
            {
                "anchor": f"quote-{i}",
                "quote": quote,
                "speaker": quote.speaker or UNATTRIBUTED,
                "kind": quote.speaker_type.value if quote.speaker_type else "",
                "carried": carried,
            }
        )

    claims: list[dict[str, Any]] = [
        {"anchor": f"claim-{i}", "claim": c, "cites": cites[f"claim-{i}"]}
        for i, c in enumerate(dossier.claims)
    ]
    by_claim_id = {c["claim"].id: c for c in claims}
    contradictions = [(by_claim_id[a], by_claim_id[b]) for a, b in contradiction_pairs(dossier)]
    timeline = [
        {"anchor": f"tl-{i}", "entry": e, "cites": cites[f"tl-{i}"]}
        for i, e in enumerate(dossier.timeline)
    ]
    return {
        "csp": CSP,
        "summary": summarize(dossier),
        "happened": happened,
        "figures": figures,
        "statements": [st for st in statements if not st["quote"].folded],
        "folded": [st for st in statements if st["quote"].folded],
        "corroborated": [c for c in claims if c["claim"].sources >= 2],
        "single": [c for c in claims if c["claim"].sources < 2],
        "contradictions": contradictions,
        "timeline": timeline,
        "timeline_chart": timeline_chart(dossier.timeline),
        "sources": sources,
        "skipped": dossier.skipped,
    }


def to_html(dossier: Dossier, home_url: str | None = None, changes_url: str | None = None) -> str:
    """The dossier page; ``home_url`` adds a link back to a story list and ``changes_url``
    one to what changed between the stored versions (the web view)."""
    context = build_context(dossier)
    context["home_url"] = home_url
    context["changes_url"] = changes_url
    return environment().get_template("dossier.html.j2").render(context)


def write_html(dossier: Dossier, path: str | Path) -> Path:
    """Write ``dossier.html`` atomically; returns the path written."""
    return write_text_atomic(Path(path), to_html(dossier))


# Built once at import, like a compiled regex: templates are compiled on first use and
# Jinja2 keeps them, so pages do not pay for compiling on every render.
ENVIRONMENT = _environment()
