"""Candidate pairs among many texts at near-linear cost, and the word helpers both
alignments share (claims in :mod:`accord.align`, statements in :mod:`accord.statements`).

Candidates come from sentence embeddings, blocked with random-hyperplane LSH (Charikar 2002)
so the cost grows near-linearly: each table hashes a vector to ``bits`` sign bits, with
``bits`` grown as log2(n / TARGET_BUCKET) so buckets stay small, and a vector is compared
with its own bucket and the buckets one bit away (multi-probe; Lv et al. 2007), which keeps
recall for paraphrases whose cosine is well below 1.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

Embedder = Callable[[list[str]], np.ndarray]

LSH_TABLES = 4
TARGET_BUCKET = 32  # expected vectors per bucket: the constant behind near-linear cost
LSH_SEED = 20240101  # fixed so runs are reproducible
# A vector keeps its MAX_PARTNERS most similar candidates. A statement or claim is carried by
# a few outlets, not hundreds, and pairs are confirmed best first, so the weaker candidates of
# a vector with more than this rarely decide anything; the cap bounds the pairs (and their
# memory) at MAX_PARTNERS per vector however alike a long article's sentences are. In an
# ordinary story no sentence has this many above the blocking floor (a 100,000-character
# ECB+ article: at most 216 at 0.3), so it changes nothing there.
MAX_PARTNERS = 256
# Buckets larger than this are compared in slices (see _blocks). Above the ~724 vectors
# where hashing starts, so inputs compared all against all are never sliced.
MAX_BUCKET = 1024
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SUFFIXES = ("ing", "ed", "es", "s", "e")
MIN_STEM = 4  # "uses" -> "us" is no stem
_NUMBER_RE = re.compile(r"\d[\d,.]*\d|\d")


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
    max_partners: int = MAX_PARTNERS,
) -> Blocking:
    """Every pair with cosine >= threshold that shares a bucket (or a one-bit neighbour),
    keeping for each vector its ``max_partners`` most similar (see ``MAX_PARTNERS``)."""
    n, dim = vectors.shape
    bits = min(30, max(0, round(math.log2(max(n, 1) / target_bucket))))
    if tables * (bits + 1) >= 2**bits:  # blocking would cost more than comparing all pairs
        bits = 0
    rng = np.random.default_rng(seed)
    # hashed about their mean: one story's sentences share a direction, and hyperplanes
    # through the origin would leave them in a few huge buckets (all pairs compared)
    centred = vectors - vectors.mean(axis=0) if bits else vectors
    pairs = np.zeros((0, 2), dtype=np.int64)
    sims = np.zeros(0, dtype=vectors.dtype)
    comparisons = 0
    for _ in range(tables if bits else 1):
        planes = rng.standard_normal((dim, bits)).astype(vectors.dtype)
        codes = ((centred @ planes) > 0).astype(np.int64) @ (1 << np.arange(bits, dtype=np.int64))
        order = np.argsort(codes, kind="stable")
        keys, starts = np.unique(codes[order], return_index=True)
        members = dict(zip(keys.tolist(), np.split(order, starts[1:]), strict=True))
        found: list[np.ndarray] = [pairs]
        found_sims: list[np.ndarray] = [sims]
        for code, idx in members.items():
            neighbours = [
                members[code ^ (1 << b)]
                for b in range(bits)
                if code ^ (1 << b) > code and code ^ (1 << b) in members
            ]
            for rows, cols, same in _blocks(idx, neighbours):
                block = vectors[rows] @ vectors[cols].T
                comparisons += len(rows) * (len(rows) - 1) // 2 if same else len(rows) * len(cols)
                a, b, sim = _hits(block, threshold, same, max_partners)
                a, b = rows[a], cols[b]
                found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
                found_sims.append(sim)
        pairs, first = np.unique(np.concatenate(found), axis=0, return_index=True)
        sims = np.concatenate(found_sims)[first]
        pairs, sims = _strongest(pairs, sims, n, max_partners)
    return Blocking(pairs, sims, comparisons)


def _blocks(
    idx: np.ndarray, neighbours: list[np.ndarray]
) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """The blocks one bucket is compared in: with itself, then with each neighbour. A bucket
    over ``MAX_BUCKET`` (near-identical texts, which no hyperplane splits) is compared in
    consecutive slices, each with itself and the next, so its cost stays linear."""
    if len(idx) <= MAX_BUCKET:
        return [(idx, idx, True)] + [(idx, jdx, False) for jdx in neighbours]
    cuts = [idx[k : k + MAX_BUCKET] for k in range(0, len(idx), MAX_BUCKET)]
    inner = [(cut, cut, True) for cut in cuts]
    inner += [(cut, after, False) for cut, after in itertools.pairwise(cuts)]
    return inner + [(cut, jdx, False) for cut in cuts for jdx in neighbours]


def _hits(
    block: np.ndarray, threshold: float, same: bool, max_partners: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cells of ``block`` at or above ``threshold`` (above the diagonal when it compares a
    bucket with itself) among the ``max_partners`` most similar of their row or column."""
    hit = block >= threshold
    if same:
        np.fill_diagonal(hit, False)
        keep = _crowd_cut(hit, block, max_partners)
        keep = (keep | keep.T) & (np.arange(len(hit))[None, :] > np.arange(len(hit))[:, None])
    else:
        keep = _crowd_cut(hit, block, max_partners) | _crowd_cut(hit.T, block.T, max_partners).T
    rows, cols = np.nonzero(keep)
    return rows, cols, block[rows, cols]


def _crowd_cut(hit: np.ndarray, block: np.ndarray, max_partners: int) -> np.ndarray:
    """``hit`` with each row of more than ``max_partners`` cut to its most similar cells."""
    crowded = np.flatnonzero(hit.sum(axis=1) > max_partners)
    if not len(crowded):
        return hit
    hit = hit.copy()
    values = np.where(hit[crowded], block[crowded], -np.inf)
    weaker = np.argpartition(-values, max_partners, axis=1)[:, max_partners:]
    hit[crowded[:, None], weaker] = False
    return hit


def _strongest(
    pairs: np.ndarray, sims: np.ndarray, n: int, max_partners: int
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs among the ``max_partners`` most similar of either member (all of them
    when no vector has more partners than that)."""
    degree = np.bincount(pairs.ravel(), minlength=n)
    if not len(pairs) or degree.max() <= max_partners:
        return pairs, sims
    owner = pairs.T.ravel()  # each pair once from each end: row k and row k + len(pairs)
    closeness = np.concatenate([sims, sims])
    order = np.lexsort((-closeness, owner))  # by owner, most similar first
    first = np.searchsorted(owner[order], owner[order], side="left")
    ranked = order[np.arange(len(order)) - first < max_partners]
    keep = np.zeros(len(pairs), dtype=bool)
    keep[ranked % len(pairs)] = True
    return pairs[keep], sims[keep]


class UnionFind:
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
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOP_WORDS and len(w) > 2}


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


def embedder_or_default(embedder: Embedder | None) -> Embedder:
    """``embedder``, else the packaged one loaded for this call (seconds: a caller that
    aligns more than once passes its :class:`accord.nlp.Models` embedder instead)."""
    if embedder is not None:
        return embedder
    from accord.nlp import load_embedder

    return load_embedder()


def normal_words(text: str) -> str:
    return " ".join(words(text))
