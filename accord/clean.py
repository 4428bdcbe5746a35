"""Cleaning: find the scraper noise in an article and record it, never cut it.

``clean_article(article, embedder)`` returns the article with ``removed`` filled: segments of
``original`` (offsets plus a reason from :mod:`accord.noise`) that later stages skip by
working on ``Article.masked()``. ``original`` itself is never touched, and no two segments
overlap. The first non-empty line is the title and always stays.

Three kinds of evidence, applied in order (an earlier claim on a character wins):

1. one line at a time, by pattern (:func:`accord.noise.line_reason`), with the link lists
   under a "Trending" or "More from" heading taken as one block;
2. context: photo credits closing a paragraph and the captions beside a credit, and a
   multi-sentence paragraph repeated verbatim (the second copy goes);
3. meaning: a tail of paragraphs about other news, found by comparing each paragraph's
   sentence embedding with the centroid of the article's lead (an :data:`accord.nlp.Embedder`).
   The title, lead and last paragraph are embedded first; the paragraphs between them only
   when the last one is far from the lead (a tail always holds the last paragraph).

The vectors computed for (3) come back with the article (:class:`Cleaned`), so reprint
detection reuses them instead of embedding the same paragraphs again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from accord import noise
from accord.model import Article, Removed
from accord.vocab import RemovalReason

if TYPE_CHECKING:
    from accord.nlp import Embedder

# Captions are one sentence; a photo's description seldom runs past this many words, and
# prose beside a credit that is longer or has more sentences is kept (conservative).
MAX_CAPTION_WORDS = 50
# A caption *below* a credit line must be shorter still: the first paragraph of a story often
# follows a lead photo's credit, and a story's sentences run longer than this.
MAX_CAPTION_AFTER_CREDIT_WORDS = 10
# An image's title or alt text printed above its caption: a short label without punctuation.
MAX_IMAGE_LABEL_WORDS = 8

# Off-topic tail. Lines shorter than this (datelines, subheadings) carry too little meaning
# to embed reliably; they are neither lead nor judged.
MIN_EMBED_WORDS = 8
# The lead is the title plus the first few story paragraphs (news puts the story up top).
LEAD_PARAGRAPHS = 3
# Cosine similarity to the lead's centroid (all-MiniLM-L6-v2), calibrated on stories written
# for tests/test_clean.py and checked on the seeds. A story's own paragraphs mostly score
# 0.3-0.95, but a closing paragraph that drifts (the weather outlook after a flood) can
# score 0.11; news about other things scores -0.06-0.10 when unrelated and up to 0.19 when
# near in subject (another war's air strikes after a war story). Below a "More from"-type
# heading the page itself says the story is over, so a loose bar is safe there; at the end
# of a text with no such heading only a tail far from the lead AND from the whole story
# before it goes. Paragraphs are embedded by the int8 weights (nlp.PARAGRAPH_PRECISION), on
# which a paragraph far from the lead scores a little higher than on fp32 (whose bar at the
# end is 0.12): at 0.13, 7 of 2,307 real and bench articles are cleaned otherwise than by
# fp32 at 0.12 (docs/performance.md); the heading's bar gives the same decisions 0.28-0.32.
OFF_TOPIC_AFTER_BOUNDARY = 0.30
OFF_TOPIC_AT_END = 0.13


@dataclass(frozen=True)
class _Line:
    """One non-empty line: ``original[start:end] == text`` (surrounding blanks trimmed)."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class _Plan:
    """What cleaning has found in one article so far."""

    article: Article
    lines: list[_Line]
    # line index -> whole-line reason
    reasons: dict[int, RemovalReason] = field(default_factory=dict)
    segments: list[Removed] = field(default_factory=list)  # everything claimed, no overlaps

    def claim(self, start: int, end: int, reason: RemovalReason) -> None:
        """Record ``start:end`` as removed, except the parts already claimed."""
        pos = start
        for seg in sorted(self.segments, key=lambda s: s.start):
            if seg.end <= pos or seg.start >= end:
                continue
            self._add(pos, seg.start, reason)
            pos = max(pos, seg.end)
        self._add(pos, end, reason)

    def _add(self, start: int, end: int, reason: RemovalReason) -> None:
        piece = self.article.original[start:end]
        if start < end and piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            self.segments.append(Removed(start + lead, end - trail, reason))

    def kept(self, line: _Line) -> bool:
        """No rule has touched this line."""
        return line.index not in self.reasons and not any(
            s.start < line.end and s.end > line.start for s in self.segments
        )


def split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip())
            lines.append(_Line(len(lines), start, start + len(stripped), stripped))
    return lines


# --- 1. lines by pattern ---------------------------------------------------------------------


def _mark_lines(plan: _Plan) -> None:
    block: RemovalReason | None = None  # the reason of the heading whose link list we are in
    for line in plan.lines[1:]:  # the title stays
        reason = noise.line_reason(line.text)
        if reason is None and block is not None and noise.is_link_like(line.text):
            reason = block
        if reason is not None:
            plan.reasons[line.index] = reason
        block = (
            reason
            if reason in noise.BLOCK_HEADINGS
            and (block == reason or noise.is_block_heading(line.text))
            else None
        )
    for line in plan.lines[1:]:
        for marker in noise.AD_MARKER_INLINE.finditer(line.text):
            plan.claim(
                line.start + marker.start(), line.start + marker.end(), RemovalReason.AD_MARKER
            )


# --- 2. context: captions, credits, repeats --------------------------------------------------


def _is_caption_text(text: str, max_words: int) -> bool:
    return noise.words(text) <= max_words and noise.sentence_count(text) == 1


def _is_caption_beside(text: str, max_words: int) -> bool:
    """A line beside a credit line is a caption only if it is one short sentence and not
    reported speech (captions describe a picture; they seldom quote anyone)."""
    return _is_caption_text(text, max_words) and not noise.is_reported_speech(text)


def _mark_captions(plan: _Plan) -> None:
    lines, captions = plan.lines, set[int]()
    for line in lines[1:]:
        if not plan.kept(line):
            continue
        tail = noise.credit_tail(line.text)
        if tail is not None:
            plan.claim(line.start + tail.start(), line.end, RemovalReason.PHOTO_CREDIT)
            body = line.text[: tail.start()].rstrip()
            if _is_caption_text(body, MAX_CAPTION_WORDS):
                plan.claim(line.start, line.start + len(body), RemovalReason.CAPTION)
                captions.add(line.index)
    credits = [i for i, r in plan.reasons.items() if r == RemovalReason.PHOTO_CREDIT]
    for i in credits:
        before = lines[i - 1] if i - 1 > 0 else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if before and plan.kept(before) and _is_caption_beside(before.text, MAX_CAPTION_WORDS):
            plan.reasons[before.index] = RemovalReason.CAPTION
            captions.add(before.index)
        if (
            after
            and plan.kept(after)
            and _is_caption_beside(after.text, MAX_CAPTION_AFTER_CREDIT_WORDS)
        ):
            plan.reasons[after.index] = RemovalReason.CAPTION
    for i in sorted(captions):
        label = lines[i - 1] if i - 1 > 0 else None
        if (
            label
            and plan.kept(label)
            and noise.words(label.text) <= MAX_IMAGE_LABEL_WORDS
            and not noise.ends_like_sentence(label.text)
        ):
            plan.reasons[label.index] = RemovalReason.CAPTION


def _mark_duplicates(plan: _Plan) -> None:
    seen: set[str] = set()
    for line in plan.lines[1:]:
        if not plan.kept(line) or noise.sentence_count(line.text) < 2:
            continue
        key = " ".join(line.text.split())
        if key in seen:
            plan.reasons[line.index] = RemovalReason.DUPLICATE
        seen.add(key)


def _claim_lines(plan: _Plan) -> None:
    for index, reason in sorted(plan.reasons.items()):
        line = plan.lines[index]
        plan.claim(line.start, line.end, reason)


def _plan(article: Article) -> _Plan:
    plan = _Plan(article, split_lines(article.original))
    _mark_lines(plan)
    _mark_captions(plan)
    _mark_duplicates(plan)
    _claim_lines(plan)
    return plan


# --- 3. meaning: the off-topic tail ----------------------------------------------------------


def _paragraphs(plan: _Plan) -> list[_Line]:
    """The kept lines long enough to embed (after the title)."""
    return [
        ln for ln in plan.lines[1:] if plan.kept(ln) and noise.words(ln.text) >= MIN_EMBED_WORDS
    ]


def _embed_texts(plan: _Plan) -> list[str]:
    """The title first, then every paragraph that may be judged; nothing when an article is
    too short to have a tail apart from its lead (so short texts never load the embedder)."""
    paragraphs = _paragraphs(plan)
    if len(paragraphs) <= LEAD_PARAGRAPHS:
        return []
    return [plan.lines[0].text] + [ln.text for ln in paragraphs]


def _boundary(plan: _Plan) -> int:
    """The line index of the last "More from"-type heading (-1 when there is none)."""
    return max((i for i, r in plan.reasons.items() if r == RemovalReason.MORE_FROM), default=-1)


def _probe_texts(plan: _Plan) -> list[str]:
    """What decides most articles: the title, the lead, the last paragraph and those after a
    "More from" heading. A tail at the end always holds the last paragraph, so when that one
    is near the lead, no paragraph between needs a vector."""
    paragraphs = _paragraphs(plan)
    if len(paragraphs) <= LEAD_PARAGRAPHS:
        return []
    texts = [plan.lines[0].text, *(ln.text for ln in paragraphs[:LEAD_PARAGRAPHS])]
    boundary = _boundary(plan)
    if boundary > paragraphs[LEAD_PARAGRAPHS - 1].index:
        texts += [ln.text for ln in paragraphs if ln.index > boundary]
    texts.append(paragraphs[-1].text)
    return list(dict.fromkeys(texts))


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float((vector @ vector) ** 0.5), 1e-9)


def _to_lead(plan: _Plan, vectors: Mapping[str, np.ndarray], lines: list[_Line]) -> np.ndarray:
    """Cosines of ``lines`` to the centroid of the title and the lead paragraphs."""
    lead = [plan.lines[0], *_paragraphs(plan)[:LEAD_PARAGRAPHS]]
    centroid = _unit(np.mean([vectors[ln.text] for ln in lead], axis=0))
    return np.array([float(vectors[ln.text] @ centroid) for ln in lines], dtype=np.float32)


def _after_boundary_start(plan: _Plan, vectors: Mapping[str, np.ndarray]) -> int | None:
    """The first paragraph below a "More from" heading when every one there is off-topic."""
    paragraphs = _paragraphs(plan)
    boundary = _boundary(plan)
    if boundary <= paragraphs[LEAD_PARAGRAPHS - 1].index:
        return None
    after = [ln for ln in paragraphs if ln.index > boundary]
    if after and all(_to_lead(plan, vectors, after) < OFF_TOPIC_AFTER_BOUNDARY):
        return after[0].index
    return None


def _needs_every_paragraph(plan: _Plan, probed: Mapping[str, np.ndarray]) -> bool:
    """Whether the probe vectors leave the article undecided (see :func:`_probe_texts`)."""
    if not probed or _after_boundary_start(plan, probed) is not None:
        return False
    last = _paragraphs(plan)[-1]
    return bool(_to_lead(plan, probed, [last])[0] < OFF_TOPIC_AT_END)


def _off_topic_start(plan: _Plan, vectors: Mapping[str, np.ndarray]) -> int | None:
    """The line index where the off-topic tail begins, or ``None`` if there is none.

    ``vectors`` holds, by text, the probe texts' embeddings and, when those leave the
    article undecided, those of every paragraph of :func:`_paragraphs`.
    """
    found = _after_boundary_start(plan, vectors)
    if found is not None or not _needs_every_paragraph(plan, vectors):
        return found
    paragraphs = _paragraphs(plan)
    rows = np.stack([vectors[t] for t in _embed_texts(plan)])
    to_lead = _to_lead(plan, vectors, paragraphs)
    for k in range(LEAD_PARAGRAPHS, len(paragraphs)):
        # the run k..end must be far from the lead and from the whole story before it
        to_story = rows[1 + k :] @ _unit(rows[: 1 + k].mean(axis=0))
        if all(to_lead[k:] < OFF_TOPIC_AT_END) and all(to_story < OFF_TOPIC_AT_END):
            return paragraphs[k].index
    return None


def _claim_off_topic(plan: _Plan, start_line: int | None) -> None:
    if start_line is not None:
        plan.claim(
            plan.lines[start_line].start, len(plan.article.original), RemovalReason.OFF_TOPIC
        )


# --- entry points ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cleaned:
    """A cleaned article and the vectors cleaning computed, keyed by the exact text embedded
    (the title, lead and last paragraphs, and every long paragraph of an article they left
    undecided; empty when the article was too short to judge)."""

    article: Article
    vectors: dict[str, np.ndarray]


def clean_articles(articles: Iterable[Article], embedder: Embedder) -> list[Cleaned]:
    """Clean many articles: one embedding call for the probe texts of them all, and one for
    the paragraphs of the articles those leave undecided."""
    plans = [_plan(article) for article in articles]
    vectors = _embedded(embedder, [_probe_texts(plan) for plan in plans])
    undecided = [
        _embed_texts(plan) if _needs_every_paragraph(plan, mine) else []
        for plan, mine in zip(plans, vectors, strict=True)
    ]
    more = _embedded(
        embedder,
        [
            [t for t in texts if t not in mine]
            for texts, mine in zip(undecided, vectors, strict=True)
        ],
    )
    cleaned: list[Cleaned] = []
    for plan, mine, extra in zip(plans, vectors, more, strict=True):
        mine = {**mine, **extra}
        if mine:
            _claim_off_topic(plan, _off_topic_start(plan, mine))
        cleaned.append(Cleaned(plan.article.with_removed(plan.segments), mine))
    return cleaned


def _embedded(embedder: Embedder, texts: list[list[str]]) -> list[dict[str, np.ndarray]]:
    """Each article's texts with their vectors, from one call over them all."""
    from accord.nlp import embed

    vectors = embed(embedder, [t for batch in texts for t in batch])
    out: list[dict[str, np.ndarray]] = []
    offset = 0
    for batch in texts:
        out.append(dict(zip(batch, vectors[offset : offset + len(batch)], strict=True)))
        offset += len(batch)
    return out


def clean_article(article: Article, embedder: Embedder) -> Article:
    """The article with every piece of noise recorded in ``removed`` (``original`` untouched)."""
    return clean_articles([article], embedder)[0].article


def removed_by_reason(articles: Sequence[Article]) -> dict[RemovalReason, int]:
    """How many segments each reason removed, over ``articles`` (for reports and docs)."""
    counts: dict[RemovalReason, int] = {}
    for article in articles:
        for seg in article.removed:
            counts[seg.reason] = counts.get(seg.reason, 0) + 1
    return dict(sorted(counts.items()))
