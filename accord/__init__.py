"""accord: many news reports of the same events in, one sourced and reconciled dossier out.

>>> import accord
>>> dossier = accord.analyze(["reports/"])          # doctest: +SKIP
>>> accord.save(dossier, "out/")                     # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, InputError, NoArticlesError
from accord.model import (
    Article,
    Claim,
    DateMention,
    Dossier,
    Event,
    Extraction,
    Figure,
    FigureMention,
    Quote,
    QuoteMention,
    Span,
    TimelineEntry,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "AccordError",
    "Article",
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
    "Span",
    "TimelineEntry",
    "analyze",
    "load",
    "save",
]
__version__ = "0.1.0"


def analyze(paths: Any, progress: Any = None, strict: bool = False) -> Dossier:
    """Read files or directories and return one sourced dossier (see :mod:`accord.pipeline`).

    An article that a stage fails on is skipped and listed in ``Dossier.skipped``; with
    ``strict`` the failure raises instead (for developing accord).
    """
    from accord.pipeline import analyze as _analyze

    if progress is None:
        return _analyze(paths, strict=strict)
    return _analyze(paths, progress, strict)


def save(dossier: Dossier, outdir: str | Path) -> list[Path]:
    """Write ``dossier.json``, ``dossier.md`` and ``dossier.html`` atomically into ``outdir``."""
    from accord.render import write_all

    return write_all(dossier, outdir)


def load(path: str | Path) -> Dossier:
    """Read a ``dossier.json`` back (validated against the published schema)."""
    from accord.render.json import read_dossier

    return read_dossier(path)
