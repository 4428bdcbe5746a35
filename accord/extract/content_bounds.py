"""Where a reported statement's content starts and ends, given its cue and the clause or
object the parse hangs on it (:mod:`accord.extract.frames` finds those).

The content is the clause, or for a stance the object and what the object's predicate runs
on to ("called the plan a ploy"); it stops before the reporter's own frame around it (",
citing …", ", though …", "while Y said …"), and runs on past a clause the parse split in
two. For "…, he said" and "according to X, …" it is the longer side of the framing phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.frames import CLAUSE_DEPS, SUBJECT_DEPS, speech_verb
from accord.lexicon import CONTRAST_MARKS, SAID_FORMS

__all__ = ["clause_after_object", "content_bounds", "outside_phrase", "subject_read_as_object"]

# Subordinators that set another source's words beside a statement: "X said A while Y said
# B", "whereas Y said B".
SET_BESIDE = frozenset({"while", "whereas"})
# What a stance says about its object runs on past it: "called the plan a ploy", "urged
# Republicans to act", "cited the audit as the reason", "mocked him for his taxes"; not
# into "on Tuesday" or "at the meeting" (when and where, not what).
OBJECT_TAIL_DEPS = frozenset({"dobj", "xcomp", "ccomp", "oprd"})
TAIL_PREPS = frozenset({"about", "against", "as", "for", "of", "over", "to"})
# Penn tags of a verb with a tense: past, present, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def content_bounds(verb: Token, first: Token, stance: bool = True) -> tuple[int, int]:
    """From the first content word to the end of the clause or, for a ``stance``, of what
    follows the verb's object: its predicate or its topic phrase ("called the plan a
    ploy"). A second clause of the same verb is a statement of its own ("saying “…” and
    claiming that …")."""
    last = first.right_edge
    if not stance or first.i < verb.i:  # a passive's subject: the tail would hold the cue
        last = _before_participle(first, _run_on_clause(verb, last))
        opening = subject_read_as_object(verb, first) or first
        return opening.left_edge.idx, last.idx + len(last.text)
    for child in verb.children:
        tail = child.dep_ in OBJECT_TAIL_DEPS or (
            child.dep_ == "prep" and child.lower_ in TAIL_PREPS and not _when(child)
        )
        if child.i > first.i and tail:
            last = max(last, child.right_edge, key=lambda t: t.i)
    last = _before_participle(first, last)
    return first.left_edge.idx, last.idx + len(last.text)


def _finite(clause: Token) -> bool:
    """A clause with a tense of its own ("had", "would rise", "was killed"), which needs a
    subject; not an infinitive ("urged them to leave")."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in clause.children
    )


def subject_read_as_object(verb: Token, clause: Token) -> Token | None:
    """The clause's subject, where the parse hung it on the cue as its object: the cue's
    object right before a finite clause without a subject ("warned [young Greeks] would
    rise up", "concluded [a schoolboy …] was killed")."""
    if clause.i < verb.i or not _finite(clause):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    opening = clause.left_edge.i
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    return next((o for o in objects if o.right_edge.i + 1 == opening), None)


def clause_after_object(verb: Token) -> Token | None:
    """A finite clause right after the cue's object that the parse hung elsewhere (a conjunct
    of the sentence's first verb), its subject read as the object: "… and insisted Nixon
    had no knowledge of the plans" parses "Nixon" as what was insisted."""
    doc = verb.doc
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
        after = obj.right_edge.i + 1
        if after >= len(doc):
            continue
        clause = doc[after]
        if clause.dep_ in {"aux", "auxpass"}:
            clause = clause.head
        outside = clause not in verb.subtree
        if outside and clause.pos_ in {"VERB", "AUX"} and subject_read_as_object(verb, clause):
            return clause
    return None


def _run_on_clause(verb: Token, last: Token) -> Token:
    """The clause's end, past a second clause of the verb that follows it with nothing
    between: "Police say a climber who watched his brother fall is devastated" parses as
    two clauses ("a climber … fall", "is devastated") of one statement."""
    following = {
        c.left_edge.i: c
        for c in verb.children
        if c.dep_ in CLAUSE_DEPS and not c.left_edge.is_punct and not speech_verb(c)
    }  # not a report of its own run in ("… the regional centers The S.E.C. said …")
    while (nxt := following.get(last.i + 1)) is not None and not last.is_punct:
        last = nxt.right_edge
    return last


def _when(prep: Token) -> bool:
    """True for a time phrase ("for two years"): when, not what."""
    return any(c.ent_type_ in {"DATE", "TIME"} for c in prep.children if c.dep_ == "pobj")


def _before_participle(first: Token, last: Token) -> Token:
    """The content ends before a trailing ", citing …" or ", arguing …" on its head, or a
    ", though …" anywhere in it: the reporter's frame around the statement, not its words.
    So it does before "while Y said …": another source set beside this one."""
    doc = first.doc
    for clause in first.subtree:
        if clause.dep_ != "advcl" or clause.i > last.i or clause.i <= first.i:
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & SET_BESIDE and _said_by_someone(clause):
            end = clause.left_edge.i - 1
            while end > first.i and doc[end].is_punct:
                end -= 1
            return doc[end] if end >= first.i else last
        comma = doc[clause.left_edge.i - 1].text == ","
        participle = clause.head == first and clause.tag_ == "VBG"
        if (participle or marks & CONTRAST_MARKS) and comma:
            end = clause.left_edge.i - 2
            return doc[end] if end >= first.i else last
    return last


def _said_by_someone(clause: Token) -> bool:
    """A clause of saying with its own subject: "while John Cerar said …", not "while police
    shout at him to drop his gun"."""
    return clause.lower_ in SAID_FORMS and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def outside_phrase(cue: Token, head: Token) -> tuple[int, int] | None:
    """The bounds of the head clause's text on the longer side of the cue's phrase: what
    "…, he said" or "according to X, …" frames."""
    phrase = list(cue.subtree)
    clause = list(head.subtree) if head is not cue else list(cue.sent)
    first, last = phrase[0].i, phrase[-1].i
    left = [t for t in clause if t.i < first]
    right = [t for t in clause if t.i > last]
    side = left if len(left) >= len(right) else right
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)
