"""RSS and Atom feeds: full-text entries read as they are, summary entries followed by link."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accord.errors import MalformedInputError
from accord.ingest import Fetcher, FetchPolicy, read_paths
from accord.ingest.feeds import looks_like_feed, parse_feed
from tests.webserver import Answer, LocalSite, page

FULL_TEXT = (
    "<p>The Lindqvist glassworks will close its second furnace in June, "
    "putting 85 jobs at risk, the company said on Tuesday.</p>"
    "<p>Workers were told at a meeting that demand had fallen for two years.</p>"
)


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Fjordby Times</title><link>https://fjordby.example/</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def item(title: str, link: str, date: str, content: str = "", summary: str = "") -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{summary}</description>{encoded}</item>"
    )


def quiet_fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(per_host_interval=0.0, timeout=2.0))


def test_a_full_text_entry_is_read_from_the_feed_with_the_entry_date() -> None:
    feed = rss(
        item(
            "Glassworks to close furnace",
            "https://fjordby.example/glass",
            "Tue, 04 Mar 2031 09:15:00 +0100",
            content=FULL_TEXT,
        )
    )
    (article,), skipped = parse_feed(feed, "times.rss", fetcher=None)
    assert skipped == []
    assert article.source == "times.rss[0]"
    assert article.title == "Glassworks to close furnace"
    assert article.url == "https://fjordby.example/glass"
    assert article.published == date(2031, 3, 4)
    assert "putting 85 jobs at risk" in article.original
    assert "<p>" not in article.original


def test_a_summary_entry_is_followed_to_its_page_and_dated_by_the_feed(site: LocalSite) -> None:
    link = site.route(
        "/glass.html",
        Answer(body=page("Glassworks to close furnace", FULL_TEXT, date="2025-02-01")),
    )
    feed = rss(item("Glassworks", link, "Tue, 04 Mar 2025 09:15:00 GMT", summary="85 jobs"))
    with quiet_fetcher() as fetcher:
        (article,), skipped = parse_feed(feed, "times.rss", fetcher)
    assert skipped == []
    assert article.url == link
    assert article.published == date(2025, 3, 4)  # the feed's date wins over the page's
    assert "Workers were told" in article.original


def test_an_entry_whose_link_fails_is_skipped_naming_the_link(site: LocalSite) -> None:
    dead = site.url("/missing.html")
    feed = rss(
        item("Gone", dead, "Tue, 04 Mar 2031 09:15:00 GMT", summary="short"),
        item("Here", "https://fjordby.example/g", "Wed, 05 Mar 2031 10:00:00 GMT", FULL_TEXT),
    )
    with quiet_fetcher() as fetcher:
        articles, skipped = parse_feed(feed, "times.rss", fetcher)
    assert [a.published for a in articles] == [date(2031, 3, 5)]
    ((where, reason),) = [(s.source, s.reason) for s in skipped]
    assert where == "times.rss[0]"
    assert dead in reason and "HTTP 404" in reason


def test_an_entry_with_neither_text_nor_link_is_skipped() -> None:
    feed = rss(
        "<item><title>Only a headline</title><description>Short.</description></item>",
        item("Here", "https://fjordby.example/g", "Wed, 05 Mar 2031 10:00:00 GMT", FULL_TEXT),
    )
    articles, skipped = parse_feed(feed, "times.rss", fetcher=None)
    assert len(articles) == 1
    assert "only a summary and no link" in skipped[0].reason


def test_an_atom_feed_with_content_is_read_and_dated_by_published() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Fjordby Times</title><id>urn:x</id><updated>2031-03-09T00:00:00Z</updated>"
        "<entry><title>Glassworks to close furnace</title><id>urn:1</id>"
        '<link href="https://fjordby.example/glass"/>'
        "<published>2031-03-04T08:00:00Z</published><updated>2031-03-08T08:00:00Z</updated>"
        f'<content type="html"><![CDATA[{FULL_TEXT}]]></content></entry></feed>'
    ).encode()
    (article,), _ = parse_feed(feed, "times.atom", fetcher=None)
    assert article.published == date(2031, 3, 4)
    assert article.url == "https://fjordby.example/glass"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", True),
        (b"<!doctype html><html><body>", False),
        (b'<?xml version="1.0"?><urlset>', False),
    ],
)
def test_feeds_are_told_from_pages_and_other_xml(data: bytes, expected: bool) -> None:
    assert looks_like_feed(data) is expected


def test_a_document_with_no_entries_is_refused() -> None:
    with pytest.raises(MalformedInputError, match=r"no entries|not a feed"):
        parse_feed(rss(), "empty.rss", fetcher=None)


def test_feed_files_are_found_by_suffix_and_an_xml_feed_by_its_content(tmp_path: Path) -> None:
    entry = item("G", "https://fjordby.example/g", "Wed, 05 Mar 2031 10:00:00 GMT", FULL_TEXT)
    (tmp_path / "a.rss").write_bytes(rss(entry))
    (tmp_path / "sitemap.xml").write_bytes(b'<?xml version="1.0"?><urlset></urlset>')
    named = tmp_path / "named" / "feed.xml"
    named.parent.mkdir()
    named.write_bytes(rss(entry))
    walked = read_paths([tmp_path])  # the folder walk passes .xml files over
    assert [Path(a.source).name for a in walked.articles] == ["a.rss[0]"]
    assert read_paths([named]).articles[0].source == f"{named}[0]"


def test_a_feed_url_is_read_as_a_feed(site: LocalSite) -> None:
    entry = item("G", "https://fjordby.example/g", "Wed, 05 Mar 2031 10:00:00 GMT", FULL_TEXT)
    url = site.route("/rss.xml", Answer(body=rss(entry), content_type="application/rss+xml"))
    with quiet_fetcher() as fetcher:
        result = read_paths([url], fetcher=fetcher)
    assert [a.source for a in result.articles] == [f"{url}[0]"]
