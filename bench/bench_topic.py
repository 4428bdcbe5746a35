"""The cost of one dossier: ``accord.analyze`` on an ECB+ topic, now against a baseline commit.

    python bench/bench_topic.py                    # topic 41 against the default baseline
    python bench/bench_topic.py --topic 36 --baseline <commit> --repeat 3

Both versions run in fresh subprocesses over the same rebuilt topic folder, alternating, so the
two see the same machine load; the baseline is checked out into a temporary git worktree. Each
run reports the CPU seconds of its ``analyze`` call (model loading excluded: it is the same for
both and paid once per process) and the wall seconds; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))

from ecbplus_text import DEFAULT_DATA, read_topic, write_documents  # noqa: E402

# The last commit before incident-aware figures and "what happened" (the cost the issue
# measured against).
DEFAULT_BASELINE = "f4b8d21"

RUN_ONE = """
import json, sys, time
import accord
try:  # models passed in (this tree) or loaded on first use (the baseline commit)
    from accord.nlp import Models
    options = {"models": Models.load()}
except ImportError:
    from accord.nlp import embed, get_nlp
    get_nlp(); embed(["warm up"])
    options = {}
wall, cpu = time.perf_counter(), time.process_time()
dossier = accord.analyze([sys.argv[1]], **options)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "articles": len(dossier.articles), "figures": len(dossier.figures),
                  "code": accord.__file__}))
"""


def run(checkout: Path, folder: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(  # run from the checkout: "-c" puts the working folder first on the path
        [sys.executable, "-c", RUN_ONE, str(folder)],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    if not str(result["code"]).startswith(str(checkout)):
        raise SystemExit(f"ran {result['code']}, not the checkout {checkout}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topic", type=int, default=41)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="a commit to compare with")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "topic"
        write_documents(read_topic(args.data / "ECB+" / str(args.topic)), folder)
        baseline = Path(tmp) / "baseline"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "-q",
                "--detach",
                str(baseline),
                args.baseline,
            ],
            check=True,
        )
        try:
            runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "current": []}
            for _ in range(args.repeat):
                runs["baseline"].append(run(baseline, folder))
                runs["current"].append(run(ROOT, folder))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                check=False,
            )
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in runs.items()}
    wall = {k: statistics.median(r["wall"] for r in v) for k, v in runs.items()}
    articles = runs["current"][0]["articles"]
    print(f"ECB+ topic {args.topic}: {articles:.0f} articles, {args.repeat} runs each (median)")
    print(f"{'version':<10} {'cpu s':>8} {'wall s':>8} {'figures':>8}")
    for name in ("baseline", "current"):
        figures = runs[name][0]["figures"]
        print(f"{name:<10} {cpu[name]:>8.2f} {wall[name]:>8.2f} {figures:>8.0f}")
    ratio = cpu["current"] / cpu["baseline"]
    print(f"current / baseline CPU: {ratio:.2f}x")
    metrics = {"cpu_ratio": round(ratio, 3), **{f"cpu_{k}": round(v, 2) for k, v in cpu.items()}}
    print(json.dumps({"bench": "topic", "topic": args.topic, "metrics": metrics}))


if __name__ == "__main__":
    main()
