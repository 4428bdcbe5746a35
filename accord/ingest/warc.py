"""Web archives: ``.warc`` and ``.warc.gz`` files (warcio), as crawlers and CC-NEWS write them.

Each ``response`` record holding an HTML page with status 200 becomes one article, read by the
same HTML reader as a saved page, with the record's target URI as its URL. Its publication
date is the page's own; when the page states none, the record's capture date stands in (a
page captured on a day was published by then, and news crawls capture within hours).

Everything else in an archive is not an article: ``revisit`` records (a page unchanged since
an earlier capture), responses that are not HTML (images, scripts) or not 200, and the
request, metadata and warcinfo records. They are passed over and counted in one line per
file, so a crawl of thousands of records does not drown the report. A page whose HTML holds
no article is skipped on its own line, like a bad file.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from accord.errors import InputError, MalformedInputError, UnreadableInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES
from accord.ingest.html import decode_html
from accord.ingest.jsonl import Parsed, reason_of
from accord.ingest.metadata import normalise_date
from accord.ingest.text import make_article
from accord.model import Article, Skipped

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTTP_OK = 200
FIX_WARC = "pass a WARC 1.0/1.1 file (.warc or .warc.gz) as crawlers write them"


def warc_suffix(path: Path) -> str | None:
    """``.warc`` or ``.warc.gz`` when the file name ends so (case-insensitive), else None."""
    name = path.name.lower()
    return next((s for s in WARC_SUFFIXES if name.endswith(s)), None)


def _kind(record: Any) -> str | None:
    """Why a record is not an article (the counter's key), or None when it is a page."""
    if record.rec_type == "revisit":
        return "revisit"
    if record.rec_type != "response":
        return "not a response"
    headers = record.http_headers
    if headers is None:
        return "not HTTP"
    if headers.get_statuscode() != str(HTTP_OK):
        return "not status 200"
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "not HTML"
    return None


def article_from_record(record: Any, source: str, max_bytes: int) -> Article:
    """The article in one HTML response record, dated by the page or else by the capture."""
    from accord.ingest.html import article_from_html

    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        raise MalformedInputError(source, f"the page is larger than {max_bytes:,} bytes")
    uri = record.rec_headers.get_header("WARC-Target-URI")
    article = article_from_html(decode_html(body, source), source, url=uri)
    captured = normalise_date(record.rec_headers.get_header("WARC-Date"))
    if article.published or not captured:
        return article
    return make_article(
        source,
        article.original,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=captured,
    )


def summary(counts: Counter[str]) -> str:
    """One line saying how many records of each kind were passed over."""
    parts = [f"{n} {kind}" for kind, n in sorted(counts.items())]
    return f"passed over {sum(counts.values())} record(s) that are not articles: " + ", ".join(
        parts
    )


def read_warc(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Articles from a WARC file; other records are counted in one ``skipped`` line.

    ``max_bytes`` bounds each page, not the archive: a CC-NEWS file is a gigabyte of pages
    read as a stream.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    articles: list[Article] = []
    skipped: list[Skipped] = []
    passed: Counter[str] = Counter()
    try:
        with path.open("rb") as stream:
            for index, record in enumerate(ArchiveIterator(stream)):
                kind = _kind(record)
                if kind is not None:
                    passed[kind] += 1
                    continue
                where = f"{source}[{index}]"
                try:
                    articles.append(article_from_record(record, where, max_bytes))
                except InputError as exc:
                    skipped.append(Skipped.unread(where, reason_of(exc)))
    except ArchiveLoadFailed as exc:
        raise MalformedInputError(source, f"not a WARC file ({exc})", FIX_WARC) from exc
    except (EOFError, zlib.error) as exc:  # a truncated or corrupt .gz member
        raise MalformedInputError(source, f"is truncated or corrupt ({exc})", FIX_WARC) from exc
    except OSError as exc:
        raise UnreadableInputError(source, f"cannot be read: {exc.strerror or exc}") from exc
    if not articles and not skipped:
        why = f"holds no HTML page ({summary(passed)})" if passed else "holds no records"
        raise MalformedInputError(source, why, FIX_WARC)
    if passed:
        skipped.append(Skipped.unread(source, summary(passed)))
    return articles, skipped
