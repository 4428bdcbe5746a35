"""ECB+ as a stream: ``accord ingest`` of the chosen topics into one store, stories vs events.

Every chosen topic's documents are rebuilt as plain-text articles (:mod:`ecbplus_text`),
written into one folder and ingested into a fresh store through the library ``accord
ingest`` uses (:func:`accord.distributed.ingest_paths`, local stream), in the folder's sorted
order: topic after topic, the two events of a topic interleaved (``41_10ecb``,
``41_10ecbplus``, ``41_11ecb`` …), which is the hard case for a stream clusterer. Stories are
read back from the store and scored against the gold events (topic + ecb/ecbplus half) with
B-cubed P/R/F1 (Bagga & Baldwin 1998), per split: train/dev for tuning, test (topics 36–45)
reported apart.

``--store PATH`` keeps the store; ``--recluster`` reads an existing ``--store`` and replays
only the story assignment over its stored records, in ingest order and in batches as ``accord
ingest`` commits them, each story that grew revised after its batch (:mod:`accord.storysplit`;
``--no-split``, ``--no-move`` and ``--no-merge`` leave out splits, moves and merges), with the
clustering code as it is now (the per-article stages are not run again, so a tuning run costs
seconds).

    .venv/bin/python evaluation/eval_ecbplus_stream.py --topics dev
    .venv/bin/python evaluation/eval_ecbplus_stream.py --topics test
    .venv/bin/python evaluation/eval_ecbplus_stream.py --store /tmp/ecb.duckdb   # all topics
    .venv/bin/python evaluation/eval_ecbplus_stream.py --store /tmp/ecb.duckdb --recluster
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from ecbplus_text import (
    DEFAULT_DATA,
    Document,
    parse_topics,
    read_topic,
    split_of,
    topic_dirs,
    write_documents,
)
from eval_ecbplus import bcubed

from accord.cluster import StoryIndex
from accord.distributed import DEFAULT_BATCH_SIZE, ingest_articles, local_batches, signal_of
from accord.ingest import read_paths
from accord.store import ArticleRecord, Store
from accord.storysplit import Member, Merge, Move, Split, revise_grown


def ingest(
    documents: list[Document], store: Store, folder: Path, before: list[Path]
) -> tuple[dict[str, Document], list[str]]:
    """Ingest ``before`` (other news, e.g. the seeds), then the documents written to
    ``folder``; returns article id -> document, and the ids of the ``before`` articles."""
    from accord.nlp import Models

    models = Models.load()
    earlier = read_paths(before).articles if before else []
    if earlier:
        ingest_articles(store, earlier, local_batches(models), models.embedder)
    write_documents(documents, folder)
    by_name = {d.name: d for d in documents}
    articles = read_paths([folder]).articles
    ingest_articles(store, articles, local_batches(models), models.embedder)
    return {a.id: by_name[Path(a.source).stem] for a in articles}, [a.id for a in earlier]


def stored_documents(store: Store, documents: list[Document]) -> dict[str, Document]:
    """Article id -> document for a store written by an earlier run of this script."""
    by_name = {d.name: d for d in documents}
    rows = store.con.execute("SELECT id, source FROM articles").fetchall()
    return {a: by_name[Path(s).stem] for a, s in rows if Path(s).stem in by_name}


class Replayed:
    """A replay's revisions kept in memory: each story's members in stream order, and each
    article's story (what :class:`accord.corpus.StoredRevisions` keeps in the store)."""

    def __init__(self) -> None:
        self.members_of: dict[str, list[Member]] = {}
        self.story: dict[str, str] = {}

    def add(self, story_id: str, member: Member) -> None:
        self.story[member.article.id] = story_id
        self.members_of.setdefault(story_id, []).append(member)

    def members(self, story_id: str) -> list[Member]:
        return self.members_of[story_id]

    def split(self, found: Split) -> None:
        moved = set(found.articles)
        members = self.members_of
        members[found.new_story] = [m for m in members[found.story] if m.article.id in moved]
        members[found.story] = [m for m in members[found.story] if m.article.id not in moved]
        for a in moved:
            self.story[a] = found.new_story

    def moved(self, found: Move) -> None:
        going = set(found.articles)
        members = self.members_of
        members[found.to] = sorted(
            [*members[found.to], *(m for m in members[found.story] if m.article.id in going)],
            key=lambda m: m.position,
        )
        members[found.story] = [m for m in members[found.story] if m.article.id not in going]
        for a in going:
            self.story[a] = found.to

    def merged(self, found: Merge) -> None:
        members = self.members_of
        members[found.story] = sorted(
            [*members[found.story], *members.pop(found.gone)], key=lambda m: m.position
        )
        for a in found.articles:
            self.story[a] = found.story


def recluster(
    store: Store,
    batch: int = DEFAULT_BATCH_SIZE,
    split: bool = True,
    merge: bool = True,
    moves: bool = True,
) -> dict[str, str]:
    """Story of each stored article when assignment is replayed in ingest order, batch by
    batch as ``accord ingest`` commits, each story that grew revised after its batch in the
    order ``accord ingest`` revises (:func:`accord.storysplit.revise_grown`): split unless
    ``split`` is off, then its misplaced reports moved unless ``moves`` is off, then merged
    with a story of the same event unless ``merge`` is off."""
    ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
    entities: dict[str, list[str]] = {i: [] for i in ids}
    rows = store.con.execute("SELECT article, entity FROM entities ORDER BY entity").fetchall()
    for art, ent in rows:
        entities[art].append(ent)
    vectors = {
        a: np.asarray(v, np.float32)
        for a, v in store.con.execute("SELECT article, vector FROM embeddings").fetchall()
    }
    articles = {a.id: a for a in store.articles(ids)}
    extractions = {e.article: e for e in store.extractions(ids)}
    index = StoryIndex()
    replayed = Replayed()
    for start in range(0, len(ids), batch):
        grown = set()
        for position, i in enumerate(ids[start : start + batch], start):
            record = ArticleRecord(articles[i], extractions[i], tuple(entities[i]), vectors[i])
            signal = signal_of(record)
            story_id = index.assign(signal).story
            replayed.add(story_id, Member(articles[i], extractions[i], signal, position))
            grown.add(story_id)
        revise_grown(index, grown, replayed, splits=split, moves=moves, merges=merge)
        index.take_touched()
    return replayed.story


def stored_stories(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT article, story FROM story_members").fetchall())


def score(docs: dict[str, Document], story: dict[str, str], split: str) -> dict[str, float]:
    chosen = sorted(a for a, d in docs.items() if split == "all" or split_of(d.topic) == split)
    gold = [docs[a].event for a in chosen]
    predicted = [story[a] for a in chosen]
    p, r, f = bcubed(gold, predicted)
    return {
        "documents": len(chosen),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "stories": len(set(predicted)),
        "gold_events": len(set(gold)),
    }


def per_topic(docs: dict[str, Document], story: dict[str, str]) -> dict[int, tuple[int, int]]:
    """Topic -> (stories its documents fall in, stories shared with another topic's docs)."""
    topics_of: dict[str, set[int]] = {}
    for a, d in docs.items():
        topics_of.setdefault(story[a], set()).add(d.topic)
    found: dict[int, tuple[int, int]] = {}
    for t in sorted({d.topic for d in docs.values()}):
        own = {story[a] for a, d in docs.items() if d.topic == t}
        found[t] = (len(own), sum(1 for s in own if len(topics_of[s]) > 1))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", help='"36-45", "1,3,41", "train", "dev", "test" (default all)')
    parser.add_argument("--limit", type=int, help="only the first N chosen topics")
    parser.add_argument("--store", type=Path, help="keep the store here (must not exist)")
    parser.add_argument("--recluster", action="store_true", help="replay an existing --store")
    parser.add_argument(
        "--before", type=Path, action="append", default=[], help="ingest these files first"
    )
    parser.add_argument(
        "--no-split", action="store_true", help="replay without revising (splitting) stories"
    )
    parser.add_argument(
        "--no-merge", action="store_true", help="replay without merging stories of one event"
    )
    parser.add_argument(
        "--no-move", action="store_true", help="replay without moving misplaced reports"
    )
    parser.add_argument("--verbose", action="store_true", help="stories per topic")
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ folder under {args.data}; pass --data (see ../shared/data/README.md)")
    dirs = {int(p.name): p for p in topic_dirs(args.data)}
    topics = parse_topics(args.topics, sorted(dirs))[: args.limit]
    documents = [d for t in topics for d in read_topic(dirs[t])]
    started = time.perf_counter()
    if args.recluster:
        if args.store is None or not args.store.exists():
            sys.exit("--recluster needs the --store of an earlier run")
        with Store(args.store, read_only=True) as store:
            docs = stored_documents(store, documents)
            story = recluster(
                store, split=not args.no_split, merge=not args.no_merge, moves=not args.no_move
            )
            earlier = [a for a in story if a not in docs]
    else:
        if args.store is not None and args.store.exists():
            sys.exit(f"{args.store} exists; pass a new --store path (or --recluster)")
        with tempfile.TemporaryDirectory() as tmp:
            path = args.store or Path(tmp) / "stream.duckdb"
            with Store(path) as store:
                docs, earlier = ingest(documents, store, Path(tmp) / "docs", args.before)
                story = stored_stories(store)
    seconds = time.perf_counter() - started
    splits = sorted({split_of(d.topic) for d in docs.values()})
    metrics = {s: score(docs, story, s) for s in ["all", *splits]}
    if len(docs) < len(documents):
        print(f"{len(documents) - len(docs)} documents share another's text (counted once)")
    for name, m in metrics.items():
        print(
            f"{name:6s} docs {m['documents']:4d}  B-cubed P {m['precision']:.3f} "
            f"R {m['recall']:.3f} F1 {m['f1']:.3f}  stories {m['stories']} "
            f"vs gold {m['gold_events']}"
        )
    topic_counts = per_topic(docs, story)
    if args.verbose:
        for t, (n, shared) in topic_counts.items():
            print(f"topic {t:2d} ({split_of(t)}): {n} stories, {shared} shared with other topics")
    if earlier:
        shared = sum(1 for a in docs if story[a] in {story[e] for e in earlier})
        print(
            f"{len(earlier)} articles ingested first: {len({story[e] for e in earlier})} "
            f"stories, shared with {shared} ECB+ documents"
        )
    sizes = Counter(story[a] for a in docs)
    print(f"{len(docs)} documents, {len(sizes)} stories, {seconds:.0f} s")
    print(
        json.dumps(
            {
                "set": "ecbplus-stream",
                "split": args.topics or "all",
                "metrics": {
                    **metrics,
                    "topic_stories": {str(t): n for t, (n, _) in topic_counts.items()},
                    "recluster": args.recluster,
                    "before_stories": len({story[e] for e in earlier}),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
