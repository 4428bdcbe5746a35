"""Which subjects are bodies, outlets or evidence rather than people, read from the parse:
a body's noun ("the ministry"), the kind written before a body's name ("cable operator
Telnet"), an outlet that reports or is told something, and the clause that says which person
a bare "the <noun>" is. :mod:`accord.extract.speaker_credit` resolves subjects with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.extract.cues import SPEECH_VERBS, cue_lemma
from accord.extract.speaker_phrases import Credit, speaks
from accord.lexicon import OUTLET_NOUNS, PERSON_NOUNS, REPORTING_VERBS, SPEAKER_NOUNS
from accord.model import SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Nouns for a body that speaks as one: "the ministry said", "Ukrainian intelligence
# estimates". A subject headed by one is an organisation.
# fmt: off
ORGANISATION_NOUNS = frozenset({
    "agency", "ministry", "department", "government", "administration", "intelligence",
    "military", "army", "navy", "command", "service", "council", "office", "committee",
    "commission", "embassy", "parliament", "court", "police", "company", "firm", "group",
    "organisation", "organization", "union", "party", "cabinet", "kremlin", "authority",
    "authorities", "newspaper", "outlet", "broadcaster", "church", "diocese", "archdiocese",
    # the heads of spaCy's ORG names in PolNeAR train and ECB+ train that name a body
    # and were missing: "the foundation said", "the hospital maintains that ..."
    "senate", "congress", "foundation", "association", "federation", "society", "coalition",
    "caucus", "campaign", "fund", "bank", "bureau", "corporation", "chamber", "hospital",
    "museum", "institution", "center", "centre",
})
# fmt: on
# Kinds of body whose names seldom hold the word ("the company" for Microsoft, "the agency"
# for the FBI): "the company" is the last body named. For the rest ("the police", "the
# court", "the church") only a body whose name holds the word will do, as a town, a person
# or another body the tagger called an organisation is named before them as often as not
# (ECB+ train: "the police" credited to "Woodburn", "the court" to "Westchester").
NAMELESS_KINDS = frozenset({"company", "firm", "agency", "union", "newspaper", "broadcaster"})
# Things that "show" or "suggest" rather than speak: with no modifier ("photos show") they are
# evidence, not a speaker a reader can check, so the statement has no speaker.
# fmt: off
EVIDENCE_NOUNS = frozenset({
    "photo", "image", "picture", "video", "footage", "clip", "document", "data", "record",
    "evidence", "map", "report", "estimate", "study", "poll", "survey", "assessment",
    "statement", "analysis",
})
# fmt: on
def is_body(token: Token) -> bool:
    """A noun for a body that speaks as one ("the ministry", "police")."""
    return token.lemma_.lower() in ORGANISATION_NOUNS or token.lower_ in ORGANISATION_NOUNS


def kind_of(ent: SpacySpan) -> list[frozenset[str]]:
    """The kind of body written before its name, head last: "cable operator" of "undersea
    cable operator Telnet"; none when the words before it are no common nouns."""
    doc, inside = ent.doc, set(range(ent.start, ent.end))
    words: list[Token] = []
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in {"compound", "amod"} and doc[i].head.i in inside:
        words.insert(0, doc[i])
        inside.add(i)
        i -= 1
    if not words or words[-1].pos_ != "NOUN":
        return []
    return [frozenset(t.lower_ for t in words) | {words[-1].lemma_.lower()}]


def reports(ent: SpacySpan) -> bool:
    """A body that reports something here: "the Daily Ledger reported", "according to the
    Daily Ledger", "a report from the Daily Ledger"."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return cue_lemma(root.head) in REPORTING_VERBS
    if root.dep_ != "pobj":
        return False
    # "according to the Daily Ledger", "a report from WCCO-TV"
    return root.head.head.lower_ == "according" or root.head.head.lemma_ == "report"


def told_to(ent: SpacySpan) -> bool:
    """A body someone spoke to ("he told the Daily Ledger"), an outlet, not the body "the
    company" in the story stands for."""
    root = ent.root
    return root.dep_ in {"dobj", "dative"} and cue_lemma(root.head) == "tell"


def restrictive_clause(head: Token) -> Token | None:
    """The relative or participle clause that tells which person or people a bare "the
    <noun>" is ("the officer who fired the shot", "the officers involved in the shooting");
    None for a body ("the ministry") or a clause set off by a comma."""
    lemma = head.lemma_.lower()
    if not speaks(head) or lemma in ORGANISATION_NOUNS or head.tag_ not in {"NN", "NNS"}:
        return None
    for child in head.children:
        if child.dep_ in {"relcl", "acl"} and child.i > head.i:
            opener = head.doc[child.left_edge.i - 1]
            # "an employee who had yelled “…”": the clause is the statement's own frame
            speech = any(cue_lemma(t) in SPEECH_VERBS for t in child.subtree)
            return child if opener.text != "," and not speech else None
    return None


def body_named(
    noun: str,
    before: int,
    organisations: list[tuple[int, str]],
    reporters: list[tuple[int, str]],
) -> str | None:
    """The body "the <noun>" at offset ``before`` stands for, of the ``organisations`` and
    ``reporters`` named so far ((end offset, name), in text order): the last one whose name
    holds the noun ("the church": "the Roman Catholic Church"); for a kind whose names seldom
    do, the last one named ("the company": "Microsoft"), and for an outlet ("the newspaper")
    the last one that reported something, if one did; else None."""
    named = [name for end, name in organisations if end <= before]
    own = [n for n in named if any(w.lower() in (noun, f"{noun}s") for w in n.split())]
    if own:
        return own[-1]
    reported = [name for end, name in reporters if end <= before]
    if noun in OUTLET_NOUNS and reported:
        return reported[-1]
    return named[-1] if named and noun in NAMELESS_KINDS else None


def kind_named(
    head: Token, before: int, kinds: list[tuple[int, str, frozenset[str]]]
) -> str | None:
    """The one body named before ``before`` as the kind "the <modifiers> <head>" says: "the
    cable operator" after "cable operator Telnet" (``kinds``: (end, name, kind words))."""
    wanted = {t.lower_ for t in head.lefts if t.dep_ in {"compound", "amod"}}
    wanted.add(head.lemma_.lower())
    found = [n for end, n, kind in kinds if end <= before and wanted <= kind]
    return found[-1] if len(set(found)) == 1 else None


# The plurals of people nouns that no "s" marks.
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def opening_common_noun(head: Token) -> bool:
    """A listed common noun for people or a body that opens its sentence, where the tagger
    reads many a capitalised word as a name or a body: "Detectives said …", "Unions say …".
    Not a word that only ends like a person's, nor a title: "Miller said", "King said" name
    people."""
    forms = {head.lower_, singular(head.lower_)}
    kind = bool(forms & (ORGANISATION_NOUNS | SPEAKER_NOUNS | PERSON_NOUNS))
    return head.pos_ in {"PROPN", "NOUN"} and bool(head.is_sent_start) and kind


def singular(word: str) -> str:
    """A plural noun's singular, read from its spelling ("detectives", not "congress"), or
    an irregular one ("people")."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def common_noun_credit(head: Token) -> Credit | None:
    """A bare common noun that opens its sentence, credited as it would be inside one: a
    body's kind in the plural speaks as a body ("Unions say"), people nobody can check are
    no speaker ("Friends said", as "analysts warn"), one person is a description."""
    one = singular(head.lower_)
    if {head.lower_, one} & ORGANISATION_NOUNS:
        return Credit(head.text, SpeakerType.ORGANISATION)
    return None if one != head.lower_ else Credit(head.text, SpeakerType.DESCRIPTION)
