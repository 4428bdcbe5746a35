"""The ingest driver and its Ray path: the same stories whether the work runs here or on Ray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import accord
import accord.pipeline
from accord.cli import app
from accord.distributed import ingest_articles, ingest_paths, local_batches, ray_batches, ray_read
from accord.ingest import read_paths
from accord.model import Article, Extraction
from accord.nlp import Models, parse_blocks
from accord.process import Processed, ProcessedArticle, entities_of, process
from accord.store import Store
from tests import needs

runner = CliRunner()
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
def local_store(tmp_path_factory: pytest.TempPathFactory, models: Models) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("local") / "news.duckdb") as store:
        ingest_articles(store, corpus(), local_batches(models), models.for_paragraphs, batch_size=4)
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
    local_store: Store, tmp_path: Path, models: Models
) -> None:
    ray = needs.module("ray", "a declared dependency: run `make install`")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    try:
        with Store(tmp_path / "ray.duckdb") as store:
            report = ingest_articles(
                store, corpus(), ray_batches(workers=2), models.for_paragraphs, batch_size=4
            )
            assert report.added == len(corpus())
            assert memberships(store) == memberships(local_store)
            assert store.dump()["articles"] == local_store.dump()["articles"]
            assert store.dump()["mentions"] == local_store.dump()["mentions"]
    finally:
        ray.shutdown()


@pytest.mark.slow
def test_ingesting_paths_reports_skipped_files_and_adds_nothing_twice(
    tmp_path: Path, models: Models
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "match.txt").write_text(UNRELATED[0][2], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    with Store(tmp_path / "news.duckdb") as store:
        first = ingest_paths(store, [folder], local_batches(models), models.for_paragraphs)
        again = ingest_paths(store, [folder], local_batches(models), models.for_paragraphs)
    assert (first.added, again.added, again.known) == (1, 0, 1)
    assert [s.source for s in first.skipped] == [str(folder / "empty.txt")]


def test_named_entities_are_normalised_sorted_and_unique(nlp: Any) -> None:
    article = Article.create(
        "t.txt", "Ilse  Marten joined Telvora in Brno.\nTelvora later moved to Brno's centre."
    )
    [blocks] = list(parse_blocks([article], nlp))
    found = entities_of(blocks)
    assert list(found) == sorted(set(found))
    assert "org:telvora" in found or "gpe:brno" in found
    assert all(e == e.lower() and "  " not in e for e in found)


def write_reports(folder: Path) -> Path:
    folder.mkdir()
    for name, title, text in UNRELATED:
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def stored(db: Path) -> tuple[dict[str, Extraction], dict[str, Article]]:
    with Store(db) as store:
        articles = [a for s in store.list_stories() for a in store.story_articles(s.id)]
        extractions = store.extractions([a.id for a in articles])
    return {e.article: e for e in extractions}, {a.id: a for a in articles}


@pytest.mark.slow
def test_ingest_here_and_on_ray_extract_what_analyze_extracts_from_the_same_files(
    tmp_path: Path, models: Models, monkeypatch: pytest.MonkeyPatch
) -> None:
    ray = needs.module("ray", "a declared dependency: run `make install`")
    folder = write_reports(tmp_path / "in")
    seen: list[ProcessedArticle] = []

    def recording(*args: Any, **kwargs: Any) -> Processed:
        done = process(*args, **kwargs)
        seen.extend(done.articles)
        return done

    monkeypatch.setattr(accord.pipeline, "process", recording)
    out = tmp_path / "out"
    analysed = runner.invoke(app, ["analyze", str(folder), "-o", str(out), "-q"], obj=models)
    assert analysed.exit_code == 0, analysed.output
    dossier = accord.load(out / "dossier.json")
    here = tmp_path / "here.duckdb"
    local = runner.invoke(app, ["ingest", str(folder), "--db", str(here), "-q"], obj=models)
    assert local.exit_code == 0, local.output
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    try:
        on_ray = tmp_path / "ray.duckdb"
        args = ["ingest", str(folder), "--db", str(on_ray), "--ray", "local", "--workers", "1"]
        remote = runner.invoke(app, [*args, "-q"], obj=models)
        assert remote.exit_code == 0, remote.output
    finally:
        ray.shutdown()
    extracted = {p.article.id: p.extraction for p in seen}
    assert len(extracted) == len(UNRELATED)
    assert stored(here) == stored(on_ray) == (extracted, {a.id: a for a in dossier.articles})


def refuse_on_the_driver(path: Path, source: str, max_bytes: int) -> Any:
    raise AssertionError(f"{source} was read on the driver")


@pytest.mark.slow
def test_on_ray_each_warc_file_is_read_in_a_task_and_the_input_order_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.ingest.reader import READERS
    from tests.ingest.test_warc import CRAWL, DATED, write_warc

    ray = needs.module("ray", "a declared dependency: run `make install`")
    crawl = write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "match.txt").write_text(UNRELATED[0][2], encoding="utf-8")
    later = [("response", "https://osterby.example/tram-2", DATED, "text/html", "2025-06-17")]
    write_warc(folder / "later.warc", later)
    inputs = [str(crawl), str(tmp_path / "missing.warc"), str(folder)]
    expected = read_paths(inputs)
    for suffix in (".warc", ".warc.gz"):  # a worker process imports its own, unpatched
        monkeypatch.setitem(READERS, suffix, refuse_on_the_driver)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    try:
        found = ray_read(inputs)
    finally:
        ray.shutdown()
    assert [a.url for a in found.articles] == [a.url for a in expected.articles]
    assert found.articles == expected.articles and len(found.articles) == 4
    assert found.skipped == expected.skipped
