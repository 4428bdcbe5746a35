"""Pure date normalisation: one date expression plus the publication date gives a calendar value.

:func:`normalise` knows nothing about spaCy or articles; :mod:`accord.extract.dates` finds the
expressions and calls it. Absolute dates ("Jan 11, 2025", "November 2024") go through
dateparser, wrapped once in :mod:`accord.extract.absolute_dates`; everything that needs the
publication date is anchored by the rules below, because dateparser picks the *next* weekday
in some cases and anchors to today's date when no base is given, and a dossier must never do
either.

The value contract (see :class:`accord.model.DateMention`): ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. Precision ``"range"`` marks a named span longer than its value's unit — a week
(value: its Monday), a quarter, half or season (value: its first month). Fuzzy modifiers
("early", "mid-", "late", "end of") keep the value of the unit they modify, as TimeML does with
its ``mod`` attribute. Anchoring (TimeML/HeidelTime convention, past-leaning for news):

* a weekday is the most recent such day on or before publication ("last Friday": strictly
  before); after "next"/"coming", or in a future-tense sentence, the first on or after it;
* a month or month-day without a year is the nearest one on or before publication, on or
  after it under the same future rule, and when the sentence gives no tense, the upcoming one
  if it is at most ``FORWARD_WINDOW_DAYS`` ahead;
* "this/last/next week|month|year|quarter" step from the publication date's own unit.

Durations ("two days", "the past week", "months") are not dates: ``normalise`` returns None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal, NamedTuple

from accord.extract.absolute_dates import parse_absolute
from accord.lexicon import MONTHS, WEEKDAYS, WHOLE_NUMBER_WORDS
from accord.model import Precision

DAYS_PER_WEEK = 7
MONTHS_PER_YEAR = 12
MONTHS_PER_QUARTER = 3
MONTHS_PER_HALF = 6
# How far ahead a year-less date may lie and still be read as upcoming rather than last year's.
FORWARD_WINDOW_DAYS = 45
# Tenses that send a bare weekday forward ("will meet Friday").
FORWARD_TENSES = ("future",)
# Meteorological seasons (northern hemisphere): the month each one starts.
SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
STEP = {
    "this": 0,
    "current": 0,
    "last": -1,
    "previous": -1,
    "past": -1,
    "next": 1,
    "coming": 1,
    "this past": -1,
    "this coming": 1,
}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)
_STEP_RE = r"(?:this past|this coming|this|current|last|previous|past|next|coming)"
_NUMBER_RE = r"(?:\d+|" + "|".join(WHOLE_NUMBER_WORDS) + r"|few|several|many)"
_UNIT_RE = r"(?:day|week|month|year|decade|hour|minute|quarter|century)"

# Words around the core that do not change the value (TimeML puts them in ``mod``).
_FUZZY = re.compile(
    r"^(?:early|earlier|mid|middle|late|later|end|beginning|start)"
    r"(?:\s+(?:in|of|on))?\s+(?:the\s+)?"
)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night|overnight)$")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b(?:noon|midnight)\b")
_DURATION = re.compile(
    rf"^(?:for|over|within|throughout)\b|^(?:the\s+)?(?:(?:past|last|next|first|coming)\s+)?"
    rf"{_NUMBER_RE}(?:\s+or\s+{_NUMBER_RE})?\s+(?:more\s+)?{_UNIT_RE}s?$"
    rf"|^(?:the\s+)(?:past|last|next|coming|previous)\s+{_UNIT_RE}s?$|^{_UNIT_RE}s$"
)
_AGO = re.compile(rf"^({_NUMBER_RE})\s+({_UNIT_RE})s?\s+ago$")
_STEP_UNIT = re.compile(rf"^(?:({_STEP_RE})\s+)({_UNIT_RE}|weekend)$")
_WEEKDAY = re.compile(rf"^(?:({_STEP_RE})\s+)?({_WEEKDAY_RE})$")
_MONTH_ONLY = re.compile(rf"^(?:({_STEP_RE})\s+)?({_MONTH_RE})\.?$")
_SEASON = re.compile(
    r"^(?:(this past|this coming|this|last|next|past|coming)\s+)?"
    r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?$"
)
_QUARTER = re.compile(
    r"^(?:(?:fiscal\s+)?(\d{4})\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|"
    r"4th|latest|last|this|current|next|previous)\s+)(quarter|half)"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?$"
)
_YEAR = re.compile(r"^(?:(?:fiscal|the year|calendar|year)\s+)?(\d{4})$")
_HAS_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_HAS_DAY = re.compile(r"(?<![\d:])\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!:)")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


Tense = Literal["past", "present", "future"] | None


class Normalised(NamedTuple):
    """What an expression means: ``value`` is None when it needed an anchor it did not get."""

    value: str | None
    precision: Precision | None
    relative: bool


def normalise(expression: str, anchor: date | None, tense: Tense = None) -> Normalised | None:
    """Normalise one date expression against the publication date ``anchor``.

    Returns None when the expression is not a calendar date (a duration, "now", a decade).
    ``tense`` is the tense of the verb the expression modifies, when known: "future" ("will
    meet on Friday") flips weekday and year-less anchoring forward, "past" keeps it backward.
    """
    text = _clean(expression)
    if not text or _DURATION.search(text):
        return None
    text = re.sub(r"^the\s+", "", text)
    for rule in (_iso, _deictic, _ago, _quarter, _season, _year, _step_unit, _weekday, _month_name):
        found = rule(text, anchor, tense)
        if found is not None:
            return found
    return None


def _clean(expression: str) -> str:
    text = expression.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"'s$", "", text.strip())
    text = _CLOCK.sub(" ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])", " ", text)  # mid-November, third-quarter
    text = re.sub(r"[,;:()\"]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    if text.startswith("for ") or text.startswith("over ") or text.startswith("within "):
        return text
    previous = None
    while previous != text:
        previous = text
        text = _FUZZY.sub("", text)
        text = _PART_OF_DAY.sub("", text)
        text = re.sub(
            r"^(?:on|in|at|by|since|until|till|from|as of|of|during|around|about)\s+", "", text
        )
    return text


def _result(day: date | None, precision: Precision, relative: bool) -> Normalised:
    if day is None:
        return Normalised(None, None, relative)
    formats: dict[str, str] = {
        "year": "%Y",
        "month": "%Y-%m",
        "day": "%Y-%m-%d",
        "range": "%Y-%m-%d",
    }
    return Normalised(day.strftime(formats[precision]), precision, relative)


def _range_month(year: int, month: int) -> Normalised:
    return Normalised(f"{year:04d}-{month:02d}", "range", False)


def _shift_months(day: date, months: int) -> date:
    index = day.year * MONTHS_PER_YEAR + day.month - 1 + months
    return date(index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1, 1)


def _iso(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), match[3]
    try:
        return _result(date(year, month, int(day) if day else 1), "day" if day else "month", False)
    except ValueError:
        return None


def _deictic(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    offsets = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "day before yesterday": -2,
        "the day after tomorrow": 2,
        "day after tomorrow": 2,
    }
    if text not in offsets:
        return None
    if anchor is None:
        return Normalised(None, None, True)
    return _result(anchor + timedelta(days=offsets[text]), "day", True)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return WHOLE_NUMBER_WORDS.get(word)


def _ago(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _AGO.match(text)
    if not match:
        return None
    count, unit = _count(match[1]), match[2]
    if count is None or anchor is None:
        return Normalised(None, None, True)
    if unit == "day":
        return Normalised((anchor - timedelta(days=count)).isoformat(), "day", True)
    if unit == "week":
        day = anchor - timedelta(days=DAYS_PER_WEEK * count)
        return Normalised(_monday(day).isoformat(), "range", True)
    if unit == "month":
        return Normalised(_shift_months(anchor, -count).strftime("%Y-%m"), "month", True)
    if unit == "year":
        return Normalised(str(anchor.year - count), "year", True)
    return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _step_unit(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _STEP_UNIT.match(text)
    if not match:
        return None
    step, unit = STEP[match[1]], match[2]
    if unit not in ("week", "month", "year", "weekend"):
        return None
    if anchor is None:
        return Normalised(None, None, True)
    if unit in ("week", "weekend"):
        monday = _monday(anchor) + timedelta(days=DAYS_PER_WEEK * step)
        if unit == "weekend":
            saturday = monday + timedelta(days=WEEKDAYS.index("saturday"))
            return Normalised(saturday.isoformat(), "range", True)
        return Normalised(monday.isoformat(), "range", True)
    if unit == "month":
        return Normalised(_shift_months(anchor, step).strftime("%Y-%m"), "month", True)
    return Normalised(str(anchor.year + step), "year", True)


def _weekday(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _WEEKDAY.match(text)
    if not match:
        return None
    if anchor is None:
        return Normalised(None, None, True)
    target = WEEKDAYS.index(match[2])
    step = STEP.get(match[1] or "", 0)
    back = (anchor.weekday() - target) % DAYS_PER_WEEK
    if step > 0 or (step == 0 and tense in FORWARD_TENSES):
        ahead = (target - anchor.weekday()) % DAYS_PER_WEEK
        if step > 0 and ahead == 0:
            ahead = DAYS_PER_WEEK
        return Normalised((anchor + timedelta(days=ahead)).isoformat(), "day", True)
    if step < 0 and back == 0:
        back = DAYS_PER_WEEK
    return Normalised((anchor - timedelta(days=back)).isoformat(), "day", True)


def _year_for(month: int, day: int, anchor: date, step: int, tense: Tense) -> int:
    """The year that puts ``month``/``day`` nearest the anchor in the chosen direction.

    Without a direction (no "last"/"next", no past or future verb) a date a few weeks ahead
    is read as upcoming ("talks resume Nov. 6" in late October); anything else as past.
    """
    here = (anchor.month, anchor.day)
    if step > 0 or (step == 0 and tense == "future"):
        return anchor.year if (month, day) >= here else anchor.year + 1
    if step < 0:
        return anchor.year if (month, day) < (anchor.month, 1) else anchor.year - 1
    if (month, day) <= here:
        return anchor.year
    if tense != "past":
        ahead = _safe_date(anchor.year, month, day) - anchor
        if ahead.days <= FORWARD_WINDOW_DAYS:
            return anchor.year
        # December 31 seen in early January of the next year is the past, handled below.
    return anchor.year - 1


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # Feb. 29
        return date(year, month, day - 1)


def _month_name(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    bare = _MONTH_ONLY.match(text)
    if bare:
        if anchor is None:
            return Normalised(None, None, True)
        month = MONTHS[bare[2]]
        year = _year_for(month, 1, anchor, STEP.get(bare[1] or "", 0), tense)
        return Normalised(f"{year:04d}-{month:02d}", "month", True)
    if not re.search(rf"\b(?:{_MONTH_RE})\b", text):
        return None
    text = re.sub(rf"^(?:{_WEEKDAY_RE})\s+", "", text)  # "Monday, Oct. 26"
    parsed = parse_absolute(text)
    if parsed is None:
        return None
    day_part, period = parsed
    has_year = _HAS_YEAR.search(text) is not None
    precision: Precision = "day" if period == "day" and _has_day(text) else "month"
    if has_year:
        return _result(day_part, precision, False)
    if anchor is None:
        return Normalised(None, None, True)
    day = day_part.day if precision == "day" else 1
    year = _year_for(day_part.month, day, anchor, 0, tense)
    try:
        return _result(date(year, day_part.month, day), precision, True)
    except ValueError:  # Feb. 29 in a year without one
        return None


def _has_day(text: str) -> bool:
    without_year = _HAS_YEAR.sub(" ", text)
    return any(1 <= int(m[1]) <= 31 for m in _HAS_DAY.finditer(without_year))


def _quarter(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _QUARTER.match(text)
    if not match:
        return None
    year_text = match[1] or match[4]
    which, unit = match[2], match[3]
    size = MONTHS_PER_QUARTER if unit == "quarter" else MONTHS_PER_HALF
    count = MONTHS_PER_YEAR // size
    if which in ORDINALS and ORDINALS[which] <= count:
        number = ORDINALS[which]
        if year_text:
            return _range_month(int(year_text), (number - 1) * size + 1)
        if anchor is None:
            return Normalised(None, None, True)
        current = (anchor.month - 1) // size + 1
        year = anchor.year if number <= current else anchor.year - 1
        return _range_month(year, (number - 1) * size + 1)._replace(relative=True)
    if which in ORDINALS or anchor is None:
        return None if which in ORDINALS else Normalised(None, None, True)
    # "latest"/"last" quarter in news is the last completed one.
    step = {"this": 0, "current": 0, "next": 1}.get(which, -1)
    start = _shift_months(anchor, -((anchor.month - 1) % size) + step * size)
    return _range_month(start.year, start.month)._replace(relative=True)


def _season(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _SEASON.match(text)
    if not match:
        return None
    month = SEASON_START[match[2]]
    if match[3]:
        return _range_month(int(match[3]), month)
    if anchor is None:
        return Normalised(None, None, True)
    step = STEP.get(match[1] or "", 0)
    if match[1] == "this":  # the season of the publication year (winter began in December)
        winter_spill = month == SEASON_START["winter"] and anchor.month < SEASON_START["spring"]
        year = anchor.year - 1 if winter_spill else anchor.year
        return _range_month(year, month)._replace(relative=True)
    year = _year_for(month, 1, anchor, step, tense)
    return _range_month(year, month)._replace(relative=True)


def _year(text: str, anchor: date | None, tense: Tense) -> Normalised | None:
    match = _YEAR.match(text)
    if match:
        return Normalised(match[1], "year", False)
    return None
