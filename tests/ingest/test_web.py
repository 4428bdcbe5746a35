"""Fetching URLs: politely, with limits, retries, robots.txt, and a cache that replays offline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from accord.errors import FetchError, TooLargeInputError
from accord.ingest import FetchCache, Fetcher, FetchPolicy, read_paths
from accord.ingest.web import USER_AGENT, is_url
from tests.webserver import Answer, LocalSite, page

STORY = page(
    "Harbour crane collapses in storm",
    "A harbour crane at Pellisport collapsed during Thursday's storm, injuring 3 dock workers.",
    "The port authority said the crane had passed an inspection in March.",
    date="2025-10-09",
)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Waits:
    """A fake sleep and clock: records every wait instead of waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 3))
        self.now += seconds

    def clock(self) -> float:
        return self.now


def fetcher(cache: Path | None = None, **policy: float) -> tuple[Fetcher, Waits]:
    waits = Waits()
    settings = {"per_host_interval": 0.0, "timeout": 2.0, **policy}
    made = Fetcher(
        FetchPolicy(**settings),  # type: ignore[arg-type]
        cache=cache,
        sleep=waits.sleep,
        clock=waits.clock,
    )
    return made, waits


@pytest.fixture
def news(site: LocalSite) -> LocalSite:
    site.route("/robots.txt", Answer(body=ROBOTS, content_type="text/plain"))
    site.route("/crane.html", Answer(body=STORY))
    return site


@pytest.mark.parametrize(
    ("value", "expected"),
    [("http://a.example/x", True), (" HTTPS://a.example", True), ("a.html", False), (3, False)],
)
def test_only_http_and_https_strings_are_urls(value: object, expected: bool) -> None:
    assert is_url(value) is expected


def test_a_page_is_fetched_with_its_hash_time_and_a_clear_user_agent(news: LocalSite) -> None:
    client, _ = fetcher()
    with client:
        got = client.fetch(news.url("/crane.html"))
    assert got.status == 200
    assert got.body == STORY
    assert len(got.sha256) == 64
    assert got.fetched_at.endswith("+00:00")
    assert news.user_agents == [USER_AGENT, USER_AGENT]  # robots.txt, then the page
    assert "accord" in USER_AGENT


def test_a_redirect_is_followed_and_the_final_url_kept(news: LocalSite) -> None:
    news.route("/old", Answer(301, headers={"Location": "/crane.html"}))
    client, _ = fetcher()
    with client:
        got = client.fetch(news.url("/old"))
    assert got.final_url == news.url("/crane.html")


def test_a_redirect_loop_stops_at_the_limit(news: LocalSite) -> None:
    news.route("/loop", Answer(302, headers={"Location": "/loop"}))
    client, _ = fetcher(max_redirects=3)
    with client, pytest.raises(FetchError, match="more than 3 redirects"):
        client.fetch(news.url("/loop"))


def test_a_missing_page_is_an_error_naming_the_status(news: LocalSite) -> None:
    client, _ = fetcher()
    with client, pytest.raises(FetchError, match="HTTP 404"):
        client.fetch(news.url("/gone.html"))


def test_a_slow_page_times_out(news: LocalSite) -> None:
    news.route("/slow.html", Answer(body=STORY, delay=1.5))
    client, _ = fetcher(timeout=0.3)
    with client, pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
        client.fetch(news.url("/slow.html"))


def test_a_page_robots_txt_disallows_is_never_requested(news: LocalSite) -> None:
    news.route("/private/memo.html", Answer(body=STORY))
    client, _ = fetcher()
    with client, pytest.raises(FetchError, match=r"robots\.txt disallows"):
        client.fetch(news.url("/private/memo.html"))
    assert news.hits["/private/memo.html"] == 0


def test_a_site_without_robots_txt_may_be_fetched(site: LocalSite) -> None:
    site.route("/crane.html", Answer(body=STORY))
    client, _ = fetcher()
    with client:
        assert client.fetch(site.url("/crane.html")).status == 200
    assert site.hits["/robots.txt"] == 1


def test_robots_txt_is_read_once_per_host(news: LocalSite) -> None:
    news.route("/b.html", Answer(body=STORY))
    client, _ = fetcher()
    with client:
        client.fetch(news.url("/crane.html"))
        client.fetch(news.url("/b.html"))
    assert news.hits["/robots.txt"] == 1


def test_503_is_retried_with_growing_backoff_until_the_page_comes(news: LocalSite) -> None:
    news.route("/busy.html", Answer(503), Answer(503), Answer(body=STORY))
    client, waits = fetcher(backoff=0.5, retries=2)
    with client:
        assert client.fetch(news.url("/busy.html")).body == STORY
    assert waits.waits == [0.5, 1.0]
    assert news.hits["/busy.html"] == 3


def test_429_waits_as_long_as_retry_after_asks(news: LocalSite) -> None:
    news.route("/limited.html", Answer(429, headers={"Retry-After": "4"}), Answer(body=STORY))
    client, waits = fetcher(backoff=0.5)
    with client:
        client.fetch(news.url("/limited.html"))
    assert waits.waits == [4.0]


def test_retries_give_up_and_report_the_last_status(news: LocalSite) -> None:
    news.route("/down.html", Answer(500))
    client, _ = fetcher(retries=1, backoff=0.1)
    with client, pytest.raises(FetchError, match="HTTP 500"):
        client.fetch(news.url("/down.html"))
    assert news.hits["/down.html"] == 2


def test_requests_to_one_host_are_spaced_by_the_interval(news: LocalSite) -> None:
    client, waits = fetcher(per_host_interval=2.0)
    with client:
        client.fetch(news.url("/crane.html"))  # robots.txt first, then the page: one wait
    assert waits.waits == [2.0]


def test_a_crawl_delay_longer_than_the_interval_is_honoured(news: LocalSite) -> None:
    news.route("/robots.txt", Answer(body=b"User-agent: *\nCrawl-delay: 5\n"))
    news.route("/b.html", Answer(body=STORY))
    client, waits = fetcher(per_host_interval=1.0)
    with client:
        client.fetch(news.url("/crane.html"))
        client.fetch(news.url("/b.html"))
    assert waits.waits == [5.0, 5.0]


def test_a_body_over_the_size_limit_is_refused(news: LocalSite) -> None:
    news.route("/huge.html", Answer(body=b"x" * 5000))
    client, _ = fetcher(max_bytes=1000)
    with client, pytest.raises(TooLargeInputError, match="larger than 1,000 bytes"):
        client.fetch(news.url("/huge.html"))


def test_a_streamed_body_without_length_is_cut_at_the_limit() -> None:
    def endless(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=iter([b"y" * 600] * 10))

    policy = FetchPolicy(max_bytes=1000, per_host_interval=0.0)
    client = Fetcher(policy, transport=httpx.MockTransport(endless))
    with client, pytest.raises(TooLargeInputError):
        client.fetch("http://stream.example/page")


def test_the_cache_replays_pages_and_404s_with_the_server_gone(
    news: LocalSite, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    client, _ = fetcher(cache)
    with client:
        first = client.fetch(news.url("/crane.html"))
        with pytest.raises(FetchError, match="HTTP 404"):
            client.fetch(news.url("/gone.html"))
    news.stop()

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("the network is off", request=request)

    replay = Fetcher(cache=FetchCache(cache), transport=httpx.MockTransport(offline))
    with replay:
        again = replay.fetch(news.url("/crane.html"))
        with pytest.raises(FetchError, match="HTTP 404"):
            replay.fetch(news.url("/gone.html"))
    assert (again.body, again.sha256, again.fetched_at, again.final_url) == (
        first.body,
        first.sha256,
        first.fetched_at,
        first.final_url,
    )


def test_a_transient_failure_is_not_cached(news: LocalSite, tmp_path: Path) -> None:
    news.route("/down.html", Answer(503), Answer(body=STORY))
    client, _ = fetcher(tmp_path, retries=0)
    with client, pytest.raises(FetchError, match="HTTP 503"):
        client.fetch(news.url("/down.html"))
    again, _ = fetcher(tmp_path, retries=0)
    with again:
        assert again.fetch(news.url("/down.html")).body == STORY


def test_a_damaged_cached_body_is_fetched_again(news: LocalSite, tmp_path: Path) -> None:
    client, _ = fetcher(tmp_path)
    with client:
        got = client.fetch(news.url("/crane.html"))
    (tmp_path / "bodies" / got.sha256).write_bytes(b"tampered")
    again, _ = fetcher(tmp_path)
    with again:
        assert again.fetch(news.url("/crane.html")).body == STORY
    assert news.hits["/crane.html"] == 2


def test_urls_in_a_batch_become_articles_and_failures_are_skipped(news: LocalSite) -> None:
    client, _ = fetcher()
    with client:
        result = read_paths(
            [news.url("/crane.html"), news.url("/gone.html"), news.url("/private/x")],
            fetcher=client,
        )
    (article,) = result.articles
    assert article.source == news.url("/crane.html")
    assert article.url == news.url("/crane.html")
    assert article.published == date(2025, 10, 9)
    assert article.title == "Harbour crane collapses in storm"
    assert "injuring 3 dock workers" in article.original
    assert "Terms of use" not in article.original
    reasons = {s.source: s.reason for s in result.skipped}
    assert "HTTP 404" in reasons[news.url("/gone.html")]
    assert "robots.txt" in reasons[news.url("/private/x")]


def test_a_plain_text_url_is_read_as_a_text_file(site: LocalSite) -> None:
    text = b"Crane inquiry opens\n\nThe Pellisport crane inquiry opened with 4 witnesses.\n"
    url = site.route("/notes", Answer(body=text, content_type="text/plain; charset=utf-8"))
    client, _ = fetcher()
    with client:
        (article,) = read_paths([url], fetcher=client).articles
    assert article.original == text.decode()
    assert article.url == url


def test_a_url_serving_a_pdf_is_skipped_by_its_type(site: LocalSite) -> None:
    url = site.route("/report.pdf", Answer(body=b"%PDF-1.7 ...", content_type="application/pdf"))
    client, _ = fetcher()
    with client:
        result = read_paths([url], fetcher=client)
    assert result.articles == []
    assert (
        "is not a web page (application/pdf)" in {s.source: s.reason for s in result.skipped}[url]
    )


def test_a_download_that_trickles_past_the_total_time_is_abandoned() -> None:
    waits = Waits()

    def trickle(request: httpx.Request) -> httpx.Response:
        def body() -> Iterator[bytes]:
            for _ in range(10):
                waits.now += 20.0  # each chunk arrives 20 s after the last
                yield b"<p>slow</p>"

        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=body())

    policy = FetchPolicy(per_host_interval=0.0, total_seconds=60.0)
    client = Fetcher(
        policy, transport=httpx.MockTransport(trickle), sleep=waits.sleep, clock=waits.clock
    )
    with client, pytest.raises(FetchError, match="longer than 60 s"):
        client.fetch("http://trickle.example/page")
