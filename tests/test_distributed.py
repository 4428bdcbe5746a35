"""The ingest driver and its Ray path: the same stories whether the work runs here or on Ray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from accord.distributed import (
    entities_of,
    ingest_articles,
    ingest_paths,
    local_batches,
    ray_batches,
)
from accord.ingest import read_paths
from accord.model import Article
from accord.store import Store
from tests import needs

SAMPLES = Path(__file__).resolve().parent.parent / "accord" / "samples"

# reports written for this test, on events unrelated to the sample corpus's dam failure
UNRELATED = [
    (
        "match.txt",
        "Harbour City win the cup final",
        "Harbour City beat Northport 3-1 in the cup final at Kessel Stadium on Saturday.\n"
        "Captain Ilse Marten scored twice before half-time, and the fans stayed for an hour.",
    ),
    (
        "match2.txt",
        "Cup final: Marten double sinks Northport",
        "Ilse Marten scored two goals as Harbour City won the cup final against Northport.\n"
        "The 3-1 win at Kessel Stadium ends a twelve-year wait for a trophy.",
    ),
    (
        "chips.txt",
        "Telvora unveils a cheaper laptop chip",
        "Chipmaker Telvora announced a new laptop processor on Monday in Brno.\n"
        "The company said the chip uses 30 percent less power than last year's model.",
    ),
]


def corpus() -> list[Article]:
    extra = [
        Article.create(src, text, title=title, published=date(2026, 3, 12))
        for src, title, text in UNRELATED
    ]
    return read_paths([SAMPLES]).articles + extra


def memberships(store: Store) -> set[frozenset[str]]:
    """Stories as sets of article ids (story ids are hashes of their first article too)."""
    rows = store.con.execute(
        "SELECT story, list(article ORDER BY article) FROM story_members GROUP BY story"
    ).fetchall()
    return {frozenset(articles) for _, articles in rows}


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("local") / "news.duckdb") as store:
        ingest_articles(store, corpus(), local_batches, batch_size=4)
        yield store


@pytest.mark.slow
def test_the_sample_story_and_the_unrelated_reports_form_separate_stories(
    local_store: Store,
) -> None:
    stories = memberships(local_store)
    samples = {a.id for a in read_paths([SAMPLES]).articles}
    assert frozenset(samples) in stories
    assert len(stories) == 3  # the dam failure, the cup final, the chip launch


@pytest.mark.slow
def test_the_ray_path_gets_the_same_stories_as_the_local_path(
    local_store: Store, tmp_path: Path
) -> None:
    ray = needs.module("ray", "a declared dependency: run `make install`")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    try:
        with Store(tmp_path / "ray.duckdb") as store:
            report = ingest_articles(store, corpus(), ray_batches(workers=2), batch_size=4)
            assert report.added == len(corpus())
            assert memberships(store) == memberships(local_store)
            assert store.dump()["articles"] == local_store.dump()["articles"]
            assert store.dump()["mentions"] == local_store.dump()["mentions"]
    finally:
        ray.shutdown()


@pytest.mark.slow
def test_ingesting_paths_reports_skipped_files_and_adds_nothing_twice(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "match.txt").write_text(UNRELATED[0][2], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    with Store(tmp_path / "news.duckdb") as store:
        first = ingest_paths(store, [folder])
        again = ingest_paths(store, [folder])
    assert (first.added, again.added, again.known) == (1, 0, 1)
    assert [s.source for s in first.skipped] == [str(folder / "empty.txt")]


def test_named_entities_are_normalised_sorted_and_unique(nlp: object) -> None:
    from accord.nlp import parse_blocks

    article = Article.create(
        "t.txt", "Ilse  Marten joined Telvora in Brno.\nTelvora later moved to Brno's centre."
    )
    [blocks] = list(parse_blocks([article]))
    found = entities_of(blocks)
    assert list(found) == sorted(set(found))
    assert "org:telvora" in found or "gpe:brno" in found
    assert all(e == e.lower() and "  " not in e for e in found)
