"""dossier.md: readable sections, citations with offsets, and inert article text."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from accord.model import Article, Change, QuoteMention, Span
from accord.render._view import SOURCE_NAME_CHARS, carried_label, source_name
from accord.render.markdown import md_escape, to_markdown
from tests.render.dossiers import (
    IMG,
    LONG_TOKEN,
    SCRIPT,
    hostile_dossier,
    relayed_dossier,
    sample_dossier,
)


def rendered(markdown: str) -> str:
    """What a CommonMark renderer with raw HTML enabled would publish."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def test_markdown_has_every_section_in_reading_order() -> None:
    text = to_markdown(sample_dossier())
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## What happened",
        "## Figures",
        "## Timeline",
        "## Quotes",
        "## Claims",
        "## Sources",
    ]


def test_figures_show_low_best_high_the_conflict_and_each_source() -> None:
    text = to_markdown(sample_dossier())
    assert "low **120** · best **150** · high **200**" in text
    assert "conflict: sources disagree" in text
    assert "| Harbor Gazette | at least 120 |" in text
    assert "| Valley Times | 150–200 |" in text


def test_a_figure_that_rose_or_fell_says_so_beside_its_value() -> None:
    dossier = sample_dossier()
    first, second = dossier.figures[0].mentions
    figure = replace(
        dossier.figures[0],
        mentions=(replace(first, change=Change.UP), replace(second, change=Change.DOWN)),
    )
    text = to_markdown(replace(dossier, figures=(figure, *dossier.figures[1:])))
    assert "| Harbor Gazette | at least 120 (a rise) |" in text
    assert "| Valley Times | 150–200 (a fall) |" in text


def test_citations_give_the_article_and_the_character_offsets() -> None:
    dossier = sample_dossier()
    span = dossier.quotes[0].mentions[0].span
    assert f"article `{span.article}`, chars {span.start}–{span.end}" in to_markdown(dossier)


def test_single_source_claims_and_contradictions_are_listed_apart() -> None:
    text = to_markdown(sample_dossier())
    single = text.split("### Single-source claims")[1].split("###")[0]
    assert "Schools reopen on Wednesday." in single
    assert "Homes were flooded" not in single
    contradictions = text.split("### Contradictions")[1].split("##")[0]
    assert contradictions.count("contradicts") == 1  # a symmetric pair is listed once


def test_removed_noise_is_listed_under_its_article_not_in_the_text() -> None:
    text = to_markdown(sample_dossier())
    gazette = text.split("### Harbor Gazette")[1].split("### ")[0]
    body, removed = gazette.split("Removed noise (1 segment):")
    assert "ADVERTISEMENT" not in body
    assert "ad\\-marker: ADVERTISEMENT" in removed or "ad-marker: ADVERTISEMENT" in removed


def test_hostile_article_text_is_escaped_in_the_markdown_source() -> None:
    text = to_markdown(hostile_dossier())
    assert "<script" not in text
    assert "<img" not in text
    assert "</style" not in text
    assert "](javascript:" not in text
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text
    assert LONG_TOKEN in text  # kept whole, as text


def test_hostile_markdown_renders_to_inert_html_that_still_shows_the_text() -> None:
    html = rendered(to_markdown(hostile_dossier()))
    assert "<script" not in html
    assert "<img" not in html
    assert "<style" not in html
    assert "<a " not in html  # no link of any kind forms from article text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # visible as text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (SCRIPT, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (IMG, "&lt;img src=x onerror=alert(1)&gt;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("![pic](http://tracker.example/p.png)", "![pic](http://tracker.example/p.png)"),
        ("<http://example.com>", "&lt;http://example.com&gt;"),
        ("**bold** and _under_", "**bold** and _under_"),
        ("- not a list", "- not a list"),
        ("1. not a list", "1. not a list"),
        ("a | b", "a | b"),
        ("line one\nline two", "line one line two"),
    ],
)
def test_md_escape_shows_text_literally(raw: str, shown: str) -> None:
    html = rendered(md_escape(raw))
    assert html.strip() == f"<p>{shown}</p>"


def test_what_happened_gives_each_event_its_sourced_sentence_and_key_figures() -> None:
    text = to_markdown(sample_dossier())
    section = text.split("## What happened")[1].split("## Figures")[0]
    assert "### 2024-03-03 — lower town" in section
    assert "Harbor Gazette: “Officials said on 3 March 2024" in section
    assert "chars 34–123" in section
    assert "- homes: 150 \\(sources disagree: 120–200\\)" in section
    assert "2 independent sources: Harbor Gazette, Valley Times" in section


def test_statements_show_speaker_sources_and_forms_with_minor_ones_folded() -> None:
    text = to_markdown(sample_dossier())
    quotes = text.split("## Quotes")[1].split("## Claims")[0]
    open_part, folded_part = quotes.split("<details>")
    assert "**Lena Ortiz** (person) — 2 independent sources" in open_part
    assert "- paraphrase — " in open_part
    assert "1 more single-source statement</summary>" in folded_part
    assert "**the council** (organisation) — 1 independent source" in folded_part
    assert "<blockquote>" in rendered(folded_part + "\n")


def test_a_statement_names_who_passed_it_on_and_what_it_rests_on() -> None:
    quotes = to_markdown(relayed_dossier()).split("## Quotes")[1].split("## Claims")[0]
    assert "- reported, via the county office, citing a school board letter — " in quotes
    assert "via" not in to_markdown(sample_dossier()).split("## Quotes")[1].split("## Claims")[0]


@pytest.mark.parametrize(
    ("outlet", "title", "named"),
    [
        ("Valley Courier", "Dam fails", "Valley Courier"),
        (None, "Dam fails", "Dam fails"),
        # a text without a headline takes its first paragraph as title: named in a line
        (
            None,
            "Officials in the river town said on Monday that the old dam had failed after days "
            "of rain and that crews were searching for survivors",
            "Officials in the river town said on Monday that the old dam had…",
        ),
    ],
)
def test_a_source_is_named_by_its_outlet_else_a_title_cut_at_a_word(
    outlet: str | None, title: str, named: str
) -> None:
    article = Article.create("a.txt", f"{title}\nBody.\n", title=title, outlet=outlet)
    assert source_name(article) == named
    assert len(source_name(article)) <= SOURCE_NAME_CHARS


def test_a_denial_is_shown_as_denied_not_as_the_speakers_claim() -> None:
    text = "Denying he was a gangster, Gigante wandered the streets."
    said = Span("a1", 8, 25, "he was a gangster")
    denied = QuoteMention(said, "Gigante", cue=Span("a1", 0, 7, "Denying"), verbatim=False)
    assert text[8:25] == said.text
    assert carried_label(denied) == "denied (reported)"
    assert carried_label(replace(denied, cue=Span("a1", 0, 4, "Said"))) == "reported"


@pytest.mark.parametrize(
    ("credited", "label"),
    [
        ("Jerry Tibbs", "verbatim, credited to Jerry Tibbs"),
        ("Page", "verbatim"),
        ("bettie page", "verbatim"),
        ("Betty Page", "verbatim"),
        ("Bettie Pa Ge", "verbatim"),
        ("Bettie Paige", "verbatim"),
        ("Bettie Pag", "verbatim, credited to Bettie Pag"),
        ("police", "verbatim, credited to police"),
    ],
)
def test_an_outlet_crediting_another_speaker_is_shown_so(credited: str, label: str) -> None:
    said = Span("a1", 1, 24, "God approves of nudity.")
    mention = QuoteMention(said, credited, verbatim=True)
    assert carried_label(mention, "Bettie Page") == label
