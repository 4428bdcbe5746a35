"""Units and currencies around a number: what a quantity is measured in.

Read from the tokens next to the number: a currency sign, code or word written before or
against it ("$", "USD25m", "HK $"), a unit word after it ("miles", "per cent", "sq km",
"degrees Celsius"), and a rate ("per day", "a month"). The names come from
:func:`accord.unit_names.unit_name`, so "km" and "kilometres" share one unit.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.unit_names import (
    CURRENCY_PREFIXES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATION_UNITS,
    MEASUREMENT_UNITS,
    split_currency,
    unit_name,
)
from accord.vocab import QuantityKind

PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pc", "percentage"})
SCALE_LETTERS = frozenset({"k", "m", "mn", "bn", "b", "tn"})
_GLUED_WORD = re.compile(r"^[a-z]{2,}-(?=\d)")


def token_numeral(tok: Token) -> tuple[str | None, str]:
    """The currency written against a token and its numeral: ``"USD25m"`` → ("dollar",
    "25m"), ``"US40"`` after a "$" → ("dollar", "40"), ``"minus-5"`` → (None, "-5"),
    ``"sub-500"`` → (None, "500")."""
    text = tok.text
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text == "$" and not doc[tok.i - 1].whitespace_:
        text = "$" + text  # "$US75", "$A90": the tokenizer split the sign off
    text = text.lstrip("~≈+")  # "~30", "≈45m2", "+0.4%": a hedge or a sign written against it
    currency, text = split_currency(text)
    glued = _GLUED_WORD.match(text)
    if glued:
        text = ("-" if glued.group().startswith("minus") else "") + text[glued.end() :]
    return currency, text


def currency_before(sent: SpacySpan, start: int) -> tuple[int, str | None]:
    """The currency written before the number at ``start``: a sign or code against it
    ("USD25m", "$US75"), a sign before it ("$ 5", "HK $900"), or a code ("EUR 50")."""
    doc = sent.doc
    glued, _ = token_numeral(doc[start])
    own = split_currency(doc[start].text.lstrip("~≈+"))[0]
    if glued is not None and own is None and doc[start].text[:1].isalpha():
        return start - 1, glued  # "$US75": the sign was split off a code
    if own is not None:
        return start, own  # "USD25m", "PS40"
    i = start
    if i > sent.start and doc[i - 1].text.lower() in CURRENCY_SYMBOLS:
        i -= 1
        unit = CURRENCY_SYMBOLS[doc[i].text.lower()]
        prefix = doc[i - 1] if i > sent.start else None
        if (
            prefix is not None
            and prefix.text + doc[i].text in CURRENCY_PREFIXES
            and prefix.text.isupper()
            and prefix.tag_ != "DT"
        ):  # "HK $2.9 billion", "C $8": the tokenizer split the code from the sign
            return i - 1, CURRENCY_PREFIXES[prefix.text + doc[i].text]
        return i, unit
    if (
        i > sent.start
        and doc[i - 1].text in CURRENCY_PREFIXES
        and doc[i - 1].text.isupper()
        and len(doc[i - 1].text) == 3
    ):
        return i - 1, CURRENCY_PREFIXES[doc[i - 1].text]  # "EUR 50", "USD 3.2 billion"
    return start, None


# Nouns read distributively after "a"/"an" ("$5 a share", "$30 a head"), like a unit of time.
DISTRIBUTIVE_NOUNS = frozenset({"share", "head", "person", "piece", "unit", "seat", "ticket"})
# "a year earlier", "a week ago": a time anchored to another, not the denominator of a rate
ANCHORED_AFTER = frozenset({"earlier", "ago", "before", "later", "previously"})
UNIT_POS = frozenset({"NOUN", "PROPN", "X", "ADV", "ADP", "VERB", "ADJ", "SYM", "NUM"})
SQUARE = frozenset({"sq", "sq.", "square"})
DEGREE = frozenset({"deg", "degree", "degrees", "°"})
TEMPERATURE_SCALES = {
    "c": "celsius",
    "celsius": "celsius",
    "f": "fahrenheit",
    "fahrenheit": "fahrenheit",
}


def _unit_word(sent: SpacySpan, j: int, prefix: str = "") -> tuple[int, str | None]:
    """A unit written at token ``j`` (after a unit written against the number, ``prefix``):
    "km", "sq m" (square metre), "degrees Celsius", "kV/cm" (kilovolt per centimetre)."""
    doc = sent.doc
    if j >= sent.end and not prefix:
        return j, None
    low = doc[j].lower_ if j < sent.end else ""
    if prefix in SQUARE or (not prefix and low in SQUARE):
        k = j if prefix else j + 1
        name = unit_name(doc[k].text) if k < sent.end else None
        return (k + 1, f"square {name}") if name in MEASUREMENT_UNITS.values() else (j, None)
    if prefix in DEGREE or (not prefix and low in DEGREE):
        k = j if prefix else j + 1
        scale = TEMPERATURE_SCALES.get(doc[k].lower_) if k < sent.end else None
        if scale:
            return k + 1, scale
        return (j, "degree") if prefix else (j + 1, "degree")
    if prefix:
        return j, unit_name(prefix)
    if doc[j].pos_ not in UNIT_POS and (j == 0 or doc[j - 1].whitespace_):
        return j, None  # a unit the tokenizer split off the number ("2.5mm") has any tag
    name = unit_name(doc[j].text)
    if name is None or name in CURRENCY_WORDS.values():
        return j, None
    if j + 2 < sent.end and doc[j + 1].text == "/" and unit_name(doc[j + 2].text):
        return j + 3, f"{name} per {unit_name(doc[j + 2].text)}"
    return j + 1, name


def per_unit(sent: SpacySpan, end: int, unit: str) -> tuple[int, str]:
    """ "$71 per barrel", "$2,400 a month", "40,000 barrel-a-day": a rate, unit per unit."""
    doc = sent.doc
    j = end
    if j < sent.end and (doc[j].lemma_.lower() in CURRENCY_WORDS or unit_name(doc[j].text) == unit):
        j += 1  # "nine dollars per month", "36 hours a week": the unit word is outside the span
    if j + 3 < sent.end and doc[j].text == "-" and doc[j + 1].lower_ in ("a", "an"):
        j += 1  # "barrel-a-day"
        if doc[j + 1].text != "-":
            return end, unit
        j, hyphenated = j + 1, True
    else:
        hyphenated = False
    if j + 1 >= sent.end or not (hyphenated or doc[j].lower_ in ("per", "a", "an")):
        return end, unit
    k, name = _unit_word(sent, j + 1)
    noun = doc[j + 1]
    if name is None and noun.pos_ == "NOUN":
        distributive = noun.tag_ == "NN" and (
            unit_name(noun.text) is not None or noun.lemma_.lower() in DISTRIBUTIVE_NOUNS
        )
        if doc[j].lower_ == "per" or distributive:  # not "$9 a pair of gloves"
            k, name = j + 2, unit_name(noun.text) or noun.lemma_.lower()
    if name is None or (k < sent.end and doc[k].lower_ in ANCHORED_AFTER):
        return end, unit  # "$8.4 billion a year earlier" is no rate
    return k, f"{unit} per {name}"


def unit_after(sent: SpacySpan, end: int) -> tuple[int, str | None, QuantityKind]:
    """Unit right after the number: returns (new end, unit name, kind)."""
    doc = sent.doc
    written = re.sub(r"^[-−]?[\d.,]+", "", token_numeral(doc[end - 1])[1])
    if end < sent.end and not doc[end - 1].whitespace_ and doc[end].text == "G":
        written = "G"  # the tokenizer split "5G"
    if written == "G" and doc[end - 1].text.rstrip("G").isdigit():
        # "4G", "5G": a mobile network generation
        return end, "generation wireless", QuantityKind.COUNT
    suffix = written.lower()
    if suffix in ("pc", "%"):
        return end, "percentage", QuantityKind.PERCENT
    if suffix in CURRENCY_WORDS:  # "212p"
        return end, CURRENCY_WORDS[suffix], QuantityKind.MONEY
    if suffix in SQUARE or suffix in DEGREE:  # "1250sq m", "4.5deg C"
        new_end, name = _unit_word(sent, end, suffix)
        return new_end, name, QuantityKind.MEASUREMENT
    if suffix and unit_name(suffix) and suffix not in SCALE_LETTERS | {"mil"}:
        return end, unit_name(suffix), QuantityKind.MEASUREMENT
    if end >= sent.end:
        return end, None, QuantityKind.COUNT
    nxt = doc[end]
    low = nxt.lower_
    if low in PERCENT_WORDS:
        return end + 1, "percentage", QuantityKind.PERCENT
    if low == "per" and end + 1 < sent.end and doc[end + 1].lower_ == "cent":
        return end + 2, "percentage", QuantityKind.PERCENT
    if end + 2 < sent.end and doc[end + 1].text == "-" and not nxt.whitespace_:
        joined = unit_name(f"{low}-{doc[end + 2].lower_}")  # "pound-feet", "lb-ft"
        if joined:
            return end + 3, joined, QuantityKind.MEASUREMENT
    code = nxt.text.rstrip("=")
    if code in CURRENCY_PREFIXES and (not code.isalpha() or (code.isupper() and len(code) == 3)):
        return end + 1, CURRENCY_PREFIXES[code], QuantityKind.MONEY  # "950€", "3,100,000 JPY"
    lemma = nxt.lemma_.lower()
    if lemma in CURRENCY_WORDS or low in CURRENCY_WORDS:
        return end, CURRENCY_WORDS.get(lemma, CURRENCY_WORDS.get(low)), QuantityKind.MONEY
    if (
        low == "-"
        and end + 1 < sent.end
        and not doc[end - 1].whitespace_
        and not nxt.whitespace_
        and unit_name(doc[end + 1].text)
    ):
        end, nxt = end + 1, doc[end + 1]  # "2.0-liter", "250-hp"
    if unit_name(nxt.text) == "count" and nxt.lower_ != "fold":
        return end + 1, "count", QuantityKind.COUNT  # "4,000 times": a multiplier
    new_end, name = _unit_word(sent, end)
    if name and (name in DURATION_UNITS):
        return end, name, QuantityKind.DURATION
    if name and name != "count":
        return new_end, name, QuantityKind.MEASUREMENT
    return end, None, QuantityKind.COUNT
