"""The closed vocabularies the model speaks, and its small value types.

Each vocabulary is a ``StrEnum``: a member compares equal to its value and ``json.dumps``
writes the value, so the JSON and the store keep the same strings while the code gets a type
that mypy checks and a reader can list. Stages produce members at the source; ``from_dict``
turns a stored string back into one. A :class:`Period` is read once, where it is extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from accord.lexicon import WHOLE_NUMBER_WORDS


class Measure(StrEnum):
    """What a figure counts: the key reconciliation groups figures by.

    Harm and movement measures follow the event types of ACLED and the victim fields of the
    GVDB; ``COUNT``, ``MONEY`` and ``PERCENT`` say only what kind of number it is.
    """

    KILLED = "killed"
    WOUNDED = "wounded"
    KILLED_OR_WOUNDED = "killed_or_wounded"  # "killed or injured", "casualties": one measure
    CAPTURED = "captured"
    ARRESTED = "arrested"
    MISSING = "missing"
    DISPLACED = "displaced"
    SHOT = "shot"  # hit, outcome not stated
    DEPLOYED = "deployed"
    STATIONED = "stationed"
    COUNT = "count"  # a number of something, no harm or movement stated
    MONEY = "money"
    PERCENT = "percent"


# Measures that say only what kind of number it is, not what happened: two different prices or
# counts in one story are usually of different things, so they never conflict.
GENERIC_MEASURES = frozenset({Measure.COUNT, Measure.MONEY, Measure.PERCENT})


class QuantityKind(StrEnum):
    """What a quantity phrase is, before it is a figure (see :mod:`accord.extract.quantities`)."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASUREMENT = "measurement"  # a physical unit: "5 km", "250 hp"
    DURATION = "duration"  # "three weeks": a quantity, not a figure
    AGE = "age"  # "a 34-year-old": a quantity, not a figure
    FRACTION = "fraction"  # "a third of the voters", "one in five adults"


class RemovalReason(StrEnum):
    """Why cleaning dropped a segment of the original text (one class of noise each)."""

    AD_MARKER = "ad-marker"
    SIGNUP_WALL = "signup-wall"
    TRENDING = "trending"
    MORE_FROM = "more-from"
    PHOTO_CREDIT = "photo-credit"
    CAPTION = "caption"
    RELATED_LINK = "related-link"
    APP_PROMPT = "app-prompt"
    CONTRIBUTOR_LINE = "contributor-line"
    BYLINE = "byline"
    SECTION_LABEL = "section-label"
    DUPLICATE = "duplicate"
    OFF_TOPIC = "off-topic"
    NOTICE = "notice"


class Derivation(StrEnum):
    """How a copy derives from its original (see :mod:`accord.dedupe`)."""

    REPRINT = "reprint"  # the same text, near enough for MinHash
    REWRITE = "rewrite"  # reworded, its paragraphs in the original's order
    WIRE = "wire"  # both credit one wire service and share much of its copy


class Stage(StrEnum):
    """Where an input was left out: reading it, or a stage of its processing."""

    READ = "read"
    CLEAN = "clean"
    PARSE = "parse"
    EXTRACT = "extract"
    EMBED = "embed"


class MentionKind(StrEnum):
    """What one row of the store's ``mentions`` table holds."""

    SENTENCE = "sentence"
    FIGURE = "figure"
    QUOTE = "quote"
    DATE = "date"
    PREDICATE = "predicate"


CUMULATIVE = "cumulative"
# A month and a year as news counts them in a window ("the past month"): 30 and 365 days.
DAYS_PER_UNIT = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_WINDOW_NUMBERS = {**WHOLE_NUMBER_WORDS, "the": 1}  # "the past week" is one week
_WINDOW_RE = re.compile(
    r"(?:(\d+|" + "|".join(_WINDOW_NUMBERS) + r")\s+)?(day|week|fortnight|month|year)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """The time a figure covers: ``text`` as the article words it ("cumulative" when it names
    no window, "week", "24 hours", "since mid-November").

    ``key`` is what two periods are compared by, computed once from the text: ``"cumulative"``
    for a running total (also one from a stated start, "since mid-November"), an ISO 8601
    duration ``"P7D"`` so that "the past week" and "the last seven days" match, or the
    window's own lower-cased words when its length cannot be read ("24 hours", "weekend").
    """

    text: str = CUMULATIVE
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", _period_key(self.text))

    @property
    def cumulative(self) -> bool:
        """A running total rather than a window."""
        return self.key == CUMULATIVE

    def __str__(self) -> str:
        return self.text


def _period_key(text: str) -> str:
    if text == CUMULATIVE or text.lower().startswith("since"):
        return CUMULATIVE
    match = _WINDOW_RE.search(text)
    if match is None:
        return " ".join(text.lower().split())
    count = match.group(1)
    n = int(count) if count and count.isdigit() else _WINDOW_NUMBERS.get((count or "").lower(), 1)
    return f"P{n * DAYS_PER_UNIT[match.group(2).lower()]}D"


# The period of a figure that names no window (immutable, so one value serves every default).
CUMULATIVE_PERIOD = Period()


class Opposition(StrEnum):
    """How one report opposes another about the same fact (:mod:`accord.contradict`)."""

    NEGATION = "negation"
    ANTONYM = "antonym"
    DENIAL = "denial"
    CORRECTION = "correction"


class Gender(StrEnum):
    """A person's grammatical gender as an article states it; the values are Universal
    Dependencies' ``Gender`` feature, which spaCy sets on "she", "his", "herself"."""

    FEMININE = "Fem"
    MASCULINE = "Masc"
