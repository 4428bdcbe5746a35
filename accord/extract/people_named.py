"""The people one article names, in text order, and which of them a "he" or "she" stands for.

Every place a name whose key the article's :class:`~accord.extract.name_table.NameTable`
knows is written counts as a mention, even where the tagger missed the entity ("Kirby
emphasized"). Each mention keeps what pronoun resolution reads from it: the sentence it
stands in, whether it is that sentence's subject, whether it speaks, and the gendered
pronouns around it; the genders the article states are read by
:mod:`accord.extract.speaker_gender`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from accord.extract.cues import cue_lemma
from accord.extract.speaker_gender import (
    SUBJECT_DEPS,
    GenderTable,
    named_subject,
    objects_of_subject,
    pronouns_taken_up,
)
from accord.extract.speaker_phrases import continues_name, entity_text, name_like, speaks
from accord.lexicon import REPORTING_VERBS
from accord.vocab import Gender

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.extract.name_table import NameTable
    from accord.nlp import Block


class PeopleNamed:
    """One article's mentions of people: ``people`` holds (absolute end offset, name shown)
    in text order, and the other lists one entry per mention."""

    def __init__(
        self,
        blocks: Sequence[Block],
        table: NameTable,
        entities: Sequence[SpacySpan],
        roles: Sequence[tuple[str, str]],
        quoted: Callable[[int], bool],
    ) -> None:
        self.people: list[tuple[int, str]] = []
        # where each mention's sentence starts, and whether the name is a subject there
        # (2: of the sentence's main verb, 1: of a clause in it, 0: no subject)
        self.named_in: list[tuple[int, int]] = []
        self.speaking: set[int] = set()  # the mentions that are a speech verb's subject
        # the genders of the pronouns that are objects of the verb each name is subject of
        self.objects: list[frozenset[Gender]] = []
        # ... and of the pronouns after each name in its sentence that go on with it
        self.taken_up: list[frozenset[Gender]] = []
        mentions: list[tuple[Token, str]] = []
        for block in blocks:
            for token in block.doc:
                end = block.start + token.idx + len(token.text)
                if not (name_like(token) and table.knows(token.text)):
                    continue
                if quoted(end - 1) or continues_name(token):
                    continue
                # the whole name, so "Mahnefah Gray" is not the "Gray" named most often
                whole = entity_text(token, True) if token.ent_type_ == "PERSON" else token.text
                mentions.append((token, table.resolve(whole)))
                self._add(block, token, mentions[-1][1])
        starts = {id(b.doc): b.start for b in blocks}
        self.genders = GenderTable.read(
            [(e, table.resolve(e.text)) for e in entities],
            roles,
            mentions,
            lambda t: quoted(starts[id(t.doc)] + t.idx),
            speaks,
        )

    def _add(self, block: Block, token: Token, name: str) -> None:
        self.people.append((block.start + token.idx + len(token.text), name))
        subject = token.dep_ in SUBJECT_DEPS
        rank = 0 if not subject else 2 if token.head == token.sent.root else 1
        # the subject the name is, or names, speaks: "A family friend, Kevin Blacks, said …"
        named = named_subject(token)
        self.named_in.append((block.start + token.sent.start_char, rank))
        self.objects.append(objects_of_subject(token))
        self.taken_up.append(pronouns_taken_up(token))
        if named is not None and cue_lemma(named.head) in REPORTING_VERBS:
            self.speaking.add(len(self.people) - 1)

    def candidates(self, before: int, gender: Gender | None, words: tuple[int, int]) -> list[int]:
        """The mentions before ``before`` a pronoun of ``gender`` may stand for, in text
        order: not a person the article gives the other gender, nor one named inside the
        speaker's own ``words`` unless named as speaking there, nor one whose verb took a
        pronoun of that gender as its object (:meth:`_past_object`)."""
        lo, hi = words
        named = [
            k
            for k, (end, name) in enumerate(self.people)
            if end <= before
            and (k in self.speaking or not lo < end <= hi)
            and self.genders.fits(name, gender)
        ]
        return self._past_object(named, gender)

    def chosen(self, named: list[int], sentence: int, gender: Gender | None) -> str:
        """The person of ``named`` (not empty) a pronoun in the sentence starting at
        ``sentence`` stands for: the last named; but when named in an earlier sentence
        beside others, its subject ("Tim Bell met Jo Ames. “…,” he said": Tim Bell); but
        where that sentence reports someone's words, one of the pronoun's gender the report
        goes on to call "she" or "he" ("Roesler said Page was ill when she fell. …, she told
        …": Page)."""
        last = named[-1]
        start = self.named_in[last][0]
        if start < sentence:
            same = [k for k in named if self.named_in[k][0] == start]
            if gender is not None and any(k in self.speaking for k in same):
                # in a report, whom it goes on to call "she" ("Roesler said Page was ill when
                # she fell"), and never one it calls "he" ("Mangoni said he asked how she felt")
                called = [self.taken_up[k] for k in same]
                same = [k for k, c in zip(same, called, strict=True) if not c or gender in c]
                same = same or [last]
            last = max(same, key=lambda k: (self._taken_up(k, gender), self.named_in[k][1], k))
        return self.people[last][1]

    def _known_as(self, k: int, gender: Gender | None) -> bool:
        return gender is not None and self.genders.of(self.people[k][1]) is gender

    def _taken_up(self, k: int, gender: Gender | None) -> bool:
        """Named ``k``-th as someone whom a pronoun of ``gender`` after it goes on with
        (:func:`~accord.extract.speaker_gender.pronouns_taken_up`)."""
        return gender is not None and gender in self.taken_up[k]

    def _past_object(self, named: list[int], gender: Gender | None) -> list[int]:
        """``named`` without its last person where, the last time they were named, a pronoun
        of ``gender`` was the object of their verb ("Jerry Tibbs … asked her to pose. …, she
        told …"), and someone the article gives that gender was named before: the pronoun
        goes on with her, not with him."""
        if gender is None or not named or gender not in self.objects[named[-1]]:
            return named
        last = self.people[named[-1]][1]
        rest = [k for k in named if self.people[k][1] != last]
        return rest if any(self._known_as(k, gender) for k in rest) else named
