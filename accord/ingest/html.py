"""HTML pages: trafilatura finds the article body; that text becomes ``original``.

Menus, footers, comments and "most read" boxes are not the report, so they are never part of
the text we cite. Title, site name and date come from the page's metadata (trafilatura, which
uses htmldate for dates); when the page states no date there, the body's dateline is used.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from accord.errors import MalformedInputError
from accord.ingest.decode import (
    DEFAULT_MAX_BYTES,
    check_text,
    decode,
    normalise_newlines,
    read_bytes,
)
from accord.ingest.metadata import normalise_date, outlet_from_url
from accord.ingest.text import make_article
from accord.model import Article

# The HTML spec says a charset declaration must sit in the first 1024 bytes.
CHARSET_SCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# A report has at least one real paragraph; menus and link lists ("Home / World / Sport")
# that trafilatura keeps from a page with no article do not.
MIN_PARAGRAPH_WORDS = 8
# Thai, Japanese and Chinese are written without spaces; a word there averages about two
# characters, so this many such characters make the same eight-word paragraph.
MIN_UNSPACED_CHARS = 16
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
FIX_NO_TEXT = "this looks like a navigation or index page; pass the article's own page"
# libxml2 stops building a tree 256 elements deep, so a page wrapped in thousands of nested
# containers (generated markup, or a hostile page) loses its text. A run of this many
# container tags with nothing between them carries no text; it is collapsed to one tag.
MAX_EMPTY_NESTING = 64
_CONTAINER = r"(?:div|span|section|article|main|font|center|table|tbody|tr|td)"
_DEEP_OPEN = re.compile(rf"(?:<{_CONTAINER}\b[^<>]*>\s*){{{MAX_EMPTY_NESTING},}}", re.I)
_DEEP_CLOSE = re.compile(rf"(?:</{_CONTAINER}\s*>\s*){{{MAX_EMPTY_NESTING},}}", re.I)


def extract(html: str, source: str) -> dict[str, Any]:
    """trafilatura's body text and metadata for one page (the only place we call it)."""
    import trafilatura
    from trafilatura.settings import set_date_params

    html = _DEEP_CLOSE.sub("</div>", _DEEP_OPEN.sub("<div>", html))
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Extensive search turns a "© 2023" footer into 2023-01-01, a day no page stated;
            # markup, meta tags and the URL are enough, and the body dateline is our fallback.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # a third-party parser: any failure means "not usable HTML"
        raise MalformedInputError(
            source, f"HTML could not be parsed ({type(exc).__name__})", FIX_NO_TEXT
        ) from exc
    if document is None:
        raise MalformedInputError(source, "no article text found in the HTML", FIX_NO_TEXT)
    data: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    return data


def article_from_html(
    html: str, source: str, url: str | None = None, published: date | None = None
) -> Article:
    """One article from a page's HTML: extracted body, metadata title, outlet and date.

    ``published`` is a date the container states (a feed entry's date); it wins over the
    page's own metadata, since the feed is what the reader followed.
    """
    meta = extract(html, source)
    body = normalise_newlines(str(meta.get("text") or ""))
    if not has_paragraph(body):
        raise MalformedInputError(source, "no article text found in the HTML", FIX_NO_TEXT)
    page_url = _str(meta.get("url")) or url
    outlet = _str(meta.get("sitename")) or _str(meta.get("hostname")) or outlet_from_url(page_url)
    return make_article(
        source,
        body,
        title=_str(meta.get("title")),
        outlet=outlet,
        url=page_url,
        published=published or normalise_date(meta.get("date")),
    )


def has_paragraph(text: str) -> bool:
    """True when some line reads like prose (enough words), not like a menu."""
    return any(
        len(line.split()) >= MIN_PARAGRAPH_WORDS
        or len(_UNSPACED.findall(line)) >= MIN_UNSPACED_CHARS
        for line in text.split("\n")
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def decode_html(data: bytes, source: str) -> str:
    """Decode page bytes, trusting a declared ``<meta charset>`` when UTF-8 does not fit."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _META_CHARSET.search(data[:CHARSET_SCAN_BYTES])
        if declared:
            try:
                text = normalise_newlines(data.decode(declared.group(1).decode("ascii")))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown label: fall back to detection
            else:
                check_text(text, source)
                return text
    return decode(data, source)


def read_html(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one ``.html`` / ``.htm`` file as one article."""
    html = decode_html(read_bytes(path, source, max_bytes), source)
    return [article_from_html(html, source)]
