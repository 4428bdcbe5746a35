"""The ONNX embedder against sentence-transformers: same vectors? how much faster to load and run?

    python bench/bench_embedding.py              # 2,000 paragraphs of the seeds and ECB+
    python bench/bench_embedding.py --texts 500

Texts: the seed articles' paragraphs, then ECB+ documents cut into paragraphs of three
sentences (``evaluation/ecbplus_text.py``). For each ONNX precision it prints the Spearman
correlation of all pairwise cosines with sentence-transformers' cosines, and how many of 500
same-source pairs (two paragraphs of one seed article or one ECB+ topic) change side of each
cosine threshold accord uses; then CPU and wall time to embed every text, and the model load
time of a fresh process (imports included). sentence-transformers runs in the build venv that
holds torch (``make export`` makes ``.venv-export``; ``--reference-python`` names another).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))

from ecbplus_text import DEFAULT_DATA, read_topic, topic_dirs  # noqa: E402

from accord.align import CLAIM_SIMILARITY, CONTRADICTION_SIMILARITY, SAME_ARTICLE_SIMILARITY  # noqa: E402
from accord.clean import OFF_TOPIC_AFTER_BOUNDARY, OFF_TOPIC_AT_END  # noqa: E402
from accord.dedupe import REWRITE_SIMILARITY  # noqa: E402
from accord.embedding import Precision, load_embedder  # noqa: E402
from accord.statements import PARAPHRASE_SIMILARITY, QUOTE_SIMILARITY  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
EXPORT_PYTHON = ROOT / ".venv-export" / "bin" / "python"
# sentence-transformers' vectors for the texts on stdin, written to argv[1]; prints wall and CPU
REFERENCE = """
import json, sys, time
import numpy as np
from sentence_transformers import SentenceTransformer
from accord.embedding import weights_dir
texts = json.load(sys.stdin)
model = SentenceTransformer(str(weights_dir()), device="cpu")
wall, cpu = time.perf_counter(), time.process_time()
vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
np.save(sys.argv[1], np.asarray(vectors, dtype=np.float32))
print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))
"""
SENTENCES_PER_PARAGRAPH = 3
PAIRS = 500
MIN_CHARS = 40
THRESHOLDS = {
    "clean off-topic at end": OFF_TOPIC_AT_END,
    "clean off-topic after boundary": OFF_TOPIC_AFTER_BOUNDARY,
    "align claim": CLAIM_SIMILARITY,
    "align contradiction": CONTRADICTION_SIMILARITY,
    "statements paraphrase": PARAPHRASE_SIMILARITY,
    "dedupe rewrite": REWRITE_SIMILARITY,
    "statements quote": QUOTE_SIMILARITY,
    "align same article": SAME_ARTICLE_SIMILARITY,
}


def paragraphs(limit: int) -> tuple[list[str], list[str]]:
    """Up to ``limit`` texts and, for each, the source it came from (for same-source pairs)."""
    texts: list[str] = []
    sources: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.strip()) >= MIN_CHARS:
                texts.append(line.strip())
                sources.append(path.stem)
    for folder in topic_dirs(DEFAULT_DATA):
        for document in read_topic(folder):
            lines = document.text.splitlines()[1:]
            for i in range(0, len(lines), SENTENCES_PER_PARAGRAPH):
                text = " ".join(lines[i : i + SENTENCES_PER_PARAGRAPH])
                if len(text) >= MIN_CHARS:
                    texts.append(text)
                    sources.append(f"ecb+{document.topic}")
            if len(texts) >= limit:
                return texts[:limit], sources[:limit]
    return texts[:limit], sources[:limit]


def timed_encode(encode: object, texts: list[str]) -> tuple[np.ndarray, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = np.asarray(encode(texts), dtype=np.float32)  # type: ignore[operator]
    return vectors, time.perf_counter() - wall, time.process_time() - cpu


def load_seconds(code: str, python: str = sys.executable) -> float:
    """Seconds a fresh interpreter takes to import and load a model (best of two)."""
    script = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [python, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout.split()[-1]
        )
        for _ in range(2)
    ]
    return min(runs)


def reference_vectors(texts: list[str], python: str) -> tuple[np.ndarray, float, float]:
    """sentence-transformers' vectors for ``texts`` from ``python`` (a venv holding torch),
    with the wall and CPU seconds its encoding took."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reference.npy"
        done = subprocess.run(
            [python, "-c", REFERENCE, str(out)],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        wall, cpu = json.loads(done.stdout.splitlines()[-1])
        return np.load(out), wall, cpu


def same_source_pairs(sources: list[str], count: int) -> list[tuple[int, int]]:
    rng = random.Random(0)
    by_source: dict[str, list[int]] = {}
    for i, source in enumerate(sources):
        by_source.setdefault(source, []).append(i)
    groups = [g for g in by_source.values() if len(g) > 1]
    # a few texts hold fewer same-source pairs than asked for: then every one of them
    count = min(count, sum(len(g) * (len(g) - 1) // 2 for g in groups))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        a, b = rng.sample(rng.choice(groups), 2)
        pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument(
        "--reference-python",
        default=str(EXPORT_PYTHON),
        help="an interpreter with sentence-transformers (default: %(default)s)",
    )
    args = parser.parse_args()
    texts, sources = paragraphs(args.texts)
    print(f"texts\t{len(texts)} (mean {np.mean([len(t) for t in texts]):.0f} characters)")
    ref, ref_wall, ref_cpu = reference_vectors(texts, args.reference_python)
    upper = np.triu_indices(len(texts), 1)
    ref_cos = (ref @ ref.T)[upper]
    pairs = same_source_pairs(sources, PAIRS)
    print(f"same-source pairs\t{len(pairs)}")
    ref_pairs = np.array([ref[a] @ ref[b] for a, b in pairs])
    loads = {
        "sentence-transformers": load_seconds(
            "from sentence_transformers import SentenceTransformer;"
            "from accord.embedding import weights_dir;"
            "SentenceTransformer(str(weights_dir()), device='cpu')",
            args.reference_python,
        )
    }
    above = {name: int(np.sum(ref_pairs >= t)) for name, t in THRESHOLDS.items()}
    rows: dict[str, dict[str, object]] = {
        "sentence-transformers": {"cpu_s": ref_cpu, "wall_s": ref_wall, "pairs_above": above}
    }
    for precision in Precision:
        embedder = load_embedder(precision)
        vectors, wall, cpu = timed_encode(embedder.encode, texts)
        cos = (vectors @ vectors.T)[upper]
        got = np.array([vectors[a] @ vectors[b] for a, b in pairs])
        flips = {
            name: int(np.sum((ref_pairs >= t) != (got >= t))) for name, t in THRESHOLDS.items()
        }
        name = f"onnx {precision}"
        loads[name] = load_seconds(
            f"from accord.embedding import load_embedder; load_embedder('{precision}')"
        )
        rows[name] = {
            "cpu_s": cpu,
            "wall_s": wall,
            "spearman": float(spearmanr(ref_cos, cos).statistic),
            "mean_abs_cos_diff": float(np.mean(np.abs(ref_cos - cos))),
            "max_abs_cos_diff": float(np.max(np.abs(ref_cos - cos))),
            "flips": flips,
        }
    for name, row in rows.items():
        print(f"{name}\tload {loads[name]:.2f} s\t{row['cpu_s']:.1f} CPU s\t{row['wall_s']:.1f} s")
        for key in ("spearman", "mean_abs_cos_diff", "max_abs_cos_diff"):
            if key in row:
                print(f"  {key}\t{row[key]:.4f}")
        for threshold, n in row.get("flips", {}).items():  # type: ignore[union-attr]
            print(f"  flips at {threshold} ({THRESHOLDS[threshold]})\t{n}")
    print(json.dumps({"texts": len(texts), "pairs": len(pairs), "load_s": loads, "runs": rows}))


if __name__ == "__main__":
    main()
