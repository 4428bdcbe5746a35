"""Coreference scores with the reference scorer's definitions (Pradhan et al. 2014): MUC,
B-cubed, CEAF-e (phi4, an optimal alignment) and CoNLL F1, their mean. Kept apart from the
ECB+ reader so the scorer holds nothing of the data or of accord."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = list[frozenset[str]]


def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> tuple[float, float, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    return r, p, (2 * p * r / (p + r) if p + r else 0.0)


def _muc_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    where = {m: k for k, c in enumerate(response) for m in c}
    num = den = 0.0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}  # unmatched mentions: own partitions
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Vilain et al. (1995): links kept over links needed, both ways."""
    nr, dr = _muc_side(key, response)
    np_, dp = _muc_side(response, key)
    return _prf(nr, dr, np_, dp)


def _b3_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    where = {m: c for c in response for m in c}
    num = 0.0
    for c in key:
        for m in c:
            other = where.get(m)
            if other is not None:
                num += len(c & other) / len(c)
    return num, float(sum(len(c) for c in key))


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Bagga & Baldwin (1998), per mention, singletons included."""
    nr, dr = _b3_side(key, response)
    np_, dp = _b3_side(response, key)
    return _prf(nr, dr, np_, dp)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Luo (2005) entity-based CEAF: phi4 = 2|K & R| / (|K| + |R|), optimal one-to-one map."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    index = {m: k for k, c in enumerate(response) for m in c}
    sim = np.zeros((len(key), len(response)))
    for i, c in enumerate(key):
        for m in c:
            j = index.get(m)
            if j is not None:
                sim[i, j] += 1
    sizes_k = np.array([len(c) for c in key], dtype=float)
    sizes_r = np.array([len(c) for c in response], dtype=float)
    phi = 2 * sim / (sizes_k[:, None] + sizes_r[None, :])
    rows, cols = linear_sum_assignment(-phi)
    total = float(phi[rows, cols].sum())
    return _prf(total, len(key), total, len(response))


def conll(key: Clusters, response: Clusters) -> dict[str, tuple[float, float, float]]:
    """MUC, B3, CEAF-e (recall, precision, F1) and CoNLL F1, their mean F1."""
    out = {"MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response)}
    f = float(np.mean([v[2] for v in out.values()]))
    out["CoNLL"] = (f, f, f)
    return out


def score_topics(
    key: Sequence[Clusters], response: Sequence[Clusters]
) -> dict[str, tuple[float, float, float]]:
    """Corpus-level scores from per-topic clusters (chains never cross topics: CEAF-e's
    alignment is solved per topic, which is the same optimum as one corpus-wide matrix)."""
    all_key = [c for t in key for c in t]
    all_resp = [c for t in response for c in t]
    out = {"MUC": muc(all_key, all_resp), "B3": b_cubed(all_key, all_resp)}
    total = 0.0
    for k, r in zip(key, response, strict=True):
        rk, _, _ = ceaf_e(k, r)
        total += rk * len(k)
    out["CEAF-e"] = _prf(total, len(all_key), total, len(all_resp))
    f = float(np.mean([v[2] for v in out.values()]))
    out["CoNLL"] = (f, f, f)
    return out
