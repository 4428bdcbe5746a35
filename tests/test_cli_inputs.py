"""`accord analyze` over a URL, a feed, a web archive and a file at once, then again offline."""

from __future__ import annotations

import json
from pathlib import Path

from accord.cli import app
from tests.ingest.test_warc import write_warc
from tests.models import ModelsRunner
from tests.webserver import Answer, LocalSite, page

runner = ModelsRunner()

# One made-up story (a warehouse fire in Quillan) told by four kinds of source.
PAGE = page(
    "Warehouse fire in Quillan injures 5",
    "A fire at a grain warehouse in Quillan injured 5 workers on Monday, the fire service said.",
    "Crews from three towns fought the blaze for six hours.",
    date="2025-04-07",
)
LINKED = page(
    "Quillan fire: warehouse owner promises inquiry",
    "The owner of the Quillan grain warehouse where 6 workers were injured on Monday "
    "promised an inquiry into the fire.",
)
FEED_TEXT = (
    "<p>Fire crews were still at the Quillan grain warehouse on Tuesday morning, a day after "
    "the blaze that injured 5 workers.</p><p>Police said the cause was not yet known.</p>"
)
ARCHIVED = page(
    "Quillan warehouse fire under investigation",
    "Investigators began work on Wednesday at the Quillan warehouse, where a fire injured 6 "
    "workers two days earlier.",
)
NOTES = (
    "Quillan warehouse fire, notes\n"
    "April 10, 2025\n\n"
    "The fire service confirmed that 6 workers were injured in Monday's warehouse fire in "
    "Quillan.\n"
)


def feed(link: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Quillan Courier</title><link>https://courier.example/</link>"
        "<item><title>Crews still at warehouse</title><link>https://courier.example/crews</link>"
        "<pubDate>Tue, 08 Apr 2025 07:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{FEED_TEXT}]]></content:encoded></item>"
        f"<item><title>Owner promises inquiry</title><link>{link}</link>"
        "<pubDate>Tue, 08 Apr 2025 15:00:00 GMT</pubDate><description>Inquiry.</description></item>"
        "</channel></rss>"
    )


def test_four_kinds_of_source_make_one_dossier_and_replay_offline(
    site: LocalSite, tmp_path: Path
) -> None:
    site.route("/robots.txt", Answer(body=b"User-agent: *\nDisallow: /private/\n"))
    page_url = site.route("/a.html", Answer(body=PAGE))
    linked_url = site.route("/owner.html", Answer(body=LINKED))
    slow_url = site.route("/slow.html", Answer(body=PAGE, delay=3.0))
    private_url = site.route("/private/a.html", Answer(body=PAGE))
    missing_url = site.url("/missing.html")
    (tmp_path / "feed.xml").write_text(feed(linked_url), encoding="utf-8")
    write_warc(
        tmp_path / "crawl.warc.gz",
        [
            (
                "response",
                "https://archive.example/fire",
                ARCHIVED,
                "text/html",
                "2025-04-09T12:00:00Z",
            ),
            ("revisit", "https://archive.example/fire", b"", "", "2025-04-10T12:00:00Z"),
        ],
    )
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    files = [str(tmp_path / n) for n in ("feed.xml", "crawl.warc.gz", "notes.txt")]
    inputs = [page_url, missing_url, slow_url, private_url, *files]
    cache = str(tmp_path / "cache")

    def run(out: str) -> dict[str, object]:
        result = runner.invoke(
            app, ["analyze", *inputs, "-o", out, "--cache", cache, "--timeout", "1", "-q"]
        )
        assert result.exit_code == 0, result.output
        return json.loads((tmp_path / out / "dossier.json").read_text(encoding="utf-8"))

    first = run(str(tmp_path / "online"))
    by_source = {a["source"]: a for a in first["articles"]}  # type: ignore[union-attr]
    assert (by_source[page_url]["url"], by_source[page_url]["published"]) == (
        page_url,
        "2025-04-07",
    )
    feed_path, warc_path, notes_path = files
    assert by_source[f"{feed_path}[0]"]["url"] == "https://courier.example/crews"
    assert by_source[f"{feed_path}[0]"]["published"] == "2025-04-08"
    assert by_source[f"{feed_path}[1]"]["url"] == linked_url
    assert by_source[f"{feed_path}[1]"]["published"] == "2025-04-08"
    assert by_source[f"{warc_path}[0]"]["url"] == "https://archive.example/fire"
    assert by_source[f"{warc_path}[0]"]["published"] == "2025-04-09"
    assert by_source[notes_path]["published"] == "2025-04-10"
    assert len(by_source) == 5
    skipped = {s["source"]: s["reason"] for s in first["skipped"]}  # type: ignore[union-attr]
    assert "HTTP 404" in skipped[missing_url]
    assert "timed out" in skipped[slow_url]
    assert "robots.txt" in skipped[private_url]
    assert "1 revisit" in skipped[warc_path]

    site.stop()
    again = run(str(tmp_path / "offline"))
    assert again["articles"] == first["articles"]
    for part in ("figures", "quotes", "claims", "timeline", "events", "title"):
        assert again[part] == first[part], part
    replayed = {s["source"]: s["reason"] for s in again["skipped"]}  # type: ignore[union-attr]
    assert set(replayed) == set(skipped)
    # what the server answered (a 404, robots.txt) is replayed; a timeout is tried again
    for url in (missing_url, private_url, warc_path):
        assert replayed[url] == skipped[url]


def test_ingest_reads_a_url_and_a_feed_into_the_store(site: LocalSite, tmp_path: Path) -> None:
    page_url = site.route("/a.html", Answer(body=PAGE))
    linked_url = site.route("/owner.html", Answer(body=LINKED))
    (tmp_path / "feed.xml").write_text(feed(linked_url), encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    args = ["ingest", page_url, site.url("/missing.html"), str(tmp_path / "feed.xml")]
    result = runner.invoke(app, [*args, "--db", db, "--cache", str(tmp_path / "c"), "-q"])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    assert f"skipped {site.url('/missing.html')}: HTTP 404" in result.output
