"""TempEval-3 TBAQ (TimeBank 1.2 + AQUAINT): date extents and normalised values.

Each ``.tml`` file is stripped of its tags into plain text, keeping the character offsets of
every TIMEX3 extent; the document creation time (the CREATION_TIME TIMEX3) is the publication
date. ``find_dates`` runs on the plain text and is scored TE3-style: extent strict (exact
offsets) and relaxed (overlap) P/R/F1 against all timexes and against DATE timexes, and value
accuracy on relaxed-matched timexes. Published anchor: HeidelTime ~0.88 value accuracy on
TimeBank.

DATE precision leaves out of its denominator the predictions that matched a gold timex of
another type (a DURATION, TIME or SET): they are neither right nor wrong about DATEs. A
prediction that matched no timex at all stays in the denominator as a false positive.

``--data`` is the TBAQ folder (one sub-folder per split, ``TimeBank/`` and ``AQUAINT/``), a
folder of ``.tml`` files (another TempEval release, such as its platinum test set) or one
``.tml`` file; ``--split`` picks a sub-folder.

    python evaluation/eval_tempeval.py [--data DIR] [--split all|TimeBank|AQUAINT] [--limit N]
        [--errors K]
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import common

from accord.extract.dates import find_dates
from accord.ingest.metadata import normalise_date
from accord.model import Article, DateMention
from accord.nlp import load_nlp, parse_blocks

DATA = common.SHARED_DATA / "tempeval3-tbaq"
SPLITS = (common.ALL, "TimeBank", "AQUAINT")
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
MONTHS_PER_QUARTER = 3
MONTHS_PER_HALF = 6
_TAG = re.compile(r"<[^>]+>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    """One gold TIMEX3: plain-text offsets, TimeML type and value."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def load_tml(path: Path) -> Document:
    """Plain text of ``<TEXT>`` with TIMEX3 offsets, and the DCT from CREATION_TIME."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dict(_ATTR.findall(dct_match.group(0))).get("value") if dct_match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    for match in _TAG.finditer(body):
        piece = match.group(0)
        if piece.startswith("<TIMEX3"):
            open_timex = (length, dict(_ATTR.findall(piece)))
        elif piece.startswith("</TIMEX3") and open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(
                Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), text)
            )
            open_timex = None
        elif not piece.startswith("<"):
            plain = html.unescape(piece)
            parts.append(plain)
            length += len(plain)
    return Document(path.stem, "".join(parts), dct[:10] if dct else None, tuple(timexes))


def tml_paths(root: Path, split: str = common.ALL) -> list[Path]:
    """The .tml files of ``split`` under ``root`` in path order (TimeBank, then AQUAINT)."""
    if root.is_file():
        return [root]
    if split != common.ALL:
        root = root / split
    here = sorted(root.glob("*.tml"))
    return here or sorted(root.glob("*/*.tml"))


def split_name(root: Path, split: str) -> str:
    """What was scored: the split asked for, else the folder or file ``--data`` named."""
    if split != common.ALL or not (root.is_file() or any(root.glob("*.tml"))):
        return split
    return root.stem


def load_corpus(
    root: Path = DATA, limit: int | None = None, split: str = common.ALL
) -> list[Document]:
    """The documents of ``split`` in path order; the first ``limit``."""
    return [load_tml(p) for p in tml_paths(root, split)[:limit]]


def to_timeml(mention: DateMention) -> str | None:
    """Our value in TimeML's notation: ranges become quarters, halves, seasons or weeks."""
    value, text = mention.value, mention.span.text.lower()
    if value is None or mention.precision != "range":
        return value
    year, month = int(value[:4]), int(value[5:7])
    if "quarter" in text:
        return f"{year}-Q{(month - 1) // MONTHS_PER_QUARTER + 1}"
    if "half" in text:
        return f"{year}-H{(month - 1) // MONTHS_PER_HALF + 1}"
    for word, code in SEASON_CODES.items():
        if word in text:
            return f"{year}-{code}"
    if len(value) == len("YYYY-MM-DD"):
        iso = date.fromisoformat(value).isocalendar()
        suffix = "-WE" if "weekend" in text else ""
        return f"{iso.year}-W{iso.week:02d}{suffix}"
    return value


def canonical(value: str) -> str:
    """Gold values as ISO 8601 writes them: some annotators wrote ``W7``, ``2009-12-7``."""
    value = re.sub(r"^(\d{4})-?W", r"\1-W", value)
    value = re.sub(r"^(\d{4}-\d{2}-)(\d)$", r"\g<1>0\2", value)
    return re.sub(r"^(\d{4}-W?)(\d)(?!\d)", r"\g<1>0\2", value)


@dataclass
class Tally:
    """Counts for one comparison; P/R/F1 derive from them."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    valued: int = 0  # relaxed matches whose value was compared
    value_correct: int = 0

    def prf(self, matched: int) -> tuple[float, float, float]:
        precision = matched / self.predicted if self.predicted else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.valued if self.valued else 0.0


@dataclass
class Report:
    everything: Tally
    dates: Tally
    errors: list[tuple[str, str, str, str | None, str | None]]  # doc, text, gold, ours, dct


def predict(documents: Sequence[Document], nlp: Any) -> list[list[DateMention]]:
    articles = [
        Article.create(source=d.name, original=d.text, title="", published=normalise_date(d.dct))
        for d in documents
    ]
    return [
        find_dates(article, blocks)
        for article, blocks in zip(articles, parse_blocks(articles, nlp), strict=True)
    ]


def evaluate(documents: Sequence[Document], nlp: Any = None) -> Report:
    """Score ``find_dates`` on the documents: extents (all timexes / DATE only) and values."""
    everything, dates = Tally(), Tally()
    errors: list[tuple[str, str, str, str | None, str | None]] = []
    nlp = nlp if nlp is not None else load_nlp()
    for doc, mentions in zip(documents, predict(documents, nlp), strict=True):
        spans = [(m.span.start, m.span.end) for m in mentions]
        everything.predicted += len(mentions)
        dates.predicted += len(mentions)
        used: set[int] = set()
        for timex in doc.timexes:
            tallies = [everything, dates] if timex.type == "DATE" else [everything]
            for tally in tallies:
                tally.gold += 1
            hit = next(
                (
                    i
                    for i, (s, e) in enumerate(spans)
                    if i not in used and s < timex.end and timex.start < e
                ),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            ours = to_timeml(mentions[hit])
            for tally in tallies:
                tally.relaxed += 1
                tally.strict += spans[hit] == (timex.start, timex.end)
                tally.valued += 1
                tally.value_correct += ours == canonical(timex.value)
            if timex.type == "DATE" and ours != canonical(timex.value):
                errors.append((doc.name, mentions[hit].span.text, timex.value, ours, doc.dct))
    # DATE precision: predictions that matched a non-DATE timex leave the denominator (see
    # the module docstring); unmatched predictions stay in it.
    dates.predicted = dates.relaxed + (everything.predicted - everything.relaxed)
    return Report(everything, dates, errors)


def _print_tally(name: str, tally: Tally) -> None:
    for label, matched in (("strict", tally.strict), ("relaxed", tally.relaxed)):
        p, r, f = tally.prf(matched)
        print(
            f"{name:5} extent {label:7} P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"(matched {matched}, gold {tally.gold}, predicted {tally.predicted})"
        )
    print(
        f"{name:5} value accuracy {tally.value_accuracy:.3f} "
        f"({tally.value_correct}/{tally.valued} matched)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = common.parser(__doc__, DATA, SPLITS, common.ALL, "documents")
    parser.add_argument("--errors", type=int, default=0, help="print N value errors")
    args = parser.parse_args(argv)
    documents = load_corpus(args.data, args.limit, args.split) if args.data.exists() else []
    if not documents:
        return common.absent(args.data, f"TimeML .tml files (split {args.split})")
    report = evaluate(documents)
    print(f"TempEval-3 {args.data.name} {args.split}: {len(documents)} documents")
    _print_tally("all", report.everything)
    _print_tally("DATE", report.dates)
    print("(DATE precision leaves out predictions that matched a non-DATE timex)")
    for error in report.errors[: args.errors]:
        print("  value error:", error)
    common.emit("tempeval3", split_name(args.data, args.split), metrics(report))
    return 0


def metrics(report: Report) -> dict[str, float | int]:
    """The JSON line's metrics: extents and value accuracy, all timexes and DATE only."""
    out: dict[str, float | int] = {}
    for name, tally in (("all", report.everything), ("date", report.dates)):
        for label, matched in (("strict", tally.strict), ("relaxed", tally.relaxed)):
            p, r, f = tally.prf(matched)
            out |= {f"{name}_{label}_p": p, f"{name}_{label}_r": r, f"{name}_{label}_f1": f}
        out[f"{name}_value_accuracy"] = tally.value_accuracy
        out[f"{name}_gold"] = tally.gold
    return out


if __name__ == "__main__":
    raise SystemExit(main())
