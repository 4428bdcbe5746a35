"""The real seed articles read cleanly: text kept as decoded, spans true, ids stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import read_file, read_paths
from accord.ingest.metadata import MAX_HEADER_LINES

pytestmark = pytest.mark.seeds


def test_every_seed_reads_as_one_article_with_its_text_unchanged(seed_paths: list[Path]) -> None:
    assert seed_paths
    for path in seed_paths:
        [article] = read_file(path)
        raw = path.read_bytes().decode("utf-8-sig")
        assert article.original == raw.replace("\r\n", "\n").replace("\r", "\n")
        assert article.title and "\n" not in article.title
        assert article.outlet is None


def test_a_seed_publication_date_always_points_at_a_header_line(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        [article] = read_file(path)
        ev = article.published_evidence
        assert (ev is None) == (article.published is None)
        if ev is not None:
            assert article.original[ev.start : ev.end] == ev.text
            header = [line for line in article.original[: ev.start].split("\n") if line.strip()]
            assert len(header) < MAX_HEADER_LINES


def test_reading_the_seed_folder_twice_gives_the_same_ids(seeds_dir: Path) -> None:
    first, second = read_paths([seeds_dir]), read_paths([seeds_dir])
    assert first.skipped == []
    assert [a.id for a in first.articles] == [a.id for a in second.articles]
    assert len({a.id for a in first.articles}) == len(first.articles)
