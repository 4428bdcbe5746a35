"""What clustering knows about one article (:class:`Signal`): its unit embedding of title and
lead, the content words of its lead, its named entities, the days its text names and the day it
was published. Kept apart from :mod:`accord.cluster` so the index reads alone."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from accord.lexicon import COMPASS_WORDS, NAME_SUFFIXES, STREET_TYPES
from accord.model import Article, Extraction

LEAD_CHARS = 1000  # all-MiniLM-L6-v2 reads 256 word pieces, about this many characters
# The opening that names the incident's own people and streets (title, dateline, first lines).
OPENING_CHARS = 400
# Names that may single out one happening: a person, a building, a street (spaCy's PERSON, FAC,
# LOC; the small model often calls a street corner an ORG), not a city or a state, which local
# news of one kind all share. The outlet's own names are left out (opening_names), and an
# agency many stories name is no match (accord.cluster.StoryIndex.nameless).
SPECIFIC_LABELS = ("person:", "fac:", "loc:", "org:")
# What separates a headline from the outlet's name in a page title ("Man shot | Fox 59").
_TITLE_PARTS_RE = re.compile(r"\s+[|\-\u2013\u2014\u00ab\u00bb:]+\s+")
_WORD_RE = re.compile(r"(?u)\b\w\w+\b")  # words of two or more characters (as scikit-learn)
# A street: up to three capitalised words, initials or ordinals ("North Denny", "E. 59th",
# "St. Paul") before a capitalised street type ("Street", "Ave."). Read from the text, as
# spaCy's small model labels such names GPE, ORG, FAC or LOC from one report to the next.
_STREET_RE = re.compile(
    r"\b((?:(?:[A-Z][a-z]*|\d+(?:st|nd|rd|th))\.?\s+){1,3})("
    + "|".join(sorted((t.capitalize() for t in STREET_TYPES), key=len, reverse=True))
    + r")\b"
)
STREET_NAME_WORDS = (
    2  # words kept of a street's name (its end): "Martin Luther King" is "luther king"
)
STREET = "street:"  # prefix of a story's opening streets among its entity counts


def day_number(date: str | None) -> int | None:
    """``YYYY-MM-DD`` (or a longer ISO string) as a day ordinal; ``None`` when absent or bad."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def lead_text(article: Article) -> str:
    """The text that stands for the article in clustering: title and lead."""
    return f"{article.title}\n{article.text[:LEAD_CHARS]}".strip()


def lead_terms(text: str) -> dict[str, float]:
    """Content words of ``text`` with sublinear counts (1 + ln tf), spaCy's English stop words
    out (the list claim alignment uses; scikit-learn's drops news words such as "fire")."""
    counts: dict[str, int] = {}
    for word in _WORD_RE.findall(text.lower()):
        if word not in STOP_WORDS:
            counts[word] = counts.get(word, 0) + 1
    return {w: 1.0 + math.log(n) for w, n in sorted(counts.items())}


def named_days(extraction: Extraction) -> frozenset[int]:
    """The days the article's text names to the day (its own dateline included)."""
    found = set()
    for mention in extraction.dates:
        if mention.precision == "day":
            day = day_number(mention.value)
            if day is not None:
                found.add(day)
    return frozenset(found)


def name_words(entity: str) -> frozenset[str]:
    """The words of a normalised entity's name (``"person:dr sanjay gupta"``), as lead words."""
    return frozenset(_WORD_RE.findall(entity.split(":", 1)[-1])) - STOP_WORDS


def outlet_words(article: Article) -> frozenset[str]:
    """Words of the outlet's own name: the page title's parts after the headline ("The
    Homicide Report - Los Angeles Times") and the URL's host ("fox6now.com")."""
    parts = _TITLE_PARTS_RE.split(article.title.lower())[1:]
    host = outlet_of(article)
    return frozenset(_WORD_RE.findall(" ".join([*parts, host.replace(".", " ")]))) - STOP_WORDS


def outlet_of(article: Article) -> str:
    """The host of the article's URL ("fox59.com"), "" when it has none."""
    host = re.sub(r"^[a-z]+://", "", (article.url or "").lower()).split("/", 1)[0]
    return host.removeprefix("www.")


def opening_names(article: Article, entities: Iterable[str]) -> frozenset[str]:
    """The specific names (``SPECIFIC_LABELS``) the title or the opening of the text names,
    the outlet's own names (a word of :func:`outlet_words` in or around a name's word) out."""
    opening = f"{article.title}\n{article.text[:OPENING_CHARS]}".lower()
    opening = " ".join(opening.split())
    outlet = outlet_words(article)
    return frozenset(
        e
        for e in entities
        if e.startswith(SPECIFIC_LABELS)
        and e.split(":", 1)[1] in opening
        and not any(o in w or w in o for w in name_words(e) for o in outlet if len(w) > 2)
    )


def opening_streets(article: Article) -> frozenset[str]:
    """The streets the title or the opening of the text names, each as the end of its name
    in lower case without a compass word ("North Denny Street" is "denny")."""
    opening = f"{article.title}\n{article.text[:OPENING_CHARS]}"
    found = set()
    for match in _STREET_RE.finditer(opening):
        words = [w.strip(".").lower() for w in match.group(1).split()]
        # a title-case headline runs into the name ("Man Shot On Elm Street"): keep the words
        # after its last function word
        words = words[max((i + 1 for i, w in enumerate(words) if w in STOP_WORDS), default=0) :]
        named = [w for w in words if w not in COMPASS_WORDS] or words
        if named:
            found.add(" ".join(named[-STREET_NAME_WORDS:]))
    return frozenset(found)


def streets_clash(streets: Collection[str], entities: Collection[str]) -> bool:
    """Whether a report's opening streets and a story's (its ``STREET`` entities) are both
    known and none is shared: two local reports that open on different streets report
    different incidents, however alike their template reads."""
    theirs = story_streets(entities)
    return bool(streets) and bool(theirs) and not theirs & set(streets)


def story_streets(entities: Iterable[str]) -> frozenset[str]:
    """The streets among a story's entities (``STREET`` entries)."""
    return frozenset(e.removeprefix(STREET) for e in entities if e.startswith(STREET))


def names_one_of(
    opening: Iterable[str],
    names: Collection[str],
    rare_name: Callable[[str], bool],
    rare_word: Callable[[str], bool],
) -> bool:
    """Whether ``names`` (a story's) hold one of the opening's rare names, or a name sharing
    one of their rare words ("Gupta" is "Dr Sanjay Gupta"; "Street" or "North" is no match
    where many stories' leads use it) that may name the same one (:func:`may_be_one`).
    A name many stories hold (an agency, a county) tells them apart from nothing, so it is
    left out, words and all; so is a surname alone that stands for a full name beside it
    (:func:`uncovered`)."""
    own = [e for e in uncovered(opening) if rare_name(e)]
    if any(e in names for e in own):
        return True
    theirs = uncovered(names)
    for entity in own:
        rare = {w for w in name_words(entity) if rare_word(w)}
        if rare and any(rare & name_words(e) and may_be_one(entity, e) for e in theirs):
            return True
    return False


PERSON = "person:"


def name_parts(entity: str) -> list[str]:
    """The words of a name in order, stop words out and, for a person, a generational suffix
    ("person:dr ivo renk jr": dr, ivo, renk)."""
    words = [w for w in _WORD_RE.findall(entity.split(":", 1)[-1]) if w not in STOP_WORDS]
    while entity.startswith(PERSON) and len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def person_words(entity: str) -> list[str]:
    """:func:`name_parts` of a person's name; [] for other entities."""
    return name_parts(entity) if entity.startswith(PERSON) else []


def may_be_one(a: str, b: str) -> bool:
    """Whether two names sharing a word may name one person, place or body: when either is
    one word, yes ("Gupta", "Dr Sanjay Gupta"); else the shorter's words are the longer's
    and the last words agree ("Ivo Renk" is "Dr Ivo Renk", "Syed Farook" is "Syed Rizwan
    Farook"; "Joel Ruiz" is not "Jose Ruiz", nor "Hawaiian Gardens" "Bell Gardens")."""
    ours, theirs = sorted([name_parts(a), name_parts(b)], key=len)
    if len(ours) < 2:
        return True
    return ours[-1] == theirs[-1] and set(ours) <= set(theirs)


def uncovered(names: Iterable[str]) -> list[str]:
    """The names less each one-word name that is the surname of a person named in full
    among them ("Ruiz" beside "Joel Ruiz" stands for him, not for any Ruiz)."""
    held = list(names)
    surnames = {w[-1] for w in map(person_words, held) if len(w) > 1}
    return [
        e
        for e in held
        if len(words := _WORD_RE.findall(e.split(":", 1)[-1])) != 1 or words[0] not in surnames
    ]


@dataclass(frozen=True)
class Signal:
    """What clustering needs to know about one article."""

    article: str
    vector: np.ndarray  # unit length, float32
    entities: frozenset[str] = frozenset()
    day: int | None = None  # publication day ordinal; None when the article is undated
    terms: Mapping[str, float] = field(default_factory=dict)  # lead_terms of title and lead
    dates: frozenset[int] = frozenset()  # days the text names (named_days)
    opening: frozenset[str] = frozenset()  # specific names of the opening (opening_names)
    outlet: str = ""  # outlet_of the article
    streets: frozenset[str] = frozenset()  # streets of the opening (opening_streets)


def signal_of(
    article: Article, extraction: Extraction, entities: Iterable[str], vector: np.ndarray
) -> Signal:
    """The clustering signal of a processed article."""
    names = frozenset(entities)
    return Signal(
        article.id,
        vector,
        names,
        article.published.toordinal() if article.published else None,
        lead_terms(lead_text(article)),
        named_days(extraction),
        opening_names(article, names),
        outlet_of(article),
        opening_streets(article),
    )
