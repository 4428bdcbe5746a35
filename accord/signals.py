"""What clustering knows about one article (:class:`Signal`): its unit embedding of title and
lead, the content words of its lead, its named entities, the days its text names and the day it
was published. Kept apart from :mod:`accord.cluster` so the index reads alone."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from accord.model import Article, Extraction

LEAD_CHARS = 1000  # all-MiniLM-L6-v2 reads 256 word pieces, about this many characters
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


@dataclass(frozen=True)
class Signal:
    """What clustering needs to know about one article."""

    article: str
    vector: np.ndarray  # unit length, float32
    entities: frozenset[str] = frozenset()
    day: int | None = None  # publication day ordinal; None when the article is undated
    terms: Mapping[str, float] = field(default_factory=dict)  # lead_terms of title and lead
    dates: frozenset[int] = frozenset()  # days the text names (named_days)


def signal_of(
    article: Article, extraction: Extraction, entities: Iterable[str], vector: np.ndarray
) -> Signal:
    """The clustering signal of a processed article."""
    return Signal(
        article.id,
        vector,
        frozenset(entities),
        article.published.toordinal() if article.published else None,
        lead_terms(lead_text(article)),
        named_days(extraction),
    )
