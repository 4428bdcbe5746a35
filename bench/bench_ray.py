"""The Ray path with 1 and 2 workers: ingest throughput on a local Ray instance.

    python bench/bench_ray.py 60

Each run ingests the same synthetic articles into a fresh store through
:func:`accord.distributed.ray_batches`; the time includes starting the actors and loading
spaCy and the embedder in each (once per worker), as a real run pays it.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from synthetic import synthetic_corpus

from accord.distributed import ingest_articles, ray_batches
from accord.nlp import load_embedder
from accord.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    import ray

    articles = synthetic_corpus(args.size)
    embedder = load_embedder()  # the driver's, for reprint detection
    ray.init(
        num_cpus=os.cpu_count() or 2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
    )
    stories: list[set[frozenset[str]]] = []
    print(f"articles\t{args.size}\tcpus\t{os.cpu_count()}")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "r.duckdb") as store:
            start = time.perf_counter()
            stream = ray_batches(workers=workers)
            report = ingest_articles(store, articles, stream, embedder, batch_size=32)
            elapsed = time.perf_counter() - start
            rows = store.con.execute(
                "SELECT list(article ORDER BY article) FROM story_members GROUP BY story"
            ).fetchall()
            stories.append({frozenset(r[0]) for r in rows})
        print(f"workers {workers}\t{report.added / elapsed:.2f} articles/s\t{elapsed:.0f} s")
    print(f"same stories across runs\t{all(s == stories[0] for s in stories)}")
    ray.shutdown()


if __name__ == "__main__":
    main()
