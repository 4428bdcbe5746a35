"""Each sentence's main predicate: what two reports of one fact share, and whether one of them
negates or denies it.

A sentence of news often wraps its proposition in an attribution frame ("Police said the
bridge did not collapse", "“…,” he said"); the proposition's verb is the frame's clausal
complement, so the reader passes through reporting verbs to it. The predicate is negated when
the parse attaches a negation to it ("not", "n't", "never") or its subject is a negative
("Nobody saw the driver"). A negation inside another clause ("…, but prosecutors have not
signed off") is not the proposition's; a negated frame ("did not say whether …") is.

A copula says nothing of its own: "X is new" and "X is the new star" are told apart by their
complements, so a copula's predicate is its complement ("new", "star"), or "be" with its
preposition ("be at"). A denial ("the family deny that he was carrying a weapon", "LaRue
denied suggestions that he was Deep Throat") names the proposition it denies: its predicate
is what another report must assert for the two to contradict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.lexicon import (
    COUNTERFACTUAL_MODALS,
    DENIAL_LEMMAS,
    NEGATIVE_SUBJECTS,
    REPORTING_VERBS,
)
from accord.model import PredicateMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.nlp import Block

__all__ = [
    "denied_predicate",
    "find_predicates",
    "is_counterfactual",
    "is_negated",
    "lemma_of",
    "main_predicate",
]

# "X said Y told Z that P": frames nest, but rarely more than twice.
MAX_FRAMES = 3
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# What a copula says of its subject: "is new", "was the star" (an object where the tagger read
# a contracted copula as a verb: "he’s a solid investment").
_COPULA_COMPLEMENTS = frozenset({"attr", "acomp", "dobj"})
# A clause on a denied noun: "suggestions that he was …", "reports that his talks hit …".
_NOUN_CLAUSES = frozenset({"acl", "ccomp"})
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


def is_counterfactual(predicate: Token) -> bool:
    """A conditional perfect ("would not have placed him on reserve if …"): what would have
    happened had things been otherwise asserts nothing that did, or did not, happen. "Could
    have been" stays asserted: it is a possibility, not a counterfactual."""
    auxiliaries = {c.lower_ for c in predicate.children if c.dep_ == "aux"}
    return bool(auxiliaries & COUNTERFACTUAL_MODALS) and "have" in auxiliaries


def lemma_of(predicate: Token) -> str:
    """The predicate's lemma, lower-cased: a copula's complement ("new"), or "be" with its
    preposition ("be at"); a contracted "be" is "be"."""
    if predicate.lower_.replace("’", "'") in _CONTRACTED_BE:
        lemma = "be"
    else:
        lemma = predicate.lemma_.lower()
    if lemma != "be":
        return lemma
    children = list(predicate.children)
    complement = next((c for c in children if c.dep_ in _COPULA_COMPLEMENTS), None)
    if complement is not None:
        return complement.lemma_.lower()
    # "is to be the new star": the copula's own complement says it
    further = next((c for c in children if c.dep_ == "xcomp"), None)
    if further is not None:
        return lemma_of(further)
    preposition = next((c for c in children if c.dep_ == "prep"), None)
    return f"be {preposition.lower_}" if preposition is not None else lemma


def denied_predicate(sent: SpacySpan) -> str | None:
    """What the sentence denies, as the lemma of its predicate: "deny that he was carrying
    a weapon" -> "carry", "denied suggestions that he was Deep Throat" -> "throat". An empty
    string for a denial of no clause ("denied the accusations"); None where nothing is
    denied (or the denial is itself negated: "did not deny …")."""
    for token in sent:
        if token.lemma_.lower() not in DENIAL_LEMMAS or token.pos_ != "VERB":
            continue
        if is_negated(token):
            continue
        clause = next((c for c in token.children if c.dep_ in _COMPLEMENTS), None)
        if clause is None:
            denied = next((c for c in token.children if c.dep_ == "dobj"), None)
            children = denied.children if denied is not None else ()
            clause = next((c for c in children if c.dep_ in _NOUN_CLAUSES), None)
        return lemma_of(clause) if clause is not None else ""
    return None


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
                    denied=denied_predicate(sent),
                    asserted=not is_counterfactual(head),
                )
            )
    return found
