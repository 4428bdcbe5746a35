"""Counts that describe a noun instead of counting it: "a three-game losing streak", "a 12-story
building", "the 7.2 earthquake", "a five-time champion", "a mother of two".

The number measures one property of the thing its phrase modifies (how long the streak, how
tall the building, how strong the quake), so no group of games, stories or earthquakes is
counted and the phrase is no figure for a dossier. :mod:`accord.extract.quantities` still
finds these phrases: a benchmark of quantities counts "six-speed" and "three-bed", a dossier
does not. A measurement with a unit ("a 20-mile pursuit") and money ("a $5-million deal")
keep their figures: they say how far and how much.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.quantities import QuantityPhrase
from accord.lexicon import HYPHEN_BOUND_WORDS, PARENT_NOUNS
from accord.vocab import QuantityKind

HYPHENS = frozenset({"-", "–", "‐"})
# Tags of a noun in the singular: a number other than one before such a noun is a property
# ("a 12 story building"), a count reads "12 stories".
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
# What a noun can be to the noun it describes, in spaCy's English dependency scheme.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _glued(left: Token, right: Token) -> bool:
    return not left.whitespace_ and left.i + 1 == right.i


def _hyphen_bound(phrase: QuantityPhrase) -> bool:
    """The number is glued by a hyphen to the word after it ("three-game", "one-liners",
    "6,000-member"): a compound word, not a number and the things it counts. "20-plus" and
    "30-odd" are bounds, not compounds."""
    doc = phrase.anchor.doc
    numbers = [t.i for t in doc[phrase.start : phrase.end] if t.like_num]
    if not numbers or numbers[-1] + 2 >= len(doc):
        return False
    last, hyphen, word = doc[numbers[-1]], doc[numbers[-1] + 1], doc[numbers[-1] + 2]
    return (
        hyphen.text in HYPHENS
        and _glued(last, hyphen)
        and _glued(hyphen, word)
        and word.is_alpha
        and word.lower_ not in HYPHEN_BOUND_WORDS
    )


def _describes_singular_noun(phrase: QuantityPhrase) -> bool:
    """A number other than one before a singular noun that modifies a later singular noun
    ("a 12 story building", "the 6.1 magnitude quake"), or a number with a fraction before
    any singular noun ("the 7.2 earthquake"): "12 crew members" and "12 crew" still count."""
    anchor, quantity = phrase.anchor, phrase.quantity
    noun = anchor.head
    if anchor.dep_ != "nummod" or noun.i < phrase.end or noun.tag_ not in SINGULAR_NOUN_TAGS:
        return False
    if any(t.is_punct and t.text not in HYPHENS for t in noun.doc[phrase.end : noun.i]):
        return False  # "was 0.41, more than five times the limit": attached across a comma
    if quantity.low is None or quantity.low != quantity.high or quantity.low == 1:
        return False
    if not float(quantity.low).is_integer():
        return True
    if (
        noun.pos_ == "NOUN"
        and any(  # "a 30 storey block", parsed "30 block" + "storey"
            t.dep_ in MODIFIER_DEPS and t.tag_ == "NN" for t in noun.doc[phrase.end : noun.i]
        )
    ):
        return True
    described = noun.head
    return (
        noun.dep_ in MODIFIER_DEPS
        and described.i > noun.i
        and described.tag_ in SINGULAR_NOUN_TAGS
        and described.pos_ == "NOUN"
    )


def _children_of(phrase: QuantityPhrase) -> bool:
    """ "A mother of two died": the number is how many children the parent has."""
    anchor = phrase.anchor
    of = anchor.head
    return (
        anchor.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in PARENT_NOUNS
        and phrase.end == anchor.i + 1
    )


def describes_a_noun(phrase: QuantityPhrase) -> bool:
    """Whether a count phrase states a property of the noun it modifies rather than how many
    of something there are (see the module docstring)."""
    if phrase.kind != QuantityKind.COUNT:
        return False
    return _hyphen_bound(phrase) or _describes_singular_noun(phrase) or _children_of(phrase)
