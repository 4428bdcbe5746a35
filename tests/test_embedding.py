"""The ONNX embedder: unit vectors, independent of batching, close to sentence-transformers,
and loaded without torch.

sentence-transformers' own vectors come from the export (``make export`` runs it in the build
venv that holds torch, :mod:`accord._onnx_export`), so these tests compare with them in a
run-time venv that has no torch."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from accord._onnx_export import (
    CHECK_TEXTS,
    MIN_COSINE,
    check,
    load_reference,
    reference_path,
)
from accord.embedding import (
    EMBEDDING_DIM,
    EXPORT_COMMAND,
    MAX_BATCH_TOKENS,
    MAX_WORDPIECES,
    OnnxEmbedder,
    Precision,
    cache_dir,
    load_embedder,
    main,
    model_path,
)
from accord.errors import ModelError

SENTENCES = list(CHECK_TEXTS[:-1])
LONG_TEXT = CHECK_TEXTS[-1]


@pytest.fixture(scope="module", params=list(Precision))
def embedder(request: pytest.FixtureRequest) -> OnnxEmbedder:
    return load_embedder(request.param)


@pytest.fixture(scope="module")
def reference() -> dict[str, np.ndarray]:
    """sentence-transformers' vectors over the same packaged weights, kept by the export."""
    return dict(zip(CHECK_TEXTS, load_reference(), strict=True))


def test_vectors_are_float32_unit_rows_of_384(embedder: OnnxEmbedder) -> None:
    vectors = embedder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), EMBEDDING_DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)


def test_no_texts_give_an_empty_matrix(embedder: OnnxEmbedder) -> None:
    assert embedder.encode([]).shape == (0, EMBEDDING_DIM)


def test_a_vector_does_not_depend_on_batch_order_or_size(embedder: OnnxEmbedder) -> None:
    together = embedder.encode(SENTENCES, batch_size=64)
    backwards = embedder.encode(SENTENCES[::-1], batch_size=2)[::-1]
    alone = np.stack([embedder.encode([text], batch_size=1)[0] for text in SENTENCES])
    np.testing.assert_allclose(backwards, together, atol=1e-5)
    np.testing.assert_allclose(alone, together, atol=1e-5)


def test_vectors_match_sentence_transformers(
    embedder: OnnxEmbedder, reference: dict[str, np.ndarray]
) -> None:
    expected = np.stack([reference[text] for text in SENTENCES])
    cosines = np.sum(embedder.encode(SENTENCES) * expected, axis=1)
    assert cosines.min() > MIN_COSINE[embedder.precision]


def test_long_texts_are_cut_at_the_models_wordpiece_limit(
    embedder: OnnxEmbedder, reference: dict[str, np.ndarray]
) -> None:
    assert len(embedder.tokenizer.encode(LONG_TEXT).ids) == MAX_WORDPIECES
    cosine = float(embedder.encode([LONG_TEXT])[0] @ reference[LONG_TEXT])
    assert cosine > MIN_COSINE[embedder.precision]


def test_the_reference_vectors_are_unit_rows_one_per_checked_text() -> None:
    vectors = load_reference()
    assert vectors.shape == (len(CHECK_TEXTS), EMBEDDING_DIM)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_export_check_passes_and_fails_an_embedder_that_drifts(tmp_path: Path) -> None:
    assert all(check()[p] > MIN_COSINE[p] for p in Precision)
    for precision in Precision:
        link = model_path(precision, tmp_path)
        link.symlink_to(model_path(precision))
    drifted = np.roll(load_reference(), 1, axis=0)  # every text given another's vector
    with reference_path(tmp_path).open("wb") as handle:
        np.save(handle, drifted)
    with pytest.raises(ModelError, match="differ from sentence-transformers"):
        check(tmp_path)


class _Recorder:
    """A session that records the shape of every input it runs."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.shapes: list[tuple[int, int]] = []

    def run(self, outputs: list[str], feed: dict[str, np.ndarray]) -> Any:
        self.shapes.append(next(iter(feed.values())).shape)
        return self.session.run(outputs, feed)


def test_a_call_holds_at_most_the_token_budget_unless_one_text_alone_exceeds_it(
    embedder: OnnxEmbedder,
) -> None:
    texts = [" ".join(SENTENCES[: 1 + k % len(SENTENCES)] * (1 + k)) for k in range(12)]
    recorder = _Recorder(embedder.session)
    spied = OnnxEmbedder(recorder, embedder.tokenizer, embedder.precision)
    np.testing.assert_allclose(spied.encode(texts), embedder.encode(texts), atol=1e-6)
    assert sum(rows for rows, _ in recorder.shapes) == len(texts)
    assert all(rows * width <= MAX_BATCH_TOKENS or rows == 1 for rows, width in recorder.shapes)
    assert any(rows > 1 for rows, _ in recorder.shapes) or embedder.precision is Precision.INT8


def test_unnormalised_vectors_keep_their_length(embedder: OnnxEmbedder) -> None:
    raw = embedder.encode(SENTENCES[:2], normalize_embeddings=False)
    assert not np.allclose(np.linalg.norm(raw, axis=1), 1.0)


def test_importing_and_running_the_embedder_loads_no_torch() -> None:
    code = (
        "import sys; from accord.embedding import load_embedder; "
        "load_embedder().encode(['A short sentence.']); "
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.strip() == "[]"


def test_the_cache_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ACCORD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "accord"
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert cache_dir(tmp_path / "given") == tmp_path / "given"
    assert model_path(Precision.INT8).parent == tmp_path / "mine"


def test_a_missing_model_without_torch_names_the_export_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    find_spec = importlib.util.find_spec

    def without_torch(name: str, *args: Any) -> Any:
        return None if name == "torch" else find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_torch)
    with pytest.raises(ModelError, match=EXPORT_COMMAND):
        load_embedder(Precision.INT8, tmp_path)
    with pytest.raises(ModelError, match=EXPORT_COMMAND):
        load_reference(tmp_path)


def test_a_corrupt_model_file_says_how_to_rebuild_it(tmp_path: Path) -> None:
    model_path(Precision.INT8, tmp_path).write_bytes(b"not a model")
    with pytest.raises(ModelError, match="delete it and run"):
        load_embedder(Precision.INT8, tmp_path)


def test_export_command_lists_the_models_and_reference_it_keeps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_reference()  # the default cache holds both models and the reference from here on
    main(["export"])
    printed = capsys.readouterr().out.split()
    assert printed == [*(str(model_path(p)) for p in Precision), str(reference_path())]
