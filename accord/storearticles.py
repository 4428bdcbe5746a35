"""The store's article tables: articles, removed segments, mentions, entities, embeddings,
paragraph vectors, story memberships and the quarantine, written one batch per transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np

from accord.errors import ArticleFailure, Stage
from accord.model import (
    Article,
    DateMention,
    Extraction,
    FigureMention,
    PredicateMention,
    QuoteMention,
    Removed,
    Span,
)
from accord.storebase import Connected
from accord.storeschema import (
    ArticleRecord,
    Membership,
    StoryRow,
    article_rows,
    mention_rows,
    paragraph_vector_rows,
    quarantine_rows,
    removed_rows,
    story_rows,
    vector_column,
)
from accord.vocab import Derivation, MentionKind, RemovalReason

MENTION_TYPES: dict[MentionKind, Any] = {
    MentionKind.FIGURE: FigureMention,
    MentionKind.QUOTE: QuoteMention,
    MentionKind.DATE: DateMention,
    MentionKind.PREDICATE: PredicateMention,
}


class ArticleTables(Connected):
    """Writing batches of articles and reading them (and their extractions) back."""

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        return self._ids_in("SELECT a.id FROM articles a JOIN _ids USING (id)", ids)

    def quarantined_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are in quarantine (a stage failed on them before)."""
        return self._ids_in(
            "SELECT q.article FROM quarantine q JOIN _ids ON q.article = _ids.id", ids
        )

    def quarantine(self) -> list[ArticleFailure]:
        """Every quarantined article's failure, by article id."""
        rows = self.con.execute(
            "SELECT source, article, stage, error, internal FROM quarantine ORDER BY article"
        ).fetchall()
        return [
            ArticleFailure(src, art, Stage(stage), err, bool(i)) for src, art, stage, err, i in rows
        ]

    def write_batch(
        self,
        records: Sequence[ArticleRecord],
        memberships: Sequence[Membership],
        stories: Sequence[StoryRow],
        failures: Sequence[ArticleFailure] = (),
    ) -> None:
        """Store one batch of new articles, their places in stories and the touched stories
        (each replaces its stored row), and put the batch's failed articles in quarantine.

        Everything happens in one transaction. Records whose article is already stored are a
        caller bug (the ingest driver filters them); the primary key refuses them. An article
        stored or failed again leaves quarantine first, so it is quarantined at most once.
        """
        with self.transaction():
            settled = [r.article.id for r in records] + [f.article for f in failures]
            if settled:
                self.con.execute(
                    "DELETE FROM quarantine WHERE list_contains(?, article)", [settled]
                )
            once = list({f.article: f for f in failures}.values())
            self._insert("quarantine", quarantine_rows(once))
            first = int(self._value("SELECT COALESCE(MAX(seq) + 1, 0) FROM articles"))
            self._insert("articles", article_rows(records, first))
            self._insert("removed", removed_rows(records))
            self._insert("mentions", mention_rows(records))
            self._insert(
                "entities",
                {
                    "article": [r.article.id for r in records for _ in r.entities],
                    "entity": [e for r in records for e in r.entities],
                },
            )
            self._insert(
                "embeddings",
                {
                    "article": [r.article.id for r in records],
                    "vector": vector_column([r.vector for r in records]),
                },
            )
            self._insert("paragraph_vectors", paragraph_vector_rows(records))
            self._insert(
                "story_members",
                {
                    "story": [m.story for m in memberships],
                    "article": [m.article for m in memberships],
                    "seq": [first + i for i in range(len(memberships))],
                    "score": [m.score for m in memberships],
                    "new_story": [m.new_story for m in memberships],
                },
            )
            if stories:
                ids = [s.id for s in stories]
                self.con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
                self._insert("stories", story_rows(stories))

    def article_count(self) -> int:
        """How many articles are stored (they are only ever added: a count says what changed)."""
        return int(self._value("SELECT COUNT(*) FROM articles"))

    def story_articles(self, story_id: str, limit: int | None = None) -> list[Article]:
        """The story's articles in ingest order (the last ``limit`` ones when given)."""
        rows = self._rows(
            "SELECT a.* FROM articles a JOIN story_members m ON m.article = a.id "
            "WHERE m.story = ? ORDER BY m.seq DESC" + ("" if limit is None else f" LIMIT {limit}"),
            [story_id],
        )
        rows.reverse()
        return self._articles(rows)

    def paragraph_vectors(
        self, articles: Sequence[Article], precision: str | None = None
    ) -> list[dict[str, np.ndarray]]:
        """The paragraph vectors stored with each of these stored articles, by text: those
        the ``precision`` weights computed when it is given (vectors of other weights are
        not comparable with the caller's), else all."""
        found: dict[str, dict[str, np.ndarray]] = {a.id: {} for a in articles}
        originals = {a.id: a.original for a in articles}
        for art, start, end, vector in self.con.execute(
            'SELECT article, start, "end", vector FROM paragraph_vectors '
            "WHERE list_contains(?, article) AND (? IS NULL OR precision = ?)",
            [list(found), precision, precision],
        ).fetchall():
            found[art][originals[art][start:end]] = np.asarray(vector, dtype=np.float32)
        return [found[a.id] for a in articles]

    def articles(self, article_ids: Sequence[str]) -> list[Article]:
        """Stored articles by id, in the given order (unknown ids are left out)."""
        rows = self._rows("SELECT * FROM articles WHERE list_contains(?, id)", [list(article_ids)])
        by_id = {r["id"]: r for r in rows}
        return self._articles([by_id[a] for a in article_ids if a in by_id])

    def _articles(self, rows: list[dict[str, Any]]) -> list[Article]:
        ids = [r["id"] for r in rows]
        removed: dict[str, list[Removed]] = {i: [] for i in ids}
        for art, start, end, reason in self.con.execute(
            'SELECT article, start, "end", reason FROM removed '
            'WHERE list_contains(?, article) ORDER BY article, start, "end"',
            [ids],
        ).fetchall():
            removed[art].append(Removed(start, end, RemovalReason(reason)))
        return [
            Article(
                id=r["id"],
                source=r["source"],
                title=r["title"],
                original=r["original"],
                outlet=r["outlet"],
                url=r["url"],
                published=date.fromisoformat(r["published"]) if r["published"] else None,
                published_evidence=(
                    Span.from_dict(json.loads(r["published_evidence"]))
                    if r["published_evidence"]
                    else None
                ),
                removed=tuple(removed[r["id"]]),
                derived_from=r["derived_from"],
                derivation=Derivation(r["derivation"]) if r["derivation"] else None,
            )
            for r in rows
        ]

    def extractions(self, article_ids: Sequence[str]) -> list[Extraction]:
        """The stored extractions of these articles, in the given order (no re-parsing)."""
        found: dict[str, dict[MentionKind, list[Any]]] = {
            a: {k: [] for k in MentionKind} for a in article_ids
        }
        for art, kind, start, end, text, payload in self.con.execute(
            'SELECT article, kind, start, "end", text, payload FROM mentions '
            "WHERE list_contains(?, article) ORDER BY article, kind, ordinal",
            [list(article_ids)],
        ).fetchall():
            kind = MentionKind(kind)
            if kind is MentionKind.SENTENCE:
                found[art][kind].append(Span(art, start, end, text))
            else:
                found[art][kind].append(MENTION_TYPES[kind].from_dict(json.loads(payload)))
        return [
            Extraction(
                a,
                tuple(f[MentionKind.SENTENCE]),
                tuple(f[MentionKind.FIGURE]),
                tuple(f[MentionKind.QUOTE]),
                tuple(f[MentionKind.DATE]),
                predicates=tuple(f[MentionKind.PREDICATE]),
            )
            for a, f in found.items()
        ]
