"""Quote marks and the layouts that credit a quote without a verb, on one paragraph's text.

Pure string rules (no parse), used by :mod:`accord.extract.quotes`:

* :func:`quote_regions` — quoted stretches in any mark style. News copy continues a long quote
  over paragraphs by leaving it open, and the continuing paragraph may then only *close* it, so
  an unclosed quote runs to the paragraph's end and a closing mark with no opener before it
  closes a quote that began at the paragraph's start.
* :func:`dash_credit` — a quote followed by a dash and a name ("… .” ― A. Reader").
* :func:`transcript_credit` — a transcript or headline line that opens with a name and a colon
  ("SMITH: Well, …", "Smith: Taxes Must Rise").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Open mark -> close mark. Straight marks pair with themselves, and so do two apostrophes,
# the typewriter double quote of wire and archive copy (''We will win,'' she said).
DOUBLE_APOSTROPHE = "''"
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", DOUBLE_APOSTROPHE: DOUBLE_APOSTROPHE}
# British copy quotes with single curly marks (‘We will win,’ he said); the closing one is
# also the apostrophe ("didn’t", "officers’"), so such a quote must close in the paragraph.
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_OPEN_MARKS = re.compile("|".join(re.escape(k) for k in [*QUOTE_PAIRS, SINGLE_OPEN]))
# A single closing mark that ends a sentence or a clause of the quote: ",’" ".’" "?’" "!’".
_SINGLE_END = re.compile(r"[,.?!]’")
# How far a single-marked quote may run before its close is sought no further: each opener
# looks ahead at most this far, so a paragraph of thousands of unclosed ‘ stays linear.
MAX_SINGLE_QUOTE_CHARS = 2000
_CLOSE_ONLY = ("”", "»")
STRAIGHT = '"'
# A capitalised word of a name: "Smith", "O’Neil", "J.", "SMITH", "McDonald-Jones".
_NAME_WORD = r"[A-Z][\w.’'-]*"
# Names run one to four words (given names, initials, surname).
MAX_NAME_WORDS = 4
_DASH_CREDIT = re.compile(rf"\s*[―—–]\s*((?:{_NAME_WORD}\s?){{1,{MAX_NAME_WORDS}}})")
# A broadcaster's caption may give the role after a slash: "Peter Lynch/Defense Attorney: …";
# the name before it is then a full one, two words or more, and the slash stands between two
# words ("Ukraine/Russia: …" and the dateline "New Delhi / Mumbai: …" name nobody).
_CAPTION_ROLE = r"/(?!\s)[^:/\n]{1,60}"
_TRANSCRIPT = re.compile(
    rf"[\"“]?(?:((?:{_NAME_WORD} ){{0,{MAX_NAME_WORDS - 1}}}{_NAME_WORD})"
    rf"|((?:{_NAME_WORD} ){{1,{MAX_NAME_WORDS - 1}}}{_NAME_WORD}){_CAPTION_ROLE}):\s+\S"
)


# A quoted name, nickname or title runs to this many capitalised words: 'Vincent "The Chin"
# Gigante', 'dubbed the "Oddfather"', 'known as "Deep Throat"'.
MAX_QUOTED_NAME_WORDS = 3
_QUOTED_NAME = re.compile(rf"(?:{_NAME_WORD}\s){{0,{MAX_QUOTED_NAME_WORDS - 1}}}{_NAME_WORD}")


def names_something(inner: str) -> bool:
    """True when a quoted stretch only names someone or something (a nickname, a title): one
    to three capitalised words, none a sentence's end ("No.", "Yes!"), is nobody's statement."""
    text = inner.strip().rstrip(",;:")
    return _QUOTED_NAME.fullmatch(text) is not None and not text.endswith((".", "!", "?"))


@dataclass(frozen=True)
class Region:
    """A quoted stretch of one paragraph: ``inner`` offsets exclude the marks."""

    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int


def _leading_close(text: str) -> tuple[int, int]:
    """Offsets (start, end) of a closing mark that ends a quote begun in an earlier
    paragraph, else (-1, -1)."""
    first_open = _OPEN_MARKS.search(text)
    for mark in _CLOSE_ONLY:
        pos = text.find(mark)
        if pos > 0 and (first_open is None or pos < first_open.start()):
            return pos, pos + len(mark)
    for mark in (STRAIGHT, DOUBLE_APOSTROPHE):
        pos = text.find(mark)
        # an odd mark closes an earlier paragraph's quote only if no quote opens before it
        # ("“It is,” she said. “Yes."" is two quotes, the second closed by the wrong mark)
        first = first_open is None or pos <= first_open.start()
        if text.count(mark) % 2 == 1 and pos > 0 and first and not _opens(text, pos, mark):
            return pos, pos + len(mark)
    return -1, -1


def _opens(text: str, pos: int, mark: str) -> bool:
    """True when a straight mark stands where a quote opens: after a space and before a
    word ('the chants of "Go on!'), never where one closes ('he said," and left')."""
    after = pos + len(mark)
    return text[pos - 1].isspace() and after < len(text) and text[after].isalnum()


def _mistyped_close(text: str, start: int, close: int) -> tuple[int, str]:
    """The close of a curly quote opened at ``start``: its own mark at ``close``, or an
    earlier straight or opening mark in a closing place, after a word and before a space
    ("“Apparently not,“ he said", "“No," she said"); -1 when there is none."""
    for pos in range(start + 1, len(text) if close < 0 else close):
        at_end = pos + 1 == len(text) or text[pos + 1].isspace()
        if text[pos] in (STRAIGHT, "“") and not text[pos - 1].isspace() and at_end:
            return pos, text[pos]
    return close, "”"


def _curly_close(text: str, start: int, close: int) -> tuple[int, str]:
    """The close of a straight quote opened at ``start``: its own mark at ``close``, or an
    earlier curly closing mark after a word with no curly quote opened inside ('"Stay down,”
    police said'); -1 when there is none."""
    end = len(text) if close < 0 else close
    pos = text.find("”", start, end)
    if pos > start and not text[pos - 1].isspace() and "“" not in text[start:pos]:
        return pos, "”"
    return close, STRAIGHT


def quote_regions(text: str) -> list[Region]:
    """Quoted stretches of a paragraph, in order (see the module docstring for open ends)."""
    regions: list[Region] = []
    pos = 0
    close, close_end = _leading_close(text)
    reversed_end = text.find(text[0], 1) if text[:1] in _CLOSE_ONLY else -1
    if reversed_end > 1:
        # a closing mark typed as the opening one ("”We will win.” ― A. Reader")
        regions.append(Region(0, reversed_end + 1, 1, reversed_end))
        pos = reversed_end + 1
    elif close > 0 and text[:close].strip():
        regions.append(Region(0, close_end, 0, close))
        pos = close_end
    while (match := _OPEN_MARKS.search(text, pos)) is not None:
        if match.group() == SINGLE_OPEN:
            single = _single_quote(text, match.start())
            if single is not None:
                regions.append(single)
            pos = single.outer_end if single is not None else match.end()
            continue
        close_mark = QUOTE_PAIRS[match.group()]
        inner_start = match.end()
        close = text.find(close_mark, inner_start)
        if close_mark == "”":
            close, close_mark = _mistyped_close(text, inner_start, close)
        elif close_mark == STRAIGHT:
            close, close_mark = _curly_close(text, inner_start, close)
        outer_end = len(text) if close < 0 else close + len(close_mark)
        inner_end = len(text) if close < 0 else close
        if inner_end > inner_start and text[inner_start:inner_end].strip():
            regions.append(Region(match.start(), outer_end, inner_start, inner_end))
        pos = max(outer_end, match.end())
    return regions


def _single_quote(text: str, start: int) -> Region | None:
    """A quote in single curly marks opened at ``start``: it opens before a word, after a
    space or the paragraph's start (not "‘90s"), and closes at the first closing mark after
    its last word's punctuation (",’", ".’"), else at the first one not inside a word; with
    none, it is no quote."""
    after = start + 1
    opens = (start == 0 or not text[start - 1].isalnum()) and after < len(text)
    if not opens or not text[after].isalpha():
        return None
    limit = min(len(text), after + MAX_SINGLE_QUOTE_CHARS)
    end = _SINGLE_END.search(text, after, limit)
    close = end.end() - 1 if end is not None else -1
    if close < 0:  # the first closing mark not inside a word ("officers’ ", not "didn’t")
        close = text.find(SINGLE_CLOSE, after, limit)
        while close >= 0 and close + 1 < len(text) and text[close + 1].isalpha():
            close = text.find(SINGLE_CLOSE, close + 1, limit)
    if close <= after:
        return None
    return Region(start, close + 1, after, close)


def dash_credit(text: str, after: int) -> tuple[int, int, int] | None:
    """(dash offset, name start, name end) when a dash and a name follow offset ``after``."""
    match = _DASH_CREDIT.match(text, after)
    if match is None:
        return None
    name_end = match.end(1)
    while name_end > match.start(1) and text[name_end - 1] in " .":
        name_end -= 1
    dash = after + len(match.group()) - len(match.group().lstrip())
    return dash, match.start(1), name_end


def transcript_credit(text: str) -> tuple[int, int] | None:
    """(name start, name end) when the paragraph opens with "NAME: …"."""
    match = _TRANSCRIPT.match(text)
    if match is None:
        return None
    named = 1 if match.group(1) is not None else 2
    return match.start(named), match.end(named)
