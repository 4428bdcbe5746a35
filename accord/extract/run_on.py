"""Quotations that cross paragraphs: one credited by the cue that closes it, and a
paragraph that ends "X said:" introducing the next (:func:`lead_in`).

News copy leaves a long quote open at a paragraph's end and closes it in a later one
("“The man was shaken. / He tried to help her,” said Sgt. Ann Lee."); copy laid out one
sentence a line does the same with no mark at all on the lines between. The opening part has
no cue of its own, and crediting it to the last quote's speaker gives one speaker's words to
another whenever two people are quoted in a row. :class:`RunOn` remembers the parts left open
(and the unmarked paragraphs after them) until a paragraph closes the quote with its own cue,
and then credits them all to that cue's speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from accord.extract.frames import issuer, source_of, speech_verb
from accord.extract.quote_marks import Region
from accord.model import QuoteMention
from accord.nlp import Block

# Unmarked paragraphs a quotation may run over before the paragraph that closes it: one
# sentence a line, a long quote's middle is a few lines; more is no quotation left open.
MAX_RUN_ON_PARAGRAPHS = 3


class Lead(NamedTuple):
    """A paragraph's closing cue and its subject, and whether it introduces only a quotation
    (a statement issued) or any next paragraph ("X said:")."""

    block: Block
    cue: Token
    subject: Token
    quoted_only: bool = False


def lead_in(block: Block, regions: list[Region]) -> Lead | None:
    """A paragraph that ends "X said:" with nothing quoted after the verb introduces the
    next paragraph. So does one whose last word is the speech verb and a comma ("X, a
    lawyer, commented,"): copy that breaks the line between a cue and its quote. A headline
    ending "…, lawyer says" introduces nothing. One that ends "X released a statement."
    introduces a quotation opening the next paragraph (:func:`_issued`)."""
    text = block.text.rstrip()
    words = [t for t in block.doc if not t.is_punct and not t.is_space]
    cut_off = bool(words) and speech_verb(words[-1]) and text.endswith(",")
    if not text.endswith(":") and not cut_off:
        return _issued(block, regions) if text.endswith(".") else None
    for token in reversed(block.doc):
        quoted = any(r.outer_start <= token.idx < r.outer_end for r in regions)
        if speech_verb(token) and not quoted:
            subject = source_of(token)
            after = [r for r in regions if r.outer_start > token.idx]
            return Lead(block, token, subject) if subject is not None and not after else None
    # "The manager issued the following statement:": the issuer introduces what follows
    return _issued(block, regions)


def _issued(block: Block, regions: list[Region]) -> Lead | None:
    """The issuer in a last sentence "her office later released a statement." (or "…
    issued the following statement:"), nothing quoted after it: the quotation that opens
    the next paragraph is that statement."""
    for token in block.doc[-1].sent:
        subject = issuer(token) if token.pos_ in {"NOUN", "PROPN"} else None
        verb = token.head
        if subject is not None and not [r for r in regions if r.outer_end > verb.idx]:
            return Lead(block, verb, subject, quoted_only=True)
    return None


def last_voice(
    previous: QuoteMention, near: tuple[int, int], reported: list[QuoteMention]
) -> QuoteMention:
    """Whom a quote with no cue of its own goes on quoting: the ``previous`` quote's
    speaker, unless reported speech credited to someone came between, ``near`` the quote
    (from the paragraph before to where the quote opens): "Jo Ames said the family would
    not appeal. “It was fair.”" is Jo Ames. A mention that holds the previous cue only passes
    its words on ("“…,” she said, according to her website")."""
    cue = previous.cue
    after = max(previous.span.end, cue.end if cue else 0, near[0])
    between = [
        m
        for m in reported
        if m.speaker is not None
        and m.cue is not None
        and after <= m.cue.start < near[1]
        and not (cue is not None and m.span.start <= cue.start < m.span.end)
    ]
    return max(between, key=lambda m: m.cue.start if m.cue else 0, default=previous)


class RunOn:
    """The parts of a quotation left open, waiting for the paragraph that closes it."""

    def __init__(
        self,
        waiting: list[int | QuoteMention] | None = None,
        between: list[Block] | None = None,
    ) -> None:
        # the open parts: an index among the found mentions, or a part too short to be found
        # without a speaker (kept here until the quotation is closed)
        self.waiting = waiting or []
        self.between = between or []  # unmarked paragraphs since the last open part

    def take(self) -> RunOn:
        """What is waiting, handed to a paragraph with quote marks; this one starts afresh."""
        taken = RunOn(self.waiting, self.between)
        self.waiting, self.between = [], []
        return taken

    def opened(self, part: int | QuoteMention | None) -> None:
        """An open part with no cue of its own: found at an index, or not found (None: an
        empty one, nothing to credit)."""
        if part is not None:
            self.waiting.append(part)
        self.between = []

    def unmarked(self, block: Block) -> None:
        """A paragraph with no quote mark: inside the quotation, or the quotation is over."""
        if self.waiting and len(self.between) < MAX_RUN_ON_PARAGRAPHS:
            self.between.append(block)
        else:
            self.waiting, self.between = [], []

    def paragraph(self, block: Block, marked: bool) -> RunOn:
        """What waits for a paragraph with quote marks (this one starts afresh); an unmarked
        one is inside the quotation or ends it, and nothing waits for it."""
        if marked:
            return self.take()
        self.unmarked(block)
        return RunOn()

    def go_on(
        self,
        left_open: RunOn,
        region: Region,
        mention: QuoteMention | None,
        found: list[QuoteMention],
        part: Callable[[Block], QuoteMention | None],
        closes: bool = False,
    ) -> list[QuoteMention]:
        """A paragraph's first quote ``region`` (its ``mention``) after ``left_open``: when it
        goes on with that quotation and its cue names a speaker, the quotation is theirs
        (the parts to add are returned); without a cue it waits on with this paragraph,
        unless it ``closes`` there going on in a voice already heard (its parts have a
        speaker): then the next paragraph's "X said" is X's alone."""
        if not left_open.continues(region):
            return []
        if mention is None or mention.speaker is None:
            voiced = any(isinstance(k, int) and found[k].speaker for k in left_open.waiting)
            if not (closes and voiced):
                self.waiting = left_open.waiting + self.waiting
            return []
        return left_open.credit(found, mention, part)

    def continues(self, region: Region) -> bool:
        """True when ``region``, a paragraph's first, goes on with the open quotation: it
        starts the paragraph, and after unmarked lines it only closes (opens nothing)."""
        if not self.waiting or region.outer_start != 0:
            return False
        return not self.between or region.inner_start == 0

    def credit(
        self,
        found: list[QuoteMention],
        closing: QuoteMention,
        part: Callable[[Block], QuoteMention | None],
    ) -> list[QuoteMention]:
        """Credit the open parts in ``found`` to the ``closing`` part's speaker and cue, and
        return the unmarked paragraphs between as parts of theirs (``part`` makes one)."""

        def theirs(mention: QuoteMention) -> QuoteMention:
            return dataclasses.replace(
                mention,
                speaker=closing.speaker,
                speaker_span=closing.speaker_span,
                cue=closing.cue,
                speaker_type=closing.speaker_type,
            )

        unfound = []
        for k in self.waiting:
            if isinstance(k, int):
                found[k] = theirs(found[k])
            else:
                unfound.append(theirs(k))
        return unfound + [theirs(m) for b in self.between if (m := part(b)) is not None]
