"""EventStoryLine v1.5: relative-date anchoring against the document creation time.

Each CAT-XML document's tokens are joined with spaces (one line per sentence) while every
token's offsets are tracked; gold mentions are the TIME_DATE markables anchored to tokens with
a non-empty value, except the DCT markable itself, which is the publication date we pass in.
``find_dates`` runs on the rebuilt text; a gold mention is found when a prediction overlaps it.
Gold values with a time of day ("2013-06-12TMO") are compared on their date part, since
accord's values stop at the day.

``--data`` is the release folder (one sub-folder per topic, ``v1.5/<topic>/<doc>.xml``), one
topic's folder, or one CAT-XML file. The corpus has no official split; ``all`` scores every
document found.

    python evaluation/eval_eventstoryline.py [--data DIR] [--limit N] [--errors K]
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import common
from eval_tempeval import canonical, to_timeml

from accord.extract.dates import find_dates
from accord.ingest.metadata import normalise_date
from accord.model import Article
from accord.nlp import load_nlp, parse_blocks

DATA = common.SHARED_DATA / "eventstoryline" / "v1.5"


@dataclass(frozen=True)
class GoldDate:
    start: int
    end: int
    value: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: str | None
    dates: tuple[GoldDate, ...]


def load_document(path: Path) -> Document:
    """Rebuild the text from tokens and read the TIME_DATE markables and the DCT."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    pieces: list[str] = []
    length, sentence = 0, None
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None:
            separator = " " if token.get("sentence") == sentence else "\n"
            pieces.append(separator)
            length += 1
        sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
    text = "".join(pieces)
    dct: str | None = None
    dates: list[GoldDate] = []
    for markable in root.iter():
        if markable.get("DCT") == "TRUE" and markable.tag.startswith("TIME_"):
            dct = _dct(markable.get("value", ""))  # on a TIME_DATE or a TIME_TIME
        if markable.tag != "TIME_DATE":
            continue
        anchors = [
            offsets[a.get("t_id", "")]
            for a in markable.iter("token_anchor")
            if a.get("t_id", "") in offsets
        ]
        value = markable.get("value", "")
        if markable.get("DCT") != "TRUE" and anchors and value:
            start, end = min(s for s, _ in anchors), max(e for _, e in anchors)
            dates.append(GoldDate(start, end, value, text[start:end]))
    return Document(path.name, text, dct, tuple(sorted(dates, key=lambda d: d.start)))


def _dct(value: str) -> str | None:
    """The creation date, tolerating the corpus's variants ("2009-12-6T", "2009:02:03")."""
    match = re.search(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", value)
    if not match:
        return None
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"


def xml_paths(root: Path) -> list[Path]:
    """The CAT-XML files under ``root`` (itself, its files, or its topics' files) in order."""
    if root.is_file():
        return [root]
    return sorted(root.glob("*.xml")) or sorted(root.glob("*/*.xml"))


def load_corpus(root: Path = DATA, limit: int | None = None) -> list[Document]:
    return [load_document(p) for p in xml_paths(root)[:limit]]


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    value_correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.found if self.found else 0.0


def evaluate(
    documents: Sequence[Document],
    errors: list[tuple[str, str, str, str | None, str | None]] | None = None,
    nlp: Any = None,
) -> Report:
    """Recall of gold TIME_DATE mentions and value accuracy on the ones found."""
    articles = [
        Article.create(source=d.name, original=d.text, title="", published=normalise_date(d.dct))
        for d in documents
    ]
    report = Report()
    nlp = nlp if nlp is not None else load_nlp()
    for doc, article, blocks in zip(documents, articles, parse_blocks(articles, nlp), strict=True):
        mentions = find_dates(article, blocks)
        report.predicted += len(mentions)
        used: set[int] = set()
        for gold in doc.dates:
            report.gold += 1
            hit = next(
                (
                    i
                    for i, m in enumerate(mentions)
                    if i not in used and m.span.start < gold.end and gold.start < m.span.end
                ),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            report.found += 1
            ours = to_timeml(mentions[hit])
            expected = canonical(gold.value.split("T")[0])
            report.value_correct += ours == expected
            if ours != expected and errors is not None:
                errors.append((doc.name, mentions[hit].span.text, gold.value, ours, doc.dct))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = common.parser(__doc__, DATA, [common.ALL], common.ALL, "documents")
    parser.add_argument("--errors", type=int, default=0, help="print N value errors")
    args = parser.parse_args(argv)
    documents = load_corpus(args.data, args.limit) if args.data.exists() else []
    if not documents:
        return common.absent(args.data, "EventStoryLine CAT-XML files")
    errors: list[tuple[str, str, str, str | None, str | None]] = []
    report = evaluate(documents, errors)
    print(
        f"EventStoryLine {args.data.name}: {len(documents)} documents, {report.gold} dated "
        f"TIME_DATE mentions, {report.predicted} predicted"
    )
    print(f"recall {report.recall:.3f} ({report.found}/{report.gold})")
    print(
        f"value accuracy {report.value_accuracy:.3f} ({report.value_correct}/{report.found} found)"
    )
    for error in errors[: args.errors]:
        print("  value error:", error)
    common.emit(
        "eventstoryline",
        args.split,
        {
            "recall": report.recall,
            "value_accuracy": report.value_accuracy,
            "gold": report.gold,
            "found": report.found,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
