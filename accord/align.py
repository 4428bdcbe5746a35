"""Cross-source alignment: the same quote or claim in many outlets' words.

Candidates come from sentence embeddings, blocked with random-hyperplane LSH (Charikar 2002)
so the cost grows near-linearly: each table hashes a vector to ``bits`` sign bits, with
``bits`` grown as log2(n / TARGET_BUCKET) so buckets stay small, and a vector is compared
with its own bucket and the buckets one bit away (multi-probe; Lv et al. 2007), which keeps
recall for paraphrases whose cosine is well below 1. A candidate above the similarity floor is
then confirmed by its content: the two sentences must share a content word and not name
disjoint sets of entities. Confirmed pairs with the same polarity and compatible numbers are
one claim; pairs that differ in negation or state incompatible numbers about the same event
are contradictions. Claims about different events never contradict each other.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from accord.events import span_event, word_count
from accord.extract.speakers import NameTable, normalise_speaker, speaker_key
from accord.model import (
    Article,
    Claim,
    Event,
    Extraction,
    FigureMention,
    Quote,
    QuoteForm,
    QuoteMention,
    Span,
    SpeakerType,
    content_id,
)
from accord.reconcile import bounds, period_key

Embedder = Callable[[list[str]], np.ndarray]

# Cosine floor for two sentences to be candidates for one claim (all-MiniLM-L6-v2: close
# paraphrases score 0.65-0.8, same-topic different statements 0.3-0.5; see tests/test_align.py).
CLAIM_SIMILARITY = 0.62
# Below CLAIM_SIMILARITY, two sentences are still one claim when the embedding and the
# predicate-argument overlap (argument_overlap) add up to PARAPHRASE_SCORE, with at least
# MIN_ARGUMENT_OVERLAP shared and the embedding above PARAPHRASE_FLOOR (the blocking floor).
# Chosen on ClaimDiff train "strengthens" (evaluation/eval_claimdiff.py, docs/accuracy.md).
PARAPHRASE_FLOOR = 0.3
MIN_ARGUMENT_OVERLAP = 0.1
PARAPHRASE_SCORE = 0.5
MIN_NAMES_TO_DIFFER = 2
# A word in more than a tenth of a story's sentences is its topic, not an argument.
TOPIC_SHARE = 0.1
MIN_TOPIC_UNITS = 10
_SUFFIXES = ("ing", "ed", "es", "s", "e")
MIN_STEM = 4  # "uses" -> "us" is no stem
_NUMBER_RE = re.compile(r"\d[\d,.]*\d|\d")
# A contradiction needs the two sentences to be about the same thing: a higher floor.
CONTRADICTION_SIMILARITY = 0.7
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
MIN_CLAIM_WORDS = 6  # shorter lines are headings, captions and datelines
LSH_TABLES = 4
TARGET_BUCKET = 32  # expected vectors per bucket: the constant behind near-linear cost
LSH_SEED = 20240101  # fixed so runs are reproducible
NEGATION_CUES = frozenset(
    {
        "not",
        "no",
        "never",
        "n't",
        "neither",
        "nor",
        "none",
        "nobody",
        "nothing",
        "without",
        "denied",
        "denies",
        "deny",
    }
)
# NegEx (Chapman et al. 2001) scopes a negation over the next five words, ended by a clause
# break; we do the same.
NEGATION_SCOPE = 5
_CLAUSE_RE = re.compile(r"[,;:.!?()“”\"—–]")
# Two sentences of one article are one claim only when one repeats the other almost verbatim.
SAME_ARTICLE_SIMILARITY = 0.9
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Blocking:
    """Pairs above a similarity floor, and how many dot products it took to find them."""

    pairs: np.ndarray  # (k, 2) int, i < j
    similarity: np.ndarray  # (k,) float
    comparisons: int


def similar_pairs(
    vectors: np.ndarray,
    threshold: float,
    tables: int = LSH_TABLES,
    target_bucket: int = TARGET_BUCKET,
    seed: int = LSH_SEED,
) -> Blocking:
    """Every pair with cosine >= threshold that shares a bucket (or a one-bit neighbour)."""
    n, dim = vectors.shape
    bits = min(30, max(0, round(math.log2(max(n, 1) / target_bucket))))
    if tables * (bits + 1) >= 2**bits:  # blocking would cost more than comparing all pairs
        bits = 0
    rng = np.random.default_rng(seed)
    found: list[np.ndarray] = []
    sims: list[np.ndarray] = []
    comparisons = 0
    for _ in range(tables if bits else 1):
        planes = rng.standard_normal((dim, bits)).astype(vectors.dtype)
        codes = ((vectors @ planes) > 0).astype(np.int64) @ (1 << np.arange(bits, dtype=np.int64))
        order = np.argsort(codes, kind="stable")
        keys, starts = np.unique(codes[order], return_index=True)
        members = dict(zip(keys.tolist(), np.split(order, starts[1:]), strict=True))
        for code, idx in members.items():
            neighbours = [(idx, True)] + [
                (members[code ^ (1 << b)], False)
                for b in range(bits)
                if code ^ (1 << b) > code and code ^ (1 << b) in members
            ]
            for jdx, same in neighbours:
                block = vectors[idx] @ vectors[jdx].T
                comparisons += len(idx) * (len(idx) - 1) // 2 if same else len(idx) * len(jdx)
                rows, cols = np.nonzero(block >= threshold)
                if same:
                    keep = rows < cols
                    rows, cols = rows[keep], cols[keep]
                a, b = idx[rows], jdx[cols]
                found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
                sims.append(block[rows, cols])
    if not found:
        return Blocking(np.zeros((0, 2), dtype=np.int64), np.zeros(0), comparisons)
    pairs, first = np.unique(np.concatenate(found), axis=0, return_index=True)
    return Blocking(pairs, np.concatenate(sims)[first], comparisons)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def join_apart(self, i: int, j: int, owners: dict[int, set[str]], shared: bool = False) -> None:
        """Join unless the two groups share an owner (an article) and ``shared`` is off: one
        article states one claim once, so a shared article means the chain has drifted."""
        a, b = self.find(i), self.find(j)
        if a == b or (owners[a] & owners[b] and not shared):
            return
        self.parent[a] = b
        owners[b] |= owners.pop(a)

    def groups_of(self, roots: tuple[int, ...]) -> dict[int, list[int]]:
        """The members of the groups with these roots."""
        out: dict[int, list[int]] = {r: [] for r in roots}
        for i in range(len(self.parent)):
            root = self.find(i)
            if root in out:
                out[root].append(i)
        return out

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP_WORDS and len(w) > 2}


def entities(text: str) -> set[str]:
    """Capitalised words after the first: a cheap stand-in for names and places."""
    found = _WORD_RE.findall(text)[1:]
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in found if w[0].isupper()}


def negated(text: str, about: set[str] | None = None) -> bool:
    """Odd number of negation cues (a double negative reads as positive).

    With ``about`` (the other sentence's content words), a cue counts only when its scope —
    the next ``NEGATION_SCOPE`` words up to a clause break, as in NegEx — holds one of them:
    "this was not easy: they kill their wounded" does not negate the killing.
    """
    count = 0
    for clause in _CLAUSE_RE.split(text.replace("n't", " n't").replace("n’t", " n't")):
        tokens = words(clause)
        for k, token in enumerate(tokens):
            scope = set(tokens[k + 1 : k + 1 + NEGATION_SCOPE])
            if token in NEGATION_CUES and (about is None or scope & about):
                count += 1
    return count % 2 == 1


@dataclass(frozen=True)
class _Unit:
    span: Span
    event: str | None
    figures: tuple[tuple[str, tuple[float, float]], ...]


def claim_units(extractions: Sequence[Extraction], events: Sequence[Event]) -> list[_Unit]:
    units = []
    for ex in extractions:
        for sent in ex.sentences:
            if word_count(sent.text) < MIN_CLAIM_WORDS or not asserts(sent.text):
                continue
            figs = tuple(
                (figure_key(f), bounds(f))
                for f in ex.figures
                if sent.start <= f.span.start and f.span.end <= sent.end
            )
            units.append(_Unit(sent, span_event(sent, ex, events), figs))
    return units


def asserts(sentence: str) -> bool:
    """Is this a declarative sentence? Headlines, captions and questions are not claims:
    they end without a full stop (or with "?"), "Dam bursts: dozens missing"."""
    return sentence.rstrip().rstrip("\"'”’)]").endswith((".", "!"))


def figure_key(figure: FigureMention) -> str:
    """What a figure counts, keyed as ``reconcile`` keys it: the measure, the counted noun
    for a bare count ("one detained immigrant" and "five women" are not one quantity), and
    the period ("40 this week" does not contradict "400 since the war began")."""
    what = figure.measure
    if what == "count":
        what += f":{(figure.counted or '').lower()}"
    return f"{what}|{period_key(figure.period)}"


def numbers_clash(a: _Unit, b: _Unit) -> bool:
    """Both state a figure for one quantity (:func:`figure_key`) and no value fits both."""
    for measure, (lo, hi) in a.figures:
        for other, (lo2, hi2) in b.figures:
            if measure == other and max(lo, lo2) > min(hi, hi2):
                return True
    return False


def related(a: _Unit, b: _Unit) -> bool:
    """The content check behind every alignment: a shared content word, no disjoint names.
    Names are disjoint only when each side has at least ``MIN_NAMES_TO_DIFFER``: a single
    capitalised word is as often a title, a day or a place as the actor."""
    if not content_words(a.span.text) & content_words(b.span.text):
        return False
    ents_a, ents_b = entities(a.span.text), entities(b.span.text)
    several = min(len(ents_a), len(ents_b)) >= MIN_NAMES_TO_DIFFER
    return not (several and not ents_a & ents_b)


def proposition_words(text: str) -> set[str]:
    """What a clause asserts, as a bag: its content words folded to a crude stem (so
    "captured" meets "captures") and its numbers."""
    stems = set()
    for w in content_words(text):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM:
                w = w[: -len(suffix)]
                break
        stems.add(w)
    return stems | set(_NUMBER_RE.findall(text))


def argument_overlap(a: str, b: str, topic: frozenset[str] = frozenset()) -> float:
    """Share of the shorter clause's predicate, arguments and numbers found in the other;
    ``topic`` words (what the whole story is about) are no argument of either."""
    wa, wb = proposition_words(a) - topic, proposition_words(b) - topic
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def topic_words(texts: Sequence[str]) -> frozenset[str]:
    """Words in more than ``TOPIC_SHARE`` of a story's sentences ("soldiers", "flood"): two
    sentences sharing them share the story, not a proposition. Only for a story of at least
    ``MIN_TOPIC_UNITS`` sentences, where a share means something."""
    if len(texts) < MIN_TOPIC_UNITS:
        return frozenset()
    df = Counter(w for t in texts for w in proposition_words(t))
    return frozenset(w for w, n in df.items() if n > TOPIC_SHARE * len(texts))


def aligned(similarity: float, a: str, b: str, topic: frozenset[str] = frozenset()) -> bool:
    """One claim: close in meaning, or a paraphrase (less close in the embedding, but sharing
    the predicate and its arguments, so that the two add up)."""
    if similarity >= CLAIM_SIMILARITY:
        return True
    if similarity < PARAPHRASE_FLOOR:
        return False
    overlap = argument_overlap(a, b, topic)
    return overlap >= MIN_ARGUMENT_OVERLAP and similarity + overlap >= PARAPHRASE_SCORE


def align_claims(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    events: Sequence[Event],
    embedder: Embedder | None = None,
) -> list[Claim]:
    """Claims carried by two or more articles, or in conflict with another claim."""
    units = claim_units(extractions, events)
    if not units:
        return []
    vectors = _embedder(embedder)([u.span.text for u in units])
    blocking = similar_pairs(vectors, PARAPHRASE_FLOOR)
    topic = topic_words([u.span.text for u in units])
    union = _Union(len(units))
    clashes: list[tuple[int, int]] = []
    owners = {i: {u.span.article} for i, u in enumerate(units)}
    best_first = np.argsort(-blocking.similarity, kind="stable")
    for (i, j), sim in zip(
        blocking.pairs[best_first].tolist(), blocking.similarity[best_first].tolist(), strict=True
    ):
        a, b = units[i], units[j]
        if not related(a, b):
            continue
        same_event = a.event == b.event
        same_article = a.span.article == b.span.article
        words_a, words_b = content_words(a.span.text), content_words(b.span.text)
        if negated(a.span.text, words_b) != negated(b.span.text, words_a) or numbers_clash(a, b):
            if sim >= CONTRADICTION_SIMILARITY and (
                same_event and a.event is not None and not same_article
            ):
                clashes.append((i, j))
        elif same_event and same_article and sim >= SAME_ARTICLE_SIMILARITY:
            # a repeat inside one article (a caption restating the text)
            union.join_apart(i, j, owners, shared=True)
        elif same_event and not same_article and aligned(sim, a.span.text, b.span.text, topic):
            union.join_apart(i, j, owners)
    return _claims(articles, units, union, clashes)


def _claims(
    articles: Sequence[Article], units: list[_Unit], union: _Union, clashes: list[tuple[int, int]]
) -> list[Claim]:
    derived = {a.id: a.derived_from for a in articles}
    order = {a.id: (a.published is None, a.published or "", k) for k, a in enumerate(articles)}
    group_of = {i: g for g, members in enumerate(union.groups()) for i in members}
    in_clash = {group_of[i] for pair in clashes for i in pair}
    kept: dict[int, list[int]] = {}
    for i, g in group_of.items():
        kept.setdefault(g, []).append(i)
    ids: dict[int, str] = {}
    for g, members in kept.items():
        spans = sorted(
            (units[i].span for i in members),
            key=lambda s: (order.get(s.article, (True, "", 0)), s.start),
        )
        ids[g] = content_id(*(f"{s.article}:{s.start}:{s.end}" for s in spans), prefix="c")
        kept[g] = sorted(
            members,
            key=lambda i: (order.get(units[i].span.article, (True, "", 0)), units[i].span.start),
        )
    claims = []
    for g, members in kept.items():
        sources = {units[i].span.article for i in members}
        if len(sources) < 2 and g not in in_clash:
            continue
        independent = sum(1 for s in sources if derived.get(s) not in sources)
        opposed = sorted(
            {
                ids[group_of[y]]
                for i, j in clashes
                for x, y in ((i, j), (j, i))
                if group_of[x] == g and group_of[y] != g
            }
        )
        events = Counter(units[i].event for i in members)
        claims.append(
            Claim(
                ids[g],
                units[members[0]].span.text,
                tuple(units[i].span for i in members),
                independent,
                tuple(opposed),
                events.most_common(1)[0][0],
            )
        )
    return sorted(claims, key=lambda c: (-c.sources, c.id))


def _embedder(embedder: Embedder | None) -> Embedder:
    if embedder is not None:
        return embedder
    from accord.nlp import embed

    return embed


def _normal(text: str) -> str:
    return " ".join(words(text))


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
    union: _Union,
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

    for sim, i, j in sorted(candidates, reverse=True):
        if (
            sim < PARAPHRASE_SIMILARITY
            or _rare_overlap(weights[i], weights[j]) < PARAPHRASE_OVERLAP
        ):
            continue
        a, b = union.find(i), union.find(j)
        if a == b:
            continue
        members = {r: _full(group, fragments) for r, group in union.groups_of((a, b)).items()}
        if all(close(x, y) for x in members[a] for y in members[b]):
            union.join(a, b)


def _passed_on(mentions: list[QuoteMention]) -> set[int]:
    """Mentions that only pass on someone else's statement: "according to Y" whose content
    holds X's cue, when X's mention records Y as ``via``."""
    skip = set()
    for k, m in enumerate(mentions):
        if m.carried_as is not QuoteForm.PARAPHRASE or m.speaker is None:
            continue
        for other in mentions:
            if other.via == m.speaker and other.span.article == m.span.article:
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
    vectors = _embedder(embedder)([q.span.text for q in mentions])
    union = _Union(len(mentions))
    normal = [_normal(q.span.text) for q in mentions]
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
