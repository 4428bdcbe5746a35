"""The words two claims are compared on (:mod:`accord.align`): possessives folded, names
told apart from the predicate and its arguments, the attribution frame left out.

Two reports of one fact share its predicate and arguments; two sentences of one story share
its actors whatever they assert. So a shared name is weaker evidence of one proposition than
a shared verb, noun or number (:func:`claim_overlap`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from accord import lexicon
from accord.blocking import WORD_RE, content_words, proposition_words

__all__ = [
    "FRAME_WORDS",
    "NAME_WEIGHT",
    "ClaimText",
    "claim_overlap",
    "claim_words",
    "entities",
    "overlap",
    "plain",
    "topic_words",
]

# A shared name counts this much of a shared predicate, argument or number in
# claim_overlap: two sentences naming "Manafort" share an actor, not yet what he did. Half,
# not tuned; on ClaimDiff train "strengthens" it raises precision and recall on both topic
# halves (docs/accuracy.md).
NAME_WEIGHT = 0.5
# A word in more than a tenth of a story's sentences is its topic, not an argument.
TOPIC_SHARE = 0.1
MIN_TOPIC_UNITS = 10
# "Floyd's" and "Floyd", "Obama's plan" and "Obama": one argument.
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")


def plain(text: str) -> str:
    """``text`` without possessive endings ("Floyd's neck" -> "Floyd neck")."""
    return _POSSESSIVE.sub("", text)


def _frame_words() -> frozenset[str]:
    """The stems of reporting verbs in their common forms ("said", "states", "suggested"):
    they say who spoke, not what, so two sentences sharing one share no argument. "Find",
    "know" and "show" are left out: as often the proposition's own verb."""
    lemmas = lexicon.REPORTING_VERBS - {"find", "know", "show"}
    regular = [f"{v}{end}" for v in lemmas for end in ("", "s", "d", "ed", "ing")]
    return frozenset(proposition_words(" ".join([*regular, *lexicon.IRREGULAR_REPORTING])))


# Words of the attribution frame: no argument of a claim (see :func:`_frame_words`).
FRAME_WORDS = _frame_words()


def entities(text: str) -> set[str]:
    """Capitalised words after the first: a cheap stand-in for names and places."""
    found = WORD_RE.findall(text)[1:]
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in found if w[0].isupper()}


def claim_words(text: str) -> set[str]:
    """The content words of a claim, possessives folded (what :func:`accord.align.related`
    asks two sentences to share)."""
    return content_words(plain(text))


@dataclass(frozen=True)
class ClaimText:
    """What a claim is compared on, worked out once per sentence: its predicate, arguments
    and numbers (possessives folded, crude stems) and which of them are names."""

    words: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str) -> ClaimText:
        return cls(
            frozenset(proposition_words(plain(text))),
            frozenset(proposition_words(" ".join(entities(text)))),
        )


def overlap(a: ClaimText, b: ClaimText, topic: frozenset[str] = frozenset()) -> float:
    """Share of the shorter clause's predicate, arguments and numbers found in the other
    (:func:`accord.blocking.argument_overlap` with possessives folded), a shared name
    counting ``NAME_WEIGHT``; ``topic`` words are no argument of either."""
    wa, wb = a.words - topic, b.words - topic
    if not wa or not wb:
        return 0.0
    shared = wa & wb
    named = shared & (a.names | b.names)
    return (len(shared) - (1 - NAME_WEIGHT) * len(named)) / min(len(wa), len(wb))


def claim_overlap(a: str, b: str, topic: frozenset[str] = frozenset()) -> float:
    """:func:`overlap` of two sentences."""
    return overlap(ClaimText.of(a), ClaimText.of(b), topic)


def topic_words(texts: Sequence[str]) -> frozenset[str]:
    """Words in more than ``TOPIC_SHARE`` of a story's sentences ("soldiers", "flood"): two
    sentences sharing them share the story, not a proposition. Only for a story of at least
    ``MIN_TOPIC_UNITS`` sentences, where a share means something."""
    if len(texts) < MIN_TOPIC_UNITS:
        return frozenset()
    df = Counter(w for t in texts for w in proposition_words(plain(t)))
    return frozenset(w for w, n in df.items() if n > TOPIC_SHARE * len(texts))
