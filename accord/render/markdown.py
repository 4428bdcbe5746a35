"""``dossier.md``: the dossier as plain Markdown, for diffs, mail and wikis.

Article text is untrusted and Markdown passes raw HTML through, so every piece of source text
goes through :func:`md_escape`: ``<``, ``>`` and ``&`` become entities (no tag, comment or
autolink can form) and Markdown punctuation is backslash-escaped (no link, image or emphasis
can form from article text). Citations give the article id and character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from accord.model import Dossier, Quote, Span
from accord.render._atomic import write_text_atomic
from accord.render._view import (
    UNATTRIBUTED,
    carried_label,
    contradiction_pairs,
    event_figures,
    figure_label,
    format_mention,
    format_number,
    format_range,
    key_figure_line,
    scope_label,
    source_name,
    summarize,
    toll_line,
)

__all__ = ["md_escape", "to_markdown", "write_markdown"]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCT = re.compile(r"([\\`*_\[\]{}()!|~#])")
_LINE_START = re.compile(r"^(\s*)([+\-=]|(\d+)([.)]))")


def md_escape(text: str) -> str:
    """Untrusted text as inert Markdown on one line (HTML, links and emphasis neutralised)."""
    text = " ".join(text.split())
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    text = _PUNCT.sub(r"\\\1", text)
    # a leading "-", "+", "=" or "1." would start a list or a heading underline
    return _LINE_START.sub(
        lambda m: m.group(1) + (f"{m.group(3)}\\{m.group(4)}" if m.group(3) else "\\" + m.group(2)),
        text,
    )


def _cite(dossier: Dossier, span: Span) -> str:
    name = _source(dossier, span.article)
    return (
        f"{md_escape(name)}: “{md_escape(span.text)}” "
        f"(article `{_code(span.article)}`, chars {span.start}–{span.end})"
    )


def _code(text: str) -> str:
    """An id inside a code span: backticks removed so it cannot close the span."""
    return text.replace("`", "'")


def _happened(dossier: Dossier) -> Iterable[str]:
    yield "## What happened\n"
    if not dossier.events:
        yield "No events were found.\n"
    for event in dossier.events:
        when = event.date or "date not stated"
        if event.date and event.date_inferred:
            when += " (inferred from the text)"
        where = f" — {md_escape(event.place)}" if event.place else ""
        yield f"### {md_escape(when)}{where}\n"
        if event.summary is not None:
            yield f"{_cite(dossier, event.summary)}\n"
        for _, figure in event_figures(dossier, event):
            yield f"- {md_escape(key_figure_line(figure))}"
        for toll in event.tolls:
            cited = "; ".join(_cite(dossier, span) for span in toll.mentions)
            yield f"- {md_escape(toll_line(toll))} (as most sources count it: {cited})"
        plural = "" if event.sources == 1 else "s"
        names = sorted({_source(dossier, a) for a in event.articles})
        yield (
            f"\n{event.sources} independent source{plural}: "
            + ", ".join(md_escape(n) for n in names)
            + "\n"
        )


def _source(dossier: Dossier, article_id: str) -> str:
    """How a source is named, or "unknown source" for an id the dossier does not hold."""
    try:
        return source_name(dossier.article(article_id))
    except KeyError:
        return "unknown source"


def _figures(dossier: Dossier) -> Iterable[str]:
    yield "## Figures\n"
    if not dossier.figures:
        yield "No figures were reported.\n"
    for fig in dossier.figures:
        label = figure_label(fig.measure, fig.counted)
        scope = f" ({scope_label(fig)})" if scope_label(fig) else ""
        flag = " — **conflict: sources disagree**" if fig.conflict else ""
        if fig.updated:
            flag += " — **updated: later reports give a higher number**"
        yield f"### {md_escape(label)}{scope}{flag}\n"
        yield (
            f"low **{format_number(fig.low)}** · best **{format_number(fig.best)}** · "
            f"high **{format_number(fig.high)}**"
            + (f" (as of {md_escape(fig.as_of)})" if fig.as_of else "")
            + "\n"
        )
        for point in fig.series:
            yield (
                f"- as of {md_escape(point.as_of or 'undated')}: "
                f"{format_range(point.low, point.high)} ({len(point.articles)} article"
                f"{'' if len(point.articles) == 1 else 's'})"
            )
        if fig.series:
            yield ""
        yield "| Source | Value | Evidence |\n|---|---|---|"
        for m in fig.mentions:
            name = _source(dossier, m.span.article)
            yield (
                f"| {md_escape(name)} | {format_mention(m)} | "
                f"“{md_escape(m.span.text)}” (`{_code(m.span.article)}` "
                f"{m.span.start}–{m.span.end}) |"
            )
        yield ""


def _timeline(dossier: Dossier) -> Iterable[str]:
    yield "## Timeline\n"
    if not dossier.timeline:
        yield "No dated events were found.\n"
    for entry in dossier.timeline:
        inferred = ", inferred" if entry.inferred else ""
        yield (
            f"- **{md_escape(entry.date)}** ({entry.precision}{inferred}) "
            f"{md_escape(entry.summary)}"
        )
        for span in entry.mentions:
            yield f"  - {_cite(dossier, span)}"
    yield ""


def _quotes(dossier: Dossier) -> Iterable[str]:
    yield "## Quotes\n"
    if not dossier.quotes:
        yield "No quotes were found.\n"
    shown = [q for q in dossier.quotes if not q.folded]
    folded = [q for q in dossier.quotes if q.folded]
    for quote in shown:
        yield from _statement(dossier, quote)
    if folded:
        plural = "" if len(folded) == 1 else "s"
        yield f"<details><summary>{len(folded)} more single-source statement{plural}</summary>\n"
        for quote in folded:
            yield from _statement(dossier, quote)
        yield "</details>\n"


def _statement(dossier: Dossier, quote: Quote) -> Iterable[str]:
    kind = f" ({quote.speaker_type.value})" if quote.speaker_type else ""
    plural = "" if quote.sources == 1 else "s"
    yield (
        f"**{md_escape(quote.speaker or UNATTRIBUTED)}**{kind} — "
        f"{quote.sources} independent source{plural}\n"
    )
    yield f"> {md_escape(quote.text)}\n"
    for m in quote.mentions:
        yield f"- {md_escape(carried_label(m, quote.speaker))} — {_cite(dossier, m.span)}"
    yield ""


def _claims(dossier: Dossier) -> Iterable[str]:
    yield "## Claims\n"
    groups = (("Carried by two or more independent sources", True), ("Single-source claims", False))
    for heading, corroborated in groups:
        yield f"### {heading}\n"
        chosen = [c for c in dossier.claims if (c.sources >= 2) == corroborated]
        if not chosen:
            yield "None.\n"
        for claim in chosen:
            plural = "" if claim.sources == 1 else "s"
            yield f"- {md_escape(claim.text)} (**{claim.sources} independent source{plural}**)"
            for span in claim.mentions:
                yield f"  - {_cite(dossier, span)}"
        yield ""
    yield "### Contradictions\n"
    by_id = {c.id: c for c in dossier.claims}
    pairs = [(by_id[a], by_id[b]) for a, b in contradiction_pairs(dossier)]
    if not pairs:
        yield "None found.\n"
    for claim, other in pairs:
        yield f"- “{md_escape(claim.text)}” contradicts “{md_escape(other.text)}”"
    yield ""


def _sources(dossier: Dossier) -> Iterable[str]:
    yield "## Sources\n"
    for article in dossier.articles:
        yield f"### {md_escape(source_name(article))}: {md_escape(article.title)}\n"
        meta = [
            article.published.isoformat() if article.published else "date not stated",
            f"id `{_code(article.id)}`",
            md_escape(article.source),
        ]
        if article.derived_from:
            meta.append(
                f"{md_escape(article.derivation or 'derived')} of `{_code(article.derived_from)}`"
            )
        yield " · ".join(meta) + "\n"
        for start, end in article.kept_blocks():
            yield md_escape(article.original[start:end]) + "\n"
        if article.removed:
            count = len(article.removed)
            yield f"Removed noise ({count} segment{'' if count == 1 else 's'}):\n"
            for seg in article.removed:
                yield (
                    f"- {md_escape(seg.reason)}: {md_escape(article.original[seg.start : seg.end])}"
                )
            yield ""
    if dossier.skipped:
        yield "### Inputs not read\n"
        for item in dossier.skipped:
            yield f"- {md_escape(item.source)}: {md_escape(item.reason)}"
        yield ""


def to_markdown(dossier: Dossier) -> str:
    """The whole dossier as Markdown text."""
    summary = summarize(dossier)
    head = [
        f"# {md_escape(summary.title)}\n",
        f"{summary.articles} articles read · {summary.independent} independent sources · "
        f"{md_escape(summary.date_span)}\n",
    ]
    body = [
        *_happened(dossier),
        *_figures(dossier),
        *_timeline(dossier),
        *_quotes(dossier),
        *_claims(dossier),
        *_sources(dossier),
    ]
    return "\n".join(head + body).rstrip() + "\n"


def write_markdown(dossier: Dossier, path: str | Path) -> Path:
    """Write ``dossier.md`` atomically; returns the path written."""
    return write_text_atomic(Path(path), to_markdown(dossier))
