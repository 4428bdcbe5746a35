"""HTML body extraction on the article-extraction-benchmark: shingle P/R/F1, as upstream.

Usage: ``python evaluation/eval_html_extraction.py [--data DIR] [--limit N]`` (default
``../shared/data/article-extraction-benchmark``; the benchmark has one split, ``all``). Each
``html/<id>.html.gz`` goes through our own HTML ingest (:func:`accord.ingest.html.decode_html` then
:func:`accord.ingest.article_from_html`), and the article's ``original`` text is compared
with ``ground-truth.json``'s ``articleBody`` for the same id.

The metric is the benchmark's own (its ``evaluate.py``, re-implemented here):

* tokens are ``\\w+`` matches; a document's shingles are its token 4-grams (a text shorter
  than four tokens is one shingle), counted as a multiset;
* per document, TP/FP/FN are the multiset overlap, surplus and shortfall, then divided by
  their sum so that long pages do not outweigh short ones;
* precision is the mean over documents with TP + FP > 0 (a page we refused contributes no
  precision and a recall of 0), recall the mean over documents with TP + FN > 0, and F1 is
  the harmonic mean of those two means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import common

DEFAULT_DATA = common.SHARED_DATA / "article-extraction-benchmark"
SHINGLE_SIZE = 4  # upstream's ngram_n
_TOKEN = re.compile(r"\w+", re.UNICODE)
PUBLISHED_ANCHOR = "trafilatura 2.0.0 F1 0.958 (benchmark README)"


@dataclass(frozen=True)
class Scores:
    """Benchmark scores over ``pages`` documents; ``refused`` pages yielded no article."""

    precision: float
    recall: float
    f1: float
    pages: int
    refused: int

    def line(self) -> str:
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} "
            f"pages={self.pages} refused={self.refused}"
        )


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Token 4-grams of ``text`` as a multiset (one short shingle if under four tokens)."""
    tokens = _TOKEN.findall(text)
    grams = [
        tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(max(1, len(tokens) - SHINGLE_SIZE + 1))
    ]
    return Counter(gram for gram in grams if gram)


def match(true: str, pred: str) -> tuple[float, float, float]:
    """Per-document TP, FP, FN over shingles, normalised to sum to 1 (or all 0)."""
    gold, found = shingles(true), shingles(pred)
    tp = float(sum((gold & found).values()))
    fp = float(sum((found - gold).values()))
    fn = float(sum((gold - found).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn)


def aggregate(counts: list[tuple[float, float, float]], refused: int = 0) -> Scores:
    """Upstream's averaging: mean precision and mean recall, F1 of the two means."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, len(counts), refused)


def extract_body(page: bytes, source: str) -> str:
    """Our ingest's body text for one page, or "" when ingest refuses it."""
    from accord.errors import InputError
    from accord.ingest import article_from_html
    from accord.ingest.html import decode_html

    try:
        return article_from_html(decode_html(page, source), source).original
    except InputError:
        return ""


def score(data_dir: Path, limit: int | None = None) -> Scores:
    """Score our HTML ingest on the first ``limit`` pages (sorted by id), or all of them."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    counts: list[tuple[float, float, float]] = []
    refused = 0
    for item in sorted(truth)[:limit]:
        page = gzip.decompress((data_dir / "html" / f"{item}.html.gz").read_bytes())
        body = extract_body(page, f"{item}.html")
        refused += not body
        counts.append(match(truth[item].get("articleBody", ""), body))
    return aggregate(counts, refused)


def main(argv: list[str] | None = None) -> int:
    args = common.parser(__doc__, DEFAULT_DATA, [common.ALL], common.ALL, "pages").parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        return common.absent(args.data, "ground-truth.json of the article-extraction-benchmark")
    scores = score(args.data, args.limit)
    print(f"html extraction (article-extraction-benchmark): {scores.line()}")
    print(f"published anchor: {PUBLISHED_ANCHOR}")
    metrics = {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1}
    common.emit("article-extraction-benchmark", args.split, {**metrics, "pages": scores.pages})
    return 0


if __name__ == "__main__":
    sys.exit(main())
