"""Fitting and cross-validating ``accord.coref``'s pair model on ECB+ topics.

Kept apart from the ECB+ reader (``eval_ecbplus_coref.py``): it takes each topic's blocks,
pair features and gold answers, fits the logistic model over the features and their
products, scores refits by topic-grouped cross-validation (the pooled score and each fold's,
so a change can be judged against the spread of the folds), and writes the fitted model as
the text of ``accord/coref_weights.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from coref_scores import Clusters, score_topics

from accord.coref import FEATURES, Block, linked_chains

# A linkage to score: its merge floor and its margin (``accord.coref.linked_chains``).
Linkage = tuple[float, float]

# L2 strength of the pair model (inverse), chosen by --cv over train and dev topics.
FIT_C = 0.1


@dataclass(frozen=True)
class TopicPairs:
    """One topic's blocks (gold documents), their pair features stacked and the gold answer of
    each pair (same chain or not), in ``pair_features`` order block after block."""

    number: int
    blocks: list[Block]
    features: np.ndarray
    labels: np.ndarray
    key: Clusters


def fit_model(pairs: Sequence[TopicPairs], c: float = FIT_C) -> Any:
    """A logistic regression over the pair features and their pairwise products, standardised
    and solved to convergence (Newton steps), so a refit lands on one optimum, not where a
    first-order solver happened to stop."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    x = np.vstack([p.features for p in pairs])
    y = np.concatenate([p.labels for p in pairs])
    model = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-8, max_iter=200)
    return make_pipeline(PolynomialFeatures(2, include_bias=False), StandardScaler(), model).fit(
        x, y
    )


def predicted_chains(pairs: TopicPairs, model: Any, linkage: Linkage) -> Clusters:
    """The topic's chains with ``model``'s probabilities in place of the shipped weights."""
    out: Clusters = []
    offset = 0
    for block in pairs.blocks:
        n = len(block.mentions) * (len(block.mentions) - 1) // 2
        probability = model.predict_proba(pairs.features[offset : offset + n])[:, 1] if n else []
        out += linked_chains(block, np.asarray(probability), *linkage)
        offset += n
    return out


@dataclass(frozen=True)
class FoldScores:
    """CoNLL F1 of one (C, linkage) under one dealing of topics to folds: pooled over
    every held-out topic, and each fold's own."""

    pooled: float
    folds: tuple[float, ...]


def cross_validate(
    pairs: Sequence[TopicPairs],
    cs: Sequence[float],
    linkages: Sequence[Linkage],
    folds: int,
    seed: int = 0,
) -> dict[tuple[float, Linkage], FoldScores]:
    """CoNLL F1 of each (C, linkage) over ``pairs``' topics, each topic scored by a model
    fitted on the other folds (topics dealt to folds in the shuffled order of ``seed``)."""
    order = np.random.default_rng(seed).permutation(len(pairs)) % folds
    out = {}
    for c in cs:
        found: dict[Linkage, list[list[Clusters]]] = {t: [] for t in linkages}
        keys: list[list[Clusters]] = []
        for fold in range(folds):
            model = fit_model([p for p, f in zip(pairs, order, strict=True) if f != fold], c)
            held = [p for p, f in zip(pairs, order, strict=True) if f == fold]
            keys.append([p.key for p in held])
            for t in linkages:
                found[t].append([predicted_chains(p, model, t) for p in held])
        for t in linkages:
            pooled = score_topics(
                [k for fold in keys for k in fold], [r for fold in found[t] for r in fold]
            )["CoNLL"][2]
            each = (score_topics(k, f)["CoNLL"][2] for k, f in zip(keys, found[t], strict=True))
            out[(c, t)] = FoldScores(float(pooled), tuple(float(v) for v in each))
    return out


def weights_text(pairs: Sequence[TopicPairs], model: Any) -> str:
    """``model`` as the text of ``accord/coref_weights.py``, the scaling folded into the
    weights."""
    poly, scaler, regression = (step for _, step in model.steps)
    scaled = regression.coef_[0] / scaler.scale_
    bias = float(regression.intercept_[0] - scaled @ scaler.mean_)
    n = len(FEATURES)
    linear, quadratic = np.zeros(n), np.zeros((n, n))
    for weight, powers in zip(scaled, poly.powers_, strict=True):
        used = [k for k in range(n) for _ in range(int(powers[k]))]
        if len(used) == 1:
            linear[used[0]] += weight
        else:
            quadratic[used[0], used[1]] += weight
    lines = ",\n".join("    (" + ", ".join(f"{v:.6g}" for v in r) + ",)" for r in quadratic)
    count = sum(len(p.labels) for p in pairs)
    return (
        '"""Weights of accord.coref\'s pair model: a logistic regression over the pair features\n'
        "(``accord.coref.FEATURES``, in order) and their products, fitted on ECB+ train topics\n"
        f"({count} pairs, C={regression.C:g}) by ``evaluation/eval_ecbplus_coref.py --fit``; "
        'regenerate, never edit.\n"""\n\n'
        f"BIAS = {bias:.6g}\n"
        "LINEAR = (" + ", ".join(f"{v:.6g}" for v in linear) + ",)\n"
        "# QUADRATIC[i][j] weighs feature i times feature j (upper triangle).\n"
        f"QUADRATIC = (\n{lines},\n)\n"
    )
