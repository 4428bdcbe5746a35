"""The typed data model every stage shares.

Like spaCy's ``Doc``/``Span``, one object owns the text and everything else points into it:
an :class:`Article` owns its ``original`` text, and every mention is a :class:`Span` of
``(article id, start, end)`` with ``original[start:end] == text``. Objects that cross stages are
frozen dataclasses with content-hash ids and ``to_dict`` / ``from_dict`` so they survive JSON,
DuckDB and Ray without a custom pickler.
"""

from __future__ import annotations

from accord.model.article import (
    SCHEMA_ID,
    Article,
    Precision,
    Removed,
    Span,
    content_id,
)
from accord.model.dossier import Dossier
from accord.model.mentions import (
    ArticleIncident,
    Change,
    DateMention,
    Extraction,
    FigureMention,
    IncidentFrame,
    PredicateMention,
    QuoteForm,
    QuoteMention,
    Scope,
    SpeakerType,
    Toll,
    VictimMention,
)
from accord.model.results import (
    Claim,
    Event,
    Figure,
    Quote,
    SeriesPoint,
    Skipped,
    StoryResults,
    TimelineEntry,
)

__all__ = [
    "SCHEMA_ID",
    "Article",
    "ArticleIncident",
    "Change",
    "Claim",
    "DateMention",
    "Dossier",
    "Event",
    "Extraction",
    "Figure",
    "FigureMention",
    "IncidentFrame",
    "Precision",
    "PredicateMention",
    "Quote",
    "QuoteForm",
    "QuoteMention",
    "Removed",
    "Scope",
    "SeriesPoint",
    "Skipped",
    "Span",
    "SpeakerType",
    "StoryResults",
    "TimelineEntry",
    "Toll",
    "VictimMention",
    "content_id",
]
