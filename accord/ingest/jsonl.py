"""JSON Lines (one article per line) and JSON (a list of the same records).

A record is an object with ``text`` and optional ``title``, ``url``, ``published`` and
``outlet``. A bad optional field costs that field only (a warning names the record and the
field); a bad line costs that line only: it is reported as ``file:line`` with the reason,
and the other lines become articles, so one corrupt record never loses a whole feed.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from accord.errors import InputError, MalformedInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES, decode, normalise_newlines, read_bytes
from accord.ingest.metadata import is_web_address, normalise_date, outlet_from_url
from accord.ingest.text import make_article
from accord.model import Article, Skipped

OPTIONAL_FIELDS = ("title", "url", "published", "outlet")
FIX_RECORD = 'each line must be a JSON object like {"text": "...", "title": "..."}'
FIX_DATE = "write published as YYYY-MM-DD (or an ISO datetime), or leave it out"
FIX_URL = "write url as an absolute http(s) address, or leave it out"
# Parsed pieces of one file: the articles, and each record skipped with its reason.
Parsed = tuple[list[Article], list[Skipped]]
logger = logging.getLogger("accord")


def article_from_record(record: Any, source: str) -> Article:
    """One article from one decoded JSON record; raises MalformedInputError naming the field.

    Only the text is required: an optional field that is not what it should be (a
    ``published`` that is no date, an ``outlet`` that is not a string, a ``url`` that is
    not a web address) is dropped with a warning on the ``accord`` logger naming the record
    and the field, and the article is kept.
    """
    if not isinstance(record, dict):
        raise MalformedInputError(
            source, f"expected a JSON object, got {type(record).__name__}", FIX_RECORD
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedInputError(source, 'no "text" string in the record', FIX_RECORD)
    fields = {name: _optional(record, name, source) for name in OPTIONAL_FIELDS}
    published = normalise_date(fields["published"])
    if fields["published"] and published is None:
        _drop(source, "published", f"not a date: {fields['published'][:40]!r}", FIX_DATE)
    url = fields["url"]
    if url is not None and not is_web_address(url):
        _drop(source, "url", f"not a web address: {url[:60]!r}", FIX_URL)
        url = None
    return make_article(
        source,
        normalise_newlines(text),
        title=fields["title"],
        outlet=fields["outlet"] or outlet_from_url(url),
        url=url,
        published=published,
    )


def _optional(record: dict[str, Any], name: str, source: str) -> str | None:
    """An optional field's stripped string value; anything else is dropped with a warning."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        _drop(source, name, f"must be a string, got {type(value).__name__}", FIX_RECORD)
        return None
    return value.strip() or None


def _drop(source: str, name: str, reason: str, fix: str) -> None:
    logger.warning("%s: dropped the %r field: %s (%s)", source, name, reason, fix)


def _loads(line: str, source: str) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        if isinstance(exc, json.JSONDecodeError):
            reason = f"{exc.msg} (column {exc.colno})"
        else:
            reason = type(exc).__name__
        raise MalformedInputError(source, f"not valid JSON: {reason}", FIX_RECORD) from exc


def parse_jsonl(text: str, source: str) -> Parsed:
    """Articles and skipped lines from decoded JSON Lines text (blank lines are ignored)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            articles.append(article_from_record(_loads(line, where), where))
        except InputError as exc:
            skipped.append(Skipped.unread(where, reason_of(exc)))
    return _checked(articles, skipped, source)


def parse_json(text: str, source: str) -> Parsed:
    """Articles and skipped items from a JSON document: one record or a list of them."""
    document = _loads(text, source)
    items = document if isinstance(document, list) else [document]
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for index, item in enumerate(items):
        where = f"{source}[{index}]" if isinstance(document, list) else source
        try:
            articles.append(article_from_record(item, where))
        except InputError as exc:
            skipped.append(Skipped.unread(where, reason_of(exc)))
    return _checked(articles, skipped, source)


def reason_of(exc: InputError) -> str:
    """The one-line reason a skipped input is listed with: what is wrong and the fix."""
    reason = f"{exc.reason} ({exc.fix})" if exc.fix else exc.reason
    return " ".join(reason.split())


def _checked(articles: list[Article], skipped: list[Skipped], source: str) -> Parsed:
    if articles:
        return articles, skipped
    if not skipped:
        raise MalformedInputError(source, "holds no records", FIX_RECORD)
    first = skipped[0]
    raise MalformedInputError(
        source,
        f"none of its {len(skipped)} record(s) could be read; first, {first.source}: "
        f"{first.reason}",
    )


def read_jsonl(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Read a ``.jsonl`` file: its articles, and each skipped line with its reason."""
    return parse_jsonl(decode(read_bytes(path, source, max_bytes), source), source)


def read_json(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Read a ``.json`` file holding one record or a list of records."""
    return parse_json(decode(read_bytes(path, source, max_bytes), source), source)
