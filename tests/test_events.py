"""Event finding inside one story: words, names and dates tell same-kind happenings apart.

Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

import numpy as np

from accord.events import (
    Anchor,
    anchor_similarity,
    event_groups,
    find_events,
    proper_names,
    split_contrasting,
)
from accord.model import Article, DateMention, Extraction, Span


def report(text: str, published: str | None = None) -> tuple[Article, Extraction]:
    art = Article.create(
        "report.txt", text, title="", published=date.fromisoformat(published) if published else None
    )
    sentences, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(Span.of(art, start, start + len(line)))
        start += len(line) + 1
    return art, Extraction(art.id, sentences=tuple(sentences))


FLOODS = [
    "Heavy rain sent the Varna River over its banks and flooded the market town of Oldbridge.\n"
    "Mayor Ilse Korver said two hundred homes in Oldbridge were under water by dawn.",
    "Residents of Oldbridge waded through the streets after the Varna River burst its banks.\n"
    "Mayor Ilse Korver asked volunteers to bring sandbags to the Oldbridge town hall.",
    "Oldbridge counted the damage after the Varna River flood, Mayor Ilse Korver said.\n"
    "The Oldbridge bakery and the school were closed while pumps drained the cellars.",
    "Floodwater from the Tessel Canal swept through the harbour district of Port Mera.\n"
    "Governor Anton Delisle said fishing boats in Port Mera were torn from their moorings.",
    "In Port Mera, crews cleared mud left by the Tessel Canal flood from the harbour.\n"
    "Governor Anton Delisle promised aid to the boat owners of Port Mera.",
]


def test_two_floods_in_different_towns_are_two_events() -> None:
    pairs = [report(text) for text in FLOODS]
    events = find_events([a for a, _ in pairs], [e for _, e in pairs])
    groups = sorted(
        sorted(FLOODS.index(a.original) for a, _ in pairs if a.id in ev.articles) for ev in events
    )
    assert groups == [[0, 1, 2], [3, 4]]


def test_a_follow_up_weeks_later_joins_the_happening_it_names() -> None:
    texts = [
        *FLOODS[:2],
        "Five weeks on, Oldbridge reopened its bakery, Mayor Ilse Korver said.\n"
        "The Varna River is back within its banks and the Oldbridge school has reopened.",
    ]
    dates = ["2024-03-02", "2024-03-02", "2024-04-08"]
    pairs = [report(text, day) for text, day in zip(texts, dates, strict=True)]
    [event] = find_events([a for a, _ in pairs], [e for _, e in pairs])
    assert len(event.articles) == 3


def test_anchor_dates_that_agree_raise_the_similarity_and_others_do_not_lower_it() -> None:
    def anchor(name: str, day: str | None) -> Anchor:
        date = dt.date.fromisoformat(day) if day else None
        return Anchor(name, date, None, "the bridge over the river was closed to traffic", None)

    undated = anchor_similarity([anchor("a", None), anchor("b", None)])[0, 1]
    same_day = anchor_similarity([anchor("a", "2024-05-01"), anchor("b", "2024-05-02")])[0, 1]
    far_apart = anchor_similarity([anchor("a", "2024-05-01"), anchor("b", "2024-06-20")])[0, 1]
    assert same_day > undated
    assert far_apart == undated


def test_proper_names_skip_the_word_that_opens_a_sentence() -> None:
    text = "Rescuers reached Port Mera at noon. Then Governor Anton Delisle spoke."
    assert proper_names(text) == ("Port_Mera", "Governor_Anton_Delisle")


def test_an_embedder_when_given_is_asked_for_the_leads() -> None:
    pairs = [report(text) for text in FLOODS[:2]]
    asked: list[list[str]] = []

    def embedder(texts: list[str]) -> np.ndarray:
        asked.append(texts)
        return np.ones((len(texts), 4)) / 2.0

    find_events([a for a, _ in pairs], [e for _, e in pairs], embedder=embedder)
    assert len(asked) == 1 and len(asked[0]) == 2
    assert "Varna River" in asked[0][0]


def test_a_date_in_the_lead_dates_the_event() -> None:
    art, ex = report("The Oldbridge dam failed on 2 March, Mayor Ilse Korver said.")
    start = art.original.index("2 March")
    mention = DateMention(Span.of(art, start, start + 7), "2024-03-02", "day")
    [event] = find_events([art], [Extraction(art.id, sentences=ex.sentences, dates=(mention,))])
    assert event.date == "2024-03-02"


MINE_AND_FIRE = [
    "Rescuers pulled two miners alive from the flooded Halden pit on Monday, officials said.\n"
    "The two men from Brenvik had been trapped for three days in the Halden mine.",
    "Two miners were rescued alive from the Halden pit near Brenvik on Monday.\n"
    "The rescue at the Halden mine ended a three-day search, officials said.",
    "A fire at the Corvo chemical plant in Estela killed four workers on Thursday.\n"
    "Firefighters from Estela fought the blaze at the Corvo plant for hours.",
    "Four workers died in a blaze at the Corvo chemical plant in Estela on Thursday.\n"
    "The Corvo plant fire started in a storage hall, officials said.",
    "The Corvo plant in Estela stays shut after the fire that killed four workers.\n"
    "Inspectors from Estela are examining the storage hall of the Corvo plant.",
]


def test_undated_reports_join_the_dated_event_they_report_by_content() -> None:
    dates = ["2024-03-04", "2024-03-05", "2024-02-15", None, None]
    pairs = [report(text, day) for text, day in zip(MINE_AND_FIRE, dates, strict=True)]
    art, ex = pairs[3]  # undated, names only its weekday
    start = art.original.index("on Thursday")
    weekday = DateMention(Span.of(art, start, start + len("on Thursday")), None)
    pairs[3] = (art, Extraction(art.id, sentences=ex.sentences, dates=(weekday,)))
    events = find_events([a for a, _ in pairs], [e for _, e in pairs])
    ids = [a.id for a, _ in pairs]
    groups = sorted(sorted(ids.index(a) for a in event.articles) for event in events)
    assert groups == [[0, 1], [2, 3, 4]]
    fire = next(e for e in events if ids[2] in e.articles)
    assert fire.date == "2024-02-15"


def _blocks(sizes: list[int], within: float, across: float) -> np.ndarray:
    """A similarity matrix of groups of ``sizes`` articles: ``within`` inside a group,
    ``across`` between groups, 1 on the diagonal."""
    labels = [k for k, size in enumerate(sizes) for _ in range(size)]
    same = np.equal.outer(labels, labels)
    similarity = np.where(same, within, across)
    np.fill_diagonal(similarity, 1.0)
    return similarity


def test_a_large_group_far_more_alike_within_its_halves_is_two_events() -> None:
    # two bouts of one boxer: linked above the floor, each half far more like itself
    similarity = _blocks([5, 5], within=0.6, across=0.15)
    assert sorted(event_groups(similarity)) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_halves_nearly_as_alike_across_as_within_stay_one_event() -> None:
    similarity = _blocks([5, 5], within=0.4, across=0.2)
    assert event_groups(similarity) == [list(range(10))]


def test_a_small_group_or_a_small_half_is_never_split() -> None:
    assert len(event_groups(_blocks([3, 3], within=0.6, across=0.15))) == 1
    assert len(split_contrasting(_blocks([7, 2], 0.6, 0.15), [list(range(9))])) == 1
