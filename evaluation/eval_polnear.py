"""Quote and attribution extraction on PolNeAR: span P/R/F1 for source and content.

Usage: ``python evaluation/eval_polnear.py [--data DIR] [--split train|dev|test] [--limit N]
[--every K --start S]``.
``--data`` is the corpus folder (``../shared/data/polnear``, one sub-folder per split) or one
split's folder (holding ``text/`` and ``attributions/``); the default split is ``dev`` (the
upstream README asks that ``test`` is not viewed while developing). Each ``text/*.txt`` is
read as a plain-text article (its first line is the title) and run through
:func:`accord.extract.find_quotes`; the gold standard is the brat ``attributions/*.ann`` file
of the same name. Where several annotators marked an article, only the first ``.ann`` in
sorted order is used. ``--every 3 --start 1`` scores every third article from the second
(train is large: one third is read for errors, another kept to check that a rule carries).

Units and matching (our rules, stated so the numbers can be reproduced):

* one **gold attribution** per ``E`` line: its Source span (absent for
  ``Attribution-no-source``) and its Content (the union of its fragments, brat ``a b;c d``);
* one **predicted attribution** per distinct cue span: the speaker span, and the union of the
  content spans of every mention sharing that cue (a quote split by "he said" is one event);
* **exact**: the same character offsets after trimming whitespace, quote marks and edge
  punctuation from both ends of each fragment;
* **overlap**: token-overlap F1 (word tokens, as character offsets) ≥ ``OVERLAP_MATCH``;
* matching is one-to-one, greedy by best overlap; P = matched / predicted, R = matched / gold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import common

DEFAULT_DATA = common.SHARED_DATA / "polnear"
SPLITS = ("train", "dev", "test")
# A predicted span counts as found when its token-overlap F1 with a gold span reaches this
# (the usual "partial match" threshold of span-extraction evaluations).
OVERLAP_MATCH = 0.5
TRIM = " \t\n,.;:!?—–-\"“”«»'’‘"
_WORD = re.compile(r"\w+", re.UNICODE)
ROLES = ("source", "content")

Offsets = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attribution event: where the source and the content are (either may be absent)."""

    source: Offsets
    content: Offsets


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def read_gold(ann: Path) -> list[Attribution]:
    """The attribution events of one brat file."""
    spans: dict[str, tuple[str, Offsets]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text("utf-8").splitlines():
        if line.startswith("T"):
            tid, body, *_ = line.split("\t")
            label, _, offsets = body.partition(" ")
            parts = tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
            spans[tid] = (label, tuple((p[0], p[1]) for p in parts))
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            events.append({a.split(":")[0]: a.split(":")[1] for a in args})
    gold = []
    for event in events:
        source = spans[event["Source"]][1] if "Source" in event else ()
        content = spans[event["Content"]][1] if "Content" in event else ()
        gold.append(Attribution(source, content))
    return gold


def predict(text: str, source: str, nlp: Any) -> list[Attribution]:
    """Run accord's quote finder on one article; one attribution per cue."""
    from accord.extract.quotes import find_quotes
    from accord.model import Article
    from accord.nlp import parse_blocks

    article = Article.create(source=source, original=text, title=text.split("\n", 1)[0])
    blocks = next(parse_blocks([article], nlp))
    grouped: dict[object, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for quote in find_quotes(article, blocks):
        key: object = (quote.cue.start, quote.cue.end) if quote.cue else id(quote)
        speakers, contents = grouped.setdefault(key, ([], []))
        if (
            quote.speaker_span
            and (quote.speaker_span.start, quote.speaker_span.end) not in speakers
        ):
            speakers.append((quote.speaker_span.start, quote.speaker_span.end))
        contents.append((quote.span.start, quote.span.end))
    return [Attribution(tuple(s[:1]), tuple(c)) for s, c in grouped.values()]


def _tokens(text: str, offsets: Offsets) -> frozenset[int]:
    """Start offsets of the word tokens inside the spans."""
    return frozenset(m.start() + s for s, e in offsets for m in _WORD.finditer(text[s:e]))


def _exact_key(text: str, offsets: Offsets) -> Offsets:
    """The span's trimmed offsets: equal keys mean the same characters of the article."""
    return tuple(_trim(text, s, e) for s, e in sorted(offsets))


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    common = len(a & b)
    return 0.0 if not common else 2 * common / (len(a) + len(b))


def match(text: str, gold: list[Offsets], pred: list[Offsets], exact: bool) -> int:
    """Number of one-to-one matches between gold and predicted spans."""
    pairs: list[tuple[float, int, int]] = []
    gold_tokens = [_tokens(text, g) for g in gold]
    for j, p in enumerate(pred):
        p_tokens = _tokens(text, p)
        for i, g in enumerate(gold):
            if exact:
                score = 1.0 if _exact_key(text, g) == _exact_key(text, p) else 0.0
            else:
                score = overlap_f1(gold_tokens[i], p_tokens)
            if score >= (1.0 if exact else OVERLAP_MATCH):
                pairs.append((score, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    hit: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def documents(
    data: Path, limit: int | None = None, every: int = 1, start: int = 0
) -> list[tuple[Path, Path]]:
    """(text, first annotator's .ann) pairs in sorted order: every ``every``-th from the
    ``start``-th, then the first ``limit`` of those."""
    pairs = []
    for text in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(f"{text.stem}_*.ann"))
        if anns:
            pairs.append((text, anns[0]))
    pairs = pairs[start::every]
    return pairs[:limit] if limit else pairs


def evaluate(pairs: Iterable[tuple[Path, Path]], nlp: Any = None) -> dict[str, Counts]:
    """Counts per ``role/mode`` (``source/exact``, ``content/overlap``, ...)."""
    from accord.nlp import load_nlp

    nlp = nlp if nlp is not None else load_nlp()
    counts = {f"{role}/{mode}": Counts() for role in ROLES for mode in ("exact", "overlap")}
    for text_path, ann in pairs:
        text = text_path.read_text("utf-8")
        gold = read_gold(ann)
        pred = predict(text, str(text_path), nlp)
        for role in ROLES:
            g = [getattr(a, role) for a in gold if getattr(a, role)]
            p = [getattr(a, role) for a in pred if getattr(a, role)]
            for mode in ("exact", "overlap"):
                c = counts[f"{role}/{mode}"]
                c.gold += len(g)
                c.pred += len(p)
                c.hit += match(text, g, p, exact=mode == "exact")
    return counts


def split_folder(data: Path, split: str) -> Path:
    """The folder holding ``text/`` and ``attributions/``: ``data`` itself or its ``split``."""
    return data if (data / "text").is_dir() else data / split


def main(argv: list[str] | None = None) -> int:
    options = common.parser(__doc__, DEFAULT_DATA, SPLITS, "dev", "documents")
    options.add_argument("--every", type=int, default=1, help="score every K-th article")
    options.add_argument("--start", type=int, default=0, help="from the S-th (0-based)")
    args = options.parse_args(argv)
    folder = split_folder(args.data, args.split)
    if not (folder / "text").is_dir():
        return common.absent(folder, "PolNeAR text/ and attributions/ folders")
    pairs = documents(folder, args.limit, args.every, args.start)
    counts = evaluate(pairs)
    print(f"PolNeAR {folder.name}: {len(pairs)} documents (first annotator each)")
    print(f"{'role/match':<18}{'gold':>6}{'pred':>6}{'hit':>6}{'P':>8}{'R':>8}{'F1':>8}")
    metrics: dict[str, float | int] = {}
    for name, c in counts.items():
        p, r, f = c.prf()
        print(f"{name:<18}{c.gold:>6}{c.pred:>6}{c.hit:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
        key = name.replace("/", "_")
        metrics |= {f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f}
    common.emit("polnear", folder.name, metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
