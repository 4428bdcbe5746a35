"""Statements: one proposition by one speaker, shown once however many outlets carry it.

Every outlet's rendering of a statement (verbatim, partial quote, reported speech,
paraphrase) joins one :class:`Quote` when the speaker is one voice and the words say one
thing; see :func:`group_quotes`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from accord.blocking import (
    Embedder,
    UnionFind,
    content_words,
    embedder_or_default,
    normal_words,
    similar_pairs,
    words,
)
from accord.extract.speakers import NameTable, normalise_speaker, speaker_key
from accord.model import (
    Article,
    Extraction,
    Quote,
    QuoteForm,
    QuoteMention,
    SpeakerType,
    content_id,
)

# Renderings of one quote (trimmed, re-punctuated, partly paraphrased) score above this.
QUOTE_SIMILARITY = 0.8
# One speaker's statement retold by another outlet in its own words: a pair scores at least
# PARAPHRASE_SIMILARITY and shares PARAPHRASE_OVERLAP of the lighter one's rare-word weight,
# and every pair across the two groups it joins stays above STATEMENT_PARAPHRASE.
STATEMENT_PARAPHRASE = 0.6
PARAPHRASE_SIMILARITY = 0.7
PARAPHRASE_OVERLAP = 0.3
# A single-source statement stays open only when its speaker is quoted by this many outlets
# and the outlet quotes them verbatim; the rest is folded.
PROMINENT_OUTLETS = 2


def _is_name(speaker: str) -> bool:
    """A proper name ("Mirela Dascu"), not a description ("the interior ministry")."""
    words = normalise_speaker(speaker).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _kind(mention: QuoteMention) -> SpeakerType:
    """The mention's speaker type; a mention made without one is a person when named."""
    if mention.speaker_type is not None:
        return mention.speaker_type
    named = mention.speaker is not None and _is_name(mention.speaker)
    return SpeakerType.PERSON if named else SpeakerType.DESCRIPTION


def _voice(name: str) -> frozenset[str]:
    """A speaker's content words, folded: "one of the two soldiers" -> {one, two, soldiers}."""
    return frozenset(w for w in words(name) if w not in STOP_WORDS or w == "one")


def _same_voice(a: frozenset[str], b: frozenset[str]) -> bool:
    """One describes the other: every word of the shorter description is in the longer."""
    return bool(a and b) and (a <= b or b <= a)


def _weighted_words(mentions: list[QuoteMention]) -> list[dict[str, float]]:
    """Each mention's content words weighted by rarity among the story's statements (inverse
    document frequency), so that the words every statement of a story shares ("soldiers",
    "forces") do not make two statements one."""
    bags = [content_words(m.span.text) for m in mentions]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    return [{w: math.log((1 + n) / df[w]) for w in bag} for bag in bags]


def _rare_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weight of the shared words over the weight of the lighter mention's words."""
    lighter = min(sum(a.values()), sum(b.values()))
    return sum(a[w] for w in a.keys() & b.keys()) / lighter if lighter else 0.0


def _full(group: list[int], fragments: set[int]) -> list[int]:
    """The group's members that carry the whole statement: a quoted fragment ("a costly
    mistake") says too little to compare, unless it is all the group has."""
    return [i for i in group if i not in fragments] or group


def _join_paraphrases(
    union: UnionFind,
    candidates: list[tuple[float, int, int]],
    vectors: np.ndarray,
    weights: list[dict[str, float]],
    fragments: set[int],
) -> None:
    """Join two outlets' statements that retell one another, most similar first; two groups
    meet only when every pair across them is still close (complete linkage), so a chain of
    near neighbours does not drift from one statement into the next."""

    def close(i: int, j: int) -> bool:
        return float(vectors[i] @ vectors[j]) >= STATEMENT_PARAPHRASE

    # each group's members, kept up to date as groups join (asking the union for them per
    # candidate scanned every mention: quadratic in a long article)
    members_of = {union.find(group[0]): group for group in union.groups()}
    for sim, i, j in sorted(candidates, reverse=True):
        if (
            sim < PARAPHRASE_SIMILARITY
            or _rare_overlap(weights[i], weights[j]) < PARAPHRASE_OVERLAP
        ):
            continue
        a, b = union.find(i), union.find(j)
        if a == b:
            continue
        full_a, full_b = _full(members_of[a], fragments), _full(members_of[b], fragments)
        if all(close(x, y) for x in full_a for y in full_b):
            union.join(a, b)
            members_of[b] = sorted(members_of.pop(a) + members_of[b])


def _passed_on(mentions: list[QuoteMention]) -> set[int]:
    """Mentions that only pass on someone else's statement: "according to Y" whose content
    holds X's cue, when X's mention records Y as ``via``."""
    skip = set()
    relayed: dict[tuple[str, str], list[QuoteMention]] = {}
    for other in mentions:
        if other.via is not None:
            relayed.setdefault((other.via, other.span.article), []).append(other)
    for k, m in enumerate(mentions):
        if m.carried_as is not QuoteForm.PARAPHRASE or m.speaker is None:
            continue
        for other in relayed.get((m.speaker, m.span.article), []):
            shared = min(m.span.end, other.span.end) - max(m.span.start, other.span.start)
            if shared > 0 or (other.cue and m.span.start <= other.cue.start < m.span.end):
                skip.add(k)
    return skip


def group_quotes(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    embedder: Embedder | None = None,
) -> list[Quote]:
    """One :class:`Quote` per statement of one speaker, with every outlet's rendering of it.

    A statement needs a speaker: words credited to nobody answer no "who said what" and stay
    in the extraction only. Two renderings are one statement when their speaker is one voice
    (one person under any spelling, or one description inside another) and they say one thing:
    near-identical wording, one contained in the other, or — across outlets — a paraphrase
    (embedding above ``STATEMENT_PARAPHRASE`` and most content words shared).
    """
    mentions = [q for ex in extractions for q in ex.quotes if q.speaker]
    passed = _passed_on(mentions)
    mentions = [q for k, q in enumerate(mentions) if k not in passed]
    if not mentions:
        return []
    vectors = embedder_or_default(embedder)([q.span.text for q in mentions])
    union = UnionFind(len(mentions))
    normal = [normal_words(q.span.text) for q in mentions]
    kinds = [_kind(q) for q in mentions]
    # one person across outlets' spellings ("Zelensky", "Volodymyr Zelenskyy"): the fullest
    # form any article gives, by the speaker-name rule of accord.extract.speakers
    people = NameTable(
        q.speaker or "" for q, k in zip(mentions, kinds, strict=True) if k == SpeakerType.PERSON
    )
    shown = [
        people.resolve(q.speaker) if k == SpeakerType.PERSON and q.speaker else q.speaker or ""
        for q, k in zip(mentions, kinds, strict=True)
    ]
    voices = [_voice(name) for name in shown]
    keys = [speaker_key(name) or name.lower() for name in shown]

    def one_voice(i: int, j: int) -> bool:
        if (kinds[i] == SpeakerType.PERSON) != (kinds[j] == SpeakerType.PERSON):
            return False
        if kinds[i] == SpeakerType.PERSON:
            return shown[i].lower() == shown[j].lower()
        return keys[i] == keys[j] and _same_voice(voices[i], voices[j])

    blocking = similar_pairs(vectors, STATEMENT_PARAPHRASE)
    candidates = []
    for (i, j), sim in zip(blocking.pairs.tolist(), blocking.similarity.tolist(), strict=True):
        if not one_voice(i, j):
            continue
        if sim >= QUOTE_SIMILARITY:
            union.join(i, j)  # one rendering, re-punctuated or trimmed
        elif mentions[i].span.article != mentions[j].span.article:
            candidates.append((sim, i, j))
    # a quote trimmed by one outlet is contained in another's fuller rendering
    by_speaker: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        by_speaker.setdefault(key, []).append(i)
    for same in by_speaker.values():
        for k, i in enumerate(same):
            for j in same[k + 1 :]:
                if (
                    one_voice(i, j)
                    and normal[i]
                    and normal[j]
                    and (normal[i] in normal[j] or normal[j] in normal[i])
                ):
                    union.join(i, j)
    fragments = {i for i, q in enumerate(mentions) if q.carried_as is QuoteForm.PARTIAL}
    _join_paraphrases(union, candidates, vectors, _weighted_words(mentions), fragments)
    groups = [sorted(members) for members in union.groups()]
    return _statements(articles, mentions, shown, kinds, vectors, groups)


def _statements(
    articles: Sequence[Article],
    mentions: list[QuoteMention],
    shown: list[str],
    kinds: list[SpeakerType],
    vectors: np.ndarray,
    groups: list[list[int]],
) -> list[Quote]:
    """Each group as a :class:`Quote`: canonical text, speaker, sources, order and folding."""
    derived = {a.id: a.derived_from for a in articles}
    # a speaker's prominence: how many outlets quote them at all
    outlets: dict[str, set[str]] = {}
    for group in groups:
        who = _speaker_of(group, shown)
        outlets.setdefault(who, set()).update(mentions[i].span.article for i in group)
    quotes: list[tuple[tuple[int, int, int], Quote]] = []
    for members in groups:
        group = sorted(members, key=lambda i: (mentions[i].span.article, mentions[i].span.start))
        who = _speaker_of(group, shown)
        sources = {mentions[i].span.article for i in group}
        independent = sum(1 for s in sources if derived.get(s) not in sources) or 1
        text = _canonical(group, mentions, vectors)
        prominence = len(outlets[who])
        folded = independent < 2 and not (
            prominence >= PROMINENT_OUTLETS
            and any(mentions[i].carried_as is QuoteForm.VERBATIM for i in group)
        )
        kind = Counter(kinds[i] for i in group).most_common(1)[0][0]
        qid = content_id(
            who,
            *(f"{mentions[i].span.article}:{mentions[i].span.start}" for i in group),
            prefix="q",
        )
        quote = Quote(qid, who, text, tuple(mentions[i] for i in group), kind, independent, folded)
        quotes.append(((-independent, -prominence, -len(group)), quote))
    return [q for _, q in sorted(quotes, key=lambda kq: (kq[0], kq[1].id))]


def _speaker_of(group: list[int], shown: list[str]) -> str:
    """The group's speaker: the name given most often, the fullest on a tie."""
    counts = Counter(shown[i] for i in group)
    return max(counts, key=lambda name: (counts[name], len(name), name))


def _canonical(group: list[int], mentions: list[QuoteMention], vectors: np.ndarray) -> str:
    """The fullest verbatim rendering; else the paraphrase closest to all the others (the one
    most widely carried), the longest on a tie."""
    verbatim = [i for i in group if mentions[i].carried_as is QuoteForm.VERBATIM]
    if verbatim:
        return mentions[max(verbatim, key=lambda i: len(mentions[i].span.text))].span.text
    centre = vectors[group].sum(axis=0)
    best = max(group, key=lambda i: (float(vectors[i] @ centre), len(mentions[i].span.text)))
    return mentions[best].span.text
