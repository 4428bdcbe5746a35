"""The ingest stage: news reports in, :class:`~accord.model.Article` objects out.

One reader per format (``text``, ``html``, ``jsonl``, ``feeds``, ``warc``), all sharing
``decode`` (size limit, encoding, binary rejection) and ``metadata`` (publication date, title,
outlet); ``web`` fetches http(s) URLs politely and caches them, ``records`` reads what a
notebook holds (dicts, Article objects, pandas / Arrow tables). Every article's
``original`` is final here: later stages only point into it.

>>> from accord.ingest import read_paths
>>> result = read_paths(["reports/"])      # doctest: +SKIP
>>> result.articles, result.skipped          # doctest: +SKIP
"""

from __future__ import annotations

from accord.ingest.decode import DEFAULT_MAX_BYTES
from accord.ingest.html import article_from_html
from accord.ingest.reader import (
    SUFFIXES,
    ReadResult,
    read_file,
    read_inputs,
    read_paths,
    read_source,
)
from accord.ingest.text import article_from_text
from accord.ingest.web import FetchCache, Fetcher, FetchPolicy

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "FetchCache",
    "FetchPolicy",
    "Fetcher",
    "ReadResult",
    "article_from_html",
    "article_from_text",
    "read_file",
    "read_inputs",
    "read_paths",
    "read_source",
]
