"""ECB+: split each topic's documents into its two seminal events with ``find_events``.

Gold: a topic's ``*ecb.xml`` documents report one event and its ``*ecbplus.xml`` documents
another of the same type (Cybulska & Vossen 2014). The documents carry no publication date,
so this scores the lead-embedding half of event finding alone (dates only cannot-link).
Prints B-cubed P/R/F1 over all documents and the mean per-topic adjusted Rand index, for a
sweep of the merge threshold (the constant ``EVENT_LEAD_SIMILARITY`` is marked).
Cross-document event-mention coreference (CoNLL F1 vs the same-lemma baseline) is in
``eval_ecbplus_coref.py``.

    .venv/bin/python evaluation/eval_ecbplus.py [--data ../shared/data/ecbplus]
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np

from accord.events import EVENT_LEAD_SIMILARITY, Anchor, article_anchor, cluster_anchors
from accord.model import Article, Extraction, Span

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def read_document(path: Path) -> tuple[Article, Extraction]:
    """Tokens joined by spaces, one sentence a line; sentence spans into that text."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    lines = [" ".join(sentences[k]) for k in sorted(sentences)]
    text = "\n".join(lines)
    article = Article.create(str(path), text, title="")
    spans, pos = [], 0
    for line in lines:
        if line.strip():
            spans.append(Span.of(article, pos, pos + len(line)))
        pos += len(line) + 1
    return article, Extraction(article.id, sentences=tuple(spans))


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


Prepared = list[tuple[str, list[Anchor], np.ndarray, list[str]]]


def prepare(data: Path) -> Prepared:
    """Each topic's anchors, lead embeddings and gold event labels."""
    from accord.nlp import embed

    topics = sorted((p for p in (data / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    prepared = []
    for topic in topics:
        docs = [read_document(p) for p in sorted(topic.glob("*.xml"))]
        anchors = [article_anchor(a, e) for a, e in docs]
        gold = [
            f"{topic.name}/{'plus' if 'ecbplus' in Path(a.source).name else 'ecb'}" for a, _ in docs
        ]
        prepared.append((topic.name, anchors, embed([x.lead for x in anchors]), gold))
    return prepared


def evaluate(prepared: Prepared, threshold: float) -> tuple[float, float, float, float]:
    """B-cubed P, R, F1 over all documents and the mean per-topic ARI."""
    gold_all: list[str] = []
    pred_all: list[str] = []
    aris = []
    for name, anchors, vectors, gold in prepared:
        labels = [""] * len(anchors)
        for k, group in enumerate(cluster_anchors(anchors, vectors, threshold)):
            for i in group:
                labels[i] = f"{name}/{k}"
        gold_all += gold
        pred_all += labels
        aris.append(adjusted_rand(gold, labels))
    return (*bcubed(gold_all, pred_all), float(np.mean(aris)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    prepared = prepare(args.data)
    print(f"ECB+: {sum(len(g) for *_, g in prepared)} documents in {len(prepared)} topics")
    print("| threshold | B3 P | B3 R | B3 F1 | mean topic ARI |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        p, r, f, ari = evaluate(prepared, threshold)
        mark = " (default)" if threshold == EVENT_LEAD_SIMILARITY else ""
        print(f"| {threshold}{mark} | {p:.3f} | {r:.3f} | {f:.3f} | {ari:.3f} |")


if __name__ == "__main__":
    main()
