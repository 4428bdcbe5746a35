"""The coreference scorer against values worked by hand from the metrics' definitions."""

from __future__ import annotations

import pytest

from tests.evaluation.scripts import load_script

scores = load_script("coref_scores")

KEY = [frozenset("abc"), frozenset("de")]
RESPONSE = [frozenset("ab"), frozenset("cde")]


def test_muc_counts_links_kept_both_ways() -> None:
    assert scores.muc(KEY, RESPONSE) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed_averages_each_mention_share() -> None:
    assert scores.b_cubed(KEY, RESPONSE) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_ceaf_e_takes_the_best_one_to_one_alignment() -> None:
    # abc-ab and de-cde (0.8 each) beat abc-cde (1/3) whatever the order of the chains
    assert scores.ceaf_e(KEY, RESPONSE[::-1]) == pytest.approx((0.8, 0.8, 0.8))


def test_conll_is_the_mean_of_the_three_f1() -> None:
    f = (2 / 3 + 11 / 15 + 0.8) / 3
    assert scores.conll(KEY, RESPONSE)["CoNLL"][2] == pytest.approx(f)
    assert scores.score_topics([KEY], [RESPONSE])["CoNLL"][2] == pytest.approx(f)


def test_a_perfect_response_scores_one_and_singletons_count() -> None:
    key = [frozenset("ab"), frozenset("c")]
    assert scores.conll(key, key)["CoNLL"][2] == pytest.approx(1.0)
    assert scores.b_cubed(key, [frozenset("abc")])[1] == pytest.approx(5 / 9)
