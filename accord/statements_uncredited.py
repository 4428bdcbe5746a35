"""Uncredited quotations that another outlet credits: the same quoted words, one statement.

An outlet may print a speaker's quotation, or a quoted fragment of it, without naming them
where the cue does not reach (a press release pasted below its headline, a pronoun left
unresolved), while another outlet credits the same words. Such a quotation is no statement
on its own (words credited to nobody answer no "who said what"), but it is one more outlet's
rendering of the credited statement, and dropping it would hide that the statement is
carried twice. The mention keeps its own empty credit; the statement it joins keeps its
speaker.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from accord.blocking import normal_words
from accord.locate import Located
from accord.model import Extraction, QuoteForm, QuoteMention
from accord.statements_paraphrase import figures_clash

__all__ = ["ADOPTED_WORDS_MIN", "NEAR_IDENTICAL", "adopt_uncredited", "nearly_repeats"]

# Quoted words this long are one speaker's: two outlets of one story do not print the same
# six-word sentence in quote marks for two different people.
ADOPTED_WORDS_MIN = 6
# Two renderings whose word sequences match this closely (difflib's ratio) are one quotation
# with a word inserted or mended ("her (Tara Reid) and her family's").
NEAR_IDENTICAL = 0.9
QUOTED = frozenset({QuoteForm.VERBATIM, QuoteForm.PARTIAL})


def nearly_repeats(a: str, b: str) -> bool:
    """Two renderings' words (:func:`~accord.blocking.normal_words`) in nearly one sequence: a
    word inserted or mended, not the same fact told in other words."""
    return difflib.SequenceMatcher(None, a.split(), b.split()).ratio() >= NEAR_IDENTICAL


def _same_quotation(a: str, b: str) -> bool:
    """One holds the other's words, or the two nearly repeat each other."""
    if min(len(a.split()), len(b.split())) < ADOPTED_WORDS_MIN:
        return False
    return a in b or b in a or nearly_repeats(a, b)


def _trigrams(said: str) -> set[tuple[str, ...]]:
    """Runs of three words: renderings that hold or nearly repeat each other share some, so
    only those are compared (near-linear in the story's quotations)."""
    tokens = said.split()
    return {tuple(tokens[k : k + 3]) for k in range(len(tokens) - 2)}


def adopt_uncredited(
    extractions: Sequence[Extraction],
    mentions: Sequence[QuoteMention],
    groups: Sequence[Sequence[int]],
    located: Mapping[str, Located],
) -> list[tuple[QuoteMention, int]]:
    """Each uncredited quotation (in quote marks, speaker unknown) whose words another
    outlet's credited quotation in one of ``groups`` holds or nearly repeats, with the index
    (into ``groups``) of that statement, unless their figures clash ("12 injured" / "18
    injured"). Where other outlets' matches sit in several statements, the one more outlets
    match wins; a tie adopts nothing. A quotation that overlaps a credited mention of its
    own article is that mention's, not another rendering. ``located``: each extraction's
    index, by article."""
    group_of = {i: g for g, group in enumerate(groups) for i in group}
    said_by = {i: normal_words(mentions[i].span.text) for i in group_of}
    index: dict[tuple[str, ...], set[int]] = {}
    for i, said in said_by.items():
        if mentions[i].carried_as in QUOTED:
            for run in _trigrams(said):
                index.setdefault(run, set()).add(i)
    credited: dict[str, list[QuoteMention]] = {}
    for m in mentions:
        credited.setdefault(m.span.article, []).append(m)
    adopted: list[tuple[QuoteMention, int]] = []
    for ex in extractions:
        for quote in ex.quotes:
            if quote.speaker or quote.carried_as not in QUOTED:
                continue
            said = normal_words(quote.span.text)
            if len(said.split()) < ADOPTED_WORDS_MIN or _overlaps(quote, credited):
                continue
            outlets: dict[int, set[str]] = {}
            for i in set().union(*(index.get(run, set()) for run in _trigrams(said))):
                article = mentions[i].span.article
                if (
                    article != quote.span.article
                    and _same_quotation(said, said_by[i])
                    and not figures_clash(quote, mentions[i], located)
                ):
                    outlets.setdefault(group_of[i], set()).add(article)
            ranked = sorted(outlets.items(), key=lambda go: (-len(go[1]), go[0]))
            if ranked and (len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1])):
                adopted.append((quote, ranked[0][0]))
    return adopted


def _overlaps(quote: QuoteMention, credited: dict[str, list[QuoteMention]]) -> bool:
    """The quotation overlaps a credited mention of its own article."""
    return any(
        m.span.start < quote.span.end and quote.span.start < m.span.end
        for m in credited.get(quote.span.article, [])
    )
