"""The roles an article gives its named people, to credit "the DA" or "the comedian" to them.

An article introduces a person with a title or role ("Queens District Attorney Ann Marsh",
"Tom Pike, the city police chief", "Lee, who is the mayor", "ABC president and chief executive
Jane Holt") and later names the role alone ("the DA said", "the police chief added"). Read
from spaCy's parse: the compounds before a name, an apposition on either side, a bare title
conjoined with the name, and a copula in a relative clause. A role phrase credits the one
person the article gave that role; two people with one role leave the phrase as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from accord.lexicon import TITLES_WRITTEN_OUT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Determiners that bring in someone new ("a spokesman said"), never a person met before.
_NEW_PERSON_DETS = frozenset({"a", "an", "another", "one", "some", "any", "no", "each"})
_ROLE_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# An acronym of a title ("DA", "CEO"): capitals only, two to five letters.
_ACRONYM = range(2, 6)


class Role(NamedTuple):
    """A role an article gave one person: its head word, all its words and its acronyms."""

    person: str
    head: str
    words: frozenset[str]
    acronyms: frozenset[str]


def _role(person: str, words: list[Token]) -> Role | None:
    """The role spelled by ``words`` (its head last), or None when the head is no noun."""
    words = [t for t in words if not t.is_punct and t.pos_ in _ROLE_POS | {"ADJ"}]
    if not words or words[-1].pos_ not in _ROLE_POS:
        return None
    capitals = [t.text[0].upper() for t in words if t.text[:1].isalpha()]
    # every run of two or more words that ends with the head: "Queens District Attorney"
    # gives "QDA" and "DA"
    acronyms = frozenset("".join(capitals[i:]) for i in range(len(capitals) - 1))
    head = written_out(words[-1].lemma_.lower())
    lowered = frozenset(written_out(t.lower_) for t in words) | {head}
    return Role(person, head, lowered, acronyms)


def written_out(word: str) -> str:
    """A title's word as a later sentence writes it alone: "gov." -> "governor"."""
    return TITLES_WRITTEN_OUT.get(word.rstrip("."), word)


def _modifiers(head: Token) -> list[Token]:
    """The head's compounds and adjectives, in text order, and the head."""
    left = [t for c in head.lefts if c.dep_ in _MODIFIER_DEPS for t in c.subtree]
    return sorted([*left, head], key=lambda t: t.i)


def _titles_before(ent: SpacySpan) -> list[Token]:
    """The compounds right before a name that hang on it: "District Attorney [Ann Marsh]"."""
    doc = ent.doc
    words: list[Token] = []
    inside = set(range(ent.start, ent.end))
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ == "compound" and doc[i].head.i in inside:
        words.insert(0, doc[i])
        inside.add(i)
        i -= 1
    return words


def roles_of(ent: SpacySpan, person: str, is_role: Callable[[Token], bool]) -> list[Role]:
    """Every role the parse gives the person named by ``ent``; ``is_role`` tells a role
    word the tagger put inside the name ("[Comedian Ann Lee]") from a name."""
    root = ent.root
    phrases: list[list[Token]] = []
    inside = list(ent[:-1])
    while inside and not is_role(inside[-1]):
        inside.pop()
    titles = _titles_before(ent) + inside
    if titles:
        phrases.append(titles)
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":  # "Pike, the police chief"
            phrases.append(_modifiers(child))
        if child.dep_ == "relcl" and child.lemma_ == "be":  # "Lee, who is the mayor"
            phrases += [_modifiers(a) for a in child.children if a.dep_ == "attr"]
    other = root.head
    if root.dep_ == "appos" and other.pos_ == "NOUN":  # "the police chief, Tom Pike"
        phrases.append(_modifiers(other))
    if root.dep_ == "conj" and other.pos_ == "NOUN" and not _determined(other):
        phrases.append(_modifiers(other))  # "ABC president and chief executive Jane Holt"
    return [r for r in (_role(person, p) for p in phrases) if r is not None]


def _determined(head: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} for c in head.children)


def person_in_phrase(head: Token, is_person: Callable[[Token], str | None]) -> str | None:
    """The person a role subject names in its own apposition or conjoined bare title: "the
    police chief, Tom Pike, said", "ABC president and chief executive Jane Holt said"."""
    for child in head.children:
        if child.dep_ == "appos" or (child.dep_ == "conj" and not _determined(head)):
            name = is_person(child)
            if name is not None:
                return name
    return None


def new_person(head: Token) -> bool:
    """True when the phrase brings in someone not met before: "a spokesman", "another aide"."""
    return any(c.dep_ == "det" and c.lower_ in _NEW_PERSON_DETS for c in head.children)


class RoleTable:
    """The roles of one article's people, to resolve a role subject to the one holder."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self.roles = list(roles)

    def holder(self, head: Token) -> str | None:
        """The one person holding the role a subject headed by ``head`` names, or None when
        nobody or several people hold it, or the phrase brings in someone new or several."""
        if new_person(head) or head.tag_ in {"NNS", "NNPS"}:  # "producers" are not one person
            return None
        text = head.text
        if text.isupper() and text.isalpha() and len(text) in _ACRONYM:
            found = {r.person for r in self.roles if text in r.acronyms}
        else:
            # "the Navy chief" is "Navy chief Admiral Raj Dev": every word is one of the role's
            wanted = {written_out(t.lower_) for t in _modifiers(head)}
            wanted.add(written_out(head.lemma_.lower()))
            found = {r.person for r in self.roles if wanted <= r.words}
        return found.pop() if len(found) == 1 else None
