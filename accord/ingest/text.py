"""Plain-text articles, and the one place every reader turns text into an :class:`Article`.

A ``.txt`` file's decoded text (line endings normalised) is the article's ``original``,
byte-for-byte otherwise; its first non-empty line is the title, a dateline near the top
gives the publication date, and a byline ("By X, Outlet") or a masthead over the dateline
gives the outlet; otherwise there is none (a bare file need not say who wrote it).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from accord.ingest.decode import (
    DEFAULT_MAX_BYTES,
    check_text,
    decode,
    normalise_newlines,
    read_bytes,
)
from accord.ingest.metadata import find_outlet, find_published, title_from_text
from accord.model import Article, Span


def make_article(
    source: str,
    original: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> Article:
    """An article whose publication date is the stated one, with evidence where the text has it.

    ``published`` comes from metadata when the format has it; the text's
    dateline is then only looked up as evidence. Without it, the dateline is the date.
    """
    check_text(original, source)
    found = find_published(original, want=published)
    value = published or (found.value if found else None)
    article = Article.create(
        source=source,
        original=original,
        title=(title or "").strip() or title_from_text(original),
        outlet=outlet or find_outlet(original),
        url=url or None,
        published=value,
    )
    if found is None:
        return article
    return replace(article, published_evidence=Span.of(article, found.start, found.end))


def article_from_text(text: str, source: str) -> Article:
    """An article from already-decoded text (line endings are normalised first)."""
    return make_article(source, normalise_newlines(text))


def read_text(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one ``.txt`` file as one article."""
    return [make_article(source, decode(read_bytes(path, source, max_bytes), source))]
