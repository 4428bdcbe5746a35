"""Cross-document event-mention coreference: mentions of one happening chained across reports.

Sentences written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from accord.coref import (
    FEATURES,
    MERGE_FLOOR,
    MERGE_MARGIN,
    EventMention,
    blocks,
    corefer,
    head_of,
    link_probability,
    linked_chains,
    pair_features,
    stem,
)
from accord.nlp import Embedder


def mention(
    nlp: Language, document: str, sentence: str, word: str, event: str = "e1", index: int = 0
) -> EventMention:
    """The first token ``word`` of the parsed ``sentence``, as a mention of ``document``."""
    doc = nlp(sentence)
    position = next(t.i for t in doc if t.text == word)
    return EventMention(
        f"{document}/{word}/{index}", document, event, index, doc, position, position + 1
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("checks", "check"),
        ("shooting", "shoot"),
        ("dies", "die"),
        ("sing", "sing"),
        ("quake", "quake"),
    ],
)
def test_a_stem_drops_one_inflection_and_keeps_three_letters(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_the_head_of_a_phrase_is_the_token_governed_from_outside(nlp: Language) -> None:
    doc = nlp("The gunman opened fire on the crowd.")
    m = EventMention("m", "d", "e", 0, doc, 2, 4)  # "opened fire"
    assert head_of(m).lemma_ == "open"


def test_pair_features_hold_one_row_per_pair_and_name_every_column(
    nlp: Language, embedder: Embedder
) -> None:
    mentions = [
        mention(nlp, "a", "A gunman shot two guards at the Velmont bank.", "shot"),
        mention(nlp, "b", "Police said the Velmont bank shooting lasted a minute.", "shooting"),
        mention(nlp, "b", "Police said the Velmont bank shooting lasted a minute.", "said"),
    ]
    [block] = blocks(mentions, embedder)
    features = pair_features(block)
    assert features.shape == (3, len(FEATURES))
    column = dict(zip(FEATURES, features.T, strict=True))
    assert list(column["same_stem"]) == [1.0, 0.0, 0.0]  # shot/shooting, shot/said, shooting/said
    assert list(column["same_document"]) == [0.0, 0.0, 1.0]
    assert list(column["same_sentence"]) == [0.0, 0.0, 1.0]
    assert np.all((link_probability(features) > 0) & (link_probability(features) < 1))


def test_reports_of_one_shooting_chain_its_mentions_and_keep_the_saying_apart(
    nlp: Language, embedder: Embedder
) -> None:
    mentions = [
        mention(nlp, "a", "A gunman shot two guards at the Velmont bank on Monday.", "shot"),
        mention(nlp, "b", "Two guards were shot at the Velmont bank, police said.", "shot"),
        mention(nlp, "b", "Two guards were shot at the Velmont bank, police said.", "said"),
        mention(nlp, "c", "The Velmont bank shooting wounded two guards.", "shooting"),
    ]
    chains = corefer(mentions, embedder)
    shot = {"a/shot/0", "b/shot/0", "c/shooting/0"}
    assert frozenset(shot) in chains
    assert frozenset({"b/said/0"}) in chains


def test_mentions_of_two_document_events_never_share_a_chain(
    nlp: Language, embedder: Embedder
) -> None:
    text = "A gunman shot two guards at the Velmont bank."
    mentions = [
        mention(nlp, "a", text, "shot", event="e1"),
        mention(nlp, "b", text, "shot", event="e2"),
    ]
    assert sorted(map(sorted, corefer(mentions, embedder))) == [["a/shot/0"], ["b/shot/0"]]


def test_no_mentions_make_no_chains(embedder: Embedder) -> None:
    assert corefer([], embedder) == []


def test_average_linkage_joins_a_chain_only_where_its_mean_link_clears_the_floor(
    nlp: Language, embedder: Embedder
) -> None:
    text = "Storms flooded the valley, and rain flooded the town."
    mentions = [mention(nlp, "a", text, "flooded", index=k) for k in range(3)]
    [block] = blocks(mentions, embedder)
    ids = ["a/flooded/0", "a/flooded/1", "a/flooded/2"]
    # Pairs (0, 1), (0, 2), (1, 2): 0 and 1 join; 2 links to their chain at 0.7 and 0.0, a
    # mean of 0.35, so it joins at a fixed floor of 0.3 and stays alone at 0.4.
    probability = np.array([0.9, 0.7, 0.0])
    apart = linked_chains(block, probability, floor=0.4, margin=0.0)
    assert sorted(map(sorted, apart)) == [ids[:2], ids[2:]]
    assert linked_chains(block, probability, floor=0.3, margin=0.0) == [frozenset(ids)]


def test_a_mean_over_more_links_clears_a_lower_floor(nlp: Language, embedder: Embedder) -> None:
    text = "Storms flooded the valley, and rain flooded the town."
    mentions = [mention(nlp, "a", text, "flooded", index=k) for k in range(3)]
    [block] = blocks(mentions, embedder)
    [pair] = blocks(mentions[:2], embedder)
    # Floor 0.2 and margin 0.4: two lone mentions need 0.6, a mention and a chain of two
    # 0.2 + 0.4 / sqrt(2), about 0.48.
    assert len(linked_chains(pair, np.array([0.55]), floor=0.2, margin=0.4)) == 2
    joined = linked_chains(block, np.array([0.9, 0.55, 0.45]), floor=0.2, margin=0.4)
    assert joined == [frozenset(m.id for m in mentions)]
    alone = linked_chains(block, np.array([0.9, 0.5, 0.4]), floor=0.2, margin=0.4)
    assert sorted(map(len, alone)) == [1, 2]


def test_the_shipped_linkage_keeps_two_lone_mentions_apart_below_its_pair_floor(
    nlp: Language, embedder: Embedder
) -> None:
    text = "Storms flooded the valley, and rain flooded the town."
    [pair] = blocks([mention(nlp, "a", text, "flooded", index=k) for k in range(2)], embedder)
    pair_floor = MERGE_FLOOR + MERGE_MARGIN
    assert len(linked_chains(pair, np.array([pair_floor - 0.01]))) == 2
    assert len(linked_chains(pair, np.array([pair_floor + 0.01]))) == 1


def test_with_no_margin_the_linkage_is_plain_average_linkage(
    nlp: Language, embedder: Embedder
) -> None:
    from sklearn.cluster import AgglomerativeClustering

    text = "Storms flooded the valley, and rain flooded the town."
    [block] = blocks([mention(nlp, "a", text, "flooded", index=k) for k in range(12)], embedder)
    probability = np.random.default_rng(7).uniform(size=12 * 11 // 2) ** 2
    rows, cols = np.triu_indices(12, k=1)
    distance = np.zeros((12, 12))
    distance[rows, cols] = 1.0 - probability
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.6
    ).fit_predict(distance + distance.T)
    expected = {
        frozenset(m.id for m, label in zip(block.mentions, labels, strict=True) if label == k)
        for k in set(labels)
    }
    assert set(linked_chains(block, probability, floor=0.4, margin=0.0)) == expected
    assert 1 < len(expected) < 12
