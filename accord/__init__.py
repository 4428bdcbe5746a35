"""accord: many news reports of the same events in, one sourced and reconciled dossier out.

>>> import accord
>>> dossier = accord.analyze(["reports/"])          # doctest: +SKIP
>>> accord.save(dossier, "out/")                     # doctest: +SKIP
>>> accord.analyze([{"text": "...", "outlet": "Harbor Ledger"}])  # doctest: +SKIP
>>> dossier.figures_frame()                          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.errors import AccordError, InputError, NoArticlesError
from accord.model import (
    Article,
    ArticleIncident,
    Claim,
    DateMention,
    Dossier,
    Event,
    Extraction,
    Figure,
    FigureMention,
    Quote,
    QuoteMention,
    Skipped,
    Span,
    TimelineEntry,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from accord.ingest.web import Fetcher
    from accord.nlp import Models
    from accord.pipeline import Input, Table
    from accord.story import Progress

__all__ = [
    "AccordError",
    "Article",
    "ArticleIncident",
    "Claim",
    "DateMention",
    "Dossier",
    "Event",
    "Extraction",
    "Figure",
    "FigureMention",
    "InputError",
    "NoArticlesError",
    "Quote",
    "QuoteMention",
    "Skipped",
    "Span",
    "TimelineEntry",
    "analyze",
    "article_incident",
    "load",
    "save",
]
__version__ = "0.1.0"


def analyze(
    inputs: Input | Sequence[Input] | Table,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
    strict: bool = False,
    *,
    models: Models | None = None,
) -> Dossier:
    """Read inputs and return one sourced dossier (see :func:`accord.pipeline.analyze`).

    ``inputs``: files, directories, http(s) URLs, feeds, WARC files, records (dicts with
    ``text`` and optional ``title``, ``url``, ``published``, ``outlet``), Article objects,
    or a pandas / pyarrow table with those columns. An article that a stage fails on is
    skipped and listed in ``Dossier.skipped``; with ``strict`` the failure raises instead
    (for developing accord). ``models`` (:class:`accord.nlp.Models`, loaded here when not
    given) are what a caller passes to analyse many times with one load.
    """
    from accord.pipeline import analyze as _analyze

    if progress is None:
        return _analyze(inputs, fetcher=fetcher, strict=strict, models=models)
    return _analyze(inputs, progress, fetcher=fetcher, strict=strict, models=models)


def article_incident(article: Article, extraction: Extraction) -> ArticleIncident:
    """The incident one article reports, with its tolls (see :mod:`accord.incidents`)."""
    from accord.incidents import article_incident as _article_incident

    return _article_incident(article, extraction)


def save(dossier: Dossier, outdir: str | Path) -> list[Path]:
    """Write ``dossier.json``, ``dossier.md`` and ``dossier.html`` atomically into ``outdir``."""
    from accord.render import write_all

    return write_all(dossier, outdir)


def load(path: str | Path) -> Dossier:
    """Read a ``dossier.json`` back (validated against the published schema)."""
    from accord.render.json import read_dossier

    return read_dossier(path)
