"""Revising stream stories: a story holding two happenings is split, one followed is kept."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from accord import storysplit
from accord.cluster import EMBEDDING_DIM, Signal, StoryIndex
from accord.model import Article, Extraction, content_id
from accord.signals import lead_terms
from accord.story_state import StoryState
from accord.storysplit import (
    SPLIT_MAX_SIZE,
    SPLIT_MIN_SIZE,
    Member,
    Merge,
    Move,
    Split,
    merge,
    merge_candidates,
    move,
    revise,
    revise_grown,
    separation,
    shared_names,
    split_off,
)
from tests.splitnews import DEPOT, DEPOT_NAMES, MILL, MILL_FOLLOW_UPS, MILL_NAMES

DAY = 739000
RENK = {"person:tomas renk"}  # the mill fire's reports open on its owner

# One champion's two title fights: every report names him and his belts, so the linkage of the
# document event split joins them; each report is far more like the reports of its own fight.
KELL_NAMES = ("person:dario kell",)
OSEI_NAMES = (*KELL_NAMES, "person:ruben osei", "gpe:marlow", "fac:halden arena")
BRECK_NAMES = (*KELL_NAMES, "person:tomasz breck", "gpe:corran", "fac:vesta stadium")
OSEI = (
    "Kell keeps belts: stops substitute Osei in Marlow\nDario Kell stopped the substitute Ruben "
    "Osei in the seventh round at the Halden Arena in Marlow.",
    "Kell keeps belts: Osei floored three times in Marlow\nThe substitute Ruben Osei was floored "
    "three times at the Halden Arena before the Marlow referee stopped it in the seventh.",
    "Kell keeps belts: substitute Osei outgunned at Halden Arena\nRuben Osei, a substitute "
    "booked ten days ago, was outgunned by Dario Kell's jab and stopped in the seventh round.",
    "Kell keeps belts: Marlow cheers seventh-round stoppage\nA sold-out Halden Arena in Marlow "
    "cheered as the substitute Ruben Osei was stopped in the seventh round by Dario Kell.",
)
BRECK = (
    "Kell keeps belts: wins Corran rematch with Breck\nDario Kell won his rematch with Tomasz "
    "Breck when Breck's corner retired him after six rounds at the Vesta Stadium in Corran.",
    "Kell keeps belts: Breck's corner ends Corran rematch\nTomasz Breck's corner threw in the "
    "towel after the sixth round of the rematch at the Vesta Stadium in Corran.",
    "Kell keeps belts: rematch goes Kell's way at Vesta Stadium\nThe rematch between Dario Kell "
    "and the veteran Tomasz Breck ended when Breck's corner retired him after six rounds.",
    "Kell keeps belts: Corran fans see Breck retired in rematch\nForty thousand fans at the "
    "Vesta Stadium in Corran saw Tomasz Breck retired by his corner after six rounds.",
)


def unit(seed: int, base: np.ndarray | None = None) -> np.ndarray:
    noise = np.random.default_rng(seed).standard_normal(EMBEDDING_DIM)
    vector = noise if base is None else base + 0.01 * noise
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def member(n: int, text: str, names: tuple[str, ...], base: np.ndarray) -> Member:
    """A written report; every report shares one embedding direction (one kind of news), so
    the stream puts them in one story and only the split can tell the happenings apart."""
    title = text.split("\n", 1)[0]
    article = Article.create(f"r{n}.txt", text, title=title)
    signal = Signal(article.id, unit(n, base), frozenset(names), DAY, lead_terms(text))
    return Member(article, Extraction(article.id), signal, n)


def interleaved() -> list[Member]:
    base = unit(0)
    texts = [t for pair in zip(MILL, DEPOT, strict=True) for t in pair]
    names = [MILL_NAMES, DEPOT_NAMES] * len(MILL)
    return [member(n, t, k, base) for n, (t, k) in enumerate(zip(texts, names, strict=True))]


def followed() -> list[Member]:
    base = unit(0)
    return [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL + MILL_FOLLOW_UPS)]


def one_story(index: StoryIndex, members: list[Member]) -> str:
    stories = {index.assign(m.signal).story for m in members}
    assert len(stories) == 1  # the stream alone could not tell them apart
    return stories.pop()


def test_a_story_of_two_happenings_is_split_into_them() -> None:
    members = interleaved()
    part = split_off(members)
    assert sorted(part) == [1, 3, 5, 7]  # the depot fire; the mill fire keeps the story


def test_two_fights_of_one_champion_are_split_though_their_reports_read_alike() -> None:
    base = unit(0)
    texts = [t for pair in zip(OSEI, BRECK, strict=True) for t in pair]
    names = [OSEI_NAMES, BRECK_NAMES] * len(OSEI)
    members = [member(n, t, k, base) for n, (t, k) in enumerate(zip(texts, names, strict=True))]
    assert separation(members) is None  # one event to the linkage floor
    assert sorted(split_off(members)) == [1, 3, 5, 7]  # the rematch in Corran


@pytest.mark.parametrize("seed", range(6))
def test_the_two_way_split_is_scikit_learn_s_average_linkage_cut_at_its_root(seed: int) -> None:
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(seed)
    similarity = rng.integers(0, 4, (12, 12)) / 4.0  # many tied distances
    distance = np.clip(1.0 - (similarity + similarity.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    clustering = AgglomerativeClustering(n_clusters=2, metric="precomputed", linkage="average")
    labels = clustering.fit_predict(distance)
    side = storysplit.second_side(similarity)
    assert side == [i for i, label in enumerate(labels) if label != labels[0]]
    assert 0 < len(side) < 12


def test_a_happening_followed_for_a_week_stays_one_story() -> None:
    members = followed()
    assert split_off(members) == []
    assert shared_names(members, [0, 1, 2, 3], [4, 5, 6, 7]) == 1.0


def test_a_small_story_is_not_revised() -> None:
    members = interleaved()[:5]
    assert split_off(members) == []


def test_the_index_holds_both_parts_and_later_reports_join_the_right_one() -> None:
    index = StoryIndex()
    members = interleaved()
    story = one_story(index, members)
    index.take_touched()
    split = revise(index, story, members)
    assert split is not None and split.story == story
    assert set(split.articles) == {members[i].article.id for i in (1, 3, 5, 7)}
    assert split.new_story in index.stories and story in index.stories
    assert index.stories[story].size == index.stories[split.new_story].size == 4
    assert [s.id for s in index.take_touched()] == sorted([story, split.new_story])
    base = unit(0)
    later = member(50, DEPOT[1] + " Oskar Vell thanked the Denholm crews.", DEPOT_NAMES, base)
    assert index.assign(later.signal).story == split.new_story
    earlier = member(51, MILL[2] + " Brackwater mourns.", MILL_NAMES, base)
    assert index.assign(earlier.signal).story == story


def test_a_part_rebuilt_by_the_split_equals_one_built_by_the_stream() -> None:
    index = StoryIndex()
    members = interleaved()
    story = one_story(index, members)
    split = revise(index, story, members)
    assert split is not None
    alone = StoryIndex()
    for m in members[1::2]:
        alone.assign(m.signal)
    (built,) = alone.stories.values()
    part = index.stories[split.new_story]
    assert part.id == built.id and part.size == built.size
    assert part.entity_counts == built.entity_counts and part.term_weights == built.term_weights
    assert np.allclose(part.vector_sum, built.vector_sum)


def test_two_happenings_that_keep_naming_the_same_people_stay_one_story() -> None:
    # the December deaths and the January capture of one war: same places, same people
    base = unit(0)
    texts = [t for pair in zip(MILL, DEPOT, strict=True) for t in pair]
    members = [member(n, t, MILL_NAMES + DEPOT_NAMES, base) for n, t in enumerate(texts)]
    assert split_off(members) == []


def two_stories(
    index: StoryIndex, first: list[Member], second: list[Member]
) -> dict[str, list[Member]]:
    """Two stories as the stream might leave them, built from their members."""
    stories = {}
    for members in (first, second):
        story_id = content_id(members[0].article.id, prefix="s")
        index.rebuild([], [(story_id, [(m.signal, m.position) for m in members])])
        stories[story_id] = members
    index.take_touched()
    return stories


def test_two_stories_of_one_happening_are_merged_into_the_older() -> None:
    # the mill fire's first reports and its follow-ups, read apart by the stream
    base = unit(0)
    first = opened([member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)], RENK)
    later = [member(n, t, MILL_NAMES, unit(99)) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    index = StoryIndex()
    stories = two_stories(index, first, opened(later, RENK))
    older, newer = stories
    joined = merge(index, newer, stories.__getitem__)
    assert joined == Merge(older, newer, tuple(m.article.id for m in later))
    assert list(index.stories) == [older] and index.stories[older].size == 8
    assert [s.id for s in index.take_touched()] == [older]
    assert split_off(sorted(first + later, key=lambda m: m.position)) == []  # stays merged


def test_a_follow_up_that_recalls_an_old_date_is_still_merged() -> None:
    # the follow-ups name the day of an earlier fire at the mill, ten years before
    base = unit(0)
    first = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)]
    later = [member(n, t, MILL_NAMES, unit(99)) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    first = [replace(m, signal=replace(m.signal, dates=frozenset({DAY}))) for m in first]
    later = [replace(m, signal=replace(m.signal, dates=frozenset({DAY - 3650}))) for m in later]
    first, later = opened(first, RENK), opened(later, RENK)
    index = StoryIndex()
    stories = two_stories(index, first, later)
    older, newer = stories
    assert index.clash(first[0].signal, index.stories[newer])  # the days named are years apart
    joined = merge(index, newer, stories.__getitem__)
    assert joined is not None and joined.story == older


def opened(members: list[Member], opening: set[str]) -> list[Member]:
    """The members as one outlet's pages whose openings name ``opening``."""
    signals = [
        replace(m.signal, opening=frozenset(opening), outlet="ledger.example") for m in members
    ]
    return [replace(m, signal=signal) for m, signal in zip(members, signals, strict=True)]


def test_a_story_whose_openings_name_nothing_of_the_other_is_not_merged() -> None:
    # the same reports as above, but the later pages open on a person the older story never
    # names, on one outlet: what keeps one article from joining keeps a story from merging
    base = unit(0)
    first = opened([member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)], set())
    later = [member(n, t, MILL_NAMES, unit(99)) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    index = StoryIndex()
    stories = two_stories(index, first, opened(later, {"person:ilse marrow"}))
    assert merge(index, list(stories)[1], stories.__getitem__) is None
    index = StoryIndex()
    stories = two_stories(index, first, opened(later, {"person:tomas renk"}))
    assert merge(index, list(stories)[1], stories.__getitem__) is not None


def test_two_fires_in_two_towns_stay_apart() -> None:
    base = unit(0)
    mill = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)]
    depot = [member(n, t, DEPOT_NAMES, base) for n, t in enumerate(DEPOT, 10)]
    index = StoryIndex()
    stories = two_stories(index, mill, depot)
    older, newer = stories
    assert merge_candidates(index, newer) == [older]  # one kind of news: they meet
    assert merge(index, newer, stories.__getitem__) is None
    assert sorted(index.stories) == sorted(stories)


def test_a_report_of_another_fire_moves_to_that_fire_s_story() -> None:
    # the depot's first report joined the mill fire's story; the depot fire has its own since
    base = unit(0)
    mill = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL + MILL_FOLLOW_UPS)]
    stray = member(20, DEPOT[0], DEPOT_NAMES, base)
    rebuilt = (
        "Meridian Transit rebuilds Kestrel Lane depot\nMeridian Transit will rebuild its Denholm "
        "depot on Kestrel Lane, and the mechanic Oskar Vell is back at work."
    )
    depot = [member(n, t, DEPOT_NAMES, base) for n, t in enumerate((*DEPOT[1:], rebuilt), 21)]
    index = StoryIndex()
    stories = two_stories(index, [*mill, stray], depot)
    older, newer = stories
    moved = move(index, older, stories.__getitem__)
    assert moved == Move(older, newer, (stray.article.id,))
    assert index.stories[older].size == 8 and index.stories[newer].size == 5
    assert [s.id for s in index.take_touched()] == sorted([older, newer])


def test_a_move_compares_the_two_stories_once_for_the_merge_test_and_both_directions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = unit(0)
    mill = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL + MILL_FOLLOW_UPS)]
    depot = [member(n, t, DEPOT_NAMES, base) for n, t in enumerate(DEPOT, 20)]
    stray = member(30, DEPOT[0], DEPOT_NAMES, base)
    sizes: list[int] = []
    similarity_of = storysplit.similarity_of

    def counted(members: list[Member]) -> np.ndarray:
        sizes.append(len(members))
        return similarity_of(members)

    monkeypatch.setattr(storysplit, "similarity_of", counted)
    index = StoryIndex()
    stories = two_stories(index, [*mill, stray], depot)
    older, newer = stories
    assert move(index, older, stories.__getitem__) == Move(older, newer, (stray.article.id,))
    assert sizes == [len(mill) + 1 + len(depot)]


def test_reports_of_one_fire_stay_in_their_story() -> None:
    base = unit(0)
    mill = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)]
    later = [member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    index = StoryIndex()
    stories = two_stories(index, mill, later)
    assert move(index, next(iter(stories)), stories.__getitem__) is None


def on_street(members: list[Member], street: str) -> list[Member]:
    return [replace(m, signal=replace(m.signal, streets=frozenset({street}))) for m in members]


def test_two_stories_that_open_on_different_streets_are_not_merged() -> None:
    base = unit(0)
    first = opened([member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)], RENK)
    later = [member(n, t, MILL_NAMES, unit(99)) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    later = opened(later, RENK)
    for street, merged in (("weir", False), ("kiln", True)):
        index = StoryIndex()
        stories = two_stories(index, on_street(first, "kiln"), on_street(later, street))
        assert (merge(index, list(stories)[1], stories.__getitem__) is not None) is merged


def test_reports_whose_openings_name_nothing_are_no_evidence_for_a_merge() -> None:
    # pages of another outlet that open on no name would pass the join's gate unpenalised
    base = unit(0)
    first = opened([member(n, t, MILL_NAMES, base) for n, t in enumerate(MILL)], RENK)
    later = [member(n, t, MILL_NAMES, unit(99)) for n, t in enumerate(MILL_FOLLOW_UPS, 10)]
    later = [replace(m, signal=replace(m.signal, outlet="gazette.example")) for m in later]
    index = StoryIndex()
    stories = two_stories(index, first, later)
    older, newer = stories
    assert all(index.nameless(m.signal, index.stories[older]) == 0.0 for m in later)
    assert merge(index, newer, stories.__getitem__) is None


class Recorded:
    """Revisions kept as a list of what was found, in the order it was found."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, str]] = []

    def members(self, story_id: str) -> list[Member]:
        return []

    def split(self, found: Split) -> None:
        self.kept.append(("split", found.story))

    def moved(self, found: Move) -> None:
        self.kept.append(("moved", found.story))

    def merged(self, found: Merge) -> None:
        self.kept.append(("merged", found.story))


def sized_index(sizes: dict[str, int]) -> StoryIndex:
    index = StoryIndex()
    for story_id, size in sizes.items():
        index.stories[story_id] = StoryState(story_id, np.zeros(EMBEDDING_DIM, np.float32), size)
    return index


def test_grown_stories_are_split_then_moved_then_merged_each_step_in_id_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storysplit, "revise", lambda _i, s, _m: Split(s, f"{s}+", ()))
    monkeypatch.setattr(storysplit, "move", lambda _i, s, _m: Move(s, "elsewhere", ()))
    monkeypatch.setattr(storysplit, "merge", lambda _i, s, _m: Merge(s, "gone", ()))
    index = sized_index({"b": SPLIT_MIN_SIZE, "a": SPLIT_MIN_SIZE - 1, "c": SPLIT_MAX_SIZE + 1})
    recorded = Recorded()
    revise_grown(index, ["b", "a", "c", "b", "unknown"], recorded)
    # "a" is too small to split, "c" too large to revise, "unknown" no longer a story
    assert recorded.kept == [
        ("split", "b"),
        ("moved", "a"),
        ("moved", "b"),
        ("merged", "a"),
        ("merged", "b"),
    ]


def test_a_revision_step_left_out_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storysplit, "revise", lambda _i, s, _m: Split(s, f"{s}+", ()))
    monkeypatch.setattr(storysplit, "move", lambda _i, s, _m: Move(s, "elsewhere", ()))
    monkeypatch.setattr(storysplit, "merge", lambda _i, s, _m: Merge(s, "gone", ()))
    recorded = Recorded()
    revise_grown(sized_index({"a": SPLIT_MIN_SIZE}), ["a"], recorded, splits=False, merges=False)
    assert recorded.kept == [("moved", "a")]
