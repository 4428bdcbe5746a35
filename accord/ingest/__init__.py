"""The ingest stage: files of news reports in, :class:`~accord.model.Article` objects out.

One reader per format (``text``, ``html``, ``jsonl``), all sharing ``decode`` (size limit,
encoding, binary rejection) and ``metadata`` (publication date, title, outlet). Every article's
``original`` is final here: later stages only point into it.

>>> from accord.ingest import read_paths
>>> result = read_paths(["reports/"])      # doctest: +SKIP
>>> result.articles, result.skipped          # doctest: +SKIP
"""

from __future__ import annotations

from accord.ingest.decode import DEFAULT_MAX_BYTES
from accord.ingest.html import article_from_html
from accord.ingest.reader import SUFFIXES, ReadResult, read_file, read_paths, read_source
from accord.ingest.text import article_from_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "ReadResult",
    "article_from_html",
    "article_from_text",
    "read_file",
    "read_paths",
    "read_source",
]
