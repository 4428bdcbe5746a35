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
the name shown. Two full names with one first name and last names one edit apart ("Ilene
Wolfe", "Ilene Wolff") are one person spelled two ways, not a second speaker, and so are two
names that differ only in spaces, dots and case ("A. J. Smith", "A.J. Smith", "AJ Smith";
"Del Giudice", "DelGiudice"): :func:`compact_name` is the same for both. An organisation
written out and its acronym ("the U.S. Geological Survey", "USGS") share :func:`initials`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from nicknames import NickNamer

from accord.gazetteer import PERSON_TITLES
from accord.lexicon import NAME_SUFFIXES

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
        "sister",
        "sr.",
        "insp",
        "insp.",
        "inspector",
        "const",
        "const.",
        "constable",
        "sgt",
        "sergeant",
        "det.",
        "detective",
        "capt",
        "cmdr.",
        "msgr",
        "msgr.",
        "monsignor",
        # a company officer's title before the name: "Qualys CTO Wolfgang Kandek"
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cio",
        # offices news copy writes before a name ("Coroner Jo Ames", "Dist. Atty. Jo Ames")
        "atty",
        "atty.",
        "dist.",
        "clerk",
        "coroner",
        "undersheriff",
        "lawyer",
        "comedian",
        "gm",
        "police",
    }
)
TITLE_WORDS = frozenset(PERSON_TITLES) | _EXTRA_TITLES
# Nouns for a body that speaks as one: "the ministry said", "Ukrainian intelligence estimates".
# A subject headed by one is an organisation; "the agency" alone is the last one named.
_FINAL_VARIANT = re.compile(r"(?:iy|yi|ij|ii)$")
_DOUBLED = re.compile(r"(.)\1+")
_HARD_C = re.compile(r"c(?=[^eiy]|$)")
_PAREN = re.compile(r"\s*\([^)]*\)")
_POSSESSIVE = re.compile(r"[’']s?$")
# A nickname quoted between a first name and a surname: 'Vincent "The Chin" Gigante',
# "Joaquín 'El Chapo' Guzmán"; an apostrophe inside a name ("O'Neil") has no space before it.
NICKNAME = re.compile(
    r"\b(?P<first>[A-Z][\w.-]+)\s+[\"“'‘](?:(?:[Tt]he|El|La)\s+)?(?P<nick>[A-Z][\w-]+)[\"”'’]"
    r"\s+(?=[A-Z])"
)
# The same with the surname that follows: the whole name as written.
NICKNAMED = re.compile(NICKNAME.pattern + r"(?P<last>[A-Z][\w-]+)")
# A word of a name, or an ordinal that ends one ("John Pritchard 3rd"), kept whole.
_NAME_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|[^\W\d_][\w.’'-]*", re.UNICODE)
# An abbreviation spelled in capitals, with or without dots: "US", "U.S.", "UK", "U."
_ABBREVIATION = re.compile(r"(?:[A-Z]\.?)+")


def _fold(token: str) -> str:
    """Lowercase, drop accents and punctuation, collapse doubles, fold variant endings."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    letters = "".join(c for c in decomposed if c.isalpha())
    return _FINAL_VARIANT.sub("y", _DOUBLED.sub(r"\1", _HARD_C.sub("k", letters)))


def name_tokens(name: str) -> list[str]:
    """The name's words after dropping parentheticals, a comma tail and leading titles."""
    text = _PAREN.sub("", NICKNAME.sub(r"\g<first> ", name)).split(",")[0].strip()
    words = [_POSSESSIVE.sub("", w) for w in _NAME_TOKEN.findall(text)]
    words = [w for w in words if w]
    # Titles and lowercase words lead ("Ukrainian President", "spokesperson"); names follow.
    while len(words) > 1 and (words[0].lower() in TITLE_WORDS or words[0][:1].islower()):
        words.pop(0)
    # A generational suffix ends a name after the surname ("Nick J. Rahall II"): not its key.
    while len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words


def normalise_speaker(name: str) -> str:
    """The display form of a name: titles, possessives and comma tails removed.

    >>> normalise_speaker("Ukrainian President Volodymyr Zelenskyy's")
    'Volodymyr Zelenskyy'
    """
    return _display(name_tokens(name))


def _display(words: list[str]) -> str:
    """:func:`normalise_speaker` of the name whose :func:`name_tokens` are ``words``."""
    # A nationality adjective before a title ("Ukrainian President X") is also dropped.
    for i, word in enumerate(words[:-1]):
        if word.lower() in TITLE_WORDS:
            words = words[i + 1 :]
            break
    return " ".join(words)


def compact_name(name: str) -> str:
    """The name's letters with titles, spaces, dots and case gone: outlets space and dot
    initials and particles their own way ("U. S.", "U.S.", "US"; "Del Giudice", "DelGiudice")."""
    return "".join(_fold(w) for w in name_tokens(name))


def _letters(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalpha())


def initials(name: str) -> str:
    """The acronym a name of two or more capitalised words is shortened to: the first letter
    of each, every letter of an abbreviation ("U.S. Geological Survey" -> "usgs"), small
    joining words left out ("Bureau of Prisons" -> "bp"); "" for a name of one word."""
    words = [w for w in name_tokens(name) if w[:1].isupper()]
    if len(words) < 2:
        return ""
    return "".join(_letters(w) if _ABBREVIATION.fullmatch(w) else _letters(w)[:1] for w in words)


def abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is one capitalised acronym of ``full``'s words ("USGS", "the U.S.
    Geological Survey")."""
    words = name_tokens(short)
    return (
        len(words) == 1
        and _ABBREVIATION.fullmatch(words[0]) is not None
        and _letters(words[0]) == initials(full)
    )


def speaker_key(name: str) -> str:
    """The grouping key of a name: its folded last token ("" when nothing name-like is left)."""
    words = name_tokens(name)
    return _fold(words[-1]) if words else ""


# A surname this short ("Li", "Lu", "Ross") is too often another family's to read a one-letter
# difference as a typo.
MIN_VARIANT_SURNAME = 4
# A first name a letter from another is the same transliterated name only when this long
# ("Heidar", "Heydar"); shorter ones are often two names ("John", "Joan").
MIN_VARIANT_FIRST_NAME = 5


def one_edit_apart(first: str, second: str) -> bool:
    """True when one insertion, deletion or substitution turns ``first`` into ``second``."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    short, long = sorted((first, second), key=len)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    skip = 1 if len(short) < len(long) else 0
    return short[i + 1 - skip :] == long[i + 1 :]


def _same_first_name(first: str, second: str) -> bool:
    """Two folded first names of one person: equal, or a letter apart when both are long
    enough not to be two common names ("Heidar", "Heydar"; not "John", "Joan")."""
    if first == second:
        return True
    long_enough = min(len(first), len(second)) >= MIN_VARIANT_FIRST_NAME
    return long_enough and one_edit_apart(first, second)


@dataclass(frozen=True)
class _Reading:
    """What one string reads as by itself, whatever the table holds."""

    shown: str  # normalise_speaker
    compact: str  # compact_name
    key: str  # speaker_key
    folded: tuple[str, ...]  # each of name_tokens, _fold-ed


class NameTable:
    """The person names seen in an article or cluster, to expand short and variant forms."""

    def __init__(
        self,
        names: Iterable[str] = (),
        first_names: bool = False,
        nicknames: NickNamer | None = None,
    ) -> None:
        # one article's table: a first name alone is the one person it names ("Doug said"
        # after "Doug McDermott" where his father is "Greg McDermott"); across articles, no
        self._first_names = first_names
        # the short forms of first names ("Fred" for "Frederick"), for one surname's people
        self._nicknames = nicknames
        self._counts: Counter[str] = Counter()
        self._by_key: dict[str, list[str]] = {}
        self._alias: dict[str, str] = {}  # a variant surname's folded form -> the first seen
        self._spelling: dict[str, str] = {}  # compact_name -> the first spelling seen
        # Each string read once: an article asks about its few names for every token.
        self._readings: dict[str, _Reading] = {}
        for name in names:
            self.add(name)

    def _read(self, name: str) -> _Reading:
        found = self._readings.get(name)
        if found is None:
            words = name_tokens(name)
            folded = tuple(_fold(w) for w in words)
            key = folded[-1] if folded else ""  # speaker_key
            found = _Reading(_display(words), "".join(folded), key, folded)
            self._readings[name] = found
        return found

    def _key(self, shown: str) -> str:
        key = self._read(shown).key
        return self._alias.get(key, key)

    def _words(self, name: str) -> frozenset[str]:
        return frozenset(self._alias.get(w, w) for w in self._read(name).folded)

    def _compatible(self, short: str, full: str) -> bool:
        """True when every word of ``short`` occurs in ``full`` (``Kirby`` ⊆ ``John Kirby``)."""
        short_words = self._words(short)
        return bool(short_words) and short_words <= self._words(full)

    def _variant_of(self, shown: str) -> tuple[str, str] | None:
        """The key and folded first name of a full name seen before with this first name, or
        one a letter away (a transliteration: "Heidar" and "Heydar"), and a surname one edit
        away ("Ilene Wolff" after "Ilene Wolfe", "Heidar Alishvandi" after "Heydar
        Alishbandi")."""
        words = self._read(shown).folded
        if len(words) < 2 or len(words[-1]) < MIN_VARIANT_SURNAME:
            return None
        for key, forms in self._by_key.items():
            for form in forms:
                seen = self._read(form).folded
                same_first = len(seen) >= 2 and _same_first_name(seen[0], words[0])
                if same_first and one_edit_apart(key, words[-1]):
                    return key, seen[0]
        return None

    def _shown(self, name: str) -> str:
        """The display form of ``name``, spelled as the first name met with the same letters
        ("A.J. Smith" after "A. J. Smith")."""
        shown = self._read(name).shown
        return self._spelling.get(self._read(shown).compact, shown)

    def add(self, name: str) -> None:
        for nicknamed in NICKNAME.finditer(name):
            # "Chin Gigante" is the "Vincent 'Chin' Gigante" met here
            nick, first = _fold(nicknamed["nick"]), _fold(nicknamed["first"])
            self._alias.setdefault(nick, first)
        shown = self._shown(name)
        self._spelling.setdefault(self._read(shown).compact, shown)
        key = self._key(shown)
        if not key:
            return
        if key not in self._by_key and (variant := self._variant_of(shown)) is not None:
            known, first = variant
            self._alias[key] = known
            if (own_first := self._read(shown).folded[0]) != first:
                self._alias[own_first] = first  # "heidar" reads as the "heydar" met first
            key = known
        elif key in self._by_key:
            self._alias_first_name(shown, self._by_key[key])
        self._counts[shown] += 1
        forms = self._by_key.setdefault(key, [])
        if shown not in forms:
            forms.append(shown)

    def _alias_first_name(self, shown: str, forms: list[str]) -> None:
        """Read ``shown``'s first name as that of a person met under the same surname when
        it is the same name spelled or shortened another way: "Jon Owen" after "John Owen",
        "Fred LaRue" after "Frederick C. LaRue", "Yiannis" after "Giannis"."""
        own = self._read(shown).folded
        if len(own) < 2:
            return
        for form in forms:
            seen = self._read(form).folded
            first, other = self._alias.get(own[0], own[0]), self._alias.get(seen[0], seen[0])
            if len(seen) >= 2 and first != other and self._one_first_name(shown, form):
                self._alias[own[0]] = other
                return

    def _one_first_name(self, name: str, other: str) -> bool:
        """The first names of two names are one: spelled a letter apart, or one a short form
        of the other (read as written, not folded: "fred", "frederick")."""
        first, second = (name_tokens(n)[0].lower() for n in (name, other))
        if _same_first_name(_fold(first), _fold(second)):
            return True
        known = self._nicknames
        return known is not None and (
            second in known.nicknames_of(first) or first in known.nicknames_of(second)
        )

    def knows(self, name: str) -> bool:
        """True when ``name`` fits a name already in the table."""
        shown = self._shown(name)
        return any(self._compatible(shown, f) for f in self._by_key.get(self._key(shown), []))

    def resolve(self, name: str) -> str:
        """The fullest known form of ``name``: same key, compatible words; else ``name`` cleaned.

        When several full names share a key ("Bill Clinton", "Hillary Clinton") the one seen most
        often wins, then the longest, then the first met. The chosen person is shown in the
        spelling with the fewest variant words ("Jermayne" over a "Jerymayne" met after it,
        "Vincent" over his nickname), then the longest, then the most used.
        """
        shown = self._shown(name)
        forms = [f for f in self._by_key.get(self._key(shown), []) if self._compatible(shown, f)]
        if all(len(self._words(f)) == 1 for f in forms) and (full := self._first_named(shown)):
            return full  # "Doug", met only alone: the one "Doug McDermott"
        if not forms:
            return shown
        # A "person" is a maximal word set; shorter forms count towards every person they fit.
        # A list in first-seen order, so a tie goes to the name met first, whatever the hash seed.
        people = list(dict.fromkeys(self._words(f) for f in forms))
        people = [p for p in people if not any(p < q for q in people)]
        best = max(people, key=lambda p: (self._weight(p, forms), len(p)))
        spellings = [f for f in forms if self._words(f) == best]
        return max(spellings, key=lambda f: (-self._variants(f), len(f), self._counts[f]))

    def _variants(self, name: str) -> int:
        """How many of ``name``'s words are read as another ("Chin", "Jerymayne")."""
        return sum(w in self._alias for w in self._read(name).folded)

    def _first_named(self, shown: str) -> str | None:
        """The one full name whose first name ``shown`` is, when first names are read."""
        words = self._read(shown).folded
        if not self._first_names or len(words) != 1:
            return None
        people = {
            self.resolve(form)
            for forms in self._by_key.values()
            for form in forms
            if len(folded := self._read(form).folded) >= 2 and folded[0] == words[0]
        }
        return people.pop() if len(people) == 1 else None

    def _weight(self, person: frozenset[str], forms: list[str]) -> int:
        """Mentions of ``person`` under any form whose words it contains."""
        return sum(self._counts[f] for f in forms if self._words(f) <= person)
