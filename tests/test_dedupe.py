"""Reprints, rewrites and wire copies, on articles written for these tests."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from accord.dedupe import LSH_BANDS, NUM_PERM, find_copies, mark_derived, wire_credits
from accord.model import Article

STORY = [
    "The city council voted on Tuesday to close the old harbour bridge for six months of repairs.",
    "Engineers found cracks in two of the steel girders during an inspection in early spring.",
    "Ferries will run every twenty minutes between the two banks while the work goes on.",
    "Shop owners on the quay said they feared losing customers during the busy summer season.",
    "The mayor promised that the bridge would reopen before the first snow of the winter.",
]
OTHER = [
    "A new bakery opened on the main square and sold out of bread before noon on Saturday.",
    "Its owner said she had trained for ten years in three different cities before returning.",
    "The queue stretched past the town hall and several neighbours brought folding chairs.",
]


def by_paragraph_index(texts: list[str]) -> np.ndarray:
    """Stand-in embedder: a paragraph's vector is its position in STORY (or a unique one),
    so a reworded paragraph that keeps its position 'means' the same."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        key = next(
            (k for k, p in enumerate(STORY) if p.split()[1:3] == text.split()[1:3]),
            10 + hash(text) % 50,
        )
        out[row, key] = 1.0
    return out


def make(paragraphs: list[str], published: str | None = None) -> Article:
    day = date.fromisoformat(published) if published else None
    return Article.create("t.txt", "\n\n".join(paragraphs), title="", published=day)


def test_a_verbatim_reprint_points_at_the_earlier_article() -> None:
    first = make(STORY, "2024-02-01")
    later = make([*STORY, "Reporting by a staff writer."], "2024-02-02")
    out = mark_derived([later, first], embedder=by_paragraph_index)
    assert (out[0].derived_from, out[0].derivation) == (first.id, "reprint")
    assert out[1].derived_from is None


def test_every_reprint_of_a_text_is_a_copy_of_its_earliest_publication() -> None:
    # the LSH index answers in set order, which moves with the hash seed
    days = [f"2024-02-{day:02d}" for day in range(1, 13)]
    copies = [make([*STORY, f"Copy number {n}."], day) for n, day in enumerate(days)]
    found = find_copies(copies[::-1], embedder=by_paragraph_index)
    assert [(c.copy, c.original) for c in found] == [(i, 11) for i in range(10, -1, -1)]


def test_a_copy_that_changed_one_word_per_paragraph_is_still_a_reprint() -> None:
    edited = [p.replace(" the ", " a ", 1) for p in STORY]
    out = mark_derived([make(STORY), make(edited)], embedder=by_paragraph_index)
    assert out[1].derivation == "reprint"


def test_a_reworded_article_with_the_same_paragraph_order_is_a_rewrite() -> None:
    reworded = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY]
    out = mark_derived([make(STORY), make(reworded)], embedder=by_paragraph_index)
    assert (out[1].derived_from, out[1].derivation) == (out[0].id, "rewrite")


def test_unrelated_articles_are_left_alone() -> None:
    out = mark_derived([make(STORY), make(OTHER)], embedder=by_paragraph_index)
    assert [a.derived_from for a in out] == [None, None]


def test_a_shared_wire_credit_lowers_the_bar_for_a_partial_copy() -> None:
    partial = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY[:3]]
    base = make([*STORY, "The Associated Press contributed to this report."])
    copy = make([*partial, *OTHER, "Associated Press material was used in this report."])
    plain = make([*partial, *OTHER])
    out = mark_derived([base, copy], embedder=by_paragraph_index)
    assert out[1].derivation == "wire" and out[1].derived_from == base.id
    assert mark_derived([base, plain], embedder=by_paragraph_index)[1].derived_from is None


def test_a_copy_of_a_copy_points_at_the_root() -> None:
    root = make(STORY, "2024-01-01")
    out = mark_derived(
        [root, make([*STORY, "Second."], "2024-01-02"), make([*STORY, "Third."], "2024-01-03")],
        embedder=by_paragraph_index,
    )
    assert [a.derived_from for a in out] == [None, root.id, root.id]


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("LONDON (Reuters) - Markets fell.", {"Reuters"}),
        ("Reuters contributed to this report.", {"Reuters"}),
        ("PARIS (AFP) — Talks resumed.", {"AFP"}),
        ("The Associated Press contributed.", {"AP"}),
        ("A local reporter wrote this.", set()),
    ],
)
def test_wire_credits_are_read_from_datelines_and_tag_lines(text: str, credits: set[str]) -> None:
    assert wire_credits(text) == credits


def test_paragraph_vectors_given_with_the_articles_are_not_embedded_again() -> None:
    original = make(STORY, "2024-02-01")
    paragraphs = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY]
    reworded = make(paragraphs, "2024-02-02")
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return by_paragraph_index(texts)

    known = {p: by_paragraph_index([p])[0] for p in STORY}
    out = mark_derived([original, reworded], counting, [known, {}])
    assert out[1].derived_from == original.id and out[1].derivation == "rewrite"
    assert sorted(asked) == sorted(paragraphs)


def test_a_paragraph_another_article_brought_a_vector_for_is_not_embedded_again() -> None:
    original = make(STORY, "2024-02-01")
    reworded = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY]
    copy = make([STORY[0], *reworded[1:]], "2024-02-02")
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return by_paragraph_index(texts)

    known = {p: by_paragraph_index([p])[0] for p in STORY}
    out = mark_derived([original, copy], counting, [known, {}])
    assert out[1].derived_from == original.id and out[1].derivation == "rewrite"
    assert sorted(asked) == sorted(reworded[1:])


def test_a_copy_published_after_every_article_left_to_test_is_not_embedded() -> None:
    reworded = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY]
    extra = "Readers can send their questions about the works to the council by post."
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return by_paragraph_index(texts)

    original = make(STORY, "2024-02-01")
    articles = [original, make(reworded, "2024-02-02"), make([*STORY, extra], "2024-02-03")]
    out = mark_derived(articles, counting)
    assert [(a.derived_from, a.derivation) for a in out[1:]] == [
        (original.id, "rewrite"),
        (original.id, "reprint"),
    ]
    assert extra not in asked and sorted(asked) == sorted([*STORY, *reworded])


def test_no_paragraph_is_embedded_when_minhash_has_decided() -> None:
    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"embedded {texts}")

    first = make(STORY, "2024-02-01")
    out = mark_derived([first, make([*STORY, "Reporting by a staff writer."])], refuse)
    assert out[1].derived_from == first.id and out[1].derivation == "reprint"


def test_the_lsh_bands_are_the_ones_datasketch_picks() -> None:
    from datasketch import MinHashLSH

    for threshold, bands in LSH_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        assert (lsh.b, lsh.r) == bands


def test_an_article_without_long_paragraphs_is_compared_with_nothing() -> None:
    short = make(["Brief update.", "More soon."], "2024-02-03")
    reworded = [" ".join([*p.split()[:3], "(reworded)", *p.split()[3:][::-1]]) for p in STORY]
    out = mark_derived(
        [make(STORY, "2024-02-01"), make(reworded, "2024-02-02"), short], by_paragraph_index
    )
    assert out[2].derived_from is None and out[1].derivation == "rewrite"
