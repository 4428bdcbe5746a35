"""The corpus service: results kept per story version, and what changed since an earlier one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.corpus import changes_since, refresh, story_dossier
from accord.distributed import ingest_articles
from accord.errors import StoreError
from accord.store import Store
from tests.models import bag_of_words
from tests.test_store import fake_stream, make_corpus
from tests.test_watch import FIRST, SECOND

runner = CliRunner()


def test_each_ingest_that_grows_a_story_keeps_a_new_version_of_its_results(
    tmp_path: Path,
) -> None:
    corpus = make_corpus()
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, corpus[:3], fake_stream(), bag_of_words, batch_size=3)
        refresh(store)
        ingest_articles(store, corpus, fake_stream(), bag_of_words, batch_size=3)
        refresh(store)
        dam = store.list_stories("dam")[0].id
        first, second = store.result_versions(dam)
        assert (first.number, len(first.articles)) == (1, 2)
        assert (second.number, len(second.articles)) == (2, 4)
        since = changes_since(store, dam, "1")
        assert since.version == first and since.label.startswith("version 1 (")
        assert {a.id for a in since.changes.sources} == set(second.articles) - set(first.articles)
        assert not changes_since(store, dam, "2").changes


def test_since_a_date_compares_with_the_version_current_then(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
        [version, *_] = refresh(store)
        story, computed = version.story, version.computed
        assert changes_since(store, story, "2000-01-01").version is None  # all of it is new
        assert changes_since(store, story, computed.isoformat()).version is None
        after = (computed + timedelta(seconds=1)).isoformat()
        assert changes_since(store, story, after).version == version
        assert changes_since(store, story, after + "+00:00").version == version


@pytest.mark.parametrize("since", ["7", "yesterday"])
def test_a_since_that_names_no_version_says_what_to_pass(tmp_path: Path, since: str) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
        [version, *_] = refresh(store)
        with pytest.raises(StoreError, match="version"):
            changes_since(store, version.story, since)


def test_a_second_batch_that_raises_the_toll_is_listed_since_the_first_version(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "news.duckdb")
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    done = runner.invoke(app, ["ingest", str(tmp_path / "first.txt"), "--db", db, "-q"])
    assert done.exit_code == 0 and "1 dossiers computed" in done.output, done.output
    done = runner.invoke(app, ["ingest", str(tmp_path / "second.txt"), "--db", db, "-q"])
    assert done.exit_code == 0 and "1 dossiers computed" in done.output, done.output
    with Store(db, read_only=True) as store:
        (story,) = store.story_ids()
    shown = runner.invoke(
        app, ["dossier", story, "--db", db, "-o", str(tmp_path / "out"), "--since", "1"]
    )
    assert shown.exit_code == 0, shown.output
    assert f"{story}: " in shown.output and "since version 1 (" in shown.output
    assert "new source: Hill Courier — Tormund quarry blast toll rises to 5" in shown.output
    assert "figure updated: killed" in shown.output and "3 → 3–5" in shown.output


def test_a_read_only_store_computes_a_stale_dossier_without_keeping_it(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
        dam = store.list_stories("dam")[0].id
    with Store(db, read_only=True) as reader:
        assert reader.stored_dossier(dam) is None
        assert len(story_dossier(reader, dam).articles) == 4
        assert reader.result_versions(dam) == []
    with Store(db) as store:
        assert story_dossier(store, dam) == store.stored_dossier(dam)
        assert [v.number for v in store.result_versions(dam)] == [1]
