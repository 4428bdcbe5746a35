"""The corpus service: results kept per story version, and what changed since an earlier one."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.cluster import EMBEDDING_DIM
from accord.corpus import changes_since, refresh, restore_index, story_dossier
from accord.distributed import ingest_articles
from accord.errors import StoreError
from accord.model import Article, Extraction, content_id
from accord.process import Processed, ProcessedArticle
from accord.store import Store
from tests.models import bag_of_words
from tests.splitnews import DEPOT, DEPOT_NAMES, MILL, MILL_FOLLOW_UPS, MILL_NAMES
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


def written_fires() -> list[Article]:
    """The mill and depot fires interleaved, then one more report of each."""
    texts = [t for pair in zip(MILL, DEPOT, strict=True) for t in pair]
    texts += [MILL[3] + " Brackwater thanks its crews.", DEPOT[3] + " Denholm buses return."]
    return [
        Article.create(f"f{n}.txt", t, title=t.split("\n", 1)[0], published=date(2024, 3, 4))
        for n, t in enumerate(texts)
    ]


def near(article: Article, base: np.ndarray, names: tuple[str, ...]) -> ProcessedArticle:
    """The article processed with a unit vector close to ``base`` (noise seeded by its text)."""
    noise = np.random.default_rng(zlib.crc32(article.text.encode()))
    vector = base + 0.02 * noise.standard_normal(EMBEDDING_DIM)
    return ProcessedArticle(
        article, Extraction(article.id), names, (vector / np.linalg.norm(vector)).astype(np.float32)
    )


def fires_stream(
    articles: Sequence[Article], size: int, strict: bool = False
) -> Iterator[Processed]:
    """Every report shares one embedding direction (one kind of news); names by town."""
    base = np.random.default_rng(0).standard_normal(EMBEDDING_DIM)
    for start in range(0, len(articles), size):
        yield Processed(
            [
                near(article, base, MILL_NAMES if "Brackwater" in article.text else DEPOT_NAMES)
                for article in articles[start : start + size]
            ]
        )


def test_a_story_that_grows_into_two_happenings_is_split_in_the_store(tmp_path: Path) -> None:
    fires = written_fires()
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, fires, fires_stream, bag_of_words, batch_size=8)
        members = dict(store.con.execute("SELECT article, story FROM story_members").fetchall())
        mill = {members[a.id] for a in fires if "Brackwater" in a.text}
        depot = {members[a.id] for a in fires if "Denholm" in a.text}
        assert len(mill) == len(depot) == 1 and mill != depot
        assert mill == {content_id(fires[0].id, prefix="s")}  # the first report's story
        assert depot == {content_id(fires[1].id, prefix="s")}
        for story in store.list_stories():
            assert story.articles == store.story_size(story.id) == 5
        assert "Denholm" in store.title_of(depot.pop())


def test_a_resumed_ingest_after_a_split_assigns_as_an_uninterrupted_one(tmp_path: Path) -> None:
    fires = written_fires()
    with Store(tmp_path / "once.duckdb") as once:
        ingest_articles(once, fires, fires_stream, bag_of_words, batch_size=8)
        whole = once.dump()
    with Store(tmp_path / "twice.duckdb") as twice:
        ingest_articles(twice, fires[:8], fires_stream, bag_of_words, batch_size=8)
        restored = restore_index(twice)
        assert sorted(restored.stories) == sorted(
            {m for (m,) in twice.con.execute("SELECT story FROM story_members").fetchall()}
        )
    with Store(tmp_path / "twice.duckdb") as twice:
        ingest_articles(twice, fires, fires_stream, bag_of_words, batch_size=8)
        assert twice.dump()["story_members"] == whole["story_members"]
        assert twice.dump()["stories"] == whole["stories"]


def written_mill() -> list[Article]:
    """The mill fire's first reports, then its follow-ups a few days on."""
    first = date(2024, 3, 4)
    return [
        Article.create(f"m{n}.txt", t, title=t.split("\n", 1)[0], published=first)
        for n, t in enumerate(MILL)
    ] + [
        Article.create(f"u{n}.txt", t, title=t.split("\n", 1)[0], published=first + timedelta(3))
        for n, t in enumerate(MILL_FOLLOW_UPS)
    ]


def mill_stream(
    articles: Sequence[Article], size: int, strict: bool = False
) -> Iterator[Processed]:
    """The first reports and the follow-ups read unlike (two embedding directions), so the
    stream alone opens a second story for the follow-ups; every report names the mill."""
    bases = np.random.default_rng(0).standard_normal((2, EMBEDDING_DIM))
    later = {t.split("\n", 1)[0] for t in MILL_FOLLOW_UPS}
    for start in range(0, len(articles), size):
        yield Processed(
            [
                near(article, bases[int(article.title in later)], MILL_NAMES)
                for article in articles[start : start + size]
            ]
        )


def test_two_stories_of_one_happening_are_merged_in_the_store(tmp_path: Path) -> None:
    mill = written_mill()
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, mill[:4], mill_stream, bag_of_words, batch_size=4)
        ingest_articles(store, mill, mill_stream, bag_of_words, batch_size=4)
        members = store.con.execute("SELECT article, story, new_story FROM story_members")
        rows = members.fetchall()
        assert {story for _, story, _ in rows} == {content_id(mill[0].id, prefix="s")}
        assert [a for a, _, new in rows if new] == [mill[0].id, mill[4].id]  # the stream split it
        assert store.story_ids() == [content_id(mill[0].id, prefix="s")]
        assert store.story_size(store.story_ids()[0]) == 8


def test_a_resumed_ingest_after_a_merge_assigns_as_an_uninterrupted_one(tmp_path: Path) -> None:
    mill = written_mill()
    with Store(tmp_path / "once.duckdb") as once:
        ingest_articles(once, mill, mill_stream, bag_of_words, batch_size=2)
        whole = once.dump()
    with Store(tmp_path / "twice.duckdb") as twice:
        ingest_articles(twice, mill[:6], mill_stream, bag_of_words, batch_size=2)
        assert len(twice.story_ids()) == 1  # the follow-ups' story is merged already
    with Store(tmp_path / "twice.duckdb") as twice:
        assert sorted(restore_index(twice).stories) == twice.story_ids()
        ingest_articles(twice, mill, mill_stream, bag_of_words, batch_size=2)
        assert twice.dump()["story_members"] == whole["story_members"]
        assert twice.dump()["stories"] == whole["stories"]


# The depot's first report opens on no name (the stream's nameless gate cannot tell it from
# the mill's story) and names the depot further down.
STRAY = (
    "Fire destroys a bus depot overnight\nA fire that started late in the evening destroyed a "
    "bus depot and the coaches parked inside it, and crews fought the flames until the early "
    "hours of the morning while neighbours watched from the street. Fire crews said the roof "
    "had fallen in and the building could not be saved, and that nobody else had been hurt in "
    "the blaze that lit up the sky for miles around the town before dawn broke.\nThe depot "
    "on Kestrel Lane in Denholm belongs to Meridian Transit; the mechanic Oskar Vell was injured."
)


def written_stray() -> list[Article]:
    """The mill fire followed, the depot's first report among its reports, then the depot's."""
    rebuilt = (
        "Meridian Transit rebuilds Kestrel Lane depot\nMeridian Transit will rebuild its Denholm "
        "depot on Kestrel Lane, and the mechanic Oskar Vell is back at work."
    )
    texts = [*MILL, STRAY, *MILL_FOLLOW_UPS, *DEPOT[1:], rebuilt]
    return [
        Article.create(f"s{n}.txt", t, title=t.split("\n", 1)[0], published=date(2024, 3, 4))
        for n, t in enumerate(texts)
    ]


def stray_stream(
    articles: Sequence[Article], size: int, strict: bool = False
) -> Iterator[Processed]:
    """The depot's first report reads like the mill's (one embedding direction), so the stream
    puts it in the mill's story; the later depot reports read otherwise and open their own."""
    bases = np.random.default_rng(0).standard_normal((2, EMBEDDING_DIM))
    first = STRAY.split("\n", 1)[0]
    for start in range(0, len(articles), size):
        batch = articles[start : start + size]
        depot = ["Denholm" in a.text for a in batch]
        later = [d and a.title != first for a, d in zip(batch, depot, strict=True)]
        yield Processed(
            [
                near(a, bases[int(late)], DEPOT_NAMES if d else MILL_NAMES)
                for a, d, late in zip(batch, depot, later, strict=True)
            ]
        )


def test_a_misplaced_report_moves_to_its_happening_s_story_in_the_store(tmp_path: Path) -> None:
    news = written_stray()
    stray = news[4]
    with Store(tmp_path / "news.duckdb") as store:
        ingest_articles(store, news, stray_stream, bag_of_words, batch_size=16)
        rows = store.con.execute("SELECT article, story, new_story FROM story_members").fetchall()
        members = {a: s for a, s, _ in rows}
        mill, depot = content_id(news[0].id, prefix="s"), content_id(news[9].id, prefix="s")
        assert [a for a, _, new in rows if new] == [news[0].id, news[9].id]  # the stream's
        assert members[stray.id] == depot
        assert {members[a.id] for a in news if "Brackwater" in a.text} == {mill}
        assert store.story_size(mill) == 8 and store.story_size(depot) == 5
        assert "Denholm" in store.title_of(depot)


def test_a_resumed_ingest_after_a_move_assigns_as_an_uninterrupted_one(tmp_path: Path) -> None:
    news = written_stray()
    with Store(tmp_path / "once.duckdb") as once:
        ingest_articles(once, news, stray_stream, bag_of_words, batch_size=11)
        whole = once.dump()
    with Store(tmp_path / "twice.duckdb") as twice:
        ingest_articles(twice, news[:11], stray_stream, bag_of_words, batch_size=11)
    with Store(tmp_path / "twice.duckdb") as twice:
        assert sorted(restore_index(twice).stories) == twice.story_ids()
        ingest_articles(twice, news, stray_stream, bag_of_words, batch_size=11)
        assert twice.dump()["story_members"] == whole["story_members"]
        assert twice.dump()["stories"] == whole["stories"]
