"""Speaker names: one normalisation rule, so one person gets one key across spellings.

The rule (no list of names): a name is stripped of titles, possessives, parentheticals and
anything after a comma ("John Kirby, spokesperson for ..." -> "John Kirby"); its *key* is the
last name token, lowercased, accents removed, doubled letters collapsed and a transliterated
ending (``-iy``, ``-yi``, ``-ij``, ``-ii``) folded to ``-y``, and a hard ``c`` (before a
consonant, ``a``, ``o``, ``u`` or at the end) or ``ck`` read as ``k``, as transliterations
disagree on it. So "Zelensky", "Zelenskyy", "Zelenskiy" and "President Volodymyr Zelensky" all
share the key ``zelensky``, and "Dascu" and "Dasku" share ``dasku``.

Inside one article (or one cluster), :class:`NameTable` maps a short or variant form to the
longest full name seen with a compatible key ("Kirby" -> "John Kirby"); that longest form is
the name shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from accord.gazetteer import PERSON_TITLES
from accord.model import SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from accord.nlp import Block

# Honorifics and office words that may precede a name; the gazetteer's closed class plus the
# adjectives of rank and nationality-free modifiers that news copy puts before titles.
_EXTRA_TITLES = frozenset(
    {
        "vice",
        "deputy",
        "former",
        "acting",
        "interim",
        "retired",
        "lt.",
        "lt",
        "gen",
        "maj.",
        "sgt.",
        "capt.",
        "adm.",
        "gov.",
        "pres.",
        "sen",
        "rep",
        "mr",
        "mrs",
        "ms",
        "dr",
        "rev.",
        "the",
        "house",
        "speaker",
        "foreign",
        "defense",
        "defence",
        "state",
        "press",
        "national",
        "security",
        "adviser",
        "advisor",
        "official",
        "candidate",
        "nominee",
        "sir",
        "dame",
        "prof.",
        "professor",
        "judge",
        "justice",
        "attorney",
        "pope",
        "prince",
        "princess",
    }
)
TITLE_WORDS = frozenset(PERSON_TITLES) | _EXTRA_TITLES
# Nouns for a body that speaks as one: "the ministry said", "Ukrainian intelligence estimates".
# A subject headed by one is an organisation; "the agency" alone is the last one named.
ORGANISATION_NOUNS = frozenset(
    {
        "agency",
        "ministry",
        "department",
        "government",
        "administration",
        "intelligence",
        "military",
        "army",
        "navy",
        "command",
        "service",
        "council",
        "office",
        "committee",
        "commission",
        "embassy",
        "parliament",
        "court",
        "police",
        "company",
        "firm",
        "group",
        "organisation",
        "organization",
        "union",
        "party",
        "cabinet",
        "kremlin",
        "authority",
        "authorities",
        "newspaper",
        "outlet",
        "broadcaster",
    }
)
# Things that "show" or "suggest" rather than speak: with no modifier ("photos show") they are
# evidence, not a speaker a reader can check, so the statement has no speaker.
EVIDENCE_NOUNS = frozenset(
    {
        "photo",
        "image",
        "picture",
        "video",
        "footage",
        "clip",
        "document",
        "data",
        "record",
        "evidence",
        "map",
        "report",
        "estimate",
        "study",
        "poll",
        "survey",
        "assessment",
        "statement",
        "analysis",
    }
)
# Labels a headline opens with ("PHOTOS: ..."); never a transcript speaker.
HEADLINE_LABELS = frozenset(
    {
        "photos",
        "photo",
        "video",
        "videos",
        "watch",
        "live",
        "breaking",
        "update",
        "updated",
        "exclusive",
        "opinion",
        "analysis",
        "explainer",
        "listen",
        "gallery",
        "factbox",
        "timeline",
        "editorial",
        "review",
    }
)
# Transliteration variants of a final vowel sound: Zelenskiy / Zelenskyi / Zelenskij -> -y.
_FINAL_VARIANT = re.compile(r"(?:iy|yi|ij|ii)$")
_DOUBLED = re.compile(r"(.)\1+")
_HARD_C = re.compile(r"c(?=[^eiy]|$)")
_PAREN = re.compile(r"\s*\([^)]*\)")
_POSSESSIVE = re.compile(r"[’']s?$")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.’'-]*", re.UNICODE)


def _fold(token: str) -> str:
    """Lowercase, drop accents and punctuation, collapse doubles, fold variant endings."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    letters = "".join(c for c in decomposed if c.isalpha())
    return _FINAL_VARIANT.sub("y", _DOUBLED.sub(r"\1", _HARD_C.sub("k", letters)))


def name_tokens(name: str) -> list[str]:
    """The name's words after dropping parentheticals, a comma tail and leading titles."""
    text = _PAREN.sub("", name).split(",")[0].strip()
    words = [_POSSESSIVE.sub("", w) for w in _NAME_TOKEN.findall(text)]
    words = [w for w in words if w]
    # Titles and lowercase words lead ("Ukrainian President", "spokesperson"); names follow.
    while len(words) > 1 and (words[0].lower() in TITLE_WORDS or words[0][:1].islower()):
        words.pop(0)
    return words


def normalise_speaker(name: str) -> str:
    """The display form of a name: titles, possessives and comma tails removed.

    >>> normalise_speaker("Ukrainian President Volodymyr Zelenskyy's")
    'Volodymyr Zelenskyy'
    """
    words = name_tokens(name)
    # A nationality adjective before a title ("Ukrainian President X") is also dropped.
    for i, word in enumerate(words[:-1]):
        if word.lower() in TITLE_WORDS:
            words = words[i + 1 :]
            break
    return " ".join(words)


def speaker_key(name: str) -> str:
    """The grouping key of a name: its folded last token ("" when nothing name-like is left)."""
    words = name_tokens(name)
    return _fold(words[-1]) if words else ""


def _folded_words(name: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in name_tokens(name))


def _compatible(short: str, full: str) -> bool:
    """True when every folded word of ``short`` occurs in ``full`` (``Kirby`` ⊆ ``John Kirby``)."""
    short_words = _folded_words(short)
    return bool(short_words) and short_words <= _folded_words(full)


class NameTable:
    """The person names seen in an article or cluster, to expand short and variant forms."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._counts: Counter[str] = Counter()
        self._by_key: dict[str, list[str]] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        shown = normalise_speaker(name)
        key = speaker_key(shown)
        if not key:
            return
        self._counts[shown] += 1
        forms = self._by_key.setdefault(key, [])
        if shown not in forms:
            forms.append(shown)

    def knows(self, name: str) -> bool:
        """True when ``name`` fits a name already in the table."""
        shown = normalise_speaker(name)
        return any(_compatible(shown, f) for f in self._by_key.get(speaker_key(shown), []))

    def resolve(self, name: str) -> str:
        """The fullest known form of ``name``: same key, compatible words; else ``name`` cleaned.

        When several full names share a key ("Bill Clinton", "Hillary Clinton") the one seen most
        often wins, then the longest. The longest spelling of the chosen person is shown.
        """
        shown = normalise_speaker(name)
        forms = [f for f in self._by_key.get(speaker_key(shown), []) if _compatible(shown, f)]
        if not forms:
            return shown
        # A "person" is a maximal word set; shorter forms count towards every person they fit.
        people = {_folded_words(f) for f in forms}
        people = {p for p in people if not any(p < q for q in people)}
        best = max(people, key=lambda p: (self._weight(p, forms), len(p)))
        spellings = [f for f in forms if _folded_words(f) == best]
        return max(spellings, key=len)

    def _weight(self, person: frozenset[str], forms: list[str]) -> int:
        """Mentions of ``person`` under any form whose words it contains."""
        return sum(self._counts[f] for f in forms if _folded_words(f) <= person)


# --- speakers of one article, read from the parse --------------------------------------------

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A subject headed by one of these, with no name in it, is the last named person.
ROLE_NOUNS = frozenset(PERSON_TITLES) - {"mr.", "mrs.", "ms.", "dr.", "prime", "chief"}
# Entity labels of a body or a place that speaks for its government ("Moscow said").
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Parts of a subject phrase that are not the speaker: clauses about it, coordinated others
# ("neither Moscow nor Pyongyang"), appositions ("Kirby, a spokesman").
_NOT_SPEAKER_DEPS = frozenset({"relcl", "acl", "conj", "cc", "preconj", "appos", "advmod"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


class Credit(NamedTuple):
    """Who a statement is credited to: the name shown and what kind of speaker it is."""

    name: str
    kind: SpeakerType


def np_bounds(head: Token, core: bool = False) -> tuple[int, int]:
    """Character bounds of a subject noun phrase, without relative clauses or trailing
    punctuation (where the source is named); with ``core``, also without coordinated others
    and appositions (the speaker's own words)."""
    deps = _NOT_SPEAKER_DEPS if core else {"relcl", "acl"}
    cut = {t.i for c in head.children if c.dep_ in deps for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
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
    while last.i > first.i and last.is_punct:
        last = last.doc[last.i - 1]
    return first.idx, last.idx + len(last.text)


def name_like(token: Token) -> bool:
    """A capitalised noun: the tagger calls a sentence-initial surname NOUN as often as PROPN."""
    return token.pos_ in {"PROPN", "NOUN"} and token.text[:1].isupper()


def _continues_name(token: Token) -> bool:
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


def _description(words: list[Token]) -> str:
    """A described source as written, its leading article or number word in lower case
    ("A South Korean lawmaker" -> "a South Korean lawmaker")."""
    text = " ".join(t.text for t in words if not t.is_punct or t.text in "-’'")
    text = text.replace(" ’s", "’s").replace(" 's", "'s")
    first = words[0]
    if first.pos_ in {"DET", "NUM", "PRON"} or first.like_num:
        text = text[:1].lower() + text[1:]
    return text


class ArticleSpeakers:
    """The people and bodies named in one article, in order, to resolve a subject phrase to
    a :class:`Credit`: pronouns and bare titles go to the last named person, "the agency" to
    the last organisation, a short or variant name to the fullest form seen."""

    def __init__(self, blocks: list[Block], quoted: list[tuple[int, int]]) -> None:
        def unquoted(start: int) -> bool:
            return not any(s <= start < e for s, e in quoted)

        names: list[str] = []
        self.organisations: list[tuple[int, str]] = []  # (absolute end offset, name)
        for block in blocks:
            for ent in block.doc.ents:
                if not unquoted(block.start + ent.start_char):
                    continue
                if ent.label_ == "PERSON":
                    names.append(ent.text)
                elif ent.label_ == "ORG":
                    end = block.start + ent.end_char
                    self.organisations.append((end, organisation_name(ent)))
        self.table = NameTable(names)
        # A person is mentioned wherever a name ends whose key the table knows, even where
        # the tagger missed the entity ("Kirby emphasized").
        self.people: list[tuple[int, str]] = []  # (absolute end offset, name), text order
        for block in blocks:
            for token in block.doc:
                end = block.start + token.idx + len(token.text)
                if (
                    name_like(token)
                    and self.table.knows(token.text)
                    and unquoted(end - 1)
                    and not _continues_name(token)
                ):
                    self.people.append((end, self.table.resolve(token.text)))

    @staticmethod
    def _last(found: list[tuple[int, str]], before: int) -> str | None:
        last = None
        for end, name in found:
            if end > before:
                break
            last = name
        return last

    def last_person(self, before: int) -> Credit | None:
        name = self._last(self.people, before)
        return Credit(name, SpeakerType.PERSON) if name else None

    def credit(self, block: Block, head: Token) -> Credit | None:
        """The speaker for a subject noun phrase headed by ``head`` (None: nobody to name)."""
        start, end = np_bounds(head, core=True)
        absolute = block.start + start
        lower = head.lower_
        if lower in PERSONAL_PRONOUNS:
            return self.last_person(absolute)
        if lower in RELATIVE_PRONOUNS and head.head.head is not head.head:
            antecedent = head.head.head
            return self.credit(block, antecedent) if antecedent.pos_ in {"PROPN", "NOUN"} else None
        if head.pos_ == "PRON":
            return None
        span = block.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        ents = list(span.ents)
        for ent in ents:
            if ent.label_ == "PERSON":
                return Credit(self.table.resolve(ent.text), SpeakerType.PERSON)
        if name_like(head) and self.table.knows(head.text):
            return Credit(self.table.resolve(head.text), SpeakerType.PERSON)
        own = [e for e in ents if e.start <= head.i < e.end and e.label_ in ORGANISATION_LABELS]
        if own and own[0].label_ == "NORP" and head.tag_ in {"NNS", "NNPS"}:
            return Credit(own[0].text, SpeakerType.GROUP)  # "Ukrainians said"
        if own:
            return Credit(organisation_name(own[0]), SpeakerType.ORGANISATION)
        return self._described(block, head, span, absolute)

    def _described(
        self, block: Block, head: Token, span: SpacySpan, absolute: int
    ) -> Credit | None:
        """A subject that names nobody: a title, a body, a group or a description."""
        lemma = head.lemma_.lower()
        words = list(span)
        if words[0].lower_ == "the" and len(words) > 1:
            words = words[1:]
        bare = all(t.i == head.i or t.dep_ == "det" for t in words)
        if lemma in ROLE_NOUNS and head.tag_ == "NN" and not span.ents:
            return self.last_person(absolute)
        if head.pos_ == "NUM" or head.like_num:
            return self._one_of(block, head, words)
        if lemma in ORGANISATION_NOUNS and bare and head.tag_ == "NN":
            # "the agency", "the ministry": the last body the article named
            name = self._last(self.organisations, absolute)
            return Credit(name or _description(list(span)), SpeakerType.ORGANISATION)
        if lemma in EVIDENCE_NOUNS:  # a source as a thing: "Ukrainian estimates suggest"
            return None if bare else Credit(_description(words), SpeakerType.DESCRIPTION)
        if not words:
            return None
        if head.pos_ == "PROPN":
            # a name the tagger gave no label: two or more capitalised words read as a person
            names = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
            person = len(names) == len(words) >= 2 and lemma not in ORGANISATION_NOUNS
            kind = SpeakerType.PERSON if person else SpeakerType.ORGANISATION
            return Credit(_description(words), kind)
        if lemma in ORGANISATION_NOUNS:
            return Credit(_description(words), SpeakerType.ORGANISATION)
        if head.tag_ in {"NNS", "NNPS"}:
            return Credit(_description(words), SpeakerType.GROUP)
        return Credit(_description(words), SpeakerType.DESCRIPTION)

    @staticmethod
    def _one_of(block: Block, head: Token, words: list[Token]) -> Credit | None:
        """ "One of the soldiers" is a description; a bare "One" is one of the last group
        the paragraph named in the plural ("The two soldiers ... One claimed ...")."""
        if len(words) > 1:
            return Credit(_description(words), SpeakerType.DESCRIPTION)
        plural = [
            chunk
            for chunk in block.doc.noun_chunks
            if chunk.end <= head.i
            and chunk.root.tag_ == "NNS"
            and chunk.root.dep_ in {"nsubj", "nsubjpass"}
        ]
        if not plural:
            return None
        group = plural[-1]
        return Credit(
            f"{head.lower_} of {group.text[:1].lower()}{group.text[1:]}", SpeakerType.DESCRIPTION
        )
