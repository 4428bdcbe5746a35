"""One speaker's account: their statements in one article, told one after another with no
other voice between (the writer's narration is none), are one statement
(:mod:`accord.statements` joins the parts after each is aligned across outlets on its own
words)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from accord.blocking import UnionFind, words
from accord.lexicon import SUBJECTLESS_OPENERS
from accord.model import QuoteForm, QuoteMention

__all__ = ["account_pairs", "canonical_text", "join_accounts", "joined_text"]

# Two parts further apart than this many characters (a few sentences of the writer's own)
# are two accounts.
ACCOUNT_GAP = 400
SENTENCE_ENDS = (".", "!", "?", "…")


def account_pairs(
    mentions: list[QuoteMention],
    others: list[QuoteMention],
    one_voice: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Pairs of one speaker's parts of one account: in one article, the next part of theirs
    with no other voice (another speaker's part, or one in ``others``) between, at most
    ``ACCOUNT_GAP`` characters on: the writer's narration between does not end it. A voice
    nested inside a part (someone they cite) does not end their account."""
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for i, m in enumerate(mentions):
        by_article.setdefault(m.span.article, []).append((m.span.start, m.span.end, i))
    for m in others:
        by_article.setdefault(m.span.article, []).append((m.span.start, m.span.end, -1))
    pairs = []
    for items in by_article.values():
        last, end = -1, -1  # the account's latest part and where the account has reached
        for start, stop, i in sorted(items):
            same = last >= 0 and i >= 0 and one_voice(last, i)
            if same and start - end <= ACCOUNT_GAP:
                pairs.append((last, i))
                last, end = i, max(end, stop)
            elif start >= end or stop > end:  # another voice, not nested in the account
                last, end = i, stop
    return pairs


def join_accounts(
    union: UnionFind,
    pairs: list[tuple[int, int]],
    article: list[str],
    about: Sequence[str | None] = (),
) -> None:
    """Make each account's parts one statement in ``union`` (whose groups are statements
    aligned across outlets), unless that would join two accounts another article tells
    apart: an outlet that quotes the speaker twice, with another voice or a long stretch
    between, says they are two accounts, so a third outlet's run does not chain them. Nor
    are two statements about two different events one (``about``: each part's event, None
    where unknown): a speaker quoted on both ("police") would chain them."""
    accounts = UnionFind(len(article))
    for i, j in pairs:
        accounts.join(i, j)
    members = {group[0]: group for group in union.groups()}
    members = {union.find(k): group for k, group in members.items()}

    def events(group: list[int]) -> set[str]:
        return {e for k in group if (e := about[k]) is not None} if about else set()

    def told(group: list[int]) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for k in group:
            out.setdefault(article[k], set()).add(accounts.find(k))
        return out

    for i, j in pairs:
        a, b = union.find(i), union.find(j)
        if a == b:
            continue
        in_a, in_b = told(members[a]), told(members[b])
        one_event = len(events(members[a]) | events(members[b])) <= 1
        if one_event and all(in_a[y] & in_b[y] for y in in_a.keys() & in_b.keys()):
            union.join(a, b)
            members[union.find(a)] = members.pop(a) + members.pop(b)


def joined_text(parts: list[int], mentions: list[QuoteMention]) -> str:
    """One article's parts of an account in reading order, each once: a part inside another
    (a fragment of a sentence also quoted whole) adds nothing. ``parts`` is not empty."""
    ordered = sorted((mentions[i] for i in parts), key=lambda m: (m.span.start, -m.span.end))
    texts: list[str] = []
    reached = -1
    for m in ordered:
        text = _with_stance(m)
        if m.span.end > reached and text not in texts:
            texts.append(text)
        reached = max(reached, m.span.end)
    joined = texts[0]
    for text in texts[1:]:
        # a part that stops mid-sentence is cut: the elision is marked, not a full stop made up
        joined += " " if joined.rstrip("\"'”’)").endswith(SENTENCE_ENDS) else " … "
        joined += text
    return joined


def _with_stance(mention: QuoteMention) -> str:
    """A paraphrase's words with the verb right before them, which says what the speaker did
    with them: "accused Russia of attempting to conceal …", "confirmed Pyongyang's
    deployment …", not "Russia of attempting …". A clause and the other forms read alone.
    The verb is the mention's cue, its own span of evidence."""
    cue, span = mention.cue, mention.span
    if mention.carried_as is not QuoteForm.PARAPHRASE or cue is None:
        return span.text
    adjacent = cue.article == span.article and span.start - cue.end == 1
    clause = span.text.split(maxsplit=1)[0].lower() == "that"  # "claim that …" reads alone
    return f"{cue.text} {span.text}" if adjacent and not clause else span.text


def _whole(group: list[int], mentions: list[QuoteMention]) -> list[int]:
    """The parts that carry their own subject, where any does: "is behind a fatal crash"
    (from "the man police say is behind …") reads as a fragment at the head of a statement."""
    opens = SUBJECTLESS_OPENERS.intersection
    whole = [i for i in group if not opens(words(mentions[i].span.text)[:1])]
    return whole or group


def canonical_text(group: list[int], mentions: list[QuoteMention], vectors: np.ndarray) -> str:
    """The fullest verbatim account, its parts joined; else the account of the paraphrase
    closest to all the others (the one most widely carried), the longest on a tie. Parts
    whose subject stands outside their words are left out where others remain."""
    group = _whole(group, mentions)
    verbatim = [i for i in group if mentions[i].carried_as is QuoteForm.VERBATIM]
    if verbatim:
        told: dict[str, list[int]] = {}
        for i in verbatim:
            told.setdefault(mentions[i].span.article, []).append(i)
        fullest = max(
            told.values(), key=lambda parts: sum(len(mentions[i].span.text) for i in parts)
        )
        return joined_text(fullest, mentions)
    centre = vectors[group].sum(axis=0)
    best = max(group, key=lambda i: (float(vectors[i] @ centre), len(mentions[i].span.text)))
    return joined_text(
        [i for i in group if mentions[i].span.article == mentions[best].span.article], mentions
    )
