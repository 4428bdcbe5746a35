"""Score per-article killed and injured counts on the Gun Violence Database (GVDB).

Reads a GVDB split: ``--data`` is the folder holding ``dev.tsv`` / ``test.tsv`` (default
``../shared/data/gvdb``; dev is 400 US local news articles) or one such TSV, with the
columns ``Full text`` and ``Json``. Gold counts are derived from the crowd
annotation in ``Json``: the number of victims whose ``victim-was`` list contains "killed", and
the number whose list contains "injured" or "hospitalized" but not "killed" (the data set has
no annotated number; README caveat: one annotator, victim lists can be incomplete for mass
shootings).

Prediction: accord's own :func:`accord.article_incident` on the article — killed is its
"killed" toll, injured its "wounded" toll. This script holds no counting rule of its own.

Prints exact-match accuracy and mean absolute error for both counts, beside two baselines
(always 0; always the most frequent gold count), and ends with one JSON line.

Run ``python evaluation/eval_gvdb.py [--data PATH] [--split dev] [--limit N]``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import common

from accord.extract import extract_blocks
from accord.incidents import article_incident
from accord.model import Article
from accord.nlp import load_nlp, parse_blocks
from accord.vocab import Measure

DEFAULT_DATA = common.SHARED_DATA / "gvdb"
SPLITS = ("dev", "test")
COUNTS = (("killed", Measure.KILLED), ("injured", Measure.WOUNDED))  # gold name, accord measure


def gold_counts(annotation: str) -> dict[str, int]:
    data = json.loads(annotation)
    killed = injured = 0
    for victim in data.get("victim-section", []):
        was = {str(w).lower() for w in victim.get("victim-was", [])}
        if "killed" in was:
            killed += 1
        elif was & {"injured", "hospitalized"}:
            injured += 1
    return {"killed": killed, "injured": injured}


def predict(texts: list[str]) -> list[dict[str, int]]:
    """accord's tolls for each article text (parsed once, in batches)."""
    articles = [Article.create(source="gvdb", original=text) for text in texts]
    predictions = []
    for article, blocks in zip(articles, parse_blocks(articles, load_nlp()), strict=True):
        incident = article_incident(article, extract_blocks(article, blocks))
        predictions.append({name: incident.count(measure) for name, measure in COUNTS})
    return predictions


def scores(gold: list[int], pred: list[int]) -> dict[str, float]:
    """Exact match and MAE of ``pred`` and of the always-0 and most-frequent baselines."""
    n = len(gold)
    mode = max(sorted(set(gold)), key=gold.count)

    def exact(p: list[int]) -> float:
        return sum(a == b for a, b in zip(gold, p, strict=True)) / n

    def mae(p: list[int]) -> float:
        return sum(abs(a - b) for a, b in zip(gold, p, strict=True)) / n

    zero, constant = [0] * n, [mode] * n
    return {
        "exact": exact(pred),
        "mae": mae(pred),
        "zero_exact": exact(zero),
        "zero_mae": mae(zero),
        "constant": mode,
        "constant_exact": exact(constant),
        "constant_mae": mae(constant),
    }


def read_rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))[:limit]


def split_file(data: Path, split: str) -> Path:
    """The TSV to score: ``data`` itself, or the split's file inside it."""
    return data if data.suffix == ".tsv" else data / f"{split}.tsv"


def main(argv: list[str] | None = None) -> int:
    args = common.parser(__doc__, DEFAULT_DATA, SPLITS, "dev", "articles").parse_args(argv)
    path = split_file(args.data, args.split)
    if not path.is_file():
        return common.absent(path, "GVDB split (.tsv)")
    rows = read_rows(path, args.limit)
    gold = [gold_counts(r["Json"]) for r in rows]
    pred = predict([r["Full text"] for r in rows])
    metrics: dict[str, float | int] = {"articles": len(rows)}
    print(f"GVDB {path.stem}: {len(rows)} articles")
    for name, _ in COUNTS:
        found = scores([g[name] for g in gold], [p[name] for p in pred])
        metrics |= {f"{name}_{key}": value for key, value in found.items()}
        print(
            f"{name:<8} exact {found['exact']:.3f}  MAE {found['mae']:.3f}   "
            f"(always 0: exact {found['zero_exact']:.3f}, MAE {found['zero_mae']:.3f}; "
            f"always {found['constant']}: exact {found['constant_exact']:.3f}, "
            f"MAE {found['constant_mae']:.3f})"
        )
    common.emit("gvdb", path.stem, metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
