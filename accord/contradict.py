"""Do two clauses about one thing say opposite things, and how?

Alignment (:mod:`accord.align`) finds two sentences about the same fact; this module reads
their polarity. Four ways for two reports to oppose each other, each read from the words of
the two clauses alone (no rule of any one story):

* **negation**: one clause negates what the other asserts ("the bridge did not collapse"),
  scoped as in NegEx (Chapman et al. 2001) so that a negation elsewhere in the sentence does
  not count;
* **antonym**: the clauses share their arguments but one predicate is the opposite of the
  other's ("the river rose" / "the river fell");
* **denial**: one side denies or disputes the proposition ("the ministry denied that troops
  crossed the border");
* **correction**: one side corrects an earlier report ("an earlier version misstated ...",
  "police corrected the toll").

A denial or a correction names the other side's proposition in other words, so it needs less
of the embedding than a negated restatement does (see ``align.DISPUTE_SIMILARITY``).

The words find a candidate; the parse confirms it (:func:`propositions_oppose`): a negation or
a denial must oppose the very predicate the other sentence asserts. And two sentences dated to
two different moments contradict nothing (:func:`apart_in_time`).
"""

from __future__ import annotations

import re

from accord.blocking import WORD_RE, content_words, words
from accord.lexicon import DENIAL_VERBS
from accord.model import PredicateMention
from accord.vocab import Opposition

__all__ = [
    "ANTONYMS",
    "NEGATION_CUES",
    "apart_in_time",
    "negated",
    "opposition",
    "propositions_oppose",
]

NEGATION_CUES = frozenset(
    {
        "not",
        "no",
        "never",
        "n't",
        "neither",
        "nor",
        "none",
        "nobody",
        "nothing",
        "without",
    }
)
NOT = "n't"
# "didn't", "didn ’ t" (tokenised text) and "didnt" (no apostrophe) all negate.
_CONTRACTED_RE = re.compile(r"n\s*['’]\s*t\b")
_UNMARKED_RE = re.compile(r"^(?:ca|do|did|does|is|was|are|were|has|have|had|could|would|wo)nt$")
# "not only ... but" adds, it does not negate ("no only" never occurs, so any cue may be tested).
ADDITIVE = frozenset({"only", "merely", "just"})
# NegEx scopes a negation over the next five words, ended by a clause break.
NEGATION_SCOPE = 5
# ... or by a word that opens another clause (ConText's termination terms): "I wasn't
# surprised because I thought she died" does not negate the thinking.
SCOPE_ENDS = frozenset({"because", "but", "although", "though", "however", "while", "yet"})
_CLAUSE_RE = re.compile(r"[,;:.!?()“”\"—–]")
# A denial is a verb of denial (FactBank's counter-factive sources, lexicon.DENIAL_VERBS) with
# the proposition or the report it denies as its object ("denied that ...", "refuted the
# reports"); "was denied a permit" refuses, it does not deny, and "without denying the story"
# denies nothing.
DENIED_OBJECTS = (
    "that",
    "reports?",
    "claims?",
    "allegations?",
    "accusations?",
    "charges?",
    "suggestions?",
    "rumou?rs?",
    "the (?:story|stories|report|reports|claim|claims|allegation|allegations|accusations?)",
)
_DENIAL_RE = re.compile(
    rf"\b(?:{'|'.join(DENIAL_VERBS)})\s+(?:{'|'.join(DENIED_OBJECTS)})\b", re.IGNORECASE
)
_DENIAL_NEGATED_RE = re.compile(r"(?:\bnot|\bnever|\bwithout|n[’']t)\s+(?:\w+\s+)?$", re.I)
# Judgements that deny a report in other words ("called the report baseless").
DENIAL_JUDGEMENTS = frozenset({"untrue", "baseless", "unfounded"})
# Words that mark a correction of an earlier report.
CORRECTION_WORDS = frozenset(
    {"corrected", "correction", "misstated", "misreported", "erroneously", "incorrectly"}
)
# Predicates and states that cannot both hold of one thing at one time, as written.
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in (
        ("rose rise rises risen", "fell fall falls fallen"),
        ("increased increase increases", "decreased decrease decreases"),
        ("won win wins", "lost lose loses"),
        ("accepted accept accepts", "rejected reject rejects"),
        ("approved approve approves", "rejected reject rejects vetoed"),
        ("supported support supports", "opposed oppose opposes"),
        ("guilty", "innocent"),
        ("alive survived", "dead died killed"),
        ("opened open reopened", "closed close shut"),
        ("allowed allow allows permitted", "banned ban bans forbade prohibited"),
        ("confirmed confirm confirms", "denied deny denies"),
        ("legal lawful", "illegal unlawful"),
        ("arrested detained", "released freed"),
        ("true", "false"),
    )
)


def negated(text: str, about: set[str] | None = None) -> bool:
    """Odd number of negation cues (a double negative reads as positive).

    With ``about`` (the other sentence's content words), a cue counts only when its scope —
    the next ``NEGATION_SCOPE`` words up to a clause break or a word of ``SCOPE_ENDS``, as in
    NegEx — holds one of them:
    "this was not easy: they kill their wounded" does not negate the killing.
    """
    count = 0
    for clause in _CLAUSE_RE.split(_CONTRACTED_RE.sub(" n't", text)):
        tokens = [NOT if _UNMARKED_RE.match(t) else t for t in words(clause)]
        for k, token in enumerate(tokens):
            after = tokens[k + 1 : k + 1 + NEGATION_SCOPE]
            end = next((n for n, t in enumerate(after) if t in SCOPE_ENDS), len(after))
            scope = set(after[:end])
            if token not in NEGATION_CUES or set(tokens[k + 1 : k + 2]) & ADDITIVE:
                continue
            if about is None or scope & about:
                count += 1
    return count % 2 == 1


def _antonymous(words_a: set[str], words_b: set[str]) -> bool:
    """One clause holds a predicate and the other its opposite, and neither holds both."""
    for left, right in ANTONYMS:
        for x, y in ((left, right), (right, left)):
            if words_a & x and words_b & y and not words_a & y and not words_b & x:
                return True
    return False


def _names(text: str) -> set[str]:
    """Capitalised words after the first, lower-cased: the names a clause mentions."""
    return {w.lower() for w in WORD_RE.findall(text)[1:] if w[0].isupper()}


def _denies(text: str, tokens: set[str]) -> bool:
    """Does the clause deny a proposition or a report (and not deny that it denies)?"""
    for found in _DENIAL_RE.finditer(text):
        if not _DENIAL_NEGATED_RE.search(text[: found.start()]):
            return True
    return bool(tokens & DENIAL_JUDGEMENTS)


def opposition(a: str, b: str) -> Opposition | None:
    """How clause ``b`` opposes clause ``a`` (both about one fact), or None."""
    # what a negation must reach in the other clause: its predicate and common nouns, not a
    # name alone ("didn't hire Cheeks" does not deny "gave Cheeks an extension")
    names = _names(a) | _names(b)
    bag_a, bag_b = content_words(a) - names, content_words(b) - names
    all_a, all_b = set(words(a)), set(words(b))
    if bool(all_a & CORRECTION_WORDS) != bool(all_b & CORRECTION_WORDS):
        return Opposition.CORRECTION
    if _denies(a, all_a) != _denies(b, all_b):
        return Opposition.DENIAL
    # one side negates words the other asserts, and the other has no negation of its own
    # ("he did not know he was going to war" and "he was going to Russia, not to fight")
    if negated(a, bag_b) != negated(b, bag_a) and negated(a) != negated(b):
        return Opposition.NEGATION
    if _antonymous(all_a, all_b):
        return Opposition.ANTONYM
    return None


def propositions_oppose(
    p: PredicateMention | None, q: PredicateMention | None, opposed: Opposition
) -> bool:
    """The opposition the words found is one of the propositions, as the two sentences'
    parses read them (:mod:`accord.extract.predicates`). A negation negates the very
    predicate the other asserts ("the bridge did not collapse" / "the bridge collapsed"); a
    denial denies it ("the family deny that he was carrying a weapon" / "he was carrying a
    gun"). A negation or a denial in another clause ("Lohan had checked in, but prosecutors
    have not signed off"; "police said a revolver was recovered, but the family deny that he
    was carrying a weapon") opposes nothing the other asserts, and two denials of one thing
    agree; what "would have" happened asserts nothing to oppose. Antonyms and corrections,
    and any pair where either predicate is unknown (an extraction made without them), are
    left to the words."""
    if p is None or q is None:
        return True
    if opposed is Opposition.NEGATION:
        return p.asserted and q.asserted and p.lemma == q.lemma and p.negated != q.negated
    if opposed is Opposition.DENIAL:
        return any(
            x.denied is not None
            and y.denied is None
            and y.asserted
            and x.denied == y.lemma
            and not y.negated
            for x, y in ((p, q), (q, p))
        )
    return True


def apart_in_time(dates_a: frozenset[str], dates_b: frozenset[str]) -> bool:
    """Both sentences date what they tell (resolved dates: "2008", "2013-03-12"), and no
    date of one falls in a date of the other ("Gomes was arrested last night" / "Gomes had
    been released in late 2008"): two moments, and a conflict is between reports of one
    moment. A sentence with no date may be of any time."""
    if not dates_a or not dates_b:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in dates_a for y in dates_b)
