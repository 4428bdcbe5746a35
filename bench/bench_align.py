"""Claim alignment cost at 1k, 10k and 100k claims: seconds and comparisons per claim.

The cost question is the blocking in :func:`accord.align.similar_pairs`, which is independent
of what the vectors mean, so the claims are random unit vectors (384-d, the embedder's size)
plus planted paraphrase pairs at cosine ≈ 0.8 to report recall at the same time. Embedding
time is not included (it is linear by construction: one forward pass per sentence).

    .venv/bin/python bench/bench_align.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from accord.align import CLAIM_SIMILARITY, similar_pairs

DIM = 384
PLANTED_SHARE = 0.01  # 1% of claims get a paraphrase twin
TWIN_COSINE = 0.8


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """``n`` unit vectors; the last ``n * PLANTED_SHARE`` are twins of the first ones."""
    rng = np.random.default_rng(seed)
    twins = max(1, int(n * PLANTED_SHARE))
    base = rng.standard_normal((n - twins, DIM)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    noise = rng.standard_normal((twins, DIM)).astype(np.float32)
    noise -= (noise * base[:twins]).sum(axis=1, keepdims=True) * base[:twins]
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    angle = np.arccos(TWIN_COSINE)
    twin = np.cos(angle) * base[:twins] + np.sin(angle) * noise
    planted = {(i, n - twins + i) for i in range(twins)}
    return np.concatenate([base, twin]).astype(np.float32), planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(
        f"# {platform.machine()} {platform.processor() or ''} python {platform.python_version()}"
        f" numpy {np.__version__}; threshold {CLAIM_SIMILARITY}, twins at cos {TWIN_COSINE}"
    )
    print("| claims | seconds | comparisons per claim | share of all pairs | recall of twins |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        vectors, planted = synthetic(n)
        start = time.perf_counter()
        result = similar_pairs(vectors, CLAIM_SIMILARITY)
        seconds = time.perf_counter() - start
        found = {tuple(p) for p in result.pairs.tolist()} & planted
        share = result.comparisons / (n * (n - 1) / 2)
        print(
            f"| {n:,} | {seconds:.2f} | {result.comparisons / n:,.0f} | {share:.4f} "
            f"| {len(found) / len(planted):.3f} |"
        )


if __name__ == "__main__":
    main()
