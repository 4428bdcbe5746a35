"""Who a statement's renderings credit, as :mod:`accord.statements` compares them: one
person under any outlet's spelling, a body under its name, short name or acronym, a
description inside another ("one of the soldiers", "one of the two soldiers"), and a
person beside the body their title names ("Police Constable Tim Fanning", "police")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from nicknames import NickNamer
from spacy.lang.en.stop_words import STOP_WORDS

from accord.blocking import words
from accord.extract.name_table import NameTable
from accord.extract.speakers import (
    abbreviates,
    compact_name,
    defined_acronyms,
    has_acronym,
    normalise_speaker,
    speaker_key,
    spelled_out,
    with_defined,
)
from accord.lexicon import OTHER_PERSON_MODIFIERS, RELATIVE_PRONOUNS, ROLE_SYNONYMS
from accord.model import Article, QuoteMention, SpeakerType

PERSON = SpeakerType.PERSON

__all__ = ["Voices", "is_name", "same_voice", "speaker_kind", "voice"]


def is_name(speaker: str) -> bool:
    """A proper name ("Mirela Dascu"), not a description ("the interior ministry")."""
    words = normalise_speaker(speaker).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def speaker_kind(mention: QuoteMention) -> SpeakerType:
    """The mention's speaker type; a mention made without one is a person when named."""
    if mention.speaker_type is not None:
        return mention.speaker_type
    named = mention.speaker is not None and is_name(mention.speaker)
    return SpeakerType.PERSON if named else SpeakerType.DESCRIPTION


def voice(name: str) -> frozenset[str]:
    """A speaker's content words, folded: "one of the two soldiers" -> {one, two, soldiers},
    "CNN's management" -> {cnn, management}, "Lee's lawyer" -> {lee, attorney}."""
    folded = (_role_word(w.removesuffix("'s").removesuffix("’s")) for w in words(name))
    return frozenset(w for w in folded if w not in STOP_WORDS or w == "one")


def _role_word(word: str) -> str:
    """A role noun as one of its synonyms is written: "lawyer" -> "attorney"."""
    return ROLE_SYNONYMS.get(word.lower(), word)


def _in_role_words(name: str) -> str:
    return " ".join(_role_word(w) for w in name.split())


def _titled(phrase: str) -> str:
    """A speaker's phrase up to any relative clause: "attorney Kassie Siegel of the Center,
    which is suing the federal government" titles her by the Center, not the government."""
    words = phrase.split()
    cut = next((k for k, w in enumerate(words) if w.lower() in RELATIVE_PRONOUNS), len(words))
    return " ".join(words[:cut])


def _surnames_as_people(
    mentions: Sequence[QuoteMention], kinds: list[SpeakerType], people: NameTable
) -> list[SpeakerType]:
    """A one-word "body" that is the surname of a person an outlet names in full is
    that person ("Wolfe said" in one outlet, "hospital spokeswoman Ilene Wolfe" in another):
    the tagger labels many surnames ORG. Not a word a body's longer name holds ("Kraft
    Foods"), nor an acronym."""
    bodies = [q.speaker or "" for q, k in zip(mentions, kinds, strict=True) if k != PERSON]
    in_longer = {w for name in bodies if " " in name for w in name.split()}
    retyped = []
    for q, kind in zip(mentions, kinds, strict=True):
        name = q.speaker or ""
        surname = (
            kind is SpeakerType.ORGANISATION
            and name.isalpha()
            and name[:1].isupper()
            and not name.isupper()
            and name not in in_longer
            and " " in people.resolve(name)
        )
        retyped.append(PERSON if surname else kind)
    return retyped


def same_voice(a: frozenset[str], b: frozenset[str]) -> bool:
    """One describes the other: every word of the shorter description is in the longer."""
    return bool(a and b) and (a <= b or b <= a)


def _one_case(shown: list[str]) -> list[str]:
    """One spelling for a speaker written in two cases or with and without "the" ("Police
    said" opening a sentence, "police said" inside one; "the Indian Navy", "Indian navy"):
    the one written most, lower case on a tie."""
    counts = Counter(shown)
    spelled: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], not n[:1].islower(), n)):
        spelled.setdefault(_spelling_key(name), name)
    return [spelled[_spelling_key(name)] for name in shown]


def _spelling_key(name: str) -> str:
    """A name's spelling folded: case, and a "the" before a proper name ("the Indian Navy",
    not "the relative", which points back to someone described before)."""
    first, _, rest = name.partition(" ")
    proper = first.lower() == "the" and rest[:1].isupper()
    return (rest if proper else name).lower()


@dataclass
class Voices:
    """Each rendering's speaker as shown (one spelling per person across the story), its
    type and the forms two speakers are compared on (:meth:`one_voice`, :meth:`body_of`)."""

    shown: list[str]
    kinds: list[SpeakerType]
    keys: list[str]
    voices: list[frozenset[str]]
    # a name with an acronym an article defined written out ("TsKVPR": "Central Election
    # and Referendum Commission"), and whether an acronym is left in it to spell out
    written: list[str]
    written_voices: list[frozenset[str]]
    acronym: list[bool]
    # a name's letters, whatever an outlet's spaces, dots and case ("the U. S. Geological
    # Survey", "The U.S. Geological Survey"), and whatever type the tagger gave it there
    compact: list[str]
    # a description of someone besides one described before: "another witness"
    another: list[bool]
    # every title an outlet gave a person anywhere in the story ("Police Constable Tim
    # Fanning"; "Baehr said" is the "CHP Officer Brad Baehr" of the paragraph before), to
    # meet the outlets that credit the same words to the title's body ("police")
    titles: dict[str, set[str]]
    titled: dict[str, frozenset[str]]

    @classmethod
    def of(cls, articles: Sequence[Article], mentions: Sequence[QuoteMention]) -> Voices:
        kinds = [speaker_kind(q) for q in mentions]
        # one person across outlets' spellings ("Zelensky", "Volodymyr Zelenskyy"): the
        # fullest form any article gives, by the speaker-name rule of accord.extract.speakers
        persons = (q.speaker or "" for q, k in zip(mentions, kinds, strict=True) if k == PERSON)
        people = NameTable(persons, nicknames=NickNamer())
        kinds = _surnames_as_people(mentions, kinds, people)
        shown = _one_case(
            [
                people.resolve(q.speaker) if k == PERSON and q.speaker else q.speaker or ""
                for q, k in zip(mentions, kinds, strict=True)
            ]
        )
        defined = defined_acronyms(a.original for a in articles)
        written = [with_defined(name, defined) for name in shown]
        titles: dict[str, set[str]] = {}
        for q, name, kind in zip(mentions, shown, kinds, strict=True):
            if kind == PERSON:
                said_by = q.speaker_span.text if q.speaker_span else name
                titles.setdefault(name, set()).add(_titled(said_by))
        return cls(
            shown=shown,
            kinds=kinds,
            keys=[speaker_key(_in_role_words(name)) or name.lower() for name in shown],
            voices=[voice(name) for name in shown],
            written=written,
            written_voices=[voice(name) for name in written],
            acronym=[has_acronym(name) for name in written],
            compact=[compact_name(name) if is_name(name) else "" for name in shown],
            another=[bool(OTHER_PERSON_MODIFIERS & set(name.lower().split())) for name in shown],
            titles=titles,
            titled={name: frozenset().union(*map(voice, ts)) for name, ts in titles.items()},
        )

    def one_voice(self, i: int, j: int) -> bool:
        """Renderings ``i`` and ``j`` credit one speaker, however written."""
        kinds, shown, voices, compact = self.kinds, self.shown, self.voices, self.compact
        if compact[i] and compact[i] == compact[j]:
            return True  # "SEACOM" tagged a person in one sentence, a body in the next
        if (kinds[i] == PERSON) != (kinds[j] == PERSON):
            return False
        if kinds[i] == PERSON:
            return shown[i].lower() == shown[j].lower()
        if self.another[i] != self.another[j]:
            return False  # "a witness" and "another witness": two people
        if self.keys[i] == self.keys[j] and same_voice(voices[i], voices[j]):
            return True
        if compact[i] and compact[j] and same_voice(voices[i], voices[j]):
            return True  # a body's short name: "Acme" for "Acme Foods", "Acme Foods Inc."
        if abbreviates(shown[i], shown[j]) or abbreviates(shown[j], shown[i]):
            return True
        # an acronym inside one name that the other spells out ("the D.A.'s office", "Bristol
        # District Attorney's Office"), or that an article defined ("… Commission (TsKVPR)")
        written = self.written
        a, b = self.written_voices[i], self.written_voices[j]
        if self.acronym[i] or self.acronym[j]:
            a = voice(spelled_out(written[i], written[j]))
            b = voice(spelled_out(written[j], written[i]))
        return (a, b) != (voices[i], voices[j]) and same_voice(a, b)

    def may_be_one(self, i: int, j: int) -> bool:
        """Two speakers that may be one, named otherwise by another outlet: an unnamed one (a
        group, a description) and anyone; a person and the body their title names; one
        body's name inside another's ("police in Sicily", "police"). Two people, or two
        bodies, each named, are two ("police" and the district attorney)."""
        unnamed = {SpeakerType.GROUP, SpeakerType.DESCRIPTION}
        if self.kinds[i] in unnamed or self.kinds[j] in unnamed:
            return True
        return same_voice(self.voices[i], self.voices[j]) or self.body_of(i, j)

    def body_of(self, i: int, j: int) -> bool:
        """One is a person, the other the body their title names ("police" for "Police
        Constable Tim Fanning"), or one describes the body's people ("CNN's management",
        "Microsoft security researchers" for "CNN", "Microsoft"): maybe one voice, if the
        words say one thing."""
        kinds, shown, voices, compact = self.kinds, self.shown, self.voices, self.compact
        if (kinds[i] == PERSON) == (kinds[j] == PERSON):
            if kinds[i] == PERSON:
                return False
            named, described = (i, j) if compact[i] else (j, i)
            return bool(compact[named]) and voices[named] < voices[described]
        person, body = (i, j) if kinds[i] == PERSON else (j, i)
        if not voices[body]:
            return False
        if voices[body] <= self.titled.get(shown[person], frozenset()) | voices[person]:
            return True
        # a title may name the body by its acronym: "CHP Officer Brad Baehr" and "the
        # California Highway Patrol"
        return any(
            voices[body] <= voice(spelled_out(text, shown[body])) | voices[person]
            for text in self.titles.get(shown[person], ())
        )
