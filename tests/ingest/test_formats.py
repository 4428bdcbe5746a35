"""One reader per format: .txt, .html/.htm, .jsonl, .json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from accord.errors import BinaryInputError, EmptyInputError, MalformedInputError
from accord.ingest import article_from_html, read_file, read_paths
from accord.ingest.jsonl import parse_json, parse_jsonl
from accord.model import Article

RESOURCES = Path(__file__).parent / "resources"
STORY = "Mill fire contained\n\nJune 2, 2020\n\nFirefighters contained a fire at the old mill.\n"


def assert_spans_valid(article: Article) -> None:
    ev = article.published_evidence
    if ev is not None:
        assert ev.article == article.id
        assert article.original[ev.start : ev.end] == ev.text


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


# --- .txt -----------------------------------------------------------------------------------


def test_a_text_file_becomes_one_article_with_title_and_dated_evidence(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "mill.txt", STORY))
    assert article.original == STORY
    assert article.title == "Mill fire contained"
    assert article.published == date(2020, 6, 2)
    assert article.published_evidence is not None
    assert article.published_evidence.text == "June 2, 2020"
    assert article.outlet is None
    assert_spans_valid(article)


def test_mixed_line_endings_are_normalised_before_offsets_are_taken(tmp_path: Path) -> None:
    raw = "Mill fire contained\r\n\r\nJune 2, 2020\r\rFirefighters contained it.\n"
    [article] = read_file(write(tmp_path, "crlf.txt", raw.encode()))
    assert "\r" not in article.original
    assert article.original == "Mill fire contained\n\nJune 2, 2020\n\nFirefighters contained it.\n"
    assert_spans_valid(article)


def test_a_text_file_without_a_dateline_has_no_publication_date(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "undated.txt", "Mill fire\nIt burned on Friday.\n"))
    assert article.published is None
    assert article.published_evidence is None


def test_reading_the_same_file_twice_gives_the_same_article_id(tmp_path: Path) -> None:
    path = write(tmp_path, "mill.txt", STORY)
    assert read_file(path)[0].id == read_file(path)[0].id
    other = write(tmp_path, "other.txt", STORY + "One more line.\n")
    assert read_file(other)[0].id != read_file(path)[0].id


def test_a_windows_1252_text_file_keeps_its_accents(tmp_path: Path) -> None:
    text = "Café reopens – “at last”\nThe café on Rue Molière reopened.\n"
    [article] = read_file(write(tmp_path, "cafe.txt", text.encode("cp1252")))
    assert article.original == text


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".json", ".md"])
def test_an_empty_file_of_any_kind_is_refused_as_empty(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(EmptyInputError, match=rf"empty{suffix}: is empty"):
        read_file(write(tmp_path, f"empty{suffix}", " \n\t\n"))


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_a_binary_file_of_any_kind_is_refused_as_binary(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(BinaryInputError, match=rf"blob{suffix}"):
        read_file(write(tmp_path, f"blob{suffix}", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\xff"))


def test_an_unknown_suffix_named_outright_is_read_as_text_when_it_is_text(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "notes.md", STORY))
    assert article.original == STORY


# --- .html ----------------------------------------------------------------------------------


def test_an_html_page_yields_its_body_without_menus_or_footers() -> None:
    [article] = read_file(RESOURCES / "article.html")
    assert "Chief librarian Ada Quist" in article.original
    for boilerplate in ("Log in", "Most read", "All rights reserved", "Weekend weather"):
        assert boilerplate not in article.original
    assert article.title == "Library reopens after flood repairs"
    assert article.outlet == "Riverside Herald"
    assert article.url == "https://www.riverside-herald.example/news/library-reopens"
    assert article.published == date(2024, 5, 2)


def test_an_html_page_dated_only_in_its_body_gets_evidence_there() -> None:
    [article] = read_file(RESOURCES / "undated.html")
    assert article.published == date(2023, 11, 3)
    assert article.published_evidence is not None
    assert article.published_evidence.text == "3 November 2023"
    assert_spans_valid(article)


@pytest.mark.parametrize(
    ("extra", "published"),
    [
        ("<footer>© 2023 Island News</footer>", None),
        ("<footer>Copyright 2021 Island News. All rights reserved.</footer>", None),
        ("<p>Last modified 2020</p>", None),
        ("<time datetime='2022-02-03'>3 February</time>", date(2022, 2, 3)),
        ("", None),
    ],
)
def test_an_html_page_is_dated_only_by_a_full_date_it_states(
    extra: str, published: date | None
) -> None:
    body = (
        "<p>The island ferry will run four crossings a day instead of six from next week, "
        "the operator said on Tuesday.</p>"
    )
    html = f"<html><head><title>Ferry</title></head><body><article>{body}{extra}</article>"
    assert article_from_html(html + "</body></html>", "f.html").published == published


def test_a_truncated_html_page_still_yields_the_text_it_has() -> None:
    [article] = read_file(RESOURCES / "truncated.html")
    assert "container crane at the north harbour" in article.original
    assert article.published is None


def test_an_html_page_with_no_article_text_is_refused_with_a_fix() -> None:
    with pytest.raises(MalformedInputError, match=r"navigation_only\.html: no article text"):
        read_file(RESOURCES / "navigation_only.html")


@pytest.mark.parametrize(
    "html",
    ["<html><body></body></html>", "<html", "<<<>>>", "<p>Too short.</p>", "<!-- -->"],
)
def test_html_without_prose_is_malformed_not_a_crash(html: str) -> None:
    with pytest.raises(MalformedInputError, match=r"page\.html"):
        article_from_html(html, "page.html")


@pytest.mark.parametrize(
    "paragraph",
    [
        "市立図書館は木曜日に八か月ぶりに再開し、ボランティアが修復した本が棚に戻った。",
        "The library reopened on Thursday after eight months of repairs downstairs.",
    ],
    ids=["japanese", "english"],
)
def test_prose_counts_as_article_text_with_or_without_spaces(paragraph: str) -> None:
    html = f"<html><body><article><h1>Library</h1><p>{paragraph}</p></article></body></html>"
    assert paragraph in article_from_html(html, "page.html").original


def test_an_html_page_in_a_declared_legacy_charset_decodes_by_its_declaration(
    tmp_path: Path,
) -> None:
    page = (RESOURCES / "article.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="iso-8859-15"')
    page = page.replace("Marlow Street", "Rue Molière")
    [article] = read_file(write(tmp_path, "legacy.html", page.encode("iso-8859-15")))
    assert "Rue Molière" in article.original


def test_an_htm_file_is_read_as_html(tmp_path: Path) -> None:
    page = (RESOURCES / "article.html").read_bytes()
    [article] = read_file(write(tmp_path, "page.HTM", page))
    assert "<p>" not in article.original and "Ada Quist" in article.original


# --- .jsonl / .json -------------------------------------------------------------------------


def test_a_jsonl_feed_with_a_malformed_line_keeps_the_others() -> None:
    path = RESOURCES / "feed.jsonl"
    articles = read_file(path)
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:3"]
    first, third = articles
    assert (first.title, first.outlet, first.published) == (
        "Bridge closed for inspection",
        "Valley Post",
        date(2022, 10, 5),
    )
    assert third.outlet == "coastnews.example"
    assert third.published is None
    result = read_paths([path])
    assert len(result.articles) == 2
    [(where, reason)] = [(s.source, s.reason) for s in result.skipped]
    assert where == f"{path}:2"
    assert reason.startswith("not valid JSON") and "\n" not in reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "expected a JSON object, got list"),
        ('"just a string"', "expected a JSON object, got str"),
        ('{"title": "No text"}', 'no "text" string'),
        ('{"text": 42}', 'no "text" string'),
        ('{"text": "   "}', "is empty"),
        ('{"text": "bad \\u0000 char"}', "NUL"),
        ('{"text": "lone \\ud800 surrogate"}', "surrogates"),
        ("{'text': 'single quotes'}", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
    ],
    ids=[
        "list",
        "string",
        "no-text",
        "text-not-str",
        "blank-text",
        "nul",
        "surrogate",
        "single-quotes",
        "deep-nesting",
    ],
)
def test_a_bad_jsonl_record_is_skipped_with_its_line_number_and_reason(
    line: str, reason: str
) -> None:
    good = json.dumps({"text": "The dam held through the night, engineers said."})
    articles, skipped = parse_jsonl(f"{good}\n\n{line}\n{good}", "feed.jsonl")
    assert len(articles) == 2
    [(where, why)] = [(s.source, s.reason) for s in skipped]
    assert where == "feed.jsonl:3"
    assert reason in why


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("published", "2025-13-45", "not a date"),
        ("published", "next week", "not a date"),
        ("published", 20250114, "must be a string"),
        ("title", 7, "must be a string"),
        ("outlet", {"name": "Harbor Ledger"}, "must be a string"),
        ("outlet", ["Harbor Ledger"], "must be a string"),
        ("url", "not a url at all", "not a web address"),
        ("url", "ftp://files.example/x", "not a web address"),
        ("url", "http://[broken", "not a web address"),
        ("url", 404, "must be a string"),
    ],
)
def test_a_bad_optional_field_is_dropped_with_a_warning_and_the_article_kept(
    field: str, value: object, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    record = {"text": "Ferry services resumed on Tuesday, the port authority said."}
    line = json.dumps({**record, field: value})
    with caplog.at_level("WARNING", logger="accord"):
        [article, other], skipped = parse_jsonl(f"{line}\n{json.dumps(record)}", "feed.jsonl")
    assert skipped == []
    assert article.original == other.original == record["text"]
    assert getattr(article, field) == getattr(other, field)  # as if it were not there
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"feed.jsonl:1: dropped the '{field}' field")
    assert reason in warning


def test_a_good_url_is_kept_and_names_the_outlet_when_none_is_given() -> None:
    line = json.dumps({"text": "Ferry services resumed.", "url": "https://www.portnews.example/a"})
    [article], _ = parse_jsonl(line, "feed.jsonl")
    assert (article.url, article.outlet) == ("https://www.portnews.example/a", "portnews.example")


def test_a_jsonl_file_where_no_line_reads_is_malformed_and_says_so() -> None:
    with pytest.raises(MalformedInputError, match=r"none of its 2 record\(s\).*bad\.jsonl:1"):
        parse_jsonl("{oops\n[]\n", "bad.jsonl")


def test_a_jsonl_published_datetime_is_kept_as_its_date() -> None:
    line = json.dumps({"text": "Body text here.", "published": "2021-04-01T22:10:00Z"})
    [article], _ = parse_jsonl(line, "f.jsonl")
    assert article.published == date(2021, 4, 1)


def test_a_json_file_may_hold_a_list_of_records_or_one_record() -> None:
    records = [{"text": "First report text."}, {"nope": 1}, {"text": "Second report text."}]
    articles, skipped = parse_json(json.dumps(records), "batch.json")
    assert [a.source for a in articles] == ["batch.json[0]", "batch.json[2]"]
    assert skipped[0].source == "batch.json[1]"
    [single], _ = parse_json(json.dumps(records[0]), "one.json")
    assert single.source == "one.json"


def test_text_inside_ten_thousand_nested_divs_is_found() -> None:
    from tests.adversarial import nested_html

    page = nested_html(10_000).content
    article = article_from_html(page, "deep.html")
    assert article.original.startswith("The harbour reopened on Friday after 3 weeks")
    assert article.title == "Harbour notice"
