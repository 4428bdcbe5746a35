"""The language layer: paragraphs parsed apart, offsets kept, gazetteer fixes applied."""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.gazetteer import place_names
from accord.model import Article
from accord.nlp import embed, parse_blocks


def test_headings_do_not_glue_onto_the_next_sentence() -> None:
    text = "Storm Damage\nThe storm hit the coast on Monday. Roads were closed.\n"
    article = Article.create(source="t.txt", original=text)
    (blocks,) = list(parse_blocks([article]))
    assert [b.doc.text for b in blocks] == [
        "Storm Damage",
        "The storm hit the coast on Monday. Roads were closed.",
    ]
    sentence = next(iter(blocks[1].doc.sents))
    span = blocks[1].span(sentence.start_char, sentence.end_char)
    assert span.text == text[span.start : span.end] == "The storm hit the coast on Monday."


def test_gazetteer_lists_large_cities_and_countries() -> None:
    names = place_names()
    assert {"Kyiv", "Ukraine", "Brazil"} <= names
    assert "the" not in names


def test_a_city_the_model_mislabels_becomes_a_place(nlp: Any) -> None:
    doc = nlp("Fighting continued near Kursk and Kharkiv on Sunday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kursk") == "GPE"
    assert labels.get("Kharkiv") == "GPE"


def test_a_titled_name_becomes_a_person(nlp: Any) -> None:
    doc = nlp("President Zelenskyy thanked the soldiers.")
    assert any(e.label_ == "PERSON" and "Zelenskyy" in e.text for e in doc.ents)


def test_embeddings_are_unit_length_and_closer_for_paraphrases() -> None:
    vectors = embed(
        [
            "The dam burst after heavy rain.",
            "Heavy rain caused the dam to fail.",
            "The football team won the cup.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_embed_reuses_cached_vectors_and_stays_bounded(monkeypatch: Any) -> None:
    import accord.nlp as nlp

    texts = ["The dam burst after heavy rain.", "The football team won the cup."]
    extra = "Rain fell all night over the valley."
    first = embed(texts, cache=True)
    calls: list[list[str]] = []
    encode = nlp.get_embedder().encode

    def counting(items: list[str], **kw: Any) -> Any:
        calls.append(list(items))
        return encode(items, **kw)

    monkeypatch.setattr(nlp.get_embedder(), "encode", counting)
    again = embed([texts[1], texts[0], texts[1], extra], cache=True)
    assert calls == [[extra]]  # only the new text, once
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    assert np.array_equal(again[2], first[1])
    embed(texts)  # without cache=True: always computed afresh
    assert calls[-1] == texts
    monkeypatch.setattr(nlp, "EMBED_CACHE_SIZE", 2)
    embed(["One more sentence to remember here."], cache=True)
    assert len(nlp.recent_embeddings([*texts, extra])) <= 1


def test_parse_blocks_batches_across_articles_but_keeps_each_article_apart() -> None:
    articles = [
        Article.create(source=f"{i}.txt", original=f"Title {i}\nParagraph {i} is here.\n")
        for i in range(5)
    ]
    parsed = list(parse_blocks(articles, batch_size=3))
    assert [[b.doc.text for b in blocks] for blocks in parsed] == [
        [f"Title {i}", f"Paragraph {i} is here."] for i in range(5)
    ]
    assert all(b.article is a for a, blocks in zip(articles, parsed, strict=True) for b in blocks)
