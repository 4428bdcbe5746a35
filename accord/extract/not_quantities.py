"""Numbers that are not quantities: dates, times, years, identifiers, phone numbers and scores.

spaCy's NER tags most dates and times; these rules catch what it leaves or mistags ("No. 84",
"Route 66", "Nikkei 225", "1-800-273-TALK", "3-1", a bare "2019"), so that
:func:`accord.extract.quantities.quantities_in` drops them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.lexicon import CLOCK_HOUR_WORDS, RECORD_NOUNS, TIME_ZONE_CODES
from accord.unit_names import DURATION_UNITS

# spaCy entity labels that are never figures (OntoNotes scheme used by en_core_web_sm).
NOT_FIGURE_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
YEAR_RANGE = (1000, 2100)  # a bare four-digit integer in this range reads as a year
IDENTIFIER_MARKERS = frozenset(
    {
        "no.",
        "no",
        "#",
        "number",
        "nos.",
        "route",
        "flight",
        "section",
        "row",
        "room",
        "seat",
        "page",
        "chapter",
        "article",
        "model",
        "version",
        "level",
        "channel",
        "highway",
        "interstate",
        "category",
        "game",
        "episode",
        "phase",
        "stage",
        "grade",
        "class",
    }
)
CONTACT_VERBS = frozenset({"call", "contact", "dial", "text", "phone", "reach"})
_PHONE = re.compile(
    r"^\(?\d{1,4}\)?([-. ]\w{2,5}){2,}$"  # 1-800-273-TALK, 555.123.4567
    r"|^\d{3}-\d{4}$"  # 555-1234
)
PHONE_DIGITS = 7  # the shortest phone number written with separators: 555-1234
DASHES = frozenset({"-", "–", "—", "/"})
APOSTROPHES = frozenset({"'", "’", "‘"})
_CLOCK = re.compile(r"^([01]\d|2[0-3])[0-5]\d$")  # "1100", "0830", "1852": a 24-hour time
MAX_ACRONYM = 4  # "AK", "MP", "SKS": a model's letters before its number
_LEADING_ZERO = re.compile(r"^0\d+$")  # "0843", "007": a code, never a count


def year_shaped(tok: Token) -> bool:
    """A bare four-digit integer in the years' range: "2019", not "2,019" or "2019.5"."""
    text = tok.text
    return text.isdigit() and len(text) == 4 and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]


def _reads_as_date(anchor: Token) -> bool:
    """Whether a number spaCy tagged DATE or TIME is one: a year, or part of an entity with a
    word or a clock/calendar sign ("March 5", "9.15pm", "5/12"). A lone "13250" or "58"
    tagged DATE is a tagging slip (an index level, an age)."""
    if year_shaped(anchor) or any(c in anchor.text for c in ":/"):
        return True
    ent = next((e for e in anchor.doc.ents if e.start <= anchor.i < e.end), None)
    if ent is None:
        return True
    return any(any(c.isalpha() or c in ":/" for c in t.text) for t in ent if t.i != anchor.i)


def _names_a_thing(anchor: Token, prev: Token | None, nxt: Token | None) -> bool:
    """A bare integer that is part of a name: after a proper noun ("Tactical Group 84", "Nikkei
    225", "Pixel 8", "Mission 7 crew") unless it counts a plural noun after it ("Kyiv 300
    drones"), or before the proper noun it modifies ("747 Freighter", "42 Elmwood Road")."""
    if not anchor.text.lstrip("-−").isdigit():
        return False  # a sign inside a name ("Delta -2") too
    if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ != "PERSON":
        return nxt is None or nxt.tag_ not in ("NNS", "NNPS")
    head = anchor.head
    return (
        anchor.dep_ in ("nummod", "compound")
        and head.i > anchor.i
        and head.tag_ == "NNP"
        and head.ent_type_ not in ("NORP", "DATE")
        and not (head.dep_ in ("compound", "nmod", "amod") and head.head.tag_ == "NNS")
    )  # not "70 Ford and Toyota dealers"


def excluded(
    sent: SpacySpan, start: int, end: int, anchor: Token, unit: str | None, bounded: bool = False
) -> bool:
    """Dates, times, ordinals, years, identifiers and phone numbers are not quantities.
    ``bounded``: a bounding word or currency comes first ("about 1500" is not a year)."""
    doc = sent.doc
    text = doc[start:end].text
    if _is_phone(text) or any(_is_phone(_word_around(t)) for t in doc[start:end]):
        return True
    if (
        anchor.ent_type_ in NOT_FIGURE_LABELS
        and unit is None
        and _reads_as_date(anchor)
        and not (
            anchor.dep_ == "nummod"
            and anchor.head.tag_ == "NNS"
            and "," not in anchor.text
            and anchor.head.lemma_.lower() not in DURATION_UNITS
        )
    ):
        return True  # a date or time; "sales of 4120 cars" (tagged DATE) is still a count
    prev = doc[start - 1] if start > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if unit is None and not bounded and _names_a_thing(anchor, prev, nxt):
        return True
    marker = doc[max(sent.start, start - 2) : start].text.lower().replace(" ", "")
    if (
        anchor.like_num
        and prev is not None
        and (prev.lower_ in IDENTIFIER_MARKERS or marker in IDENTIFIER_MARKERS)
    ):
        return True
    if (
        prev is not None
        and prev.text == "("
        and nxt is not None
        and nxt.text == ")"
        and unit is None
    ):
        return True  # a parenthesised bare number: an extension, a phone keyword, a citation
    if (
        unit is None
        and year_shaped(anchor)
        and end - start == 1
        and not bounded
        and not (anchor.dep_ == "nummod" and anchor.head.tag_ == "NNS")
    ):
        return True
    if unit is None and end - start == 1 and _written_as_code(sent, start):
        return True
    if unit is None and any(a.lemma_ in CONTACT_VERBS for a in list(anchor.ancestors)[:3]):
        noun = anchor.head if anchor.dep_ == "nummod" else None
        return noun is None
    # "one of them", "one claimed": a pronoun, not a count
    return (
        anchor.lower_ == "one"
        and end - start == 1
        and anchor.dep_ != "nummod"
        and not (nxt is not None and nxt.lower_ == "of")
    )


def _written_as_code(sent: SpacySpan, i: int) -> bool:
    """A lone integer written as part of a date, a time or a name, not as an amount: the end
    of a span of years ("2007-08", "1994 - 96"), a year cut short ("'86"), a code with a
    leading zero ("BEY 0843"), a 24-hour time ("1100 hrs IST", "1852 HKT"), the number of a
    code ("MS08-067", "F-16") and a model number after another count ("six AK 47 rifles":
    six counts, "AK 47" names)."""
    doc = sent.doc
    tok = doc[i]
    prev = doc[i - 1] if i > sent.start else None
    if not tok.text.isdigit() or prev is None:
        return _LEADING_ZERO.match(tok.text) is not None
    if prev.text in DASHES and i - 2 >= sent.start and _after_dash(doc[i - 2], prev, tok):
        return True
    if prev.text in APOSTROPHES and not prev.whitespace_:
        return len(tok.text) == 2
    if _LEADING_ZERO.match(tok.text) or _clock_time(sent, i):
        return True
    return (
        prev.is_upper
        and prev.is_alpha
        and len(prev.text) <= MAX_ACRONYM
        and i - 2 >= sent.start
        and doc[i - 2].like_num
    )


def _after_dash(before: Token, dash: Token, tok: Token) -> bool:
    """ "2007-08", "1994 - 96": the end of a span of years, unless it counts a plural noun
    ("in 2019 - 25 people died"); "MS08-067", "F-16": the number of a code."""
    later_year = year_shaped(tok) and int(tok.text) > int(before.text)
    if year_shaped(before) and (len(tok.text) == 2 or later_year):  # not "2000 - 2500 calories"
        return not (tok.dep_ == "nummod" and tok.head.tag_ == "NNS")
    glued = not before.whitespace_ and not dash.whitespace_
    return glued and before.text[:1].isupper() and any(c.isalpha() for c in before.text)


def _clock_time(sent: SpacySpan, i: int) -> bool:
    """ "1852 HKT", "1100 hrs IST": four digits of a 24-hour clock before a time zone."""
    doc = sent.doc
    if not _CLOCK.match(doc[i].text) or i + 1 >= sent.end:
        return False
    nxt = doc[i + 1].lower_
    after = doc[i + 2].lower_ if i + 2 < sent.end else ""
    return nxt in TIME_ZONE_CODES or (nxt in CLOCK_HOUR_WORDS and after in TIME_ZONE_CODES)


def _is_record(sent: SpacySpan, i: int, run_end: int, end: int) -> bool:
    """ "a 2-10 record", "a record of 139-119", "an 18-30 start": two integers joined by a
    dash that a record noun governs or follows are a win-loss tally, whichever is larger."""
    doc = sent.doc
    if end - run_end != 2 or run_end - i != 1 or doc[run_end].text not in DASHES:
        return False
    if not (doc[i].text.isdigit() and doc[run_end + 1].text.isdigit()):
        return False
    first = doc[i]
    nouns = [first.head, doc[end] if end < sent.end else first]
    if first.head.lower_ == "of":
        nouns.append(first.head.head)
    if i - 2 >= sent.start and doc[i - 1].lower_ == "of":
        nouns.append(doc[i - 2])  # "a record of 120-135 over nine seasons": misattached
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in RECORD_NOUNS for n in nouns)


def is_score(sent: SpacySpan, i: int, run_end: int, end: int) -> bool:
    """ "3-1", "77-77", "5-4s": two integers joined by a hyphen, the first not the smaller,
    is a score or a tally; a range is written low end first ("4-8"), unless a record noun
    says it is a win-loss tally ("a 2-10 record")."""
    doc = sent.doc
    if _is_record(sent, i, run_end, end):
        return True
    if end - run_end != 2 or run_end - i != 1 or doc[run_end].text != "-":
        return False
    if doc[i].whitespace_ or doc[run_end].whitespace_:
        return False
    first, second = doc[i].text, doc[run_end + 1].text.rstrip("s")
    return first.isdigit() and second.isdigit() and int(first) >= int(second)


def _is_phone(text: str) -> bool:
    return bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= PHONE_DIGITS


def _word_around(tok: Token) -> str:
    """The whitespace-delimited word of the text that contains ``tok`` ("1-800-273-TALK")."""
    text = tok.doc.text
    start, end = tok.idx, tok.idx + len(tok.text)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip("().,;:")
