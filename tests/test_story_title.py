"""How a story is named (accord.story.story_title), on titles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from accord.model import Article
from accord.story import story_title, without_label


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("PHOTOS: Rescuers reach the flooded valley", "Rescuers reach the flooded valley"),
        ("Analysis | What the dam report left out", "What the dam report left out"),
        ("Boeing: deliveries fell in March", "Boeing: deliveries fell in March"),
        ("VIDEO:", "VIDEO:"),
        ("Flood waters recede in the valley", "Flood waters recede in the valley"),
    ],
)
def test_a_headline_label_is_no_part_of_the_story_name(title: str, shown: str) -> None:
    assert without_label(title) == shown


def test_the_earliest_report_names_the_story_without_its_label() -> None:
    early = Article.create("a.txt", "Text.", title="WATCH: Dam fails", published=date(2030, 1, 2))
    late = Article.create(
        "b.txt", "Text.", title="Dam failure toll rises", published=date(2030, 1, 3)
    )
    assert story_title([late, early]) == "Dam fails"


@pytest.mark.parametrize(
    "stamp", ["Thursday, December 11, 2008", "8:24am:", "Posted: Jul 07, 2012 7:40 PM ET"]
)
def test_a_title_that_is_only_a_time_stamp_does_not_name_the_story(stamp: str) -> None:
    early = Article.create("a.txt", "Text.", title=stamp, published=date(2030, 1, 2))
    late = Article.create("b.txt", "Text.", title="Dam fails", published=date(2030, 1, 3))
    assert story_title([late, early]) == "Dam fails"
    assert story_title([early]) == stamp  # nothing better to name it by
