"""Per-article isolation: one article that breaks a stage never stops the batch.

Stages that work on many articles at once (cleaning embeds a group's paragraphs in one
call, parsing pipes a batch through spaCy) first try the whole group; when it fails, each
article of the group is tried alone, so only the one that breaks is skipped and the others
keep results identical to a batched run. Every failure becomes an
:class:`~accord.errors.ArticleFailure`; with ``strict`` the exception propagates instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from accord.errors import ArticleFailure, Stage
from accord.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.clean import Cleaned
    from accord.nlp import Block, Embedder

T = TypeVar("T")


class Failures(list[ArticleFailure]):
    """The failures of one run, in the order they happened; each article at most once."""

    def __init__(self, strict: bool = False) -> None:
        super().__init__()
        self.strict = strict

    def guard(self, stage: Stage, article: Article, work: Callable[[], T]) -> T | None:
        """``work()``, or None with the failure recorded (re-raised when strict)."""
        try:
            return work()
        except Exception as exc:
            if self.strict:
                raise
            self.append(ArticleFailure.of(exc, article.source, article.id, stage))
            return None


def per_article(
    stage: Stage,
    articles: Sequence[Article],
    batch: Callable[[Sequence[Article]], list[T]],
    failures: Failures,
) -> list[tuple[Article, T]]:
    """``batch(articles)`` paired with its articles; on failure, each article alone."""
    try:
        return list(zip(articles, batch(articles), strict=True))
    except Exception:
        if failures.strict:
            raise
    done: list[tuple[Article, T]] = []
    for article in articles:
        found = failures.guard(stage, article, partial(batch, [article]))
        if found is not None:
            done.append((article, found[0]))
    return done


def clean_isolated(
    articles: Sequence[Article], failures: Failures, embedder: Embedder
) -> list[Cleaned]:
    """:func:`accord.clean.clean_articles`, skipping the articles that fail."""
    from accord.clean import clean_articles

    def clean(group: Sequence[Article]) -> list[Cleaned]:
        return clean_articles(group, embedder)

    return [c for _, c in per_article(Stage.CLEAN, articles, clean, failures)]


def parse_isolated(
    articles: Sequence[Article],
    failures: Failures,
    work: Callable[[Article, list[Block]], T],
    nlp: Language,
) -> Iterator[tuple[Article, T]]:
    """``work(article, blocks)`` for each article's parse, in order, skipping failures.

    Parsing is batched across articles (:func:`accord.nlp.parse_blocks`); when a batch
    fails, the articles it had not yet given back are parsed one at a time. A failure in
    ``work`` is an extraction failure of that article alone.
    """
    from accord.nlp import parse_blocks

    given = 0
    try:
        for blocks in parse_blocks(articles, nlp):
            article = articles[given]
            given += 1
            found = failures.guard(Stage.EXTRACT, article, partial(work, article, blocks))
            if found is not None:
                yield article, found
        return
    except Exception:
        if failures.strict:
            raise
    for article in articles[given:]:
        parsed = failures.guard(Stage.PARSE, article, partial(_parse_one, article, nlp))
        if parsed is None:
            continue
        found = failures.guard(Stage.EXTRACT, article, partial(work, article, parsed))
        if found is not None:
            yield article, found


def _parse_one(article: Article, nlp: Language) -> list[Block]:
    from accord.nlp import parse_blocks

    return next(parse_blocks([article], nlp))
