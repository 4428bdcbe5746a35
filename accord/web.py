"""``accord serve``: a small, read-only web view over a folder of dossiers (and a store).

A thin shell, like the CLI: it lists stories, searches them with a plain GET form, and shows
each dossier with the same template as ``dossier.html`` (:func:`accord.render.html.to_html`).
It binds to 127.0.0.1 by default and is built for hostile content: every response carries a
Content-Security-Policy that allows no script, story ids are checked against a strict pattern
before any file is touched (``/`` or ``..`` → 404), and request bodies are refused above a
small limit since no route reads one. Pages are cached per file version (mtime + size).

Folder layout: ``<root>/<id>/dossier.json`` or ``<root>/<id>.json``. With ``store=``, stories
of an :class:`accord.store.Store` are listed too, under ``/store/<id>``, each shown from the
results stored for it (``accord ingest`` and ``accord dossier`` compute them), and what
changed between the stored versions of each under ``/store/<id>/changes``
(:mod:`accord.webstore`); the server process loads no model.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, MutableMapping
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Header, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from accord.errors import AccordError, InputError
from accord.render._view import source_name, summarize
from accord.render.html import CSP, to_html
from accord.render.json import read_dossier, to_json
from accord.webstore import (
    Kept,
    NotFound,
    RenderedPage,
    StoreStories,
    StoryRow,
    index_html,
    valid_story_id,
)

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "serve", "valid_story_id"]

DEFAULT_HOST = "127.0.0.1"  # loopback: publishing the view is a deliberate choice
DEFAULT_PORT = 8000
MAX_BODY_BYTES = 16 * 1024  # no route reads a body; anything bigger is refused with 413
MAX_URL_BYTES = 4096
MAX_QUERY_CHARS = 200
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
K = TypeVar("K")


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
    async def index(
        q: str = Query("", max_length=MAX_QUERY_CHARS),
        accept_encoding: str = Header("", include_in_schema=False),
    ) -> Response:
        query = q.strip()
        if dossiers is None and stories is not None:
            page = await _kept(stories.lists, query, partial(stories.index, query))
            return _send(page, accept_encoding)
        return HTMLResponse(await run_in_threadpool(_folder_index, dossiers, stories, q))

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
    async def store_story(
        story_id: str, accept_encoding: str = Header("", include_in_schema=False)
    ) -> Response:
        if stories is None:
            raise HTTPException(status_code=404, detail="no such story")
        page = await _kept(stories.pages, story_id, partial(stories.page, story_id))
        return _send(page, accept_encoding)

    @app.get("/store/{story_id}/changes", response_class=HTMLResponse)
    async def store_changes(
        story_id: str,
        since: int | None = Query(None, ge=1),
        accept_encoding: str = Header("", include_in_schema=False),
    ) -> Response:
        if stories is None:
            raise HTTPException(status_code=404, detail="no such story")
        key = (story_id, since)
        page = await _kept(stories.changes, key, partial(stories.changes_page, story_id, since))
        return _send(page, accept_encoding)

    app.add_middleware(SecurityMiddleware)
    return app


def _folder_index(dossiers: DossierFolder | None, stories: StoreStories | None, q: str) -> str:
    rows, unreadable = dossiers.rows() if dossiers else ([], 0)
    if q.strip():
        rows = [r for r in rows if r.matches(q)]
    if stories is not None:
        rows += stories.rows(q.strip())
    return index_html(rows, q, unreadable)


async def _kept(kept: Kept[K], key: K, build: Callable[[], RenderedPage]) -> RenderedPage:
    """A kept page without leaving the event loop; the first request for it builds it in a
    worker thread (it reads the store and renders), and an unknown story is a 404."""
    page = kept.get(key)
    if page is not None:
        return page
    try:
        return await run_in_threadpool(build)
    except NotFound as exc:
        raise HTTPException(status_code=404, detail="no such story") from exc


def _send(page: RenderedPage, accept_encoding: str) -> Response:
    """The page gzipped to a client that accepts it, else as it is."""
    if "gzip" in accept_encoding.lower():
        headers = {"content-encoding": "gzip", "vary": "accept-encoding"}
        return Response(page.gzipped, media_type="text/html", headers=headers)
    return Response(page.html, media_type="text/html", headers={"vary": "accept-encoding"})


FOLDER_VARIABLE = "ACCORD_SERVE_FOLDER"  # how serve() hands its arguments to worker processes
STORE_VARIABLE = "ACCORD_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The app a uvicorn worker process builds (``serve(workers=N)``): each worker opens the
    folder and the store itself (read-only: DuckDB lets several readers share a file)."""
    import os

    folder, store = os.environ.get(FOLDER_VARIABLE), os.environ.get(STORE_VARIABLE)
    return create_app(folder or None, store or None)


def serve(
    folder: str | Path | None = None,
    store: str | Path | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int = 1,
) -> None:
    """Run the web view with uvicorn until interrupted (it prints the address once bound).

    ``workers`` > 1 runs that many server processes on the one port: one process serves one
    request at a time, so on a machine with several cores more readers are served at once.
    """
    import os

    import uvicorn

    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "access_log": False,
        "server_header": False,
    }
    if workers <= 1:
        uvicorn.run(create_app(folder, store), **options)
        return
    create_app(folder, store)  # a bad folder or store fails here, once, not in each worker
    os.environ[FOLDER_VARIABLE] = str(Path(folder).resolve()) if folder else ""
    os.environ[STORE_VARIABLE] = str(Path(store).resolve()) if store else ""
    uvicorn.run("accord.web:app_from_environment", factory=True, workers=workers, **options)
