"""Reading a subject phrase from spaCy's parse: its bounds, whether its head names people,
and a name, an organisation or a description as written.

Shared by :mod:`accord.extract.speaker_credit` (who a subject names) and
:mod:`accord.extract.quotes` (the speaker span it keeps).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

from accord.extract.cues import ISSUED_DOCUMENTS
from accord.extract.speakers import TITLE_WORDS
from accord.gazetteer import PERSON_TITLES
from accord.lexicon import (
    DEMONYM_SUFFIX,
    LEGAL_FORMS,
    ORGANISATION_NAME_ENDS,
    PERSON_NOUNS,
    SPEAKER_NOUNS,
    VESSEL_NOUNS,
    VESSEL_PREFIXES,
    has_person_ending,
)
from accord.model import SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from accord.nlp import Block

# Entity labels of a body or a place that speaks for its government ("Moscow said").
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Parts of a subject phrase that are not the speaker: clauses about it, coordinated others
# ("neither Moscow nor Pyongyang"), appositions ("Kirby, a spokesman").
_NOT_SPEAKER_DEPS = frozenset({"relcl", "acl", "conj", "cc", "preconj", "appos", "advmod"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# What words are given in, not who gives them: "the company in a statement".
SPOKEN_IN = ISSUED_DOCUMENTS | {"interview", "briefing", "speech", "conference"}
_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "during", "via", "through"})
# What joins the words of a compound ("co-workers"), as a tokeniser splits them off.
_HYPHENS = frozenset({"-", "‐"})


class Credit(NamedTuple):
    """Who a statement is credited to: the name shown and what kind of speaker it is."""

    name: str
    kind: SpeakerType


def np_bounds(head: Token, core: bool = False, whole: bool = False) -> tuple[int, int]:
    """Character bounds of a subject noun phrase without trailing punctuation. By default
    without relative clauses; ``whole`` keeps them and appositions ("Ed Rendell, who chaired
    the DNC," is how the source is introduced); ``core`` also drops coordinated others and
    appositions (the speaker's own words)."""
    deps = _NOT_SPEAKER_DEPS if core else (set() if whole else {"relcl", "acl"})
    cut = {t.i for c in head.children if c.dep_ in deps or _medium(c) for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
    # "his lawyers - including a former judge - said": a dash aside; but the aside is what
    # tells a bare noun's people ("Relatives - even his brother, a priest - insisted")
    if not whole and any(c.i < head.i and c.dep_ not in {"det", "punct"} for c in head.children):
        aside = next((t.i for t in tokens if t.i > head.i and _spaced_dash(t)), None)
        tokens = [t for t in tokens if aside is None or t.i < aside]
    first = tokens[0]
    while first.i < head.i and (first.is_punct or first.dep_ == "preconj"):
        first = first.doc[first.i + 1]
    last = first
    for token in tokens[1:]:  # stop at the first gap left by a removed clause
        if token.i <= first.i:
            continue
        if token.i != last.i + 1:
            break
        last = token
    while last.i > first.i and last.is_punct and not closes(first, last):
        last = last.doc[last.i - 1]
    last = max(last, hyphened_head(head), key=lambda t: t.i)  # "Some co-workers"
    return first.idx, last.idx + len(last.text)


def hyphened_head(token: Token) -> Token:
    """The last word of a hyphened compound the parse split into sibling subjects ("co",
    "-", "workers" in "Some co-workers said"): the word that says who speaks."""
    last = token
    while last.i + 2 < len(last.doc):
        dash, word = last.doc[last.i + 1], last.doc[last.i + 2]
        # the hyphen hangs on the compound's first word or beside it ("co - workers")
        hung = dash.head in {token.head, last} and dash.dep_ in {token.dep_, "punct"}
        sibling = word.head == token.head and word.dep_ == token.dep_
        if dash.text not in _HYPHENS or not (hung and sibling):
            break
        last = word
    return last


def _spaced_dash(token: Token) -> bool:
    """A dash with a space on each side, as a writer sets off an aside (not the hyphen of
    "Zeta-Jones", nor a tokeniser's spaced "40 - year - old" before the head)."""
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
    return spaced and token.text in {"-", "–", "—", "--"}


def _medium(child: Token) -> bool:
    """Where the words were given, hung on the speaker by the parse: "said the company in a
    statement", "the coach in an interview"."""
    return child.lower_ in _MEDIUM_PREPOSITIONS and any(
        o.dep_ == "pobj" and o.lemma_.lower() in SPOKEN_IN for o in child.children
    )


def speaks(head: Token) -> bool:
    """True when a common noun names people or a body ("a defense lawyer", "jurors", "the
    panel"), read from the head noun: a listed noun, a title or a person's ending."""
    return listed_speaker(head) or has_person_ending(head.lemma_.lower())


def listed_speaker(head: Token) -> bool:
    """A common noun known to name people or a body: a listed noun, a title or a demonym;
    not one that only ends like a person's ("offer", "former")."""
    lemma = head.lemma_.lower()
    listed = lemma in SPEAKER_NOUNS or lemma in PERSON_NOUNS or lemma in PERSON_TITLES
    return listed or demonym(head)


def demonym(head: Token) -> bool:
    """A capitalised common noun ending like a demonym ("Brooklynites", "Muscovite"): the
    people of a place the tagger gave no nationality label; its stem has 5+ letters, so
    "Website" and "Respite" are not."""
    lemma = head.lemma_.lower()
    stem = len(lemma) - len(DEMONYM_SUFFIX)
    capitalised = head.text[:1].isupper() and head.pos_ == "NOUN"
    return capitalised and lemma.endswith(DEMONYM_SUFFIX) and stem >= 5


def closes(first: Token, last: Token) -> bool:
    """True when ``last`` closes a bracket opened inside the phrase: "Jo Ames (R-Utah)"."""
    return last.text == ")" and "(" in last.doc.text[first.idx : last.idx]


def name_like(token: Token) -> bool:
    """A capitalised noun: the tagger calls a sentence-initial surname NOUN as often as PROPN."""
    return token.pos_ in {"PROPN", "NOUN"} and token.text[:1].isupper()


def continues_name(token: Token) -> bool:
    """True when the next token is still part of the same name."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_iob_ == "I"


def organisation_name(ent: SpacySpan) -> str:
    """An organisation's name with the country that owns it ("South Korea’s National
    Intelligence Service"), as written."""
    doc, start = ent.doc, ent.start
    if start >= 2 and doc[start - 1].text in _POSSESSIVE_MARKS:
        owner = doc[start - 2]
        if owner.ent_type_ in ORGANISATION_LABELS:
            while owner.ent_iob_ == "I" and owner.i > 0:
                owner = doc[owner.i - 1]
            return doc.text[owner.idx : ent.end_char]
    return ent.text


def entity_text(token: Token, through: bool = False) -> str:
    """The text of the entity ``token`` is part of; ``through`` stops it at ``token``, a
    name's last word ("Jonathan Wright" of "Jonathan Wright - director")."""
    doc = token.doc
    ent = next(e for e in doc.ents if e.start <= token.i < e.end)
    return doc.text[ent.start_char : token.idx + len(token.text)] if through else ent.text


def is_title(token: Token) -> bool:
    """A title or a listed role before a name ("Star Chris Webber"), no part of it."""
    lemma = token.lemma_.lower()
    listed = lemma in SPEAKER_NOUNS or lemma in PERSON_NOUNS or lemma in PERSON_TITLES
    return listed or token.lower_ in TITLE_WORDS


def names_a_body(ent: SpacySpan) -> bool:
    """A "person" whose name reads as a body's (:func:`reads_as_body`) or is written after
    the kind of vessel it is."""
    return reads_as_body([t.text for t in ent]) or named_as_vessel(ent)


def reads_as_body(words: list[str]) -> bool:
    """A name whose words are a body's: it ends like one ("Human Rights Watch", "PC
    Magazine", the "Herald" of "Herald: …"), opens with a ship's prefix ("The MV Gibe"), or
    is one word in capitals, an acronym ("SEACOM")."""
    ends = bool(words) and words[-1].lower().rstrip(".") in ORGANISATION_NAME_ENDS
    ship = len(words) >= 2 and any(w in VESSEL_PREFIXES for w in words[:2])
    one = "".join(words)
    acronym = len(words) == 1 and len(one) >= 3 and one.isalpha() and one.isupper()
    return ends or ship or acronym


def bodies_named(blocks: list[Block], surnames: Collection[str]) -> set[str]:
    """One-word names an article's tagger labels a body (ORG) at least as often as a person:
    where it labels them a person ("Mozilla said", "Seacom said"), the body is meant. Not a
    word the article writes after a first name (``surnames``: "Bettie Page"), which the small
    model labels ORG as often as not."""
    labels: dict[str, Counter[str]] = {}
    for block in blocks:
        for ent in block.doc.ents:
            if len(ent) == 1:
                labels.setdefault(ent.text, Counter())[ent.label_] += 1
    return {
        name
        for name, label in labels.items()
        if label["ORG"] and label["ORG"] >= label["PERSON"] and name not in surnames
    }


def named_as_vessel(ent: SpacySpan) -> bool:
    """A name written after the kind of vessel it is: "merchant vessel Gibe"."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in VESSEL_NOUNS


def vessel_names(doc: Doc) -> set[str]:
    """The names written after the kind of vessel they name or its prefix, tagged or not
    ("merchant vessel Gibe", "the tanker Sirius Star", "MV Gibe")."""
    names = set()
    for token in doc[:-1]:
        if token.lower_ not in VESSEL_NOUNS and token.text not in VESSEL_PREFIXES:
            continue
        run = list(itertools.takewhile(lambda t: t.pos_ == "PROPN", doc[token.i + 1 :]))
        if run and run[0].text[:1].isupper():
            names.add(doc[run[0].i : run[-1].i + 1].text)
    return names


def indefinite(ent: SpacySpan) -> bool:
    """A "name" brought in with "a" or "an" names a thing, not a person: the tagger reads
    "outside a local Rite Aid" as a person."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in ent.root.children)


def role_for(ent: SpacySpan) -> bool:
    """A one-word "name" that is a role introducing the person named after it: the tagger
    reads "[Filmmaker] and aviator [Ted Lomax]" as two people."""
    word = ent.root
    if len(ent) != 1 or word.pos_ != "NOUN" or not speaks(word):
        return False
    return any(t.ent_type_ == "PERSON" and t.i > word.i for t in word.subtree)


def description(words: list[Token]) -> str:
    """A described source as written, its leading article or number word in lower case
    ("A South Korean lawmaker" -> "a South Korean lawmaker", "AN AUSTRALIAN climber" -> "an
    AUSTRALIAN climber")."""
    parts: list[str] = []
    for token in words:
        if token.is_punct and token.text not in "-’'":
            parts.append(" ")  # a comma or a bracket dropped, not the space beside it
        else:  # spaced as written: "a 40-year-old father", "the agency’s head"
            parts.append(token.text_with_ws)
    text = " ".join("".join(parts).split())
    first = words[0]
    if first.pos_ in {"DET", "NUM", "PRON"} or first.like_num:
        # the whole word of a lede in capitals ("AN AUSTRALIAN climber"), not "aN"
        lead = len(first.text) if first.text.isupper() else 1
        text = text[:lead].lower() + text[lead:]
    return text


# A first line longer than this is no headline (and each of its names would be sought in
# the whole text below it).
MAX_HEADLINE_CHARS = 300


def headline_only(ent: SpacySpan, block: Block) -> bool:
    """A name the tagger found only in the headline: a title-case headline runs its words
    into one name ("Obama Reverses Bush on Species Protection Measure", "Police Release ID
    Of Woman Killed In Parking Lot"), and a person or body a headline names is written
    again in the report below it."""
    article = block.article
    if block.start > 0 or len(article.title) > MAX_HEADLINE_CHARS:
        return False  # the headline is the text's first line, and a short one
    if block.doc.text.strip() != article.title.strip() or not _title_case(article.title):
        return False
    body = article.original[block.start + len(block.doc.text) :]
    return re.search(rf"(?<!\w){re.escape(ent.text)}(?!\w)", body) is None


def _title_case(line: str) -> bool:
    """Every longer word capitalised, as headlines are styled ("Obama Reverses Bush on
    Species Protection Measure"), not a sentence."""
    longer = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return bool(longer) and all(w[:1].isupper() for w in longer)


def legal_form_of(head: Token) -> str | None:
    """The company whose legal form the subject is, where the parse cut the name off at the
    comma ("Summit Entertainment, LLC plans …" reads "LLC" as the subject): name and form."""
    if head.lower_.rstrip(".") not in LEGAL_FORMS or head.i < 2:
        return None
    doc = head.doc
    if doc[head.i - 1].text != "," or doc[head.i - 2].pos_ != "PROPN":
        return None
    first = head.i - 2
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
        first -= 1
    return doc[first : head.i + 1].text
