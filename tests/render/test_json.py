"""dossier.json: round trip, atomic writes, and readable errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from accord import load, save
from accord.errors import SchemaError
from accord.model import Article, Dossier, Figure
from accord.render import write_all
from accord.render.json import read_dossier, to_json, write_json
from tests.render.dossiers import hostile_dossier, sample_dossier


@pytest.mark.parametrize("make", [sample_dossier, hostile_dossier])
def test_a_written_dossier_reads_back_equal(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    dossier = make()
    path = write_json(dossier, tmp_path / "dossier.json")
    assert read_dossier(path) == dossier


def test_json_text_keeps_non_ascii_and_names_the_schema() -> None:
    article = Article.create("z.txt", "Flooding in Zürich\n", title="Zürich")
    text = to_json(Dossier(articles=(article,), title="Zürich"))
    data = json.loads(text)
    assert data["schema"] == "accord.dossier/1"
    assert "Zürich" in text and "\\u00fc" not in text  # written as UTF-8, not escaped
    assert data["articles"][0]["text"] == "Flooding in Zürich"


def test_mentions_are_flat_objects_with_article_and_offsets() -> None:
    data = sample_dossier().to_dict()
    mention = data["figures"][0]["mentions"][0]
    assert {"article", "start", "end", "text", "low", "high"} <= set(mention)
    assert "span" not in mention


def test_write_all_writes_json_markdown_and_html(tmp_path: Path) -> None:
    written = write_all(sample_dossier(), tmp_path / "out")
    assert [p.name for p in written] == ["dossier.json", "dossier.md", "dossier.html"]
    assert all(p.stat().st_size > 0 for p in written)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)


def test_public_save_and_load_use_the_renderers(tmp_path: Path) -> None:
    dossier = sample_dossier()
    save(dossier, tmp_path)
    assert load(tmp_path / "dossier.json") == dossier
    assert load(tmp_path) == dossier  # a folder means its dossier.json


def test_a_failed_write_leaves_the_previous_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_json(sample_dossier(), tmp_path / "dossier.json")
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_json(hostile_dossier(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]


def test_an_invalid_dossier_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    dossier = sample_dossier()
    bad_figure = dossier.figures[0].to_dict()
    bad_figure["mentions"][0]["start"] += 1  # offsets no longer slice the text
    broken = Dossier(articles=dossier.articles, figures=(Figure.from_dict(bad_figure),))
    with pytest.raises(SchemaError, match="offsets"):
        write_all(broken, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "not JSON"), (b"\xff\xfe\x00", "not JSON"), (b'{"schema": 1}', "valid")],
)
def test_reading_a_broken_file_names_the_file_and_the_problem(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "dossier.json"
    path.write_bytes(content)
    with pytest.raises(SchemaError, match=message) as info:
        read_dossier(path)
    assert str(path) in str(info.value)


def test_reading_a_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="accord analyze"):
        read_dossier(tmp_path / "nothing.json")
