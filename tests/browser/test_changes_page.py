"""What changed, in the store's web view, in a real Chromium: linked, readable, inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.web import create_app
from tests.browser.conftest import PHONE
from tests.test_web import versioned_store

pytestmark = pytest.mark.browser


def test_a_store_story_links_to_what_changed_and_each_version_lists_its_changes(
    open_page: Any, serve_app: Any, tmp_path: Path
) -> None:
    db, story = versioned_store(tmp_path)
    base = serve_app(create_app(store=db))
    watched = open_page(viewport=PHONE, javascript=False)
    page = watched.page
    page.goto(f"{base}/store/{story}")
    page.click("#changes-link")
    assert page.url == f"{base}/store/{story}/changes"
    assert page.locator("section.version").count() == 2
    assert "3 → 3–5 (best 5)" in page.locator("#v2 ul.figure-updated").inner_text()
    assert "Quarry toll rises" in page.locator("#v2 ul.new-source").inner_text()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{overflow}px of sideways scrolling"
    watched.screenshot("web-changes-phone.png")
    page.click("#v2 a[href$='since=1']")
    assert page.url.endswith("/changes?since=1")
    assert page.locator("section.version").count() == 1
    assert all(url.startswith(base + "/") for url in watched.requests), watched.requests
    assert watched.errors == []
