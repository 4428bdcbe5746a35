"""Ingest throughput per stage, peak memory, and the full path against a bare spaCy pass.

    python bench/bench_pipeline.py 200                    # stage rates on 200 synthetic articles
    python bench/bench_pipeline.py 200 --baseline 1a847b9  # and a commit's, side by side
    python bench/bench_pipeline.py 200 --precision fp32   # paragraphs on the fp32 weights
    python bench/bench_pipeline.py 2000 --ingest          # full ingest into a store, then re-run
    python bench/bench_pipeline.py --model-load 7 --baseline d2dd0bf \
        --baseline-python /path/to/old/.venv/bin/python   # model load only, before and after

The spaCy and embedder load times are printed first, then ``model_load_s``: the wall seconds
of the whole load a run does (``Models.load()``, imports included) in a fresh process, the
median of :data:`LOAD_RUNS`. The last line is one JSON object (``articles``,
``full_cpu_ms``, ``bare_cpu_ms``, ``ratio``, ``peak_rss_mib``, ``model_load_s``, the
in-process load seconds and each stage's CPU ms per article). Stages are timed one after
another over the same articles (clean, parse, extract, entities, embed, dedupe + cluster +
store write). The bare pass is spaCy's small English pipeline with only ``tok2vec``,
``senter`` and ``ner`` over the same cleaned texts: the floor any pipeline that finds sentences
and entities pays.

With ``--baseline``, the commit is extracted into a temporary folder (beside a link to the
data sets, so it builds the same synthetic articles) and both benches run in fresh processes,
the baseline first; the table gives each stage's CPU ms per article for both, and the JSON
line is the current tree's with the baseline's under ``"baseline"``. With ``--model-load N``,
only the model load is timed: N fresh processes of each tree, alternating (the baseline in
``--baseline-python``, e.g. a venv that still holds torch), medians in the JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

# The checkout this script sits in, not whichever accord the environment installed.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic import synthetic_corpus  # noqa: E402

from accord.clean import clean_articles  # noqa: E402
from accord.cluster import StoryIndex, lead_text  # noqa: E402
from accord.corpus import commit_batch  # noqa: E402
from accord.distributed import (  # noqa: E402
    BatchReport,
    ingest_articles,
    link_reprints,
    local_batches,
    signal_of,
)
from accord.extract import extract_blocks  # noqa: E402
from accord.nlp import (  # noqa: E402
    LEAD_PRECISION,
    PARAGRAPH_PRECISION,
    SPACY_PACKAGES,
    Models,
    load_embedder,
    load_nlp,
    parse_blocks,
)
from accord.process import ProcessedArticle, entities_of  # noqa: E402
from accord.store import Store  # noqa: E402

BARE_KEEP = ("tok2vec", "senter", "ner")
LOAD_RUNS = 3
LOAD_MODELS = (
    "import time; t = time.perf_counter(); from accord.nlp import Models; Models.load(); "
    "print(time.perf_counter() - t)"
)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def now() -> tuple[float, float]:
    """Wall clock and this process's CPU time (all threads): on a shared machine the CPU
    seconds move less with other jobs' load than the wall seconds do."""
    return time.perf_counter(), time.process_time()


def bare_spacy_rate(texts: list[str]) -> tuple[float, float]:
    import spacy

    nlp = spacy.load(SPACY_PACKAGES[0])
    nlp.select_pipes(enable=[p for p in BARE_KEEP if p in nlp.component_names])
    wall, cpu = now()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - wall), (time.process_time() - cpu) / len(texts)


def model_load_seconds(checkout: Path = ROOT, python: str = sys.executable) -> float:
    """Wall seconds of ``Models.load()`` in a fresh process of ``python`` on ``checkout``'s
    accord, imports included: what every ``accord analyze`` pays before its first article."""
    done = subprocess.run(
        [python, "-c", LOAD_MODELS],
        env={**os.environ, "PYTHONPATH": str(checkout)},
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split()[-1])


def model_loads(runs: int, baseline: str | None, baseline_python: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this tree": (ROOT, sys.executable)}
        if baseline:
            trees = {baseline: (extract(baseline, Path(tmp)), baseline_python), **trees}
        seconds: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(runs):
            for name, (checkout, python) in trees.items():
                seconds[name].append(model_load_seconds(checkout, python))
    for name, found in seconds.items():
        print(f"{name}	model load {np.median(found):.2f} s (median of {runs})	{found}")
    print(f"load average\t{os.getloadavg()[0]:.1f} (1 min, at the end)")
    summary: dict[str, object] = {
        "model_load_s": round(float(np.median(seconds.pop("this tree"))), 2)
    }
    if baseline:
        summary["baseline"] = {
            "commit": baseline,
            "model_load_s": round(float(np.median(seconds[baseline])), 2),
        }
    print(json.dumps(summary))


def stage_rates(size: int, precision: str | None = None) -> None:
    articles = synthetic_corpus(size)
    loads: dict[str, float] = {}
    start = time.perf_counter()
    nlp = load_nlp()
    loads["spaCy"] = time.perf_counter() - start
    start = time.perf_counter()
    embedder = load_embedder()
    lead_embedder = load_embedder(LEAD_PRECISION)
    chosen = precision or PARAGRAPH_PRECISION
    paragraph_embedder = lead_embedder if chosen == LEAD_PRECISION else load_embedder(chosen)
    loads["embedder"] = time.perf_counter() - start  # every weight a run loads
    models = Models(nlp, embedder, lead_embedder, paragraph_embedder)
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(name: str, start: tuple[float, float]) -> None:
        times[name] = time.perf_counter() - start[0]
        cpu[name] = time.process_time() - start[1]

    t = now()
    done = clean_articles(articles, models.for_paragraphs)
    cleaned = [c.article for c in done]
    timed("clean", t)
    t = now()
    parsed = list(parse_blocks(cleaned, models.nlp))
    timed("parse", t)
    t = now()
    extractions = [extract_blocks(a, b) for a, b in zip(cleaned, parsed, strict=True)]
    entities = [entities_of(b) for b in parsed]
    timed("extract", t)
    t = now()
    vectors = models.embed_leads([lead_text(a) for a in cleaned])
    timed("embed", t)
    processed = [
        ProcessedArticle(c.article, x, e, np.asarray(v), c.vectors)
        for c, x, e, v in zip(done, extractions, entities, vectors, strict=True)
    ]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
        index = StoryIndex()
        t = now()
        assignments = [index.assign(signal_of(p)) for p in processed]
        timed("cluster", t)
        t = now()
        records = link_reprints(store, processed, assignments, models.for_paragraphs, chosen)
        timed("dedupe", t)
        t = now()
        commit_batch(store, records, assignments, index)
        timed("store", t)
    total = sum(times.values())
    bare, bare_cpu = bare_spacy_rate([a.text for a in cleaned])
    model_load = float(np.median([model_load_seconds() for _ in range(LOAD_RUNS)]))
    chars = sum(len(a.original) for a in articles) / len(articles)
    print(f"articles\t{size} (mean {chars:.0f} characters)")
    print(f"load average\t{os.getloadavg()[0]:.1f} (1 min, at the end)")
    for name, seconds in loads.items():
        print(f"{name} model load\t{seconds:.2f} s")
    print(
        f"model_load_s\t{model_load:.2f} s (Models.load in a fresh process, median of {LOAD_RUNS})"
    )
    for name, seconds in times.items():
        print(
            f"{name}\t{size / seconds:.1f} articles/s\t{seconds / total:.0%} of the time"
            f"\t{1000 * cpu[name] / size:.1f} CPU ms/article"
        )
    full_cpu = sum(cpu.values()) / size
    print(f"full\t{size / total:.1f} articles/s\t{1000 * full_cpu:.1f} CPU ms/article")
    print(f"bare spaCy tok2vec+senter+ner\t{bare:.1f} articles/s\t{1000 * bare_cpu:.1f} CPU ms")
    print(f"full / bare\t{size / total / bare:.2f} (wall)\t{bare_cpu / full_cpu:.2f} (CPU)")
    print(f"peak RSS\t{peak_rss_mib():.0f} MiB")
    summary = {
        "articles": size,
        "full_cpu_ms": round(1000 * full_cpu, 1),
        "bare_cpu_ms": round(1000 * bare_cpu, 1),
        "ratio": round(bare_cpu / full_cpu, 3),
        "peak_rss_mib": round(peak_rss_mib()),
        "model_load_s": round(model_load, 2),
        "load_s": {name: round(seconds, 2) for name, seconds in loads.items()},
        "stage_cpu_ms": {name: round(1000 * cpu[name] / size, 1) for name in times},
    }
    print(json.dumps(summary))  # last line: one JSON object, for scripts comparing runs


def ingest_twice(size: int) -> None:
    articles = synthetic_corpus(size)
    models = Models.load()
    stream = local_batches(models)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "n.duckdb") as store:
        t = time.perf_counter()
        done = 0

        def progress(batch: BatchReport) -> None:  # a long run shows how far it got
            nonlocal done
            done += batch.articles
            seconds = time.perf_counter() - t
            print(f"batch {batch.number}\t{done}/{size}\t{seconds:.0f} s", file=sys.stderr)

        first = ingest_articles(store, articles, stream, models.for_paragraphs, on_batch=progress)
        elapsed = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest_articles(store, articles, stream, models.for_paragraphs)
        rerun = time.perf_counter() - t
        print(
            f"ingest\t{first.added} added, {first.new_stories} stories, "
            f"{size / elapsed:.1f} articles/s, {elapsed:.0f} s"
        )
        print(f"re-run\t{again.added} added, {again.known} already stored, {rerun:.1f} s")
        print(f"tables\t{store.counts()}")
    print(f"peak RSS\t{peak_rss_mib():.0f} MiB")


def bench_json(checkout: Path, size: int) -> dict[str, object]:
    """The last line of ``checkout``'s own bench over ``size`` articles, in a fresh process."""
    done = subprocess.run(
        [sys.executable, str(checkout / "bench" / "bench_pipeline.py"), str(size)],
        env={**os.environ, "PYTHONPATH": str(checkout)},  # an older bench does not set its path
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return summary


def extract(commit: str, folder: Path) -> Path:
    """``commit``'s tree in ``folder``/baseline, beside a link to the data sets."""
    checkout = folder / "baseline"
    checkout.mkdir()
    (folder / "shared").symlink_to(ROOT.parent / "shared")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive.stdout, check=True)
    return checkout


def side_by_side(size: int, baseline: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        before = bench_json(extract(baseline, Path(tmp)), size)
    after = bench_json(ROOT, size)
    stages: dict[str, dict[str, float]] = {
        "before": before["stage_cpu_ms"],  # type: ignore[dict-item]
        "after": after["stage_cpu_ms"],  # type: ignore[dict-item]
    }
    print(f"CPU ms per article, {size} articles\t{baseline}\tthis tree")
    for name in dict.fromkeys([*stages["before"], *stages["after"]]):
        print(f"{name}\t{stages['before'].get(name, '-')}\t{stages['after'].get(name, '-')}")
    for key in ("full_cpu_ms", "bare_cpu_ms", "ratio", "peak_rss_mib", "model_load_s"):
        print(f"{key}\t{before.get(key, '-')}\t{after[key]}")
    print(json.dumps({**after, "baseline": {"commit": baseline, **before}}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=200)
    parser.add_argument("--ingest", action="store_true", help="full ingest, then re-run")
    parser.add_argument("--baseline", help="a commit to run side by side with this tree")
    parser.add_argument(
        "--model-load", type=int, metavar="N", help="time only Models.load, N fresh processes each"
    )
    parser.add_argument(
        "--baseline-python",
        default=sys.executable,
        help="the interpreter of the baseline's model loads (default: this one)",
    )
    parser.add_argument(
        "--precision", help=f"the paragraphs' weights: int8 or fp32 (default {PARAGRAPH_PRECISION})"
    )
    args = parser.parse_args()
    if args.model_load:
        model_loads(args.model_load, args.baseline, args.baseline_python)
    elif args.baseline:
        side_by_side(args.size, args.baseline)
    elif args.ingest:
        ingest_twice(args.size)
    else:
        stage_rates(args.size, args.precision)


if __name__ == "__main__":
    main()
