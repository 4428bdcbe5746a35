"""The claim scorer against pairs counted by hand."""

from __future__ import annotations

from accord.model import Article, Claim, Dossier, Span
from tests.evaluation.scripts import load_script

claims = load_script("ecbplus_claims")

# Two documents of three lines each (headline, then two sentences); ECB+ sentence numbers
# skip 1 in "a" (a dropped line) and annotate lines 1-2 of "a" and line 1 of "b".
A = Article.create("a.txt", "Head A\nFirst of a.\nSecond of a.\n")
B = Article.create("b.txt", "Head B\nFirst of b.\nSecond of b.\n")
GOLD = claims.TopicGold(
    lines={"a": [0, 2, 3], "b": [0, 1, 2]},
    chains={
        ("a", 2): frozenset({"fire"}),
        ("a", 3): frozenset({"arrest"}),
        ("b", 1): frozenset({"fire"}),
    },
)
DOC_OF = {A.id: "a", B.id: "b"}


def line(article: Article, k: int) -> Span:
    start = sum(len(x) + 1 for x in article.original.split("\n")[:k])
    return Span.of(article, start, article.original.index("\n", start))


def test_a_claim_pair_on_one_annotated_event_is_supported_and_found() -> None:
    dossier = Dossier((A, B), claims=(Claim("c1", "x", (line(A, 1), line(B, 1)), 2),))
    score = claims.score_claims(dossier, DOC_OF, GOLD)
    assert (score.judged, score.supported, score.gold_pairs, score.found) == (1, 1, 1, 1)


def test_a_pair_on_two_events_is_judged_unsupported_and_an_unannotated_side_is_not_judged() -> None:
    wrong = Claim("c1", "x", (line(A, 2), line(B, 1)), 2)
    unjudged = Claim("c2", "y", (line(A, 1), line(B, 2)), 2)
    score = claims.score_claims(Dossier((A, B), claims=(wrong, unjudged)), DOC_OF, GOLD)
    assert (score.judged, score.supported, score.gold_pairs, score.found) == (1, 0, 1, 0)
