"""Which verbs PolNeAR annotates as attribution cues when they take a subject and an object.

Usage: ``python evaluation/polnear_cue_verbs.py [--data DIR] [--split train] [--limit N]``.
The counts behind ``STANCE_VERBS`` in :mod:`accord.extract.cues` (read on ``train``, never on
``dev`` or ``test``). A *use* is a verb outside quote marks with a subject (``nsubj``) and an
object, clause or prepositional complement; it is a *cue* when a gold Cue span of the first
annotator's ``.ann`` starts inside the verb. Verbs accord already treats as cues are marked.
Printed: the verbs with at least ``MIN_USES`` uses and a cue rate of at least ``MIN_RATE``;
the last line is the JSON summary.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import common
import eval_polnear

MIN_USES = 4
# Half: a verb cued less often than that costs more precision than it gains recall.
MIN_RATE = 0.5
COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prep"})


def cue_starts(ann: Path) -> set[int]:
    """Every character offset covered by a gold Cue span."""
    covered: set[int] = set()
    for line in ann.read_text("utf-8").splitlines():
        if line.startswith("T") and "\tCue " in line:
            offsets = line.split("\t")[1].partition(" ")[2]
            for piece in offsets.split(";"):
                start, end = (int(x) for x in piece.split())
                covered.update(range(start, end))
    return covered


def count(pairs: list[tuple[Path, Path]]) -> tuple[Counter[str], Counter[str]]:
    """(uses, cued uses) per verb lemma."""
    from accord.extract.quote_marks import quote_regions
    from accord.model import Article
    from accord.nlp import load_nlp, parse_blocks

    nlp = load_nlp()
    uses: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for text_path, ann in pairs:
        text = text_path.read_text("utf-8")
        gold = cue_starts(ann)
        article = Article.create(source=str(text_path), original=text, title=text.split("\n")[0])
        for block in next(parse_blocks([article], nlp)):
            regions = quote_regions(block.doc.text)
            for token in block.doc:
                deps = {c.dep_ for c in token.children}
                quoted = any(r.outer_start <= token.idx < r.outer_end for r in regions)
                if token.pos_ != "VERB" or quoted or "nsubj" not in deps:
                    continue
                if deps & COMPLEMENTS:
                    uses[token.lemma_.lower()] += 1
                    cued[token.lemma_.lower()] += block.start + token.idx in gold
    return uses, cued


def main(argv: list[str] | None = None) -> int:
    from accord.extract.cues import OBJECT_CUES, SPEECH_VERBS, STANCE_VERBS

    default = eval_polnear.DEFAULT_DATA
    args = common.parser(__doc__, default, eval_polnear.SPLITS, "train", "documents").parse_args(
        argv
    )
    folder = eval_polnear.split_folder(args.data, args.split)
    if not (folder / "text").is_dir():
        return common.absent(folder, "PolNeAR text/ and attributions/ folders")
    pairs = eval_polnear.documents(folder, args.limit)
    uses, cued = count(pairs)
    known = SPEECH_VERBS | OBJECT_CUES | STANCE_VERBS
    chosen = sorted(
        (v for v in uses if uses[v] >= MIN_USES and cued[v] >= MIN_RATE * uses[v]),
        key=lambda v: (-cued[v] / uses[v], v),
    )
    print(f"PolNeAR {folder.name}: {len(pairs)} documents, {sum(uses.values())} verb uses")
    print(f"{'verb':<16}{'uses':>6}{'cued':>6}{'rate':>7}  accord")
    for verb in chosen:
        mark = "cue" if verb in known else "-"
        print(f"{verb:<16}{uses[verb]:>6}{cued[verb]:>6}{cued[verb] / uses[verb]:>7.2f}  {mark}")
    common.emit(
        "polnear_cue_verbs",
        folder.name,
        {"verbs": len(chosen), "known": sum(v in known for v in chosen)},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
