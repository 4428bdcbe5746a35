"""What a figure counts, from the dependency parse: the counted noun phrase and its unit name.

"12 people", "dozens of people", "half the flats": the counted noun is the number's head or the
object of a following "of"; :func:`counted_unit` writes it as a unit name, and
:func:`clause_subject` names what rose, fell or holds the amount ("Shares of Acme rose 5%").
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.measure_words import MEASURE_ADJECTIVES

DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "these",
        "those",
        "this",
        "that",
        "their",
        "its",
        "his",
        "her",
        "our",
        "some",
        "of",
    }
)


# Determiners that make "N of the X" a part of a group the text has already named.
KNOWN_GROUP_DETERMINERS = frozenset({"the", "these", "those", "this", "that"})


def names_a_part(anchor: Token, noun: Token | None) -> bool:
    """Whether the number picks some members of a group the text already knows ("one of the
    prisoners", "two of his deputies", "three of Lee's aides"): it counts a part of the group,
    never the group's size, so the group's noun gives it no measure. "Dozens of people" and
    "hundreds of thousands" are not parts."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    if noun.head.head.i != anchor.i:
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in KNOWN_GROUP_DETERMINERS)
        for c in noun.children
    )


def counted_tokens(anchor: Token, after: int) -> list[Token]:
    """The words of the counted thing ("North Korean soldiers"), or [] when none is named.

    The noun is the number's head ("12 people"), or the object of a following "of"
    ("dozens of people"); modifiers between the number and the noun are kept, except a
    leading harm adjective ("two injured soldiers" counts soldiers) and determiners.
    """
    noun = _counted_noun(anchor, after)
    if noun is None:
        return []
    first = max(after, noun.left_edge.i) if noun.i >= after else noun.i
    tokens = [t for t in noun.doc[first : noun.i + 1]]
    while tokens and (
        tokens[0].lower_ in DETERMINERS
        or tokens[0].is_punct
        or tokens[0].lower_ in MEASURE_ADJECTIVES
        or (tokens[0].like_num and not _hyphenated(tokens))  # but "first-year teachers"
    ):
        tokens = tokens[1:]
    return tokens or [noun]


# Words of a counted phrase that say how many or whose, not what: they leave its unit name.
NOT_UNIT_WORDS = frozenset({"more", "most", "less", "least", "other", "further"})


def counted_unit(tokens: list[Token]) -> str:
    """The unit name of a counted phrase: the lemmas of its content words, as a unit
    catalogue writes them ("two of Lee's deputies" → "lee deputy", "20 rented flats" →
    "flat", "12 first-year teachers" → "first-year teacher"); "-" when empty.

    Left out: determiners, possessives, conjunctions, punctuation, participles before the
    noun (they describe, they are not what is counted) and comparison words ("more")."""
    words: list[str] = []
    glue = False
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        if tok.text in ("-", "–") and words and not tok.whitespace_ and i > 0:
            glue = not tokens[i - 1].whitespace_
            continue
        if (
            tok.pos_ in ("DET", "CCONJ", "PART", "PUNCT", "ADP")
            or tok.tag_ in ("PRP$", "POS")
            or tok.lower_ in NOT_UNIT_WORDS
            or (not last and tok.tag_ in ("VBG", "VBN") and not glue)
        ):
            glue = False
            continue
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma.endswith("s"):
            lemma = lemma[:-1]
        if glue:
            words[-1] += "-" + lemma if tok.lower_ == lemma else "-" + tok.lower_
        else:
            words.append(lemma)
        glue = False
    return " ".join(words) or "-"


def _hyphenated(tokens: list[Token]) -> bool:
    """Whether the first token is joined to the next by a hyphen ("first-year")."""
    return len(tokens) > 2 and tokens[1].text == "-" and not tokens[0].whitespace_


def _counted_noun(anchor: Token, after: int) -> Token | None:
    doc = anchor.doc
    if after < len(doc) and doc[after].lower_ == "of":
        objects = [c for c in doc[after].children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN"):
            return objects[0]
        return None
    if after < len(doc) and doc[after].dep_ in ("det", "poss") and doc[after].head.i > after:
        noun = doc[after].head  # "half the flats", "a third their income": a predeterminer
        return noun if noun.pos_ in ("NOUN", "PROPN") else None
    head = anchor.head
    if (
        anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and head.i >= after
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - after <= 6
    ):
        return head
    if anchor.pos_ == "NOUN" and anchor.lower_ not in ("hundreds", "thousands", "dozens"):
        return None
    return None


def clause_subject(anchor: Token) -> list[Token]:
    """The nouns of the subject of the clause a figure sits in, when the figure is not the
    subject itself: what rose, fell or holds the amount ("Shares of Acme rose 5%" → Shares,
    Acme). [] when the clause has no nominal subject."""
    verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [
        t
        for s in subjects
        if not s.left_edge.i <= anchor.i <= s.right_edge.i  # the figure is not the subject
        for t in s.subtree
        if t.pos_ in ("NOUN", "PROPN") and t.i != anchor.i
    ]
