"""Cross-validation of the coreference pair model, on pairs made up for the test."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from accord.coref import FEATURES
from tests.evaluation.scripts import load_script

fit = load_script("coref_fit")

# One block of four mentions, two chains: a-b and c-d. Pairs in ``np.triu_indices`` order:
# ab, ac, ad, bc, bd, cd.
LABELS = np.array([True, False, False, False, False, True])


def topic(number: int, telling: bool) -> object:
    """A topic whose first feature is the answer (``telling``) or always zero."""
    mentions = [SimpleNamespace(id=f"{number}/{name}") for name in "abcd"]
    features = np.zeros((len(LABELS), len(FEATURES)))
    features[:, 0] = LABELS if telling else 0.0
    key = [frozenset({f"{number}/a", f"{number}/b"}), frozenset({f"{number}/c", f"{number}/d"})]
    return fit.TopicPairs(number, [SimpleNamespace(mentions=mentions)], features, LABELS, key)


def test_each_fold_is_scored_by_a_model_fitted_on_the_others() -> None:
    pairs = [topic(n, telling=True) for n in range(4)]
    scores = fit.cross_validate(pairs, [1.0], [(0.4, 0.0)], folds=2)[(1.0, (0.4, 0.0))]
    assert scores.pooled == 1.0
    assert scores.folds == (1.0, 1.0)


def test_features_that_tell_nothing_score_below_a_perfect_fold() -> None:
    pairs = [topic(n, telling=False) for n in range(4)]
    scores = fit.cross_validate(pairs, [1.0], [(0.4, 0.0)], folds=2, seed=1)[(1.0, (0.4, 0.0))]
    assert len(scores.folds) == 2
    assert max(scores.folds) < 1.0
    assert scores.pooled < 1.0
