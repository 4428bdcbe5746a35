"""The timeline, on sentences written for these tests; then the seed acceptance criteria."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accord.model import Article, DateMention, Dossier, Event, Extraction, Scope, Span
from accord.timeline import build_timeline, earliest_publication, story_reference
from tests.models import loaded_models


def with_dates(
    text: str,
    dates: list[tuple[str, str | None, str | None]],
    published: str | None = None,
    dateline: str | None = None,
) -> tuple[Article, Extraction]:
    day = date.fromisoformat(published) if published else None
    art = Article.create("t.txt", text, published=day)
    if dateline is not None:
        start = text.index(dateline)
        art = Article.create(
            "t.txt",
            text,
            published=day,
            published_evidence=Span.of(art, start, start + len(dateline)),
        )
    mentions = []
    for needle, value, precision in dates:
        start = text.index(needle)
        mentions.append(DateMention(Span.of(art, start, start + len(needle)), value, precision))  # type: ignore[arg-type]
    return art, Extraction(art.id, sentences=(Span.of(art, 0, len(text)),), dates=tuple(mentions))


def test_the_same_date_in_two_articles_is_one_entry_citing_both() -> None:
    a = with_dates(
        "The dam failed on 3 March 2021 after heavy rain.",
        [("3 March 2021", "2021-03-03", "day")],
        "2021-03-04",
    )
    b = with_dates(
        "Officials said the dam broke on Wednesday.",
        [("Wednesday", "2021-03-03", "day")],
        "2021-03-05",
    )
    [entry] = build_timeline([a[0], b[0]], [a[1], b[1]])
    assert entry.date == "2021-03-03" and entry.precision == "day"
    assert {m.article for m in entry.mentions} == {a[0].id, b[0].id}
    assert [m.text for m in entry.mentions if m.article == b[0].id] == ["Wednesday"]
    assert entry.summary.startswith("The dam failed")  # the absolute date's sentence
    assert not entry.inferred


def test_entries_are_in_date_order_and_a_month_stays_apart_from_its_days() -> None:
    art, ex = with_dates(
        "Talks began in June 2019, resumed on 4 July 2019 and ended 2 June 2019.",
        [
            ("June 2019", "2019-06", "month"),
            ("4 July 2019", "2019-07-04", "day"),
            ("2 June 2019", "2019-06-02", "day"),
        ],
        "2019-08-01",
    )
    assert [(e.date, e.precision) for e in build_timeline([art], [ex])] == [
        ("2019-06", "month"),
        ("2019-06-02", "day"),
        ("2019-07-04", "day"),
    ]


def test_a_dateline_is_not_a_happening() -> None:
    art, ex = with_dates(
        "March 9, 2022\nThe mayor resigned.",
        [("March 9, 2022", "2022-03-09", "day")],
        "2022-03-09",
        dateline="March 9, 2022",
    )
    assert build_timeline([art], [ex]) == []


def test_an_undated_article_has_its_year_less_dates_inferred_from_the_story() -> None:
    dated = with_dates(
        "Talks collapsed on Monday, envoys said.", [("Monday", "2023-02-06", "day")], "2023-02-07"
    )
    undated = with_dates(
        "The envoys first met on January 30 in Geneva and again on Friday.",
        [("January 30", None, None), ("Friday", None, None)],
    )
    entries = build_timeline([dated[0], undated[0]], [dated[1], undated[1]])
    inferred = [e for e in entries if e.inferred]
    assert [(e.date, [m.text for m in e.mentions]) for e in inferred] == [
        ("2023-01-30", ["January 30"])
    ]
    assert all(e.date != "Friday" for e in entries)
    reference = story_reference([dated[0], undated[0]])
    assert earliest_publication(undated[1], reference) == "2023-01-30"


def test_an_undated_story_infers_nothing() -> None:
    art, ex = with_dates("They met on January 30.", [("January 30", None, None)])
    assert build_timeline([art], [ex]) == []


# --- the seed articles, end to end ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_dossier(seed_paths: list[Path]) -> Dossier:
    from accord.pipeline import analyze

    return analyze(seed_paths, models=loaded_models())


def names(dossier: Dossier) -> dict[str, str]:
    return {a.id: Path(a.source).name[:3] for a in dossier.articles}


@pytest.mark.seeds
@pytest.mark.slow
@pytest.mark.parametrize(
    ("date", "articles"),
    [
        ("2024-11", {"001"}),
        ("2024-12-17", {"002"}),
        ("2025-01-03", {"003"}),
        ("2025-01-05", {"003"}),
        ("2025-01-11", {"000", "003"}),
        ("2025-01-12", {"003"}),
        ("2025-01-14", {"003"}),
    ],
)
def test_seed_timeline_holds_each_date_citing_the_articles_that_state_it(
    seed_dossier: Dossier, date: str, articles: set[str]
) -> None:
    by_date = {e.date: e for e in seed_dossier.timeline}
    cited = {names(seed_dossier)[m.article] for m in by_date[date].mentions}
    assert articles <= cited


@pytest.mark.seeds
@pytest.mark.slow
def test_seed_defence_pact_month_is_summarised_by_the_pact_and_the_undated_date_is_inferred(
    seed_dossier: Dossier,
) -> None:
    by_date = {e.date: e for e in seed_dossier.timeline}
    assert "pact" in by_date["2024-11"].summary
    assert by_date["2024-12-17"].inferred and not by_date["2025-01-11"].inferred


@pytest.mark.seeds
@pytest.mark.slow
def test_seed_deployed_troops_are_one_figure_from_every_source(seed_dossier: Dossier) -> None:
    [deployed] = [f for f in seed_dossier.figures if f.measure == "deployed"]
    assert (deployed.low, deployed.high) == (11000, 12000)
    assert len(deployed.mentions) == 5
    assert set(deployed.low_sources) | set(deployed.high_sources) == {
        a.id for a in seed_dossier.articles
    }


@pytest.mark.seeds
@pytest.mark.slow
def test_seed_casualty_figures_never_pair_reports_of_two_events(
    seed_dossier: Dossier,
) -> None:
    event_of = {a: e.id for e in seed_dossier.events for a in e.articles}
    for figure in seed_dossier.figures:
        if figure.scope is Scope.INCIDENT:
            assert len({event_of[m.span.article] for m in figure.mentions}) == 1, figure
    casualties = [f for f in seed_dossier.figures if f.measure == "killed_or_wounded"]
    weekly = [f for f in casualties if str(f.period) != "cumulative"]
    totals = [f for f in casualties if str(f.period) == "cumulative"]
    assert weekly and totals
    assert all(not set(w.mentions) & set(t.mentions) for w in weekly for t in totals)
    for measure in ("killed", "wounded"):
        assert any(f.measure == measure for f in seed_dossier.figures)


@pytest.mark.seeds
@pytest.mark.slow
def test_seed_kill_their_wounded_statements_are_one_claim_with_three_sources(
    seed_dossier: Dossier,
) -> None:
    [claim] = [
        c
        for c in seed_dossier.claims
        if sum(
            "wounded" in m.text
            and ("kill" in m.text or "execute" in m.text or "finish off" in m.text)
            for m in c.mentions
        )
        >= 3
    ]
    assert claim.sources == 3
    assert {names(seed_dossier)[m.article] for m in claim.mentions} == {"000", "001", "003"}


@pytest.mark.seeds
@pytest.mark.slow
def test_seed_friday_deaths_and_saturday_capture_are_two_events_without_contradiction(
    seed_dossier: Dossier,
) -> None:
    label = names(seed_dossier)
    events = {frozenset(label[a] for a in e.articles) for e in seed_dossier.events}
    assert frozenset({"002", "004"}) in events
    assert not any({"002", "000"} <= e or {"002", "001"} <= e for e in events)
    firsts = [c for c in seed_dossier.claims if any("first" in m.text for m in c.mentions)]
    assert all(not c.contradicts for c in firsts)


def test_an_undated_articles_weekday_takes_its_events_date_and_says_it_was_inferred() -> None:
    dated = with_dates(
        "The bridge reopened on Thursday, engineers said.",
        [("Thursday", "2023-03-09", "day")],
        "2023-03-10",
    )
    undated = with_dates("Crowds crossed the bridge on Thursday.", [("Thursday", None, None)])
    other = with_dates("Traffic was light on Thursday.", [("Thursday", None, None)])
    events = [
        Event("e1", "bridge", "2023-03-09", (dated[0].id, undated[0].id)),
        Event("e2", "traffic", None, (other[0].id,)),
    ]
    entries = build_timeline(
        [dated[0], undated[0], other[0]], [dated[1], undated[1], other[1]], events
    )
    [entry] = [e for e in entries if e.date == "2023-03-09"]
    assert {m.article for m in entry.mentions} == {dated[0].id, undated[0].id}
    assert not entry.inferred  # the dated report states it
    assert all(other[0].id not in {m.article for m in e.mentions} for e in entries)
