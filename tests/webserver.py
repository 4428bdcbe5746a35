"""A small web site on 127.0.0.1 for tests: pages, a feed, robots.txt, slow and failing URLs.

Each route answers a fixed status, headers and body, optionally after a delay, or a sequence
of answers (a server that fails twice, then works). The server runs in a daemon thread,
counts requests per path, records the User-Agent it saw, and stops itself after
``MAX_LIFETIME`` seconds even if a test forgets to.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_LIFETIME = 300.0


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalSite:
    """``site.route("/a.html", Answer(...))``, then fetch ``site.url("/a.html")``."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits[self.path] += 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                answers = site.routes.get(self.path) or [Answer(404, b"not found")]
                answer = answers[min(site.hits[self.path], len(answers)) - 1]
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(answer.body)))
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # a slow handler must not hold up stop()
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.timer = threading.Timer(MAX_LIFETIME, self.stop)
        self.timer.daemon = True
        self.running = False

    def start(self) -> LocalSite:
        self.thread.start()
        self.timer.start()
        self.running = True
        return self

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.timer.cancel()
            self.server.shutdown()
            self.server.server_close()

    def route(self, path: str, *answers: Answer) -> str:
        self.routes[path] = list(answers)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def page(title: str, *paragraphs: str, date: str | None = None) -> bytes:
    """A news page as a site serves it: a menu and a footer around the article."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Contact us. Terms of use.</footer></body></html>"
    ).encode()
