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


def names_one_of(
    opening: Iterable[str],
    names: Collection[str],
    rare_name: Callable[[str], bool],
    rare_word: Callable[[str], bool],
) -> bool:
    """Whether ``names`` (a story's) hold one of the opening's rare names, or a name sharing
    one of their rare words ("Gupta" is "Dr Sanjay Gupta"; "Street" or "North" is no match
    where many stories' leads use it). A name many stories hold (an agency, a county) tells
    them apart from nothing, so it is left out, words and all."""
    own = [e for e in opening if rare_name(e)]
    if any(e in names for e in own):
        return True
    rare = {w for e in own for w in name_words(e) if rare_word(w)}
    return bool(rare) and any(rare & name_words(e) for e in names)


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
    )
