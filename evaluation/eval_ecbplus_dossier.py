"""ECB+ through the whole ``accord.analyze`` path: events, figure purity, false conflicts.

Each topic's documents are rebuilt as plain-text articles (``ecbplus_text``), written to a
temporary folder and analysed as a user would (``accord.analyze([folder])``). Gold: a topic's
``ecb`` documents report one seminal event, its ``ecbplus`` documents another of the same type.
Dossier articles map back to documents by their source path. Scored per topic and pooled per
split (train and dev to tune on, test topics 36–45 reported apart):

- **event split**: B-cubed P/R/F1 of ``dossier.events`` against the two halves (an article in
  no event counts as a singleton);
- **figure purity**: of the figure groups whose mentions come from 2+ articles, the share whose
  articles all report one gold event;
- **false-conflict rate**: of the groups flagged ``conflict``, the share whose mentions come
  from both gold events;
- figure groups per article and events per topic;
- **statement groups per article** (``dossier.quotes``: each is one statement of one speaker,
  shown once), how many are carried by 2+ independent sources, how many are shown open (the
  rest are folded as minor single-source statements), and how many speakers appear
  under more than one group in one article (a statement split in two is one such case, two
  statements of one speaker another: an upper bound on over-splitting);
- **claims** (``dossier.claims``) against the annotated event sentences (``ecbplus_claims``):
  of the cross-article sentence pairs inside one claim whose both sentences ECB+ annotated,
  the share that report one annotated event (precision), and of the pairs of annotated
  sentences that do, the share one claim holds (recall; relative, see that module);
- **contradictions between claims**: how many pairs of claims contradict each other, and of
  them how many join claims whose articles share no gold event (a contradiction between two
  events is false by definition; one inside an event still needs reading).

``--statements FILE`` also writes every 2+-source statement's renderings (document and
offsets), so that ``statements_lost.py`` can tell which of one run's shared statements another
run no longer shows as one.

    .venv/bin/python evaluation/eval_ecbplus_dossier.py --topics test [--data PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import ecbplus_text
from ecbplus_claims import ClaimScore, score_claims, topic_gold
from ecbplus_text import DEFAULT_DATA, Document, parse_topics, read_topic, split_of
from eval_ecbplus import bcubed

import accord
from accord.model import Dossier
from accord.nlp import Models


@dataclass
class TopicScore:
    """What one topic's dossier got right, as counts that pool across topics."""

    topic: int
    articles: int
    events: int
    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    figures: int = 0
    shared_groups: int = 0  # figure groups with mentions from 2+ articles
    pure_groups: int = 0  # ... whose articles all report one gold event
    conflicts: int = 0
    false_conflicts: int = 0  # conflict groups with mentions from both gold events
    contradictions: int = 0  # pairs of claims that contradict each other
    cross_event_contradictions: int = 0  # ... whose articles share no gold event
    statements: int = 0  # statement groups (dossier.quotes)
    shared_statements: int = 0  # ... carried by 2+ independent sources
    open_statements: int = 0  # ... shown open (not folded as minor and single-source)
    repeated_speakers: int = 0  # (article, speaker) under 2+ groups
    claims: ClaimScore = field(default_factory=ClaimScore)
    # each 2+-source statement as its renderings: (document, start, end) with its speaker,
    # for ``statements_lost.py`` to compare two runs by
    shared_renderings: list[dict[str, object]] = field(default_factory=list)


def score_topic(topic: int, dossier: Dossier, documents: dict[str, Document]) -> TopicScore:
    """Score one topic's dossier; ``documents`` maps a resolved source path to its document."""
    gold_of = {a.id: documents[str(Path(a.source).resolve())].event for a in dossier.articles}
    event_of = {art: ev.id for ev in dossier.events for art in ev.articles}
    score = TopicScore(topic, len(dossier.articles), len(dossier.events))
    for article in dossier.articles:
        score.gold.append(gold_of[article.id])
        score.predicted.append(f"{topic}/{event_of.get(article.id, 'single-' + article.id)}")
    score.figures = len(dossier.figures)
    for figure in dossier.figures:
        sources = {m.span.article for m in figure.mentions}
        events = {gold_of[a] for a in sources}
        if len(sources) >= 2:
            score.shared_groups += 1
            score.pure_groups += len(events) == 1
        if figure.conflict:
            score.conflicts += 1
            score.false_conflicts += len(events) > 1
    events_of = {c.id: {gold_of[m.article] for m in c.mentions} for c in dossier.claims}
    pairs = {tuple(sorted((c.id, o))) for c in dossier.claims for o in c.contradicts}
    score.contradictions = len(pairs)
    score.cross_event_contradictions = sum(
        not events_of.get(a, set()) & events_of.get(b, set()) for a, b in pairs
    )
    score.statements = len(dossier.quotes)
    score.shared_statements = sum(q.sources >= 2 for q in dossier.quotes)
    score.open_statements = sum(not q.folded for q in dossier.quotes)
    groups_of: dict[tuple[str, str], int] = {}
    for quote in dossier.quotes:
        for source in {m.span.article for m in quote.mentions}:
            key = (source, (quote.speaker or "").lower())
            groups_of[key] = groups_of.get(key, 0) + 1
    score.repeated_speakers = sum(n >= 2 for n in groups_of.values())
    return score


def run_topic(data: Path, topic: int, models: Models) -> TopicScore:
    docs = read_topic(data / "ECB+" / str(topic))
    with tempfile.TemporaryDirectory(prefix=f"ecbplus-{topic}-") as tmp:
        folder = Path(tmp).resolve()
        written = ecbplus_text.write_documents(docs, folder)
        dossier = accord.analyze([folder], models=models)
        documents = {str(p.resolve()): d for p, d in written.items()}
        score = score_topic(topic, dossier, documents)
        doc_of = {a.id: documents[str(Path(a.source).resolve())].name for a in dossier.articles}
        score.claims = score_claims(dossier, doc_of, topic_gold(data, topic))
        score.shared_renderings = [
            {
                "speaker": quote.speaker,
                "text": quote.text,
                "renderings": [
                    [doc_of[m.span.article], m.span.start, m.span.end] for m in quote.mentions
                ],
            }
            for quote in dossier.quotes
            if quote.sources >= 2
        ]
        return score


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarise(scores: list[TopicScore]) -> dict[str, float | int | None]:
    """Pooled metrics over topics (B-cubed over all their documents, purity over all groups)."""
    gold = [g for s in scores for g in s.gold]
    predicted = [p for s in scores for p in s.predicted]
    p, r, f = bcubed(gold, predicted)
    articles = sum(s.articles for s in scores)
    claims = ClaimScore(
        *(sum(getattr(s.claims, k) for s in scores) for k in ClaimScore.__dataclass_fields__)
    )
    return {
        "topics": len(scores),
        "articles": articles,
        "b3_precision": round(p, 4),
        "b3_recall": round(r, 4),
        "b3_f1": round(f, 4),
        "events_per_topic": round(sum(s.events for s in scores) / len(scores), 2),
        "figure_groups_per_article": round(sum(s.figures for s in scores) / articles, 3),
        "shared_groups": sum(s.shared_groups for s in scores),
        "figure_purity": _round(
            ratio(sum(s.pure_groups for s in scores), sum(s.shared_groups for s in scores))
        ),
        "statement_groups_per_article": round(sum(s.statements for s in scores) / articles, 3),
        "shared_statements": sum(s.shared_statements for s in scores),
        "open_statements_per_article": round(sum(s.open_statements for s in scores) / articles, 3),
        "repeated_speakers_per_article": round(
            sum(s.repeated_speakers for s in scores) / articles, 3
        ),
        "claims_per_article": round(sum(s.claims.claims for s in scores) / articles, 3),
        "claim_pair_precision": _round(ratio(claims.supported, claims.judged)),
        "claim_pair_recall": _round(ratio(claims.found, claims.gold_pairs)),
        "claim_pairs_judged": claims.judged,
        "conflicts": sum(s.conflicts for s in scores),
        "false_conflict_rate": _round(
            ratio(sum(s.false_conflicts for s in scores), sum(s.conflicts for s in scores))
        ),
        "claim_contradictions": sum(s.contradictions for s in scores),
        "cross_event_contradictions": sum(s.cross_event_contradictions for s in scores),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def print_topic(s: TopicScore) -> None:
    _, _, f = bcubed(s.gold, s.predicted)
    print(
        f"| {s.topic} | {split_of(s.topic)} | {s.articles} | {s.events} | {f:.3f} | "
        f"{s.figures / s.articles:.2f} | {s.pure_groups}/{s.shared_groups} "
        f"({_cell(ratio(s.pure_groups, s.shared_groups))}) | "
        f"{s.false_conflicts}/{s.conflicts} ({_cell(ratio(s.false_conflicts, s.conflicts))}) | "
        f"{s.statements / s.articles:.2f} | {s.shared_statements} | "
        f"{s.claims.supported}/{s.claims.judged} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", help='"36-45", "1,3,41", "train", "dev" or "test" (all)')
    parser.add_argument("--limit", type=int, help="score at most this many topics")
    parser.add_argument(
        "--statements",
        type=Path,
        help="also write each topic's 2+-source statements here (JSON, for statements_lost.py)",
    )
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        raise SystemExit(f"no ECB+ corpus under {args.data} (see ../shared/data/README.md)")
    available = [int(p.name) for p in ecbplus_text.topic_dirs(args.data)]
    topics = parse_topics(args.topics, available)[: args.limit]
    print(
        "| topic | split | articles | events | B3 F1 | groups/article | pure | false conflicts "
        "| statements/article | statements from 2+ sources | claim pairs on one event |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    models = Models.load()  # once for every topic
    scores = []
    for topic in topics:
        scores.append(run_topic(args.data, topic, models))
        print_topic(scores[-1])
    summary = {}
    for name in ("train", "dev", "test"):
        group = [s for s in scores if split_of(s.topic) == name]
        if group:
            summary[name] = summarise(group)
    for name, metrics in summary.items():
        print(f"\n{name}: " + ", ".join(f"{k} {v}" for k, v in metrics.items()))
    if args.statements:
        shared = {str(s.topic): s.shared_renderings for s in scores}
        args.statements.write_text(json.dumps(shared, indent=1))
    split = "+".join(summary)
    metrics = summary[split] if len(summary) == 1 else summary
    print(json.dumps({"set": "ecbplus", "split": split, "metrics": metrics}))


if __name__ == "__main__":
    main()
