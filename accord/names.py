"""Spellings of one name: what two renderings of a surname may differ by and still be one
person's. Pure string helpers, read by the speaker tables (:mod:`accord.extract.name_table`)
and by the renderers, which load no language model."""

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
