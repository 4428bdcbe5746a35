"""Accuracy gate for claim alignment: ClaimDiff train "strengthens", first pairs, must not
score below the floors.

Floors sit a little under the measured scores (docs/accuracy.md); lowering one is a reviewed
act. The subset is hashed so that a change to the data trips the gate too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from accord.nlp import Models
from tests.models import loaded_models

from .scripts import load_script

SUBSET = 400
# Measured on the subset (see docs/accuracy.md): precision 0.810, recall 0.490.
PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.48
SUBSET_SHA256_PREFIX = "748fb893e636e8f8"


def subset_digest(rows: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


@pytest.mark.slow
def test_claimdiff_strengthens_subset_stays_above_the_pinned_floors(shared_data: Path) -> None:
    path = shared_data / "claimdiff" / "ClaimDiff-S" / "ClaimDiff-strength-train.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    script = load_script("eval_claimdiff")
    rows = json.loads(path.read_text("utf-8"))["data"][:SUBSET]
    assert subset_digest(rows).startswith(SUBSET_SHA256_PREFIX), "the gate's data changed"
    models: Models = loaded_models()
    prepared = script.prepare({"strengthens": rows}, models)
    predicted = script.predict("strengthens", rows, prepared)
    precision, recall, _ = script.scores([int(r["relation"]) for r in rows], predicted)
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR
