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
