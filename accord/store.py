"""The corpus store: every ingested article, what extraction found in it, and its story.

One embedded DuckDB file (``news.duckdb``) holds the tables below; :meth:`Store.export_parquet`
and :meth:`Store.import_parquet` move them as Parquet files (DuckDB ``COPY``).

=================  ============================================================================
table              one row per
=================  ============================================================================
articles           article (``id`` = content hash of the original text; ``seq`` = ingest order)
removed            segment that cleaning dropped (offsets into ``original`` + reason)
mentions           sentence / figure / quote / date mention (article, start, end, text, JSON)
entities           named entity of an article (clustering signal)
embeddings         article embedding (unit vector; clustering signal)
stories            story: title, size, day span, running vector sum and entity counts
story_members      article in a story, with the score that put it there
quarantine         article a per-article stage failed on (content hash, stage, error): a
                   re-run passes it by unless asked to retry (``retry_quarantined``)
figures, quotes,   cross-source results of a story, cached by :meth:`Store.story_dossier`
claims, events,    for the story's current ``version`` (a hash of its members)
timeline
=================  ============================================================================

Writes go through :meth:`Store.write_batch`, one transaction per batch: a run killed at any
point leaves the store exactly as it was after the last committed batch. Article ids are
content hashes, so re-ingesting the same text adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from accord.cluster import Assignment, StoryIndex, StoryState
from accord.errors import ArticleFailure, Stage, StoreError
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
    Removed,
    Span,
    TimelineEntry,
    content_id,
)
from accord.storeschema import (
    OPTIONAL_TABLES,
    RESULT_TABLES,
    SCHEMA,
    SORT_KEYS,
    TABLES,
    ArticleRecord,
    article_rows,
    mention_rows,
    quarantine_rows,
    removed_rows,
)
from accord.vocab import Derivation, MentionKind, RemovalReason

__all__ = ["ArticleRecord", "Store", "StorySummary"]

MENTION_TYPES: dict[MentionKind, Any] = {
    MentionKind.FIGURE: FigureMention,
    MentionKind.QUOTE: QuoteMention,
    MentionKind.DATE: DateMention,
}
RESULT_TYPES: dict[str, Any] = {
    "figures": Figure,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
    "timeline": TimelineEntry,
}


@dataclass(frozen=True)
class StorySummary:
    """One line of the story list (what ``accord stories`` and the web index show)."""

    id: str
    title: str
    articles: int
    independent: int  # members that are not reprints / rewrites of another article
    first_published: str | None
    last_published: str | None
    outlets: tuple[str, ...]


class Store:
    """A DuckDB corpus store. Use as a context manager, or call :meth:`close`.

    >>> with Store("news.duckdb") as store:                 # doctest: +SKIP
    ...     for story in store.list_stories("dam"):
    ...         print(story.id, story.title)
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the store ({exc}); close other programs using it, "
                "or pass a different --db"
            ) from exc
        if not read_only:
            for statement in SCHEMA:
                self.con.execute(statement)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT; any exception rolls the whole block back."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: the write failed and was rolled back ({exc}); "
                "the store is as it was before it"
            ) from exc
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None (reads every row: DuckDB 2 refuses new
        work on a connection with a half-read result)."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    # --- writing ------------------------------------------------------------------------

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

    def _ids_in(self, sql: str, ids: Iterable[str]) -> set[str]:
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            rows = self.con.execute(sql).fetchall()
        finally:
            self.con.unregister("_ids")
        return {r[0] for r in rows}

    def write_batch(
        self,
        records: Sequence[ArticleRecord],
        assignments: Sequence[Assignment],
        stories: Iterable[StoryState],
        failures: Sequence[ArticleFailure] = (),
    ) -> None:
        """Store one batch of new articles, their story assignments and the touched stories,
        and put the batch's failed articles in quarantine.

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
                    "vector": pa.array(
                        [r.vector.tolist() for r in records], pa.list_(pa.float32())
                    ),
                },
            )
            self._insert(
                "story_members",
                {
                    "story": [a.story for a in assignments],
                    "article": [a.article for a in assignments],
                    "seq": [first + i for i in range(len(assignments))],
                    "score": [a.score for a in assignments],
                    "new_story": [a.new_story for a in assignments],
                },
            )
            self._write_stories(list(stories))

    def _write_stories(self, stories: list[StoryState]) -> None:
        if not stories:
            return
        ids = [s.id for s in stories]
        self.con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
        self._insert(
            "stories",
            {
                "id": ids,
                "title": ["" for _ in stories],
                "size": [s.size for s in stories],
                "first_day": [s.first_day for s in stories],
                "last_day": [s.last_day for s in stories],
                "vector_sum": pa.array(
                    [s.vector_sum.tolist() for s in stories], pa.list_(pa.float32())
                ),
                "entity_counts": [json.dumps(s.entity_counts, sort_keys=True) for s in stories],
                "term_weights": [json.dumps(s.term_weights, sort_keys=True) for s in stories],
                "date_counts": [json.dumps(s.date_counts, sort_keys=True) for s in stories],
                "last_seen": [s.last_seen for s in stories],
            },
        )
        # the story is named after its earliest-published member (as pipeline.dossier_title)
        self.con.execute(
            "UPDATE stories SET title = (SELECT a.title FROM story_members m "
            "JOIN articles a ON a.id = m.article WHERE m.story = stories.id "
            "ORDER BY a.published NULLS LAST, a.title, a.id LIMIT 1) "
            "WHERE list_contains(?, id)",
            [ids],
        )

    def _insert(self, table: str, columns: dict[str, Any]) -> None:
        data = pa.table(columns)
        if data.num_rows == 0:
            return
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
        except duckdb.Error:
            with suppress(duckdb.Error):  # an aborted transaction refuses even this
                self.con.unregister("_batch")
            raise
        self.con.unregister("_batch")

    # --- clustering state ---------------------------------------------------------------

    def load_index(self, index: StoryIndex) -> StoryIndex:
        """Restore the open stories into ``index`` (see :meth:`StoryIndex.restore`)."""
        clock = self._value("SELECT MAX(last_day) FROM stories")
        position = int(self._value("SELECT COALESCE(MAX(seq) + 1, 0) FROM articles"))
        index.clock, index.position = clock, position
        # the stories StoryIndex.is_open accepts at this position and clock
        horizon = index.open_horizon()
        where = f"last_seen >= {index.recent_floor()}" + (
            "" if horizon is None else f" OR last_day >= {int(horizon)}"
        )
        stories = [
            StoryState(
                sid,
                np.asarray(vec, dtype=np.float32),
                size,
                json.loads(ents),
                first,
                last,
                json.loads(terms),
                {int(day): n for day, n in json.loads(dates).items()},
                seen,
            )
            for sid, vec, size, ents, first, last, terms, dates, seen in self.con.execute(
                "SELECT id, vector_sum, size, entity_counts, first_day, last_day, term_weights, "
                f"date_counts, last_seen FROM stories WHERE {where} ORDER BY id"
            ).fetchall()
        ]
        open_ids = [s.id for s in stories]
        members = self.con.execute(
            "SELECT m.story, e.vector FROM story_members m JOIN embeddings e ON "
            "e.article = m.article WHERE list_contains(?, m.story) ORDER BY m.seq",
            [open_ids],
        ).fetchall()
        members_of = ((s, np.asarray(v, dtype=np.float32)) for s, v in members)
        index.restore(stories, members_of, clock, position)
        return index

    def story_articles(self, story_id: str, limit: int | None = None) -> list[Article]:
        """The story's articles in ingest order (the last ``limit`` ones when given)."""
        rows = self.con.execute(
            "SELECT a.* FROM articles a JOIN story_members m ON m.article = a.id "
            "WHERE m.story = ? ORDER BY m.seq DESC" + ("" if limit is None else f" LIMIT {limit}"),
            [story_id],
        ).fetchall()
        names = [d[0] for d in self.con.description or ()]
        rows.reverse()
        return self._articles([dict(zip(names, r, strict=True)) for r in rows])

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
            )
            for a, f in found.items()
        ]

    # --- reading (the web view's API) ---------------------------------------------------

    def list_stories(self, query: str | None = None, limit: int = 100) -> list[StorySummary]:
        """Stories, most recent first (then largest); ``query`` matches any member's title.

        The match is a case-insensitive substring; ``limit`` caps the rows returned.
        """
        where, params = "", []
        if query:
            where = (
                "WHERE s.id IN (SELECT m.story FROM story_members m JOIN articles a ON "
                "a.id = m.article WHERE a.title ILIKE ? OR s.title ILIKE ?)"
            )
            params = [f"%{query}%", f"%{query}%"]
        rows = self.con.execute(
            "SELECT s.id, s.title, COUNT(*), COUNT(*) FILTER (WHERE a.derived_from IS NULL), "
            "MIN(a.published), MAX(a.published), "
            "list_sort(list_distinct(list(a.outlet) FILTER (WHERE a.outlet IS NOT NULL))) "
            "FROM stories s JOIN story_members m ON m.story = s.id "
            f"JOIN articles a ON a.id = m.article {where} GROUP BY s.id, s.title, s.last_day "
            f"ORDER BY s.last_day DESC NULLS LAST, COUNT(*) DESC, s.id LIMIT {int(limit)}",
            params,
        ).fetchall()
        return [StorySummary(r[0], r[1], r[2], r[3], r[4], r[5], tuple(r[6] or ())) for r in rows]

    def story_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM stories ORDER BY id").fetchall()]

    def story_version(self, story_id: str) -> str:
        """A hash of the story's members and their reprint links (the cache key)."""
        rows = self.con.execute(
            "SELECT a.id, a.derived_from FROM story_members m JOIN articles a "
            "ON a.id = m.article WHERE m.story = ? ORDER BY a.id",
            [story_id],
        ).fetchall()
        if not rows:
            raise StoreError(
                f"no story {story_id!r} in {self.path}; "
                "run `accord stories --db …` to list the story ids"
            )
        return content_id(*(f"{a}>{d}" for a, d in rows), prefix="v")

    def story_dossier(self, story_id: str, cache: bool = True) -> Dossier:
        """The dossier of one story, built from the stored extractions (nothing is re-parsed).

        The cross-source stages (events, figures, quotes, claims, timeline) run over the
        story's stored articles and extractions. With ``cache`` their results are written to
        the result tables and reused until the story gains a member; a read-only store
        computes them every time. Raises :class:`StoreError` for an unknown story id.
        """
        version = self.story_version(story_id)
        articles = self.story_articles(story_id)
        cached = self._cached_results(story_id, version)
        if cached is None:
            from accord.pipeline import cross_source  # here, so reading stories loads no model

            cached = cross_source(articles, self.extractions([a.id for a in articles]))
            if cache and not self.read_only:
                self._cache_results(story_id, version, cached)
        title = self._value("SELECT title FROM stories WHERE id = ?", [story_id])
        return Dossier(
            articles=tuple(articles), title=title or "", **{k: tuple(v) for k, v in cached.items()}
        )

    def _cached_results(self, story_id: str, version: str) -> dict[str, list[Any]] | None:
        found: dict[str, list[Any]] = {}
        for table in RESULT_TABLES:
            rows = self.con.execute(
                f"SELECT version, payload FROM {table} WHERE story = ? ORDER BY position",
                [story_id],
            ).fetchall()
            if rows and rows[0][0] != version:
                return None
            found[table] = [RESULT_TYPES[table].from_dict(json.loads(p)) for _, p in rows]
        marker = self._value(
            "SELECT 1 FROM result_versions WHERE story = ? AND version = ?", [story_id, version]
        )
        return found if marker else None

    def _cache_results(self, story_id: str, version: str, results: dict[str, list[Any]]) -> None:
        with self.transaction():
            self.con.execute("DELETE FROM result_versions WHERE story = ?", [story_id])
            self.con.execute("INSERT INTO result_versions VALUES (?, ?)", [story_id, version])
            for table, items in results.items():
                self.con.execute(f"DELETE FROM {table} WHERE story = ?", [story_id])
                self._insert(
                    table,
                    {
                        "story": [story_id] * len(items),
                        "version": [version] * len(items),
                        "position": list(range(len(items))),
                        "id": [i.id for i in items],
                        "payload": [json.dumps(i.to_dict(), sort_keys=True) for i in items],
                    },
                )

    # --- inspection, export, import -----------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: int(self._value(f"SELECT COUNT(*) FROM {t}")) for t in TABLES}

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted: two stores are equal when their dumps are."""
        return {
            t: self.con.execute(f"SELECT * FROM {t} ORDER BY {SORT_KEYS[t]}").fetchall()
            for t in TABLES
        }

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Write one ``<table>.parquet`` per table into ``folder`` (created if needed)."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES:
            path = out / f"{table}.parquet"
            self.con.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {SORT_KEYS[table]}) "
                f"TO {_quote(path)} (FORMAT parquet)"
            )
            written.append(path)
        return written

    def import_parquet(self, folder: str | Path) -> dict[str, int]:
        """Load an export into this store, which must be empty (one transaction)."""
        src = Path(folder)
        found = [t for t in TABLES if (src / f"{t}.parquet").is_file()]
        missing = [t for t in TABLES if t not in found and t not in OPTIONAL_TABLES]
        if missing:
            raise StoreError(
                f"{src}: no {missing[0]}.parquet; pass a folder written by `accord export`"
            )
        if any(self.counts().values()):
            raise StoreError(f"{self.path} is not empty; import into a new --db file")
        with self.transaction():
            for table in found:
                self.con.execute(
                    f"INSERT INTO {table} BY NAME "
                    f"SELECT * FROM read_parquet({_quote(src / f'{table}.parquet')})"
                )
        return self.counts()


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
