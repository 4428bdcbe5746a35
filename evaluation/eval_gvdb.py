"""Score per-article killed and injured counts on the Gun Violence Database (GVDB).

Reads a GVDB split (default ``../shared/data/gvdb/dev.tsv``, 400 US local news articles; a
TSV with the columns ``Full text`` and ``Json``). Gold counts are derived from the crowd
annotation in ``Json``: the number of victims whose ``victim-was`` list contains "killed", and
the number whose list contains "injured" or "hospitalized" but not "killed" (the data set has
no annotated number; README caveat: one annotator, victim lists can be incomplete for mass
shootings).

Prediction: accord's own :func:`accord.article_incident` on the article — killed is its
"killed" toll, injured its "wounded" toll. This script holds no counting rule of its own.

Prints exact-match accuracy and mean absolute error for both counts, beside two baselines
(always 0; always the most frequent gold count), and ends with one JSON line.

Run ``python evaluation/eval_gvdb.py [--data PATH] [--limit N]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from accord.extract import extract_blocks
from accord.incidents import article_incident
from accord.model import Article
from accord.nlp import parse_blocks

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "gvdb" / "dev.tsv"
COUNTS = (("killed", "killed"), ("injured", "wounded"))  # gold name, accord measure


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
    for article, blocks in zip(articles, parse_blocks(articles), strict=True):
        incident = article_incident(article, extract_blocks(article, blocks), blocks)
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
        "exact": round(exact(pred), 3),
        "mae": round(mae(pred), 3),
        "zero_exact": round(exact(zero), 3),
        "zero_mae": round(mae(zero), 3),
        "constant": mode,
        "constant_exact": round(exact(constant), 3),
        "constant_mae": round(mae(constant), 3),
    }


def read_rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV, help="a GVDB split (.tsv)")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data} is absent: the data set lives beside the checkout", file=sys.stderr)
        return 1
    rows = read_rows(args.data, args.limit)
    gold = [gold_counts(r["Json"]) for r in rows]
    pred = predict([r["Full text"] for r in rows])
    metrics: dict[str, dict[str, float]] = {}
    print(f"GVDB {args.data.stem}: {len(rows)} articles")
    for name, _ in COUNTS:
        found = scores([g[name] for g in gold], [p[name] for p in pred])
        metrics[name] = found
        print(
            f"{name:<8} exact {found['exact']:.3f}  MAE {found['mae']:.3f}   "
            f"(always 0: exact {found['zero_exact']:.3f}, MAE {found['zero_mae']:.3f}; "
            f"always {found['constant']}: exact {found['constant_exact']:.3f}, "
            f"MAE {found['constant_mae']:.3f})"
        )
    print(json.dumps({"set": "gvdb", "split": args.data.stem, "metrics": metrics}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
