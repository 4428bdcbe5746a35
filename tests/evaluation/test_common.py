"""The helper every evaluation script shares: its options and its closing JSON line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .scripts import load_script

common = load_script("common")


def test_the_result_line_is_one_json_object_with_set_split_and_rounded_metrics() -> None:
    line = common.result_line("newsquant", "dev", {"value": 0.123456, "sentences": 12})
    assert "\n" not in line
    assert json.loads(line) == {
        "set": "newsquant",
        "split": "dev",
        "metrics": {"value": 0.1235, "sentences": 12},
    }


def test_every_script_takes_data_split_and_limit(tmp_path: Path) -> None:
    parser = common.parser("Score X.\n\nMore.", tmp_path, ["all", "dev"], "all", "documents")
    args = parser.parse_args(["--data", str(tmp_path / "x.json"), "--split", "dev", "--limit", "3"])
    assert (args.data, args.split, args.limit) == (tmp_path / "x.json", "dev", 3)
    assert parser.parse_args([]).data == tmp_path
    with pytest.raises(SystemExit):
        parser.parse_args(["--split", "test"])


def test_newsquant_halves_are_fixed_by_the_sentence_and_cover_it() -> None:
    newsquant = load_script("eval_newsquant")
    item = {"text": "Tram fares rose to 3 euros on Monday.", "quantities": []}
    assert newsquant.half(item) == newsquant.half(dict(item))
    assert newsquant.half(item) in ("dev", "heldout")
    halves = {newsquant.half({"text": f"Sentence number {i}."}) for i in range(20)}
    assert halves == {"dev", "heldout"}
