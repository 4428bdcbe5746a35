"""Story clustering over a stream, on vectors written for the test (no models loaded)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from accord.cluster import (
    BUCKET_READ_LIMIT,
    DATE_CLASH_DAYS,
    DATE_CLASH_PENALTY,
    EMBEDDING_DIM,
    JOIN_THRESHOLD,
    LSH_TABLES,
    RECENT_ARTICLES,
    WINDOW_DAYS,
    Assignment,
    Signal,
    StoryIndex,
    signal_of,
)
from accord.model import Article, DateMention, Extraction, Span
from accord.signals import day_number, lead_terms, named_days

DAY = 739000  # an arbitrary day ordinal (2024)


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def topic(seed: int) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal(EMBEDDING_DIM))


def near(base: np.ndarray, seed: int, noise: float = 0.03) -> np.ndarray:
    return unit(base + noise * np.random.default_rng(seed).standard_normal(EMBEDDING_DIM))


# Short reports written for the test: two fires of one kind in one region, days apart.
MILL_FIRE = (
    "Fire guts Brackwater flour mill. A fire destroyed the Harlow & Sons flour mill in "
    "Brackwater on Monday night, and two night-shift workers were taken to St Aldric hospital.",
    "Brackwater mill fire: Harlow & Sons workers named. The two workers hurt in the Brackwater "
    "flour mill fire were named as brothers Tomas and Ivo Renk, St Aldric hospital said.",
    "Arson suspected in Brackwater mill blaze. Investigators said the fire that destroyed the "
    "Harlow & Sons flour mill in Brackwater was started deliberately; the Renk brothers recover.",
    "Brackwater holds vigil after Harlow & Sons mill fire. Residents of Brackwater gathered "
    "outside the burned flour mill on Thursday; Harlow & Sons promised to rebuild.",
)
DEPOT_FIRE = (
    "Fire destroys Kestrel Lane bus depot in Denholm. A fire destroyed the Meridian Transit bus "
    "depot on Kestrel Lane in Denholm on Friday, and one mechanic was taken to hospital.",
    "Denholm bus depot fire: Meridian Transit cancels routes. Meridian Transit cancelled 14 "
    "Denholm routes after the Kestrel Lane depot fire; the mechanic, Oskar Vell, is stable.",
)
MILL_NAMES = frozenset({"gpe:brackwater", "org:harlow & sons"})
DEPOT_NAMES = frozenset({"gpe:denholm", "org:meridian transit"})


def report(name: str, vector: np.ndarray, lead: str, day: int | None, names=frozenset()):  # type: ignore[no-untyped-def]
    return Signal(name, vector, frozenset(names), day, lead_terms(lead))


def test_reports_of_the_same_event_join_one_story() -> None:
    index = StoryIndex()
    base = topic(1)
    stories = {
        index.assign(report(f"a{i}", near(base, i), lead, DAY, MILL_NAMES)).story
        for i, lead in enumerate(MILL_FIRE)
    }
    assert len(stories) == 1


def test_follow_up_reports_over_several_days_join_the_incident_not_its_look_alike() -> None:
    # one kind of news: the embedding barely tells the two fires apart (cosine about 0.8)
    kind = topic(11)
    index = StoryIndex()
    mill = [index.assign(report("m0", near(kind, 0, 0.026), MILL_FIRE[0], DAY, MILL_NAMES))]
    depot = [index.assign(report("d0", near(kind, 1, 0.026), DEPOT_FIRE[0], DAY + 4, DEPOT_NAMES))]
    for day, lead in zip((DAY + 1, DAY + 3, DAY + 5), MILL_FIRE[1:], strict=True):
        mill.append(index.assign(report(f"m{day}", near(kind, day, 0.026), lead, day, MILL_NAMES)))
    depot.append(
        index.assign(report("d1", near(kind, 9, 0.026), DEPOT_FIRE[1], DAY + 5, DEPOT_NAMES))
    )
    assert len({a.story for a in mill}) == 1
    assert len({a.story for a in depot}) == 1
    assert depot[0].new_story and mill[0].story != depot[0].story


def test_lead_words_are_content_words_with_sublinear_counts() -> None:
    terms = lead_terms("The fire, the FIRE and the fire: 14 routes cut in Denholm.")
    assert "the" not in terms and "and" not in terms
    assert terms["fire"] == pytest.approx(1 + np.log(3))
    assert terms["14"] == terms["denholm"] == 1.0


def test_named_days_keep_dates_stated_to_the_day_only() -> None:
    text = "Filed 2024-03-05. The mill burned on 4 March 2024, the third fire of 2024."
    article = Article.create("t.txt", text)
    first, second, year = text.index("2024-03-05"), text.index("4 March"), text.rindex("2024")
    dates = (
        DateMention(Span.of(article, first, first + 10), "2024-03-05", "day"),
        DateMention(Span.of(article, second, second + 12), "2024-03-04", "day"),
        DateMention(Span.of(article, year, year + 4), "2024", "year"),
    )
    days = named_days(Extraction(article.id, dates=dates))
    assert days == {day_number("2024-03-05"), day_number("2024-03-04")}


def test_unrelated_reports_start_stories_of_their_own() -> None:
    index = StoryIndex()
    results = [index.assign(Signal(f"a{i}", topic(100 + i), day=DAY)) for i in range(6)]
    assert all(r.new_story for r in results)
    assert len({r.story for r in results}) == 6


def test_a_similar_report_outside_the_time_window_starts_a_new_story() -> None:
    index = StoryIndex()
    base = topic(2)
    first = index.assign(Signal("a0", near(base, 0), day=DAY))
    later = index.assign(Signal("a1", near(base, 1), day=DAY + WINDOW_DAYS + 1))
    assert later.new_story and later.story != first.story


def test_shared_named_entities_tip_a_borderline_report_into_the_story() -> None:
    base, other = topic(3), topic(4)
    # between two topics: cosine to the first about 0.46; with the lead words, still below
    borderline = unit(base + 2.3 * other)
    without, with_names = StoryIndex(), StoryIndex()
    for index in (without, with_names):
        index.assign(report("a0", base, MILL_FIRE[0], DAY, MILL_NAMES))
    later = report("b", borderline, MILL_FIRE[3], DAY)
    assert without.score(later, next(iter(without.stories.values()))) < JOIN_THRESHOLD
    assert without.assign(later).new_story
    assert not with_names.assign(report("b", borderline, MILL_FIRE[3], DAY, MILL_NAMES)).new_story


def test_an_undated_report_is_held_against_no_day() -> None:
    index = StoryIndex()
    base = topic(5)
    dated = index.assign(report("a0", near(base, 0), MILL_FIRE[0], DAY, MILL_NAMES))
    index.assign(report("x", topic(55), DEPOT_FIRE[0], DAY + 30, DEPOT_NAMES))  # clock moves on
    undated = index.assign(report("a1", near(base, 1), MILL_FIRE[1], None, MILL_NAMES))
    assert undated.story == dated.story
    assert index.stories[dated.story].last_day == DAY


def test_stories_silent_in_news_time_and_in_the_stream_are_closed() -> None:
    index = StoryIndex()
    old = index.assign(Signal("old", topic(200), day=DAY)).story
    for i in range(RECENT_ARTICLES):
        index.assign(Signal(f"a{i}", topic(300 + i), day=DAY + WINDOW_DAYS + 1 + i // 64))
    assert old not in index.stories
    # open: the stories of the last RECENT_ARTICLES articles at most, whatever their days
    assert len(index.stories) <= RECENT_ARTICLES
    assert index.clock == DAY + WINDOW_DAYS + 1 + (RECENT_ARTICLES - 1) // 64


def test_an_archive_ingested_after_newer_news_still_forms_its_own_stories() -> None:
    index = StoryIndex()
    recent = topic(7)
    for i in range(3):
        index.assign(report(f"new{i}", near(recent, i), DEPOT_FIRE[0], DAY + 5000, DEPOT_NAMES))
    archive = topic(8)
    # a back-filled folder: one old event's reports over six days, years before the clock
    stories = {
        index.assign(report(f"old{i}", near(archive, i), lead, DAY + i, MILL_NAMES)).story
        for i, lead in enumerate(MILL_FIRE)
    }
    assert len(stories) == 1


def test_candidates_per_article_are_bounded_however_many_stories_are_open() -> None:
    index = StoryIndex()
    base = topic(6)
    # many distinct but related stories on one day: they crowd the same buckets
    for i in range(400):
        index.assign(Signal(f"a{i}", near(base, i, noise=0.2), day=DAY))
    probe = Signal("probe", near(base, 9999, noise=0.2), day=DAY)
    found = index.candidates(probe, index.keys(probe.vector))
    assert 0 < len(found) <= LSH_TABLES * BUCKET_READ_LIMIT


def test_restoring_from_stored_state_continues_exactly_like_an_uninterrupted_run() -> None:
    signals = [
        Signal(
            f"a{i}",
            near(topic(i % 7), i, noise=0.4),
            frozenset({f"e{i % 3}"}),
            DAY + i // 5,
            {f"w{i % 5}": 1.0, f"w{i % 11}": 1.5},
            frozenset({DAY + i % 4}),
        )
        for i in range(60)
    ]
    whole = StoryIndex()
    expected = [whole.assign(s) for s in signals]
    first = StoryIndex()
    head = [first.assign(s) for s in signals[:30]]
    open_ids = set(first.stories)
    states = [_copy(first.stories[k]) for k in sorted(open_ids)]
    members = [
        (a.story, s.vector) for a, s in zip(head, signals[:30], strict=True) if a.story in open_ids
    ]
    resumed = StoryIndex()
    resumed.restore(states, members, first.clock, first.position)
    assert head + [resumed.assign(s) for s in signals[30:]] == expected


def _copy(state):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(
        state,
        vector_sum=state.vector_sum.copy(),
        entity_counts=dict(state.entity_counts),
        term_weights=dict(state.term_weights),
        date_counts=dict(state.date_counts),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", 738946),
        ("2024-03-01T10:00:00", 738946),
        (None, None),
        ("", None),
        ("March 2024", None),
    ],
)
def test_day_number_reads_iso_dates_and_refuses_anything_else(
    text: str | None, expected: int | None
) -> None:
    assert day_number(text) == expected


def _written(text: str, named: dict[str, str], published: str | None) -> tuple[Article, Extraction]:
    """An article written for the test and its day-precision date mentions (phrase -> day)."""
    day = dt.date.fromisoformat(published) if published else None
    article = Article.create("t.txt", text, title=text.split(".")[0], published=day)
    dates = []
    for phrase, value in named.items():
        start = text.index(phrase)
        dates.append(DateMention(Span.of(article, start, start + len(phrase)), value, "day"))
    return article, Extraction(article.id, dates=tuple(dates))


def _assign(
    index: StoryIndex,
    text: str,
    named: dict[str, str],
    published: str | None,
    entities: frozenset[str],
    vector: np.ndarray,
) -> Assignment:
    article, extraction = _written(text, named, published)
    return index.assign(signal_of(article, extraction, entities, vector))


def test_a_follow_up_report_days_later_joins_its_incident() -> None:
    kind = topic(12)
    index = StoryIndex()
    first = _assign(
        index,
        "Two hurt as fire guts Brackwater mill. A fire destroyed the Harlow & Sons flour mill "
        "in Brackwater on 4 March 2024; two workers were taken to St Aldric hospital.",
        {"4 March 2024": "2024-03-04"},
        "2024-03-05",
        entities=MILL_NAMES,
        vector=near(kind, 1, 0.026),
    )
    later = _assign(
        index,
        "Brackwater mill workers named, arrest made. Police arrested a man over the 4 March "
        "fire at the Harlow & Sons mill; the two workers, Tomas and Ivo Renk, are recovering.",
        {"4 March": "2024-03-04"},
        "2024-03-09",
        entities=MILL_NAMES | {"person:tomas"},
        vector=near(kind, 2, 0.026),
    )
    assert first.new_story and later.story == first.story


def test_two_incidents_of_one_kind_in_other_places_and_weeks_stay_apart() -> None:
    kind = topic(13)
    index = StoryIndex()
    mill = _assign(
        index,
        "Fire guts Brackwater mill. A fire destroyed a flour mill in Brackwater on 4 March "
        "2024; two workers were taken to hospital, the fire service said.",
        {"4 March 2024": "2024-03-04"},
        "2024-03-04",
        entities=MILL_NAMES,
        vector=near(kind, 1, 0.026),
    )
    depot = _assign(
        index,
        "Fire guts Denholm depot. A fire destroyed a bus depot in Denholm on 29 March 2024; "
        "one mechanic was taken to hospital, the fire service said.",
        {"29 March 2024": "2024-03-29"},
        "2024-03-29",
        entities=DEPOT_NAMES,
        vector=near(kind, 2, 0.026),
    )
    assert depot.new_story and depot.story != mill.story


def test_days_named_weeks_apart_weigh_against_a_story_and_close_days_do_not() -> None:
    index = StoryIndex()
    base = topic(14)
    story_id = index.assign(Signal("a0", base, dates=frozenset({DAY}))).story
    story = index.stories[story_id]
    near_day = Signal("a1", base, dates=frozenset({DAY + 2}))
    far_day = Signal("a2", base, dates=frozenset({DAY + DATE_CLASH_DAYS + 1}))
    assert index.clash(near_day, story) == 0.0
    penalised = index.score(near_day, story) - DATE_CLASH_PENALTY
    assert index.score(far_day, story) == pytest.approx(penalised)


def test_a_story_that_shares_a_rare_name_is_a_candidate_whatever_its_meaning() -> None:
    index = StoryIndex()
    story = index.assign(Signal("a0", topic(15), frozenset({"person:ivo renk"}))).story
    for i in range(20):  # other news, so the name is rare among the open stories
        index.assign(Signal(f"x{i}", topic(400 + i), frozenset({"gpe:denholm"})))
    probe = Signal("b", unit(-topic(15)), frozenset({"person:ivo renk", "gpe:denholm"}))
    found = index.candidates(probe, index.keys(probe.vector))
    assert story in {s.id for s in found}


def test_an_undated_report_of_a_second_fire_in_the_town_weeks_later_starts_its_own_story() -> None:
    # undated (a wire copy): no time window holds it off, the day its text names does
    kind = topic(16)
    index = StoryIndex()
    town = frozenset({"gpe:brackwater"})
    mill = _assign(
        index,
        "Fire guts Brackwater mill. A fire destroyed a flour mill in Brackwater on 4 March "
        "2024; two workers were taken to hospital, the Brackwater fire service said.",
        {"4 March 2024": "2024-03-04"},
        "2024-03-04",
        entities=town,
        vector=near(kind, 1, 0.026),
    )
    second = _assign(
        index,
        "Blaze at Brackwater bakery. Crews fought a blaze at the Penrose bakery on Quarry "
        "Street in Brackwater on 25 March 2024; the baker was treated for burns.",
        {"25 March 2024": "2024-03-25"},
        None,
        entities=town,
        vector=near(kind, 2, 0.026),
    )
    assert second.new_story and second.story != mill.story
