"""The corpus service: the stages run over stored stories, and what they find is persisted.

The store (:mod:`accord.store`) only reads and writes; clustering (:mod:`accord.cluster`)
and the cross-source stages (:mod:`accord.story`) only compute. This module joins them, so
the ingest driver, ``accord ingest``, ``accord dossier`` and ``accord watch`` share one path:

* :func:`restore_index` and :func:`commit_batch` carry the story index between runs and
  write each ingested batch with its stories, each named by :func:`accord.story.story_title`;
  after the batch, each story that grew is revised (split in two when its members report two
  happenings, its misplaced reports moved to their happening's story, then merged with a story
  of the same happening) in the order :func:`accord.storysplit.revise_grown` sets, which the
  stream evaluation's replay shares;
* :func:`refresh` computes the results of every story that gained an article and keeps them
  as a new version (run at the end of an ingest and by ``accord dossier``), so the web view
  shows stored results and never runs a model;
* :func:`changes_since` compares a story's dossier with an earlier version of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from accord.blocking import Embedder
from accord.changes import Changes, diff
from accord.cluster import Assignment, StoryIndex, signal_of
from accord.errors import ArticleFailure, StoreError
from accord.model import Article, Dossier, StoryResults
from accord.store import Store
from accord.storeschema import ArticleRecord, Membership, ResultVersion, StoryRow
from accord.story import Titled, cross_source, story_title
from accord.story_state import StoryState
from accord.storysplit import Member, Merge, Move, Split, revise_grown

__all__ = ["Since", "changes_since", "commit_batch", "refresh", "restore_index", "story_dossier"]


def restore_index(store: Store, index: StoryIndex | None = None) -> StoryIndex:
    """The story index an uninterrupted run would hold now (see :meth:`StoryIndex.restore`)."""
    index = index or StoryIndex()
    clock, position = store.stream_position()
    index.clock, index.position = clock, position
    rows = store.open_stories(index.recent_floor(), index.open_horizon())
    stories = [_state(row) for row in rows]
    members = store.member_vectors([s.id for s in stories])
    index.restore(stories, members, clock, position)
    return index


def commit_batch(
    store: Store,
    records: Sequence[ArticleRecord],
    assignments: Sequence[Assignment],
    index: StoryIndex,
    failures: Sequence[ArticleFailure] = (),
) -> None:
    """Write a batch and the stories it touched (one transaction), each story titled from
    its stored members and the new ones."""
    touched = index.take_touched()
    named: dict[str, list[Titled]] = {
        story: list(heads) for story, heads in store.headlines([s.id for s in touched]).items()
    }
    by_id = {r.article.id: r.article for r in records}
    for assignment in assignments:
        named.setdefault(assignment.story, []).append(by_id[assignment.article])
    store.write_batch(
        records,
        [Membership(a.article, a.story, a.score, a.new_story) for a in assignments],
        [_row(state, story_title(named.get(state.id, []))) for state in touched],
        failures,
    )
    grown = sorted({a.story for a in assignments})
    revise_grown(index, grown, StoredRevisions(store, index))


class StoredRevisions:
    """A batch's revisions (:func:`accord.storysplit.revise_grown`) kept in the index and in
    the store, each in its own transaction after the batch's, the stories it changed retitled
    from their stored headlines. Members are read from the store once per batch: revision
    reads the same stories again and again (a story that grew, then its move and merge
    candidates); a story that a split, move or merge changed is read again."""

    def __init__(self, store: Store, index: StoryIndex) -> None:
        self._store = store
        self._index = index
        self._stories: dict[str, list[Member]] = {}

    def members(self, story_id: str) -> list[Member]:
        """The story's stored members as revising it needs them, in ingest order."""
        if story_id not in self._stories:
            rows = self._store.member_signals(story_id)
            known = {m.article.id: m for members in self._stories.values() for m in members}
            missing = [r[0] for r in rows if r[0] not in known]
            articles = {a.id: a for a in self._store.articles(missing)}
            extractions = {e.article: e for e in self._store.extractions(missing)}
            self._stories[story_id] = [
                known[a]
                if a in known
                else Member(
                    articles[a],
                    extractions[a],
                    signal_of(articles[a], extractions[a], entities, vector),
                    seq,
                )
                for a, seq, entities, vector in rows
            ]
        return self._stories[story_id]

    def split(self, found: Split) -> None:
        """A story that grew split in two: its reports of the second happening leave it."""
        heads = self._store.headlines([found.story])[found.story]
        moved = set(found.articles)
        titles = {
            found.story: story_title([h for h in heads if h.article not in moved]),
            found.new_story: story_title([h for h in heads if h.article in moved]),
        }
        self._store.split_story(
            found.articles,
            found.new_story,
            [_row(s, titles[s.id]) for s in self._index.take_touched()],
        )
        self._forget(found.story, found.new_story)

    def moved(self, found: Move) -> None:
        """Misplaced reports moved to the story of their happening."""
        heads = self._store.headlines([found.story, found.to])
        going = set(found.articles)
        titles = {
            found.story: story_title([h for h in heads[found.story] if h.article not in going]),
            found.to: story_title(
                [*heads[found.to], *(h for h in heads[found.story] if h.article in going)]
            ),
        }
        self._store.split_story(
            found.articles, found.to, [_row(s, titles[s.id]) for s in self._index.take_touched()]
        )
        self._forget(found.story, found.to)

    def merged(self, found: Merge) -> None:
        """Two stories of one happening merged into the older."""
        heads = self._store.headlines([found.story, found.gone])
        title = story_title([*heads[found.story], *heads[found.gone]])
        rows = [_row(s, title) for s in self._index.take_touched() if s.id == found.story]
        self._store.merge_stories(found.story, found.gone, rows[0])
        self._forget(found.story, found.gone)

    def _forget(self, *story_ids: str) -> None:
        """These stories' memberships changed: read them again when asked."""
        for story_id in story_ids:
            self._stories.pop(story_id, None)


def refresh(
    store: Store, story_ids: Sequence[str] | None = None, embedder: Embedder | None = None
) -> list[ResultVersion]:
    """Compute and keep the results of these stories (default: every stale one) where their
    stored results are missing or older than their members; returns the versions written.
    ``embedder`` (else the packaged one, loaded once here when a story needs it) compares
    quotes and claims."""
    written = []
    for story in store.stale_stories() if story_ids is None else story_ids:
        version = store.story_version(story)
        if store.results(story, version) is None:
            if embedder is None:
                from accord.nlp import load_embedder  # here: reading a store loads no model

                embedder = load_embedder()
            articles, results = _computed(store, story, embedder)
            written.append(store.write_results(story, version, [a.id for a in articles], results))
    return written


def _computed(
    store: Store, story_id: str, embedder: Embedder | None
) -> tuple[list[Article], StoryResults]:
    """The story's stored articles and what the cross-source stages find over them."""
    articles = store.story_articles(story_id)
    extractions = store.extractions([a.id for a in articles])
    return articles, cross_source(articles, extractions, embedder=embedder)


def story_dossier(store: Store, story_id: str, embedder: Embedder | None = None) -> Dossier:
    """The story's dossier from its stored results, computed and kept first when stale (a
    read-only store computes them without keeping them). Unknown ids raise StoreError."""
    stored = store.stored_dossier(story_id)
    if stored is not None:
        return stored
    if not store.read_only:
        refresh(store, [story_id], embedder)
        found = store.stored_dossier(story_id)
        assert found is not None  # just written for the current version
        return found
    articles, results = _computed(store, story_id, embedder)
    return Dossier.of(articles, results, title=store.title_of(story_id))


@dataclass(frozen=True)
class Since:
    """What a story's dossier is compared with: a stored version, or nothing before it."""

    version: ResultVersion | None  # None: no version was computed before the date asked
    dossier: Dossier
    changes: Changes

    @property
    def label(self) -> str:
        if self.version is None:
            return "before its first version"
        when = self.version.computed.strftime("%Y-%m-%d %H:%M UTC")
        return f"version {self.version.number} ({when})"


def changes_since(
    store: Store, story_id: str, since: str, embedder: Embedder | None = None
) -> Since:
    """What the story's current dossier adds to an earlier version of it.

    ``since`` is a version number (``3``), a version hash (``v…``, as kept per version), or
    an ISO date or time (UTC): then the newest version computed before it, and everything
    counts as new when none was. The current results are computed first when stale.
    """
    now = story_dossier(store, story_id, embedder)
    version = _version(store, story_id, since)
    if version is None:
        before = Dossier(articles=())
    else:
        articles = store.articles(version.articles)
        before = Dossier.of(
            articles, store.results_of(story_id, version.number), title=story_title(articles)
        )
    return Since(version, now, diff(before, now))


def _version(store: Store, story_id: str, since: str) -> ResultVersion | None:
    versions = store.result_versions(story_id)
    text = since.strip()
    if text.isdigit():
        found = [v for v in versions if v.number == int(text)]
        if not found:
            store.results_of(story_id, int(text))  # raises, naming the versions there are
        return found[0]
    by_hash = [v for v in versions if v.version == text]
    if by_hash:
        return by_hash[-1]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise StoreError(
            f"--since {since!r}: not a version of story {story_id!r} nor a date; pass a "
            "version number (1, 2, …), a version hash, or a date such as 2026-03-01"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    earlier = [v for v in versions if v.computed < moment]
    return earlier[-1] if earlier else None


def _row(state: StoryState, title: str) -> StoryRow:
    return StoryRow(
        state.id,
        title,
        state.size,
        state.first_day,
        state.last_day,
        state.vector_sum.copy(),
        dict(state.entity_counts),
        dict(state.term_weights),
        dict(state.date_counts),
        state.last_seen,
    )


def _state(row: StoryRow) -> StoryState:
    return StoryState(
        row.id,
        row.vector_sum.copy(),
        row.size,
        dict(row.entity_counts),
        row.first_day,
        row.last_day,
        dict(row.term_weights),
        dict(row.date_counts),
        row.last_seen,
    )
