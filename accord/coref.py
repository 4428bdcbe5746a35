"""Which event mentions of one story refer to the same happening, across documents.

Reports of one happening name it with different words ("killed", "murder", "death") and name
other happenings with the same word ("said", "checked into rehab" twice in one career). The
head lemma alone joins the first kind apart and the second together. So every pair of
mentions inside one document event (``accord.events``: the split is a strong prior, and it
is the blocking that keeps the cost to the size of one event) is scored from:

* the head word: same lemma, same stem, and the cosine of the head words' embeddings
  (synonyms and derivations: "quake" / "earthquake", "death" / "die");
* the mention phrase and its sentence: embedding cosine of each, TF-IDF cosine of the
  sentences (fitted over the block alone, so words every report shares weigh little);
* the arguments: overlap of the nouns, names and numbers the head governs (who, whom, where)
  and of the names and numbers of the whole sentence;
* where the two sit: same document, same sentence, both reporting verbs;
* how common the head lemmas are in the block (the larger share of the two).

A logistic model over these (weights fitted on ECB+ train topics,
``evaluation/eval_ecbplus_coref.py --fit`` prints them) gives a probability per pair;
average-linkage clustering over those probabilities makes the chains, with a floor that falls
as the number of links a mean is taken over grows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from accord.lexicon import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from accord.nlp import Embedder

# Two chains join when the mean link probability between them clears
# MERGE_FLOOR + MERGE_MARGIN / sqrt(links), links = |A| * |B| the pairs the mean is taken over:
# a mean of few links is noisy, so two lone mentions need 0.6 and two chains of four 0.3.
# Chosen by topic-grouped 5-fold CV over ECB+ train and dev topics, three dealings (floor 0.15-
# 0.3 by margin 0.25-0.45; docs/accuracy.md); a fixed floor of 0.4 was best among fixed ones.
MERGE_FLOOR = 0.2
MERGE_MARGIN = 0.4
# Suffixes a stem drops: "checks" / "check", "dies" / "die", "shooting" / "shoot". Longest
# first; a stem keeps at least MIN_STEM letters ("sing" stays).
STEM_SUFFIXES = ("ings", "ing", "ies", "es", "ed", "s")
MIN_STEM = 3
# Mentions added to a block's size before a head lemma's share of it is taken, so that two
# of four mentions do not read as a lemma most reports repeat (chosen on ECB+ dev among 0 / 5
# / 10 / 20 / 40).
SHARE_PRIOR = 10
# Parts of speech whose lemmas are arguments of a head and names of a sentence.
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "NUM"})
NAME_POS = frozenset({"PROPN", "NUM"})
# Dependants that hold a compound's or a count's head: "police officer", "two men".
MODIFIER_DEPS = frozenset({"compound", "nummod"})
# Dependants whose own children are the arguments: "killed in Gaza", "shot by police".
PREPOSITION_DEPS = frozenset({"prep", "agent"})
# The pair features, in the order the weights (accord.coref_weights) read them.
FEATURES = (
    "same_lemma",
    "same_stem",
    "head_cosine",
    "phrase_cosine",
    "sentence_tfidf",
    "sentence_cosine",
    "argument_overlap",
    "name_overlap",
    "same_document",
    "same_sentence",
    "same_pos",
    "both_reporting",
    "lemma_share",
)


@dataclass(frozen=True, eq=False)
class EventMention:
    """Tokens ``[start, end)`` of one parsed sentence (``parsed``, the ``sentence``-th of
    ``document``) that name a happening; ``event`` is the document event of ``document``."""

    id: str
    document: str
    event: str
    sentence: int
    parsed: Doc
    start: int
    end: int


@dataclass(frozen=True)
class MentionTraits:
    """What a pair score reads of one mention."""

    lemma: str
    stem: str
    pos: str
    phrase: str
    sentence_text: str
    arguments: frozenset[str]
    names: frozenset[str]


def stem(word: str) -> str:
    """``word`` less the longest of ``STEM_SUFFIXES`` that leaves ``MIN_STEM`` letters."""
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def head_of(mention: EventMention) -> Token:
    """The mention token whose parse head lies outside the mention (its first, if several)."""
    doc = mention.parsed
    inside = range(mention.start, mention.end)
    heads = [i for i in inside if doc[i].head.i not in inside or doc[i].head.i == i]
    return doc[heads[0] if heads else mention.end - 1]


def arguments_of(head: Token) -> frozenset[str]:
    """Lemmas of the nouns, names and numbers ``head`` governs, through one preposition."""
    out: set[str] = set()
    for child in head.children:
        tokens = list(child.children) if child.dep_ in PREPOSITION_DEPS else [child]
        for token in tokens:
            if token.pos_ in ARGUMENT_POS:
                out.add(token.lemma_.lower())
            out.update(t.lemma_.lower() for t in token.children if t.dep_ in MODIFIER_DEPS)
    return frozenset(out)


def traits(mention: EventMention) -> MentionTraits:
    head = head_of(mention)
    doc = mention.parsed
    lemma = head.lemma_.lower()
    inside = range(mention.start, mention.end)
    return MentionTraits(
        lemma=lemma,
        stem=stem(lemma),
        pos=head.pos_,
        phrase=" ".join(t.text for t in doc[mention.start : mention.end]).lower(),
        sentence_text=doc.text,
        arguments=arguments_of(head),
        names=frozenset(t.lemma_.lower() for t in doc if t.pos_ in NAME_POS and t.i not in inside),
    )


@dataclass(frozen=True)
class Block:
    """The mentions of one document event with what their pairs are scored from: row ``i``
    of each matrix is mention ``i``."""

    mentions: tuple[EventMention, ...]
    traits: tuple[MentionTraits, ...]
    head_vectors: np.ndarray
    phrase_vectors: np.ndarray
    sentence_vectors: np.ndarray


def blocks(mentions: Sequence[EventMention], embedder: Embedder) -> list[Block]:
    """The mentions grouped by document event, with one batched embedding call for all."""
    from accord.nlp import embed

    found = [traits(m) for m in mentions]
    texts = sorted({t for f in found for t in (f.lemma, f.phrase, f.sentence_text)})
    vectors = dict(zip(texts, embed(embedder, texts), strict=True))
    grouped: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        grouped[mention.event].append(i)
    out = []
    for members in grouped.values():
        chosen = [found[i] for i in members]
        out.append(
            Block(
                tuple(mentions[i] for i in members),
                tuple(chosen),
                np.stack([vectors[t.lemma] for t in chosen]),
                np.stack([vectors[t.phrase] for t in chosen]),
                np.stack([vectors[t.sentence_text] for t in chosen]),
            )
        )
    return out


def pair_features(block: Block) -> np.ndarray:
    """One row per mention pair ``(i, j)``, ``i < j`` in ``np.triu_indices`` order, one column
    per name in ``FEATURES``."""
    from accord.events import term_similarity

    n = len(block.mentions)
    rows, cols = np.triu_indices(n, k=1)
    t = block.traits
    m = block.mentions

    def same(values: Sequence[object]) -> np.ndarray:
        codes = {v: k for k, v in enumerate(dict.fromkeys(values))}
        index = np.array([codes[v] for v in values])
        return np.asarray(index[rows] == index[cols], dtype=float)

    def cosine(vectors: np.ndarray) -> np.ndarray:
        return np.asarray((vectors[rows] * vectors[cols]).sum(axis=1), dtype=float)

    sentences = {text: k for k, text in enumerate(dict.fromkeys(x.sentence_text for x in t))}
    where = np.array([sentences[x.sentence_text] for x in t])
    tfidf = term_similarity(list(sentences), stop_words="english")[where][:, where]
    reporting = np.array([x.lemma in REPORTING_VERBS for x in t])
    # The share of the block's mentions with each head lemma: a lemma most of an event's
    # mentions carry ("said", "kill") joins less surely than a rare one.
    counts = Counter(x.lemma for x in t)
    share = np.array([counts[x.lemma] / (n + SHARE_PRIOR) for x in t])
    columns = [
        same([x.lemma for x in t]),
        same([x.stem for x in t]),
        cosine(block.head_vectors),
        cosine(block.phrase_vectors),
        tfidf[rows, cols],
        cosine(block.sentence_vectors),
        _overlap([x.arguments for x in t], rows, cols),
        _overlap([x.names for x in t], rows, cols),
        same([x.document for x in m]),
        same([(x.document, x.sentence) for x in m]),
        same([x.pos for x in t]),
        np.asarray(reporting[rows] & reporting[cols], dtype=float),
        np.maximum(share[rows], share[cols]),
    ]
    return np.stack(columns, axis=1) if n > 1 else np.zeros((0, len(FEATURES)))


def _overlap(sets: Sequence[frozenset[str]], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Jaccard overlap of the sets of each pair (0 when both are empty)."""
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*sets)))}
    member = np.zeros((len(sets), max(len(vocabulary), 1)))
    for i, words in enumerate(sets):
        member[i, [vocabulary[w] for w in words]] = 1.0
    shared = (member[rows] * member[cols]).sum(axis=1)
    union = member[rows].sum(axis=1) + member[cols].sum(axis=1) - shared
    overlap: np.ndarray = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return overlap


def link_probability(features: np.ndarray) -> np.ndarray:
    """The logistic model of ``accord.coref_weights`` over pair ``features``: its bias, its
    weight per feature and per product of two features."""
    from accord.coref_weights import BIAS, LINEAR, QUADRATIC

    quadratic = np.asarray(QUADRATIC)
    logit = BIAS + features @ np.asarray(LINEAR)
    logit += np.einsum("pi,ij,pj->p", features, quadratic, features)
    probability: np.ndarray = 1.0 / (1.0 + np.exp(-logit))
    return probability


def block_chains(
    block: Block, floor: float = MERGE_FLOOR, margin: float = MERGE_MARGIN
) -> list[frozenset[str]]:
    """Average-linkage clusters of one block's mentions over their link probabilities."""
    if len(block.mentions) < 2:
        return [frozenset(m.id for m in block.mentions)]
    return linked_chains(block, link_probability(pair_features(block)), floor, margin)


def linked_chains(
    block: Block,
    probability: np.ndarray,
    floor: float = MERGE_FLOOR,
    margin: float = MERGE_MARGIN,
) -> list[frozenset[str]]:
    """Average-linkage clusters of one block's mentions over ``probability``, one value per
    pair in ``pair_features`` order; apart from the weights, so a pair model being fitted
    can be scored as the shipped one is.

    The two chains whose mean link most clears ``floor + margin / sqrt(links)`` join first,
    until no two clear it. No library linkage takes a floor that depends on the chains'
    sizes, hence the loop: one row and column of the chain matrices change per join.
    """
    ids = [m.id for m in block.mentions]
    n = len(ids)
    if n < 2:
        return [frozenset(ids)]
    rows, cols = np.triu_indices(n, k=1)
    summed = np.zeros((n, n))  # summed link probability between two chains
    summed[rows, cols] = probability
    summed += summed.T
    size = np.ones(n)
    members = [[k] for k in range(n)]

    def clearance(links: np.ndarray, total: np.ndarray) -> np.ndarray:
        return np.asarray(total / links - floor - margin / np.sqrt(links), dtype=float)

    over = clearance(np.ones((n, n)), summed)
    np.fill_diagonal(over, -np.inf)
    while True:
        i, j = np.unravel_index(int(np.argmax(over)), over.shape)
        if over[i, j] < 0:
            break
        members[i] += members[j]
        members[j] = []
        size[i] += size[j]
        size[j] = 0
        summed[i] += summed[j]
        summed[:, i] = summed[i]
        alive = size > 0
        row = np.full(n, -np.inf)
        row[alive] = clearance(size[i] * size[alive], summed[i, alive])
        row[i] = -np.inf
        over[i] = over[:, i] = row
        over[j] = over[:, j] = -np.inf
    return [frozenset(ids[k] for k in chain) for chain in members if chain]


def corefer(
    mentions: Sequence[EventMention],
    embedder: Embedder,
    floor: float = MERGE_FLOOR,
    margin: float = MERGE_MARGIN,
) -> list[frozenset[str]]:
    """Chains of mention ids: mentions of one happening together, one chain per happening.

    Mentions of different document events never share a chain; the cost is one embedding
    call and, per event, the pairs of its own mentions.
    """
    return [c for block in blocks(mentions, embedder) for c in block_chains(block, floor, margin)]
