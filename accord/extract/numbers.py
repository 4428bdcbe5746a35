"""Reading a written quantity: numerals, number words, scales, ranges, bounds and vague words.

Pure string code (no spaCy), so it can be used and tested on its own. :func:`parse_quantity`
turns the words of one quantity mention ("between 1,000 and 4,000", "nearly two dozen",
"hundreds") into ``(low, high, qualifier, approximate, vague)``:

* a point value has ``low == high``;
* a lower bound ("more than", "at least", "over") has ``high is None``;
* an upper bound ("nearly", "up to", "as many as") has ``low is None``;
* a hedge ("about", "some", "an estimated") keeps the point value with ``approximate=True``;
* a vague word ("dozens", "hundreds", "several") is a lower bound with ``vague=True``, valued
  by the coding conventions of ACLED's codebook (see the constants below).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from accord.lexicon import NUMBER_WORD_VALUES
from accord.unit_names import CURRENCY_SYMBOLS, split_currency, unit_name

# --- vague quantities, coded as conservative floors ----------------------------------------
# ACLED codebook, "Fatalities": "dozens" is coded as 12 and "hundreds" as 100.
DOZENS = 12
HUNDREDS = 100
# By the same rule one level up: "thousands" is at least one thousand, "millions" one million.
THOUSANDS = 1_000
MILLIONS = 1_000_000
# ACLED codes "several"/"many" as 10 when nothing better is known; as a *floor* we only keep
# what the word itself says, "more than two".
SEVERAL = 3
A_FEW = 2  # "a few": at least two (same reasoning)

VAGUE_WORDS: dict[str, int] = {
    "dozens": DOZENS,
    "scores": DOZENS,  # "scores of": treated like "dozens" (ACLED has no separate rule)
    "hundreds": HUNDREDS,
    "thousands": THOUSANDS,
    "millions": MILLIONS,
    "several": SEVERAL,
    "few": A_FEW,
}

SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "mil": 1_000_000,  # "RM4.2mil": Malaysian and Singaporean press
    "dozen": 12,
}
NUMBER_WORDS = (frozenset(NUMBER_WORD_VALUES) | frozenset(SCALES)) - {
    "a",
    "an",
    "k",
    "m",
    "b",
    "half",
    "single",
}

# Bound and hedge words, longest first so "no more than" wins over "more than".
LOWER_BOUND = (
    "more than",
    "at least",
    "in excess of",
    "upwards of",
    "no fewer than",
    "no less than",
    "greater than",
    "over",
    "above",
    "exceeding",
    "just over",
    "well over",
    "at minimum",
    "a minimum of",
)
UPPER_BOUND = (
    "no more than",
    "nearly",
    "up to",
    "as many as",
    "as much as",
    "almost",
    "less than",
    "fewer than",
    "under",
    "at most",
    "below",
    "just under",
    "a maximum of",
    "not quite",
)
APPROXIMATE = (
    "an estimated",
    "estimated",
    "about",
    "some",
    "roughly",
    "around",
    "approximately",
    "circa",
    "close to",
    "an approximate",
    "more or less",
    "nearly around",
    "about some",
)
QUALIFIERS = tuple(sorted(LOWER_BOUND + UPPER_BOUND + APPROXIMATE, key=len, reverse=True))
RANGE_WORDS = ("between", "from")
RANGE_JOINERS = ("and", "to", "-", "–", "—", "or")

_NUMERAL = re.compile(r"^[$€£¥]?(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)([a-z]*[23]?)$")
# A minus sign written against the number ("-2.4%", "$-31.2bn") or the word "minus".
_NEGATIVE = re.compile(r"(?:^|\s|\$)(?:minus\b|[-−](?=\.?\d))", re.IGNORECASE)
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:[a-z]+[23]?)?|\.\d+|[a-z]+(?:-[a-z]+)*|[–—-]")


class Quantity(NamedTuple):
    """What a quantity mention says: bounds, the bounding word, and how exact it is."""

    low: float | None
    high: float | None
    qualifier: str | None = None
    approximate: bool = False
    vague: bool = False


def _numeral(word: str) -> float | None:
    """``"11,000"`` → 11000; ``"1.2m"`` → 1200000; ``"3rd"`` → None (ordinals are not counts)."""
    match = _NUMERAL.match(word)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    suffix = match.group(2)
    if not suffix:
        return value
    if suffix in SCALES:
        return value * SCALES[suffix]
    # "510bhp", "5kg", "48m2"; "1250sq m" and "4.5deg C" name their unit in the next word
    return value if unit_name(suffix) or suffix in ("sq", "deg") else None


def words_value(words: list[str]) -> float | None:
    """The value of a run of numerals and number words: ``["1.2", "million"]`` → 1200000,
    ``["two", "hundred", "and", "five"]`` → 205, ``["a", "dozen"]`` → 12."""
    total = 0.0
    current: float | None = None
    seen = False
    for word in words:
        if word in ("and", "-"):
            continue
        numeral = _numeral(word)
        if numeral is not None:
            if seen:  # "one 30,000-seat arena", "510bhp 4.0 litre": two numbers, not one
                return None
            current = numeral  # "a 4,200 deposit": the article does not count
            seen = True
        elif word in SCALES and word not in ("k", "m", "b") and (seen or current is not None):
            scale = SCALES[word]
            current = (current if current else 1.0) * scale
            seen = True
            if scale >= 1_000:
                total += current
                current = None
        elif word in ("a", "an"):
            current = current if seen else 1.0
        elif word in NUMBER_WORD_VALUES and word not in ("a", "an"):
            if word == "half" and current is None:
                current = 0.5
            elif word in SCALES:  # "dozen" without a count before it
                current = (current or 1.0) * SCALES[word]
            else:
                current = (current or 0.0) + NUMBER_WORD_VALUES[word]
            seen = True
        elif "-" in word and all(p in NUMBER_WORD_VALUES for p in word.split("-")):  # "twenty-five"
            current = (current or 0.0) + sum(NUMBER_WORD_VALUES[p] for p in word.split("-"))
            seen = True
        else:
            return None
    if not seen:
        return None
    return total + (current or 0.0)


# Denominators of spoken fractions ("a third", "two-fifths", "one quarter").
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}


def fraction_value(words: list[str]) -> float | None:
    """``["a", "third"]`` → 1/3, ``["two-thirds"]`` → 2/3, ``["half"]`` → 1/2,
    ``["one", "out", "of", "five"]`` → 1/5; None for anything else."""
    words = [p for w in words for p in w.lower().split("-") if p]
    if len(words) == 1 and words[0] == "half":
        return 0.5
    if len(words) == 2 and words[1] in FRACTIONS:
        count = 1.0 if words[0] in ("a", "an") else words_value([words[0]])
        return count / FRACTIONS[words[1]] if count else None
    if len(words) in (3, 4) and words[1:-1] in (["out", "of"], ["in"]):
        part, whole = words_value([words[0]]), words_value([words[-1]])
        if part is not None and whole and part < whole:
            return part / whole
    return None


def _split_qualifier(words: list[str]) -> tuple[str | None, list[str]]:
    text = " ".join(words)
    for qualifier in QUALIFIERS:
        if text == qualifier or text.startswith(qualifier + " "):
            return qualifier, words[len(qualifier.split()) :]
    return None, words


def _vague(words: list[str]) -> float | None:
    """``["hundreds"]`` → 100; ``["tens", "of", "thousands"]`` → 10000; ``["several",
    "hundred"]`` → 300; ``["a", "few", "dozen"]`` → 24."""
    words = [w for w in words if w not in ("a", "of", "an")]
    if not words:
        return None
    if words[0] == "tens" and len(words) > 1 and words[1] in VAGUE_WORDS:
        return 10.0 * VAGUE_WORDS[words[1]]
    if words[0] not in VAGUE_WORDS:
        return None
    floor = float(VAGUE_WORDS[words[0]])
    for word in words[1:]:
        if word in VAGUE_WORDS:
            floor *= VAGUE_WORDS[word]
        elif word in SCALES:
            floor *= SCALES[word]
        else:
            return None
    return floor


def tokens_of(text: str) -> list[str]:
    """Lower-cased words and numerals of a mention; currency signs and units are dropped."""
    text = " ".join(split_currency(word)[1] for word in text.split())
    text = text.lower().replace("per cent", "").replace("percent", "")
    return [t for t in _TOKEN.findall(text) if t not in CURRENCY_SYMBOLS]


def _is_negative(text: str) -> bool:
    """ "-2.4%", "$-31.2bn", "minus 5": a sign before the first digit of the mention."""
    sign = _NEGATIVE.search(text)
    return sign is not None and not any(c.isdigit() for c in text[: sign.start()])


def parse_quantity(text: str) -> Quantity | None:
    """Read one quantity mention; ``None`` when the text holds no quantity.

    >>> parse_quantity("between 1,000 and 4,000")
    Quantity(low=1000.0, high=4000.0, qualifier='between', approximate=False, vague=False)
    """
    words = tokens_of(text)
    negative = _is_negative(text)
    if negative:
        words = [w for w in words if w != "minus"]
        words = words[1:] if words and words[0] in ("-", "–") else words
    qualifier, rest = _split_qualifier(words)
    if rest and rest[0] in RANGE_WORDS:
        qualifier, rest = rest[0], rest[1:]
    for i, word in enumerate(rest):
        if word == "and" and qualifier != "between":
            continue
        if word in RANGE_JOINERS and 0 < i < len(rest) - 1:
            low, high = words_value(rest[:i]), words_value(rest[i + 1 :])
            if low is not None and high is not None:
                low *= _shared_scale(rest[:i], rest[i + 1 :])
                return Quantity(min(low, high), max(low, high), qualifier or "between")
    value = words_value(rest)
    vague = False
    if value is None:
        value = _vague(rest)
        vague = value is not None
    if value is None:
        return None
    if vague or qualifier in LOWER_BOUND:
        return Quantity(value, None, qualifier, False, vague)
    value = -value if negative else value
    if qualifier in UPPER_BOUND:
        return Quantity(None, value, qualifier)
    return Quantity(value, value, qualifier, qualifier in APPROXIMATE)


def _shared_scale(low_words: list[str], high_words: list[str]) -> float:
    """ "1.2 to 1.5 million": the scale after the high end also scales a bare low end."""
    if any(w in SCALES for w in low_words) or high_words[-1] not in SCALES:
        return 1.0
    return float(SCALES[high_words[-1]])
