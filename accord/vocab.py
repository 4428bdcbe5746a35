"""The closed vocabularies the model speaks: each a ``StrEnum``, so a member is its string.

A member compares equal to its value and ``json.dumps`` writes the value, so the JSON and the
store keep the same strings while the code gets a type that mypy checks and a reader can list.
Stages produce members at the source; ``from_dict`` turns a stored string back into one.
"""

from __future__ import annotations

from enum import StrEnum


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


class QuantityKind(StrEnum):
    """What a quantity phrase is, before it is a figure (see :mod:`accord.extract.figures`)."""

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
