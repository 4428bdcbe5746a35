"""The command line, called in-process (sqlite-utils' habit) on temporary folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from tests.models import ModelsRunner

ROOT = Path(__file__).resolve().parent.parent
runner = ModelsRunner()

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


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``accord demo`` run once on the bundled sample corpus."""
    folder = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", "-o", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    return folder


def readme_demo_excerpt() -> str:
    """The fenced Markdown block under the README's "An excerpt of `out/demo/dossier.md`"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("An excerpt of `out/demo/dossier.md`", 1)[1]
    return after.split("```markdown\n", 1)[1].split("\n```", 1)[0]


def test_demo_analyses_the_bundled_sample_corpus(demo_folder: Path) -> None:
    data = json.loads((demo_folder / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) >= 6
    assert data["figures"] and data["quotes"] and data["claims"] and data["timeline"]


def test_the_readme_demo_excerpt_is_what_the_demo_writes(demo_folder: Path) -> None:
    """Each paragraph of the excerpt appears verbatim in dossier.md, in the same order."""
    written = (demo_folder / "dossier.md").read_text(encoding="utf-8")
    paragraphs = [p for p in readme_demo_excerpt().split("\n\n") if p.strip()]
    assert len(paragraphs) >= 5
    position = 0
    for paragraph in paragraphs:
        found = written.find(paragraph, position)
        assert found >= 0, f"README.md's demo excerpt is not in dossier.md:\n{paragraph}"
        position = found + len(paragraph)


def test_help_keeps_each_prose_sentence_whole_and_examples_on_their_own_lines() -> None:
    result = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "robots.txt says no), and articles" in result.output
    assert "\n     accord analyze reports/*.txt -o out/" in result.output
