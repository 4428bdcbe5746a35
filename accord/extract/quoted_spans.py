"""What a quoted or reported span is, read from the parse of its paragraph: its bounds with
the marks and punctuation cut, whether a quotation is a whole clause (verbatim) or a fragment
(partial), whether a quoted name is one someone gives, and whether reported content says
anything at all. Used by :mod:`accord.extract.quotes`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.extract.cues import NAMING_VERBS
from accord.extract.quote_marks import Region
from accord.lexicon import RELATIVE_PRONOUNS
from accord.model import QuoteForm, Span
from accord.nlp import Block

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

# Words that open a reported clause, never its content alone.
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})

TRIM_CHARS = " \t,.;:!?—–-\"“”«»„'’"


def trimmed(block: Block, start: int, end: int) -> Span | None:
    """A span with surrounding spaces, punctuation and quote marks cut; None when empty."""
    text = block.text
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return block.span(start, end) if end > start else None


def says(span: Span) -> bool:
    """Reported content is more than the word that opens a clause: a parse that leaves
    "that" alone as what was said ("Police say that [sentence split] …") says nothing, nor
    does a relative pronoun for the one a clause is about ("the driver, who police
    identified as …"). A pronoun ("denied it") still points at what was said."""
    return span.text.lower() not in COMPLEMENTIZERS | RELATIVE_PRONOUNS


def named_by(block: Block, span: Span) -> bool:
    """A quoted name that someone gives ("called her “Crooked Hillary”", "dubbed him the
    “Oddfather”"): the name is what they said."""
    words = block.doc.char_span(span.start - block.start, span.end - block.start, "expand")
    if words is None:
        return False
    return any(a.lemma_.lower() in NAMING_VERBS for a in list(words.root.ancestors)[:3])


def direct_form(block: Block, span: Span) -> QuoteForm:
    """A quoted clause is verbatim; a fragment (no verb, or starting mid-sentence in lower
    case: 'called it “a costly mistake”') is a partial quote."""
    doc = block.doc
    inner = doc.char_span(span.start - block.start, span.end - block.start, "expand")
    has_verb = inner is not None and any(t.pos_ in {"VERB", "AUX"} for t in inner)
    return QuoteForm.VERBATIM if has_verb and span.text[:1].isupper() else QuoteForm.PARTIAL


def inside(start: int, end: int, regions: list[Region]) -> bool:
    """True when the stretch lies inside one of the quoted regions, marks included."""
    return any(r.outer_start <= start and end <= r.outer_end for r in regions)


def mostly_quoted(block: Block, span: Span, regions: list[Region]) -> bool:
    """True when a direct quote already covers most of this content."""
    start, end = span.start - block.start, span.end - block.start
    covered = sum(max(0, min(end, r.outer_end) - max(start, r.outer_start)) for r in regions)
    return covered * 2 >= end - start


def next_sentence_end(sent: SpacySpan) -> int:
    """Where the sentence after ``sent`` ends (``sent``'s own end when it is the last)."""
    doc = sent.doc
    return sent.end_char if sent.end >= len(doc) else doc[sent.end].sent.end_char
