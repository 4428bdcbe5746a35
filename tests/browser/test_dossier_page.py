"""dossier.html and the web view in a real Chromium: offline, linked, readable, inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from accord.model import Dossier
from accord.pipeline import analyze
from accord.render import write_all
from tests.browser.conftest import DESKTOP, PHONE, Watched
from tests.models import loaded_models
from tests.render.dossiers import SCRIPT, hostile_dossier, sample_dossier

pytestmark = pytest.mark.browser

LOCAL = ("file://", "data:")


def check_dossier_page(watched: Watched, has_figures: bool = True, shot: str = "") -> None:
    """The sections are there and a figure's evidence link lands on its highlighted mark."""
    page = watched.page
    assert page.locator("section#sources article").count() >= 1
    assert page.locator("section#timeline").count() == 1
    if not has_figures:
        return
    assert page.locator("section#figures svg.chart.range").count() >= 1
    link = page.locator("#figures a.evidence[href^='#ev-f']").first
    anchor = link.get_attribute("href")
    link.click()
    assert page.url.endswith(anchor)
    target = page.locator("mark:target")
    assert target.count() == 1
    assert target.get_attribute("id") == anchor[1:]
    assert target.is_visible()
    box, viewport = target.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"]  # scrolled into view
    if shot:
        watched.screenshot(shot, full_page=False)
    figure = target.locator("a").get_attribute("href")
    target.locator("a").click()  # and back from the mark to what it supports
    assert page.url.endswith(figure)


def test_hand_built_dossier_works_offline_with_javascript_off(
    open_page: Any, tmp_path: Path
) -> None:
    html = write_all(sample_dossier(), tmp_path)[2]
    watched = open_page(javascript=False)
    watched.page.goto(html.as_uri())
    watched.screenshot("dossier-desktop.png")
    check_dossier_page(watched, shot="dossier-evidence.png")
    assert watched.page.locator("section#timeline svg.chart.timeline").count() == 1
    assert all(url.startswith(LOCAL) for url in watched.requests), watched.requests
    assert watched.errors == []


def test_what_happened_is_the_first_section_and_its_sentence_links_to_the_source(
    open_page: Any, tmp_path: Path
) -> None:
    html = write_all(sample_dossier(), tmp_path)[2]
    page = open_page(javascript=False).page
    page.goto(html.as_uri())
    first = page.locator("main > section").first
    assert first.get_attribute("id") == "happened"
    assert first.locator("h2").inner_text() == "What happened"
    box = first.bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"]  # seen without scrolling
    link = first.locator("a.evidence").first
    anchor = link.get_attribute("href")
    link.click()
    # the sentence's place in its article (an anchor where other marks cover the same words)
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == anchor[1:]
    assert "120 homes" in target.locator("xpath=..").inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]  # scrolled to


def test_removed_noise_opens_on_demand(open_page: Any, tmp_path: Path) -> None:
    html = write_all(sample_dossier(), tmp_path)[2]
    page = open_page(javascript=False).page
    page.goto(html.as_uri())
    noise = page.locator("#art-0 details pre")
    assert not noise.is_visible()
    page.locator("#art-0 details summary").click()
    assert noise.is_visible()


def test_dossier_fits_a_phone_screen_without_sideways_scrolling(
    open_page: Any, tmp_path: Path
) -> None:
    for name, dossier in (("sample", sample_dossier()), ("hostile", hostile_dossier())):
        html = write_all(dossier, tmp_path / name)[2]
        watched = open_page(viewport=PHONE)
        watched.page.goto(html.as_uri())
        watched.screenshot(f"dossier-phone-{name}.png")
        overflow = watched.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{name}: {overflow}px of sideways scrolling"


@pytest.fixture(scope="module")
def seeds_dossier(seed_paths: list[Path]) -> Dossier:
    return analyze(seed_paths, models=loaded_models())


@pytest.mark.seeds
@pytest.mark.slow
def test_seeds_dossier_works_offline(
    open_page: Any, tmp_path: Path, seeds_dossier: Dossier
) -> None:
    html = write_all(seeds_dossier, tmp_path)[2]
    watched = open_page(javascript=False)
    watched.page.goto(html.as_uri())
    watched.screenshot("seeds-desktop.png")
    check_dossier_page(watched, bool(seeds_dossier.figures), shot="seeds-evidence.png")
    assert watched.page.locator("section#sources article").count() == len(seeds_dossier.articles)
    assert all(url.startswith(LOCAL) for url in watched.requests), watched.requests
    assert watched.errors == []


def test_web_view_lists_searches_and_links_evidence(
    open_page: Any, serve_folder: Any, tmp_path: Path
) -> None:
    write_all(sample_dossier(), tmp_path / "floods")
    write_all(hostile_dossier(), tmp_path / "evil")
    base = serve_folder(tmp_path)
    watched = open_page(javascript=False)
    page = watched.page
    page.goto(base + "/")
    assert page.locator("#stories tbody tr").count() == 2
    page.fill("input[name=q]", "river")
    page.click("form.search button")
    page.wait_for_load_state()  # the URL changes when the answer starts, before its table
    assert "q=river" in page.url
    assert page.locator("#stories tbody tr").count() == 1
    watched.screenshot("web-index.png")
    page.click("#stories a[href='/stories/floods']")
    check_dossier_page(watched, shot="web-dossier-evidence.png")
    assert all(url.startswith(base + "/") for url in watched.requests), watched.requests
    assert watched.errors == []


def assert_inert(watched: Watched) -> None:
    page = watched.page
    assert watched.dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("body").is_visible()  # the injected `body{display:none}` did nothing
    assert page.get_by_text(SCRIPT).first.is_visible()  # shown as text
    hrefs = page.eval_on_selector_all(
        "a[href]", "els => els.map(e => e.getAttribute('href') || '')"
    )
    assert not [h for h in hrefs if h.lower().startswith("javascript")]


def test_hostile_article_is_inert_in_html_markdown_and_web_view(
    open_page: Any, serve_folder: Any, tmp_path: Path
) -> None:
    _, md_path, html_path = write_all(hostile_dossier(), tmp_path / "evil")
    watched = open_page()
    watched.page.goto(html_path.as_uri())
    assert_inert(watched)
    watched.screenshot("hostile-html.png")
    assert all(url.startswith(LOCAL) for url in watched.requests), watched.requests

    markdown_html = tmp_path / "markdown.html"  # as a Markdown site would publish it
    rendered = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .render(md_path.read_text(encoding="utf-8"))
    )
    markdown_html.write_text(f"<!doctype html><meta charset=utf-8>{rendered}", encoding="utf-8")
    watched = open_page()
    watched.page.goto(markdown_html.as_uri())
    assert_inert(watched)
    watched.screenshot("hostile-markdown.png")

    base = serve_folder(tmp_path)
    watched = open_page()
    watched.page.goto(base + "/stories/evil")
    assert_inert(watched)
    assert watched.errors == []


# The seeds' quotes section at 1200 px before statements were grouped across outlets and minor
# ones folded: one block per rendering, 5,651 px. Issue 11 asks for a third of that.
SEEDS_QUOTES_HEIGHT_UNGROUPED = 5651


@pytest.mark.seeds
@pytest.mark.slow
def test_seeds_statements_fit_in_a_third_of_the_ungrouped_height(
    open_page: Any, tmp_path: Path, seeds_dossier: Dossier
) -> None:
    html = write_all(seeds_dossier, tmp_path)[2]
    watched = open_page(viewport=DESKTOP, javascript=False)
    watched.page.goto(html.as_uri())
    height = watched.page.evaluate("document.getElementById('quotes').offsetHeight")
    assert height <= SEEDS_QUOTES_HEIGHT_UNGROUPED / 3
    folded = watched.page.locator("#quotes details.folded")
    if folded.count():  # a folded statement is one click away
        folded.locator("summary").click()
        assert folded.locator(".statement").first.is_visible()
