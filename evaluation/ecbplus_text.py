"""ECB+ documents rebuilt as the plain-text articles a user would hand to accord.

Each CAT XML document's tokens are joined into sentences (one per line, with the spacing of
the tokeniser undone for punctuation and inside numbers and abbreviations, so the figures
accord reads are the ones the outlets wrote), the URL line that opens the ``ecbplus``
documents is dropped, and the first remaining line is the headline (accord's text reader
takes a file's first non-empty line as its title). Writing the documents of a topic as
``.txt`` files lets the evaluation scripts run the whole ``accord.analyze`` / ``accord
ingest`` path on them.

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

from accord import lexicon

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TEST_TOPICS = tuple(range(36, 46))

# A person's title abbreviation ending a line ("spokesman Const.", "the Rev.").
_TITLE_END_RE = re.compile(r"\b(?:" + "|".join(sorted(lexicon.TITLE_ABBREVIATIONS)) + r")\.$")
_URL_RE = re.compile(r"^\s*https?\s*:\s*/\s*/", re.IGNORECASE)
# Tokeniser spacing undone: no space before closing punctuation and clitics, none after opening.
# A "." before a digit is a number's own (".38"), not a closing one.
_BEFORE_RE = re.compile(r" (?=[,;:!?%)\]}]|\.(?!\d)|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_AFTER_RE = re.compile(r"(?<=[(\[{$]) ")
_QUOTES_RE = re.compile(r"`` ?| ?''")

# Token shapes for the splits a tokeniser makes inside numbers and abbreviations.
_HOUR = re.compile(r"(?:.*\D)?\d{1,2}(?::\d\d)?")  # "8", "11:00", "GMT+05" (before ":")
_MINUTES = re.compile(r"\d\d[A-Za-z]{0,3}")  # "13", "06AM", "31GMT" (after ":")
_NUMBER = re.compile(r"[+$£€]?\d[\d,.]*")  # "39", "1,234", "£1", "+0", "2012.08"
_FRACTION = re.compile(r"\d+(?:[A-Za-z]{1,3}|[%″\"])?")  # "9", "30am" ("6.30am"), "7m", "8%"
_THOUSANDS_HEAD = re.compile(r"[$£€]?\d{1,3}(?:,\d{3})*")  # "1", "£35", "100,000"
_LETTERS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # "a", "U.S" (before "." and a letter)
_DATE_PART = re.compile(r"\d{1,4}(?:/\d{1,4})*")
_COMPOUND_HEAD = re.compile(r"[$£€]?\.?\d[\d,.]*(?:-\w+)*")  # "90", ".38", "33-year"
# The contractions a curly apostrophe opens ("she ’ s", "don ’ t", "I ’ m").
_CLITICS = frozenset({"s", "t", "m", "re", "ve", "ll", "d"})
_OPENING = frozenset({"‘", "“"})
_CLOSING = frozenset({"”"})


@dataclass(frozen=True)
class Document:
    """One ECB+ document as text, with the gold event it reports."""

    name: str  # "41_10ecbplus"
    topic: int
    event: str  # "41/ecb" or "41/ecbplus"
    text: str  # headline on the first line, then one sentence a line


def detokenise(
    tokens: list[str], *, hyphens_split: bool = False, in_quotation: bool | None = False
) -> str:
    """One sentence's tokens as the writer spaced them: "8 : 13" is "8:13", "39 . 9" is
    "39.9", "1 , 000" is "1,000", "a . m ." is "a.m.", so accord reads the numbers and
    abbreviations a news text holds rather than the tokeniser's pieces of them.
    ``hyphens_split``: the document's tokeniser splits every hyphen ("90 - day"), so a hyphen
    after a number joins a compound; elsewhere " - " may be a dash the writer spaced.
    ``in_quotation``: whether the sentence opens inside a quotation, so its straight double
    quotes close and open in turn from there (``None``: unknown, they stay spaced)."""
    quotes = {} if in_quotation is None else _straight_quote_roles(tokens, in_quotation)
    pieces: list[str] = []
    glue_next = False
    for i, token in enumerate(tokens):
        left, right = _binding(pieces[-2:], token, tokens[i + 1 : i + 3], hyphens_split)
        left, right = quotes.get(i, (left, right))
        if pieces and (glue_next or left):
            pieces[-1] += token
        else:
            pieces.append(token)
        glue_next = right
    line = _QUOTES_RE.sub('"', " ".join(pieces))
    return _AFTER_RE.sub("", _BEFORE_RE.sub("", line))


def _binding(
    context: list[str], token: str, following: list[str], hyphens_split: bool
) -> tuple[bool, bool]:
    """Whether ``token`` joins the piece before it and the token after it (no space)."""
    before = context[-1] if context else ""
    after = following[0] if following else ""
    if token == ":":
        both = bool(_HOUR.fullmatch(before) and _MINUTES.fullmatch(after))
    elif token == ".":
        if re.fullmatch(r"[a-z]+|A", before) and re.fullmatch(r"\d{2,3}", after):
            return False, True  # a leading decimal point: "a .38 pistol", "a .919 OPS"
        letters = _LETTERS.fullmatch(before) and re.fullmatch(r"[A-Za-z]", after)
        both = bool(
            (_NUMBER.fullmatch(before) and _FRACTION.fullmatch(after))
            or (letters and following[1:] == ["."])
        )
    elif token == ",":
        word = context[0].lower().rstrip(".") if len(context) == 2 else ""
        both = bool(
            _THOUSANDS_HEAD.fullmatch(before)
            and re.fullmatch(r"\d{3}[A-Za-z]{0,3}", after)  # "000", "000ft"
            and word not in lexicon.MONTHS  # "May 2 , 200 people" is a date, then a count
        )
    elif token == "/":
        both = bool(_DATE_PART.fullmatch(before) and re.fullmatch(r"\d{1,4}", after))
    elif token == "-":
        if following[1:2] == [":"]:
            return False, False  # "2012 - 4 : 43 pm": a dash before a clock time
        if after in ("and", "or", "to") and _COMPOUND_HEAD.fullmatch(before):
            return True, False  # a suspended hyphen: "8- to 12-week-old"
        both = bool(
            hyphens_split and _COMPOUND_HEAD.fullmatch(before) and re.fullmatch(r"\w+", after)
        )
    elif token == "’":
        if re.fullmatch(r"\d\ds?", after):
            return False, True  # a year's elided century: "the ’90s"
        return True, after.lower() in _CLITICS
    else:
        return token in _CLOSING, token in _OPENING
    return both, both


def _straight_quote_roles(tokens: list[str], in_quotation: bool) -> dict[int, tuple[bool, bool]]:
    """Straight double quotes that stand alone as tokens, taken in turn as opening (joins the
    token after) and closing (joins the token before); quotes a token holds ('"It's') count
    in the turn too."""
    roles = {}
    inside = in_quotation
    for i, token in enumerate(tokens):
        if token == '"':
            roles[i] = (True, False) if inside else (False, True)
        inside ^= token.count('"') % 2 == 1
    return roles


def splits_every_hyphen(tokens: list[str]) -> bool:
    """A document whose tokens never hold a hyphen inside a word was tokenised with every
    hyphen split off (ECB+'s ``ecbplus`` half: "33 - year - old")."""
    return "-" in tokens and not any(re.search(r"\w-\w", token) for token in tokens)


def written_lines(path: Path) -> list[tuple[int, str]]:
    """The lines a document is written as, each with its ECB+ sentence number: empty
    sentences and the URL line that opens ``ecbplus`` documents are left out."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    tokens = [t for k in sorted(sentences) for t in sentences[k]]
    split = splits_every_hyphen(tokens)
    # Straight quotes pair up over the document (a quotation may span sentences); an odd
    # count leaves them as the tokeniser spaced them.
    paired = sum(t.count('"') for t in tokens) % 2 == 0
    opened = 0
    lines = []
    for k in sorted(sentences):
        inside = opened % 2 == 1 if paired else None
        lines.append((k, detokenise(sentences[k], hyphens_split=split, in_quotation=inside)))
        opened += sum(t.count('"') for t in sentences[k])
    kept = [(k, line) for k, line in lines if line.strip() and not _URL_RE.match(line)]
    return rejoin_titles(kept)


def rejoin_titles(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A line the tokeniser's sentence splitter ended at a title before a name ("… the Rev." /
    "Larry Kroon said …") joins the next line: the writer wrote one sentence. The joined line
    keeps the first sentence's number."""
    joined: list[tuple[int, str]] = []
    for k, line in lines:
        if joined and _TITLE_END_RE.search(joined[-1][1]) and line[:1].isupper():
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {line}")
        else:
            joined.append((k, line))
    return joined


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
