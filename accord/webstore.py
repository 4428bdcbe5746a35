"""The web view over a corpus store: the story list, each story's page and what changed.

A store the server opens read-only holds DuckDB's file lock, so no ``accord ingest`` writes
to it while the server runs (the writer is refused and told to close other programs): what
the server reads cannot change under it. Each page is therefore rendered once, on its first
request, and kept for the server's life, so a reader's request runs no query and no
template; showing a later ingest takes a restart. The server never runs a model: a story
whose results are not computed says which command computes them.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from accord.changes import Section, diff, sections
from accord.errors import AccordError
from accord.model import Dossier
from accord.render.html import CSP, environment, to_html
from accord.storeschema import ResultVersion

GZIP_LEVEL = 6  # zlib's default: most of level 9's saving at a fraction of its time
PAGE_CACHE_SIZE = 256  # rendered pages kept per kind (story, changes, list), oldest dropped
STORY_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
TIME_FORMAT = "%Y-%m-%d %H:%M UTC"

K = TypeVar("K")


class NotFound(LookupError):
    """No such story (or version): the web view answers 404."""


def valid_story_id(story_id: str) -> bool:
    """A plain name: letters, digits, ``_ . -``; never starts with ``.``, never holds ``..``."""
    return STORY_ID.fullmatch(story_id) is not None and ".." not in story_id


@dataclass(frozen=True)
class StoryRow:
    """One line of the story list."""

    href: str
    title: str
    articles: int
    independent: int
    date_span: str
    outlets: tuple[str, ...]

    def matches(self, query: str) -> bool:
        """Every word of ``query`` appears in the title or an outlet (case-insensitive)."""
        haystack = " ".join((self.title, *self.outlets)).casefold()
        return all(word in haystack for word in query.casefold().split())


@dataclass(frozen=True)
class RenderedPage:
    """A page as sent: UTF-8, and gzipped once (a large story's page is hundreds of KB,
    and compressing it per request would cost more than sending it)."""

    html: bytes
    gzipped: bytes

    @classmethod
    def of(cls, html: str) -> RenderedPage:
        data = html.encode("utf-8")
        return cls(data, gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@dataclass(frozen=True)
class VersionView:
    """One stored version of a story's dossier and what it added to ``base`` (None: the
    first version, which adds everything)."""

    number: int
    computed: str
    articles: int
    base: int | None
    sections: tuple[Section, ...]


def index_html(rows: list[StoryRow], query: str, unreadable: int = 0) -> str:
    """The story list page (rows already filtered by ``query``)."""
    template = environment().get_template("index.html.j2")
    return template.render(csp=CSP, rows=rows, query=query, unreadable=unreadable)


class Kept(Generic[K]):
    """Pages built once and kept, at most :data:`PAGE_CACHE_SIZE`, the oldest dropped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages: dict[K, RenderedPage] = {}

    def get(self, key: K) -> RenderedPage | None:
        return self._pages.get(key)

    def build(self, key: K, make: Callable[[], str]) -> RenderedPage:
        """The page under ``key``, made now (under the lock: one build at a time) if absent."""
        with self._lock:
            found = self._pages.get(key)
            if found is None:
                found = RenderedPage.of(make())
                if len(self._pages) >= PAGE_CACHE_SIZE:
                    self._pages.pop(next(iter(self._pages)))
                self._pages[key] = found
            return found


class StoreStories:
    """Stories of a corpus store, shown from the results stored for them (read-only)."""

    def __init__(self, path: Path) -> None:
        from accord.store import Store

        self.path = path
        self.store = Store(path, read_only=True)
        self.pages: Kept[str] = Kept()
        self.changes: Kept[tuple[str, int | None]] = Kept()
        self.lists: Kept[str] = Kept()
        self._rows: dict[str, list[StoryRow]] = {}
        self._lock = threading.Lock()  # one DuckDB connection is not for threads

    def rows(self, query: str) -> list[StoryRow]:
        """The stories whose title or a member's title holds ``query`` (all for "")."""
        with self._lock:
            if query not in self._rows:
                if len(self._rows) >= PAGE_CACHE_SIZE:
                    self._rows.pop(next(iter(self._rows)))
                self._rows[query] = self._list(query)
            return self._rows[query]

    def _list(self, query: str) -> list[StoryRow]:
        rows = []
        for s in self.store.list_stories(query or None):
            if not valid_story_id(s.id):
                continue
            first, last = s.first_published, s.last_published
            span = "undated" if not first else (first if first == last else f"{first} to {last}")
            rows.append(
                StoryRow(f"/store/{s.id}", s.title, s.articles, s.independent, span, s.outlets)
            )
        return rows

    def index(self, query: str) -> RenderedPage:
        """The story list of a store served alone."""
        return self.lists.build(query, lambda: index_html(self.rows(query), query))

    def page(self, story_id: str) -> RenderedPage:
        """The story's page, or the page saying how to compute its results."""
        self._check(story_id)
        return self.pages.build(story_id, lambda: self._story_html(story_id))

    def _story_html(self, story_id: str) -> str:
        with self._lock:
            title = self.store.title_of(story_id)
            dossier = self.store.stored_dossier(story_id)
        if dossier is None:
            return self.pending(story_id, title)
        return to_html(dossier, home_url="/", changes_url=f"/store/{story_id}/changes")

    def pending(self, story_id: str, title: str) -> str:
        """What a story without current results shows: its title and the command to run."""
        return (
            environment()
            .get_template("pending.html.j2")
            .render(csp=CSP, title=title or story_id, command=self._command(story_id))
        )

    def _command(self, story_id: str) -> str:
        return f"accord dossier {story_id} --db {self.path}"

    def changes_page(self, story_id: str, since: int | None = None) -> RenderedPage:
        """Every stored version of the story with what it added to the one before, newest
        first; with ``since``, what the latest version adds to that one."""
        self._check(story_id)
        return self.changes.build((story_id, since), lambda: self._changes_html(story_id, since))

    def _changes_html(self, story_id: str, since: int | None) -> str:
        with self._lock:
            title = self.store.title_of(story_id)
            versions = self.store.result_versions(story_id)
            if since is not None and since not in {v.number for v in versions}:
                raise NotFound(f"story {story_id} has no version {since}")
            views = self._views(story_id, versions, since)
        url = f"/store/{story_id}/changes"
        base = next((v for v in versions if v.number == since), None)
        return (
            environment()
            .get_template("changes.html.j2")
            .render(
                csp=CSP,
                title=title or story_id,
                story_url=f"/store/{story_id}",
                changes_url=url,
                versions=views,
                since=None
                if base is None
                else {"base": base.number, "base_computed": base.computed.strftime(TIME_FORMAT)},
                command=self._command(story_id),
            )
        )

    def _views(
        self, story_id: str, versions: list[ResultVersion], since: int | None
    ) -> list[VersionView]:
        """Newest first; each compared with its predecessor, or only the latest with
        ``since``. Each version's dossier is read once."""
        read: dict[int, Dossier] = {}

        def dossier(number: int) -> Dossier:
            if number not in read:
                read[number] = self.store.version_dossier(story_id, number)
            return read[number]

        pairs: list[tuple[ResultVersion, int | None]] = (
            [(versions[-1], since)]
            if since is not None
            else [(v, versions[i - 1].number if i else None) for i, v in enumerate(versions)]
        )
        views = []
        for version, base in reversed(pairs):
            found = () if base is None else sections(diff(dossier(base), dossier(version.number)))
            views.append(
                VersionView(
                    version.number,
                    version.computed.strftime(TIME_FORMAT),
                    len(version.articles),
                    base,
                    tuple(found),
                )
            )
        return views

    def _check(self, story_id: str) -> None:
        """404 for an id that is not a plain name or not a story of the store."""
        if not valid_story_id(story_id):
            raise NotFound(story_id)
        with self._lock:
            try:
                if self.store.story_size(story_id) is None:
                    raise NotFound(story_id)
            except AccordError as exc:
                raise NotFound(story_id) from exc
