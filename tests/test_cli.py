"""The command line, called in-process (sqlite-utils' habit) on temporary folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

STORY = """Flood closes river crossing

River Gazette
April 2, 2025

The Orla bridge was closed on Tuesday after the river rose above its banks, officials said.
More than 300 people were evacuated from the low town, according to the fire service.
"We will reopen the bridge when the water falls," said mayor Ines Alvar.
"""


def command_names() -> list[str]:
    return sorted(
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    )


def test_top_level_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in command_names():
        assert name in result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`accord {name} --help` shows no example"


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"accord {name}" in readme, f"README.md has no example of `accord {name}`"


def test_analyze_writes_the_three_dossier_files(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(source), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {"dossier.json", "dossier.md", "dossier.html"}
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert data["schema"] == "accord.dossier/1"
    assert data["articles"][0]["title"] == "Flood closes river crossing"


def test_analyze_skips_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(good), str(empty), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in data["skipped"]] == [str(empty)]
    assert "empty.txt" in result.output


def test_analyze_fails_with_one_line_when_nothing_can_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["analyze", str(missing), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "dossier.json").exists()


def test_a_file_name_that_looks_like_markup_is_printed_as_is(tmp_path: Path) -> None:
    missing = tmp_path / "[bold]nope[/].txt"
    result = runner.invoke(app, ["analyze", str(missing), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "[bold]nope[/].txt" in " ".join(result.output.split())


def test_demo_analyses_the_bundled_sample_corpus(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) >= 6
    assert data["figures"] and data["quotes"] and data["claims"] and data["timeline"]
