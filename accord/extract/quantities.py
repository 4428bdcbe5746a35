"""Quantity phrases in a parsed sentence: numerals, number words, vague words and fractions.

:func:`quantities_in` finds each phrase with the bounding word before it ("more than", "between"),
reads it with :func:`accord.extract.numbers.parse_quantity` and classifies it: the unit or
currency around the number is read by :mod:`accord.extract.units`; durations and ages are kept
but marked, because the NewsQuant benchmark counts them; numbers that are not quantities (dates,
years, identifiers, phone numbers, scores) are dropped by :mod:`accord.extract.not_quantities`.
Two numbers joined as a range ("$31 and $35" after "between") become one phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extract.change import change_of
from accord.extract.not_quantities import excluded, is_score, year_shaped
from accord.extract.numbers import (
    APPROXIMATE,
    FRACTIONS,
    LOWER_BOUND,
    NUMBER_WORDS,
    QUALIFIERS,
    RANGE_WORDS,
    SCALES,
    UPPER_BOUND,
    VAGUE_WORDS,
    Quantity,
    fraction_value,
    parse_quantity,
)
from accord.extract.units import SCALE_LETTERS, currency_before, per_unit, token_numeral, unit_after
from accord.lexicon import PERSON_NOUNS
from accord.model import Change
from accord.unit_names import CURRENCY_WORDS
from accord.vocab import QuantityKind

MAX_AGE = 120  # a bare number after a person's name reads as an age up to this
AGE_BEFORE = ("aged", "age", "ages")
AGE_LIST_JOINERS = frozenset({",", "and", "or", "to", "-", "–"})
AGE_AFTER = ("-year-old", "year-old", "years-old", "yearold", "yearsold", "-month-old", "monthold")
RANGE_JOINERS = frozenset({"to", "-", "–", "—", "or", "and"})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_NUMERAL = re.compile(r"^[$€£]?[-−]?\d[\d,]*(\.\d+)?([a-zA-Zμµ°]{1,4}[23]?)?$|^[-−]?\.\d+$")


@dataclass(frozen=True)
class QuantityPhrase:
    """A quantity phrase in a sentence: tokens ``[start, end)`` of ``sent.doc``."""

    start: int
    end: int
    anchor: Token  # the last number token (its head leads to the counted thing)
    quantity: Quantity
    kind: QuantityKind
    unit: str | None  # normalised unit name ("dollar", "percentage", "mile") if any
    descending: bool = False  # a range written high end first ("from 210 to 190")

    @property
    def change(self) -> Change:
        """Rise, fall or level, from the words that govern the number (extract.change)."""
        return change_of(self.anchor.doc[self.start], self.anchor)


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if _ORDINAL.match(low):
        return False
    # a numeral's digits are its token's: a word without one skips reading it (most tokens)
    if any(c.isdigit() for c in tok.text):
        numeral = token_numeral(tok)[1]
        if _NUMERAL.match(numeral) and any(c.isdigit() for c in numeral):
            return True
    if low in NUMBER_WORDS or (low in VAGUE_WORDS and low != "few"):
        return True
    doc = tok.doc
    if (  # "tens of thousands"
        low == "tens"
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].lower_ == "of"
        and doc[tok.i + 2].lower_ in VAGUE_WORDS
    ):
        return True
    return "-" in low and all(p in NUMBER_WORDS for p in low.split("-"))


def _has_digit(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _number_run(doc: SpacySpan, i: int) -> int:
    """End (exclusive) of the run of number tokens starting at ``i``, ranges included."""
    end = i + 1
    while end < doc.end:
        tok = doc.doc[end]
        if _is_number(tok) and _has_digit(tok):
            break  # "300hp 2.0 litre", "seven million 250ml bottles": two numbers
        if _is_number(tok) or (
            tok.lower_ == "of"
            and end + 1 < doc.end
            and (doc.doc[end - 1].lower_ == "tens" and doc.doc[end + 1].lower_ in VAGUE_WORDS)
        ):
            end += 1
        elif (
            tok.lower_.rstrip(".") in SCALE_LETTERS  # "EUR45m." at the end of a sentence
            and _has_digit(doc.doc[end - 1])
            and not doc.doc[end - 1].whitespace_
        ):
            end += 1  # "7.3M", "2.4m tonnes": a scale letter the tokenizer split off
        elif (
            tok.lower_ in ("and", "a")
            and end + 1 < doc.end
            and _is_number(doc.doc[end + 1])
            and doc.doc[end + 1].lower_ in NUMBER_WORDS
            and not doc.doc[end + 1].like_num
        ):
            end += 1  # "two hundred and five", "one and a half"
        elif (
            tok.lower_ in ("and", "a")
            and end + 2 < doc.end
            and doc.doc[end + 1].lower_ in ("a", "half")
            and doc.doc[end + 2].lower_ in ("half", "million", "dozen")
        ):
            end += 1
        else:
            break
    return end


def _extend_range(sent: SpacySpan, start: int, end: int) -> int:
    """``1,000 and 4,000`` after "between", ``5 to 10``, ``252-287``: extend to the high end."""
    doc = sent.doc
    if end + 1 < sent.end and year_shaped(doc[end - 1]) != year_shaped(doc[end + 1]):
        return end  # "in 2019 to 6.2 million": a year, then a number
    if end + 1 < sent.end and doc[end].lower_ in RANGE_JOINERS and _is_number(doc[end + 1]):
        if doc[end].lower_ == "and" and not (
            start > sent.start and doc[start - 1].lower_ in RANGE_WORDS
        ):
            return end
        if (
            doc[end].lower_ == "or"
            and not doc[end + 1].like_num
            and doc[end + 1].lower_ not in NUMBER_WORDS
        ):
            return end
        return _number_run(sent, end + 1)
    return end


def _qualifier_start(sent: SpacySpan, start: int, is_range: bool) -> int:
    """Move the start back over a bounding word ("more than", "an estimated", "between")."""
    doc = sent.doc
    if (
        start > sent.start
        and doc[start - 1].lower_ in ("a", "an")
        and doc[start].lower_
        in ("dozen", "few", "hundred", "thousand", "million", "billion", "half")
    ):
        start -= 1
        if start > sent.start and doc[start - 1].lower_ == "half":
            start -= 1  # "half a million"
    if start > sent.start and doc[start - 1].lower_ in RANGE_WORDS:
        return start - 1 if is_range else start
    if start > sent.start and doc[start - 1].lower_ == "minus":
        start -= 1
    for size in (4, 3, 2, 1):
        if start - size < sent.start:
            continue
        words = " ".join(t.lower_ for t in doc[start - size : start])
        if words in QUALIFIERS:
            return start - size
    return start


def _is_age(sent: SpacySpan, start: int, end: int) -> bool:
    """ "a 52-year-old", "aged 40", and a bare number after a person's name, set off by
    commas ("Priya Raman, 47, said") or not ("Marta Kowalski 58 has worked")."""
    doc = sent.doc
    after = "".join(t.lower_ for t in doc[end : min(end + 4, sent.end)])
    before = doc[start - 1].lower_ if start > sent.start else ""
    if after.startswith(AGE_AFTER) or before in AGE_BEFORE or _listed_after_age(sent, start):
        return True
    number = doc[start]
    if end - start != 1 or not number.text.isdigit() or not 0 < int(number.text) <= MAX_AGE:
        return False
    prev = doc[start - 1] if start > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if (
        number.dep_ == "appos"
        and number.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "nummod" for c in number.head.children)  # "the 300 passengers, 12,"
        and prev is not None
        and prev.text == ","
        and nxt is not None
        and nxt.text == ","
    ):
        return True  # set off by commas after whom it describes: "Cheeks, 48, had"
    if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON":
        return nxt is None or nxt.pos_ in ("AUX", "VERB", "PUNCT")
    if prev is None or prev.text != "," or start - 2 < sent.start:
        return False
    person = doc[start - 2]
    if person.pos_ == "PROPN" and nxt is not None and nxt.text == ",":
        return True
    # "the death of Lee Park, 22.", "Lee Park, 31 - Obituaries", "a boy, 7, was hurt"
    named = person.pos_ == "PROPN" or (
        person.pos_ == "NOUN" and person.lemma_.lower() in PERSON_NOUNS
    )
    return named and (nxt is None or nxt.is_punct or nxt.lower_ == "of")


def _listed_after_age(sent: SpacySpan, start: int) -> bool:
    """The later numbers of a list of ages: "ages 47 and 48", "aged 19, 20 or 22"."""
    doc = sent.doc
    i = start - 1
    while i > sent.start and (doc[i].like_num or doc[i].lower_ in AGE_LIST_JOINERS):
        i -= 1
    return i < start - 1 and doc[i].lower_ in AGE_BEFORE


def _quantity_text(sent: SpacySpan, start: int, money_start: int, i: int, end: int) -> str:
    """The words :func:`parse_quantity` reads: the bounding word, then the number from ``i``
    with any currency sign or code left out ("more than HK $1.4 billion" → "more than 1.4
    billion")."""
    doc = sent.doc
    qualifier = doc[start:money_start].text if money_start > start else ""
    if not qualifier and doc[i].text[:1] in "~≈":
        qualifier = "about"
    elif not qualifier and doc[i].lower_.startswith("sub-"):
        qualifier = "under"  # "sub-40 sq m": below 40
    number = (
        token_numeral(doc[i])[1]
        + doc[i].whitespace_
        + (doc[i + 1 : end].text if end > i + 1 else "")
    )
    return f"{qualifier} {number}".strip()


def _phrase_head(tokens: SpacySpan) -> Token:
    """The token of the number phrase whose head lies outside it (its syntactic head)."""
    outside = [t for t in tokens if not tokens.start <= t.head.i < tokens.end or t.head is t]
    return outside[-1] if outside else tokens[-1]


def quantities_in(sent: SpacySpan) -> list[QuantityPhrase]:
    """Every quantity phrase in one sentence, in text order."""
    doc = sent.doc
    phrases: list[QuantityPhrase] = []
    lowers = [t.lower_ for t in sent]  # read once: each doc[i] builds a Token
    i = sent.start
    while i < sent.end:
        fraction = _fraction_at(sent, i, lowers)
        if fraction is not None:
            phrases.append(fraction)
            i = fraction.end
            continue
        if not _is_number(doc[i]):
            i += 1
            continue
        run_end = _number_run(sent, i)
        end = _extend_range(sent, i, run_end)
        anchor = _phrase_head(doc[i:end])
        money_start, currency = currency_before(sent, i)
        start = _qualifier_start(sent, money_start, end > run_end)
        end_unit, unit, kind = unit_after(sent, end)
        if currency:
            unit, kind = currency, QuantityKind.MONEY
        if unit is not None:
            end_unit, unit = per_unit(sent, end_unit, unit)
        if _is_age(sent, i, end):
            unit, kind = "year of age", QuantityKind.AGE
        quantity = parse_quantity(_quantity_text(sent, start, money_start, i, end))
        if (
            quantity is None
            or excluded(sent, i, end, anchor, unit, start < i)
            or (unit is None and is_score(sent, i, run_end, end))
        ):
            i = end
            continue
        first = parse_quantity(token_numeral(doc[i])[1] + " " + doc[i + 1 : run_end].text)
        descending = first is not None and quantity.low != quantity.high == first.low
        phrases.append(QuantityPhrase(start, end_unit, anchor, quantity, kind, unit, descending))
        i = end_unit
    return _merge_ranges(sent, phrases)


FRACTION_FOLLOWERS = frozenset({"of", "the", "those", "these", "its", "their", "which", "our"})
# Every spoken fraction holds one of these word parts ("half", a denominator, "one out of
# four", "one in five"): four tokens without one are never a fraction, so most positions
# skip :func:`fraction_value` altogether.
FRACTION_PARTS = frozenset({*FRACTIONS, "out", "in"})
MAX_FRACTION_TOKENS = 4


def _fraction_at(sent: SpacySpan, i: int, lowers: list[str]) -> QuantityPhrase | None:
    """A spoken fraction starting at token ``i`` that takes a part of something: "a third of
    the voters", "two-thirds of", "half the flats", "one in five adults", "one out of four".
    ``lowers`` are the sentence's lower-cased tokens."""
    doc = sent.doc
    k = i - sent.start
    window = lowers[k : k + MAX_FRACTION_TOKENS]
    if not any(part in FRACTION_PARTS for word in window for part in word.split("-")):
        return None
    for size in range(MAX_FRACTION_TOKENS, 0, -1):
        end = i + size
        if end > sent.end:
            continue
        value = fraction_value(lowers[k : k + size])
        if value is None:
            continue
        last = doc[end - 1]
        taken_of = end < sent.end and lowers[k + size] in FRACTION_FOLLOWERS
        if last.lower_ in FRACTIONS or "-" in last.lower_:
            if not taken_of:
                return None  # "a third time", "the second half": an ordinal or a period
        elif last.tag_ not in ("CD",) and not last.like_num:
            return None
        before = doc[i - 1] if i > sent.start else None
        if before is not None and (
            (size == 1 and before.lower_ in ("a", "an", "and", "the"))
            or before.tag_ in ("JJ", "JJS")
            or before.ent_type_ == "ORDINAL"
        ):
            return None  # "one and a half", "the second half": a number, a period
        start = _qualifier_start(sent, i, False)
        quantity = parse_quantity(doc[start:i].text + " 1") if start < i else None
        qualifier = quantity.qualifier if quantity else None
        low = None if qualifier in UPPER_BOUND else value
        high = None if qualifier in LOWER_BOUND else value
        quantity = Quantity(low, high, qualifier, qualifier in APPROXIMATE)
        return QuantityPhrase(start, end, last, quantity, QuantityKind.FRACTION, None)
    return None


def _merge_ranges(sent: SpacySpan, phrases: list[QuantityPhrase]) -> list[QuantityPhrase]:
    """ "$31 and $35" after "between", "2 per cent to 2.5 per cent", "from 210 pounds to 190":
    one range, not two. Not after "by" ("rose by $3 billion to $27 billion": a change, then
    the level reached), and never between two ranges."""
    doc = sent.doc
    merged: list[QuantityPhrase] = []
    for phrase in phrases:
        last = merged[-1] if merged else None
        if last is not None and _joins_range(sent, last, phrase):
            low, high = last.quantity.low, phrase.quantity.high
            assert low is not None and high is not None  # checked by _joins_range
            last_words = {t.lower_ for t in doc[last.start : last.end]}
            scale = doc[phrase.end - 1].lower_ if phrase.unit else phrase.anchor.lower_
            if scale in SCALES and not last_words & set(SCALES) and low * SCALES[scale] <= high:
                low *= SCALES[scale]  # "$12 to $15 billion"
            start = (
                last.start - 1
                if last.start > sent.start and doc[last.start - 1].lower_ in RANGE_WORDS
                else last.start
            )
            merged[-1] = QuantityPhrase(
                start,
                phrase.end,
                phrase.anchor,
                Quantity(min(low, high), max(low, high), "between"),
                last.kind,
                last.unit if phrase.unit is None else phrase.unit,
                descending=low > high,
            )
            continue
        merged.append(phrase)
    return merged


def _joins_range(sent: SpacySpan, last: QuantityPhrase, phrase: QuantityPhrase) -> bool:
    doc = sent.doc
    gap = last.end
    if gap < phrase.start and doc[gap].lemma_.lower() in CURRENCY_WORDS:
        gap += 1  # "from 210 pounds to 190": the currency word is outside the span
    if phrase.start != gap + 1 or doc[gap].lower_ not in RANGE_JOINERS:
        return False
    if last.quantity.vague or any(
        q.low is None or q.low != q.high for q in (last.quantity, phrase.quantity)
    ):
        return False
    before = doc[last.start - 1].lower_ if last.start > sent.start else ""
    if before == "by":
        return False
    after_range_word = doc[last.start].lower_ in RANGE_WORDS or before in RANGE_WORDS
    if doc[gap].lower_ in ("and", "or") and not after_range_word:
        return False
    shared_rate = bool(last.unit and phrase.unit and phrase.unit.startswith(last.unit + " per "))
    if last.kind == phrase.kind and (last.unit == phrase.unit or after_range_word or shared_rate):
        return True  # "$400 to $700 a week"; not "gained 9 sen to RM3.40" (change, level)
    return after_range_word and phrase.unit is None and last.unit is not None
