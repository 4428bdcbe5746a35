"""In-memory inputs: records, Article objects, pandas and Arrow tables become articles."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path

import pandas
import pyarrow
import pytest

from accord.errors import MalformedInputError
from accord.ingest import read_inputs, read_paths
from accord.ingest.records import is_record, is_table, read_records, read_table
from accord.ingest.text import make_article

LOCK = (
    "Canal lock reopens after silt removal\n\n"
    "The Brennmoor canal lock reopened on Tuesday after crews removed 400 tonnes of silt.\n"
)
BRIDGE = (
    "Footbridge closed for inspection\n\n"
    "Engineers closed the Ostvale footbridge on Friday to inspect 12 corroded cables.\n"
)
ROWS = [
    {"text": LOCK, "title": "Lock reopens", "outlet": "Canal Gazette", "published": "2031-05-06"},
    {"text": BRIDGE, "url": "https://ostvale-news.example/bridge", "published": "2031-05-09"},
]


def test_records_become_the_same_articles_as_the_same_lines_in_jsonl(tmp_path: Path) -> None:
    feed = tmp_path / "rows.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    from_file = read_paths([feed]).articles
    from_records, skipped = read_records(ROWS)
    assert skipped == []
    assert [a.id for a in from_records] == [a.id for a in from_file]
    for mine, theirs in zip(from_records, from_file, strict=True):
        assert (mine.title, mine.outlet, mine.url, mine.published) == (
            theirs.title,
            theirs.outlet,
            theirs.url,
            theirs.published,
        )
    assert [a.source for a in from_records] == ["records[0]", "records[1]"]
    assert from_records[1].outlet == "ostvale-news.example"  # from the URL, as in JSONL


def test_a_bad_record_is_skipped_with_its_index_and_the_rest_go_on() -> None:
    articles, skipped = read_records([{"title": "no text"}, ROWS[0], "just a string"])
    assert len(articles) == 1
    assert [s.source for s in skipped] == ["records[0]", "records[2]"]
    assert 'no "text"' in skipped[0].reason


def test_article_objects_pass_through_unchanged() -> None:
    article = make_article("mine", LOCK, outlet="Canal Gazette")
    result = read_inputs([article, ROWS[1]])
    assert result.articles[0] is article
    assert result.articles[1].source == "records[1]"  # its place among the records given


def test_a_dataframe_with_missing_cells_and_timestamps_reads_every_row() -> None:
    frame = pandas.DataFrame(
        {
            "text": [LOCK, BRIDGE],
            "title": ["Lock reopens", math.nan],
            "published": [pandas.Timestamp("2031-05-06 08:30"), pandas.NaT],
            "outlet": [None, "Ostvale News"],
            "extra": [1, 2],  # other columns are ignored
        }
    )
    assert is_table(frame)
    articles, skipped = read_table(frame)
    assert skipped == []
    assert [a.source for a in articles] == ["table[0]", "table[1]"]
    assert articles[0].published == date(2031, 5, 6)
    assert articles[0].title == "Lock reopens"
    assert articles[1].title == "Footbridge closed for inspection"  # first line, as in a file
    assert articles[1].published is None
    assert articles[1].outlet == "Ostvale News"


def test_an_arrow_table_reads_like_the_same_dataframe() -> None:
    frame = pandas.DataFrame(ROWS)
    table = pyarrow.Table.from_pandas(frame)
    assert is_table(table)
    assert [a.id for a in read_table(table)[0]] == [a.id for a in read_table(frame)[0]]


def test_a_date_column_of_python_dates_is_read_as_iso_dates() -> None:
    table = pyarrow.table({"text": [LOCK], "published": [date(2031, 5, 6)]})
    assert read_table(table)[0][0].published == date(2031, 5, 6)
    frame = pandas.DataFrame({"text": [LOCK], "published": [datetime(2031, 5, 6, 23, 0)]})
    assert read_table(frame)[0][0].published == date(2031, 5, 6)


def test_a_table_without_a_text_column_is_refused_with_the_fix() -> None:
    with pytest.raises(MalformedInputError, match=r"no 'text' column.*give the table"):
        read_table(pandas.DataFrame({"body": [LOCK]}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"text": "x"}, True), (make_article("s", LOCK), True), ("a.txt", False), (Path("a"), False)],
)
def test_records_are_told_apart_from_paths(value: object, expected: bool) -> None:
    assert is_record(value) is expected


def test_inputs_keep_their_order_across_kinds(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(BRIDGE, encoding="utf-8")
    result = read_inputs([ROWS[0], note, pandas.DataFrame([ROWS[1]])])
    assert [a.source for a in result.articles] == ["records[0]", str(note), "table[0]"]
