"""Paths in, articles out: pick the reader by suffix, walk directories, never stop a batch.

``read_file`` is strict (one file, raises an :class:`~accord.errors.InputError` subclass);
``read_paths`` is forgiving (many paths, every failure becomes a one-line ``skipped`` entry
and the rest of the batch goes on).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import ArticleFailure, InputError, Stage, UnreadableInputError
from accord.ingest.decode import DEFAULT_MAX_BYTES, decode, read_bytes
from accord.ingest.html import article_from_html, read_html
from accord.ingest.jsonl import Parsed, read_json, read_jsonl, reason_of
from accord.ingest.text import make_article, read_text
from accord.model import Article

Reader = Callable[[Path, str, int], Parsed]
# A file named outright with another suffix is read as text if it decodes as text.
FALLBACK_SUFFIX = ".txt"
# What sniffing a file of unknown type looks for at its start (lower-cased).
HTML_MARKERS = ("<!doctype html", "<html")


def _one(read: Callable[[Path, str, int], list[Article]]) -> Reader:
    def reader(path: Path, source: str, max_bytes: int) -> Parsed:
        return read(path, source, max_bytes), []

    return reader


def _sniffed(path: Path, source: str, max_bytes: int) -> Parsed:
    """An unknown suffix: HTML if it starts like HTML, else plain text."""
    text = decode(read_bytes(path, source, max_bytes), source)
    if text.lstrip()[:20].lower().startswith(HTML_MARKERS):
        return [article_from_html(text, source)], []
    return [make_article(source, text)], []


READERS: dict[str, Reader] = {
    ".txt": _one(read_text),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".jsonl": read_jsonl,
    ".json": read_json,
}
SUFFIXES = frozenset(READERS)
NO_FILES = "directory holds no .txt, .html, .htm, .jsonl or .json files"


@dataclass
class ReadResult:
    """Everything a batch produced: articles, and ``(source, one-line reason)`` per skip."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_source(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """One file's articles and the records inside it that were skipped (JSONL lines)."""
    path = Path(path)
    source = str(path)
    if not path.exists() and not path.is_symlink():
        raise UnreadableInputError(source, "does not exist", "check the path")
    if path.is_dir():
        raise UnreadableInputError(
            source, "is a directory", "pass it to read_paths to read the files inside"
        )
    if path.exists() and not path.is_file():
        raise UnreadableInputError(
            source, "is not a regular file (a device, pipe or socket)", "pass a saved file"
        )
    reader = READERS.get(path.suffix.lower(), _sniffed)
    return reader(path, source, max_bytes)


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """The articles in one file (one, or one per JSONL line); raises ``InputError`` subclasses.

    Bad JSONL lines are dropped here; use :func:`read_paths` to hear about them.
    """
    return read_source(path, max_bytes)[0]


def list_files(directory: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Readable-looking files under ``directory``, recursively and sorted, and the folders
    that could not be listed (with why).

    Hidden files and folders (``.git``, ``.DS_Store``) and other suffixes are passed over;
    symlinked folders are not followed, so a link loop cannot trap the walk.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []

    def note(exc: OSError) -> None:
        problems.append((str(exc.filename), f"folder cannot be listed: {exc.strerror}"))

    for root, dirs, files in os.walk(directory, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(root) / name)
    return sorted(found), problems


def read_paths(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False
) -> ReadResult:
    """Read files and directories; a file that fails is skipped with its reason, never fatal.

    A reader that breaks on a file in a way accord did not plan for is an internal error
    (:class:`~accord.errors.ArticleFailure`), reported the same way unless ``strict``.
    """
    result = ReadResult()
    for given in paths:
        path = Path(given)
        files = [path]
        if path.is_dir():
            files, problems = list_files(path)
            result.skipped.extend(problems)
            if not files and not problems:
                result.skipped.append((str(path), NO_FILES))
        for file in files:
            try:
                articles, skipped = read_source(file, max_bytes)
            except InputError as exc:
                result.skipped.append((exc.source, reason_of(exc)))
                continue
            except Exception as exc:
                if strict:
                    raise
                failure = ArticleFailure.of(exc, str(file), "", Stage.READ)
                result.skipped.append((failure.source, failure.reason))
                continue
            result.articles.extend(articles)
            result.skipped.extend(skipped)
    return result
