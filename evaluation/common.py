"""What every evaluation script shares: its options and its closing JSON line.

Each script takes ``--data PATH`` (a folder or file in the data set's own layout, so a fresh
release or another split is scored without editing the script), ``--split`` (the data set's
own split names) and ``--limit N``, prints its tables for people, and ends with one JSON
object ``{"set": ..., "split": ..., "metrics": {...}}`` for machines (``make evaluate``,
docs/accuracy.md). This module is a helper, not a script: its name must not start with
``eval_`` (``make evaluate`` runs every ``evaluation/eval_*.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ALL = "all"  # the split name for "every split the data holds"
DIGITS = 4  # metrics are rounded in the JSON line; the tables print three


def parser(
    doc: str | None, data: Path, splits: Sequence[str], split: str, unit: str
) -> argparse.ArgumentParser:
    """The shared options; ``unit`` names what ``--limit`` counts ("documents", ...)."""
    options = argparse.ArgumentParser(
        description=doc.strip().splitlines()[0] if doc else None,
        epilog=f"Example: python evaluation/%(prog)s --data {data} --split {split} --limit 20",
    )
    options.add_argument(
        "--data",
        type=Path,
        default=data,
        help=f"the data set, a folder or a file in its own layout (default {data})",
    )
    options.add_argument(
        "--split",
        choices=list(splits),
        default=split,
        help=f"which split to score (default {split})",
    )
    options.add_argument("--limit", type=int, default=None, help=f"score only the first N {unit}")
    return options


def absent(path: Path, what: str) -> int:
    """Say on stderr that the data is missing and where it belongs; the exit status 1."""
    print(f"{path}: no {what} there (the data sets live in {SHARED_DATA})", file=sys.stderr)
    return 1


def result_line(set_name: str, split: str, metrics: Mapping[str, float | int]) -> str:
    """``{"set": ..., "split": ..., "metrics": {...}}`` as one line, floats rounded."""
    rounded = {
        name: round(value, DIGITS) if isinstance(value, float) else value
        for name, value in metrics.items()
    }
    return json.dumps({"set": set_name, "split": split, "metrics": rounded}, ensure_ascii=False)


def emit(set_name: str, split: str, metrics: Mapping[str, float | int]) -> None:
    """Print the closing JSON line (the last line a script writes to stdout)."""
    print(result_line(set_name, split, metrics), flush=True)
