"""The corpus store's tables (DuckDB DDL) and how records become their rows.

Offsets are character offsets into ``articles.original``; JSON payloads are the model
objects' ``to_dict()`` so a row turns back into the same object with ``from_dict()``.
No table has a primary key except ``articles``: DuckDB checks keys eagerly, which refuses a
delete-then-insert of the same key inside one transaction (how stories are updated).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pyarrow as pa

from accord.errors import ArticleFailure
from accord.model import Article, Extraction, Span
from accord.vocab import MentionKind

# tables of stores written before results were versioned (caches, recomputed on demand)
FORMER_RESULT_TABLES = ("result_versions", "figures", "quotes", "claims", "events", "timeline")
# The weights every paragraph vector stored before vectors were tagged came from: reprint
# detection reads back only vectors of the weights it embeds with, and embeds the rest again.
UNTAGGED_PRECISION = "fp32"

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, source VARCHAR, title VARCHAR,
        original VARCHAR NOT NULL, outlet VARCHAR, url VARCHAR, published VARCHAR,
        published_evidence VARCHAR, derived_from VARCHAR, derivation VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS removed (
        article VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        reason VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        article VARCHAR NOT NULL, kind VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
        payload VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS entities (article VARCHAR NOT NULL, entity VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS embeddings (article VARCHAR NOT NULL, vector FLOAT[] NOT NULL)",
    # paragraph vectors reprint detection compared, kept so a story's stored members are not
    # embedded again for each batch; original[start:end] is the paragraph embedded, precision
    # the weights that embedded it (accord.nlp.PARAGRAPH_PRECISION)
    f"""CREATE TABLE IF NOT EXISTS paragraph_vectors (
        article VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        vector FLOAT[] NOT NULL, precision VARCHAR DEFAULT '{UNTAGGED_PRECISION}')""",
    # stores (and exports) written before paragraph vectors were tagged
    "ALTER TABLE paragraph_vectors ADD COLUMN IF NOT EXISTS precision VARCHAR "
    f"DEFAULT '{UNTAGGED_PRECISION}'",
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR NOT NULL, title VARCHAR, size INTEGER NOT NULL, first_day INTEGER,
        last_day INTEGER, vector_sum FLOAT[] NOT NULL, entity_counts VARCHAR NOT NULL,
        term_weights VARCHAR NOT NULL DEFAULT '{}', date_counts VARCHAR NOT NULL DEFAULT '{}',
        last_seen BIGINT NOT NULL DEFAULT 0)""",
    # stores written before stories kept lead words, named days and their stream position
    "ALTER TABLE stories ADD COLUMN IF NOT EXISTS term_weights VARCHAR DEFAULT '{}'",
    "ALTER TABLE stories ADD COLUMN IF NOT EXISTS date_counts VARCHAR DEFAULT '{}'",
    "ALTER TABLE stories ADD COLUMN IF NOT EXISTS last_seen BIGINT DEFAULT 0",
    """CREATE TABLE IF NOT EXISTS story_members (
        story VARCHAR NOT NULL, article VARCHAR NOT NULL, seq BIGINT NOT NULL,
        score DOUBLE NOT NULL, new_story BOOLEAN NOT NULL)""",
    # one row per computed version of a story's cross-source results (StoryResults JSON):
    # ``number`` counts a story's versions from 1, ``articles`` are its members then
    """CREATE TABLE IF NOT EXISTS story_results (
        story VARCHAR NOT NULL, number INTEGER NOT NULL, version VARCHAR NOT NULL,
        computed TIMESTAMP NOT NULL, articles VARCHAR[] NOT NULL, results VARCHAR NOT NULL)""",
    *(f"DROP TABLE IF EXISTS {table}" for table in FORMER_RESULT_TABLES),
    # articles a per-article stage failed on, by content hash, so a re-run passes them by
    """CREATE TABLE IF NOT EXISTS quarantine (
        article VARCHAR NOT NULL, source VARCHAR NOT NULL, stage VARCHAR NOT NULL,
        error VARCHAR NOT NULL, internal BOOLEAN NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS members_by_story ON story_members (story)",
    "CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions (article)",
)

TABLES: tuple[str, ...] = (
    "articles",
    "removed",
    "mentions",
    "entities",
    "embeddings",
    "paragraph_vectors",
    "stories",
    "story_members",
    "story_results",
    "quarantine",
)
# tables an export made before they existed may lack; an import reads them as empty
OPTIONAL_TABLES = frozenset({"quarantine", "story_results", "paragraph_vectors"})
# columns that say when, not what: left out when two stores are compared
VOLATILE_COLUMNS: dict[str, str] = {"story_results": "computed"}

# a total order for each table, so that two stores compare equal row by row
SORT_KEYS: dict[str, str] = {
    "articles": "id",
    "removed": 'article, start, "end", reason',
    "mentions": "article, kind, ordinal",
    "entities": "article, entity",
    "embeddings": "article",
    "paragraph_vectors": 'article, start, "end"',
    "stories": "id",
    "story_members": "story, seq",
    "story_results": "story, number",
    "quarantine": "article",
}


@dataclass(frozen=True)
class ArticleRecord:
    """Everything the per-article stages produce for one article: what the store keeps."""

    article: Article  # cleaned (``removed`` filled); ``derived_from`` set by dedupe
    extraction: Extraction
    entities: tuple[str, ...]  # normalised named entities, sorted ("gpe:kyiv")
    vector: np.ndarray  # unit embedding, float32
    # unit vectors of paragraphs of ``article.original``, by exact text (reprint detection)
    paragraph_vectors: Mapping[str, np.ndarray] = field(default_factory=dict)
    # the weights that computed them (accord.nlp.PARAGRAPH_PRECISION); None: not known, so
    # reprint detection never reads them back
    paragraph_precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "extraction": self.extraction.to_dict(),
            "entities": list(self.entities),
            "vector": self.vector.tolist(),
            "paragraph_vectors": {t: v.tolist() for t, v in self.paragraph_vectors.items()},
            "paragraph_precision": self.paragraph_precision,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        return cls(
            Article.from_dict(data["article"]),
            Extraction.from_dict(data["extraction"]),
            tuple(data["entities"]),
            np.asarray(data["vector"], dtype=np.float32),
            {
                text: np.asarray(v, dtype=np.float32)
                for text, v in data.get("paragraph_vectors", {}).items()
            },
            data.get("paragraph_precision"),
        )


@dataclass(frozen=True)
class StoryRow:
    """A story as stored: its title and what clustering keeps of it between runs (the fields
    of :class:`accord.story_state.StoryState`, which :mod:`accord.corpus` converts)."""

    id: str
    title: str
    size: int
    first_day: int | None
    last_day: int | None
    vector_sum: np.ndarray  # float32, the sum of the members' unit vectors
    entity_counts: dict[str, int]
    term_weights: dict[str, float]
    date_counts: dict[int, int]
    last_seen: int  # stream position of the latest member


@dataclass(frozen=True)
class Membership:
    """An article's place in a story, and the score that put it there."""

    article: str
    story: str
    score: float
    new_story: bool


@dataclass(frozen=True)
class Headline:
    """What naming a story reads of a stored member (see :func:`accord.story.story_title`)."""

    article: str
    title: str
    published: str | None


@dataclass(frozen=True)
class ResultVersion:
    """One computed version of a story's results: its number, member hash, time, members."""

    story: str
    number: int
    version: str
    computed: datetime
    articles: tuple[str, ...]


def vector_column(vectors: Sequence[np.ndarray]) -> pa.ListArray:
    """Float32 vectors as one Arrow list column, built from their floats in one piece (a
    Python list per vector costs 0.15 ms each)."""
    rows = [np.asarray(v, dtype=np.float32).ravel() for v in vectors]
    ends = np.cumsum([0, *(len(v) for v in rows)], dtype=np.int32)
    flat = np.concatenate(rows) if rows else np.zeros(0, dtype=np.float32)
    return pa.ListArray.from_arrays(pa.array(ends), pa.array(flat))


def story_rows(stories: Sequence[StoryRow]) -> dict[str, Any]:
    return {
        "id": [s.id for s in stories],
        "title": [s.title for s in stories],
        "size": [s.size for s in stories],
        "first_day": [s.first_day for s in stories],
        "last_day": [s.last_day for s in stories],
        "vector_sum": vector_column([s.vector_sum for s in stories]),
        "entity_counts": [json.dumps(s.entity_counts, sort_keys=True) for s in stories],
        "term_weights": [json.dumps(s.term_weights, sort_keys=True) for s in stories],
        "date_counts": [json.dumps(s.date_counts, sort_keys=True) for s in stories],
        "last_seen": [s.last_seen for s in stories],
    }


def story_of(row: Sequence[Any]) -> StoryRow:
    """A ``stories`` row (columns in :data:`STORY_COLUMNS` order) as a :class:`StoryRow`."""
    sid, title, size, first, last, vector, entities, terms, dates, seen = row
    return StoryRow(
        sid,
        title or "",
        size,
        first,
        last,
        np.asarray(vector, dtype=np.float32),
        json.loads(entities),
        json.loads(terms),
        {int(day): n for day, n in json.loads(dates).items()},
        seen,
    )


STORY_COLUMNS = (
    "id, title, size, first_day, last_day, vector_sum, entity_counts, term_weights, "
    "date_counts, last_seen"
)


def quarantine_rows(failures: Sequence[ArticleFailure]) -> dict[str, list[Any]]:
    return {
        "article": [f.article for f in failures],
        "source": [f.source for f in failures],
        "stage": [str(f.stage) for f in failures],
        "error": [f.reason for f in failures],
        "internal": [f.internal for f in failures],
    }


def article_rows(records: Sequence[ArticleRecord], first_seq: int) -> dict[str, list[Any]]:
    arts = [r.article for r in records]
    return {
        "id": [a.id for a in arts],
        "seq": [first_seq + i for i in range(len(arts))],
        "source": [a.source for a in arts],
        "title": [a.title for a in arts],
        "original": [a.original for a in arts],
        "outlet": [a.outlet for a in arts],
        "url": [a.url for a in arts],
        "published": [a.published.isoformat() if a.published else None for a in arts],
        "published_evidence": [
            json.dumps(a.published_evidence.to_dict()) if a.published_evidence else None
            for a in arts
        ],
        "derived_from": [a.derived_from for a in arts],
        "derivation": [str(a.derivation) if a.derivation else None for a in arts],
    }


def removed_rows(records: Sequence[ArticleRecord]) -> dict[str, list[Any]]:
    segs = [(r.article.id, s) for r in records for s in r.article.removed]
    return {
        "article": [a for a, _ in segs],
        "start": [s.start for _, s in segs],
        "end": [s.end for _, s in segs],
        "reason": [str(s.reason) for _, s in segs],
    }


def paragraph_vector_rows(records: Sequence[ArticleRecord]) -> dict[str, Any]:
    """One row per paragraph vector, the paragraph by its first place in ``original``."""
    rows = [
        (r.article.id, start, start + len(text), vector, r.paragraph_precision)
        for r in records
        for text, vector in r.paragraph_vectors.items()
        if (start := r.article.original.find(text)) >= 0
    ]
    return {
        "article": [row[0] for row in rows],
        "start": [row[1] for row in rows],
        "end": [row[2] for row in rows],
        "vector": vector_column([row[3] for row in rows]),
        "precision": pa.array([row[4] for row in rows], pa.string()),
    }


def mention_rows(records: Sequence[ArticleRecord]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {
        k: [] for k in ("article", "kind", "ordinal", "start", "end", "text", "payload")
    }
    for record in records:
        ex = record.extraction
        groups: list[tuple[MentionKind, Sequence[Any]]] = [
            (MentionKind.SENTENCE, ex.sentences),
            (MentionKind.FIGURE, ex.figures),
            (MentionKind.QUOTE, ex.quotes),
            (MentionKind.DATE, ex.dates),
            (MentionKind.PREDICATE, ex.predicates),
        ]
        for kind, items in groups:
            for i, item in enumerate(items):
                span = item if isinstance(item, Span) else item.span
                cols["article"].append(record.article.id)
                cols["kind"].append(str(kind))
                cols["ordinal"].append(i)
                cols["start"].append(span.start)
                cols["end"].append(span.end)
                cols["text"].append(span.text)
                cols["payload"].append(
                    None
                    if kind is MentionKind.SENTENCE
                    else json.dumps(item.to_dict(), sort_keys=True)
                )
    return cols
