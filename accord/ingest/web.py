"""Pages fetched over http(s), politely, and kept so a run can be repeated offline.

A fact-checker's forty tabs are URLs, not files. :class:`Fetcher` is the one place accord
talks to the network, and it behaves as a well-mannered crawler: a user agent that says who
it is, robots.txt honoured (:mod:`urllib.robotparser`, including ``Crawl-delay``), one
request per host per ``FetchPolicy.per_host_interval``, retries with backoff only where the
server asked for patience (429 and 5xx, ``Retry-After`` respected), bounded redirects, a
timeout and a size limit that stops reading a body once it is too big.

With a :class:`FetchCache`, every answer the server gave (a page, a 404, a robots.txt) is
stored with its content hash, fetch time and final URL, and a URL found there is never
fetched again: the same command run later, offline, reads the same bytes. Transient
failures (timeouts, refused connections, 5xx) are not stored, so a later run tries again.

The httpx transport is injectable (``httpx.MockTransport`` in tests), as httpx itself
recommends for testing without a network.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from accord.errors import FetchError, MalformedInputError, TooLargeInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES, decode
from accord.ingest.html import article_from_html, decode_html
from accord.ingest.text import make_article
from accord.model import Article

USER_AGENT = "accord/0.1 (news dossier builder; +https://github.com/accord-news/accord)"
URL_SCHEMES = ("http://", "https://")
# RFC 9309 §2.3.1.3: a 4xx robots.txt means no rules (crawl freely); 5xx or unreachable
# means assume a complete disallow. We apply the first and, for the second, report the page
# as not fetched rather than fetching it blind.
ROBOTS_PATH = "/robots.txt"
# A Retry-After or Crawl-delay longer than this is not waited for in an interactive run.
MAX_WAIT_SECONDS = 30.0
# 429 Too Many Requests and 5xx are the statuses where trying again later can succeed.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# What a page may be served as; an answer without a type is sniffed like a file.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
FIX_MEDIA = "pass the URL of the article's web page"
FIX_ROBOTS = "the site asks crawlers not to fetch it; save the page yourself if you may"
FIX_URL = "check the URL in a browser, or save the page and pass the file"


def is_url(value: object) -> bool:
    """True for an ``http://`` or ``https://`` URL given as a string."""
    return isinstance(value, str) and value.strip().lower().startswith(URL_SCHEMES)


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far a :class:`Fetcher` goes (defaults suit a person's batch)."""

    timeout: float = 10.0  # seconds to connect, and between bytes read
    total_seconds: float = 60.0  # a whole download, so a trickling server cannot hold a run
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    per_host_interval: float = 1.0  # seconds between two requests to the same host
    retries: int = 2  # extra attempts after a 429 or 5xx
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """One answer from a server: the bytes and where, when and how they were got."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    sha256: str
    fetched_at: str  # ISO 8601, UTC
    body: bytes = field(repr=False, default=b"")

    def meta(self) -> dict[str, Any]:
        data = asdict(self)
        del data["body"]
        return data


class FetchCache:
    """Fetched pages on disk: ``<key>.json`` per URL, bodies stored once by content hash.

    Writes are atomic (temporary file, then rename), so an interrupted run never leaves a
    half-written entry that a later run would trust.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        (self.folder / "bodies").mkdir(parents=True, exist_ok=True)

    def _entry(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:32]}.json"

    def get(self, url: str) -> Fetched | None:
        entry = self._entry(url)
        if not entry.is_file():
            return None
        meta = json.loads(entry.read_text(encoding="utf-8"))
        body = (self.folder / "bodies" / meta["sha256"]).read_bytes()
        if hashlib.sha256(body).hexdigest() != meta["sha256"]:
            return None  # a damaged body is refetched, never trusted
        return Fetched(body=body, **meta)

    def put(self, fetched: Fetched) -> None:
        body_path = self.folder / "bodies" / fetched.sha256
        if not body_path.exists():
            _write_atomic(body_path, fetched.body)
        text = json.dumps(fetched.meta(), ensure_ascii=False, sort_keys=True)
        _write_atomic(self._entry(fetched.url), text.encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    """Fetch URLs under a :class:`FetchPolicy`, through an optional :class:`FetchCache`.

    Raises :class:`~accord.errors.FetchError` (an ``InputError``) for every URL that gave no
    page, so a batch reports it and goes on. Use as a context manager, or call ``close()``.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        cache: FetchCache | str | Path | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.cache = cache if isinstance(cache, FetchCache) or cache is None else FetchCache(cache)
        self.client = httpx.Client(
            transport=transport,
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            timeout=self.policy.timeout,
            headers={"User-Agent": self.policy.user_agent},
        )
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """The page at ``url`` (2xx), from the cache when it holds it; else ``FetchError``."""
        url = url.strip()
        fetched = self.cache.get(url) if self.cache else None
        if fetched is None:
            rules = self._rules(url)
            if rules is not None and not rules.can_fetch(self.policy.user_agent, url):
                raise FetchError(url, "robots.txt disallows fetching it", FIX_ROBOTS)
            fetched = self._get(url, rules)
        if not 200 <= fetched.status < 300:
            raise FetchError(url, f"HTTP {fetched.status}", FIX_URL)
        return fetched

    # --- robots.txt ---------------------------------------------------------------------

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt rules, or None when it has none (4xx: crawl freely)."""
        host = _host(url)
        if host not in self._robots:
            robots_url = host + ROBOTS_PATH
            fetched = self.cache.get(robots_url) if self.cache else None
            if fetched is None:
                try:
                    fetched = self._get(robots_url, None)
                except FetchError as exc:
                    reason = f"its robots.txt could not be read: {exc.reason}"
                    raise FetchError(url, reason) from exc
            if fetched.status >= 500:
                raise FetchError(url, f"its robots.txt answered HTTP {fetched.status}")
            rules = None
            if 200 <= fetched.status < 300:
                rules = urllib.robotparser.RobotFileParser(robots_url)
                rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
            self._robots[host] = rules
        return self._robots[host]

    # --- one GET, politely ----------------------------------------------------------------

    def _wait_turn(self, host: str, rules: urllib.robotparser.RobotFileParser | None) -> None:
        interval = self.policy.per_host_interval
        delay = rules.crawl_delay(self.policy.user_agent) if rules else None
        if delay is not None:
            interval = max(interval, min(float(delay), MAX_WAIT_SECONDS))
        last = self._last.get(host)
        if last is not None:
            wait = interval - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _get(self, url: str, rules: urllib.robotparser.RobotFileParser | None) -> Fetched:
        """GET with retries on 429/5xx; a definitive answer (any status < 500 but 429) is cached."""
        host = _host(url)
        for attempt in range(self.policy.retries + 1):
            self._wait_turn(host, rules)
            fetched, retry_after = self._get_once(url)
            if fetched.status not in RETRY_STATUSES:
                if self.cache:
                    self.cache.put(fetched)
                return fetched
            if attempt < self.policy.retries:
                backoff = self.policy.backoff * 2**attempt
                self.sleep(min(max(backoff, retry_after or 0.0), MAX_WAIT_SECONDS))
        return fetched

    def _get_once(self, url: str) -> tuple[Fetched, float | None]:
        limit = self.policy.max_bytes
        try:
            with self.client.stream("GET", url) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _too_large(url, limit)
                chunks: list[bytes] = []
                size = 0
                started = self.clock()
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _too_large(url, limit)
                    if self.clock() - started > self.policy.total_seconds:
                        raise FetchError(
                            url,
                            f"took longer than {self.policy.total_seconds:g} s to download",
                            "try again later",
                        )
                    chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchError(
                url, f"timed out after {self.policy.timeout:g} s", "try again later"
            ) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(
                url, f"more than {self.policy.max_redirects} redirects", FIX_URL
            ) from exc
        except httpx.HTTPError as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise FetchError(url, f"could not be fetched: {reason[:120]}", FIX_URL) from exc
        body = b"".join(chunks)
        fetched = Fetched(
            url=url,
            final_url=str(response.url),
            status=response.status_code,
            content_type=response.headers.get("content-type", ""),
            sha256=hashlib.sha256(body).hexdigest(),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            body=body,
        )
        return fetched, _retry_after(response.headers.get("retry-after"))


def _too_large(url: str, limit: int) -> TooLargeInputError:
    return TooLargeInputError(
        url, f"the page is larger than {limit:,} bytes", "save the article text and pass the file"
    )


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def media_type(fetched: Fetched) -> str:
    """The answer's media type without parameters (``text/html``), lower-cased."""
    return fetched.content_type.split(";")[0].strip().lower()


def article_from_fetched(fetched: Fetched, source: str, published: date | None = None) -> Article:
    """The article on a fetched page, read by the same HTML reader as a saved ``.html``.

    A ``text/plain`` answer is read as a ``.txt`` file; PDFs, images and other media are
    refused by name rather than decoded as noise.
    """
    kind = media_type(fetched)
    if kind == "text/plain":
        text = decode(fetched.body, source)
        return make_article(source, text, url=fetched.final_url, published=published)
    if kind and kind not in PAGE_TYPES:
        raise MalformedInputError(source, f"is not a web page ({kind})", FIX_MEDIA)
    html = decode_html(fetched.body, source)
    return article_from_html(html, source, url=fetched.final_url, published=published)
