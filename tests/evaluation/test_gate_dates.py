"""Accuracy gate for dates: a fixed subset of TempEval-3 TBAQ and EventStoryLine must keep
its scores at or above pinned floors (lowering a floor is a deliberate, reviewed act).

Floors sit slightly below the scores measured when they were pinned (docs/accuracy.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.models import loaded_nlp

from .scripts import load_script

SUBSET_DOCUMENTS = 20  # the first documents in path order

# TempEval-3 TBAQ, first 20 documents: measured value accuracy 0.824 (75/91), DATE extent
# relaxed F1 0.924, strict F1 0.893.
TEMPEVAL_VALUE_ACCURACY_FLOOR = 0.80
TEMPEVAL_DATE_RELAXED_F1_FLOOR = 0.90
TEMPEVAL_DATE_STRICT_F1_FLOOR = 0.87
# EventStoryLine v1.5, first 20 documents: measured value accuracy 0.917 (22/24), recall 0.857.
ESL_VALUE_ACCURACY_FLOOR = 0.87
ESL_RECALL_FLOOR = 0.82


@pytest.mark.slow
def test_tempeval_subset_keeps_its_date_scores(shared_data: Path) -> None:
    tempeval = load_script("eval_tempeval")
    root = shared_data / "tempeval3-tbaq"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    report = tempeval.evaluate(tempeval.load_corpus(root, SUBSET_DOCUMENTS), nlp=loaded_nlp())
    dates = report.dates
    assert dates.value_accuracy >= TEMPEVAL_VALUE_ACCURACY_FLOOR
    assert dates.prf(dates.relaxed)[2] >= TEMPEVAL_DATE_RELAXED_F1_FLOOR
    assert dates.prf(dates.strict)[2] >= TEMPEVAL_DATE_STRICT_F1_FLOOR


@pytest.mark.slow
def test_eventstoryline_subset_keeps_its_anchoring_scores(shared_data: Path) -> None:
    eventstoryline = load_script("eval_eventstoryline")
    root = shared_data / "eventstoryline" / "v1.5"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    report = eventstoryline.evaluate(
        eventstoryline.load_corpus(root, SUBSET_DOCUMENTS), nlp=loaded_nlp()
    )
    assert report.value_accuracy >= ESL_VALUE_ACCURACY_FLOOR
    assert report.recall >= ESL_RECALL_FLOOR
