"""Score accord's quantity layer on NewsQuant (the CQE test set, Almasian et al., EMNLP 2023).

Reads ``../shared/data/newsquant-cqe/NewsQuant.json`` (590 news sentences, 904 tagged
quantities), runs :func:`accord.extract.quantities.quantities_in` on each sentence parsed as a
one-sentence :class:`~accord.model.Article`, and prints P/R/F1 with counts for value,
value+unit, value+change and value+concept (partial), as CQE's ``evaluate_models.py`` does.

Deviations from the upstream metric, each deliberate:

* Matching is one-to-one: each predicted quantity can match one gold quantity (upstream lets
  one prediction match several gold quantities of equal value, and counts unit/change matches
  once per matching prediction, which can exceed the value count). Where two predictions
  share a gold value, the one with the gold's unit is paired first (a greedy pairing in
  text order could cross "5 dollars" with "5 percent" and under-count units).
* As upstream: ranges are compared end by end in the order written ("from 180 to 165" is
  (180, 165)); a gold concept "-" is matched only by a prediction that names no concept.
* Units are compared after our own normalisation (``numbers.unit_name`` for symbols and
  measurement words, the lemmas of the counted noun phrase for counts); upstream compares
  CQE's normaliser output, so a counted noun with adjectives ("best wireless speakers" →
  "good wireless speaker") only matches when spaCy lemmatises it the same way. A count with
  no counted noun is written "-", as the gold does.
* Change: accord's output mapped to the gold's labels, no text read here: the bounding
  qualifier maps to ``>`` (lower bound), ``<`` (upper bound), ``~`` (hedge); otherwise
  accord's ``change`` (:mod:`accord.extract.change`) maps ``up`` → ``up``, ``down`` →
  ``down``, and ``level`` and ``none`` → ``=``. accord reads "rose 5% to 40" as two rises
  (the amount and the level reached); the gold mostly writes the level reached as ``=``
  but not always, so those count as misses.
* Splits: NewsQuant is one file (CQE's test set). ``--split dev`` / ``heldout`` keep a fixed
  half each by a hash of the sentence (NewsQuant has no sentence ids); docs/accuracy.md says
  which rules were written looking at which half.
* A spoken fraction ("a third of the voters") is valued as a number (0.333) with the unit
  "% " + the whole's name ("% voter"), as the gold writes it.
* Vague words follow the gold's convention: "dozens" is 12-120, "hundreds" 100-1000, and so
  on; "several" and "a few" are left untagged.
* The quantity layer keeps durations and ages, which NewsQuant counts as quantities;
  ``find_figures`` drops them (they are not figures for a dossier), so this scores
  ``quantities_in``, the span finder under ``find_figures``.
* Value+concept: our concepts are the nouns of the counted phrase and of the subject of the
  clause the quantity sits in (``measures.clause_subject``); a gold concept partially
  matches when one of its words is among them (upstream: CQE's concept list).

Run ``python evaluation/eval_newsquant.py [--data NewsQuant.json] [--split all|dev|heldout]
[--limit N] [--errors]``.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import common

from accord.extract.counted import clause_subject, counted_tokens, counted_unit
from accord.extract.numbers import APPROXIMATE, DOZENS, LOWER_BOUND, UPPER_BOUND
from accord.extract.quantities import QuantityPhrase, quantities_in
from accord.model import Article, Change
from accord.nlp import load_nlp, parse_blocks

NEWSQUANT = common.SHARED_DATA / "newsquant-cqe" / "NewsQuant.json"
HALVES = ("dev", "heldout")
SPLITS = (common.ALL, *HALVES)
SPLIT_NOTES = (
    ("dev", "the half the extractor may be developed on"),
    ("heldout", "the half it must not be tuned on"),
)
# Published anchors (upstream_scores_NewsQuant.csv, CQE-Numparser row), F1 in percent.
CQE_F1 = {"value": 91.9, "value+unit": 85.5, "value+change": 88.0, "value+concept": 75.9}
# accord's change in NewsQuant's labels, a pure mapping: the gold writes "=" for a level and
# for a plain count alike.
CHANGE_LABELS = {Change.UP: "up", Change.DOWN: "down", Change.LEVEL: "=", Change.NONE: "="}
FEW = frozenset({"several", "few", "a"})  # "several hundred", "a few thousand": untagged
Value = float | tuple[float, float]


@dataclass(frozen=True)
class Tag:
    """One quantity, gold or predicted, in the benchmark's terms."""

    value: Value
    unit: str
    change: str
    concepts: frozenset[str]


def _value(phrase: QuantityPhrase) -> Value | None:
    q = phrase.quantity
    if q.vague:  # NewsQuant writes "dozens" as 12-120, "thousands" as 1000-10000 and leaves
        # "several" and "a few" untagged
        if q.low is None or q.low < DOZENS or phrase.anchor.doc[phrase.start].lower_ in FEW:
            return None
        return (q.low, q.low * 10)
    if q.low is not None and q.high is not None and q.low != q.high:
        # in text order, as the gold writes "from 4.8 to 4.7 percent" (4.8, 4.7)
        return (q.high, q.low) if phrase.descending else (q.low, q.high)
    found = q.low if q.low is not None else q.high
    return found


def _change(phrase: QuantityPhrase) -> str:
    """NewsQuant's change label from what accord read: its bounding qualifier first (``>``,
    ``<``, ``~``), else its :class:`~accord.model.Change`."""
    qualifier = phrase.quantity.qualifier
    if qualifier in LOWER_BOUND:
        return ">"
    if qualifier in UPPER_BOUND:
        return "<"
    if qualifier in APPROXIMATE:
        return "~"
    return CHANGE_LABELS[phrase.change]


def predict(sentence: str, nlp: Any) -> list[Tag]:
    """Quantities our extractor finds in one sentence."""
    article = Article.create(source="newsquant", original=sentence)
    tags: list[Tag] = []
    for blocks in parse_blocks([article], nlp):
        for block in blocks:
            for sent in block.doc.sents:
                for phrase in quantities_in(sent):
                    value = _value(phrase)
                    if value is None:
                        continue
                    tokens = counted_tokens(phrase.anchor, phrase.end)
                    unit = phrase.unit
                    if unit is None:
                        unit = counted_unit(tokens)
                    if phrase.kind == "fraction":  # the gold writes "a third of voters" so
                        unit = f"% {unit}"
                    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
                    words = {t.lower_ for t in [*nouns, *clause_subject(phrase.anchor)]}
                    tags.append(Tag(value, unit, _change(phrase), frozenset(words)))
    return tags


def gold(item: dict[str, object]) -> list[Tag]:
    tags = []
    for q in item["quantities"]:  # type: ignore[attr-defined]
        raw = str(q["value"])
        value: Value
        try:
            value = float(raw)
        except ValueError:  # "252.0-287.0": a range
            low, high = re.split(r"(?<=\d) ?- ?", raw, maxsplit=1)
            value = (float(low), float(high))
        concepts = frozenset(
            w.lower() for w in str(q["referred_concepts"]).replace(",", " ").split() if w != "-"
        )
        tags.append(Tag(value, str(q["normalized_unit"]).lower(), str(q["change"]), concepts))
    return tags


def same_value(a: Value, b: Value) -> bool:
    """Upstream's ``values_match``: numpy ``isclose`` defaults, ranges compared end by end in
    the order written."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(
            math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(a, b, strict=True)
        )
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def match(gold_tags: list[Tag], predicted: list[Tag]) -> Iterator[tuple[Tag, Tag]]:
    """One-to-one pairs of equal value; each prediction is used once. Where several
    predictions share a gold value, the one with the gold's unit is taken first, so that
    "5 dollars" and "5 percent" in one sentence are not paired crosswise."""
    free = list(predicted)
    for g in sorted(
        gold_tags,
        key=lambda t: not any(same_value(t.value, p.value) and t.unit == p.unit for p in predicted),
    ):
        candidates = [p for p in free if same_value(g.value, p.value)]
        if candidates:
            best = next((p for p in candidates if p.unit == g.unit), candidates[0])
            free.remove(best)
            yield g, best


def prf(hits: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(
    items: list[dict[str, object]], show_errors: bool = False, nlp: Any = None
) -> dict[str, float]:
    """Scores over ``items``; ``nlp`` is the spaCy pipeline (loaded here when not given)."""
    nlp = nlp if nlp is not None else load_nlp()
    """F1 (0..1) per criterion over ``items``; prints the table."""
    hits = {"value": 0, "value+unit": 0, "value+change": 0, "value+concept": 0}
    n_gold = n_pred = 0
    for item in items:
        g, p = gold(item), predict(str(item["text"]), nlp)
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        pairs = list(match(g, p))
        for gt, pr in pairs:
            hits["value"] += 1
            hits["value+unit"] += gt.unit == pr.unit
            hits["value+change"] += gt.change == pr.change
            # upstream: a gold "-" matches a prediction that names no concept either
            hits["value+concept"] += bool(gt.concepts & pr.concepts) or (
                not gt.concepts and not pr.concepts
            )
        if show_errors and (len(pairs) != len(g) or len(pairs) != len(p)):
            print(
                "ERR",
                item["text"],
                "\n   gold",
                [(t.value, t.unit) for t in g],
                "\n   pred",
                [(t.value, t.unit) for t in p],
            )
        elif show_errors:
            for gt, pr in pairs:
                if gt.unit != pr.unit:
                    print("UNIT", repr(gt.unit), "vs", repr(pr.unit), "|", item["text"][:90])
    scores: dict[str, float] = {}
    print(f"NewsQuant: {len(items)} sentences, {n_gold} gold quantities, {n_pred} predicted")
    print(f"{'criterion':<15}{'hits':>6}{'P':>8}{'R':>8}{'F1':>8}   CQE F1")
    for name, h in hits.items():
        p_, r_, f1 = prf(h, n_gold, n_pred)
        scores[name] = f1
        print(f"{name:<15}{h:>6}{p_:>8.3f}{r_:>8.3f}{f1:>8.3f}   {CQE_F1[name]:.1f}")
    return scores


def half(item: dict[str, object]) -> str:
    """``dev`` or ``heldout``: a fixed half by a hash of the sentence (NewsQuant has no ids;
    the sentence is its own id), so the halves do not move when the file is re-ordered."""
    return HALVES[zlib.crc32(str(item["text"]).encode("utf-8")) % len(HALVES)]


def load(
    limit: int | None = None, path: Path = NEWSQUANT, split: str = "all"
) -> list[dict[str, object]]:
    """The sentences of ``split`` (``dev``, ``heldout`` or ``all``), the first ``limit``."""
    if path.is_dir():
        path = path / NEWSQUANT.name
    items: list[dict[str, object]] = json.loads(path.read_text("utf-8"))
    if split != common.ALL:
        items = [item for item in items if half(item) == split]
    return items[:limit] if limit else items


def main() -> int:
    parser = common.parser(__doc__, NEWSQUANT, SPLITS, common.ALL, "sentences")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    path = args.data / NEWSQUANT.name if args.data.is_dir() else args.data
    if not path.is_file():
        return common.absent(path, "NewsQuant.json")
    items = load(args.limit, path, args.split)
    print(f"NewsQuant, split {args.split} ({', '.join(f'{k}: {v}' for k, v in SPLIT_NOTES)})")
    scores = evaluate(items, show_errors=args.errors)
    common.emit("newsquant", args.split, {**scores, "sentences": len(items)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
