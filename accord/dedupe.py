"""Reprints and rewrites: which articles are copies of another, so they do not count twice.

* **reprint** — near-duplicate text: MinHash LSH (datasketch) over word 5-shingles of whole
  articles, or most paragraphs of one found near-verbatim in the other (paragraph MinHash);
* **rewrite** — the same paragraphs in the same order, reworded: most paragraphs have an
  embedding match in the other article and the matches run mostly forward;
* **wire** — both carry the same wire-service credit ("(AP)", "Reuters contributed to this
  report") and share a good part of their text: a weaker similarity is then enough.

The earlier-published article (else the first given) is the original; a copy's
``derived_from`` points at the root of its chain, never at another copy.

Paragraph vectors come in with the articles (``known``: what cleaning computed, see
:class:`accord.process.ProcessedArticle`); only paragraphs without one are embedded, in one
call, and only when some article is left for the rewrite test after MinHash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

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
# Paragraph cosine of a reworded paragraph (all-MiniLM-L6-v2 on the int8 weights of
# accord.nlp.PARAGRAPH_PRECISION; 0.8 on fp32): 9 of 972 ECB+ train/dev and bench decisions
# differ from fp32's at 0.8, the fewest of 0.78-0.81 (docs/performance.md).
REWRITE_SIMILARITY = 0.79
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


# An empty MinHash whose permutations (drawn from SEED) every sketch shares; never updated.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)
# The (bands, rows) split datasketch's MinHashLSH picks for NUM_PERM at each threshold (it
# integrates the false-positive and false-negative curves for every split, ~50 ms a time);
# tests/test_dedupe.py checks these against datasketch.
LSH_BANDS = {REPRINT_JACCARD: (14, 9), PARAGRAPH_JACCARD: (25, 5)}


def minhash(text: str, size: int = SHINGLE_WORDS) -> MinHash:
    """The MinHash of ``text``'s word ``size``-shingles (all shingles hashed in one batch; the
    same values as updating one shingle at a time)."""
    mh = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme
    )
    mh.update_batch([shingle.encode("utf-8") for shingle in shingles(text, size)])
    return mh


def paragraphs(article: Article) -> list[str]:
    kept = (article.original[s:e] for s, e in article.kept_blocks())
    return [p for p in kept if len(p.split()) >= MIN_PARAGRAPH_WORDS]


def _lsh(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=LSH_BANDS[threshold])


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


def find_copies(
    articles: Sequence[Article],
    embedder: Embedder,
    known: Sequence[Mapping[str, np.ndarray]] = (),
) -> list[Copy]:
    """Every (copy, original) pair, earliest article first as the original.

    ``known[i]`` holds paragraph vectors already computed for ``articles[i]``, by text;
    ``embedder`` embeds the rest, once each, when the rewrite test needs them.
    """
    order = _order(articles)
    rank = {i: r for r, i in enumerate(order)}
    texts = [a.masked() for a in articles]
    paras = [paragraphs(a) for a in articles]
    whole = _lsh(REPRINT_JACCARD)
    part = _lsh(PARAGRAPH_JACCARD)
    hashes = [minhash(t, SHINGLE_WORDS) for t in texts]
    sketches = {p: minhash(p, PARAGRAPH_SHINGLE_WORDS) for ps in paras for p in ps}
    para_hashes = [[sketches[p] for p in ps] for ps in paras]
    for i, mh in enumerate(hashes):
        whole.insert(str(i), mh)
        for k, pmh in enumerate(para_hashes[i]):
            part.insert(f"{i}:{k}", pmh)
    found: dict[int, Copy] = {}
    for i in order:
        # LSH answers in set order: the earliest original wins whatever the hash seed
        for j in sorted((int(key) for key in whole.query(hashes[i])), key=rank.__getitem__):
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
    vectors = _VectorSource.over(embedder, known)
    found.update(_rewrites(articles, paras, order, rank, found, vectors))
    return sorted(found.values(), key=lambda c: rank[c.copy])


def _rewrites(
    articles: Sequence[Article],
    paras: list[list[str]],
    order: list[int],
    rank: dict[int, int],
    found: dict[int, Copy],
    vectors: _VectorSource,
) -> dict[int, Copy]:
    """Reworded copies, by the embeddings of their paragraph sequences.

    An article's paragraphs are embedded when a pair first needs them: a copy matched to an
    early original never asks for the later candidates' vectors.
    """
    todo = [i for i in order if i not in found and paras[i]]
    if len(todo) < 2:
        return {}
    credits = [wire_credits(a.masked()) for a in articles]
    out: dict[int, Copy] = {}
    spans: dict[int, np.ndarray] = {}
    for i in todo:
        for j in order:
            if rank[j] >= rank[i]:
                break
            if j in out:
                continue
            spans.update(vectors.of(paras, [k for k in (i, j) if k not in spans]))
            share, forward = paragraph_matches(spans[i], spans[j])
            if share >= COPIED_SHARE and forward >= IN_ORDER_SHARE:
                out[i] = Copy(i, j, Derivation.REWRITE)
                break
            if credits[i] & credits[j] and share >= WIRE_SHARE:
                out[i] = Copy(i, j, Derivation.WIRE)
                break
    return out


@dataclass(frozen=True)
class _VectorSource:
    """Paragraph vectors by text: those given, and the embedder for the rest, each text
    embedded once per call of :func:`find_copies`."""

    embedder: Embedder
    given: dict[str, np.ndarray]

    @classmethod
    def over(cls, embedder: Embedder, known: Sequence[Mapping[str, np.ndarray]]) -> _VectorSource:
        """A vector is its text's, whichever article brought it: a reprint's paragraph
        reuses the one its original's cleaning computed."""
        return cls(embedder, {text: vector for k in known for text, vector in k.items()})

    def of(self, paras: list[list[str]], chosen: list[int]) -> dict[int, np.ndarray]:
        """The ``chosen`` articles' paragraph vectors (rows in paragraph order); the texts
        no one computed yet are embedded in one call."""
        given = self.given
        missing = list(dict.fromkeys(p for i in chosen for p in paras[i] if p not in given))
        if missing:
            given.update(zip(missing, self.embedder(missing), strict=True))
        return {i: _rows([given[p] for p in paras[i]]) for i in chosen}


class VectorPool:
    """Paragraph vectors by text, for a caller that keeps them: those given, and those
    :meth:`embed` computed (pass it to :func:`mark_derived` as the embedder)."""

    def __init__(self, embedder: Embedder, known: Sequence[Mapping[str, np.ndarray]] = ()):
        self._embedder = embedder
        self._vectors = {text: vector for k in known for text, vector in k.items()}

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self._embedder(texts)
        self._vectors.update(zip(texts, vectors, strict=True))
        return vectors

    def of(self, article: Article) -> dict[str, np.ndarray]:
        """The vectors held for the paragraphs reprint detection reads in ``article``."""
        return {p: self._vectors[p] for p in paragraphs(article) if p in self._vectors}


def _rows(vectors: list[np.ndarray | None]) -> np.ndarray:
    """One matrix of vectors (an article without paragraphs gives an empty one)."""
    if not vectors:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([np.asarray(v, dtype=np.float32) for v in vectors])


def mark_derived(
    articles: Sequence[Article],
    embedder: Embedder,
    known: Sequence[Mapping[str, np.ndarray]] = (),
) -> list[Article]:
    """Set ``derived_from`` (the root original) and ``derivation`` on every copy (``known``
    and ``embedder``: see :func:`find_copies`)."""
    copies = find_copies(articles, embedder, known)
    parent = {c.copy: (c.original, c.derivation) for c in copies}
    out = list(articles)
    for i, (j, derivation) in parent.items():
        seen = {i}
        while j in parent and j not in seen:  # follow the chain to its root
            seen.add(j)
            j = parent[j][0]
        out[i] = replace(articles[i], derived_from=articles[j].id, derivation=derivation)
    return out
