"""Bytes to text: size limit, encodings, binary and empty input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from accord.errors import (
    BinaryInputError,
    EmptyInputError,
    TooLargeInputError,
    UnreadableInputError,
)
from accord.ingest.decode import decode, detect_encoding, normalise_newlines, read_bytes

WESTERN = "Café owner Zoë said the naïve plan – “cheap and fast” – failed in Zürich.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (WESTERN.encode("utf-8"), WESTERN),
        (codecs.BOM_UTF8 + WESTERN.encode("utf-8"), WESTERN),
        (codecs.BOM_UTF16_LE + WESTERN.encode("utf-16-le"), WESTERN),
        (codecs.BOM_UTF16_BE + WESTERN.encode("utf-16-be"), WESTERN),
        (codecs.BOM_UTF32_LE + WESTERN.encode("utf-32-le"), WESTERN),
        (WESTERN.encode("cp1252"), WESTERN),
        (
            "Große Grüße aus München, schöne Größe.\n".encode("latin-1"),
            "Große Grüße aus München, schöne Größe.\n",
        ),
        ("Plain ASCII news text.\n".encode("utf-16-le"), "Plain ASCII news text.\n"),
        ("Plain ASCII news text.\n".encode("utf-16-be"), "Plain ASCII news text.\n"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "cp1252",
        "latin1",
        "utf16le-no-bom",
        "utf16be-no-bom",
    ],
)
def test_text_decodes_to_what_its_bytes_say(data: bytes, expected: str) -> None:
    assert decode(data, "x.txt") == expected


def test_a_byte_order_mark_never_reaches_the_text() -> None:
    assert not decode(codecs.BOM_UTF8 + b"Headline\n", "x.txt").startswith("\ufeff")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb\rc\nd", "a\n\nb\nc\nd"),
        ("a\r\r\nb", "a\n\nb"),
        ("no breaks", "no breaks"),
    ],
)
def test_line_endings_become_newlines(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected
    assert decode(raw.encode(), "x.txt") == expected


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\r\n\t  \n", "\u00a0\u2003\n".encode()])
def test_empty_or_whitespace_input_is_refused_as_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match=r"x\.txt: is empty"):
        decode(data, "x.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"text with a \x00 NUL in the middle of it",
        bytes(range(1, 32)) * 4,
    ],
    ids=["png", "zip", "nul", "control-codes"],
)
def test_binary_input_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match=r"^photo\.txt: "):
        decode(data, "photo.txt")


def test_the_binary_message_suggests_a_fix() -> None:
    with pytest.raises(BinaryInputError) as info:
        decode(b"\x00\x01\x02\x03", "blob.txt")
    assert info.value.fix


def test_windows_1252_wins_a_tie_with_other_western_code_pages() -> None:
    assert detect_encoding("Déjà vu – “naïve” café".encode("cp1252")) == "cp1252"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(TooLargeInputError, match=r"big\.txt: larger than the 100-byte limit"):
        read_bytes(path, str(path), max_bytes=100)


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"x" * 100)
    assert len(read_bytes(path, str(path), max_bytes=100)) == 100


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # 4 GB on paper, nothing on disk
        handle.truncate(4 * 1024**3)
    with pytest.raises(TooLargeInputError, match="limit"):
        read_bytes(path, str(path))


def test_a_missing_file_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="does not exist"):
        read_bytes(tmp_path / "gone.txt", "gone.txt")
