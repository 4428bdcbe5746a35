"""People the entity tagger did not call people, found by what the article says of them.

spaCy's small model leaves many names untyped or calls them organisations ("Dresh said",
"Selbi, 45, a teacher", "student Anna Perlon"), so their words were credited to an
"organisation" and a pronoun after them to someone else. A name is read as a person's when
the article gives it what only a person has, in the parse: a role or title just before it
("Team spokesman Rob Harl", "Professor Mirek"), an age ("32-year-old Anna Perlon", "Selbi,
45,"), an apposition headed by a person noun ("Dresh, a conservative lawmaker"), or a "he"
/ "she" as the subject of what the name is said to have said ("Mirek said he was …"). No
list of names: only the words around the name. A name written with a quoted nickname
("Vincent 'Chin' Gigante"), which the tagger splits at the quote marks, is read whole
(:func:`nicknamed`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from accord.extract.cues import cue_lemma
from accord.extract.speakers import NICKNAMED, TITLE_WORDS
from accord.gazetteer import PERSON_TITLES
from accord.lexicon import (
    ORGANISATION_NAME_ENDS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    SINGULAR_PERSON_PRONOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.nlp import Block

# Labels a name of a person is never given by mistake often enough to overrule: a place
# ("Moscow said") speaks for its government; a nation's people ("Greeks") are a group.
_NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "QUANTITY"})
# Endings of a role noun before a two-word name ("protester Anna Perlon"); before one
# capitalised word they may name a body's kind ("cable operator Telnet"), so a listed role
# is needed there.
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def name_run(token: Token, is_title: Callable[[Token], bool]) -> list[Token]:
    """The capitalised proper nouns that end at ``token`` and hang on it ("Anna
    Perlon"), without a leading title ("Professor")."""
    run = [token]
    i = token.i - 1
    while i >= 0:
        word = token.doc[i]
        if word.pos_ != "PROPN" or not word.text[:1].isupper() or is_title(word):
            break
        if word.dep_ != "compound" or word.head.i not in {t.i for t in run}:
            break
        run.insert(0, word)
        i -= 1
    return run


def _listed_role(word: Token) -> bool:
    """A listed role or title, an abbreviated title ("Lt.", "Sgt.") or a title written out
    as a common noun ("a professor of economics")."""
    lemma = word.lemma_.lower().rstrip(".")
    abbreviated = word.text.endswith(".") and word.lower_ in TITLE_WORDS
    written_out = word.pos_ == "NOUN" and lemma in TITLE_WORDS
    return (
        lemma in PERSON_NOUNS
        or lemma in PERSON_TITLES
        or word.lower_ in PERSON_TITLES
        or abbreviated
        or written_out
    )


def _role_before(word: Token, words_in_name: int) -> bool:
    """True when ``word``, right before a name, is a person's role or title."""
    if word.pos_ not in {"NOUN", "PROPN"} or word.dep_ != "compound":
        return _listed_role(word) and word.pos_ == "PROPN"  # "Professor Mirek"
    lemma = word.lemma_.lower()
    suffixed = lemma.endswith(_ROLE_ENDINGS) and word.pos_ == "NOUN"
    # a company's kind before its name is no role ("chipmaker Intel Corp")
    named_body = word.head.ent_type_ == "ORG"
    return _listed_role(word) or (suffixed and words_in_name >= 2 and not named_body)


def _aged(token: Token) -> bool:
    """An age given the name: "32-year-old Ann Lee", "Ann Lee, 45,"."""
    for child in token.children:
        if child.dep_ == "appos" and child.like_num and child.i == token.i + 2:
            return True
        if child.dep_ == "amod" and child.lower_ == "old":
            return any(t.lower_ == "year" for t in child.subtree)
    return False


def _person_apposition(token: Token) -> bool:
    """An apposition headed by a person noun, after the name or before it: "Dresh, a
    conservative lawmaker", "his sister, Ana Reyes,"."""
    head = token.head
    if token.dep_ == "appos" and head.pos_ == "NOUN" and _listed_role(head):
        return True
    return any(
        c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"} and _listed_role(c)
        for c in token.children
    )


def _said_of_self(token: Token, body: Callable[[Token], bool]) -> bool:
    """The name says something whose subject is "he" or "she": "Mirek said he was …"; not a
    body's word ("Westfield Police say he …") nor one with an article ("the Gazette
    claims that he …"), whose reports are about someone."""
    verb = token.head
    if token.dep_ not in _SUBJECTS or cue_lemma(verb) not in REPORTING_VERBS:
        return False
    if body(token) or any(c.dep_ == "det" for c in token.children):
        return False
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.i > verb.i:
            subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
            return bool(subjects) and subjects[0].lower_ in SINGULAR_PERSON_PRONOUNS
    return False


def untagged_people(
    blocks: list[Block],
    quoted: Callable[[int], bool],
    is_title: Callable[[Token], bool],
    body: Callable[[Token], bool],
) -> Iterator[Span]:
    """The names of people the tagger gave no PERSON label, outside quotes;
    ``body`` tells a noun for a body ("Police"). A headline ("Ranger says he is innocent")
    names a player by his team, so the first paragraph gives no pronoun evidence."""
    for k, block in enumerate(blocks):
        for token in block.doc:
            if (
                token.pos_ != "PROPN"
                or not token.text[:1].isupper()
                or token.text.isupper()
                or token.ent_type_ == "PERSON"
                or token.ent_type_ in _NOT_PERSON_LABELS
                or (token.dep_ == "compound" and token.head.pos_ == "PROPN")
                or quoted(block.start + token.idx)
            ):
                continue
            run = name_run(token, is_title)
            first = run[0]
            before = token.doc[first.i - 1] if first.i else None
            titled = before is not None and _role_before(before, len(run))
            said = k > 0 and _said_of_self(token, body)
            if titled or said or _aged(token) or _person_apposition(token):
                yield block.doc[first.i : token.i + 1]


def full_names(blocks: list[Block], is_title: Callable[[Token], bool]) -> dict[str, str]:
    """Each surname an article writes after a first name, with that first name ("Salazar":
    "Ken Salazar"): where the tagger labels neither as a person, a surname alone ("Salazar
    said") is still that person, not a body. The first name is a capitalised proper noun the
    parse hangs on the surname, no title ("Secretary"); the first such pair met is kept."""
    found: dict[str, str] = {}
    for block in blocks:
        for first, surname in zip(block.doc, block.doc[1:], strict=False):
            named = (
                first.pos_ == surname.pos_ == "PROPN"
                and first.dep_ == "compound"
                and first.head == surname
                and first.text[:1].isupper()
                and surname.text[:1].isupper()
                and surname.text.isalpha()
                and not is_title(first)
                and surname.ent_type_ not in _NOT_PERSON_LABELS
                and surname.lower_ not in ORGANISATION_NAME_ENDS
            )
            if named:
                found.setdefault(surname.text, f"{first.text} {surname.text}")
    return found


def nicknamed(blocks: list[Block], people: list[Span]) -> list[str]:
    """Names written with a nickname ("Vincent 'Chin' Gigante") that hold a person the tagger
    found: the tagger splits them at the quote marks, so the table would never learn that
    "Chin Gigante" is Vincent Gigante."""
    found = []
    for block in blocks:
        spans = [(p.start_char, p.end_char) for p in people if p.doc is block.doc]
        for match in NICKNAMED.finditer(block.text):
            if any(s < match.end() and match.start() < e for s, e in spans):
                found.append(match.group(0))
    return found
