"""GVDB as a stream: ``accord ingest`` of a split's articles into one store, stories vs incidents.

Each article of a GVDB split (``--data``: the folder holding ``dev.tsv`` / ``test.tsv``, or
one such TSV) becomes one JSON Lines record: ``text`` is the ``Full text`` column as it is
(the page title is often glued onto its first sentence: real scraper noise), ``title`` the
``Article title``, ``url`` the ``Article url``. GVDB gives no publication date, so
``published`` is the incident date of the annotation (``date-and-time.date``): local news
reports a shooting the day it happens or the next. The records are written in that date's
order (ties in file order), read by accord's JSON Lines reader and ingested into a fresh
store with the library ``accord ingest`` uses (:func:`accord.distributed.ingest_articles`,
local stream, the default batch size). Stories are read back from the store.

Gold incidents come from the crowd annotation alone (one annotator per article; the script
holds no clustering rule of its own): two articles report one incident when their
annotations

* name one victim or shooter: a name of two or more words, the same first and last word
  ("Syed Farook" is "Syed Rizwan Farook"), case and punctuation aside; or
* put the incident in the same city within one day of each other and both list a victim of
  the same age (its number: "24-year-old" is 24) and gender,

closed transitively. Any other article is its own incident.

Prints B-cubed P/R/F1 (Bagga & Baldwin 1998) of the stories against those incidents beside
the two trivial answers (every article alone; one story for all), the gold incidents of more
than one article, and the stories that join articles of different incidents; ends with one
JSON line. ``--store PATH`` keeps the store; ``--recluster`` reads an existing ``--store`` and
replays only the story assignment over its stored records (``eval_ecbplus_stream.recluster``),
in seconds, to try a clustering change without ingesting again.

    .venv/bin/python evaluation/eval_gvdb_stream.py [--data PATH] [--split dev] [--limit N]
    .venv/bin/python evaluation/eval_gvdb_stream.py --store /tmp/gvdb.duckdb   # then:
    .venv/bin/python evaluation/eval_gvdb_stream.py --store /tmp/gvdb.duckdb --recluster
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import common
from eval_ecbplus import bcubed
from eval_gvdb import DEFAULT_DATA, SPLITS, read_rows, split_file

# The incident dates of two reports of one shooting differ by at most this (annotators date
# it from the article, which may say "late Friday" or "early Saturday").
SAME_INCIDENT_DAYS = 1
MIN_NAME_WORDS = 2  # a first name alone ("Maria") is no identity


@dataclass(frozen=True)
class Incident:
    """What the annotation of one article says of its incident."""

    city: str
    day: date | None
    names: frozenset[tuple[str, str]]  # first and last word of each name
    victims: frozenset[tuple[str, str]]  # (age, gender) of victims whose age is given


def _value(field: Any) -> str:
    """An annotation field's text: span fields are objects with a ``value``."""
    text = field.get("value", "") if isinstance(field, dict) else field
    return " ".join(str(text or "").lower().split())


def _name(text: str) -> tuple[str, str] | None:
    words = re.findall(r"[^\W\d_]+", text)
    return (words[0], words[-1]) if len(words) >= MIN_NAME_WORDS else None


def _age(text: str) -> str:
    found = re.search(r"\d+", text)
    return found.group() if found else ""


def incident_of(annotation: str) -> Incident:
    data = json.loads(annotation)
    when = data.get("date-and-time", {})
    try:
        day: date | None = date.fromisoformat(str(when.get("date", "")))
    except ValueError:
        day = None
    people = [*data.get("victim-section", []), *data.get("shooter-section", [])]
    names = {_name(_value(p.get("name"))) for p in people}
    victims = {
        (_age(_value(v.get("age"))), _value(v.get("gender")))
        for v in data.get("victim-section", [])
    }
    return Incident(
        city=_value(when.get("city")),
        day=day,
        names=frozenset(n for n in names if n is not None),
        victims=frozenset(v for v in victims if v[0]),
    )


def same_incident(a: Incident, b: Incident) -> bool:
    """The gold rule of the module docstring for one pair of annotations."""
    if a.names & b.names:
        return True
    if not a.city or a.city != b.city or a.day is None or b.day is None:
        return False
    near = abs(a.day - b.day) <= timedelta(days=SAME_INCIDENT_DAYS)
    return near and bool(a.victims & b.victims)


def gold_incidents(incidents: list[Incident]) -> list[int]:
    """Incident label of each article: the pairs of ``same_incident``, closed transitively."""
    parent = list(range(len(incidents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(incidents)), 2):
        if same_incident(incidents[i], incidents[j]):
            parent[root(i)] = root(j)
    return [root(i) for i in range(len(incidents))]


def write_records(rows: list[dict[str, str]], incidents: list[Incident], path: Path) -> list[int]:
    """The rows as JSON Lines records in stream order; returns the row of each line."""
    order = sorted(range(len(rows)), key=lambda i: (incidents[i].day or date.max, i))
    with path.open("w", encoding="utf-8") as handle:
        for i in order:
            record = {
                "text": rows[i]["Full text"],
                "title": rows[i]["Article title"],
                "url": rows[i]["Article url"],
            }
            if incidents[i].day is not None:
                record["published"] = incidents[i].day.isoformat()
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return order


def _line(source: str) -> int:
    """A record's source is "<file>:<line>", lines counted from 1."""
    return int(source.rsplit(":", 1)[1]) - 1


def ingest_stories(
    rows: list[dict[str, str]], incidents: list[Incident], keep: Path | None = None
) -> dict[int, str]:
    """Row -> story of every article accord ingested (a duplicate text counts once); the
    store is kept at ``keep`` when given."""
    from accord.distributed import ingest_articles, local_batches
    from accord.ingest import read_paths
    from accord.nlp import Models
    from accord.store import Store

    models = Models.load()
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "gvdb.jsonl"
        order = write_records(rows, incidents, records)
        articles = read_paths([records]).articles
        row_of = {a.id: order[_line(a.source)] for a in articles}
        with Store(keep or Path(tmp) / "stream.duckdb") as store:
            ingest_articles(store, articles, local_batches(models), models.embedder)
            members = store.con.execute("SELECT article, story FROM story_members").fetchall()
    return {row_of[a]: story for a, story in members if a in row_of}


def replay_stories(
    rows: list[dict[str, str]], incidents: list[Incident], path: Path
) -> dict[int, str]:
    """Row -> story when the story assignment is replayed over a kept store."""
    from eval_ecbplus_stream import recluster

    from accord.store import Store

    order = sorted(range(len(rows)), key=lambda i: (incidents[i].day or date.max, i))
    with Store(path, read_only=True) as store:
        sources = dict(store.con.execute("SELECT id, source FROM articles").fetchall())
        story = recluster(store)
    return {order[_line(sources[a])]: s for a, s in story.items() if _line(sources[a]) < len(order)}


def mixed_stories(
    story: dict[int, str], gold: list[int], rows: list[dict[str, str]]
) -> list[list[str]]:
    """Article ids of each story that holds more than one gold incident."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, s in sorted(story.items()):
        members[s].append(i)
    return [
        [rows[i]["Article id"] for i in held]
        for held in members.values()
        if len({gold[i] for i in held}) > 1
    ]


def main(argv: list[str] | None = None) -> int:
    options = common.parser(__doc__, DEFAULT_DATA, SPLITS, "dev", "articles")
    options.add_argument("--store", type=Path, help="keep the store here (must not exist)")
    options.add_argument("--recluster", action="store_true", help="replay an existing --store")
    args = options.parse_args(argv)
    path = split_file(args.data, args.split)
    if not path.is_file():
        return common.absent(path, "GVDB split (.tsv)")
    rows = read_rows(path, args.limit)
    incidents = [incident_of(r["Json"]) for r in rows]
    gold_all = gold_incidents(incidents)
    started = time.perf_counter()
    if args.recluster:
        if args.store is None or not args.store.exists():
            print("--recluster needs the --store of an earlier run", file=sys.stderr)
            return 1
        story = replay_stories(rows, incidents, args.store)
    elif args.store is not None and args.store.exists():
        print(f"{args.store} exists; pass a new --store path (or --recluster)", file=sys.stderr)
        return 1
    else:
        story = ingest_stories(rows, incidents, args.store)
    seconds = time.perf_counter() - started
    chosen = sorted(story)
    gold = [gold_all[i] for i in chosen]
    p, r, f = bcubed(gold, [story[i] for i in chosen])
    _, alone_r, alone_f = bcubed(gold, [str(i) for i in chosen])
    one_p, _, one_f = bcubed(gold, ["all"] * len(chosen))
    groups: dict[int, list[str]] = defaultdict(list)
    for i in chosen:
        groups[gold_all[i]].append(rows[i]["Article id"])
    shared = [g for g in groups.values() if len(g) > 1]
    mixed = mixed_stories(story, gold_all, rows)
    print(f"GVDB {path.stem} as a stream: {len(chosen)} articles, {len(groups)} gold incidents")
    print(f"stories       B-cubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(set(story.values()))})")
    print(f"every alone   B-cubed P 1.000  R {alone_r:.3f}  F1 {alone_f:.3f}")
    print(f"one story     B-cubed P {one_p:.3f}  R 1.000  F1 {one_f:.3f}")
    print(f"gold incidents of 2+ articles ({len(shared)}): {shared}")
    print(f"stories joining incidents ({len(mixed)}): {mixed}")
    print(f"{seconds:.0f} s")
    metrics: dict[str, float | int] = {
        "articles": len(chosen),
        "gold_incidents": len(groups),
        "stories": len(set(story.values())),
        "precision": p,
        "recall": r,
        "f1": f,
        "alone_f1": alone_f,
        "mixed_stories": len(mixed),
    }
    common.emit("gvdb-stream", path.stem, metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
