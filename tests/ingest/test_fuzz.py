"""Fuzzing the readers: whatever the bytes, ingest raises an InputError or returns articles
whose every span is a true slice of their original text."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import InputError
from accord.ingest import read_file
from accord.model import Article

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SUFFIXES = st.sampled_from([".txt", ".html", ".htm", ".jsonl", ".json", ".dat"])

# Text with the characters that break parsers: markup, quotes, newlines, dates, controls.
TOKENS = [
    "<p>",
    "</p>",
    "<html>",
    "<meta charset=latin-1>",
    "January 14, 2025",
    "2025-01-14",
    "\r\n",
    "\r",
    "\n",
    "\x00",
    "\ufeff",
    '"',
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
]
TRICKY = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=30), st.sampled_from(TOKENS)),
    max_size=30,
).map("".join)
RECORD = st.fixed_dictionaries(
    {"text": st.one_of(TRICKY, st.integers())},
    optional={
        "title": st.one_of(st.none(), TRICKY),
        "published": st.one_of(st.none(), TRICKY, st.sampled_from(["2025-01-14", "today"])),
        "url": st.one_of(st.none(), TRICKY, st.just("https://www.example.org/a")),
        "outlet": st.one_of(st.none(), TRICKY, st.integers()),
    },
)


def check(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            articles = read_file(path, max_bytes=4096)
        except InputError as exc:
            assert str(path) in str(exc)
            return
    assert articles
    for article in articles:
        assert_valid(article)


def assert_valid(article: Article) -> None:
    assert article.original.strip()
    assert "\r" not in article.original
    if article.published is not None:
        assert ISO_DATE.fullmatch(article.to_dict()["published"])
    ev = article.published_evidence
    if ev is not None:
        assert ev.article == article.id
        assert 0 <= ev.start < ev.end <= len(article.original)
        assert article.original[ev.start : ev.end] == ev.text


@FUZZ
@given(data=st.binary(max_size=600), suffix=SUFFIXES)
def test_random_bytes_never_raise_anything_but_input_errors(data: bytes, suffix: str) -> None:
    check(data, suffix)


@FUZZ
@given(
    text=TRICKY,
    suffix=SUFFIXES,
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]),
)
def test_random_text_in_any_encoding_reads_or_is_refused_cleanly(
    text: str, suffix: str, encoding: str
) -> None:
    check(text.encode(encoding, errors="replace"), suffix)


@FUZZ
@given(
    lines=st.lists(
        st.one_of(RECORD.map(json.dumps), TRICKY.map(lambda t: t.replace("\n", " "))), max_size=6
    )
)
def test_random_jsonl_lines_read_or_are_refused_cleanly(lines: list[str]) -> None:
    check("\n".join(lines).encode("utf-8", errors="surrogatepass"), ".jsonl")
