"""Spellings of one name: what two renderings of a name may differ by and still be one
speaker's. Pure string helpers, read by the speaker tables (:mod:`accord.extract.name_table`)
and by the renderers (an outlet's credit beside a statement's speaker), which load no
language model."""

from __future__ import annotations

# A surname this short ("Li", "Lu", "Ross") is too often another family's to read a one-letter
# difference as a typo.
MIN_VARIANT_SURNAME = 4


def one_edit_apart(first: str, second: str) -> bool:
    """True when one insertion, deletion or substitution turns ``first`` into ``second``."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    short, long = sorted((first, second), key=len)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    skip = 1 if len(short) < len(long) else 0
    return short[i + 1 - skip :] == long[i + 1 :]


def one_name(a: str, b: str) -> bool:
    """One name written shorter, longer or otherwise: every word of one is in the other
    ("Page", "Bettie Page"; "police", "Vancouver police"), or the surname is one ("Fred
    LaRue", "Frederick C. LaRue"; "Vincent Del Giudice", "Vincent DelGiudice"; "Volodymyr
    Zelensky", "Volodymyr Zelenskyy"), whatever the case and the dots."""
    words_a, words_b = _letters(a).split(), _letters(b).split()
    if not words_a or not words_b:
        return False
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True
    last_a, last_b = words_a[-1], words_b[-1]
    if last_a == last_b or "".join(words_a) == "".join(words_b):
        return True
    # a letter apart in a surname long enough to be a spelling, not another family's name
    # ("Zelensky", "Zelenskyy"; "Dasku", "Dascu")
    return min(len(last_a), len(last_b)) >= MIN_VARIANT_SURNAME and one_edit_apart(last_a, last_b)


def _letters(name: str) -> str:
    return "".join(c if c.isalnum() or c.isspace() else "" for c in name.casefold())
