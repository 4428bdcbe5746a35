"""The per-article half of accord, written once: clean → parse → extract → entities → embed.

:func:`process` is what ``accord analyze``, ``accord ingest`` on one machine and the Ray
workers all run, so an article comes out the same whichever front end read it. What a later
stage needs travels on the result (:class:`ProcessedArticle`), as spaCy keeps a ``Doc``'s
vectors on the ``Doc``: the paragraph vectors cleaning computed are what reprint detection
compares (:mod:`accord.dedupe`), the document vector is what story clustering reads.

Every article is isolated (:mod:`accord.isolation`): one that breaks a stage becomes a
failure of that stage and the others come out as if it were not there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from accord.cluster import lead_text
from accord.errors import ArticleFailure, Stage
from accord.isolation import Failures, clean_isolated, parse_isolated, per_article
from accord.model import Article, Extraction
from accord.storeschema import ArticleRecord

if TYPE_CHECKING:
    from accord.nlp import Block, Models

# spaCy labels kept as clustering signals: who, where and what, not numbers or dates
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})


def entities_of(blocks: Iterable[Block]) -> tuple[str, ...]:
    """Normalised named entities of a parsed article (``"gpe:kyiv"``), sorted, unique."""
    found = {
        f"{ent.label_.lower()}:{' '.join(ent.text.lower().split())}"
        for block in blocks
        for ent in block.doc.ents
        if ent.label_ in ENTITY_LABELS
    }
    return tuple(sorted(found))


@dataclass(frozen=True)
class ProcessedArticle:
    """One article through the per-article stages.

    ``article`` is cleaned (``removed`` filled; ``derived_from`` is set later, by reprint
    detection over a story); ``vector`` is the unit embedding of its title and lead (None
    when the caller asked for no clustering signal); ``paragraph_vectors`` holds the unit
    vectors cleaning computed, keyed by the exact paragraph text embedded.
    """

    article: Article
    extraction: Extraction
    entities: tuple[str, ...]
    vector: np.ndarray | None
    paragraph_vectors: Mapping[str, np.ndarray] = field(default_factory=dict)

    def record(self) -> ArticleRecord:
        """What the corpus store keeps of it; the paragraph vectors go with it (reprint
        detection adds those it computed before the record is stored)."""
        if self.vector is None:
            raise ValueError(
                f"article {self.article.id} has no document vector; "
                "process it with document_vectors=True to store it"
            )
        return ArticleRecord(
            self.article, self.extraction, self.entities, self.vector, self.paragraph_vectors
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (vectors as float lists: float32 → float64 → float32 is exact)."""
        return {
            "article": self.article.to_dict(),
            "extraction": self.extraction.to_dict(),
            "entities": list(self.entities),
            "vector": None if self.vector is None else self.vector.tolist(),
            "paragraph_vectors": {t: v.tolist() for t, v in self.paragraph_vectors.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProcessedArticle:
        vector = data.get("vector")
        return cls(
            Article.from_dict(data["article"]),
            Extraction.from_dict(data["extraction"]),
            tuple(data["entities"]),
            None if vector is None else np.asarray(vector, dtype=np.float32),
            {
                text: np.asarray(v, dtype=np.float32)
                for text, v in data.get("paragraph_vectors", {}).items()
            },
        )


@dataclass(frozen=True)
class Processed:
    """One batch through :func:`process`: the articles done, and those that failed."""

    articles: list[ProcessedArticle]
    failures: list[ArticleFailure] = field(default_factory=list)


def process(
    articles: Sequence[Article],
    models: Models,
    strict: bool = False,
    document_vectors: bool = True,
) -> Processed:
    """clean → parse → extract → entities → embed, for each article, in input order.

    Cleaning embeds the paragraphs of the whole batch in one call and parsing pipes them
    together; ``document_vectors`` False skips the title-and-lead embedding, which only
    story clustering reads. ``strict`` makes a stage failure raise instead of being listed.
    """
    from accord.extract import extract_blocks

    failures = Failures(strict)
    done = clean_isolated(articles, failures, models.for_paragraphs)
    kept = [c.article for c in done]
    paragraphs = {c.article.id: c.vectors for c in done}  # equal ids: equal texts, equal vectors
    vectors: dict[str, np.ndarray | None] = dict.fromkeys(paragraphs)
    if document_vectors:

        def documents(batch: Sequence[Article]) -> list[np.ndarray]:
            return list(models.embed_leads([lead_text(a) for a in batch]))

        embedded = per_article(Stage.EMBED, kept, documents, failures)
        vectors = {a.id: v for a, v in embedded}
        kept = [a for a in kept if a.id in vectors]

    def extracted(article: Article, blocks: list[Block]) -> tuple[Extraction, tuple[str, ...]]:
        return extract_blocks(article, blocks), entities_of(blocks)

    found = [
        ProcessedArticle(article, extraction, entities, vectors[article.id], paragraphs[article.id])
        for article, (extraction, entities) in parse_isolated(kept, failures, extracted, models.nlp)
    ]
    return Processed(found, list(failures))
