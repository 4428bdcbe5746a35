"""Per-article extraction: figures, quotes, dates, sentences and their predicates, each a
module of its own.

Every extractor is a plain function ``find_*(article, blocks) -> list[Mention]`` over the
article's parsed paragraphs (see :func:`accord.nlp.parse_blocks`), so each article is parsed
once and every mention's span is an offset into the article's original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from accord.extract.dates import find_dates
from accord.extract.figures import find_figures, quantified_sentences
from accord.extract.incident import with_frames
from accord.extract.predicates import find_predicates
from accord.extract.quotes import find_quotes
from accord.extract.victims import find_victims
from accord.model import Article, Extraction, Span
from accord.nlp import Block, parse_blocks

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["extract_all", "extract_blocks", "find_dates", "find_figures", "find_quotes"]


def sentences_of(blocks: list[Block]) -> list[Span]:
    """Sentence spans, trimmed of surrounding whitespace, in text order."""
    return [span for block in blocks for _, span in block.sentences()]


def extract_blocks(article: Article, blocks: list[Block]) -> Extraction:
    """Run every extractor on one parsed article; each figure carries its incident frame
    (its time slot reads the article's date mentions, so dates are found first), and the
    victims named without a number are kept for the article's own incident."""
    dates = find_dates(article, blocks)
    quantified = quantified_sentences(blocks)  # figures and their frames read the same phrases
    figures = find_figures(article, blocks, quantified)
    return Extraction(
        article=article.id,
        sentences=tuple(sentences_of(blocks)),
        figures=tuple(with_frames(figures, blocks, dates, quantified)),
        quotes=tuple(find_quotes(article, blocks)),
        dates=tuple(dates),
        victims=tuple(find_victims(blocks)),
        predicates=tuple(find_predicates(blocks)),
    )


def extract_all(articles: Iterable[Article], nlp: Language) -> Iterator[Extraction]:
    """Parse and extract each article; yields one :class:`Extraction` per article, in order."""
    articles = list(articles)
    for article, blocks in zip(articles, parse_blocks(articles, nlp), strict=True):
        yield extract_blocks(article, blocks)
