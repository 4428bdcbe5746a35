"""What one figure mention counts, as a grouping key: measure, period, victim group, scope.

Two mentions are compared (and may conflict) only when they count the same thing: the same
measure over the same period, of the same victim group, about the same happening. The victim
group is read from the incident frame's victims (else the counted noun): its head noun folded to
a class ("troops" and "soldiers" are one group, "children" another) and the nationality or
affiliation written before it ("Israeli soldiers" are not "Palestinian civilians"). Generic
heads ("people", "victims", "deaths") name no group of their own; a figure with no counted
phrase at all ("roughly 12,000 were deployed") says nothing of its group.
"""

from __future__ import annotations

import re

from accord.extract.measures import is_measure_noun
from accord.model import Change, FigureMention, Scope
from accord.vocab import GENERIC_MEASURES, Measure

# The word before a number a count rose or fell to: "the toll rose to 10" is where it stands.
LEVEL_REACHED = "to"
# Heads that say how many, not who: a figure counting "people" is not a separate group. The
# people of a place ("residents", "inhabitants") are its people: "10,000 residents displaced"
# and "9,500 people displaced" count one thing.
GENERIC_HEADS = frozenset(
    {
        "people",
        "person",
        "persons",
        "individual",
        "victim",
        "other",
        "dead",
        "body",
        "life",
        "resident",
        "inhabitant",
    }
)
# One class for the words news uses for the same armed personnel.
HEAD_CLASSES = {
    "troop": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "personnel": "soldier",
    "military": "soldier",
    "men": "man",
    "women": "woman",
    "children": "child",
    "kid": "child",
    "policemen": "police officer",
    "policeman": "police officer",
    "officer": "police officer",
}
# Measures of a standing state (forces in place), not of something that happened once.
STATE_MEASURES = frozenset({Measure.DEPLOYED, Measure.STATIONED})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def singular(word: str) -> str:
    """A plain English singular for a lower-case noun (enough for grouping keys)."""
    if word in HEAD_CLASSES or len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def victim_group(mention: FigureMention) -> str | None:
    """The group a figure counts, folded for grouping: ``""`` when its phrase names a generic
    group ("people", "deaths"), ``None`` when the figure has no counted phrase at all."""
    phrase = mention.frame.victims if mention.frame and mention.frame.victims else mention.counted
    if not phrase:
        return None
    if is_measure_noun(phrase):
        return ""
    words = _WORD_RE.findall(phrase)
    if not words:
        return ""
    head = singular(words[-1].lower())
    head = HEAD_CLASSES.get(head, head)
    if head in GENERIC_HEADS:
        head = ""
    # a capitalised word before the head is a nationality or an affiliation ("North Korean")
    modifiers = [w.lower() for w in words[:-1] if w[:1].isupper()]
    return " ".join([*modifiers, head]).strip()


def scope_of(mention: FigureMention) -> Scope:
    """The frame's scope; a force level ("11,000 troops deployed") is the state of the story
    at the time of the report, a running total, not the toll of one of its happenings."""
    scope = mention.frame.scope if mention.frame is not None else Scope.INCIDENT
    if scope is Scope.INCIDENT and mention.measure in STATE_MEASURES:
        return Scope.RUNNING_TOTAL
    return scope


def counts_a_happening(mention: FigureMention) -> bool:
    """Does the figure count the outcome of a happening (killed, captured, deployed…)? Only
    then can two different numbers for it be a conflict."""
    return mention.measure not in GENERIC_MEASURES


def measure_key(mention: FigureMention) -> str:
    """The measure, with the counted noun for a bare count (it says what it counts only there)."""
    if mention.measure == Measure.COUNT:
        return f"count:{(mention.counted or '').lower()}"
    return mention.measure


def figure_key(figure: FigureMention) -> str:
    """What a figure counts, keyed as ``reconcile`` keys it: the measure, the counted noun
    for a bare count ("one stranded driver" and "five nurses" are not one quantity), and
    the period ("40 this week" does not contradict "400 since the war began"). Claims and
    statements compare two sentences' numbers on it."""
    what = str(figure.measure)
    if figure.measure == Measure.COUNT:
        what += f":{(figure.counted or '').lower()}"
    return f"{what}|{figure.period.key}"


def amount_of_change(mention: FigureMention) -> bool:
    """Does the number say by how much a count moved ("two more victims", "rose by 3"), not
    where it stands ("rose to 10")? Such an amount is no toll: it is compared with nothing."""
    if mention.change not in (Change.UP, Change.DOWN):
        return False
    sentence = mention.sentence
    if sentence is None:  # nothing to read it from: where it stands, as before
        return False
    before = sentence.text[: max(0, mention.span.start - sentence.start)].split()
    return not before or before[-1].lower() != LEVEL_REACHED
