"""Wall time and peak memory of each adversarial case, against a normal text of its size.

    python bench/bench_adversarial.py                 # every case at full size (slow)
    python bench/bench_adversarial.py --scale 0.1     # a tenth of the sizes
    python bench/bench_adversarial.py --case one-word --case long-paragraph

Each case (``tests/adversarial.py``: a 5 MB one-line paragraph, 50,000 numbers, thousands
of unbalanced quote marks, invisible characters, one word a million times, 200,000
capitalised words before an acronym in brackets, a 100,000-char
title, thousands of tiny articles, 10,000 nested divs) runs alone in a fresh process
through read → clean → dedupe → parse → extract → reconcile (``accord.analyze``), so its
peak RSS is its own. The baseline is ordinary prose in paragraphs of a few sentences,
through the same path, timed once and scaled to each case's size (``normal s``); ``ratio``
is case time / that (the issue's bound is 10x). Model loading is not timed; RSS includes
the ~0.6 GiB of loaded models.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.adversarial import Case, corpus, sentences  # noqa: E402

SENTENCES_PER_PARAGRAPH = 4


def normal_case(chars: int) -> Case:
    """Ordinary prose of ``chars`` characters: a title, then short paragraphs."""
    text = sentences(chars, seed=9)
    parts = text.split(". ")
    paragraphs = [
        ". ".join(parts[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(parts), SENTENCES_PER_PARAGRAPH)
    ]
    return Case("normal", "normal.txt", "Ferry report\n\n" + ".\n\n".join(paragraphs), "baseline")


def run_one(case: Case) -> dict[str, float | int | str]:
    """Analyse one case in this process; its time, peak RSS and what came out."""
    import accord
    from accord.nlp import Models

    models = Models.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = case.write(Path(tmp))
        start = time.perf_counter()
        try:
            dossier = accord.analyze([path], models=models)
            outcome = f"{len(dossier.articles)} articles, {len(dossier.skipped)} skipped"
        except accord.AccordError as exc:
            outcome = f"refused: {str(exc)[:60]}"
        seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux
    return {
        "case": case.name,
        "chars": len(case.content),
        "seconds": seconds,
        "rss_mib": rss,
        "outcome": outcome,
    }


def in_child(name: str, scale: float) -> dict[str, float | int | str]:
    """Run one case in a fresh Python, so each peak RSS is that case's alone."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, "--scale", str(scale)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def cases(scale: float) -> dict[str, Case]:
    return {case.name: case for case in corpus(scale)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of full size")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        known = cases(args.scale)
        case = known[args.child] if args.child in known else normal_case(int(args.child))
        print(json.dumps(run_one(case)))
        return
    chosen = cases(args.scale)
    names = args.case or list(chosen)
    # one baseline, as a rate: the normal path is linear in characters (paragraphs are
    # parsed independently), so a normal article of N characters costs rate * N
    base = in_child(str(len(chosen["long-paragraph"].content)), args.scale)
    rate = float(base["seconds"]) / int(base["chars"])
    print(
        f"baseline: ordinary prose, {base['chars']:,} characters, {base['seconds']:.1f} s, "
        f"peak RSS {base['rss_mib']} MiB"
    )
    print(
        f"{'case':<22}{'chars':>11}{'seconds':>10}{'normal s':>10}{'ratio':>7}{'RSS MiB':>9}"
        "  outcome"
    )
    rows = []
    for name in names:
        found = in_child(name, args.scale)
        normal = rate * int(found["chars"])
        ratio = float(found["seconds"]) / max(normal, 1e-9)
        rows.append({**found, "normal_seconds": normal, "ratio": ratio})
        print(
            f"{name:<22}{found['chars']:>11,}{found['seconds']:>10.1f}{normal:>10.1f}"
            f"{ratio:>7.1f}{found['rss_mib']:>9}  {found['outcome']}",
            flush=True,
        )
    print(json.dumps({"bench": "adversarial", "scale": args.scale, "cases": rows}))


if __name__ == "__main__":
    main()
