"""``accord serve``: a small, read-only web view over a folder of dossiers (and a store).

A thin shell, like the CLI: it lists stories, searches them with a plain GET form, and shows
each dossier with the same template as ``dossier.html`` (:func:`accord.render.html.to_html`).
It binds to 127.0.0.1 by default and is built for hostile content: every response carries a
Content-Security-Policy that allows no script, story ids are checked against a strict pattern
before any file is touched (``/`` or ``..`` → 404), and request bodies are refused above a
small limit since no route reads one. Pages are cached per file version (mtime + size).

Folder layout: ``<root>/<id>/dossier.json`` or ``<root>/<id>.json``. With ``store=``, stories
of an :class:`accord.store.Store` are listed too, under ``/store/<id>``, each shown from the
results stored for it (``accord ingest`` and ``accord dossier`` compute them); the server
process loads no model.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Header, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from accord.errors import AccordError, InputError
from accord.render._view import source_name, summarize
from accord.render.html import CSP, environment, to_html
from accord.render.json import read_dossier, to_json

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "serve"]

DEFAULT_HOST = "127.0.0.1"  # loopback: publishing the view is a deliberate choice
DEFAULT_PORT = 8000
MAX_BODY_BYTES = 16 * 1024  # no route reads a body; anything bigger is refused with 413
MAX_URL_BYTES = 4096
MAX_QUERY_CHARS = 200
PAGE_CACHE_SIZE = 256  # rendered store pages kept (one per story version), oldest dropped
GZIP_LEVEL = 6  # zlib's default: most of level 9's saving at a fraction of its time
ROW_CACHE_SIZE = 64  # story lists kept (one per search), for the store as it is now
STORY_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
HEADER_CSP = f"{CSP}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
SECURITY_HEADERS = [
    (b"content-security-policy", HEADER_CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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


def valid_story_id(story_id: str) -> bool:
    """A plain name: letters, digits, ``_ . -``; never starts with ``.``, never holds ``..``."""
    return STORY_ID.fullmatch(story_id) is not None and ".." not in story_id


class DossierFolder:
    """Dossiers on disk, read and rendered once per file version."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise InputError(
                str(root),
                "not a directory",
                "pass the folder that holds <story>/dossier.json files",
            )
        self.root = root.resolve()
        self._lock = threading.Lock()
        self._cache: dict[tuple[Path, int, int, str], Any] = {}

    def _paths(self) -> dict[str, Path]:
        found = {p.parent.name: p for p in self.root.glob("*/dossier.json")}
        found.update({p.stem: p for p in self.root.glob("*.json")})
        return {k: v for k, v in sorted(found.items()) if valid_story_id(k)}

    def path_of(self, story_id: str) -> Path | None:
        """The dossier file of ``story_id``, or None; never a path outside the root."""
        if not valid_story_id(story_id):
            return None
        for candidate in (self.root / story_id / "dossier.json", self.root / f"{story_id}.json"):
            if candidate.is_file() and candidate.resolve().is_relative_to(self.root):
                return candidate
        return None

    def _cached(self, path: Path, kind: str, build: Callable[[], Any]) -> Any:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size, kind)
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        value = build()
        with self._lock:
            self._cache = {k: v for k, v in self._cache.items() if k[:1] != (path,) or k[3] != kind}
            self._cache[key] = value
        return value

    def rows(self) -> tuple[list[StoryRow], int]:
        """Readable stories, and how many files could not be read as dossiers."""
        rows, unreadable = [], 0
        for story_id, path in self._paths().items():
            try:
                rows.append(self._cached(path, "row", partial(_row, path, story_id)))
            except (AccordError, OSError):
                unreadable += 1
        return rows, unreadable

    def page(self, story_id: str) -> str:
        path = self._require(story_id)
        return str(self._cached(path, "page", lambda: to_html(read_dossier(path), home_url="/")))

    def json(self, story_id: str) -> str:
        path = self._require(story_id)
        return str(self._cached(path, "json", lambda: to_json(read_dossier(path))))

    def _require(self, story_id: str) -> Path:
        path = self.path_of(story_id)
        if path is None:
            raise HTTPException(status_code=404, detail="no such story")
        return path


def _row(path: Path, story_id: str) -> StoryRow:
    dossier = read_dossier(path)
    summary = summarize(dossier)
    outlets = tuple(sorted({source_name(a) for a in dossier.articles}))
    return StoryRow(
        f"/stories/{story_id}",
        summary.title,
        summary.articles,
        summary.independent,
        summary.date_span,
        outlets,
    )


@dataclass(frozen=True)
class RenderedPage:
    """A story page as sent: UTF-8, and gzipped once (a large story's page is hundreds of KB,
    and compressing it per request would cost more than sending it)."""

    html: bytes
    gzipped: bytes

    @classmethod
    def of(cls, html: str) -> RenderedPage:
        data = html.encode("utf-8")
        return cls(data, gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class StoreStories:
    """Stories from the corpus store, shown from the results stored for them.

    The page of a story whose results are not computed for its current members says which
    command computes them: the server reads, it never runs a model. One read-only
    connection, used under a lock (a DuckDB connection is not for threads); rendered pages
    are kept per story and member count, story lists per search and article count (members
    are only ever added, so a count that moved means the page is out of date).
    """

    def __init__(self, path: Path) -> None:
        from accord.store import Store

        self.path = path
        self.store = Store(path, read_only=True)
        self._lock = threading.Lock()
        self._pages: dict[tuple[str, int | None], RenderedPage] = {}
        self._rows: dict[tuple[int, str], list[StoryRow]] = {}

    def rows(self, query: str | None) -> list[StoryRow]:
        with self._lock:
            key = (self.store.article_count(), query or "")
            if key not in self._rows:
                self._rows = {key: self._list(query)} | {
                    k: v for k, v in list(self._rows.items())[: ROW_CACHE_SIZE - 1]
                }
            return self._rows[key]

    def _list(self, query: str | None) -> list[StoryRow]:
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

    def page(self, story_id: str) -> RenderedPage | str:
        """The story's rendered page, or the text saying how to compute its results."""
        if not valid_story_id(story_id):
            raise HTTPException(status_code=404, detail="no such story")
        try:
            with self._lock:
                size = self.store.story_size(story_id)
                cached = self._pages.get((story_id, size))
                if cached is not None:
                    return cached
                dossier = self.store.stored_dossier(story_id)
                title = self.store.title_of(story_id)
        except AccordError as exc:
            raise HTTPException(status_code=404, detail="no such story") from exc
        if dossier is None:
            return self.pending(story_id, title)
        page = RenderedPage.of(to_html(dossier, home_url="/"))
        with self._lock:
            if len(self._pages) >= PAGE_CACHE_SIZE:
                self._pages.pop(next(iter(self._pages)))
            self._pages[(story_id, size)] = page
        return page

    def pending(self, story_id: str, title: str) -> str:
        """What a story without current results shows: its title and the command to run."""
        command = f"accord dossier {story_id} --db {self.path}"
        return (
            environment()
            .get_template("pending.html.j2")
            .render(csp=CSP, title=title or story_id, command=command)
        )


class SecurityMiddleware:
    """Adds the CSP and friends to every response; refuses large or unbounded bodies."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            status, text = refusal
            response = Response(text, status_code=status, media_type="text/plain")
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, "request body too large"
        if b"transfer-encoding" in headers:
            return 411, "a Content-Length is required"
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string", b"")) > MAX_URL_BYTES:
            return 414, "URL too long"
        return None


def create_app(folder: str | Path | None = None, store: str | Path | None = None) -> FastAPI:
    """The web view over ``folder`` (dossier files) and/or ``store`` (a DuckDB store)."""
    if folder is None and store is None:
        raise InputError("serve", "nothing to serve", "pass a folder of dossiers or --db")
    dossiers = DossierFolder(Path(folder)) if folder is not None else None
    stories = StoreStories(Path(store)) if store is not None else None
    # no /docs: the interactive docs load scripts from a CDN, which the CSP forbids
    app = FastAPI(title="accord", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/", response_class=HTMLResponse)
    def index(q: str = Query("", max_length=MAX_QUERY_CHARS)) -> HTMLResponse:
        rows, unreadable = dossiers.rows() if dossiers else ([], 0)
        if q.strip():
            rows = [r for r in rows if r.matches(q)]
        if stories is not None:
            rows += stories.rows(q.strip())
        html = (
            environment()
            .get_template("index.html.j2")
            .render(csp=CSP, rows=rows, query=q, unreadable=unreadable)
        )
        return HTMLResponse(html)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(story_id: str) -> HTMLResponse:
        if dossiers is None:
            raise HTTPException(status_code=404, detail="no such story")
        return HTMLResponse(dossiers.page(story_id))

    @app.get("/stories/{story_id}/dossier.json")
    def story_json(story_id: str) -> Response:
        if dossiers is None:
            raise HTTPException(status_code=404, detail="no such story")
        return Response(dossiers.json(story_id), media_type="application/json")

    @app.get("/store/{story_id}", response_class=HTMLResponse)
    def store_story(
        story_id: str, accept_encoding: str = Header("", include_in_schema=False)
    ) -> Response:
        if stories is None:
            raise HTTPException(status_code=404, detail="no such story")
        page = stories.page(story_id)
        if isinstance(page, str):
            return HTMLResponse(page)
        if "gzip" in accept_encoding.lower():
            headers = {"content-encoding": "gzip", "vary": "accept-encoding"}
            return Response(page.gzipped, media_type="text/html", headers=headers)
        return Response(page.html, media_type="text/html", headers={"vary": "accept-encoding"})

    app.add_middleware(SecurityMiddleware)
    return app


def serve(
    folder: str | Path | None = None,
    store: str | Path | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
) -> None:
    """Run the web view with uvicorn until interrupted (it prints the address once bound)."""
    import uvicorn

    uvicorn.run(
        create_app(folder, store),
        host=host,
        port=port,
        log_level="info",
        access_log=False,
        server_header=False,
    )
