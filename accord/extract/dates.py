"""Date mentions: find date expressions in an article and normalise them against publication.

Candidates come from spaCy's DATE and TIME entities plus a few patterns the small model
misses (bare weekday names, "Jan. 5", "Jan 11, 2025", "yesterday"). Overlapping candidates are
merged; each merged expression goes to :func:`accord.extract.temporal.normalise`, which also
decides what is not a date (durations such as "for two days" or "months" are dropped). The
anchor is ``article.published``; an undated article keeps relative dates unresolved (value
None) instead of anchoring them to today.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from accord.extract.temporal import Tense, normalise
from accord.lexicon import MONTHS
from accord.model import Article, DateMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan

    from accord.nlp import Block

ENTITY_LABELS = ("DATE", "TIME")
# A resolved value naming a whole month ("2005-02") or year ("2003"), not a day.
MONTH_OR_YEAR = re.compile(r"\d{4}(-\d{2})?")
# Tokens that may sit inside a spaCy entity but never end or start a date expression.
EDGE_POS = {"ADP", "CCONJ", "PUNCT", "VERB", "AUX", "PART", "SCONJ", "PRON"}
# Splitting points inside one entity: "Jan. 3 and Jan. 5", "Monday to Wednesday".
SPLIT_WORDS = {"and", "or", "to", "through", "until", "–", "—"}
FUTURE_AUXILIARIES = {"will", "'ll", "’ll", "shall", "wo"}
HEAD_WALK_LIMIT = 4  # how far up the parse a date looks for its verb

_MONTH_ABBREV = "|".join(
    sorted((m for m in MONTHS if len(m) <= 4 and m != "may"), key=len, reverse=True)
)
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_PATTERNS = [
    re.compile(
        r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
        r"(?:\s(?:morning|afternoon|evening|night))?\b"
    ),
    re.compile(r"\b(?i:first|second|third|fourth)[- ]quarter\b"),
    re.compile(
        rf"\b(?:{_MONTH_FULL}|(?i:{_MONTH_ABBREV})\.?)\s?\d{{1,2}}(?:st|nd|rd|th)?\b"
        r"(?:\s?[,-]?\s?\d{4}\b)?"
    ),
    re.compile(rf"\b\d{{1,2}}\s(?:{_MONTH_FULL})(?:\s\d{{4}})?\b"),
    re.compile(rf"\b(?:{_MONTH_FULL})\s\d{{4}}\b"),
    re.compile(r"\b(?i:yesterday|today|tomorrow|tonight)\b"),
]


def find_dates(article: Article, blocks: list[Block]) -> list[DateMention]:
    """Every date expression in the parsed paragraphs, normalised against publication."""
    anchor = article.published
    mentions: list[DateMention] = []
    for block in blocks:
        text = block.text
        for start, end in _merge(text, _candidates(block.doc, text), anchor):
            tense = _tense(block.doc, start, end)
            found = normalise(text[start:end], anchor, tense)
            if found is None:
                continue
            mentions.append(
                DateMention(
                    span=block.span(start, end),
                    value=found.value,
                    precision=found.precision,
                    relative=found.relative,
                    sentence=_sentence(block, start, end),
                )
            )
    return mentions


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Doc-relative character ranges that might be date expressions (``text``: the doc's)."""
    found: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            found.extend(_pieces(ent))
    for pattern in _PATTERNS:
        found.extend(match.span() for match in pattern.finditer(text))
    return sorted(set(found))


def _pieces(ent: DocSpan) -> list[tuple[int, int]]:
    """An entity split at conjunctions and trimmed of edge tokens ("Jan. 20 and end")."""
    pieces: list[tuple[int, int]] = []
    current: list[int] = []
    for token in ent:
        if token.lower_ in SPLIT_WORDS:
            pieces.extend(_trimmed(ent, current))
            current = []
        else:
            current.append(token.i)
    pieces.extend(_trimmed(ent, current))
    return pieces


def _trimmed(ent: DocSpan, indices: list[int]) -> list[tuple[int, int]]:
    doc = ent.doc
    while indices and doc[indices[0]].pos_ in EDGE_POS:
        indices = indices[1:]
    while indices and doc[indices[-1]].pos_ in EDGE_POS and doc[indices[-1]].lower_ != "ago":
        indices = indices[:-1]
    if not indices:
        return []
    first, last = doc[indices[0]], doc[indices[-1]]
    return [(first.idx, last.idx + len(last.text))]


def _merge(
    text: str, candidates: list[tuple[int, int]], anchor: date | None
) -> list[tuple[int, int]]:
    """Resolve overlaps in ``text``: the union when it still reads as a date, else the
    longest parts."""
    chosen: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []
    for start, end in [*candidates, (len(text) + 1, len(text) + 1)]:
        if group and start >= max(e for _, e in group):
            chosen.extend(_resolve(text, group, anchor))
            group = []
        group.append((start, end))
    return chosen


def _resolve(text: str, group: list[tuple[int, int]], anchor: date | None) -> list[tuple[int, int]]:
    union = (min(s for s, _ in group), max(e for _, e in group))
    if len(group) == 1 or normalise(text[union[0] : union[1]], anchor) is not None:
        return [union]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(group, key=lambda c: c[0] - c[1]):
        if any(start < e and s < end for s, e in kept):
            continue
        if normalise(text[start:end], anchor) is not None:
            kept.append((start, end))
    return sorted(kept)


def _tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb the expression hangs from: "will meet" future, "met" past."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(HEAD_WALK_LIMIT):
        if token.pos_ in ("VERB", "AUX"):
            auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            if any(c.lower_ in FUTURE_AUXILIARIES for c in auxiliaries):
                return "future"
            if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
                return "past"
            if any(c.lemma_ == "have" for c in auxiliaries):
                return "past"  # present perfect: "has fallen since Monday"
            return "present" if token.tag_ in ("VBZ", "VBP") else None
        if token.head is token:
            break
        token = token.head
    return None


def _sentence(block: Block, start: int, end: int) -> Span | None:
    for sent in block.doc.sents:
        if sent.start_char <= start < sent.end_char:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            stripped = text.strip()
            if stripped:
                begin = sent.start_char + lead
                return block.span(begin, begin + len(stripped))
    return None
