"""Accuracy gate for quotes: PolNeAR dev's first 15 articles must not score below the floors.

Floors sit a little under the measured scores (docs/accuracy.md); lowering one is a reviewed
act. The subset (texts and the annotation files used) is hashed so that a change to the data
trips the gate too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.models import loaded_nlp

from .scripts import load_script

SUBSET = 15
# Measured on the subset (see docs/accuracy.md): source overlap F1 0.789, source
# exact F1 0.777, content overlap F1 0.777.
SOURCE_OVERLAP_F1_FLOOR = 0.77
SOURCE_EXACT_F1_FLOOR = 0.76
CONTENT_OVERLAP_F1_FLOOR = 0.76
SUBSET_SHA256_PREFIX = "ea3896dfb758dc9e"


def subset_digest(pairs: list[tuple[Path, Path]]) -> str:
    digest = hashlib.sha256()
    for text, ann in pairs:
        digest.update(text.read_bytes())
        digest.update(ann.read_bytes())
    return digest.hexdigest()


@pytest.mark.slow
def test_polnear_subset_scores_stay_above_the_pinned_floors(shared_data: Path) -> None:
    dev = shared_data / "polnear" / "dev"
    if not (dev / "text").is_dir():
        pytest.skip(f"{dev} is absent")
    script = load_script("eval_polnear")
    pairs = script.documents(dev, SUBSET)
    assert subset_digest(pairs).startswith(SUBSET_SHA256_PREFIX), "the gate's data changed"
    counts = script.evaluate(pairs, nlp=loaded_nlp())
    assert counts["source/overlap"].prf()[2] >= SOURCE_OVERLAP_F1_FLOOR
    assert counts["source/exact"].prf()[2] >= SOURCE_EXACT_F1_FLOOR
    assert counts["content/overlap"].prf()[2] >= CONTENT_OVERLAP_F1_FLOOR


def test_overlap_matching_is_one_to_one_and_needs_half_the_tokens() -> None:
    script = load_script("eval_polnear")
    text = "Ana Ruiz said the rent doubled. Ana said so too."
    gold = [((0, 8),), ((32, 35),)]
    assert script.match(text, gold, [((0, 3),)], exact=False) == 1  # "Ana" vs "Ana Ruiz"
    assert script.match(text, gold, [((0, 8),), ((0, 8),)], exact=False) == 1
    assert script.match(text, gold, [((9, 30),)], exact=False) == 0
    assert script.match(text, gold, [((0, 9),)], exact=True) == 1  # trailing space trimmed
    assert script.match(text, gold, [((32, 35),)], exact=True) == 1


def test_documents_can_take_every_third_article_from_a_start(tmp_path: Path) -> None:
    script = load_script("eval_polnear")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for i in range(7):
        (tmp_path / "text" / f"a{i}.txt").write_text("Title\n", "utf-8")
        (tmp_path / "attributions" / f"a{i}_1.ann").write_text("", "utf-8")
    stems = [text.stem for text, _ in script.documents(tmp_path, every=3, start=1)]
    assert stems == ["a1", "a4"]
    assert [t.stem for t, _ in script.documents(tmp_path, 1, every=3, start=1)] == ["a1"]
