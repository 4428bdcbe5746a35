"""Which 2+-source statements of one run another run no longer shows as one statement.

Both files come from ``eval_ecbplus_dossier.py --statements FILE`` on the same topics (say,
an earlier commit's run and today's). A statement of the earlier run is **kept** when one
2+-source statement of the later run holds renderings of it from at least two of its
documents (a rendering is held when the later one's span overlaps it in the same document);
otherwise it is **lost**: its outlets' words now sit under two statements, under one outlet
alone, or under none. The looser count of earlier rounds (``lost_any_overlap``) calls a
statement lost only when none of its renderings overlaps any 2+-source statement's. Each lost
statement is printed with where its renderings went, to be read; the last line is JSON.

    python evaluation/statements_lost.py BEFORE.json AFTER.json [--rows]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

Rendering = tuple[str, int, int]  # document, start, end


def _renderings(statement: dict[str, Any]) -> list[Rendering]:
    return [(doc, int(start), int(end)) for doc, start, end in statement["renderings"]]


def _overlaps(a: Rendering, b: Rendering) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def documents_held(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The documents whose rendering of ``before`` the statement ``after`` holds."""
    theirs = _renderings(after)
    return {r[0] for r in _renderings(before) if any(_overlaps(r, t) for t in theirs)}


def lost_statements(
    before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]
) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(topic, earlier statement, later statements holding any of its renderings) per loss."""
    lost = []
    for topic, statements in before.items():
        now = after.get(topic, [])
        for statement in statements:
            holders = [s for s in now if documents_held(statement, s)]
            if not any(len(documents_held(statement, s)) >= 2 for s in holders):
                lost.append((topic, statement, holders))
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rows", action="store_true", help="print each lost statement")
    args = parser.parse_args()
    before = json.loads(args.before.read_text())
    after = json.loads(args.after.read_text())
    topics = sorted(set(before) & set(after), key=int)
    before = {t: before[t] for t in topics}
    lost = lost_statements(before, after)
    if args.rows:
        for topic, statement, holders in lost:
            print(f"topic {topic}: {statement['speaker']!r}: {statement['text'][:90]!r}")
            for holder in holders:
                print(f"   now {holder['speaker']!r}: {holder['text'][:70]!r}")
    shared = sum(len(s) for s in before.values())
    loose = sum(1 for _, _, holders in lost if not holders)
    print(
        json.dumps(
            {
                "topics": len(topics),
                "shared_before": shared,
                "lost": len(lost),
                "lost_any_overlap": loose,
            }
        )
    )


if __name__ == "__main__":
    main()
