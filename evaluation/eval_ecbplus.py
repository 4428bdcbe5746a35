"""ECB+: split each topic's documents into its two seminal events with ``find_events``.

Gold: a topic's ``*ecb.xml`` documents report one event and its ``*ecbplus.xml`` documents
another of the same type (Cybulska & Vossen 2014). Each document is rebuilt as the plain-text
article a user would hand to accord (``ecbplus_text``), read by accord's text reader (title,
publication date from a dateline) and extracted (sentences, dates), so the anchors are the
ones ``accord.analyze`` builds. Prints B-cubed P/R/F1 and the mean per-topic adjusted Rand
index for a sweep of the merge threshold (``EVENT_LEAD_SIMILARITY`` marked), per split: tune
on train and dev, report test topics 36-45 apart. The whole-dossier scores (figure purity,
false conflicts) are in ``eval_ecbplus_dossier.py``; event-mention coreference in
``eval_ecbplus_coref.py``.

    .venv/bin/python evaluation/eval_ecbplus.py [--data ../shared/data/ecbplus] [--limit N]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from ecbplus_text import DEFAULT_DATA, Document, read_topic, split_of, topic_dirs

from accord.events import (
    EVENT_LEAD_SIMILARITY,
    Anchor,
    anchor_similarity,
    article_anchor,
    event_groups,
)
from accord.extract import extract_all
from accord.ingest.text import article_from_text
from accord.nlp import load_nlp

THRESHOLDS = (0.075, 0.1, 0.1125, 0.125, 0.15, 0.2)
SPLITS = ("train", "dev", "test")


def bcubed(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    g, p = np.array(gold), np.array(predicted)
    same_g, same_p = g[:, None] == g[None, :], p[:, None] == p[None, :]
    both = (same_g & same_p).sum(axis=1)
    precision = float(np.mean(both / same_p.sum(axis=1)))
    recall = float(np.mean(both / same_g.sum(axis=1)))
    return precision, recall, 2 * precision * recall / (precision + recall)


def adjusted_rand(gold: list[str], predicted: list[str]) -> float:
    """Hubert & Arabie (1985) ARI from the contingency table."""
    _, gi = np.unique(gold, return_inverse=True)
    _, pi = np.unique(predicted, return_inverse=True)
    table = np.zeros((gi.max() + 1, pi.max() + 1))
    np.add.at(table, (gi, pi), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / pairs(np.array([len(gold)]))
    top = (rows + cols) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


Prepared = list[tuple[int, np.ndarray, list[str]]]


def document_anchors(docs: list[Document], nlp: Any) -> list[Anchor]:
    """The anchors ``accord.analyze`` would build for these documents (cleaning aside)."""
    articles = [article_from_text(d.text, f"{d.name}.txt") for d in docs]
    return [article_anchor(a, e) for a, e in zip(articles, extract_all(articles, nlp), strict=True)]


def prepare(
    data: Path,
    limit: int | None = None,
    topics: Sequence[int] | None = None,
    nlp: Any = None,
) -> Prepared:
    """Each topic's number, pairwise anchor similarity and gold event labels (of the chosen
    ``topics`` only, when given)."""
    nlp = nlp if nlp is not None else load_nlp()
    prepared = []
    chosen = [t for t in topic_dirs(data) if topics is None or int(t.name) in topics]
    for topic_dir in chosen[:limit]:
        docs = read_topic(topic_dir)
        similarity = anchor_similarity(document_anchors(docs, nlp))
        prepared.append((int(topic_dir.name), similarity, [d.event for d in docs]))
    return prepared


def evaluate(prepared: Prepared, threshold: float) -> tuple[float, float, float, float]:
    """B-cubed P, R, F1 over all documents and the mean per-topic ARI."""
    gold_all: list[str] = []
    pred_all: list[str] = []
    aris = []
    for topic, similarity, gold in prepared:
        labels = [""] * len(gold)
        for k, group in enumerate(event_groups(similarity, threshold)):
            for i in group:
                labels[i] = f"{topic}/{k}"
        gold_all += gold
        pred_all += labels
        aris.append(adjusted_rand(gold, labels))
    return (*bcubed(gold_all, pred_all), float(np.mean(aris)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="score only the first N topics")
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        raise SystemExit(f"no ECB+ corpus under {args.data} (see ../shared/data/README.md)")
    prepared = prepare(args.data, args.limit)
    metrics = {}
    for split in SPLITS:
        part = [t for t in prepared if split_of(t[0]) == split]
        if not part:
            continue
        print(f"\n{split}: {sum(len(g) for *_, g in part)} documents in {len(part)} topics")
        print("| threshold | B3 P | B3 R | B3 F1 | mean topic ARI |")
        print("|---:|---:|---:|---:|---:|")
        for threshold in THRESHOLDS:
            p, r, f, ari = evaluate(part, threshold)
            mark = " (default)" if threshold == EVENT_LEAD_SIMILARITY else ""
            print(f"| {threshold}{mark} | {p:.3f} | {r:.3f} | {f:.3f} | {ari:.3f} |")
        p, r, f, ari = evaluate(part, EVENT_LEAD_SIMILARITY)
        metrics[split] = {
            "b3_precision": round(p, 4),
            "b3_recall": round(r, 4),
            "b3_f1": round(f, 4),
            "ari": round(ari, 4),
        }
    print(json.dumps({"set": "ecbplus", "split": "+".join(metrics), "metrics": metrics}))


if __name__ == "__main__":
    main()
