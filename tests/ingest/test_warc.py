"""Web archives: HTML responses become articles; revisits and the rest are counted, not read."""

from __future__ import annotations

import gzip
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accord.errors import MalformedInputError
from accord.ingest import read_paths
from accord.ingest.warc import read_warc, warc_suffix
from tests.webserver import page

DATED = page(
    "Tram line extension opens",
    "The Osterby tram extension opened on Saturday, adding 4 stops to the eastern line.",
    date="2025-06-14",
)
UNDATED = page(
    "Ferry timetable cut",
    "The Osterby ferry will run 6 crossings a day instead of 9 from next month, the operator said.",
)


# Record kinds written as HTTP responses, with their status line.
HTTP_STATUS = {"response": "200 OK", "404": "404 Not Found"}


def write_warc(path: Path, records: list[tuple[str, str, bytes, str, str]]) -> Path:
    """Records as ``(kind, uri, body, content type, WARC-Date)``; gzip when the name says so."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for kind, uri, body, content_type, when in records:
            headers = {"WARC-Date": when}
            if kind in HTTP_STATUS:
                http = StatusAndHeaders(
                    HTTP_STATUS[kind], [("Content-Type", content_type)], "HTTP/1.1"
                )
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=BytesIO(body),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            elif kind == "revisit":
                record = writer.create_revisit_record(
                    uri,
                    digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    refers_to_uri=uri,
                    refers_to_date=when,
                )
            else:
                record = writer.create_warc_record(
                    uri, kind, payload=BytesIO(body), warc_headers_dict=headers
                )
            writer.write_record(record)
    return path


CRAWL = [
    (
        "request",
        "https://osterby.example/tram",
        b"GET /tram HTTP/1.1\r\n\r\n",
        "",
        "2025-06-15T10:00:00Z",
    ),
    (
        "response",
        "https://osterby.example/tram",
        DATED,
        "text/html; charset=utf-8",
        "2025-06-15T10:00:01Z",
    ),
    ("response", "https://osterby.example/ferry", UNDATED, "text/html", "2025-07-02T08:30:00Z"),
    (
        "response",
        "https://osterby.example/logo.png",
        b"\x89PNG....",
        "image/png",
        "2025-06-15T10:00:02Z",
    ),
    ("404", "https://osterby.example/old", b"gone", "text/html", "2025-06-15T10:00:03Z"),
    ("revisit", "https://osterby.example/tram", b"", "", "2025-06-16T10:00:00Z"),
]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_with_uri_and_date(tmp_path: Path, name: str) -> None:
    warc = write_warc(tmp_path / name, CRAWL)
    articles, skipped = read_warc(warc, str(warc))
    assert [a.url for a in articles] == [
        "https://osterby.example/tram",
        "https://osterby.example/ferry",
    ]
    assert articles[0].published == date(2025, 6, 14)  # the page states it
    assert articles[1].published == date(2025, 7, 2)  # no date on the page: the capture date
    assert "adding 4 stops" in articles[0].original
    assert articles[0].source == f"{warc}[1]"
    ((where, counted),) = [(s.source, s.reason) for s in skipped]
    assert where == str(warc)
    assert "passed over 4 record(s)" in counted
    for part in ("1 revisit", "1 not HTML", "1 not status 200", "1 not a response"):
        assert part in counted


def test_a_warc_of_images_only_is_refused_with_the_counts(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "img.warc.gz", [CRAWL[3]])
    with pytest.raises(MalformedInputError, match=r"holds no HTML page.*1 not HTML"):
        read_warc(warc, str(warc))


def test_a_page_without_article_text_is_skipped_on_its_own_line(tmp_path: Path) -> None:
    menu = b"<html><body><nav>Home</nav></body></html>"
    warc = write_warc(
        tmp_path / "c.warc",
        [
            CRAWL[1],
            ("response", "https://osterby.example/", menu, "text/html", "2025-06-15T10:00:00Z"),
        ],
    )
    articles, skipped = read_warc(warc, str(warc))
    assert len(articles) == 1
    assert skipped[0].source == f"{warc}[1]"
    assert "no article text" in skipped[0].reason


def test_a_file_that_is_not_a_warc_is_reported_and_skipped(tmp_path: Path) -> None:
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"this is not an archive"))
    truncated = write_warc(tmp_path / "cut.warc.gz", CRAWL)
    truncated.write_bytes(truncated.read_bytes()[:300])
    result = read_paths([fake, truncated])
    assert result.articles == []
    reasons = {s.source: s.reason for s in result.skipped}
    assert "holds no HTML page" in reasons[str(fake)]
    assert str(truncated) in reasons


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.warc", ".warc"), ("A.WARC.GZ", ".warc.gz"), ("a.gz", None), ("a.warc.txt", None)],
)
def test_the_warc_suffix_is_read_whole(name: str, expected: str | None) -> None:
    assert warc_suffix(Path(name)) == expected


def test_a_folder_walk_picks_up_warc_files(tmp_path: Path) -> None:
    write_warc(tmp_path / "one.warc.gz", CRAWL[1:2])
    (tmp_path / "other.gz").write_bytes(gzip.compress(b"x"))
    result = read_paths([tmp_path])
    assert [a.url for a in result.articles] == ["https://osterby.example/tram"]
