"""A notebook session: a DataFrame in, a dossier out, and its parts as DataFrames."""

from __future__ import annotations

import json
from pathlib import Path

import pandas
import pytest

import accord
from accord.model import Dossier
from tests.models import loaded_models

# Two outlets, one made-up landslide, tolls that disagree: the dossier reconciles a figure.
REPORTS = [
    {
        "title": "Landslide buries road near Korvet",
        "outlet": "Korvet Herald",
        "published": "2031-03-02",
        "url": "https://korvet-herald.example/landslide",
        "text": (
            "Landslide buries road near Korvet\n\n"
            "A landslide buried the mountain road near Korvet on Sunday, killing at least "
            "7 people, the regional governor said.\n\n"
            '"Rescue teams are still digging," governor Mila Rask told reporters.\n'
        ),
    },
    {
        "title": "Korvet landslide toll rises",
        "outlet": "Valley Wire",
        "published": "2031-03-03",
        "text": (
            "Korvet landslide toll rises\n\n"
            "The landslide that hit the road near Korvet on Sunday killed 9 people, "
            "rescuers said on Monday.\n\n"
            '"Rescue teams are still digging," governor Mila Rask said.\n'
        ),
    },
]


@pytest.fixture(scope="module")
def from_frame() -> Dossier:
    return accord.analyze(pandas.DataFrame(REPORTS), models=loaded_models())


def _without_sources(dossier: Dossier) -> dict[str, object]:
    data = dossier.to_dict()
    for article in data["articles"]:
        del article["source"]  # "table[0]" against "rows.jsonl:1": where, not what
    return data


def test_a_dataframe_gives_the_same_dossier_as_the_same_rows_in_jsonl(
    from_frame: Dossier, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    from_file = accord.analyze([rows], models=loaded_models())
    assert _without_sources(from_frame) == _without_sources(from_file)
    assert [a.source for a in from_frame.articles] == ["table[0]", "table[1]"]


def test_figures_frame_has_one_row_per_figure_with_its_range(from_frame: Dossier) -> None:
    frame = from_frame.figures_frame()
    assert len(frame) == len(from_frame.figures) > 0
    assert {"measure", "low", "best", "high", "conflict", "sources"} <= set(frame.columns)
    killed = frame[frame["measure"] == "killed"]
    assert len(killed) == 1
    row = killed.iloc[0]
    assert (row["low"], row["high"]) == (7, 9)
    assert row["sources"] == 2
    assert set(row["outlets"]) == {"Korvet Herald", "Valley Wire"}


def test_each_part_of_the_dossier_has_a_frame_with_a_row_per_item(from_frame: Dossier) -> None:
    assert len(from_frame.quotes_frame()) == len(from_frame.quotes)
    assert len(from_frame.claims_frame()) == len(from_frame.claims)
    assert len(from_frame.timeline_frame()) == len(from_frame.timeline)
    articles = from_frame.articles_frame()
    assert list(articles["outlet"]) == ["Korvet Herald", "Valley Wire"]
    assert list(articles["published"]) == ["2031-03-02", "2031-03-03"]


def test_an_empty_dossier_gives_empty_frames_that_still_have_their_columns() -> None:
    empty = Dossier(articles=())
    assert empty.figures_frame().empty
    assert "conflict" in empty.figures_frame().columns
    assert "speaker" in empty.quotes_frame().columns
