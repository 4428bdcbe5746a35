"""ECB+: cross-document event-mention coreference, CoNLL F1 against the same-lemma baseline.

Setting (the one behind the published anchors: Cybulska & Vossen 2015, Barhom et al. 2019):
gold event mentions (``ACTION_*`` and ``NEG_*`` markables) in the sentences listed in
``ECBplus_coreference_sentences.csv``, singletons kept; the gold chain of a mention is its
``CROSS_DOC_COREF`` instance, else its ``INTRA_DOC_COREF`` chain, else itself. The test split
is topics 36-45 (train 1-35 minus dev 2 5 12 18 21 23 34 35); the anchor numbers are on test.

Documents are grouped into events either by the gold sub-topics (the ``*ecb`` vs ``*ecbplus``
half of a topic) or by accord's event split (``accord.events.event_groups`` over
``anchor_similarity``, as in ``eval_ecbplus.py``). Inside one event, mentions are chained by
the *same-lemma* baseline (equal head lemmas) and by ``accord.coref.corefer``, accord's own
mention coreference; the script only reads the data and scores (``--fit`` refits the pair
model of ``accord/coref_weights.py`` on train topics; ``--cv`` scores refits by
topic-grouped cross-validation over train and dev topics, pooled and per fold, for
``--seeds`` dealings of topics to folds; the fitting lives in ``coref_fit.py``). Tune on
train and dev topics; test topics 36-45 are reported apart.

Scores MUC, B-cubed and CEAF-e and their mean, CoNLL F1, with the reference scorer's
definitions (Pradhan et al. 2014; CEAF-e with phi4 and an optimal alignment).

    .venv/bin/python evaluation/eval_ecbplus_coref.py [--data ../shared/data/ecbplus] [--limit N]
        [--floor F ...] [--margin M ...] [--fit] [--cv FOLDS --c C ... --seeds N]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus_text
from coref_fit import FIT_C, TopicPairs, cross_validate, fit_model, weights_text
from coref_scores import Clusters, score_topics
from eval_ecbplus import DEFAULT_DATA, document_anchors

from accord.coref import (
    FEATURES,
    MERGE_FLOOR,
    MERGE_MARGIN,
    EventMention,
    block_chains,
    blocks,
    head_of,
    pair_features,
)
from accord.events import anchor_similarity, event_groups
from accord.nlp import Models

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TEST_TOPICS = frozenset(range(36, 46))
EVENT_TAGS = ("ACTION_", "NEG_ACTION_")


# --- data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    id: str  # "<doc>/<m_id>"
    doc: str
    sentence: int
    tokens: tuple[int, ...]  # token positions within the sentence
    gold: str


@dataclass
class Topic:
    number: int
    docs: list[str]
    gold_subtopic: dict[str, str]
    mentions: list[Mention]
    sentences: dict[tuple[str, int], list[str]]  # (doc, sentence) -> words


def selected_sentences(data: Path) -> set[tuple[str, int]]:
    with (data / "orig_ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {(f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])) for r in rows}


def read_mentions(
    path: Path, selected: set[tuple[str, int]]
) -> tuple[list[Mention], dict[tuple[str, int], list[str]]]:
    """Gold event mentions of one document in the selected sentences, and those sentences."""
    doc = path.name.removesuffix(".xml")
    root = ET.parse(path).getroot()
    where: dict[str, tuple[int, int]] = {}
    words: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        s = int(token.get("sentence", "0"))
        where[token.get("t_id", "")] = (s, len(words[s]))
        words[s].append(token.text or "")
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            name = rel.get("note", "")
        elif rel.tag == "INTRA_DOC_COREF":
            name = f"{doc}/intra/{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            chains[src.get("m_id", "")] = name
    mentions = []
    markables = root.find("Markables")
    for mark in markables if markables is not None else []:
        anchors = [where[a.get("t_id", "")] for a in mark.findall("token_anchor")]
        if not mark.tag.startswith(EVENT_TAGS) or not anchors:
            continue
        sentence = anchors[0][0]
        if (doc, sentence) not in selected or any(s != sentence for s, _ in anchors):
            continue
        mid = mark.get("m_id", "")
        mentions.append(
            Mention(
                f"{doc}/{mid}",
                doc,
                sentence,
                tuple(sorted(k for _, k in anchors)),
                chains.get(mid, f"{doc}/single/{mid}"),
            )
        )
    kept = {(doc, m.sentence) for m in mentions}
    return mentions, {k: words[k[1]] for k in sorted(kept)}


def load(data: Path) -> list[Topic]:
    selected = selected_sentences(data)
    topics = []
    for folder in sorted((p for p in (data / "ECB+").iterdir() if p.is_dir()), key=_number):
        docs, subtopic, mentions, sentences = [], {}, [], {}
        for path in sorted(folder.glob("*.xml")):
            doc = path.name.removesuffix(".xml")
            docs.append(doc)
            subtopic[doc] = "plus" if doc.endswith("ecbplus") else "ecb"
            found, sents = read_mentions(path, selected)
            mentions += found
            sentences.update(sents)
        topics.append(Topic(_number(folder), docs, subtopic, mentions, sentences))
    return topics


def _number(path: Path) -> int:
    return int(path.name)


def gold_clusters(topic: Topic) -> Clusters:
    chains: dict[str, set[str]] = defaultdict(set)
    for m in topic.mentions:
        chains[m.gold].add(m.id)
    return [frozenset(c) for c in chains.values()]


# --- systems ---------------------------------------------------------------------------


def parse(topics: Sequence[Topic], nlp: Any) -> dict[tuple[str, int], Any]:
    """Each selected sentence parsed from its gold tokens (so mention offsets stay tokens)."""
    from spacy.tokens import Doc

    parsed = {}
    for t in topics:
        for key, words in t.sentences.items():
            doc = Doc(nlp.vocab, words=[w or "_" for w in words])
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            parsed[key] = doc
    return parsed


def event_mentions(
    topic: Topic, subtopic: dict[str, str], parsed: dict[tuple[str, int], Any]
) -> list[EventMention]:
    """The topic's gold mentions as accord's input: tokens of a parsed sentence, the document
    and the document event it is in (a discontinuous mention spans its first to last token)."""
    return [
        EventMention(
            m.id,
            m.doc,
            subtopic[m.doc],
            m.sentence,
            parsed[(m.doc, m.sentence)],
            m.tokens[0],
            m.tokens[-1] + 1,
        )
        for m in topic.mentions
    ]


def accord_subtopics(topics: Sequence[Topic], data: Path, nlp: Any) -> list[dict[str, str]]:
    """accord's event split of each topic's documents (as ``accord.analyze`` splits them)."""
    out = []
    for t in topics:
        folder = data / "ECB+" / str(t.number)
        docs = [ecbplus_text.read_document(folder / f"{d}.xml") for d in t.docs]
        groups = event_groups(anchor_similarity(document_anchors(docs, nlp)))
        out.append({t.docs[i]: f"e{k}" for k, g in enumerate(groups) for i in g})
    return out


def same_lemma(mentions: Sequence[EventMention]) -> Clusters:
    """The published baseline: mentions of one document event with one head lemma."""
    chains: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        chains[(m.event, head_of(m).lemma_.lower())].add(m.id)
    return [frozenset(c) for c in chains.values()]


def topic_pairs(
    topics: Sequence[Topic], parsed: dict[tuple[str, int], Any], embedder: Any
) -> list[TopicPairs]:
    out = []
    for t in topics:
        gold = {m.id: m.gold for m in t.mentions}
        found = blocks(event_mentions(t, t.gold_subtopic, parsed), embedder)
        features, labels = [np.zeros((0, len(FEATURES)))], [np.zeros(0, dtype=bool)]
        for block in found:
            ids = [m.id for m in block.mentions]
            rows, cols = np.triu_indices(len(ids), k=1)
            features.append(pair_features(block))
            labels.append(
                np.array([gold[ids[i]] == gold[ids[j]] for i, j in zip(rows, cols, strict=True)])
            )
        out.append(
            TopicPairs(
                t.number, found, np.vstack(features), np.concatenate(labels), gold_clusters(t)
            )
        )
    return out


# --- report ----------------------------------------------------------------------------


def row(name: str, s: dict[str, tuple[float, float, float]]) -> str:
    cells = [f"{100 * s[k][i]:.1f}" for k in ("MUC", "B3", "CEAF-e") for i in range(3)]
    return f"| {name} | " + " | ".join(cells) + f" | **{100 * s['CoNLL'][2]:.1f}** |"


def split_of(number: int) -> str:
    if number in TEST_TOPICS:
        return "test"
    return "dev" if number in DEV_TOPICS else "train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="score only the first N topics")
    parser.add_argument(
        "--splits", nargs="+", choices=("test", "dev", "train"), default=["test", "dev", "train"]
    )
    parser.add_argument(
        "--fit", action="store_true", help="refit the pair model on train topics and print it"
    )
    parser.add_argument(
        "--floor", type=float, action="append", help="merge floor(s) to score (repeatable)"
    )
    parser.add_argument(
        "--margin",
        type=float,
        action="append",
        help="merge margin(s) to score with each floor (repeatable; 0 is a fixed floor)",
    )
    parser.add_argument(
        "--cv",
        type=int,
        metavar="FOLDS",
        help="score refits by topic-grouped cross-validation over train and dev topics",
    )
    parser.add_argument("--c", type=float, action="append", help="L2 strength(s) for --cv")
    parser.add_argument(
        "--seeds", type=int, default=1, help="dealings of topics to folds for --cv (default 1)"
    )
    args = parser.parse_args()
    models = Models.load()
    wanted = ["train"] if args.fit else ["train", "dev"] if args.cv else args.splits
    topics = [t for t in load(args.data)[: args.limit] if split_of(t.number) in wanted]
    parsed = parse(topics, models.nlp)
    linkages = [
        (floor, margin)
        for floor in args.floor or [MERGE_FLOOR]
        for margin in args.margin or [MERGE_MARGIN]
    ]
    if args.fit or args.cv:
        pairs = topic_pairs(topics, parsed, models.embedder)
        if args.fit:
            print(weights_text(pairs, fit_model(pairs)))
            return
        metrics: dict[str, float] = {}
        for seed in range(args.seeds):
            scores = cross_validate(pairs, args.c or [FIT_C], linkages, args.cv, seed)
            for (c, (floor, margin)), f in scores.items():
                folds = " ".join(f"{100 * v:.1f}" for v in f.folds)
                spread = 100 * float(np.std(f.folds))
                print(
                    f"seed {seed} | C {c:g} | floor {floor:g} margin {margin:g}"
                    f" | CoNLL F1 {100 * f.pooled:.2f}"
                    f" | folds {folds} (mean {100 * np.mean(f.folds):.2f}, sd {spread:.2f})"
                )
                name = f"conll_f1_cv_c{c:g}_f{floor:g}_m{margin:g}"
                metrics[name] = metrics.get(name, 0.0) + 100 * f.pooled / args.seeds
        metrics = {k: round(v, 2) for k, v in metrics.items()}
        print(json.dumps({"set": "ecbplus", "split": "train+dev cv", "metrics": metrics}))
        return
    predicted = accord_subtopics(topics, args.data, models.nlp)
    closing: dict[str, float] = {}
    for split in ("test", "dev", "train"):
        chosen = [(k, t) for k, t in enumerate(topics) if split_of(t.number) == split]
        if not chosen:
            continue
        key = [gold_clusters(t) for _, t in chosen]
        n = sum(len(t.mentions) for _, t in chosen)
        chains = sum(map(len, key))
        print(f"\nECB+ {split}: {len(chosen)} topics, {n} event mentions, {chains} gold chains")
        print(
            "| system | documents | MUC R | MUC P | MUC F1 | B3 R | B3 P | B3 F1 "
            "| CEAF-e R | CEAF-e P | CEAF-e F1 | CoNLL F1 |"
        )
        print("|---|---|" + "---:|" * 10)
        for docs in ("gold", "accord"):
            inputs = [
                event_mentions(t, t.gold_subtopic if docs == "gold" else predicted[k], parsed)
                for k, t in chosen
            ]
            s = score_topics(key, [same_lemma(m) for m in inputs])
            print(row(f"same lemma | {docs}", s))
            scored = [blocks(m, models.embedder) for m in inputs]  # embedded once per sweep
            for floor, margin in linkages:
                found = [
                    [c for b in topic for c in block_chains(b, floor, margin)] for topic in scored
                ]
                s = score_topics(key, found)
                print(row(f"accord.coref {floor:g}+{margin:g} | {docs}", s))
                if docs == "accord" and (floor, margin) == linkages[0]:
                    closing[split] = round(100 * s["CoNLL"][2], 2)
    print(
        json.dumps(
            {
                "set": "ecbplus",
                "split": "+".join(closing),
                "metrics": {f"conll_f1_{k}": v for k, v in closing.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
