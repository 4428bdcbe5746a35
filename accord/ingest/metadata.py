"""Publication date, title and outlet: from metadata when given, else from the text's top.

A publication date is only ever a date the input states: a metadata field, or a dateline
near the top of the text ("January 14, 2025", "Jan.11 - 2025 7:06 PM CET", "2025-01-14",
"14 January 2025"). We match those with anchored regexes rather than a free-text date
parser because free-text parsers read "today" or "2 hours ago" as the current date, and a
dossier must never date a report by when it was read.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from accord.lexicon import MONTHS
from accord.noise import line_reason

# Datelines sit in the header block: title, byline, date, section; 12 lines covers them.
MAX_HEADER_LINES = 12
# A header line that *is* a dateline is short; a long line is prose, whose dates are events.
MAX_DATELINE_CHARS = 80
# ... unless the date opens the line, as wire datelines do ("January 14, 2025 - KYIV ...").
MAX_DATE_LEAD_CHARS = 40
# Titles are for people; cut first-line titles that are really whole paragraphs.
MAX_TITLE_CHARS = 160
MIN_YEAR, MAX_YEAR = 1900, 2099

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"(?:[ \t]*[,.\-–—][ \t]*|[ \t]+)"  # "Jan 11, 2025", "Jan.11 - 2025", "Jan 11 2025"
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<![\w-]){_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"(?<![\w/]){_YEAR}/(?P<mnum>[01]\d)/(?P<day>[0-3]\d)(?![\w/])"),
    re.compile(rf"\b{_MONTH}[ \t]*{_DAY}{_SEP}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}{_SEP}{_YEAR}\b", re.IGNORECASE),
)
# Which of several header dates is the publication date: "Published" beats a bare date,
# which beats "Updated" (a later edit, not when the report first ran).
_PUBLISHED_CUE = re.compile(r"\b(published|posted|first published|released)\b", re.IGNORECASE)
_UPDATED_CUE = re.compile(r"\b(updated|modified|last edited)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateFound:
    """A date stated in the text and the offsets of the words that state it."""

    value: date
    start: int
    end: int


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    named = groups.get("month")
    month = MONTHS[named[:3].lower()] if named else int(groups["mnum"])
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:  # "February 30, 2025"
        return None


def dates_in_line(line: str) -> list[tuple[int, int, date]]:
    """Every full date in one line as ``(start, end, date)``, left to right."""
    found: list[tuple[int, int, date]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(line):
            day = _to_date(match)
            overlaps = any(s < match.end() and match.start() < e for s, e, _ in found)
            if day and not overlaps:
                found.append((match.start(), match.end(), day))
    return sorted(found)


def _header_lines(text: str) -> list[tuple[int, str]]:
    """The first non-empty lines with their offsets into ``text``."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, line))
            if len(lines) >= MAX_HEADER_LINES:
                break
        pos += len(line) + 1
    return lines


def find_published(text: str, want: date | None = None) -> DateFound | None:
    """The publication date stated in the header lines of ``text``, if any.

    A candidate date must be on a short line (a dateline) or open its line; dates inside
    prose sentences are about events, not about when the report ran. With ``want`` (a date
    from metadata), only a mention of that very date counts: it becomes the evidence.
    """
    best: tuple[int, int, DateFound] | None = None
    for order, (offset, line) in enumerate(_header_lines(text)):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        # Only a line's opening can hold a qualifying date; never regex a megabyte paragraph.
        opening = line[: lead + MAX_DATELINE_CHARS + MAX_DATE_LEAD_CHARS]
        for start, end, day in dates_in_line(opening):
            is_dateline = len(stripped) <= MAX_DATELINE_CHARS
            if not is_dateline and start - lead > MAX_DATE_LEAD_CHARS:
                continue
            if want is not None and day != want:
                continue
            if _PUBLISHED_CUE.search(line):
                rank = 0
            elif _UPDATED_CUE.search(line):
                rank = 2
            else:
                rank = 1
            candidate = (rank, order, DateFound(day, offset + start, offset + end))
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return best[2] if best else None


def normalise_date(value: object) -> date | None:
    """A metadata date (ISO date or datetime, RFC 2822, or a written date) as a date.

    Returns None when ``value`` is not a date a person wrote down (relative words such as
    "today" are refused on purpose).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    parsed: date | None = None
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            found = dates_in_line(raw)
            return found[0][2] if found else None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed


# A line that only says when the page ran ("Posted 2/3/2009 11:11 PM", "Last Updated: Tuesday,
# 20 December 2005, 10:39 GMT"): scraped pages often open with one above the headline.
_DATELINE_LEAD = re.compile(
    r"^(?:last\s+|first\s+)?(?:published|posted|updated|modified)\b[^\n]*\d", re.IGNORECASE
)


def title_from_text(text: str) -> str:
    """The first non-empty line that is not a dateline, cut at a word boundary when it is a
    whole paragraph."""
    for line in text.split("\n"):
        title = line.strip()
        if len(title) <= MAX_DATELINE_CHARS and _DATELINE_LEAD.match(title):
            continue
        if title:
            if len(title) <= MAX_TITLE_CHARS:
                return title
            cut = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
            return cut.rstrip(" ,;:-") + "…"
    return ""


# An outlet's name: one to five capitalised words ("Harbor Ledger", "The Daily Star", "AP").
_NAME = r"(?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&'.-]*){0,4}"
_BYLINE_OUTLET = re.compile(rf"^\s*By\s+[^,\n]{{2,60}},\s*(?P<outlet>{_NAME})\s*$")
_MASTHEAD = re.compile(rf"^\s*(?P<outlet>{_NAME})\s*$")


def find_outlet(text: str) -> str | None:
    """The outlet a plain text names in its header: a byline's tail ("By Ana Vos, Harbor
    Ledger") or a masthead, a short capitalised line right above the dateline ("Valley
    Courier" over "11 March 2026"). ``None`` when the header says neither: a section label
    or a stray heading is never taken for an outlet without a dateline under it."""
    lines = [line for _, line in _header_lines(text)][1:]  # the first line is the title
    for i, line in enumerate(lines):
        if len(line.strip()) > MAX_DATELINE_CHARS:
            break  # prose: the header is over
        byline = _BYLINE_OUTLET.match(line)
        if byline:
            return byline.group("outlet")
        masthead = _MASTHEAD.match(line)
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (
            masthead
            and line_reason(line.strip()) is None  # not a section label or "Trending now"
            and not any(c.isdigit() for c in line)
            and len(below) <= MAX_DATELINE_CHARS
            and dates_in_line(below)
        ):
            return masthead.group("outlet")
    return None


WEB_SCHEMES = frozenset({"http", "https"})


def is_web_address(url: str) -> bool:
    """An absolute http(s) URL with a host: what a record's ``url`` field must be."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # "http://[broken", a port that is not a number
        return False
    return (
        parts.scheme.lower() in WEB_SCHEMES
        and bool(host)
        and not any(c.isspace() for c in url.strip())
    )


def outlet_from_url(url: str | None) -> str | None:
    """The host name without ``www.``: the best outlet name a bare URL offers."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")
