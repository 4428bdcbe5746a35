"""Which of an article's people it says are women or men, so that "she said" skips a man.

Only what the article itself states counts, never a list of first names: an honorific or a
gendered title before the name ("Mrs. Ann Lee", "Msgr. Tom Pike"), a gendered role given to
the person ("actress Ann Lee", "his wife, Ann Lee", "Ann Lee, a mother of three"), and a
pronoun that can stand for nobody else: the first "she", "her", "he" or "his" after a name
that is a subject, bound to it by the parse ("Ann Lee said she …", "Ann Lee lost her job",
"Ann Lee left. She …"), in sentences that name no other person; never an object ("Tim Bell
followed her" is someone else). A title or role outweighs a pronoun; when the evidence
disagrees the gender is unknown, and a person of unknown gender stays a candidate for any
pronoun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from accord.lexicon import FEMININE_WORDS, MASCULINE_WORDS
from accord.vocab import Gender

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# A title or role the article gives a person says more than a pronoun the parse ties to them.
TITLE_WEIGHT = 3
PRONOUN_WEIGHT = 1
# One gender is known when its evidence is more than this many times the other's.
MARGIN = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Clauses a verb governs whose pronoun subject is, in news copy, the verb's own subject.
CLAUSE_CHAIN = frozenset({"ccomp", "xcomp", "conj", "advcl"})


def word_gender(word: str) -> Gender | None:
    """The gender a title or role word states ("Mrs.", "actress"), if any."""
    lower = word.lower().rstrip(".")
    if lower in FEMININE_WORDS:
        return Gender.FEMININE
    if lower in MASCULINE_WORDS:
        return Gender.MASCULINE
    return None


def pronoun_gender(token: Token) -> Gender | None:
    """The gender of a third-person singular pronoun ("she", "his"), from spaCy's morphology."""
    if token.pos_ != "PRON" or token.morph.get("Person", []) != ["3"]:
        return None
    if token.morph.get("Number", []) != ["Sing"]:
        return None
    found = token.morph.get("Gender", [])
    return Gender(found[0]) if found and found[0] in {"Fem", "Masc"} else None


def _title_words(ent: SpacySpan) -> list[Token]:
    """The words before a name that hang on it ("Mrs. [Ann Lee]") and the name's own leading
    words ("[Ms Ann Lee]", where the tagger took the title in)."""
    doc = ent.doc
    inside = set(range(ent.start, ent.end))
    words = list(ent[:-1])
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ == "compound" and doc[i].head.i in inside:
        words.append(doc[i])
        inside.add(i)
        i -= 1
    return words


class GenderTable:
    """The gender an article states for each of its people, keyed by the name shown."""

    def __init__(self) -> None:
        self._votes: dict[str, Counter[Gender]] = {}

    def vote(self, name: str, gender: Gender | None, weight: int) -> None:
        if gender is not None:
            self._votes.setdefault(name, Counter())[gender] += weight

    def of(self, name: str) -> Gender | None:
        """The gender the article states for ``name``; None when it says none or both."""
        votes = self._votes.get(name)
        if not votes:
            return None
        (first, most), *rest = votes.most_common()
        other = rest[0][1] if rest else 0
        return first if most > MARGIN * other else None

    def fits(self, name: str, gender: Gender | None) -> bool:
        """True when a pronoun of ``gender`` may stand for ``name``."""
        known = self.of(name)
        return gender is None or known is None or known is gender

    @classmethod
    def read(
        cls,
        people: Iterable[tuple[SpacySpan, str]],
        roles: Iterable[tuple[str, str]],
        mentions: Iterable[tuple[Token, str]],
        quoted: Callable[[Token], bool],
        speaks: Callable[[Token], bool],
    ) -> GenderTable:
        """The genders one article states: ``people`` are its person entities with the
        name shown, ``roles`` (person, role head) the roles it gives them, ``mentions``
        every name with the person it names; ``speaks`` tells a noun for people."""

        def other_person(token: Token) -> bool:
            """A word for someone: "her husband", "the officer", another name."""
            if token.ent_type_ == "PERSON":
                return True
            noun = token.pos_ == "NOUN"
            return noun and (speaks(token) or word_gender(token.lemma_) is not None)

        table = cls()
        table.titles(people)
        table.roles(roles)
        table.pronouns(mentions, quoted, other_person)
        return table

    def titles(self, people: Iterable[tuple[SpacySpan, str]]) -> None:
        """Count the honorifics and gendered titles before each named person."""
        for ent, name in people:
            for word in _title_words(ent):
                self.vote(name, word_gender(word.text), TITLE_WEIGHT)

    def roles(self, roles: Iterable[tuple[str, str]]) -> None:
        """Count the gendered roles (person, role head) the article gives its people."""
        for person, head in roles:
            self.vote(person, word_gender(head), TITLE_WEIGHT)

    def pronouns(
        self,
        mentions: Iterable[tuple[Token, str]],
        quoted: Callable[[Token], bool],
        is_person_noun: Callable[[Token], bool],
    ) -> None:
        """Tie a pronoun to the person who is the subject of its clause's governing verb:
        in "Ann Lee said she …", "Ann Lee lost her job", "Ann Lee left before she …" or "Ann
        Lee left. She …" the pronoun can stand for nobody else. A sentence that names two
        people, or a person noun between name and pronoun, ties nothing."""
        by_sentence: dict[tuple[int, int], list[tuple[Token, str]]] = {}
        for token, name in mentions:
            by_sentence.setdefault((id(token.doc), token.sent.start), []).append((token, name))
        for named in by_sentence.values():
            subjects = [t for t, _ in named if t.dep_ in SUBJECT_DEPS]
            if len({n for _, n in named}) != 1 or not subjects:
                continue
            subject, name = subjects[-1], named[0][1]
            sentence = subject.sent
            after = list(sentence[subject.i - sentence.start + 1 :])
            if subject.head == sentence.root and sentence.end < len(subject.doc):
                following = subject.doc[sentence.end].sent  # the next one, if it names nobody
                if (id(subject.doc), following.start) not in by_sentence:
                    after += list(following)
            for token in after:
                if is_person_noun(token):
                    break
                gender = pronoun_gender(token)
                if gender is not None and not quoted(token):
                    if _bound(subject, token):
                        self.vote(name, gender, PRONOUN_WEIGHT)
                    break


def _bound(subject: Token, pronoun: Token) -> bool:
    """True when ``pronoun`` can only be ``subject``: reflexive in its sentence, the subject
    or a possessor in a clause its verb governs, or the subject of the next sentence."""
    if pronoun.sent != subject.sent:
        return pronoun.dep_ in SUBJECT_DEPS and pronoun.head == pronoun.sent.root
    if pronoun.morph.get("Reflex", []) == ["Yes"]:
        return True
    if pronoun.dep_ in SUBJECT_DEPS:
        verb = pronoun.head
    elif pronoun.dep_ == "poss":
        verb = pronoun.head.head
    else:
        return False  # an object: "Tim Bell followed her" is someone else
    while verb != subject.head and verb.dep_ in CLAUSE_CHAIN and verb.head != verb:
        verb = verb.head
    return verb == subject.head


# How a name hangs in the subject phrase it names: "a photographer named Jerry Tibbs", "the
# officer, Tim Bell", "Police Constable Tim Bell".
_NAMING_DEPS = frozenset({"compound", "appos", "acl", "oprd", "flat"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
# How a clause hangs on the one that governs it, up to a subject: "was about to be released
# when she fell" (advcl, xcomp, the adjective's acomp, conj).
_GOVERNED = CLAUSE_CHAIN | {"acomp"}


def objects_of_subject(name: Token) -> frozenset[Gender]:
    """The genders of the pronouns that are objects of the verb whose subject ``name`` is, or
    names: "An amateur photographer named Jerry Tibbs … asked her to pose". Such a pronoun
    is someone else, so the woman or man it stands for, not the subject, is whom the next
    "she" or "he" most likely goes on with."""
    subject = named_subject(name)
    if subject is None:
        return frozenset()
    found = set()
    for token in subject.sent:
        gender = pronoun_gender(token)
        if gender is None or token.dep_ not in _OBJECT_DEPS:
            continue
        # the subject's own verb, or one of its form it shares ("admired … and asked
        # her"); not a clause with a subject of its own ("watched players congratulate
        # him", however parsed: him is he)
        verb = token.head
        while verb != subject.head and verb.dep_ == "conj" and verb.tag_ == verb.head.tag_:
            verb = verb.head
        if verb == subject.head:
            found.add(gender)
    return frozenset(found)


def pronouns_taken_up(name: Token) -> frozenset[Gender]:
    """The genders of the pronouns after ``name`` in its sentence that go on with it: a
    clause's subject whose nearest subject above, in the clauses that govern it, is the one
    ``name`` is or names ("Roesler said Page had been ill when she fell": she is Page;
    "Snider said he backed King": he is Snider, not King)."""
    subject = named_subject(name)
    if subject is None:
        return frozenset()
    found = set()
    for token in name.doc[name.i + 1 : name.sent.end]:
        gender = pronoun_gender(token)
        if gender is not None and token.dep_ in SUBJECT_DEPS and _binder(token) == subject:
            found.add(gender)
    return frozenset(found)


def named_subject(name: Token) -> Token | None:
    """The subject ``name`` is, or names through the words that hang it on one."""
    subject = name
    while subject.dep_ not in SUBJECT_DEPS:
        if subject.dep_ not in _NAMING_DEPS or subject.head == subject:
            return None
        subject = subject.head
    return subject


def _binder(pronoun: Token) -> Token | None:
    """The nearest subject above ``pronoun`` in the clauses that govern its own; none for
    a clause joined to another with a subject of its own ("Hughes pursued Page but she
    rebuffed him": she is not Hughes)."""
    verb = pronoun.head
    if verb.dep_ == "conj":
        return None
    while verb.dep_ in _GOVERNED and verb.head != verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
    return None
