"""What changed between two dossiers of one story: new sources, moved figures, new statements."""

from __future__ import annotations

from dataclasses import replace

from accord.changes import Change, describe_range, diff, sections, summary_lines
from accord.ingest.text import make_article
from accord.model import Claim, Dossier, Event, Figure, FigureMention, Quote, QuoteMention, Span
from accord.vocab import Measure

FIRST = make_article(
    "a.txt",
    "Quarry blast\n\nA blast at the Tormund quarry killed 3 workers, the owner said.\n",
    outlet="Tormund Post",
)
SECOND = make_article(
    "b.txt",
    "Quarry toll rises\n\nThe Tormund quarry blast killed 5 workers, police said.\n"
    '"We are shutting the site," the mayor said.\n',
    outlet="Hill Courier",
    url="https://hill.example/quarry",
)


def span(article: object, text: str) -> Span:
    start = article.original.index(text)  # type: ignore[attr-defined]
    return Span.of(article, start, start + len(text))  # type: ignore[arg-type]


def killed(*mentions: tuple[object, str, float]) -> Figure:
    found = tuple(FigureMention(span(a, t), v, v, measure=Measure.KILLED) for a, t, v in mentions)
    values = [v for _, _, v in mentions]
    return Figure(
        id="f" + "".join(str(v) for v in values),
        measure=Measure.KILLED,
        low=min(values),
        best=max(values),
        high=max(values),
        as_of=None,
        conflict=min(values) != max(values),
        mentions=found,
    )


OLD = Dossier(
    articles=(FIRST,),
    figures=(killed((FIRST, "3", 3.0)),),
    claims=(Claim("c1", "A blast killed 3.", (span(FIRST, "A blast at the Tormund quarry"),), 1),),
    events=(Event("e1", "quarry blast", "2031-01-05", (FIRST.id,)),),
)
QUOTE = Quote(
    "q1",
    "the mayor",
    "We are shutting the site,",
    (QuoteMention(span(SECOND, "We are shutting the site,"), "the mayor"),),
)
NEW = Dossier(
    articles=(FIRST, SECOND),
    figures=(killed((FIRST, "3", 3.0), (SECOND, "5", 5.0)),),
    quotes=(QUOTE,),
    claims=(
        Claim(
            "c2",
            "A blast killed workers.",
            (
                span(FIRST, "A blast at the Tormund quarry"),
                span(SECOND, "The Tormund quarry blast"),
            ),
            2,
        ),
    ),
    events=(Event("e2", "quarry blast", "2031-01-05", (FIRST.id, SECOND.id)),),
)


def test_a_toll_that_rose_is_listed_with_its_old_and_new_values() -> None:
    changes = diff(OLD, NEW)
    (figure,) = changes.figures
    assert figure.change is Change.UPDATED
    assert figure.old_range == (3.0, 3.0, 3.0)
    assert figure.new_range == (3.0, 5.0, 5.0)
    assert "figure updated: killed (sources disagree): 3 → 3–5 (best 5)" in summary_lines(changes)


def test_a_new_source_and_a_new_statement_are_listed() -> None:
    changes = diff(OLD, NEW)
    assert [a.id for a in changes.sources] == [SECOND.id]
    assert changes.quotes == (QUOTE,)
    lines = summary_lines(changes)
    assert "new source: Hill Courier — Quarry toll rises (https://hill.example/quarry)" in lines
    assert "new statement: the mayor: “We are shutting the site,”" in lines


def test_a_claim_or_event_that_gained_a_source_is_not_new() -> None:
    changes = diff(OLD, NEW)
    assert changes.claims == ()
    assert changes.events == ()


def test_an_event_with_only_new_articles_is_new() -> None:
    later = Dossier(
        articles=NEW.articles, events=(*OLD.events, Event("e3", "site closed", None, (SECOND.id,)))
    )
    assert [e.label for e in diff(OLD, later).events] == ["site closed"]


def test_a_figure_sharing_no_mention_with_the_old_ones_is_new() -> None:
    later = Dossier(articles=NEW.articles, figures=(*OLD.figures, killed((SECOND, "5", 5.0))))
    (change,) = diff(OLD, later).figures
    assert change.change is Change.NEW
    assert change.old_range is None


def test_a_figure_line_names_what_is_counted() -> None:
    counted = Dossier(
        articles=NEW.articles,
        figures=tuple(replace(f, counted="workers") for f in NEW.figures),
    )
    (line,) = [x for x in summary_lines(diff(OLD, counted)) if x.startswith("figure")]
    assert line == "figure updated: killed (workers; sources disagree): 3 → 3–5 (best 5)"


def test_the_same_dossier_twice_has_no_changes() -> None:
    assert not diff(NEW, NEW)
    assert summary_lines(diff(NEW, NEW)) == []


def test_ranges_read_as_people_write_them() -> None:
    assert describe_range((14.0, 14.0, 14.0)) == "14"
    assert describe_range((14.0, 15.0, 17.0)) == "14–17 (best 15)"
    assert describe_range((10.0, None, None)) == "10–? (best ?)"


def test_sections_group_the_changes_by_kind_and_leave_out_empty_kinds() -> None:
    found = {s.heading: s.lines for s in sections(diff(OLD, NEW))}
    assert list(found) == ["New sources", "Updated figures", "New statements"]
    assert found["Updated figures"] == ("killed (sources disagree): 3 → 3–5 (best 5)",)
    assert sections(diff(NEW, NEW)) == []


def test_a_claim_with_no_earlier_mention_is_listed_with_its_source_count() -> None:
    later = replace(
        NEW, claims=(*NEW.claims, Claim("c3", "The site shut.", (span(SECOND, "We are"),), 1))
    )
    assert "new claim: The site shut. (1 source)" in summary_lines(diff(NEW, later))
