"""ClaimDiff: does our claim alignment see what annotators saw?

Each pair is two claims from two outlets on one topic. We make one article per claim, run
extraction, put both in one event, reconcile their figures and call
:func:`accord.align.align_claims`, as the pipeline does:

* ``weakens`` (ClaimDiff-W, relation 1) is predicted when the two claims contradict;
* ``strengthens`` (ClaimDiff-S, relation 1) is predicted when they are aligned as one claim.

Prints P/R/F1 on relation 1 and the positive rate. The labels are subtler than our detector
(ClaimDiff's "weaken" is mostly nuance and omission, not negation or a different number), so
this is a weak, honest baseline rather than a target.

Then a diagnosis of "weakens": how similar the pairs are (accord only looks for a
contradiction between sentences that align as one claim), and general cues one could add
to the contradiction rule, each scored with no similarity gate on two halves of the topics
(split by a hash of the topic name; a cue worth adding must beat the all-positive baseline
on both halves). ``--show`` prints the pairs our detector flags.

``--data`` is the release folder (``ClaimDiff-W/ClaimDiff-weak-<split>.json`` and
``ClaimDiff-S/ClaimDiff-strength-<split>.json``; ``--split`` is ``train``, ``test`` or
``test-full``) or one of those files (its relation read from its name). ``--limit N`` scores
the first N pairs of each relation.

    .venv/bin/python evaluation/eval_claimdiff.py [--data ../shared/data/claimdiff]
        [--split train] [--limit N] [--show]
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import common
import numpy as np

from accord.align import (
    CLAIM_SIMILARITY,
    CONTRADICTION_SIMILARITY,
    align_claims,
    claim_units,
    content_words,
    negated,
    numbers_clash,
    opposition,
    words,
)
from accord.extract import extract_all
from accord.model import Article, Event, Extraction
from accord.reconcile import reconcile_figures

if TYPE_CHECKING:
    from accord.nlp import Models

DEFAULT_DATA = common.SHARED_DATA / "claimdiff"
SPLITS = ("train", "test", "test-full")
# relation -> the release's file for a split
FILES = {
    "weakens": "ClaimDiff-W/ClaimDiff-weak-{split}.json",
    "strengthens": "ClaimDiff-S/ClaimDiff-strength-{split}.json",
}
# Epistemic hedges and attributive distancing (Hyland 1998, "Hedging in scientific research
# articles"; Saurí & Pustejovsky 2009, FactBank): a probe for "B states A less certainly".
HEDGES = frozenset(
    {
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "allegedly",
        "reportedly",
        "apparently",
        "likely",
        "unlikely",
        "suggest",
        "suggests",
        "suggested",
        "claim",
        "claims",
        "claimed",
        "alleged",
        "unclear",
        "uncertain",
        "seems",
        "seemed",
        "appears",
        "appeared",
    }
)


def scores(gold: list[int], predicted: list[int]) -> tuple[float, float, float]:
    g, p = np.array(gold, dtype=bool), np.array(predicted, dtype=bool)
    tp = float((g & p).sum())
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / g.sum() if g.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def half_of(row: dict[str, Any]) -> int:
    """The topic half of a pair (a hash of its topic name): what is chosen reading one half's
    errors is checked on the other."""
    return zlib.crc32(str(row["topic"]).encode()) % 2


def relation_files(data: Path, split: str) -> dict[str, Path]:
    """relation -> file: both of ``split`` in a release folder, or the one file given."""
    if data.is_file():
        relation = "weakens" if "weak" in data.name else "strengthens"
        return {relation: data}
    return {name: data / path.format(split=split) for name, path in FILES.items()}


@dataclass(frozen=True)
class Prepared:
    """The claims of the pairs as articles, their extractions and sentence vectors."""

    articles: dict[str, Article]
    extractions: dict[str, Extraction]
    cache: dict[str, np.ndarray]

    def embed(self, batch: list[str]) -> np.ndarray:
        return np.stack([self.cache[t] for t in batch]) if batch else np.zeros((0, 384))


def prepare(pairs: dict[str, list[dict[str, Any]]], models: Models) -> Prepared:
    texts = sorted({p[k] for rows in pairs.values() for p in rows for k in ("claim_a", "claim_b")})
    articles = {t: Article.create("claimdiff", t) for t in texts}
    extractions = {e.article: e for e in extract_all(list(articles.values()), models.nlp)}
    sentences = sorted({s.text for e in extractions.values() for s in e.sentences})
    return Prepared(
        articles, extractions, dict(zip(sentences, models.embed(sentences), strict=True))
    )


def predict(name: str, rows: list[dict[str, Any]], prepared: Prepared) -> list[int]:
    """1 where accord finds the relation: a contradiction ("weakens") or one claim."""
    predicted = []
    for row in rows:
        a, b = prepared.articles[row["claim_a"]], prepared.articles[row["claim_b"]]
        extractions = [prepared.extractions[a.id], prepared.extractions[b.id]]
        events = [Event("e", "pair", None, (a.id, b.id))]
        # as the pipeline runs: figures reconciled first, so numbers contradict where they
        # conflict
        claims = align_claims(
            [a, b],
            extractions,
            events,
            embedder=prepared.embed,
            figures=reconcile_figures([a, b], extractions, events),
        )
        if name == "weakens":
            hit = any(c.contradicts for c in claims)
        else:
            hit = any(len({m.article for m in c.mentions}) == 2 for c in claims)
        predicted.append(int(hit))
    return predicted


def main() -> int:
    parser = common.parser(__doc__, DEFAULT_DATA, SPLITS, "train", "pairs of each relation")
    parser.add_argument("--show", action="store_true", help="print the flagged pairs")
    args = parser.parse_args()
    files = relation_files(args.data, args.split)
    for path in files.values():
        if not path.is_file():
            return common.absent(path, f"ClaimDiff {args.split} file")
    from accord.nlp import Models

    pairs = {
        name: json.loads(path.read_text("utf-8"))["data"][: args.limit]
        for name, path in files.items()
    }
    prepared = prepare(pairs, Models.load())
    print(f"ClaimDiff {args.split}: {len(prepared.articles)} distinct claims")
    print("| relation | pairs | positives | predicted | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    flagged: list[int] = []
    metrics: dict[str, float | int] = {}
    for name, rows in pairs.items():
        gold = [int(row["relation"]) for row in rows]
        predicted = predict(name, rows, prepared)
        p, r, f = scores(gold, predicted)
        print(
            f"| {name} | {len(rows)} | {sum(gold)} | {sum(predicted)} | {p:.3f} | {r:.3f} "
            f"| {f:.3f} |"
        )
        for half in (0, 1):
            m = [half_of(row) == half for row in rows]
            hp, hr, hf = scores(
                [g for g, k in zip(gold, m, strict=True) if k],
                [x for x, k in zip(predicted, m, strict=True) if k],
            )
            print(f"| {name}, topic half {half} | {sum(m)} | | | {hp:.3f} | {hr:.3f} | {hf:.3f} |")
        if name == "weakens":
            flagged = predicted
        metrics |= {f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f, f"{name}_pairs": len(rows)}
    if "weakens" in pairs:
        diagnose(
            pairs["weakens"],
            flagged,
            prepared.articles,
            prepared.extractions,
            prepared.cache,
            args.show,
        )
    common.emit("claimdiff", args.split, metrics)
    return 0


def diagnose(
    rows: list[dict[str, object]],
    flagged: list[int],
    articles: dict[str, Article],
    extractions: dict[str, Extraction],
    cache: dict[str, np.ndarray],
    show: bool,
) -> None:
    """Why "weakens" is missed: pair similarity, and general cues on two topic halves."""
    gold = np.array([int(str(r["relation"])) for r in rows])
    halves = np.array([half_of(r) for r in rows])

    def pair(row: dict[str, object]) -> tuple[Extraction, Extraction]:
        return (
            extractions[articles[str(row["claim_a"])].id],
            extractions[articles[str(row["claim_b"])].id],
        )

    def similarity(row: dict[str, object]) -> float:
        ea, eb = pair(row)
        return max(
            (float(cache[x.text] @ cache[y.text]) for x in ea.sentences for y in eb.sentences),
            default=0.0,
        )

    sims = np.array([similarity(r) for r in rows])
    print("\nweakens: best sentence-pair cosine of each claim pair")
    print(
        f"| pairs | mean cosine | cosine >= {CLAIM_SIMILARITY} "
        f"| cosine >= {CONTRADICTION_SIMILARITY} |"
    )
    print("|---|---:|---:|---:|")
    for label, mask in (("positives", gold == 1), ("negatives", gold == 0)):
        print(
            f"| {label} ({mask.sum()}) | {sims[mask].mean():.3f} "
            f"| {(sims[mask] >= CLAIM_SIMILARITY).sum()} "
            f"| {(sims[mask] >= CONTRADICTION_SIMILARITY).sum()} |"
        )

    def text(row: dict[str, object], key: str) -> str:
        return str(row[key])

    def negation(row: dict[str, object]) -> bool:
        a, b = text(row, "claim_a"), text(row, "claim_b")
        return negated(a, content_words(b)) != negated(b, content_words(a))

    def figures(row: dict[str, object]) -> bool:
        ea, eb = pair(row)
        units_a, units_b = claim_units([ea], []), claim_units([eb], [])
        return any(numbers_clash(x, y) for x in units_a for y in units_b)

    def hedging(row: dict[str, object]) -> bool:
        a, b = set(words(text(row, "claim_a"))), set(words(text(row, "claim_b")))
        return bool(a & HEDGES) != bool(b & HEDGES)

    cues: dict[str, Callable[[dict[str, object]], bool]] = {
        "all positive (floor)": lambda row: True,
        "negation mismatch, NegEx-scoped": negation,
        "negation mismatch, any cue": lambda row: (
            negated(text(row, "claim_a")) != negated(text(row, "claim_b"))
        ),
        "opposition (negation, antonym, denial, correction)": lambda row: (
            opposition(text(row, "claim_a"), text(row, "claim_b")) is not None
        ),
        "incompatible figures": figures,
        "hedge / modality change": hedging,
    }
    print("\nweakens: cues without the similarity gate, P / R / F1 on each topic half")
    print("| cue | half 0 flagged | half 0 P | R | F1 | half 1 flagged | half 1 P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    cue_rows = [("accord `contradicts` (as shipped)", np.array(flagged, dtype=bool))]
    cue_rows += [(name, np.array([cue(r) for r in rows], dtype=bool)) for name, cue in cues.items()]
    for name, hit in cue_rows:
        cells = []
        for half in (0, 1):
            m = halves == half
            p, r, f = scores(gold[m].tolist(), hit[m].astype(int).tolist())
            cells.append(f"{int(hit[m].sum())} | {p:.3f} | {r:.3f} | {f:.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if show:
        print("\npairs our detector flags as contradicting:")
        for row, flag, sim in zip(rows, flagged, sims, strict=True):
            if flag:
                print(f"- relation {row['relation']}, cosine {sim:.2f}")
                print(f"  A: {row['claim_a']}")
                print(f"  B: {row['claim_b']}")


if __name__ == "__main__":
    raise SystemExit(main())
