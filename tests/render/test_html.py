"""dossier.html: self-contained, linked both ways, and inert whatever the articles say."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from accord.model import (
    Article,
    Dossier,
    Figure,
    FigureMention,
    Quote,
    QuoteMention,
    SeriesPoint,
    Span,
    SpeakerType,
)
from accord.render._view import Evidence, figure_label, key_figure_line
from accord.render.charts import date_interval
from accord.render.html import CSP, highlight_article, to_html
from accord.vocab import Measure
from tests.render.dossiers import (
    LONG_TOKEN,
    SCRIPT,
    cut,
    hostile_dossier,
    relayed_dossier,
    sample_dossier,
)


class Page(HTMLParser):
    """Tags, ids and fragment links of a page, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}  # type: ignore[misc]

    def links(self, css_class: str | None = None) -> list[str]:
        return [
            a["href"] or ""
            for t, a in self.tags
            if t == "a"
            and "href" in a
            and (css_class is None or css_class in (a.get("class") or "").split())
        ]

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(to_html(sample_dossier()))


def test_page_carries_the_content_security_policy_and_no_script(page: Page) -> None:
    metas = [m for m in page.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert page.named("script") == []
    assert page.named("link") == []


def test_page_requests_nothing_from_anywhere(page: Page) -> None:
    for _, attrs in page.tags:
        assert "src" not in attrs
    assert all(not href.startswith(("//", "http:")) for href in page.links())


def test_every_fragment_link_lands_on_an_element_of_the_page(page: Page) -> None:
    ids = page.ids()
    targets = [h[1:] for h in page.links() if h.startswith("#")]
    assert targets
    assert sorted(set(targets) - ids) == []


def test_each_figure_evidence_link_lands_on_a_mark_that_links_back(page: Page) -> None:
    evidence = [h[1:] for h in page.links("evidence") if h.startswith("#ev-f")]
    assert evidence == ["ev-f0-0", "ev-f0-1"]
    html = to_html(sample_dossier())
    for anchor in evidence:
        assert re.search(rf'<mark id="{anchor}" class="[^"]*k-figure[^"]*"><a href="#fig-0"', html)


def test_summary_counts_articles_independent_sources_and_the_date_span() -> None:
    html = to_html(sample_dossier())
    assert "<b>3</b> articles read" in html
    assert "<b>2</b> independent sources" in html  # the reprint does not count
    assert "2024-03-03 to 2024-03-05" in html


def test_figure_rows_have_a_range_chart_with_the_conflict_flagged(page: Page) -> None:
    html = to_html(sample_dossier())
    figure = html.split('id="fig-0"')[1].split("</div>")[0]
    assert '<svg class="chart range conflict"' in figure
    assert ">conflict</text>" in figure
    assert 'class="best"' in figure and 'class="band"' in figure
    assert "Harbor Gazette" in figure and "Valley Times" in figure


def test_the_timeline_chart_shows_days_and_months_and_links_to_entries() -> None:
    html = to_html(sample_dossier())
    chart = html.split('<svg class="chart timeline"')[1].split("</svg>")[0]
    assert "2024-03 · month" in chart and "2024-03-03 · day" in chart
    assert chart.count('<a href="#tl-') == 3


def test_quotes_say_which_outlets_carry_them_verbatim_or_paraphrased() -> None:
    html = to_html(sample_dossier())
    quotes = html.split('id="quotes"')[1].split('id="claims"')[0]
    assert "Lena Ortiz" in quotes
    assert "Harbor Gazette — verbatim" in quotes
    assert "Valley Times — paraphrase" in quotes
    assert "2 independent sources" in quotes


def test_a_statement_names_who_passed_it_on_and_what_it_rests_on() -> None:
    quotes = to_html(relayed_dossier()).split('id="quotes"')[1].split('id="claims"')[0]
    assert "Valley Times — reported, via the county office, citing a school board letter" in quotes


def test_a_folded_statement_is_collapsed_after_the_open_ones() -> None:
    html = to_html(sample_dossier())
    quotes = html.split('id="quotes"')[1].split('id="claims"')[0]
    open_part, folded_part = quotes.split('<details class="folded">')
    assert "we will rebuild every street" in open_part
    assert "Schools in the lower town" not in open_part
    assert "1 more single-source statement</summary>" in folded_part
    assert "Valley Times — reported" in folded_part


def test_an_account_in_one_outlet_is_one_line_citing_each_part_by_its_opening_words() -> None:
    dossier = sample_dossier()
    gazette = dossier.articles[0]
    first = "Schools in the lower town stay closed until further notice."
    second = "we will rebuild every street"
    parts = tuple(
        QuoteMention(cut(gazette, said), "Lena Ortiz", speaker_type=SpeakerType.PERSON)
        for said in (first, second)
    )
    account = Quote("q-account", "Lena Ortiz", f"{first} {second}", parts, SpeakerType.PERSON)
    quotes = to_html(replace(dossier, quotes=(account,))).split('id="quotes"')[1]
    [line] = re.findall(r"<li>Harbor Gazette — verbatim:.*?</li>", quotes)
    assert line.count('class="evidence"') == 2
    assert "“Schools in the lower town stay …”" in line  # the blockquote shows it whole
    assert f"“{second}”" in line


def test_removed_noise_is_behind_a_details_element_not_in_the_text() -> None:
    html = to_html(sample_dossier())
    gazette = html.split('id="art-0"')[1].split("</article>")[0]
    body, details = gazette.split("<details>")
    assert "ADVERTISEMENT" not in body
    assert "ADVERTISEMENT" in details and "ad-marker" in details


def test_the_reprint_is_labelled_and_linked_to_its_original() -> None:
    html = to_html(sample_dossier())
    reprint = html.split('id="art-2"')[1].split("</article>")[0]
    assert 'reprint</span> of <a href="#art-0">' in reprint


def _evidence(article: Article, start: int, end: int, anchor: str, kind: str) -> Evidence:
    return Evidence(anchor, f"{kind}-0", kind, Span.of(article, start, end), True)


def test_overlapping_mentions_cut_the_text_but_keep_it_whole() -> None:
    article = Article.create("t.txt", "Some 40 <b> people & more left.\n")
    evidence = [
        _evidence(article, 0, 31, "ev-c0-0", "claim"),
        _evidence(article, 5, 14, "ev-f0-0", "figure"),
    ]
    [paragraph], placed = highlight_article(article, evidence)
    assert placed == {"ev-c0-0", "ev-f0-0"}
    assert re.sub(r"<[^>]+>", "", str(paragraph)) == "Some 40 &lt;b&gt; people &amp; more left."
    assert '<mark id="ev-f0-0" class="k-claim k-figure"><a href="#figure-0"' in paragraph


def test_a_mention_that_does_not_slice_its_article_is_not_highlighted() -> None:
    article = Article.create("t.txt", "Forty people left.\n")
    bad = Evidence("ev-f0-0", "fig-0", "figure", Span(article.id, 0, 5, "Fifty"), False)
    [paragraph], placed = highlight_article(article, [bad])
    assert placed == set()
    assert "<mark" not in paragraph


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return to_html(hostile_dossier())


def test_hostile_article_adds_no_element_to_the_page(hostile_html: str) -> None:
    hostile = Page(hostile_html)
    assert hostile.named("script") == [] and hostile.named("img") == []
    assert [t for t, _ in hostile.tags].count("style") == 1
    assert hostile.named("b") == [{}] * len(hostile.named("b"))  # only our own, bare <b>
    assert "<b>Outlet</b>" not in hostile_html
    assert all(
        not (a.get("href") or "").lower().startswith("javascript") for a in hostile.named("a")
    )
    assert not any(k.startswith("on") for _, attrs in hostile.tags for k in attrs)


def test_hostile_text_is_shown_as_text(hostile_html: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_html
    assert "&lt;/style&gt;" in hostile_html
    assert hostile_html.count("</style>") == 1
    assert LONG_TOKEN in hostile_html
    assert SCRIPT not in hostile_html


def test_an_article_url_that_is_not_http_is_not_linked(hostile_html: str) -> None:
    assert "original</a>" not in hostile_html.split('id="art-0"')[1]


def test_a_dossier_with_nothing_found_still_renders_every_section() -> None:
    html = to_html(Dossier(articles=(Article.create("a.txt", "Nothing happened.\n"),)))
    for section in ("figures", "timeline", "quotes", "claims", "sources"):
        assert f'<section id="{section}">' in html
    assert "No figures were reported." in html and "undated" in html


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-03-03", "2024-03-03", "2024-03-03"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023", "2023-01-01", "2023-12-31"),
        ("2024-01-05/2024-01-09", "2024-01-05", "2024-01-09"),
    ],
)
def test_timeline_dates_cover_their_precision(value: str, first: str, last: str) -> None:
    interval = date_interval(value)
    assert interval is not None
    assert (interval[0].isoformat(), interval[1].isoformat()) == (first, last)


@pytest.mark.parametrize("value", ["soon", "2024-13", "2024-02-30"])
def test_unreadable_timeline_dates_are_left_out_of_the_chart(value: str) -> None:
    assert date_interval(value) is None


@pytest.mark.parametrize(
    ("measure", "counted", "label"),
    [
        ("killed", "soldiers", "soldiers killed"),
        ("count", "people", "people"),
        ("killed_or_wounded", None, "killed or wounded"),
        ("count", None, "count"),
        ("money", "dollar", "money (dollar)"),
        ("money", "contract", "contract money"),
        ("percent", "percentage", "percent"),
        ("percent", "turnout", "turnout percent"),
    ],
)
def test_figure_labels_read_as_words(measure: str, counted: str | None, label: str) -> None:
    assert figure_label(measure, counted) == label


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([(10.0, 20.0)], "killed: 10–20"),  # a range alone: its midpoint was said by no one
        ([(10.0, 20.0), (12.0, 12.0)], "killed: 12 (10–20)"),
        ([(12.0, 12.0)], "killed: 12"),
    ],
)
def test_a_key_figure_line_gives_a_number_a_source_said(
    values: list[tuple[float, float]], line: str
) -> None:
    art = Article.create("t.txt", "Between 10 and 20 died; 12 died.")
    mentions = tuple(FigureMention(Span.of(art, 0, 7), lo, hi) for lo, hi in values)
    points = sorted((lo + hi) / 2 for lo, hi in values)
    low, high = min(lo for lo, _ in values), max(hi for _, hi in values)
    figure = Figure("f1", Measure.KILLED, low, points[0], high, None, False, mentions)
    assert key_figure_line(figure) == line


def test_a_figure_row_shows_the_sentence_around_the_number() -> None:
    dossier = sample_dossier()
    figure = dossier.figures[0]
    gazette = dossier.articles[0]
    sentence = Span.of(gazette, 34, 123)
    mention = replace(figure.mentions[0], sentence=sentence)
    html = to_html(replace(dossier, figures=(replace(figure, mentions=(mention,)),)))
    assert f'<span class="meta">{sentence.text}</span>' in html


def test_what_happened_comes_first_with_a_sourced_summary_and_key_figures() -> None:
    html = to_html(sample_dossier())
    sections = re.findall(r'<section id="([a-z]+)">', html)
    assert sections[0] == "happened"
    card = html.split('id="happened-0"')[1].split("</div>")[0]
    assert "2024-03-03" in card and "lower town" in card
    assert 'href="#ev-h0"' in card and "Harbor Gazette" in card
    assert 'href="#fig-0"' in card and "homes: 150" in card
    assert "2 independent sources" in card
    assert 'id="ev-h0"' in html  # the summary's words are highlighted in its article


def test_a_rising_toll_is_labelled_an_update_with_its_time_chart() -> None:
    dossier = sample_dossier()
    rising = replace(
        dossier.figures[0],
        conflict=False,
        updated=True,
        series=(
            SeriesPoint("2024-03-03", 120, 120, (dossier.articles[0].id,)),
            SeriesPoint("2024-03-04", 150, 200, (dossier.articles[1].id,)),
        ),
    )
    html = to_html(replace(dossier, figures=(rising,)))
    figure = html.split('id="fig-0"')[1].split("</div>")[0]
    assert "updated: later reports give a higher number" in figure
    assert "conflict: sources disagree" not in figure
    assert '<svg class="chart series"' in figure and "150–200" in figure
