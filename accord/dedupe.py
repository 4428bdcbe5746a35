"""Reprints and rewrites: which articles are copies of another, so they do not count twice.

* **reprint** — near-duplicate text: MinHash LSH (datasketch) over word 5-shingles of whole
  articles, or most paragraphs of one found near-verbatim in the other (paragraph MinHash);
* **rewrite** — the same paragraphs in the same order, reworded: most paragraphs have an
  embedding match in the other article and the matches run mostly forward;
* **wire** — both carry the same wire-service credit ("(AP)", "Reuters contributed to this
  report") and share a good part of their text: a weaker similarity is then enough.

The earlier-published article (else the first given) is the original; a copy's
``derived_from`` points at the root of its chain, never at another copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from accord.model import Article
from accord.vocab import Derivation

Embedder = Callable[[list[str]], np.ndarray]

SHINGLE_WORDS = 5  # w-shingles of 5 words (Broder 1997 used 10; news paragraphs are short)
# A paragraph is ~20-40 words: one changed word kills `size` shingles, so shorter ones there.
PARAGRAPH_SHINGLE_WORDS = 3
NUM_PERM = 128  # datasketch default; Jaccard estimate error ~ 1/sqrt(128) ≈ 0.09
REPRINT_JACCARD = 0.7  # whole-article shingle overlap of a lightly edited copy
PARAGRAPH_JACCARD = 0.5  # one changed word in a 16-word paragraph leaves 3-shingle J ≈ 0.6
MIN_PARAGRAPH_WORDS = 8  # shorter lines (bylines, captions) are not evidence of copying
COPIED_SHARE = 0.6  # share of paragraphs copied (or matched) to call a whole article a copy
REWRITE_SIMILARITY = 0.8  # paragraph cosine of a reworded paragraph (all-MiniLM-L6-v2)
IN_ORDER_SHARE = 0.7  # share of consecutive matches that move forward in the original
WIRE_SHARE = 0.35  # with a shared wire credit, this share of matched paragraphs suffices
SEED = 1  # MinHash permutations, fixed so ids and results are reproducible

# Wire services and how they credit themselves in a dateline or a tag line.
WIRE_SERVICES = {
    "AP": r"\(AP\)|Associated Press",
    "Reuters": r"\(Reuters\)|Reuters contributed|\bReuters reported\b|— Reuters",
    "AFP": r"\(AFP\)|Agence France-Presse|AFP contributed",
    "UPI": r"\(UPI\)|United Press International",
    "dpa": r"\(dpa\)",
}
_WIRE_RE = {name: re.compile(pattern) for name, pattern in WIRE_SERVICES.items()}
_WORD_RE = re.compile(r"\w+")


def wire_credits(text: str) -> set[str]:
    """The wire services an article credits (the evidence for ``derivation="wire"``)."""
    return {name for name, pattern in _WIRE_RE.items() if pattern.search(text)}


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    tokens = [t.lower() for t in _WORD_RE.findall(text)]
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """An empty MinHash: its permutations (drawn from ``SEED``) are shared by every sketch."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def minhash(text: str, size: int = SHINGLE_WORDS) -> MinHash:
    """The MinHash of ``text``'s word ``size``-shingles (all shingles hashed in one batch; the
    same values as updating one shingle at a time)."""
    template = _template()
    mh = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme
    )
    mh.update_batch([shingle.encode("utf-8") for shingle in shingles(text, size)])
    return mh


@lru_cache(maxsize=4_096)
def text_minhash(text: str) -> MinHash:
    """The sketch of a whole article's text (5-shingles), remembered as paragraphs' are."""
    return minhash(text, SHINGLE_WORDS)


# Reprint detection in the corpus store sees a story's recent members again with every batch
# that adds to the story, so paragraph sketches are remembered (~1.2 KB each).
@lru_cache(maxsize=16_384)
def paragraph_minhash(text: str) -> MinHash:
    """The sketch of one paragraph (3-shingles); callers must not update it."""
    return minhash(text, PARAGRAPH_SHINGLE_WORDS)


def paragraphs(article: Article) -> list[str]:
    kept = (article.original[s:e] for s, e in article.kept_blocks())
    return [p for p in kept if len(p.split()) >= MIN_PARAGRAPH_WORDS]


@cache
def _bands(threshold: float) -> tuple[int, int]:
    """The (bands, rows) datasketch picks for ``threshold``: it integrates the error curves
    for every split of NUM_PERM on each construction (~50 ms), so the choice is kept."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _lsh(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))


@dataclass(frozen=True)
class Copy:
    """One article found to derive from another."""

    copy: int
    original: int
    derivation: Derivation


def _order(articles: Sequence[Article]) -> list[int]:
    return sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or date.min, i),
    )


def paragraph_matches(copy: np.ndarray, original: np.ndarray) -> tuple[float, float]:
    """Share of the copy's paragraphs with an embedding match in the original, and the share
    of consecutive matches that move forward (the sequence is kept)."""
    if len(copy) == 0 or len(original) == 0:
        return 0.0, 0.0
    sims = copy @ original.T
    best = sims.argmax(axis=1)
    matched = sims.max(axis=1) >= REWRITE_SIMILARITY
    hits = best[matched]
    forward = float(np.mean(np.diff(hits) > 0)) if len(hits) > 1 else 1.0
    return float(matched.mean()), forward


def find_copies(articles: Sequence[Article], embedder: Embedder | None = None) -> list[Copy]:
    """Every (copy, original) pair, earliest article first as the original."""
    order = _order(articles)
    rank = {i: r for r, i in enumerate(order)}
    texts = [a.masked() for a in articles]
    paras = [paragraphs(a) for a in articles]
    whole = _lsh(REPRINT_JACCARD)
    part = _lsh(PARAGRAPH_JACCARD)
    hashes = [text_minhash(t) for t in texts]
    para_hashes = [[paragraph_minhash(p) for p in ps] for ps in paras]
    for i, mh in enumerate(hashes):
        whole.insert(str(i), mh)
        for k, pmh in enumerate(para_hashes[i]):
            part.insert(f"{i}:{k}", pmh)
    found: dict[int, Copy] = {}
    for i in order:
        for key in whole.query(hashes[i]):
            j = int(key)
            if rank[j] < rank[i] and i not in found:
                found[i] = Copy(i, j, Derivation.REPRINT)
        copied: dict[int, int] = {}
        for pmh in para_hashes[i]:
            keys = part.query(pmh)
            for j in {int(k.split(":")[0]) for k in keys}:
                if rank[j] < rank[i]:
                    copied[j] = copied.get(j, 0) + 1
        for j, count in sorted(copied.items(), key=lambda kv: rank[kv[0]]):
            if i not in found and count >= COPIED_SHARE * len(paras[i]):
                found[i] = Copy(i, j, Derivation.REPRINT)
    found.update(_rewrites(articles, paras, order, rank, found, embedder))
    return sorted(found.values(), key=lambda c: rank[c.copy])


def _rewrites(
    articles: Sequence[Article],
    paras: list[list[str]],
    order: list[int],
    rank: dict[int, int],
    found: dict[int, Copy],
    embedder: Embedder | None,
) -> dict[int, Copy]:
    """Reworded copies, by the embeddings of their paragraph sequences."""
    todo = [i for i in order if i not in found and paras[i]]
    if len(todo) < 2:
        return {}
    if embedder is None:
        embedder = _cached_embed
    flat = [p for i in order for p in paras[i]]
    vectors = embedder(flat)
    spans: dict[int, np.ndarray] = {}
    pos = 0
    for i in order:
        spans[i] = vectors[pos : pos + len(paras[i])]
        pos += len(paras[i])
    credits = [wire_credits(a.masked()) for a in articles]
    out: dict[int, Copy] = {}
    for i in todo:
        for j in order:
            if rank[j] >= rank[i] or j in out:
                continue
            share, forward = paragraph_matches(spans[i], spans[j])
            if share >= COPIED_SHARE and forward >= IN_ORDER_SHARE:
                out[i] = Copy(i, j, Derivation.REWRITE)
                break
            if credits[i] & credits[j] and share >= WIRE_SHARE:
                out[i] = Copy(i, j, Derivation.WIRE)
                break
    return out


def _cached_embed(texts: list[str]) -> np.ndarray:
    """Paragraph vectors, reusing those cleaning (or an earlier call) computed."""
    from accord.nlp import embed

    return embed(texts, cache=True)


def mark_derived(articles: Sequence[Article], embedder: Embedder | None = None) -> list[Article]:
    """Set ``derived_from`` (the root original) and ``derivation`` on every copy."""
    parent = {c.copy: (c.original, c.derivation) for c in find_copies(articles, embedder)}
    out = list(articles)
    for i, (j, derivation) in parent.items():
        seen = {i}
        while j in parent and j not in seen:  # follow the chain to its root
            seen.add(j)
            j = parent[j][0]
        out[i] = replace(articles[i], derived_from=articles[j].id, derivation=derivation)
    return out
