"""Candidate blocking stays near-linear and bounded however alike the vectors are."""

from __future__ import annotations

import numpy as np
import pytest

from accord.blocking import LSH_TABLES, MAX_BUCKET, MAX_PARTNERS, similar_pairs


def unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def cone(n: int, offset: float = 2.0) -> np.ndarray:
    """Vectors sharing one direction, as one story's sentences do."""
    rng = np.random.default_rng(n)
    return unit(rng.standard_normal((n, 32)).astype(np.float32) + offset)


def test_comparisons_per_vector_stay_flat_as_alike_vectors_grow() -> None:
    small, large = 2000, 8000
    per_small = similar_pairs(cone(small), 0.95).comparisons / small
    per_large = similar_pairs(cone(large), 0.95).comparisons / large
    # linear up to the slow growth of the one-bit neighbours (log n), never a share of n
    assert per_large < 2 * per_small
    assert per_large < large / 10


def test_identical_vectors_keep_a_bounded_number_of_pairs_at_linear_cost() -> None:
    n = MAX_BUCKET + 200  # one bucket no hyperplane splits, larger than a slice
    result = similar_pairs(unit(np.ones((n, 16), dtype=np.float32)), 0.3)
    degree = np.bincount(result.pairs.ravel(), minlength=n)
    assert len(result.pairs) <= n * MAX_PARTNERS
    assert degree.min() >= MAX_PARTNERS  # every vector keeps its partners
    # each slice is compared with itself and the next: at most 1.5 slices per vector a table
    assert result.comparisons <= LSH_TABLES * 1.5 * MAX_BUCKET * n


@pytest.mark.parametrize("n", [50, 400])
def test_small_inputs_get_every_pair_above_the_floor(n: int) -> None:
    vectors = cone(n, offset=0.5)
    result = similar_pairs(vectors, 0.3)
    sims = vectors @ vectors.T
    expected = {(i, j) for i in range(n) for j in range(i + 1, n) if sims[i, j] >= 0.3}
    assert {tuple(p) for p in result.pairs.tolist()} == expected
    assert result.comparisons == n * (n - 1) // 2


def test_partner_cap_keeps_the_most_similar_partners() -> None:
    rng = np.random.default_rng(3)
    vectors = unit(rng.standard_normal((40, 8)).astype(np.float32) + 3)
    result = similar_pairs(vectors, 0.0, max_partners=5)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    for i in range(40):
        nearest = set(np.argsort(-sims[i])[:5].tolist())
        kept = {int(b if a == i else a) for a, b in result.pairs.tolist() if i in (a, b)}
        assert nearest <= kept
