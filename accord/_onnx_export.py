"""Export the packaged all-MiniLM-L6-v2 to ONNX, then quantise it: the one torch import.

Run once, by ``make install`` or by :func:`accord.embedding.load_embedder` when the cache is
empty; it needs the ``export`` extra (torch, sentence-transformers, onnx, onnxscript). The
source is sentence-transformers' own model for the packaged folder, so the graph computes
what ``SentenceTransformer.encode`` computes: the BERT encoder, then the mean of the token
vectors under the attention mask (normalisation stays outside, in ``encode``).

Quantisation is ONNX Runtime's dynamic int8 with per-channel weights and reduce-range: the
per-tensor default moved five times as many pairs across a 0.6 cosine threshold (issue
measurements, docs/performance.md), and reduce-range (7-bit weights) avoids the saturation
of the AVX2 int8 kernels on CPUs without VNNI.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from accord.embedding import (
    INPUT_NAMES,
    MAX_WORDPIECES,
    OUTPUT_NAME,
    Precision,
    model_path,
    weights_dir,
)

OPSET = 18
MODEL_MODE = 0o644  # mkstemp's files are private; a shared cache is readable by all


def export(directory: Path, force: bool = False) -> dict[Precision, Path]:
    """Write the fp32 and int8 models into ``directory``; returns their paths.

    Files already there are kept unless ``force``. Each file is written beside its final
    name and renamed into place, so a concurrent loader never reads half a model.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = {p: model_path(p, directory) for p in Precision}
    if force or not paths[Precision.FP32].exists():
        _replace(paths[Precision.FP32], _export_fp32)
    if force or not paths[Precision.INT8].exists():
        _replace(paths[Precision.INT8], lambda out: _quantise(paths[Precision.FP32], out))
    return paths


def _replace(target: Path, write: Any) -> None:
    handle, name = tempfile.mkstemp(prefix=target.stem, suffix=".onnx", dir=target.parent)
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
