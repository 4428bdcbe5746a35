"""Each sentence's main predicate: what two reports of one fact share, and whether one of them
denies it.

A sentence of news often wraps its proposition in an attribution frame ("Police said the
bridge did not collapse", "“…,” he said"); the proposition's verb is the frame's clausal
complement, so the reader passes through reporting verbs to it. The predicate is negated when
the parse attaches a negation to it ("not", "n't", "never") or its subject is a negative
("Nobody saw the driver"). A negation inside another clause ("…, but prosecutors have not
signed off") is not the proposition's; a negated frame ("did not say whether …") is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.lexicon import NEGATIVE_SUBJECTS, REPORTING_VERBS
from accord.model import PredicateMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.nlp import Block

__all__ = ["find_predicates", "is_negated", "lemma_of", "main_predicate"]

# "X said Y told Z that P": frames nest, but rarely more than twice.
MAX_FRAMES = 3
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A contracted "be" as the predicate ("he’s a solid investment"): the tagger lemmatises the
# curly-apostrophe forms to themselves.
_CONTRACTED_BE = frozenset({"'s", "'re", "'m"})


def main_predicate(sent: SpacySpan) -> Token:
    """The verb of the proposition: the sentence's root, or, where the root is a reporting
    verb with a clausal complement, that complement's head (frames followed inwards). A
    negated frame is the predicate itself: "he didn't think it was real" does not assert
    that it was."""
    head = sent.root
    for _ in range(MAX_FRAMES):
        if head.lemma_.lower() not in REPORTING_VERBS or is_negated(head):
            break
        complement = next((c for c in head.children if c.dep_ in _COMPLEMENTS), None)
        if complement is None:
            break
        head = complement
    return head


def is_negated(predicate: Token) -> bool:
    """A negation attached to the predicate itself, or a negative subject."""
    return any(
        child.dep_ == "neg" or (child.dep_ in _SUBJECTS and child.lower_ in NEGATIVE_SUBJECTS)
        for child in predicate.children
    )


def lemma_of(predicate: Token) -> str:
    """The predicate's lemma, lower-cased; a contracted "be" is "be"."""
    if predicate.lower_.replace("’", "'") in _CONTRACTED_BE:
        return "be"
    return predicate.lemma_.lower()


def find_predicates(blocks: list[Block]) -> list[PredicateMention]:
    """One main predicate per sentence with words, in text order (the sentences of
    :func:`accord.extract.sentences_of`)."""
    found = []
    for block in blocks:
        for sent, sentence in block.sentences():
            head = main_predicate(sent)
            found.append(
                PredicateMention(
                    span=block.span(head.idx, head.idx + len(head.text)),
                    sentence=sentence,
                    lemma=lemma_of(head),
                    negated=is_negated(head),
                )
            )
    return found
