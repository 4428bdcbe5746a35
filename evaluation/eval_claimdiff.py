"""ClaimDiff (train splits): does our claim alignment see what annotators saw?

Each pair is two claims from two outlets on one topic. We make one article per claim, run
extraction, put both in one event and call :func:`accord.align.align_claims`:

* ``weakens`` (ClaimDiff-W, relation 1) is predicted when the two claims contradict;
* ``strengthens`` (ClaimDiff-S, relation 1) is predicted when they are aligned as one claim.

Prints P/R/F1 on relation 1 and the positive rate. The labels are subtler than our detector
(ClaimDiff's "weaken" is mostly nuance and omission, not negation or a different number), so
this is a weak, honest baseline rather than a target.

    .venv/bin/python evaluation/eval_claimdiff.py [--data ../shared/data/claimdiff]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from accord.align import align_claims
from accord.extract import extract_all
from accord.model import Article, Event, Extraction

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "claimdiff"
SPLITS = {
    "weakens": "ClaimDiff-W/ClaimDiff-weak-train.json",
    "strengthens": "ClaimDiff-S/ClaimDiff-strength-train.json",
}


def scores(gold: list[int], predicted: list[int]) -> tuple[float, float, float]:
    g, p = np.array(gold, dtype=bool), np.array(predicted, dtype=bool)
    tp = float((g & p).sum())
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / g.sum() if g.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    from accord.nlp import embed

    pairs = {
        name: json.loads((args.data / path).read_text("utf-8"))["data"]
        for name, path in SPLITS.items()
    }
    texts = sorted({p[k] for rows in pairs.values() for p in rows for k in ("claim_a", "claim_b")})
    articles = {t: Article.create("claimdiff", t) for t in texts}
    extractions: dict[str, Extraction] = {
        e.article: e for e in extract_all(list(articles.values()))
    }
    sentences = sorted({s.text for e in extractions.values() for s in e.sentences})
    cache = dict(zip(sentences, embed(sentences), strict=True))

    def cached(batch: list[str]) -> np.ndarray:
        return np.stack([cache[t] for t in batch]) if batch else np.zeros((0, 384))

    print(f"ClaimDiff train: {len(texts)} distinct claims")
    print("| relation | pairs | positives | predicted | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, rows in pairs.items():
        gold, predicted = [], []
        for row in rows:
            a, b = articles[row["claim_a"]], articles[row["claim_b"]]
            claims = align_claims(
                [a, b],
                [extractions[a.id], extractions[b.id]],
                [Event("e", "pair", None, (a.id, b.id))],
                embedder=cached,
            )
            if name == "weakens":
                hit = any(c.contradicts for c in claims)
            else:
                hit = any(len({m.article for m in c.mentions}) == 2 for c in claims)
            gold.append(int(row["relation"]))
            predicted.append(int(hit))
        p, r, f = scores(gold, predicted)
        print(
            f"| {name} | {len(rows)} | {sum(gold)} | {sum(predicted)} | {p:.3f} | {r:.3f} "
            f"| {f:.3f} |"
        )


if __name__ == "__main__":
    main()
