"""Figure reconciliation and event finding, on sentences written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

import numpy as np
import pytest

from accord.events import find_events, span_event
from accord.figure_splits import split_by_magnitude
from accord.model import (
    Article,
    Change,
    DateMention,
    Event,
    Extraction,
    FigureMention,
    IncidentFrame,
    Scope,
    Span,
)
from accord.reconcile import dates_the_report, reconcile_figures
from accord.vocab import Measure, Period


def bag_of_words(texts: list[str]) -> np.ndarray:
    """A deterministic stand-in for the sentence embedder: hashed, unit-length word counts."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            out[row, int(hashlib.md5(word.strip(".,").encode()).hexdigest(), 16) % 256] += 1
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def article(text: str, published: date | None = None) -> Article:
    return Article.create("test.txt", text, title="", published=published)


def figure(
    art: Article, needle: str, low: float | None, high: float | None, measure: str, **kwargs: object
) -> FigureMention:
    start = art.original.index(needle)
    return FigureMention(
        Span.of(art, start, start + len(needle)), low, high, measure=measure, **kwargs
    )  # type: ignore[arg-type]


def extraction(art: Article, *figures: FigureMention) -> Extraction:
    return Extraction(
        art.id, sentences=(Span.of(art, 0, len(art.original)),), figures=tuple(figures)
    )


def whole(art: Article) -> Span:
    return Span.of(art, 0, len(art.original))


def one_event(*arts: Article) -> list[Event]:
    return [Event("e1", "story", None, tuple(a.id for a in arts))]


def test_deployed_counts_from_three_outlets_form_one_figure_with_every_source() -> None:
    a = article("Officials say about 8,000 sailors were sent to the port.")
    b = article("Between 8,000 and 9,000 sailors were deployed, the ministry said.")
    c = article("As many as 9,000 sailors have been deployed so far.")
    exs = [
        extraction(a, figure(a, "about 8,000", 8000, 8000, "deployed", approximate=True)),
        extraction(b, figure(b, "Between 8,000 and 9,000", 8000, 9000, "deployed")),
        extraction(c, figure(c, "As many as 9,000", None, 9000, "deployed")),
    ]
    [fig] = reconcile_figures([a, b, c], exs, one_event(a, b, c))
    assert (fig.low, fig.best, fig.high, fig.conflict) == (8000, 8500, 9000, False)
    assert set(fig.low_sources) == {a.id, b.id}
    assert set(fig.high_sources) == {b.id, c.id}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("killed", "cumulative"), ("wounded", "cumulative")),
        (("killed", "cumulative"), ("killed", "in the past week")),
        (("deployed", "cumulative"), ("stationed", "cumulative")),
    ],
)
def test_figures_that_measure_different_things_are_never_merged(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    a = article("At least 300 people were counted by the monitors.")
    b = article("Some 320 people were counted by the relief agency.")
    exs = [
        extraction(a, figure(a, "At least 300", 300, None, first[0], period=Period(first[1]))),
        extraction(b, figure(b, "Some 320", 320, 320, second[0], period=Period(second[1]))),
    ]
    assert len(reconcile_figures([a, b], exs, one_event(a, b))) == 2


def test_estimates_that_cannot_all_be_true_are_one_conflicting_figure() -> None:
    a = article("Between 500 and 1,500 fighters were killed or wounded, analysts said.")
    b = article("At least 2,000 fighters have been killed or wounded, the army claims.")
    exs = [
        extraction(a, figure(a, "Between 500 and 1,500", 500, 1500, "killed_or_wounded")),
        extraction(b, figure(b, "At least 2,000", 2000, None, "killed_or_wounded")),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert fig.conflict
    assert (fig.low, fig.high) == (500, 2000)
    assert fig.low_sources == (a.id,) and fig.high_sources == (b.id,)


@pytest.mark.parametrize(("rule", "best"), [("median", 40.0), ("conservative", 30.0)])
def test_best_estimate_follows_the_chosen_rule(rule: str, best: float) -> None:
    arts = [
        article(f"Report {i}: {n} villagers died in the flood.") for i, n in enumerate((30, 40, 55))
    ]
    exs = [
        extraction(a, figure(a, str(n), n, n, "killed"))
        for a, n in zip(arts, (30, 40, 55), strict=True)
    ]
    [fig] = reconcile_figures(arts, exs, one_event(*arts), best_rule=rule)  # type: ignore[arg-type]
    assert fig.best == best


def test_a_count_ten_times_larger_is_a_different_figure() -> None:
    a = article("Three guards died in the raid on the depot.")
    b = article("Around 400 guards have died since the war began.")
    exs = [
        extraction(a, figure(a, "Three", 3, 3, "killed")),
        extraction(b, figure(b, "Around 400", 400, 400, "killed", approximate=True)),
    ]
    assert len(reconcile_figures([a, b], exs, one_event(a, b))) == 2


def test_a_figure_repeated_inside_one_article_stays_in_one_group() -> None:
    a = article("Some 70 boats sank. Officials repeated that some 70 boats sank.")
    first = figure(a, "Some 70", 70, 70, Measure.COUNT, counted="boats")
    second = FigureMention(
        Span.of(a, a.original.rindex("some 70"), a.original.rindex("some 70") + 7),
        70,
        70,
        measure=Measure.COUNT,
        counted="boats",
    )
    [fig] = reconcile_figures([a], [extraction(a, first, second)], one_event(a))
    assert len(fig.mentions) == 2 and not fig.conflict


def test_a_bare_count_that_names_nothing_it_counts_is_no_figure() -> None:
    a = article("The crews will need a day or two. Some 70 boats sank.")
    bare = figure(a, "two", 2, 2, Measure.COUNT)
    boats = figure(a, "Some 70", 70, 70, Measure.COUNT, counted="boats")
    figures = reconcile_figures([a], [extraction(a, bare, boats)], one_event(a))
    assert [f.mentions[0].span.text for f in figures] == ["Some 70"]


@pytest.mark.parametrize(
    ("window", "key"),
    [
        ("within the last week", "P7D"),
        ("in the past seven days", "P7D"),
        ("over two months", "P60D"),
        ("cumulative", "cumulative"),
    ],
)
def test_windows_are_normalised_to_days(window: str, key: str) -> None:
    assert Period(window).key == key


def test_figure_ids_are_content_hashes_that_do_not_change_between_runs() -> None:
    a = article("About 90 trucks were stopped at the border crossing.")
    exs = [extraction(a, figure(a, "About 90", 90, 90, "count"))]
    assert reconcile_figures([a], exs, []) == reconcile_figures([a], exs, [])


def dated(
    text: str, needle: str, value: str | None, published: date | None = None
) -> tuple[Article, Extraction]:
    art = article(text, published)
    start = art.original.index(needle)
    mention = DateMention(Span.of(art, start, start + len(needle)), value, "day" if value else None)
    return art, Extraction(
        art.id, sentences=(Span.of(art, 0, len(art.original)),), dates=(mention,)
    )


def test_reports_of_two_announcements_on_different_days_are_two_events() -> None:
    pairs = [
        dated(
            "The governor announced on Monday that the dam had failed overnight.", "on Monday", None
        ),
        dated(
            "On Monday the governor announced that the dam had failed overnight.", "On Monday", None
        ),
        dated(
            "The governor announced Thursday that the dam had been repaired again.",
            "Thursday",
            "2023-03-09",
            date(2023, 3, 9),
        ),
    ]
    arts, exs = [p[0] for p in pairs], [p[1] for p in pairs]
    events = find_events(arts, exs, embedder=bag_of_words, threshold=0.3)
    assert sorted(len(e.articles) for e in events) == [1, 2]
    dated_event = next(e for e in events if e.date is not None)
    assert dated_event.date == "2023-03-09" and dated_event.articles == (arts[2].id,)


def test_similar_leads_without_any_date_form_one_event() -> None:
    arts = [
        article("The festival opened with a parade through the old town."),
        article("A parade through the old town opened the festival."),
    ]
    exs = [Extraction(a.id, sentences=(Span.of(a, 0, len(a.original)),)) for a in arts]
    [event] = find_events(arts, exs, embedder=bag_of_words, threshold=0.3)
    assert set(event.articles) == {a.id for a in arts}


def test_a_sentence_that_names_another_events_date_is_about_that_event() -> None:
    art, ex = dated("The strike began on 2 May, the union said.", "2 May", "2022-05-02")
    events = [Event("e-strike", "strike", "2022-05-02", ()), Event("e-home", "x", None, (art.id,))]
    assert span_event(ex.sentences[0], ex, events) == "e-strike"
    assert span_event(ex.sentences[0], ex, events[1:]) == "e-home"


@pytest.mark.parametrize(
    ("before", "is_report"),
    [
        ("Officials said on ", True),
        ("The ministry said in a statement on ", True),
        ("The governor told reporters late ", True),
        ("Police said ", True),
        ("At least nine people were killed on ", False),
        ("The toll rose to 31 on ", False),
        ("The agency said the toll rose on ", False),
        ("The mayor said at a briefing that four died on ", False),
    ],
)
def test_a_date_after_a_reporting_verb_dates_the_report_not_the_happening(
    before: str, is_report: bool
) -> None:
    assert dates_the_report(before) is is_report


def test_harm_figures_come_first_and_widely_carried_ones_lead_their_measure() -> None:
    a = article("The flood covered 40 farms; 12 people died and 30 were hurt.")
    b = article("Officials confirmed 12 deaths and said 7 people were still missing.")
    c = article("The river destroyed 40 farms and killed 12 residents.")
    exs = [
        extraction(
            a,
            figure(a, "40", 40, 40, "count", counted="farms"),
            figure(a, "12", 12, 12, "killed"),
            figure(a, "30", 30, 30, "wounded"),
        ),
        extraction(b, figure(b, "12", 12, 12, "killed"), figure(b, "7", 7, 7, "missing")),
        extraction(
            c, figure(c, "40", 40, 40, "count", counted="farms"), figure(c, "12", 12, 12, "killed")
        ),
    ]
    figures = reconcile_figures([a, b, c], exs, one_event(a, b, c))
    assert [f.measure for f in figures] == ["killed", "wounded", "missing", "count"]


def two_events(first: list[Article], second: list[Article]) -> list[Event]:
    return [
        Event("e1", "first", "2030-03-02", tuple(a.id for a in first)),
        Event("e2", "second", "2030-05-20", tuple(a.id for a in second)),
    ]


def test_tolls_of_two_events_are_never_one_figure() -> None:
    a = article("A ferry sank in the bay and 40 passengers drowned.")
    b = article("Rescuers say 12 passengers drowned when a second ferry capsized upriver.")
    exs = [
        extraction(a, figure(a, "40", 40, 40, "killed", counted="passengers")),
        extraction(b, figure(b, "12", 12, 12, "killed", counted="passengers")),
    ]
    figures = reconcile_figures([a, b], exs, two_events([a], [b]))
    assert len(figures) == 2
    assert not any(f.conflict for f in figures)
    assert {f.event for f in figures} == {"e1", "e2"}


def test_a_toll_that_rises_with_report_day_is_an_update_not_a_conflict() -> None:
    a = article("At least 9 miners died in the collapse.", published=date(2030, 3, 2))
    b = article("The toll from the collapse rose to 14 miners.", published=date(2030, 3, 4))
    exs = [
        extraction(a, figure(a, "At least 9", 9, None, "killed", counted="miners")),
        extraction(b, figure(b, "14", 14, 14, "killed", counted="miners")),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert fig.updated and not fig.conflict
    assert fig.best == 14  # the latest count, not the middle of the toll's history
    assert [(p.as_of, p.low, p.articles) for p in fig.series] == [
        ("2030-03-02", 9, (a.id,)),
        ("2030-03-04", 14, (b.id,)),
    ]


def test_a_later_report_lower_than_an_earlier_one_is_a_conflict() -> None:
    a = article("Officials said 30 miners died in the collapse.", published=date(2030, 3, 2))
    b = article(
        "Only 20 miners died in the collapse, the company said.", published=date(2030, 3, 4)
    )
    exs = [
        extraction(a, figure(a, "30", 30, 30, "killed", counted="miners")),
        extraction(b, figure(b, "20", 20, 20, "killed", counted="miners")),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert fig.conflict and not fig.updated


def frame(scope: Scope) -> IncidentFrame:
    return IncidentFrame(scope=scope)


def test_running_totals_and_other_incidents_are_never_compared_with_the_toll() -> None:
    a = article("Four hikers died in the avalanche; 61 have died on the range this year.")
    b = article("Three hikers died in a separate avalanche, and four in this one.")
    exs = [
        extraction(
            a,
            figure(a, "Four", 4, 4, "killed", counted="hikers"),
            figure(a, "61", 61, 61, "killed", frame=frame(Scope.RUNNING_TOTAL)),
        ),
        extraction(
            b,
            figure(b, "Three", 3, 3, "killed", counted="hikers", frame=frame(Scope.OTHER_INCIDENT)),
            figure(b, "four", 4, 4, "killed", counted="hikers"),
        ),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    by_scope = {f.scope: f for f in figures}
    assert len(figures) == 3 and not any(f.conflict for f in figures)
    assert by_scope[Scope.INCIDENT].low == 4 and len(by_scope[Scope.INCIDENT].mentions) == 2
    assert by_scope[Scope.RUNNING_TOTAL].low == 61
    assert by_scope[Scope.OTHER_INCIDENT].low == 3
    assert [f.scope for f in figures] == [
        Scope.INCIDENT,
        Scope.RUNNING_TOTAL,
        Scope.OTHER_INCIDENT,
    ]


def test_a_subgroup_is_its_own_figure_and_a_plain_name_joins_its_fuller_group() -> None:
    a = article("Twenty villagers were killed, among them 8 children.")
    b = article("At least 20 Lorvian villagers were killed in the raid.")
    exs = [
        extraction(
            a,
            figure(a, "Twenty", 20, 20, "killed", counted="villagers"),
            figure(a, "8", 8, 8, "killed", counted="children"),
        ),
        extraction(b, figure(b, "At least 20", 20, None, "killed", counted="Lorvian villagers")),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    assert sorted(len(f.mentions) for f in figures) == [1, 2]
    assert not any(f.conflict for f in figures)


def test_a_force_level_is_one_running_figure_across_the_events_of_a_story() -> None:
    a = article("About 900 engineers have been deployed to the border.")
    b = article("Some 900 engineers are deployed there, a week after the first clash.")
    exs = [
        extraction(a, figure(a, "About 900", 900, 900, "deployed", approximate=True)),
        extraction(b, figure(b, "Some 900", 900, 900, "deployed", approximate=True)),
    ]
    [fig] = reconcile_figures([a, b], exs, two_events([a], [b]))
    assert fig.scope is Scope.RUNNING_TOTAL and fig.event is None


def test_prices_and_bare_counts_group_only_the_same_number_and_never_conflict() -> None:
    a = article("The small model costs $899 and the large one $1,299.")
    b = article("Prices start at $899, the maker said.")
    exs = [
        extraction(
            a,
            figure(a, "$899", 899, 899, "money", counted="dollar"),
            figure(a, "$1,299", 1299, 1299, "money", counted="dollar"),
        ),
        extraction(b, figure(b, "$899", 899, 899, "money", counted="dollar")),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    assert sorted(len(f.mentions) for f in figures) == [1, 2]
    assert not any(f.conflict for f in figures)


def test_a_figure_that_names_no_group_joins_the_one_group_its_happening_has() -> None:
    a = article("At least 30 Lorvian villagers were killed in the raid.")
    b = article("About 30 were killed, officials said.")
    c = article("Fifty people were killed in all, and 30 villagers.")
    one = [
        extraction(a, figure(a, "At least 30", 30, None, "killed", counted="Lorvian villagers")),
        extraction(b, figure(b, "About 30", 30, 30, "killed", approximate=True)),
    ]
    [joined] = reconcile_figures([a, b], one, one_event(a, b))
    assert len(joined.mentions) == 2
    two = [*one, extraction(c, figure(c, "Fifty", 50, 50, "killed", counted="people"))]
    figures = reconcile_figures([a, b, c], two, one_event(a, b, c))
    assert sorted(len(f.mentions) for f in figures) == [1, 1, 1]  # which group: not said
    assert not any(f.conflict for f in figures)


def test_one_number_told_of_a_group_named_in_several_ways_is_one_figure() -> None:
    a = article("The coast guard detained 14 smugglers on Sunday.")
    b = article("The coast guard detained 14 Lorvian smugglers.")
    c = article("The coast guard detained 14 Lorvan smugglers off the cape.")
    d = article("Last year the coast guard detained 6 smugglers.")
    exs = [
        extraction(a, figure(a, "14", 14, 14, "arrested", counted="smugglers")),
        extraction(b, figure(b, "14", 14, 14, "arrested", counted="Lorvian smugglers")),
        extraction(c, figure(c, "14", 14, 14, "arrested", counted="Lorvan smugglers")),
        extraction(d, figure(d, "6", 6, 6, "arrested", counted="smugglers")),
    ]
    figures = reconcile_figures([a, b, c, d], exs, one_event(a, b, c, d))
    sources = [{m.span.article for m in f.mentions} for f in figures]
    assert any({a.id, b.id, c.id} <= group for group in sources)


def test_a_plain_group_between_two_subgroups_of_different_numbers_stays_apart() -> None:
    a = article("The coast guard detained 14 smugglers on Sunday.")
    b = article("The coast guard detained 9 Lorvian smugglers.")
    c = article("The coast guard detained 5 Varan smugglers off the cape.")
    exs = [
        extraction(a, figure(a, "14", 14, 14, "arrested", counted="smugglers")),
        extraction(b, figure(b, "9", 9, 9, "arrested", counted="Lorvian smugglers")),
        extraction(c, figure(c, "5", 5, 5, "arrested", counted="Varan smugglers")),
    ]
    figures = reconcile_figures([a, b, c], exs, one_event(a, b, c))
    assert sorted(len(f.mentions) for f in figures) == [1, 1, 1]


def test_two_numbers_one_article_states_for_one_key_count_two_things() -> None:
    a = article("Around 100 rebels died in the assault. Three captured rebels later died.")
    b = article("More than a dozen rebels were killed in the assault, officials said.")
    exs = [
        extraction(
            a,
            figure(a, "Around 100", 100, 100, "killed", counted="rebels", approximate=True),
            figure(a, "Three", 3, 3, "killed", counted="captured rebels"),
        ),
        extraction(b, figure(b, "More than a dozen", 12, None, "killed", counted="rebels")),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    assert sorted((f.low, len(f.mentions)) for f in figures) == [(3, 1), (12, 2)]
    assert not any(f.conflict for f in figures)


def test_an_article_that_credits_two_tolls_to_two_sources_reports_a_conflict() -> None:
    a = article("Villagers say 40 died in the landslide; the ministry says 25.")
    exs = [
        extraction(
            a,
            figure(a, "40", 40, 40, "killed", attributed_to=("villagers",)),
            figure(a, "25", 25, 25, "killed", attributed_to=("ministry",)),
        )
    ]
    [fig] = reconcile_figures([a], exs, one_event(a))
    assert fig.conflict and len(fig.mentions) == 2


def test_best_of_an_even_number_of_reports_is_one_a_source_gave() -> None:
    arts = [
        article(f"Report {i}: {n} villagers died in the flood.")
        for i, n in enumerate((14, 14, 15, 17))
    ]
    exs = [
        extraction(a, figure(a, str(n), n, n, "killed"))
        for a, n in zip(arts, (14, 14, 15, 17), strict=True)
    ]
    [fig] = reconcile_figures(arts, exs, one_event(*arts))
    assert fig.best == 14.0


@pytest.mark.parametrize(("change", "incidents"), [(Change.UP, 1), (Change.NONE, 2)])
def test_a_toll_that_rose_days_later_counts_the_same_happening(
    change: Change, incidents: int
) -> None:
    a = article("Twelve villagers died when the bridge fell on Tuesday.")
    b = article("The toll rose to 15 on Saturday, the agency said.")
    saturday = IncidentFrame(time="2023-03-11")
    exs = [
        extraction(a, figure(a, "Twelve", 12, 12, "killed")),
        extraction(b, figure(b, "15", 15, 15, "killed", change=change, frame=saturday)),
    ]
    events = [Event("e1", "bridge", "2023-03-07", (a.id, b.id))]
    figures = reconcile_figures([a, b], exs, events)
    assert len({m.incident for f in figures for m in f.mentions}) == incidents
    assert len(figures) == incidents


@pytest.mark.parametrize(
    ("text", "needle", "change", "conflict"),
    [
        ("The bodies of two more victims were found.", "two", Change.UP, False),
        ("The toll rose by two on Monday.", "two", Change.UP, False),
        ("The toll rose to two on Monday.", "two", Change.UP, True),
        ("The bodies of two victims were found.", "two", Change.NONE, True),
    ],
)
def test_an_amount_a_toll_moved_by_is_compared_with_no_toll(
    text: str, needle: str, change: Change, conflict: bool
) -> None:
    a = article("Ten villagers died when the quake struck on Sunday.")
    b = article(text)
    exs = [
        extraction(a, figure(a, "Ten", 10, 10, "killed")),
        extraction(b, figure(b, needle, 2, 2, "killed", change=change, sentence=whole(b))),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    assert any(f.conflict for f in figures) is conflict
    assert len(figures) == (1 if conflict else 2)


def test_one_bare_count_that_fell_by_an_amount_still_meets_its_retelling() -> None:
    a = article("The climber fell 200ft from the ridge.")
    b = article("He slipped and fell about 200 feet, police said.")
    exs = [
        extraction(a, figure(a, "200ft", 200, 200, "count", change=Change.DOWN, sentence=whole(a))),
        extraction(
            b, figure(b, "about 200 feet", 200, 200, "count", change=Change.DOWN, sentence=whole(b))
        ),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert len(fig.mentions) == 2


@pytest.mark.parametrize(
    ("when", "incidents"), [("2023-01", 2), ("2022", 2), ("2023-03", 1), ("2023", 1)]
)
def test_a_clause_dated_by_a_month_or_year_without_the_event_is_another_happening(
    when: str, incidents: int
) -> None:
    a = article("Twelve villagers died when the bridge fell on Tuesday.")
    b = article("In January, five villagers died when another bridge fell.")
    exs = [
        extraction(a, figure(a, "Twelve", 12, 12, "killed")),
        extraction(b, figure(b, "five", 5, 5, "killed", frame=IncidentFrame(time=when))),
    ]
    events = [Event("e1", "bridge", "2023-03-07", (a.id, b.id))]
    figures = reconcile_figures([a, b], exs, events)
    assert len({m.incident for f in figures for m in f.mentions}) == incidents


@pytest.mark.parametrize(
    ("when", "incidents"), [("2021", 2), ("2022-12", 2), ("2023-03", 1), ("2023-03-01", 1)]
)
def test_a_month_or_year_over_before_the_story_began_is_another_happening_of_an_undated_event(
    when: str, incidents: int
) -> None:
    a = article("Twelve villagers died when the bridge fell.", date(2023, 3, 9))
    b = article("In that year, five villagers died when another bridge fell.", date(2024, 5, 1))
    exs = [
        extraction(a, figure(a, "Twelve", 12, 12, "killed")),
        extraction(b, figure(b, "five", 5, 5, "killed", frame=IncidentFrame(time=when))),
    ]
    figures = reconcile_figures([a, b], exs, one_event(a, b))
    assert len({m.incident for f in figures for m in f.mentions}) == incidents


def test_a_vague_number_neither_contradicts_a_count_nor_outweighs_it() -> None:
    a = article("Dozens of people were reported missing after the flood.", date(2030, 3, 2))
    b = article("Eleven people were still missing on Friday.", date(2030, 3, 6))
    exs = [
        extraction(a, figure(a, "Dozens", 12, None, "missing", vague=True)),
        extraction(b, figure(b, "Eleven", 11, 11, "missing")),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert not fig.conflict and (fig.low, fig.best, fig.high) == (11, 11, 11)
    assert len(fig.mentions) == 2


def test_a_places_residents_are_its_people() -> None:
    a = article("Nearly 900 residents were forced from their homes by the flood.")
    b = article("About 900 people were displaced by the flood, officials said.")
    exs = [
        extraction(a, figure(a, "Nearly 900", None, 900, "displaced", counted="residents")),
        extraction(b, figure(b, "About 900", 900, 900, "displaced", counted="people")),
    ]
    [fig] = reconcile_figures([a, b], exs, one_event(a, b))
    assert len(fig.mentions) == 2


def test_a_vague_count_does_not_chain_two_magnitudes_into_one_group() -> None:
    a = article("At least 10 people died. Hundreds of people were hurt. A quake killed 612 people.")
    mentions = [
        figure(a, "At least 10", 10, None, "killed", counted="people"),
        figure(a, "Hundreds", 100, None, "killed", counted="people", vague=True),
        figure(a, "612", 612, 612, "killed", counted="people"),
    ]
    groups = split_by_magnitude(mentions)
    assert sorted(sorted(m.span.text for m in g) for g in groups) == [
        ["612", "Hundreds"],
        ["At least 10"],
    ]
