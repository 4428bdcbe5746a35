"""Time and peak memory of each cross-source stage on one long article of real prose.

    python bench/bench_long_article.py --chars 100000
    python bench/bench_long_article.py --chars 1100000      # the issue's size (slow)

The article is the sentences of ECB+ *train* documents (``evaluation/ecbplus_text.py``, the
headline dropped) joined one per paragraph, cut at ``--chars``: real news prose, long. It is
read, cleaned, parsed and extracted once, then each stage of ``pipeline.cross_source`` runs
alone and prints its seconds and the process's peak RSS so far (models included, loaded
before anything is timed). Numbers: ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.ecbplus_text import DEFAULT_DATA, read_topic, split_of, topic_dirs  # noqa: E402


def long_article(chars: int, data: Path = DEFAULT_DATA) -> str:
    """``chars`` characters of ECB+ train sentences, one a paragraph, under one title."""
    paragraphs: list[str] = []
    size = 0
    for folder in topic_dirs(data):
        if split_of(int(folder.name)) != "train":
            continue
        for doc in read_topic(folder):
            for line in doc.text.splitlines()[1:]:
                if line.strip():
                    paragraphs.append(line.strip())
                    size += len(line) + 2
            if size >= chars:
                return ("Long report\n\n" + "\n\n".join(paragraphs))[:chars]
    return ("Long report\n\n" + "\n\n".join(paragraphs))[:chars]


def peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=100_000)
    args = parser.parse_args()
    from accord import align, dedupe, happened, reconcile, timeline
    from accord.ingest import read_inputs
    from accord.nlp import Models
    from accord.process import process

    models = Models.load()
    rows: list[dict[str, Any]] = []

    def timed(name: str, run: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        out = run()
        rows.append({"stage": name, "seconds": time.perf_counter() - start, "rss_mib": peak_mib()})
        print(f"{name:<20}{rows[-1]['seconds']:>9.1f} s{rows[-1]['rss_mib']:>8} MiB", flush=True)
        return out

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(long_article(args.chars), encoding="utf-8")
        articles = list(read_inputs([path]).articles)

    def parse() -> tuple[list[Any], list[Any]]:
        done = process(articles, models, strict=True).articles
        known = [p.paragraph_vectors for p in done]
        kept = dedupe.mark_derived([p.article for p in done], models.embedder, known)
        return kept, [p.extraction for p in done]

    kept, extractions = timed("parse+extract", parse)
    events = timed("find_events", lambda: reconcile.find_events(kept, extractions))
    ex = extractions
    figures = timed("reconcile_figures", lambda: reconcile.reconcile_figures(kept, ex, events))
    events = timed("describe_events", lambda: happened.describe_events(events, kept, ex, figures))
    quotes = timed(
        "group_quotes", lambda: align.group_quotes(kept, extractions, embedder=models.embedder)
    )
    claims = timed(
        "align_claims",
        lambda: align.align_claims(kept, extractions, events, embedder=models.embedder),
    )
    entries = timed("build_timeline", lambda: timeline.build_timeline(kept, extractions, events))
    found = {"events": len(events), "figures": len(figures), "quotes": len(quotes)}
    found |= {"claims": len(claims), "timeline": len(entries)}
    print(json.dumps({"bench": "long-article", "chars": args.chars, "stages": rows, **found}))


if __name__ == "__main__":
    main()
