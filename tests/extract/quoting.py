"""What the quote tests ask of a short text: who is credited with the statement that holds
some words."""

from __future__ import annotations

from accord.extract.quotes import find_quotes
from accord.model import Article
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def speaker_of(text: str, words: str, title: str | None = None) -> str | None:
    """The speaker of the first statement holding ``words``; the title is the text's first
    line unless given."""
    heading = title if title is not None else text.split("\n")[0]
    article = Article.create(source="test.txt", original=text, title=heading)
    mentions = find_quotes(article, next(parse_blocks([article], loaded_nlp())))
    found = [m for m in mentions if words in m.span.text]
    assert found, f"no statement holds {words!r}: {[m.span.text for m in mentions]}"
    return found[0].speaker
