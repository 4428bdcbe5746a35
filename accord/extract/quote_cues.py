"""The cue that credits a quotation: the nearest speech verb (or "according to") outside its
marks, in the quotation's own sentences or, for a quotation that is a sentence of its own, the
next one ("“We will win.” Jo Ames said so on Monday.").

A subject-less or belief verb ("expects") loses to a plain speech verb however near it is:
"“…,” officials said, expecting …" is the officials' quotation. A verb that introduces the
quotation ("told her, “…”") wins over a frame after it: in "he told her, “…,” the newspaper
reported" he spoke and the newspaper passes his words on.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Token

from accord.extract.cues import WEAK_CUES, cue_lemma
from accord.extract.frames import SUBJECT_DEPS, according_to, named_after, source_of, speech_verb
from accord.extract.quote_marks import Region
from accord.extract.quoted_spans import TRIM_CHARS, inside, next_sentence_end
from accord.nlp import Block


def nearest_cue(
    block: Block, region: Region, lo: int, hi: int
) -> tuple[Token, Token | None] | None:
    """The cue for the quotation in ``region`` and its subject (None where it names nobody),
    searched between ``lo`` and ``hi`` (the neighbouring quotations' marks)."""
    doc, text = block.doc, block.text
    sents = [
        s for s in doc.sents if s.end_char > region.outer_start and s.start_char < region.outer_end
    ]
    if not sents:
        return None
    window_lo = max(lo, sents[0].start_char)
    window_hi = min(hi, sents[-1].end_char)
    whole_sentence = not text[window_lo : region.outer_start].strip(TRIM_CHARS)
    if whole_sentence and not text[region.outer_end : window_hi].strip(TRIM_CHARS):
        # The quote is its own sentence: look in the next sentence for "X said."
        window_hi = min(hi, next_sentence_end(sents[-1]))
    best: tuple[int, Token, Token | None] | None = None
    for token in doc:
        if not window_lo <= token.idx < window_hi or inside(token.idx, token.idx + 1, [region]):
            continue
        obj = according_to(token)
        if obj is None and not speech_verb(token):
            continue
        subject = obj if obj is not None else source_of(token)
        if subject is None or inside(subject.idx, subject.idx + 1, [region]):
            subject = _outside_subject(token, region)
        gap = (
            region.outer_start - token.idx
            if token.idx < region.outer_start
            else token.idx - region.outer_end
        )
        weak = subject is None or cue_lemma(token) in WEAK_CUES
        rank = gap + (len(text) if weak else 0)
        if not weak and _introduces(token, region, text):
            rank = -1
        if best is None or rank < best[0]:
            best = (rank, token, subject)
    return None if best is None else (best[1], best[2])


def _outside_subject(verb: Token, region: Region) -> Token | None:
    """The verb's subject outside the quote, when the parser took a word of the quote for its
    subject or found none: "“…,” Jo Ames writes", "“…,” said Jo Ames"."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not inside(child.idx, child.idx + 1, [region]):
            return child
    return named_after(verb)


# Words at most between a verb and the quotation it introduces: whom it was told to ("told
# the jury, “…”").
INTRODUCER_WORDS = 4


def _introduces(verb: Token, region: Region, text: str) -> bool:
    """The verb introduces the quotation: only its listener and a comma or colon stand
    between ("said, “…”", "told her, “…”", "told the jury: “…”"), no other verb."""
    if verb.idx >= region.outer_start:
        return False
    between = text[verb.idx + len(verb.text) : region.outer_start].strip()
    if not between.endswith((",", ":")):
        return False
    if "," in between[:-1]:
        return False
    words = [
        t
        for t in takewhile(lambda t: t.idx < region.outer_start, verb.doc[verb.i + 1 :])
        if not t.is_punct
    ]
    verbs = any(t.pos_ in {"VERB", "AUX"} for t in words)
    return len(words) <= INTRODUCER_WORDS and not verbs
