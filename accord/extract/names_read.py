"""The people and bodies one article names, read once from its entities: who may be a
speaker later ("she", "the company", "it said" look back to them), where each is named, and
which "person" the tagger labelled is a body (a ship, "Human Rights Watch", a one-word name
the article labels a body elsewhere). :class:`~accord.extract.speaker_credit.ArticleSpeakers`
resolves subjects against what is read here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accord.extract.speaker_bodies import kind_of, reports, told_to
from accord.extract.speaker_phrases import (
    bodies_named,
    headline_only,
    indefinite,
    is_title,
    names_a_body,
    organisation_name,
    reads_as_body,
    role_for,
    vessel_names,
)
from accord.extract.speaker_untagged import full_names

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.nlp import Block


@dataclass
class NamesRead:
    """An article's named people and bodies, each body with its absolute end offset."""

    # the names of people the tagger found (not a body's, a role's or "a Rite Aid")
    people: list[SpacySpan] = field(default_factory=list)
    organisations: list[tuple[int, str]] = field(default_factory=list)
    reporters: list[tuple[int, str]] = field(default_factory=list)  # bodies that reported
    # ... or are a sentence's subject: the bodies "it said" may stand for
    subjects: list[tuple[int, str]] = field(default_factory=list)
    # the kind of body written before a name: (end, name, {"cable", "operator"})
    kinds: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)
    # names of ships and of bodies the tagger also labelled a person
    bodies: set[str] = field(default_factory=set)
    # each surname the article writes after a first name, with it ("Salazar": "Ken Salazar")
    full_names: dict[str, str] = field(default_factory=dict)

    def names_a_body(self, ent: SpacySpan) -> bool:
        """A "person" whose name reads as a body's, or that the article writes as a ship's
        name or tags as a body elsewhere ("Mozilla said" beside "Mozilla's browser")."""
        return names_a_body(ent) or ent.text in self.bodies

    def names_a_body_named(self, written: str) -> bool:
        """A name, as written, that is a body's: one the article labels a body ("CNN"), or
        one that reads as a body's ("Herald: …"); a name in capitals alone is a transcript's
        speaker ("RUIZ: …"), no acronym."""
        labelled = written in self.bodies or any(written == n for _, n in self.organisations)
        return labelled or (reads_as_body(written.split()) and not written.isupper())


def read_names(blocks: list[Block], unquoted: Callable[[int], bool]) -> NamesRead:
    """The people and bodies named outside quotes (``unquoted`` at an absolute offset)."""
    # a ship's name, once written after its kind ("merchant vessel Gibe"), is no person's
    # where it stands alone ("the crew of Gibe")
    vessels = {name for b in blocks for name in vessel_names(b.doc)}
    full = full_names(blocks, is_title)
    named = NamesRead(bodies=vessels | bodies_named(blocks, full), full_names=full)
    for block in blocks:
        for ent in block.doc.ents:
            if not unquoted(block.start + ent.start_char) or headline_only(ent, block):
                continue  # "Obama Reverses Bush", a title-case headline read as one name
            body = ent.label_ == "PERSON" and named.names_a_body(ent)  # "PC Magazine"
            if ent.label_ == "PERSON" and not (body or role_for(ent) or indefinite(ent)):
                named.people.append(ent)
            elif (ent.label_ == "ORG" or body) and not told_to(ent):
                end, name = block.start + ent.end_char, organisation_name(ent)
                named.organisations.append((end, name))
                if reports(ent):
                    named.reporters.append((end, name))
                if reports(ent) or _main_subject(ent.root):
                    named.subjects.append((end, name))
                named.kinds += [(end, name, kind) for kind in kind_of(ent)]
    return named


def _main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb ("Microsoft estimated that …"), not of a
    clause inside what someone reports ("… reported that the Red Sox made an offer")."""
    return token.dep_ == "nsubj" and token.head == token.sent.root
