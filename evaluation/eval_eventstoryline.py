"""EventStoryLine v1.5: relative-date anchoring against the document creation time.

Each CAT-XML document's tokens are joined with spaces (one line per sentence) while every
token's offsets are tracked; gold mentions are the TIME_DATE markables anchored to tokens with
a non-empty value, except the DCT markable itself, which is the publication date we pass in.
``find_dates`` runs on the rebuilt text; a gold mention is found when a prediction overlaps it.
Gold values with a time of day ("2013-06-12TMO") are compared on their date part, since
accord's values stop at the day.

    python evaluation/eval_eventstoryline.py [--limit N] [--errors K]
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_tempeval import canonical, to_timeml  # noqa: E402

from accord.extract.dates import find_dates  # noqa: E402
from accord.model import Article  # noqa: E402
from accord.nlp import parse_blocks  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "eventstoryline" / "v1.5"


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


def load_corpus(root: Path = DATA, limit: int | None = None) -> list[Document]:
    paths = sorted(root.glob("*/*.xml"))
    return [load_document(p) for p in paths[:limit]]


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
) -> Report:
    """Recall of gold TIME_DATE mentions and value accuracy on the ones found."""
    articles = [
        Article.create(source=d.name, original=d.text, title="", published=d.dct) for d in documents
    ]
    report = Report()
    for doc, article, blocks in zip(documents, articles, parse_blocks(articles), strict=True):
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print N value errors")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"{DATA} is absent: the data sets live beside the checkout", file=sys.stderr)
        return 1
    documents = load_corpus(DATA, args.limit)
    errors: list[tuple[str, str, str, str | None, str | None]] = []
    report = evaluate(documents, errors)
    print(
        f"EventStoryLine v1.5: {len(documents)} documents, {report.gold} dated TIME_DATE "
        f"mentions, {report.predicted} predicted"
    )
    print(f"recall {report.recall:.3f} ({report.found}/{report.gold})")
    print(
        f"value accuracy {report.value_accuracy:.3f} ({report.value_correct}/{report.found} found)"
    )
    for error in errors[: args.errors]:
        print("  value error:", error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
