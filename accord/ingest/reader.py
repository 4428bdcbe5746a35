"""Inputs in, articles out: pick the reader by suffix or scheme, walk directories, never stop
a batch.

``read_file`` is strict (one file, raises an :class:`~accord.errors.InputError` subclass);
``read_paths`` is forgiving (many paths and URLs, every failure becomes a one-line ``skipped``
entry and the rest of the batch goes on); ``read_inputs`` also takes what a notebook holds
(records, :class:`~accord.model.Article` objects, a pandas or Arrow table).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import ArticleFailure, InputError, Stage, UnreadableInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES, decode, read_bytes
from accord.ingest.feeds import FEED_SUFFIXES, looks_like_feed, parse_feed, read_feed
from accord.ingest.html import article_from_html, read_html
from accord.ingest.jsonl import Parsed, read_json, read_jsonl, reason_of
from accord.ingest.records import is_record, is_table, read_records, read_table
from accord.ingest.text import make_article, read_text
from accord.ingest.warc import read_warc, warc_suffix
from accord.ingest.web import Fetcher, article_from_fetched, is_url, media_type
from accord.model import Article, Skipped

Reader = Callable[[Path, str, int], Parsed]
# A file named outright with another suffix is read as text if it decodes as text.
FALLBACK_SUFFIX = ".txt"
# What sniffing a file of unknown type looks for at its start (lower-cased).
HTML_MARKERS = ("<!doctype html", "<html")


def _one(read: Callable[[Path, str, int], list[Article]]) -> Reader:
    def reader(path: Path, source: str, max_bytes: int) -> Parsed:
        return read(path, source, max_bytes), []

    return reader


def _sniffed(path: Path, source: str, max_bytes: int) -> Parsed:
    """An unknown suffix: HTML if it starts like HTML, else plain text."""
    text = decode(read_bytes(path, source, max_bytes), source)
    if text.lstrip()[:20].lower().startswith(HTML_MARKERS):
        return [article_from_html(text, source)], []
    return [make_article(source, text)], []


READERS: dict[str, Reader] = {
    ".txt": _one(read_text),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
# Feeds need a Fetcher (for entries that only link to the article), so read_source routes them.
SUFFIXES = frozenset(READERS) | FEED_SUFFIXES
# Named outright, an .xml file is a feed when it opens like one (a sitemap or data file is not,
# so a directory walk passes .xml over).
XML_SUFFIX = ".xml"
# application/rss+xml, application/atom+xml: a server that says it sends a feed is believed.
FEED_MEDIA_SUFFIXES = ("/rss+xml", "/atom+xml")
NO_FILES = "directory holds no .txt, .html, .htm, .jsonl, .json, .rss, .atom or .warc(.gz) files"


def suffix_of(path: Path) -> str:
    """The suffix that picks the reader: ``.warc.gz`` counts as one, otherwise the last."""
    return warc_suffix(path) or path.suffix.lower()


class _Fetching:
    """The Fetcher a batch uses: the caller's, or one opened on first need and closed after."""

    def __init__(self, given: Fetcher | None) -> None:
        self.given = given
        self.opened: Fetcher | None = None

    def get(self) -> Fetcher:
        if self.given is not None:
            return self.given
        if self.opened is None:
            self.opened = Fetcher()
        return self.opened

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()


@dataclass
class ReadResult:
    """Everything a batch produced: articles, and a :class:`Skipped` per input left out."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def read_source(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, fetcher: Fetcher | None = None
) -> Parsed:
    """One file's articles and the records inside it that were skipped (JSONL lines, feed
    entries, WARC records). A feed's linked pages are fetched with ``fetcher`` (a default
    one when None)."""
    path = Path(path)
    source = str(path)
    if not path.exists() and not path.is_symlink():
        raise UnreadableInputError(source, "does not exist", "check the path")
    if path.is_dir():
        raise UnreadableInputError(
            source, "is a directory", "pass it to read_paths to read the files inside"
        )
    if path.exists() and not path.is_file():
        raise UnreadableInputError(
            source, "is not a regular file (a device, pipe or socket)", "pass a saved file"
        )
    suffix = suffix_of(path)
    if suffix in FEED_SUFFIXES or (
        suffix == XML_SUFFIX and looks_like_feed(read_bytes(path, source, max_bytes))
    ):
        fetching = _Fetching(fetcher)
        try:
            return read_feed(path, source, max_bytes, fetching.get())
        finally:
            fetching.close()
    reader = READERS.get(suffix, _sniffed)
    return reader(path, source, max_bytes)


def read_url(url: str, fetcher: Fetcher) -> Parsed:
    """The article on a page, or a feed's articles when the URL serves a feed."""
    url = url.strip()
    fetched = fetcher.fetch(url)
    kind = media_type(fetched)
    if looks_like_feed(fetched.body) or kind.endswith(FEED_MEDIA_SUFFIXES):
        return parse_feed(fetched.body, url, fetcher)
    return [article_from_fetched(fetched, url)], []


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """The articles in one file (one, or one per JSONL line); raises ``InputError`` subclasses.

    Bad JSONL lines are dropped here; use :func:`read_paths` to hear about them.
    """
    return read_source(path, max_bytes)[0]


def list_files(directory: Path) -> tuple[list[Path], list[Skipped]]:
    """Readable-looking files under ``directory``, recursively and sorted, and the folders
    that could not be listed (with why).

    Hidden files and folders (``.git``, ``.DS_Store``) and other suffixes are passed over;
    symlinked folders are not followed, so a link loop cannot trap the walk.
    """
    found: list[Path] = []
    problems: list[Skipped] = []

    def note(exc: OSError) -> None:
        problems.append(
            Skipped.unread(str(exc.filename), f"folder cannot be listed: {exc.strerror}")
        )

    for root, dirs, files in os.walk(directory, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and suffix_of(Path(name)) in SUFFIXES:
                found.append(Path(root) / name)
    return sorted(found), problems


def read_paths(
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    strict: bool = False,
) -> ReadResult:
    """Read files, directories and http(s) URLs; one that fails is skipped with its reason,
    never fatal. URLs are fetched with ``fetcher`` (a default, polite one when None).

    A reader that breaks on a file in a way accord did not plan for is an internal error
    (:class:`~accord.errors.ArticleFailure`), reported the same way unless ``strict``.
    """
    result = ReadResult()
    fetching = _Fetching(fetcher)
    try:
        for given in paths:
            _read_one(given, max_bytes, fetching, result, strict)
    finally:
        fetching.close()
    return result


def _read_one(
    given: str | Path, max_bytes: int, fetching: _Fetching, result: ReadResult, strict: bool
) -> None:
    if isinstance(given, str) and is_url(given):
        try:
            articles, skipped = read_url(given, fetching.get())
        except InputError as exc:
            result.skipped.append(Skipped.unread(exc.source, reason_of(exc)))
            return
        result.articles.extend(articles)
        result.skipped.extend(skipped)
        return
    path = Path(given)
    files = [path]
    if path.is_dir():
        files, problems = list_files(path)
        result.skipped.extend(problems)
        if not files and not problems:
            result.skipped.append(Skipped.unread(str(path), NO_FILES))
    for file in files:
        try:
            suffix = suffix_of(file)
            feedish = suffix in FEED_SUFFIXES or suffix == XML_SUFFIX
            articles, skipped = read_source(file, max_bytes, fetching.get() if feedish else None)
        except InputError as exc:
            result.skipped.append(Skipped.unread(exc.source, reason_of(exc)))
            continue
        except Exception as exc:
            if strict:
                raise
            failure = ArticleFailure.of(exc, str(file), "", Stage.READ)
            result.skipped.append(failure.skipped())
            continue
        result.articles.extend(articles)
        result.skipped.extend(skipped)


def read_inputs(
    inputs: Any,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    strict: bool = False,
) -> ReadResult:
    """Read whatever :func:`accord.analyze` is given: a path or URL, a pandas / Arrow table,
    or a list mixing paths, URLs, tables, records (dicts like a JSONL line) and Article objects.

    Articles keep the order of the inputs; records are named ``records[i]`` in reports.
    """
    if is_table(inputs) or isinstance(inputs, (str, Path)) or is_record(inputs):
        inputs = [inputs]
    result = ReadResult()
    fetching = _Fetching(fetcher)
    records = 0
    try:
        for item in inputs:
            if is_table(item):
                articles, skipped = read_table(item)
            elif is_record(item):
                articles, skipped = read_records([item], start=records)
                records += 1
            else:
                _read_one(item, max_bytes, fetching, result, strict)
                continue
            result.articles.extend(articles)
            result.skipped.extend(skipped)
    finally:
        fetching.close()
    return result
