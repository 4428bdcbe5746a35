"""The real models, loaded at most once per test session, for helpers that parse or embed.

Tests pass models to accord explicitly, as any caller does; these loaders (and the
``nlp`` / ``embedder`` / ``models`` fixtures in ``conftest.py``, which use them) only make
sure a session pays for each load once. :func:`bag_of_words` is the fake embedder for tests
that need vectors but not meaning.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from click.testing import Result
from typer.testing import CliRunner

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.distributed import RecordStream
    from accord.nlp import Embedder, Models

DIM = 384


@cache
def loaded_nlp() -> Language:
    from accord.nlp import load_nlp

    return load_nlp()


@cache
def loaded_embedder() -> Embedder:
    from accord.nlp import load_embedder

    return load_embedder()


@cache
def loaded_lead_embedder() -> Embedder:
    from accord.nlp import LEAD_PRECISION, load_embedder

    return load_embedder(LEAD_PRECISION)


@cache
def loaded_paragraph_embedder() -> Embedder:
    from accord.nlp import LEAD_PRECISION, PARAGRAPH_PRECISION, load_embedder

    if PARAGRAPH_PRECISION == LEAD_PRECISION:
        return loaded_lead_embedder()
    return load_embedder(PARAGRAPH_PRECISION)


def loaded_models() -> Models:
    """The models ``Models.load`` gives, each loaded once per session."""
    from accord.nlp import Models

    return Models(
        loaded_nlp(), loaded_embedder(), loaded_lead_embedder(), loaded_paragraph_embedder()
    )


def bag_of_words(texts: list[str]) -> np.ndarray:
    """Unit vectors of hashed lower-case words: texts sharing words are close."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            out[row, zlib.crc32(word.encode()) % DIM] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


class ModelsRunner(CliRunner):
    """A ``CliRunner`` that hands each command the session's models (``obj``), the way any
    caller injects them (see ``accord.cli._shell._models``), so no command loads its own."""

    def invoke(self, *args: Any, **kwargs: Any) -> Result:
        kwargs.setdefault("obj", loaded_models())
        return super().invoke(*args, **kwargs)


def here() -> tuple[RecordStream, Embedder]:
    """The stream and driver embedder of ``accord ingest`` on this machine."""
    from accord.distributed import local_batches

    models = loaded_models()
    return local_batches(models), models.for_paragraphs
