"""The per-article path: what each article carries forward, and what it costs to embed."""

from __future__ import annotations

import numpy as np
import pytest

from accord.cluster import lead_text
from accord.errors import Stage
from accord.model import Article
from accord.nlp import Models
from accord.process import ProcessedArticle, process
from tests.models import bag_of_words

LONG = [
    "The harbour authority closed the old swing bridge on Tuesday after engineers found cracks.",
    "Ferries will carry foot passengers across the river every twenty minutes until it reopens.",
    "Shop owners on the quay said they feared losing customers during the summer season.",
    "The mayor said repairs to the steel girders would take at least six months to finish.",
    "Council members will vote next week on a plan to pay for a temporary footbridge instead.",
]


def article(name: str, paragraphs: list[str]) -> Article:
    text = "Bridge closed\n\n" + "\n\n".join(paragraphs) + "\n"
    return Article.create(name, text, title="Bridge closed")


def counting(models: Models) -> tuple[Models, list[str]]:
    asked: list[str] = []

    def embedder(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return bag_of_words(texts)

    return Models(models.nlp, embedder), asked


def test_a_processed_article_carries_the_vectors_cleaning_computed(fake_models: Models) -> None:
    models, asked = counting(fake_models)
    [done] = process([article("long.txt", LONG)], models).articles
    assert set(done.paragraph_vectors) == {"Bridge closed", *LONG}
    for text, vector in done.paragraph_vectors.items():
        assert np.allclose(vector, bag_of_words([text])[0])
    assert done.vector is not None
    assert np.allclose(done.vector, bag_of_words([lead_text(done.article)])[0])
    assert sorted(asked) == sorted({"Bridge closed", *LONG, lead_text(done.article)})


def test_without_document_vectors_only_cleaning_embeds(fake_models: Models) -> None:
    models, asked = counting(fake_models)
    [done] = process([article("long.txt", LONG)], models, document_vectors=False).articles
    assert done.vector is None
    assert sorted(asked) == sorted({"Bridge closed", *LONG})
    with pytest.raises(ValueError, match="document_vectors=True"):
        done.record()


def test_the_document_vector_comes_from_the_lead_embedder(fake_models: Models) -> None:
    leads: list[str] = []

    def lead_embedder(texts: list[str]) -> np.ndarray:
        leads.extend(texts)
        return -bag_of_words(texts)

    models, asked = counting(fake_models)
    models = Models(models.nlp, models.embedder, lead_embedder)
    [done] = process([article("long.txt", LONG)], models).articles
    assert leads == [lead_text(done.article)]
    assert sorted(asked) == sorted({"Bridge closed", *LONG})
    assert done.vector is not None
    assert np.allclose(done.vector, -bag_of_words(leads)[0])


def test_cleaning_embeds_with_the_paragraph_embedder_when_one_is_given(
    fake_models: Models,
) -> None:
    paragraphs: list[str] = []

    def paragraph_embedder(texts: list[str]) -> np.ndarray:
        paragraphs.extend(texts)
        return -bag_of_words(texts)

    models, asked = counting(fake_models)
    models = Models(models.nlp, models.embedder, None, paragraph_embedder)
    [done] = process([article("long.txt", LONG)], models).articles
    assert sorted(paragraphs) == sorted({"Bridge closed", *LONG})
    assert asked == [lead_text(done.article)]  # the lead falls back to ``embedder``
    for text, vector in done.paragraph_vectors.items():
        assert np.allclose(vector, -bag_of_words([text])[0])


def test_a_processed_article_round_trips_through_its_dict_exactly(fake_models: Models) -> None:
    [done] = process([article("long.txt", LONG)], fake_models).articles
    back = ProcessedArticle.from_dict(done.to_dict())
    assert (back.article, back.extraction, back.entities) == (
        done.article,
        done.extraction,
        done.entities,
    )
    assert back.vector is not None and done.vector is not None
    assert np.array_equal(back.vector, done.vector) and back.vector.dtype == np.float32
    assert back.paragraph_vectors.keys() == done.paragraph_vectors.keys()
    assert all(
        np.array_equal(back.paragraph_vectors[t], v) for t, v in done.paragraph_vectors.items()
    )


def test_an_article_that_breaks_embedding_is_a_failure_and_the_rest_go_on(
    fake_models: Models,
) -> None:
    def fragile(texts: list[str]) -> np.ndarray:
        if any("poison" in t for t in texts):
            raise RuntimeError("embedder broke")
        return bag_of_words(texts)

    good = article("good.txt", LONG[:2])
    bad = Article.create("bad.txt", "poison pill\n\nA short report.\n", title="poison pill")
    done = process([good, bad], Models(fake_models.nlp, fragile))
    assert [p.article.source for p in done.articles] == ["good.txt"]
    assert [(f.source, f.stage) for f in done.failures] == [("bad.txt", Stage.EMBED)]
