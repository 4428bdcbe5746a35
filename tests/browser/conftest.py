"""Real-browser fixtures: Debian's Chromium driven by Playwright, nothing downloaded.

Tests here are marked ``browser``. When /usr/bin/chromium is absent they skip naming the fix
(``make browser-deps`` installs it), and fail under ``CI=true``. Every page records the
requests it makes, console errors and dialogs, so a test can assert that nothing left the
page and no script ran. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.needs import missing

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}


@dataclass
class Watched:
    """A page plus what it did: requests, console errors, dialogs."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        missing(f"Chromium ({CHROMIUM})", "run `make browser-deps` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(viewport=..., javascript=True)`` → a :class:`Watched` page."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] = DESKTOP, javascript: bool = True) -> Watched:
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        watched = Watched(context.new_page())
        watched.page.on("request", lambda r: watched.requests.append(r.url))
        watched.page.on(
            "console", lambda m: watched.errors.append(m.text) if m.type == "error" else None
        )
        watched.page.on("pageerror", lambda e: watched.errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            watched.dialogs.append(dialog.message)
            dialog.dismiss()

        watched.page.on("dialog", on_dialog)
        return watched

    yield make
    for context in contexts:
        context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve_app() -> Iterator[Any]:
    """``serve_app(app)`` → base URL of uvicorn serving an ASGI app on 127.0.0.1."""
    import uvicorn

    from accord.web import DEFAULT_HOST

    servers: list[tuple[Any, threading.Thread]] = []

    def start(app: Any) -> str:
        port = free_port()
        config = uvicorn.Config(
            app, host=DEFAULT_HOST, port=port, log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start within 10 s")
            time.sleep(0.02)
        servers.append((server, thread))
        return f"http://{DEFAULT_HOST}:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def serve_folder(serve_app: Any) -> Any:
    """``serve_folder(path)`` → base URL of uvicorn serving the web view on 127.0.0.1."""
    from accord.web import create_app

    return lambda folder: serve_app(create_app(folder))
