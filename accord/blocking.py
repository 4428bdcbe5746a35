"""Candidate pairs among many texts at near-linear cost, and the word helpers both
alignments share (claims in :mod:`accord.align`, statements in :mod:`accord.statements`).

Candidates come from sentence embeddings, blocked with random-hyperplane LSH (Charikar 2002)
so the cost grows near-linearly: each table hashes a vector to ``bits`` sign bits, with
``bits`` grown as log2(n / TARGET_BUCKET) so buckets stay small, and a vector is compared
with its own bucket and the buckets one bit away (multi-probe; Lv et al. 2007), which keeps
recall for paraphrases whose cosine is well below 1.
"""

from __future__ import annotations

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
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


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


def embedder_or_default(embedder: Embedder | None) -> Embedder:
    """``embedder``, else the packaged one loaded for this call (seconds: a caller that
    aligns more than once passes its :class:`accord.nlp.Models` embedder instead)."""
    if embedder is not None:
        return embedder
    from accord.nlp import load_embedder

    return load_embedder()


def normal_words(text: str) -> str:
    return " ".join(words(text))
