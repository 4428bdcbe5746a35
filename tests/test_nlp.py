"""The language layer: paragraphs parsed apart, offsets kept, gazetteer fixes applied."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from accord.gazetteer import place_names
from accord.model import Article
from accord.nlp import OFFLINE_ENVIRONMENT, Embedder, Models, embed, parse_blocks


def test_headings_do_not_glue_onto_the_next_sentence(nlp: Any) -> None:
    text = "Storm Damage\nThe storm hit the coast on Monday. Roads were closed.\n"
    article = Article.create(source="t.txt", original=text)
    (blocks,) = list(parse_blocks([article], nlp))
    assert [b.doc.text for b in blocks] == [
        "Storm Damage",
        "The storm hit the coast on Monday. Roads were closed.",
    ]
    sentence = next(iter(blocks[1].doc.sents))
    span = blocks[1].span(sentence.start_char, sentence.end_char)
    assert span.text == text[span.start : span.end] == "The storm hit the coast on Monday."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Harbor police Lt. Dana Reyes said the pier was shut.", "Boats waited offshore."),
        ("A spokesman, Sgt. Omar Pike, said the pier was shut.", "Boats waited offshore."),
        ("The pier was shut.", "Capt. Ivy Moss said boats waited offshore."),
        ("The pier was shut, Det. Insp. Ruth Kale told reporters.", "Boats waited offshore."),
    ],
)
def test_an_abbreviated_title_stays_in_the_sentence_of_its_name(
    nlp: Any, first: str, second: str
) -> None:
    text = f"{first} {second}"
    article = Article.create(source="t.txt", original=text)
    ((block,),) = list(parse_blocks([article], nlp))
    spans = [block.span(s.start_char, s.end_char) for s in block.doc.sents]
    assert [s.text for s in spans] == [first, second]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_a_number_sign_before_a_number_is_one_token(nlp: Any) -> None:
    doc = nlp('"We were fair," said Juror No. 8, one of six women. "No." No. 3 agreed.')
    words = [t.text for t in doc]
    assert {"No. 8", "No. 3"} <= set(words)
    assert words[words.index("No. 8") - 1] == "Juror"
    assert "No" in words  # the answer "No." is no number sign


def test_a_rank_before_a_name_stays_apart_and_the_sentence_keeps_its_parse(nlp: Any) -> None:
    doc = nlp("He said after the win over No. 8 Tennessee that he was excited.")
    assert "No. 8" not in [t.text for t in doc]
    said = next(t for t in doc if t.text == "said")
    assert "was" in [c.text for c in said.children]


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


def test_embeddings_are_unit_length_and_closer_for_paraphrases(embedder: Embedder) -> None:
    vectors = embedder(
        [
            "The dam burst after heavy rain.",
            "Heavy rain caused the dam to fail.",
            "The football team won the cup.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_embedding_no_text_gives_an_empty_matrix_without_calling_the_embedder() -> None:
    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError("called for no text")

    assert embed(refuse, []).shape == (0, 384)


def test_a_text_given_twice_is_embedded_once() -> None:
    seen: list[str] = []

    def fake(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return np.arange(len(texts) * 384, dtype=np.float32).reshape(len(texts), 384)

    vectors = embed(fake, ["a", "b", "a"])
    assert seen == ["a", "b"]
    assert np.array_equal(vectors[0], vectors[2]) and not np.array_equal(vectors[0], vectors[1])


def test_models_embed_with_the_embedder_they_were_given(nlp: Any) -> None:
    seen: list[list[str]] = []

    def fake(texts: list[str]) -> np.ndarray:
        seen.append(texts)
        return np.ones((len(texts), 384), dtype=np.float64)

    vectors = Models(nlp, fake).embed(["one", "two"])
    assert seen == [["one", "two"]] and vectors.dtype == np.float32 and vectors.shape == (2, 384)


def test_importing_the_language_layer_sets_no_environment_variable() -> None:
    # scikit-learn sets its own OpenMP variables when imported: load it first, so the check
    # sees only what accord's modules set (the order of other tests must not matter)
    code = (
        "import os, sklearn, spacy; before = dict(os.environ); import accord.nlp, accord.pipeline; "
        "print(sorted(set(os.environ.items()) ^ set(before.items())))"
    )
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENVIRONMENT}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


def test_loading_the_embedder_keeps_it_offline() -> None:
    code = (
        "import os; from accord.nlp import OFFLINE_ENVIRONMENT, load_embedder; load_embedder(); "
        "print(all(os.environ.get(k) == v for k, v in OFFLINE_ENVIRONMENT.items()))"
    )
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENVIRONMENT}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "True"


LOAD_THE_MODELS = """
import os, sys
from accord.nlp import OFFLINE_ENVIRONMENT, Models
Models.load()
print(all(os.environ.get(k) == v for k, v in OFFLINE_ENVIRONMENT.items()))
print(sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules))
"""


def test_loading_the_models_keeps_them_offline_and_imports_no_torch() -> None:
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENVIRONMENT}
    done = subprocess.run(
        [sys.executable, "-c", LOAD_THE_MODELS], capture_output=True, text=True, env=env, check=True
    )
    offline, imported = done.stdout.split("\n")[:2]
    assert offline == "True"
    # thinc imports torch whenever it is installed: the run-time venv must not hold it
    assert imported == "[]", "torch is installed here: `make install` keeps it in .venv-export"


def test_models_load_gives_what_loading_each_model_alone_gives(models: Models) -> None:
    loaded = Models.load()
    assert loaded.nlp.pipe_names == models.nlp.pipe_names
    assert loaded.lead_embedder is loaded.paragraph_embedder is not None
    texts = ["The bridge collapsed on Monday.", "Rain."]
    for mine, theirs in (
        (loaded.embedder, models.embedder),
        (loaded.for_paragraphs, models.for_paragraphs),
    ):
        np.testing.assert_array_equal(embed(mine, texts), embed(theirs, texts))
    doc, other = loaded.nlp(texts[0]), models.nlp(texts[0])
    assert [(t.text, t.tag_, t.dep_, t.lemma_) for t in doc] == [
        (t.text, t.tag_, t.dep_, t.lemma_) for t in other
    ]


def test_the_pipeline_tokenizes_with_the_rules_its_package_saved(nlp: Any) -> None:
    import spacy

    from accord.nlp import SPACY_PACKAGES
    from accord.pre_parse import add_title_rule

    stock = spacy.load(SPACY_PACKAGES[0])
    add_title_rule(stock)
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == stock.tokenizer.to_bytes(exclude=["vocab"])
    assert [p for p in nlp.pipe_names if not p.startswith("accord_")] == [
        p for p in stock.pipe_names if not p.startswith("accord_")
    ]


def test_two_loaded_pipelines_each_fix_entities_with_their_own_vocabulary(nlp: Any) -> None:
    from accord.nlp import load_nlp

    other = load_nlp()
    for model in (nlp, other):
        doc = model("Fighting continued near Kursk on Sunday.")
        assert {e.text: e.label_ for e in doc.ents}.get("Kursk") == "GPE"


def test_parse_blocks_batches_across_articles_but_keeps_each_article_apart(nlp: Any) -> None:
    articles = [
        Article.create(source=f"{i}.txt", original=f"Title {i}\nParagraph {i} is here.\n")
        for i in range(5)
    ]
    parsed = list(parse_blocks(articles, nlp, batch_size=3))
    assert [[b.doc.text for b in blocks] for blocks in parsed] == [
        [f"Title {i}", f"Paragraph {i} is here."] for i in range(5)
    ]
    assert all(b.article is a for a, blocks in zip(articles, parsed, strict=True) for b in blocks)


def test_a_paragraph_met_again_is_parsed_once_and_each_block_owns_its_doc(
    nlp: Any, monkeypatch: Any
) -> None:
    import accord.nlp

    piped: list[str] = []
    pipe = accord.nlp._pipe

    def counting(model: Any, texts: list[str], batch_size: int) -> Any:
        piped.extend(texts)
        return pipe(model, texts, batch_size)

    monkeypatch.setattr(accord.nlp, "_pipe", counting)
    shared = "Rescuers pulled four people from the river near Lyon on Sunday."
    articles = [
        Article.create(source=f"{i}.txt", original=f"Title {i}\n{shared}\n") for i in range(3)
    ]
    parsed = list(parse_blocks(articles, nlp, batch_size=2))
    assert sorted(piped) == sorted(["Title 0", "Title 1", "Title 2", shared])
    docs = [blocks[1].doc for blocks in parsed]
    assert len({id(doc) for doc in docs}) == 3
    assert all(d.to_json() == docs[0].to_json() for d in docs)
    assert [e.text for e in docs[2].ents] == [e.text for e in nlp(shared).ents]
    assert all(b.span(0, 9).text == "Rescuers " for b in (p[1] for p in parsed))


def test_the_parsed_texts_kept_for_reuse_are_bounded_by_characters(nlp: Any) -> None:
    from accord.nlp import MAX_BATCH_CHARS, _ParsedTexts

    kept = _ParsedTexts()
    doc = nlp("A short line.")
    for i in range(3):
        kept.remember(str(i) * (MAX_BATCH_CHARS // 2), doc)
    assert [text[0] for text in kept.docs] == ["1", "2"]
    assert kept.chars <= MAX_BATCH_CHARS


def test_a_block_s_text_is_its_doc_s_text_read_from_the_original(nlp: Any) -> None:
    from accord.nlp import MAX_WINDOW_CHARS

    long = " ".join(["The ferry left the harbour at dawn and returned at dusk."] * 200)
    assert len(long) > MAX_WINDOW_CHARS  # parsed in windows
    original = f"Ferry title\n   Two  spaces,\ttab and trailing.  \n{long}\n"
    blocks = next(parse_blocks([Article.create(source="f.txt", original=original)], nlp))
    assert len(blocks) > 3
    assert [b.text for b in blocks] == [b.doc.text for b in blocks]
    assert all(original[b.start : b.start + len(b.text)] == b.text for b in blocks)
