"""RSS and Atom feeds (feedparser): each entry becomes one article.

A feed that carries the full text (``content:encoded``, Atom ``<content>``) is read as it is;
a feed of headlines and summaries points at the article, so the entry's link is fetched and
read like any page. Either way the publication date is the entry's (``published``, else
``updated``): the feed is what a newsroom follows, and it dates every item. An entry that
cannot be read is skipped as ``feed[i]`` with its reason; the others go on.
"""

from __future__ import annotations

import html as htmllib
import re
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from accord.errors import InputError, MalformedInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES, read_bytes
from accord.ingest.html import article_from_html, has_paragraph
from accord.ingest.jsonl import Parsed, reason_of
from accord.ingest.metadata import normalise_date
from accord.ingest.web import Fetcher, article_from_fetched
from accord.model import Article, Skipped

# Feeds named outright; a bare ``.xml`` is read as a feed only when it looks like one.
FEED_SUFFIXES = frozenset({".rss", ".atom"})
# A feed's root element sits near the top, after the XML declaration and perhaps a comment.
FEED_SNIFF_BYTES = 1024
# The document's first element is <rss>, <feed> or <rdf:RDF>, after an optional BOM, XML
# declaration, stylesheet instructions, comments and doctype; a page that merely mentions a
# feed is not one.
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*"
    rb"<(?:rss|feed|rdf:rdf)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
FIX_FEED = "pass an RSS 2.0 or Atom 1.0 document"
FIX_ENTRY = "the entry needs full text (content:encoded / <content>) or a link to the article"


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes open with an RSS, Atom or RDF root element."""
    return _FEED_START.match(data[:FEED_SNIFF_BYTES]) is not None


def entry_date(entry: Mapping[str, Any]) -> date | None:
    """The entry's publication date (else its update date)."""
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        stated = normalise_date(entry.get(key))
        if stated:
            return stated
    return None


def full_text(entry: Mapping[str, Any]) -> str | None:
    """The entry's full-text HTML when the feed carries it (not a summary), else None."""
    for content in entry.get("content") or ():
        value = content.get("value")
        if isinstance(value, str) and has_paragraph(_visible(value)):
            return value
    return None


def _visible(markup: str) -> str:
    """Rough visible text of an HTML fragment, only to judge whether it holds a paragraph
    (the article's text itself is extracted by trafilatura)."""
    return htmllib.unescape(_TAG.sub(" ", markup))


def _page(title: str | None, body: str) -> str:
    """A feed's HTML fragment as a page the HTML reader can extract, titled by the entry."""
    heading = htmllib.escape(title or "")
    return (
        f"<html><head><title>{heading}</title></head><body><article>{body}</article></body></html>"
    )


def article_from_entry(entry: Mapping[str, Any], source: str, fetcher: Fetcher | None) -> Article:
    """One entry's article: its own full text, or the page its link points to."""
    published = entry_date(entry)
    link = entry.get("link") or None
    title = entry.get("title") or None
    content = full_text(entry)
    if content is not None:
        try:
            return article_from_html(_page(title, content), source, url=link, published=published)
        except InputError:
            if not link or fetcher is None:
                raise  # no page to fall back on: report why the feed's text was refused
    if not link:
        raise MalformedInputError(source, "entry has only a summary and no link", FIX_ENTRY)
    if fetcher is None:
        raise MalformedInputError(
            source, "entry has only a summary; its link needs fetching", "pass a Fetcher"
        )
    return article_from_fetched(fetcher.fetch(link), source, published=published)


def parse_feed(data: bytes, source: str, fetcher: Fetcher | None) -> Parsed:
    """Articles and skipped entries from a feed document's bytes."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        why = "not a feed" if parsed.get("bozo") else "feed holds no entries"
        raise MalformedInputError(source, why, FIX_FEED)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for index, entry in enumerate(entries):
        where = f"{source}[{index}]"
        try:
            articles.append(article_from_entry(entry, where, fetcher))
        except InputError as exc:
            # a failed link fetch names the link, so the report says which page failed
            reason = reason_of(exc) if exc.source == where else f"{exc.source}: {reason_of(exc)}"
            skipped.append(Skipped.unread(where, reason))
    return articles, skipped


def read_feed(
    path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES, fetcher: Fetcher | None = None
) -> Parsed:
    """Read an ``.rss`` / ``.atom`` (or feed-shaped ``.xml``) file."""
    return parse_feed(read_bytes(path, source, max_bytes), source, fetcher)
