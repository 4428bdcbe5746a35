"""Score per-article killed and injured counts on the Gun Violence Database (GVDB dev split).

Reads ``../shared/data/gvdb/dev.tsv`` (400 US local news articles). Gold counts are derived
from the crowd annotation in the ``Json`` column: the number of victims whose ``victim-was``
list contains "killed", and the number whose list contains "injured" or "hospitalized" but
not "killed" (the data set has no annotated number; README caveat: one annotator, victim
lists can be incomplete for mass shootings).

Prediction rule (ours, documented here because reconciliation is not in play for a single
article): run :func:`accord.extract.figures.find_figures` on the article;

* killed = the first non-vague figure with measure "killed" (the lede states the incident;
  later figures are often yearly or national tallies; a range or bound counts by its known
  end); injured = the first "wounded" or "shot" figure;
* when no numeric figure names a measure, a singular victim counts one: a sentence whose
  harm verb ("was shot dead", "died", "was killed" / "was wounded", "was injured") has a
  singular person noun or a name as its subject or object gives 1 ("a man was shot dead").

Prints exact-match accuracy and mean absolute error for both counts, beside a baseline that
always predicts the most frequent gold count.

Run ``python evaluation/eval_gvdb.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from spacy.tokens import Doc

from accord.extract.figures import find_figures
from accord.extract.measures import MEASURE_VERBS
from accord.model import Article, FigureMention
from accord.nlp import parse_blocks

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "gvdb" / "dev.tsv"
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "teen",
        "teenager",
        "person",
        "victim",
        "child",
        "student",
        "officer",
        "driver",
        "resident",
    }
)
SINGULAR_SUBJECTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def gold_counts(annotation: str) -> tuple[int, int]:
    data = json.loads(annotation)
    killed = injured = 0
    for victim in data.get("victim-section", []):
        was = {str(w).lower() for w in victim.get("victim-was", [])}
        if "killed" in was:
            killed += 1
        elif was & {"injured", "hospitalized"}:
            injured += 1
    return killed, injured


def _known(figure: FigureMention) -> float:
    return max(v for v in (figure.low, figure.high) if v is not None)


def _singular_victims(docs: list[Doc]) -> tuple[int, int]:
    """1 killed / 1 injured when a harm verb has a singular person as its argument."""
    killed = injured = 0
    for doc in docs:
        for tok in doc:
            measure = MEASURE_VERBS.get(tok.lemma_.lower())
            if measure not in ("killed", "wounded", "shot"):
                continue
            if measure == "shot" and any(c.lower_ in ("dead", "death") for c in tok.children):
                measure = "killed"
            for arg in tok.children:
                if (
                    arg.dep_ in SINGULAR_SUBJECTS
                    and arg.tag_ in ("NN", "NNP")
                    and (arg.lemma_.lower() in PERSON_NOUNS or arg.ent_type_ == "PERSON")
                ):
                    if measure == "killed":
                        killed = 1
                    else:
                        injured = 1
    return killed, injured


def predict(text: str) -> tuple[int, int]:
    article = Article.create(source="gvdb", original=text)
    blocks = next(parse_blocks([article]))
    figures = find_figures(article, blocks)
    killed = [_known(f) for f in figures if f.measure == "killed" and not f.vague]
    injured = [_known(f) for f in figures if f.measure in ("wounded", "shot") and not f.vague]
    single_killed, single_injured = _singular_victims([b.doc for b in blocks])
    k = int(killed[0]) if killed else single_killed
    i = int(injured[0]) if injured else (single_injured if not k else 0)
    return k, i


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DEV.is_file():
        print(f"{DEV} is absent: the data set lives beside the checkout", file=sys.stderr)
        return 1
    csv.field_size_limit(1 << 30)
    with DEV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[: args.limit]
    gold = [gold_counts(r["Json"]) for r in rows]
    pred = [predict(r["Full text"]) for r in rows]
    print(f"GVDB dev: {len(rows)} articles")
    for idx, name in ((0, "killed"), (1, "injured")):
        g = [x[idx] for x in gold]
        p = [x[idx] for x in pred]
        exact = sum(a == b for a, b in zip(g, p, strict=True)) / len(g)
        mae = sum(abs(a - b) for a, b in zip(g, p, strict=True)) / len(g)
        mode = max(set(g), key=g.count)
        base_exact = sum(a == mode for a in g) / len(g)
        base_mae = sum(abs(a - mode) for a in g) / len(g)
        print(
            f"{name:<8} exact {exact:.3f}  MAE {mae:.3f}   "
            f"(baseline always {mode}: exact {base_exact:.3f}, MAE {base_mae:.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
