"""Score accord's quantity layer on NewsQuant (the CQE test set, Almasian et al., EMNLP 2023).

Reads ``../shared/data/newsquant-cqe/NewsQuant.json`` (590 news sentences, 904 tagged
quantities), runs :func:`accord.extract.figures.quantities_in` on each sentence parsed as a
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
* Change: our bounding qualifiers map to ``>`` (lower bound), ``<`` (upper bound), ``~``
  (hedge); "up"/"down" come from a leading "+" or a rise/fall verb or adverb governing the
  number, unless the number follows "to"/"at"/"from"/"of" (the level reached); else ``=``.
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

Run ``python evaluation/eval_newsquant.py [--limit N] [--errors]``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from accord.extract.figures import QuantityPhrase, quantities_in
from accord.extract.measures import clause_subject, counted_tokens, counted_unit
from accord.extract.numbers import APPROXIMATE, DOZENS, LOWER_BOUND, UPPER_BOUND
from accord.model import Article
from accord.nlp import parse_blocks

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newsquant-cqe"
NEWSQUANT = DATA / "NewsQuant.json"
# Published anchors (upstream_scores_NewsQuant.csv, CQE-Numparser row), F1 in percent.
CQE_F1 = {"value": 91.9, "value+unit": 85.5, "value+change": 88.0, "value+concept": 75.9}
RISE = frozenset(
    {
        "rise",
        "increase",
        "up",
        "gain",
        "grow",
        "climb",
        "jump",
        "raise",
        "boost",
        "surge",
        "soar",
        "add",
        "rally",
        "higher",
        "advance",
        "hike",
        "expand",
    }
)
FALL = frozenset(
    {
        "fall",
        "drop",
        "decline",
        "down",
        "cut",
        "lose",
        "decrease",
        "slip",
        "shed",
        "reduce",
        "plunge",
        "sink",
        "tumble",
        "lower",
        "slide",
        "dip",
        "shrink",
        "slump",
        "ease",
        "retreat",
    }
)

LEVEL_PREPOSITIONS = frozenset({"to", "at", "from", "of"})
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
    qualifier = phrase.quantity.qualifier
    if qualifier in LOWER_BOUND:
        return ">"
    if qualifier in UPPER_BOUND:
        return "<"
    if qualifier in APPROXIMATE:
        return "~"
    doc = phrase.anchor.doc
    if doc[phrase.start].text.startswith("+"):
        return "up"
    if phrase.start > 0 and doc[phrase.start - 1].lower_ in LEVEL_PREPOSITIONS:
        return "="  # "rose 6% to $41", "closed up 2% at 7,400": the level reached, not the change
    near = [*list(phrase.anchor.ancestors)[:2], *doc[max(0, phrase.start - 2) : phrase.start]]
    for tok in near:
        lemma = tok.lemma_.lower()
        if lemma in RISE:
            return "up"
        if lemma in FALL:
            return "down"
    return "="


def predict(sentence: str) -> list[Tag]:
    """Quantities our extractor finds in one sentence."""
    article = Article.create(source="newsquant", original=sentence)
    tags: list[Tag] = []
    for blocks in parse_blocks([article]):
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


def evaluate(items: list[dict[str, object]], show_errors: bool = False) -> dict[str, float]:
    """F1 (0..1) per criterion over ``items``; prints the table."""
    hits = {"value": 0, "value+unit": 0, "value+change": 0, "value+concept": 0}
    n_gold = n_pred = 0
    for item in items:
        g, p = gold(item), predict(str(item["text"]))
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


def load(limit: int | None = None) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(NEWSQUANT.read_text("utf-8"))
    return items[:limit] if limit else items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score the first N sentences")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    if not NEWSQUANT.is_file():
        print(f"{NEWSQUANT} is absent: the data set lives beside the checkout", file=sys.stderr)
        return 1
    evaluate(load(args.limit), show_errors=args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
