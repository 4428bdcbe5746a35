"""Story clustering cost per article at growing corpus sizes, and peak memory.

Isolates :class:`accord.cluster.StoryIndex` from the language models: embeddings are
synthetic (each story a random unit direction, each article that direction plus noise) and
generated day by day, so the stream itself holds no memory. Each size runs in a fresh
process so that its peak RSS is its own.

    python bench/bench_cluster.py            # 1k, 10k, 100k
    python bench/bench_cluster.py 5000       # one size
"""

from __future__ import annotations

import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

import numpy as np

from accord.cluster import EMBEDDING_DIM, Signal, StoryIndex

SIZES = (1_000, 10_000, 100_000)
STORIES_PER_DAY = 40
ARTICLES_PER_STORY = (1, 8)
NOISE = 0.045  # per-dimension noise: an article's cosine to its story direction is about 0.75
DAY0 = 738886  # 2024-01-01


def stream(size: int, seed: int = 0) -> Iterator[tuple[Signal, int]]:
    """(signal, true story number) in publication order."""
    rng = np.random.default_rng(seed)
    made = story = 0
    while made < size:
        day = DAY0 + story // STORIES_PER_DAY
        direction = rng.standard_normal(EMBEDDING_DIM)
        direction /= np.linalg.norm(direction)
        names = [f"e{story}-{i}" for i in range(5)]
        for _ in range(int(rng.integers(ARTICLES_PER_STORY[0], ARTICLES_PER_STORY[1] + 1))):
            vector = direction + NOISE * rng.standard_normal(EMBEDDING_DIM)
            vector = (vector / np.linalg.norm(vector)).astype(np.float32)
            entities = frozenset(rng.choice(names, 3, replace=False)) | {
                f"common{int(rng.integers(50))}"
            }
            yield (
                Signal(f"a{made}", vector, frozenset(entities), day + int(rng.integers(0, 3))),
                story,
            )
            made += 1
            if made == size:
                return
        story += 1


def run_one(size: int) -> None:
    index = StoryIndex()
    current, assigned = -1, set[str]()
    stories = splits = candidates = 0
    elapsed = 0.0
    for signal, story in stream(size):
        if story != current:  # true stories arrive one after another: score the last one
            splits += max(0, len(assigned) - 1)
            stories += 1
            current, assigned = story, set()
        candidates += len(index.candidates(signal, index.keys(signal.vector)))
        start = time.perf_counter()
        assigned.add(index.assign(signal).story)
        index.take_touched()  # the ingest driver drains these once per batch
        elapsed += time.perf_counter() - start
    splits += max(0, len(assigned) - 1)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{size}\t{elapsed / size * 1e6:.1f}\t{candidates / size:.1f}\t{len(index.stories)}"
        f"\t{splits / stories:.3f}\t{rss_mib:.0f}",
        flush=True,
    )


def main() -> None:
    if len(sys.argv) > 1:
        run_one(int(sys.argv[1]))
        return
    print(
        f"# {platform.node()} {platform.processor() or platform.machine()}, "
        f"python {platform.python_version()}"
    )
    print(
        "articles\tus_per_article\tcandidates_per_article\topen_stories"
        "\textra_stories_per_true_story\tpeak_rss_mib",
        flush=True,
    )
    for size in SIZES:
        subprocess.run([sys.executable, __file__, str(size)], check=True)


if __name__ == "__main__":
    main()
