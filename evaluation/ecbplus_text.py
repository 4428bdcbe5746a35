"""ECB+ documents rebuilt as the plain-text articles a user would hand to accord.

Each CAT XML document's tokens are joined into sentences (one per line, with the spacing of
the tokeniser undone for punctuation), the URL line that opens the ``ecbplus`` documents is
dropped, and the first remaining line is the headline (accord's text reader takes a file's first
non-empty line as its title). Writing the documents of a topic as ``.txt`` files lets the
evaluation scripts run the whole ``accord.analyze`` / ``accord ingest`` path on them.

Gold: a topic's ``*ecb.xml`` documents report one seminal event and its ``*ecbplus.xml``
documents another of the same type (Cybulska & Vossen 2014). The topic split is the one most
published cross-document coreference work uses (Cybulska & Vossen 2015; Barhom et al. 2019):
dev topics below, test topics 36–45, train the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TEST_TOPICS = tuple(range(36, 46))

_URL_RE = re.compile(r"^\s*https?\s*:\s*/\s*/", re.IGNORECASE)
# Tokeniser spacing undone: no space before closing punctuation and clitics, none after opening.
_BEFORE_RE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_AFTER_RE = re.compile(r"(?<=[(\[{$]) ")
_QUOTES_RE = re.compile(r"`` ?| ?''")


@dataclass(frozen=True)
class Document:
    """One ECB+ document as text, with the gold event it reports."""

    name: str  # "41_10ecbplus"
    topic: int
    event: str  # "41/ecb" or "41/ecbplus"
    text: str  # headline on the first line, then one sentence a line


def detokenise(tokens: list[str]) -> str:
    line = " ".join(tokens)
    line = _QUOTES_RE.sub('"', line)
    return _AFTER_RE.sub("", _BEFORE_RE.sub("", line))


def written_lines(path: Path) -> list[tuple[int, str]]:
    """The lines a document is written as, each with its ECB+ sentence number: empty
    sentences and the URL line that opens ``ecbplus`` documents are left out."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    lines = ((k, detokenise(sentences[k])) for k in sorted(sentences))
    return [(k, line) for k, line in lines if line.strip() and not _URL_RE.match(line)]


def read_document(path: Path) -> Document:
    lines = [line for _, line in written_lines(path)]
    name = path.name.removesuffix(".xml")
    half = "ecbplus" if name.endswith("ecbplus") else "ecb"
    topic = int(name.split("_", 1)[0])
    return Document(name, topic, f"{topic}/{half}", "\n".join(lines) + "\n")


def topic_dirs(data: Path) -> list[Path]:
    root = data / "ECB+"
    return sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: int(p.name))


def read_topic(topic_dir: Path) -> list[Document]:
    return [read_document(p) for p in sorted(topic_dir.glob("*.xml"))]


def write_documents(documents: list[Document], folder: Path) -> dict[Path, Document]:
    """Write each document as ``<name>.txt`` in ``folder``; the paths map to their documents."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[Path, Document] = {}
    for doc in documents:
        path = folder / f"{doc.name}.txt"
        path.write_text(doc.text, encoding="utf-8")
        written[path] = doc
    return written


def split_of(topic: int) -> str:
    if topic in TEST_TOPICS:
        return "test"
    return "dev" if topic in DEV_TOPICS else "train"


def parse_topics(spec: str | None, available: list[int]) -> list[int]:
    """``"36-45"``, ``"1,3,41"``, ``"train"``, ``"dev"``, ``"test"`` or ``None`` (all)."""
    if not spec:
        return available
    if spec in ("train", "dev", "test"):
        return [t for t in available if split_of(t) == spec]
    chosen: set[int] = set()
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            chosen.update(range(int(lo), int(hi) + 1))
        else:
            chosen.add(int(part))
    return [t for t in available if t in chosen]
