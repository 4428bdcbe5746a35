"""The store's story tables: stories (what clustering keeps between runs), and the computed
versions of each story's cross-source results, kept so that a reader can see what changed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from accord.errors import StoreError
from accord.model import Dossier, StoryResults, content_id
from accord.storearticles import ArticleTables
from accord.storeschema import (
    STORY_COLUMNS,
    Headline,
    ResultVersion,
    StoryRow,
    story_of,
    story_rows,
)


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


class StoryTables(ArticleTables):
    """Stories, their members' order and titles, and their versioned results."""

    # --- clustering state ---------------------------------------------------------------

    def stream_position(self) -> tuple[int | None, int]:
        """The latest story day stored (the clustering clock) and the next article's seq."""
        clock = self._value("SELECT MAX(last_day) FROM stories")
        position = int(self._value("SELECT COALESCE(MAX(seq) + 1, 0) FROM articles"))
        return (None if clock is None else int(clock)), position

    def open_stories(self, recent_floor: int, horizon: int | None) -> list[StoryRow]:
        """Stories with a member at stream position ``recent_floor`` or later, or a last day
        on or after ``horizon``: the ones clustering keeps open (:meth:`StoryIndex.is_open`)."""
        where = f"last_seen >= {int(recent_floor)}" + (
            "" if horizon is None else f" OR last_day >= {int(horizon)}"
        )
        rows = self.con.execute(
            f"SELECT {STORY_COLUMNS} FROM stories WHERE {where} ORDER BY id"
        ).fetchall()
        return [story_of(r) for r in rows]

    def member_vectors(self, story_ids: Sequence[str]) -> list[tuple[str, np.ndarray]]:
        """``(story, embedding)`` of these stories' members, in ingest order."""
        rows = self.con.execute(
            "SELECT m.story, e.vector FROM story_members m JOIN embeddings e ON "
            "e.article = m.article WHERE list_contains(?, m.story) ORDER BY m.seq",
            [list(story_ids)],
        ).fetchall()
        return [(s, np.asarray(v, dtype=np.float32)) for s, v in rows]

    def member_signals(self, story_id: str) -> list[tuple[str, int, tuple[str, ...], np.ndarray]]:
        """``(article, seq, entities, embedding)`` of the story's members, in ingest order:
        what revising the story (:mod:`accord.storysplit`) rebuilds its parts from."""
        rows = self.con.execute(
            "SELECT m.article, m.seq, e.vector, list_sort(list(n.entity) FILTER "
            "(WHERE n.entity IS NOT NULL)) FROM story_members m JOIN embeddings e ON "
            "e.article = m.article LEFT JOIN entities n ON n.article = m.article "
            "WHERE m.story = ? GROUP BY m.article, m.seq, e.vector ORDER BY m.seq",
            [story_id],
        ).fetchall()
        return [(a, int(q), tuple(n or ()), np.asarray(v, dtype=np.float32)) for a, q, v, n in rows]

    def split_story(
        self, articles: Sequence[str], new_story: str, stories: Sequence[StoryRow]
    ) -> None:
        """Move these members to ``new_story`` and replace the rows of ``stories`` (the story
        split and the new one), in one transaction."""
        with self.transaction():
            self.con.execute(
                "UPDATE story_members SET story = ? WHERE list_contains(?, article)",
                [new_story, list(articles)],
            )
            ids = [s.id for s in stories]
            self.con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
            self._insert("stories", story_rows(stories))

    def merge_stories(self, story: str, gone: str, row: StoryRow) -> None:
        """Move the members of ``gone`` to ``story``, drop ``gone`` (its row and results) and
        replace the row of ``story``, in one transaction."""
        with self.transaction():
            self.con.execute("UPDATE story_members SET story = ? WHERE story = ?", [story, gone])
            self.con.execute("DELETE FROM story_results WHERE story = ?", [gone])
            self.con.execute("DELETE FROM stories WHERE list_contains(?, id)", [[story, gone]])
            self._insert("stories", story_rows([row]))

    def headlines(self, story_ids: Sequence[str]) -> dict[str, list[Headline]]:
        """Each story's members' titles and dates, in ingest order (for naming it)."""
        found: dict[str, list[Headline]] = {s: [] for s in story_ids}
        for story, article, title, published in self.con.execute(
            "SELECT m.story, a.id, a.title, a.published FROM story_members m JOIN articles a "
            "ON a.id = m.article WHERE list_contains(?, m.story) ORDER BY m.seq",
            [list(story_ids)],
        ).fetchall():
            found[story].append(Headline(article, title or "", published))
        return found

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

    def story_size(self, story_id: str) -> int | None:
        """How many members the story has (None for an unknown id). Members are added, and
        leave only when the story is split (:meth:`split_story`) or merged away
        (:meth:`merge_stories`)."""
        size = self._value("SELECT size FROM stories WHERE id = ?", [story_id])
        return None if size is None else int(size)

    def title_of(self, story_id: str) -> str:
        """The title the story was stored with (see :func:`accord.story.story_title`)."""
        return str(self._value("SELECT title FROM stories WHERE id = ?", [story_id]) or "")

    # --- results, one stored version per computation ------------------------------------

    def story_version(self, story_id: str) -> str:
        """A hash of the story's members and their reprint links: results are kept per version."""
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

    def stored_dossier(self, story_id: str, version: str | None = None) -> Dossier | None:
        """The story's dossier from the results stored for its current ``version`` (give it
        when known), or None when they are not computed yet (see :mod:`accord.corpus`).

        A stored story lists no skipped inputs: articles a stage failed on are in the
        quarantine, not in a story. Raises :class:`StoreError` for an unknown story id.
        """
        results = self.results(story_id, version or self.story_version(story_id))
        if results is None:
            return None
        return Dossier.of(self.story_articles(story_id), results, title=self.title_of(story_id))

    def version_dossier(self, story_id: str, number: int) -> Dossier:
        """The dossier as one stored version had it: its members then and its results (the
        story's current title: a title is not what changes are about)."""
        versions = {v.number: v for v in self.result_versions(story_id)}
        results = self.results_of(story_id, number)
        articles = self.articles(versions[number].articles)
        return Dossier.of(articles, results, title=self.title_of(story_id))

    def stale_stories(self) -> list[str]:
        """Stories whose latest computed results predate a member, or that have none."""
        rows = self.con.execute(
            "SELECT m.story FROM story_members m LEFT JOIN (SELECT story, "
            "arg_max(len(articles), number) AS counted FROM story_results GROUP BY story) r "
            "ON r.story = m.story GROUP BY m.story, r.counted "
            "HAVING r.counted IS NULL OR r.counted <> COUNT(*) ORDER BY m.story"
        ).fetchall()
        return [r[0] for r in rows]

    def result_versions(self, story_id: str) -> list[ResultVersion]:
        """Every computed version of the story's results, oldest first."""
        rows = self.con.execute(
            "SELECT number, version, computed, articles FROM story_results WHERE story = ? "
            "ORDER BY number",
            [story_id],
        ).fetchall()
        return [ResultVersion(story_id, n, v, t, tuple(a)) for n, v, t, a in rows]

    def results(self, story_id: str, version: str) -> StoryResults | None:
        """The results computed for this version of the story (latest if computed twice)."""
        payload = self._value(
            "SELECT results FROM story_results WHERE story = ? AND version = ? "
            "ORDER BY number DESC LIMIT 1",
            [story_id, version],
        )
        return None if payload is None else StoryResults.from_dict(json.loads(payload))

    def write_results(
        self,
        story_id: str,
        version: str,
        article_ids: Sequence[str],
        results: StoryResults,
        computed: datetime | None = None,
    ) -> ResultVersion:
        """Keep a new version of the story's results (earlier versions stay, for changes)."""
        when = computed or datetime.now(UTC).replace(tzinfo=None)
        with self.transaction():
            number = int(
                self._value(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM story_results WHERE story = ?",
                    [story_id],
                )
            )
            self.con.execute(
                "INSERT INTO story_results VALUES (?, ?, ?, ?, ?, ?)",
                [
                    story_id,
                    number,
                    version,
                    when,
                    list(article_ids),
                    json.dumps(results.to_dict(), sort_keys=True),
                ],
            )
        return ResultVersion(story_id, number, version, when, tuple(article_ids))

    def results_of(self, story_id: str, number: int) -> StoryResults:
        """The results of one stored version (by number, see :meth:`result_versions`)."""
        payload = self._value(
            "SELECT results FROM story_results WHERE story = ? AND number = ?",
            [story_id, number],
        )
        if payload is None:
            known = [v.number for v in self.result_versions(story_id)]
            have = f"it has versions 1 to {known[-1]}" if known else "none is computed yet"
            raise StoreError(
                f"story {story_id!r} has no version {number} in {self.path} ({have}); "
                "pass one of those, or a date"
            )
        return StoryResults.from_dict(json.loads(payload))
