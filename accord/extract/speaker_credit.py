"""Who a subject phrase names, read from the parse of one article.

A statement's source is the subject of its cue. :class:`ArticleSpeakers` turns that subject
into a :class:`Credit` (a name and a :class:`~accord.model.SpeakerType`): a pronoun or a bare
title ("the spokesperson") goes to the last named person whom the article does not give the
other gender (:mod:`accord.extract.speaker_gender`) and who is not named inside the
statement itself, a pronoun to a speaker the sentence before described instead of naming
(:mod:`accord.extract.described_voices`), "the agency" to the last body named,
a short or variant name to the fullest form seen (:class:`~accord.extract.name_table.NameTable`),
and a subject that names nobody is kept as the description it is ("one of the soldiers"),
when its head names people or a body: a thing ("a message", "results from the test") is no
speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from accord.extract.cues import cue_lemma
from accord.extract.described_voices import DescribedVoices, Voice, one_of
from accord.extract.name_table import NameTable
from accord.extract.names_read import read_names
from accord.extract.people_named import PeopleNamed
from accord.extract.speaker_bodies import (
    EVIDENCE_NOUNS,
    ORGANISATION_NOUNS,
    body_named,
    common_noun_credit,
    is_body,
    kind_named,
    opening_common_noun,
    restrictive_clause,
)
from accord.extract.speaker_gender import pronoun_gender
from accord.extract.speaker_phrases import (
    ORGANISATION_LABELS,
    Credit,
    demonym,
    description,
    entity_text,
    hyphened_head,
    is_title,
    legal_form_of,
    name_like,
    np_bounds,
    organisation_name,
    speaks,
)
from accord.extract.speaker_roles import RoleTable, new_person, person_in_phrase, roles_of
from accord.extract.speaker_untagged import name_run, nicknamed, untagged_people
from accord.extract.speakers import TITLE_WORDS
from accord.gazetteer import PERSON_TITLES
from accord.lexicon import (
    ORGANISATION_NAME_ENDS,
    OUTLET_NOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    VESSEL_PREFIXES,
)
from accord.model import SpeakerType
from accord.vocab import Gender

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.nlp import Block

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# A subject headed by one of these, with no name in it, is the last named person.
ROLE_NOUNS = frozenset(PERSON_TITLES) - {"mr.", "mrs.", "ms.", "dr.", "prime", "chief"}
# Entity labels of a thing, never a speaker: "the Q7 phone shows", "the law says". Not
# WORK_OF_ART or EVENT: the small model gives those to titled names ("Undersheriff Jo Ames").
THING_LABELS = frozenset({"PRODUCT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY"})


# What "it" says as a body does ("it said", "it estimated"); "it appears", "it emerged" or
# "it shows" are the writer's, or a thing's.
_BODY_CUES = REPORTING_VERBS - {"believe", "find", "indicate", "know", "show", "suggest", "think"}


class ArticleSpeakers:
    """The people and bodies named in one article, in order, to resolve a subject phrase to
    a :class:`Credit`: pronouns and bare titles go to the last named person, "the agency" to
    the last organisation, a short or variant name to the fullest form seen."""

    def __init__(self, blocks: list[Block], quoted: list[tuple[int, int]]) -> None:
        def unquoted(start: int) -> bool:
            return not any(s <= start < e for s, e in quoted)

        self.names = read_names(blocks, unquoted)
        # where each sentence starts, across paragraphs: "it said" looks back one sentence
        self.sentence_starts = sorted(b.start + s.start_char for b in blocks for s in b.doc.sents)
        untagged = untagged_people(blocks, lambda at: not unquoted(at), is_title, is_body)
        people = [*self.names.people, *untagged]
        self.table = NameTable(
            [*(ent.text for ent in people), *nicknamed(blocks, people)], first_names=True
        )
        # a surname the tagger called an organisation where the person was named in full
        # ("Lt. Jo Reed said …, Reed said") is no body for "the company" to stand for
        self.organisations = [
            (end, name)
            for end, name in self.names.organisations
            if " " in name or not self.table.knows(name)
        ]
        self.roles = RoleTable(
            r for e in people for r in roles_of(e, self.table.resolve(e.text), speaks)
        )
        self.named = PeopleNamed(
            blocks,
            self.table,
            people,
            [(r.person, r.head) for r in self.roles.roles],
            lambda at: not unquoted(at),
        )
        self.people = self.named.people
        # "the source" takes up a voice described before only once all are read: while
        # they are read, each is credited as written
        self._voices_read: DescribedVoices[Credit] | None = None
        self.voices = DescribedVoices(
            blocks,
            lambda at: not unquoted(at),
            lambda t: speaks(t) and t.lemma_.lower() not in ORGANISATION_NOUNS,
            self.credit,
        )
        self._voices_read = self.voices

    def last_person(
        self,
        before: int,
        sentence: int = -1,
        gender: Gender | None = None,
        words: tuple[int, int] = (0, 0),
    ) -> Credit | None:
        """The person a pronoun or a bare title at ``before`` stands for: the last one
        named; but when they were named in an earlier sentence than ``sentence`` (where the
        pronoun stands) beside others, the subject of that sentence, the one it was about
        ("Tim Bell met Jo Ames. “…,” he said": Tim Bell). A person the article gives the
        other ``gender`` is skipped ("she" is not Mr. Bell), and so is one named inside the
        speaker's own ``words`` (start, end) unless named as speaking there: "Ames lied, he
        said" is not Ames speaking; "“…,” said Ames, a pastor; …, he said" is. Before any
        person is named, a pronoun is the last voice described ("Navy spokesperson said …
        [narration] …, he added")."""
        named = self.named.candidates(before, gender, words)
        after = self.people[named[-1]][0] if named else -1
        voice = self.voices.before(sentence, after, gender, words) if sentence >= 0 else None
        if voice is not None:
            return voice.credit  # "…, the officer said. He said …"
        if not named and sentence >= 0:
            # no person named yet: a pronoun can only be a voice described before
            earlier = self.voices.last(before, gender, words)
            return earlier.credit if earlier is not None else None
        if not named:
            return None
        return Credit(self.named.chosen(named, sentence, gender), SpeakerType.PERSON)

    def credit(self, block: Block, head: Token, words: tuple[int, int] = (0, 0)) -> Credit | None:
        """The speaker for a subject noun phrase headed by ``head`` (None: nobody to name);
        ``words`` are the absolute bounds of what the speaker says, where a pronoun's
        antecedent is not."""
        start, end = np_bounds(head, core=True)
        # a body's whole name, where the parse read part of it as an apposition: "The
        # Academy of Motion Picture Arts and Sciences" ("Arts" in apposition to "Academy")
        if any(
            e.start <= head.i < e.end and e.end_char > end and e.label_ in ORGANISATION_LABELS
            for e in block.doc.ents
        ):
            start, end = np_bounds(head)
        head = hyphened_head(head)  # "Some co-workers": the workers speak
        absolute = block.start + start
        lower = head.lower_
        if lower in PERSONAL_PRONOUNS:
            sentence = block.start + head.sent.start_char
            return self.last_person(absolute, sentence, pronoun_gender(head), words)
        if lower in RELATIVE_PRONOUNS and head.head.head is not head.head:
            antecedent = head.head.head
            if antecedent.dep_ == "appos" and antecedent.head.ent_type_ == "PERSON":
                antecedent = antecedent.head  # "Louis Gigante, a priest who told …": Louis
            if antecedent.pos_ not in {"PROPN", "NOUN"}:
                return None
            return self.credit(block, antecedent, words)
        if lower == "it" and head.dep_ == "nsubj":
            said = cue_lemma(head.head) in _BODY_CUES
            return self.last_body(absolute, block.start + head.sent.start_char) if said else None
        if head.pos_ == "PRON":
            return None
        if (company := legal_form_of(head)) is not None:
            return Credit(company, SpeakerType.ORGANISATION)
        span = block.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        ents = list(span.ents)
        for ent in ents:
            # a name that modifies the head is not the speaker: "the Biden administration"
            if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
                if self.names.names_a_body(ent):
                    return Credit(organisation_name(ent), SpeakerType.ORGANISATION)
                return Credit(self.table.resolve(ent.text), SpeakerType.PERSON)
        if name_like(head) and self.table.knows(head.text):
            # the whole name written here: "Heydar Alishbandi" where "Mr Alishbandi" was met
            whole = block.doc.text[name_run(head, is_title)[0].idx : head.idx + len(head)]
            return Credit(self.table.resolve(whole), SpeakerType.PERSON)
        if (named := self._apposed(head)) is not None:
            return Credit(named, SpeakerType.PERSON)  # "the fire service ’ s Jo Reed"
        if (body := self._apposed_body(head)) is not None:
            return Credit(body, SpeakerType.ORGANISATION)  # "cable operator, Seacom, said"
        if (role := self._role_holder(head)) is not None:
            return Credit(role, SpeakerType.PERSON)
        if any(e.start <= head.i < e.end and e.label_ in THING_LABELS for e in ents):
            return None
        own = [e for e in ents if e.start <= head.i < e.end and e.label_ in ORGANISATION_LABELS]
        if own and own[0].label_ == "NORP" and head.tag_ in {"NNS", "NNPS"}:
            return Credit(own[0].text, SpeakerType.GROUP)  # "Ukrainians said"
        if (
            own
            and own[0].label_ == "NORP"
            and any(c.dep_ in {"det", "nummod"} for c in head.children)
        ):
            # "the Australian", "a Briton", "one Palestinian": one person of that nation
            return Credit(description(list(span)), SpeakerType.DESCRIPTION)
        if opening_common_noun(head) and list(span) == [head]:
            return common_noun_credit(head)  # "Detectives said …", the tagger's ORG
        if (surnamed := self._surnamed(head, span)) is not None:
            return surnamed  # "Salazar said", after "Ken Salazar", neither tagged a person
        if own:
            return Credit(organisation_name(own[0]), SpeakerType.ORGANISATION)
        return self._described(block, head, span, absolute)

    def _surnamed(self, head: Token, span: SpacySpan) -> Credit | None:
        """A surname alone that the article wrote after a first name: that person. Not a
        body's short name with "the" or in the plural ("the Post", "the Colts")."""
        alone = list(span) == [head] and head.tag_ == "NNP"
        if not alone or head.ent_type_ not in {"", "ORG"}:
            return None
        full = self.names.full_names.get(head.text)
        return Credit(self.table.resolve(full), SpeakerType.PERSON) if full else None

    def last_body(self, before: int, sentence: int) -> Credit | None:
        """The body "it said" stands for: the last one named as a subject before ``before``,
        in its sentence (starting at ``sentence``) or the one before ("Microsoft estimated
        that … Windows users …. Additionally, it said …": Microsoft); none there, "it"
        names no one."""
        k = bisect_right(self.sentence_starts, sentence) - 1
        since = self.sentence_starts[k - 1] if k >= 1 else 0
        named = [name for end, name in self.names.subjects if since <= end <= before]
        return Credit(named[-1], SpeakerType.ORGANISATION) if named else None

    def _described_before(self, head: Token, before: int) -> Voice[Credit] | None:
        """The described speaker "the <noun>" takes up, once the article's voices are read,
        unless a person the article gives that role was named after it ("Spokesman Tom Bell
        … the spokesman"); people named since in another role ("Stefanski") do not count."""
        voices = self._voices_read
        lemma = head.lemma_.lower()
        voice = voices.described_as(before, lemma) if voices else None
        if voice is None:
            return None
        holders = {r.person for r in self.roles.roles if lemma in r.words}
        named = [end for end, name in self.people if end <= before and name in holders]
        return voice if not named or named[-1] < voice.end else None

    def _person(self, token: Token) -> str | None:
        """The full name of the person ``token`` names, if it names one."""
        if token.ent_type_ == "PERSON" or (name_like(token) and self.table.knows(token.text)):
            return self.table.resolve(
                token.text if token.ent_type_ != "PERSON" else entity_text(token)
            )
        return None

    def _apposed(self, head: Token) -> str | None:
        """A person named in apposition to a subject that is no person, two deep: the parse
        may head "the fire service ’ s Jo Reed" or "Hawks coach Jo Reed" with the body, the
        name (or the role, then the name) in apposition to it."""
        for child in head.children:
            if child.dep_ != "appos":
                continue
            if (name := self._person(child)) is not None:
                return name
            deeper = [c for c in child.children if c.dep_ == "appos"]
            if deeper and (name := self._person(deeper[0])) is not None:
                return name
        return None

    def _apposed_body(self, head: Token) -> str | None:
        """The body named in apposition to a common noun: "Subsea cable operator, Seacom,
        announced …" is Seacom's announcement. Not a member of a plural's list ("three
        groups, Greenpeace, …"), nor what a thing is from ("a message from …")."""
        lemma = head.lemma_.lower()
        bodylike = lemma in ORGANISATION_NOUNS or lemma in OUTLET_NOUNS or speaks(head)
        if head.tag_ != "NN" or not bodylike:
            return None
        for child in head.children:
            ent = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
            if child.dep_ != "appos" or ent is None:
                continue
            if ent.label_ == "ORG" or (ent.label_ == "PERSON" and self.names.names_a_body(ent)):
                return organisation_name(ent)
        return None

    def _role_holder(self, head: Token) -> str | None:
        """A role named for a person: "the police chief, Tom Pike," names him in the phrase;
        "the DA" or "the comedian" is the one person the article gave that role."""
        if head.lemma_.lower() in ORGANISATION_NOUNS:
            return None  # "the police": a body, not its spokesman
        if head.pos_ == "PROPN" and head.text.isupper():
            return self.roles.holder(head)  # an acronym: "the DA"
        if head.pos_ not in {"NOUN", "PROPN"} or not speaks(head):
            return None
        named = person_in_phrase(head, self._person)
        # "the President"; "Agent says …", a common noun the tagger took for a name because
        # it opens a headline
        titled = head.pos_ == "NOUN" or head.lemma_.lower() in PERSON_TITLES or head.is_sent_start
        return named or (self.roles.holder(head) if titled else None)

    def _described(
        self, block: Block, head: Token, span: SpacySpan, absolute: int
    ) -> Credit | None:
        """A subject that names nobody, at ``absolute`` in the article: a role as written,
        a body, a group or a description."""
        lemma = head.lemma_.lower()
        words = list(span)
        if words[0].lower_ == "the" and len(words) > 1:
            words = words[1:]
        bare = all(t.i == head.i or t.dep_ == "det" for t in words)
        if (
            span[0].lower_ == "the"
            and head.tag_ == "NN"
            and (kind := kind_named(head, absolute, self.names.kinds))
        ):
            return Credit(kind, SpeakerType.ORGANISATION)  # "the cable operator": Telnet
        if bare and span[0].lower_ == "the" and (voice := self._described_before(head, absolute)):
            return voice.credit  # "a police source said …. The source said": the same source
        if lemma in ROLE_NOUNS and head.tag_ == "NN" and not span.ents and not new_person(head):
            # "the mayor" whom the article gave no one that role (:meth:`_role_holder` credits
            # the one it did): the role as written. The last person named is most often
            # someone else ("… Condoleezza Rice said. …, the spokesman said")
            return Credit(description(list(span)), SpeakerType.DESCRIPTION)
        if bare and (clause := restrictive_clause(head)) is not None:
            # "the officer who fired the shot": the clause is what tells the reader who
            words = list(head.doc[span.start : clause.right_edge.i + 1])
            kind = SpeakerType.GROUP if head.tag_ == "NNS" else SpeakerType.DESCRIPTION
            return Credit(description(words), kind)
        if head.pos_ == "NUM" or head.like_num:
            if len(words) > 1 and not any(t.tag_.startswith(("NN", "PRP")) for t in words):
                return None  # a phrase the parse cut short: "one of the [not yet answered …]"
            text = description(words) if len(words) > 1 else one_of(block, head)
            return Credit(text, SpeakerType.DESCRIPTION) if text else None
        if (lemma in ORGANISATION_NOUNS or lemma in OUTLET_NOUNS) and bare and head.tag_ == "NN":
            # "the agency", "the ministry", "the station": a body the article named
            name = body_named(lemma, absolute, self.organisations, self.names.reporters)
            return Credit(name or description(list(span)), SpeakerType.ORGANISATION)
        if lemma in EVIDENCE_NOUNS:
            # a source as a thing, named by whose it is ("Ukrainian estimates suggest", "court
            # records show"); "initial estimates" or "various reports" name nobody
            owned = any(t.i != head.i and _names_owner(t) for t in words)
            return Credit(description(words), SpeakerType.DESCRIPTION) if owned else None
        if not words:
            return None
        titled = head.lower_ in TITLE_WORDS and speaks(head) and lemma not in ORGANISATION_NOUNS
        if head.pos_ == "PROPN" and span[0].lower_ == "the" and titled:
            # "The President announced …", "the District Attorney said …" where the article
            # names no holder: a person described by the title, as written ("King said"
            # names a Mr. King)
            return Credit(description(list(span)), SpeakerType.DESCRIPTION)
        if head.pos_ == "PROPN":
            # a name the tagger gave no label: two or more capitalised words read as a person;
            # but a person's name takes no "the" ("The Hollywood Reporter", "the Red Sox")
            names = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
            ship = bool(names) and names[0].text in VESSEL_PREFIXES
            body = lemma in ORGANISATION_NOUNS or head.lower_ in ORGANISATION_NAME_ENDS or ship
            person = len(names) == len(words) >= 2 and not body and span[0].lower_ != "the"
            kind = SpeakerType.PERSON if person else SpeakerType.ORGANISATION
            return Credit(description(words), kind)
        if lemma in ORGANISATION_NOUNS:
            return Credit(description(words), SpeakerType.ORGANISATION)
        if not speaks(head):
            return None  # a thing: "results from the test suggest", "a message said"
        if head.tag_ in {"NNS", "NNPS"}:
            # "analysts warn": a group nobody can check is no speaker; "Muscovites say" is
            # one, as "Ukrainians say" is
            unchecked = bare and not demonym(head)
            return None if unchecked else Credit(description(words), SpeakerType.GROUP)
        # "the judge", as written: a bare "judge" reads as no one in particular
        shown = list(span) if bare and span[0].lower_ == "the" else words
        return Credit(description(shown), SpeakerType.DESCRIPTION)


def _names_owner(word: Token) -> bool:
    """A modifier that says whose a source is: a name, a nation, a possessor or a noun
    ("Ukrainian", "the ministry's", "court"), not an adjective ("initial", "various")."""
    return (
        word.dep_ in {"poss", "compound"}
        or word.pos_ == "PROPN"
        or word.ent_type_ in {"NORP", "ORG", "GPE"}
    )
