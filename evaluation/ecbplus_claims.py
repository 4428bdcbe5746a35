"""ECB+ gold for claims: which sentence pairs of two documents report one annotated event.

ECB+ annotates event mentions in a selection of each document's sentences and links them
across documents (``CROSS_DOC_COREF``). Two sentences of different documents, both annotated,
*share an event* when each holds a mention of one cross-document chain. A claim of accord's
dossier joins sentences of several articles; each cross-article pair of its sentences whose
both sides are annotated is *judged*: supported when they share an event, unsupported when
they do not (they tell of different happenings or different actions). Pairs with a side that
ECB+ did not annotate (background, quotes, context) are not judged, so this is a precision on
the event sentences only, and a recall over the pairs of annotated sentences that share an
event (which also holds pairs that are not one claim: "X was arrested" and "X's arrest drew
protests"), so read it as relative, not absolute.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from ecbplus_text import written_lines
from eval_ecbplus_coref import read_mentions, selected_sentences

from accord.model import Dossier

Sentence = tuple[str, int]  # (document name, ECB+ sentence number)


@dataclass(frozen=True)
class TopicGold:
    lines: dict[str, list[int]]  # document -> the sentence number of each line written
    chains: dict[Sentence, frozenset[str]]  # annotated sentence -> its cross-document chains


def topic_gold(data: Path, topic: int) -> TopicGold:
    selected = selected_sentences(data)
    lines: dict[str, list[int]] = {}
    chains: dict[Sentence, set[str]] = {}
    for path in sorted((data / "ECB+" / str(topic)).glob("*.xml")):
        doc = path.name.removesuffix(".xml")
        lines[doc] = [k for k, _ in written_lines(path)]
        mentions, _ = read_mentions(path, selected)
        for m in mentions:
            found = chains.setdefault((doc, m.sentence), set())
            if "/intra/" not in m.gold and "/single/" not in m.gold:
                found.add(m.gold)
    return TopicGold(lines, {k: frozenset(v) for k, v in chains.items()})


@dataclass
class ClaimScore:
    claims: int = 0
    judged: int = 0  # cross-article pairs inside claims with both sentences annotated
    supported: int = 0  # ... that share an event
    gold_pairs: int = 0  # cross-document pairs of annotated sentences that share an event
    found: int = 0  # ... that one claim holds


def score_claims(dossier: Dossier, doc_of: dict[str, str], gold: TopicGold) -> ClaimScore:
    """``doc_of`` maps a dossier article id to its ECB+ document name."""
    originals = {a.id: a.original for a in dossier.articles}

    def sentence(article: str, start: int) -> Sentence | None:
        doc = doc_of[article]
        line = originals[article][:start].count("\n")
        numbers = gold.lines[doc]
        return (doc, numbers[line]) if line < len(numbers) else None

    score = ClaimScore(claims=len(dossier.claims))
    together: set[frozenset[Sentence | None]] = set()
    for claim in dossier.claims:
        for a, b in itertools.combinations(claim.mentions, 2):
            if a.article == b.article:
                continue
            sa, sb = sentence(a.article, a.start), sentence(b.article, b.start)
            together.add(frozenset((sa, sb)))
            if sa in gold.chains and sb in gold.chains:
                score.judged += 1
                score.supported += bool(gold.chains[sa] & gold.chains[sb])
    for sa, sb in itertools.combinations(sorted(gold.chains), 2):
        if sa[0] != sb[0] and gold.chains[sa] & gold.chains[sb]:
            score.gold_pairs += 1
            score.found += frozenset((sa, sb)) in together
    return score
