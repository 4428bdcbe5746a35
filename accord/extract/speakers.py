"""Speaker names: one normalisation rule, so one person gets one key across spellings.

The rule (no list of names): a name is stripped of titles, possessives, parentheticals and
anything after a comma ("John Kirby, spokesperson for ..." -> "John Kirby"); its *key* is the
last name token, lowercased, accents removed, doubled letters collapsed and a transliterated
ending (``-iy``, ``-yi``, ``-ij``, ``-ii``) folded to ``-y``, and a hard ``c`` (before a
consonant, ``a``, ``o``, ``u`` or at the end) or ``ck`` read as ``k``, as transliterations
disagree on it. So "Zelensky", "Zelenskyy", "Zelenskiy" and "President Volodymyr Zelensky" all
share the key ``zelensky``, and "Dascu" and "Dasku" share ``dasku``.

Inside one article (or one cluster), :class:`~accord.extract.name_table.NameTable` maps a
short or variant form to the longest full name seen with a compatible key ("Kirby" -> "John
Kirby"); that longest form is the name shown. Two full names with one first name and last
names one edit apart ("Ilene Wolfe", "Ilene Wolff") are one person spelled two ways, not a
second speaker, and so are two names that differ only in spaces, dots and case ("A. J.
Smith", "A.J. Smith", "AJ Smith"; "Del Giudice", "DelGiudice"): :func:`compact_name` is the
same for both. An organisation written out and its acronym ("the U.S. Geological Survey",
"USGS") share :func:`initials`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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
# A role set off by a spaced dash after a name, as a comma sets it off: "Jonathan Wright -
# director of wholesale products"; not a spaced double name ("Catherine Zeta - Jones").
_DASH_TAIL = re.compile(r"\s[-–—]\s(?=[a-z])")
# A word of a name, or an ordinal that ends one ("John Pritchard 3rd"), kept whole.
# A number is a name's word after "No." ("Juror No. 8") or as an ordinal ("the 82nd").
_NAME_TOKEN = re.compile(r"\bNo\. ?\d+\b|\d+(?:st|nd|rd|th)\b|[^\W\d_][\w.’'-]*", re.UNICODE)
# An abbreviation spelled in capitals, with or without dots: "US", "U.S.", "UK", "U."
_ABBREVIATION = re.compile(r"(?:[A-Z]\.?)+")


def fold_word(token: str) -> str:
    """Lowercase, drop accents and punctuation, collapse doubles, fold variant endings; a
    number stays ("No. 8" and "No. 12" are two jurors)."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    letters = "".join(c for c in decomposed if c.isalnum())
    return _FINAL_VARIANT.sub("y", _DOUBLED.sub(r"\1", _HARD_C.sub("k", letters)))


def name_tokens(name: str) -> list[str]:
    """The name's words after dropping parentheticals, a comma or dash tail and leading
    titles."""
    text = _PAREN.sub("", NICKNAME.sub(r"\g<first> ", name)).split(",")[0]
    text = _DASH_TAIL.split(text)[0].strip()  # "Jonathan Wright - director of …"
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
    return display_name(name_tokens(name))


def display_name(words: list[str]) -> str:
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
    return "".join(fold_word(w) for w in name_tokens(name))


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
    return fold_word(words[-1]) if words else ""


# An acronym inside a name or title: "CHP" in "CHP Officer Brad Baehr", "D.A." in "the D.A.'s
# office"; two to five capitals, or capitals each with a dot.
_ACRONYM = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,}|[A-Z]{2,5}(?![\w.]))")


# Longer "names" are not spelled out: the search is quadratic in their words.
MAX_SPELLED_CHARS = 200


def has_acronym(name: str) -> bool:
    """True when the name or title holds an acronym ("CHP Officer Jo Reed")."""
    return _ACRONYM.search(name) is not None


def spelled_out(name: str, full: str) -> str:
    """``name`` with each acronym in it written as the capitalised words of ``full`` it
    stands for ("CHP Officer Brad Baehr", "the California Highway Patrol" -> "California
    Highway Patrol Officer Brad Baehr"; "the D.A.'s office", "Bristol District Attorney's
    Office" -> "the District Attorney's office"); ``name`` as it is when none does."""
    if not has_acronym(name) or max(len(name), len(full)) > MAX_SPELLED_CHARS:
        return name  # a name, not a paragraph an odd parse made a subject
    capitals = [_POSSESSIVE.sub("", w) for w in _NAME_TOKEN.findall(full) if w[:1].isupper()]
    heads = [_letters(w) if _ABBREVIATION.fullmatch(w) else _letters(w)[:1] for w in capitals]

    def written(acronym: re.Match[str]) -> str:
        letters = _letters(acronym.group())
        for start in range(len(capitals)):
            run = ""
            for end in range(start, len(capitals)):
                run += heads[end]
                if run == letters:
                    return " ".join(capitals[start : end + 1])
                if not letters.startswith(run):
                    break
        return acronym.group()

    return _ACRONYM.sub(written, name)


# A name defined with its acronym in brackets: "the Central Election and Referendum
# Commission (TsKVPR)", "Mothers Against Drunk Driving (MADD)"; small joining words allowed.
_BRACKETED_ACRONYM = re.compile(r"\(((?:[A-Z][a-z]?){2,}[A-Z]?)\)")
_NAME_BEFORE = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|and|for|on|in|de)(?:\s+the)?\s+)?[A-Z][\w’'.-]*)+\s*$"
)
# A name is sought only this far before its bracket: linear in the text, however long a run
# of capitalised words an input holds.
MAX_DEFINED_NAME_CHARS = 120


def defined_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the texts define, each with the name it stands for; one defined two ways is
    left out."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for bracket in _BRACKETED_ACRONYM.finditer(text):
            start = bracket.start() - MAX_DEFINED_NAME_CHARS
            before = text[max(0, start) : bracket.start()]
            # from a whole word: the window may have cut one
            name = _NAME_BEFORE.search(before, before.find(" ") + 1 if start > 0 else 0)
            if name is not None:
                found.setdefault(bracket[1], set()).add(name.group().strip())
    return {acronym: names.pop() for acronym, names in found.items() if len(names) == 1}


def with_defined(name: str, defined: dict[str, str]) -> str:
    """``name`` with an acronym the story defined written as its name ("TsKVPR" -> "Central
    Election and Referendum Commission")."""
    words = name.split()
    return " ".join(defined.get(w, w) for w in words) if defined else name
