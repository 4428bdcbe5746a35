"""Change of a quantity: does a number report a rise, a fall, or a level it stands at?

Read from the words that govern the number in the dependency parse (its nearest heads, up to
the first verb) and the adverbs just before it: a rise verb, noun or adverb ("rose to 17", "a
5% increase", "up 3%") makes it ``up``; a fall word ("down 3%", "cut 40 jobs") ``down``; a
level verb ("stood at", "reached", "totalled") ``level``; a number added to a count
("two more victims", "another 20") ``up``, unless it follows another number of its
sentence ("14 dead and 17 more wounded"); a number introduced by "at" or
"from" after a change word is the level it stood at or started from ("up 3% at 41 dollars",
"up from 12"), so ``level``. Anything else is ``none``: most figures in a report are plain
counts. The word lists live here and nowhere else.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.model import Change

# Lemmas (spaCy's, lower-cased) of words that say a quantity went up: verbs, their nouns and
# the adverbs of market reports ("up 3%", "3% higher").
RISE_WORDS = frozenset(
    {
        "rise",
        "increase",
        "up",
        "gain",
        "grow",
        "growth",
        "climb",
        "jump",
        "raise",
        "boost",
        "surge",
        "soar",
        "add",
        "rally",
        "advance",
        "hike",
        "expand",
        "double",
        "triple",
        "swell",
        "spike",
        "mount",
        "escalate",
    }
)
# ... and down.
FALL_WORDS = frozenset(
    {
        "fall",
        "drop",
        "decline",
        "down",
        "cut",
        "lose",
        "loss",
        "decrease",
        "slip",
        "shed",
        "reduce",
        "reduction",
        "plunge",
        "sink",
        "tumble",
        "lower",
        "slide",
        "dip",
        "shrink",
        "slump",
        "ease",
        "retreat",
        "halve",
        "plummet",
    }
)
# Verbs that state where a quantity stands, not how it moved.
LEVEL_WORDS = frozenset({"stand", "reach", "total", "remain", "stay", "hover", "sit", "peak"})
# Words matched as written: spaCy lemmatises "higher" to "high", which is no change ("a
# 10-foot high wall").
WRITTEN_RISE = frozenset({"higher"})
WRITTEN_FALL = frozenset({"lower"})
# After a change word, a number after one of these is a level: "up 3% at 41 dollars" (where
# it stands), "rose to 17 from 12" (where it started). Not "to": "rose to 17" is a rise.
LEVEL_PREPOSITIONS = frozenset({"at", "from"})
# A number said to add to a count already given is a rise by that much: "two more victims",
# "another 20 people", "an additional 5", "a further 12".
ADDED_AFTER = frozenset({"more", "additional", "further", "extra"})
ADDED_BEFORE = frozenset({"another", "additional", "further"})
# How far up the parse to look: "rose 8% to $52" is 52 → $ → to → rose.
HEADS_READ = 4
WORDS_BEFORE = 2  # "up 3%", "down by 3%"
VERBS = frozenset({"VERB", "AUX"})
ADVERBS = frozenset({"ADV", "ADP", "ADJ"})  # spaCy tags "up" in "up 3%" ADV or ADP
# Prepositions that tie an amount or a level to a change word ("rose to", "fell by", "a rise
# of", "up from", "closed at"); any other ends the path: "prices rose in 5 cities" counts
# cities, "cuts on 30 products" counts products.
PATH_PREPOSITIONS = frozenset({"to", "by", "of", "from", "at"})
PARTICLE = "prt"  # "gave up 3 goals": "up" belongs to the verb, not to the number
SUBJECT = "nsubj"  # a passive subject still reads as the amount: "40 jobs were cut"


def change_of(first: Token, anchor: Token) -> Change:
    """The change a quantity phrase reports; ``first`` is its first token, ``anchor`` its
    last number token (whose heads lead to the verb that governs it)."""
    if first.text.startswith("+"):
        return Change.UP
    doc = first.doc
    following = doc[anchor.i + 1].lower_ if anchor.i + 1 < len(doc) else ""
    preceding = doc[first.i - 1].lower_ if first.i > 0 else ""
    if (following in ADDED_AFTER or preceding in ADDED_BEFORE) and not _listed(first):
        return Change.UP
    # adverbs just before the number ("up 3%", "down by 3%"); a verb or noun there is read
    # from the parse or not at all ("he added 5 people", "cuts on 30 products")
    before = [t for t in doc[max(0, first.i - WORDS_BEFORE) : first.i] if t.pos_ in ADVERBS]
    near = [*_governing(anchor), *reversed(before)]
    direction = next((c for tok in near if (c := _direction(tok)) is not None), None)
    if direction is None:
        return Change.NONE
    if first.i > 0 and doc[first.i - 1].lower_ in LEVEL_PREPOSITIONS:
        return Change.LEVEL
    return direction


def _listed(first: Token) -> bool:
    """A number after another in its sentence adds to that one, not to an earlier count:
    in "14 people dead and 17 more wounded" the 17 are the wounded."""
    return any(t.like_num for t in first.doc[first.sent.start : first.i])


def _governing(anchor: Token) -> list[Token]:
    """The number's heads up to and including the first verb: its counted noun, a
    preposition, the verb ("cut 500 jobs", "rose to 17"); never past that verb, so that a
    reporting verb ("..., he added") is not read as a change, nor from an active subject
    to its verb."""
    heads: list[Token] = []
    tok = anchor
    while len(heads) < HEADS_READ and tok.head is not tok:
        if tok.dep_ == SUBJECT:  # "Nine boats sank": the number counts what moved
            break
        tok = tok.head
        if tok.pos_ == "ADP" and tok.lower_ not in PATH_PREPOSITIONS:
            break
        heads.append(tok)
        if tok.pos_ in VERBS:
            break
    return heads


def _direction(tok: Token) -> Change | None:
    if tok.dep_ == PARTICLE:
        return None
    lemma = tok.lemma_.lower()
    if lemma in RISE_WORDS or tok.lower_ in WRITTEN_RISE:
        return Change.UP
    if lemma in FALL_WORDS or tok.lower_ in WRITTEN_FALL:
        return Change.DOWN
    if lemma in LEVEL_WORDS and tok.pos_ in VERBS:
        return Change.LEVEL
    return None
