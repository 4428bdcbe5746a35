"""Accuracy gate for dates: a fixed subset of TempEval-3 TBAQ and EventStoryLine must keep
its scores at or above pinned floors (lowering a floor is a deliberate, reviewed act).

Floors sit slightly below the scores measured when they were pinned (docs/accuracy.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"
SUBSET_DOCUMENTS = 20  # the first documents in path order

# TempEval-3 TBAQ, first 20 documents: measured value accuracy 0.824 (75/91), DATE extent
# relaxed F1 0.924, strict F1 0.893.
TEMPEVAL_VALUE_ACCURACY_FLOOR = 0.80
TEMPEVAL_DATE_RELAXED_F1_FLOOR = 0.90
TEMPEVAL_DATE_STRICT_F1_FLOOR = 0.87
# EventStoryLine v1.5, first 20 documents: measured value accuracy 0.917 (22/24), recall 0.857.
ESL_VALUE_ACCURACY_FLOOR = 0.87
ESL_RECALL_FLOOR = 0.82


def _load(name: str) -> ModuleType:
    """The evaluation script as a module (evaluation/ is scripts, not a package)."""
    sys.path.insert(0, str(EVALUATION))
    spec = importlib.util.spec_from_file_location(name, EVALUATION / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_tempeval_subset_keeps_its_date_scores(shared_data: Path) -> None:
    tempeval = _load("eval_tempeval")
    root = shared_data / "tempeval3-tbaq"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    report = tempeval.evaluate(tempeval.load_corpus(root, SUBSET_DOCUMENTS))
    dates = report.dates
    assert dates.value_accuracy >= TEMPEVAL_VALUE_ACCURACY_FLOOR
    assert dates.prf(dates.relaxed)[2] >= TEMPEVAL_DATE_RELAXED_F1_FLOOR
    assert dates.prf(dates.strict)[2] >= TEMPEVAL_DATE_STRICT_F1_FLOOR


@pytest.mark.slow
def test_eventstoryline_subset_keeps_its_anchoring_scores(shared_data: Path) -> None:
    eventstoryline = _load("eval_eventstoryline")
    root = shared_data / "eventstoryline" / "v1.5"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    report = eventstoryline.evaluate(eventstoryline.load_corpus(root, SUBSET_DOCUMENTS))
    assert report.value_accuracy >= ESL_VALUE_ACCURACY_FLOOR
    assert report.recall >= ESL_RECALL_FLOOR
