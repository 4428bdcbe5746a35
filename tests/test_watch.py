"""`accord watch`: files are read once they settle; stories they touch are refreshed and diffed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from accord.cli import app
from accord.watch import FolderState
from tests.models import ModelsRunner

runner = ModelsRunner()

FIRST = (
    "Blast at Tormund quarry kills 3\n"
    "By Ida Brenner, Tormund Post\n"
    "March 3, 2031\n\n"
    "An explosion at the Tormund limestone quarry killed 3 workers on Monday, the quarry "
    "owner said.\n\n"
    "Rescue crews searched the quarry floor through the night, the fire brigade said.\n"
)
SECOND = (
    "Tormund quarry blast toll rises to 5\n"
    "By Ola Senn, Hill Courier\n"
    "March 4, 2031\n\n"
    "The explosion at the Tormund limestone quarry on Monday killed 5 workers, police said "
    "on Tuesday.\n\n"
    '"We are closing the quarry until the inquiry is over," the mayor of Tormund said.\n'
)


def test_a_file_is_read_only_after_it_stops_changing(tmp_path: Path) -> None:
    state = FolderState(tmp_path, debounce=2.0)
    report = tmp_path / "a.txt"
    report.write_text(FIRST[:40], encoding="utf-8")
    assert state.ready(now=0.0) == []
    assert state.ready(now=1.0) == []
    report.write_text(FIRST, encoding="utf-8")  # still being written: the wait starts again
    os.utime(report, ns=(5, 5))
    assert state.ready(now=2.5) == []
    assert state.ready(now=4.6) == [report]
    state.mark_read([report])
    assert state.ready(now=10.0) == []  # read, unchanged: never again


def test_a_file_changed_after_it_was_read_is_read_again(tmp_path: Path) -> None:
    state = FolderState(tmp_path, debounce=0.0)
    report = tmp_path / "a.txt"
    report.write_text(FIRST, encoding="utf-8")
    state.mark_read(state.ready(now=0.0))
    report.write_text(FIRST + "Update.\n", encoding="utf-8")
    assert state.ready(now=1.0) == [report]


def test_hidden_files_and_other_suffixes_are_not_watched(tmp_path: Path) -> None:
    (tmp_path / ".partial.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "a.txt.crdownload").write_text(FIRST, encoding="utf-8")
    assert FolderState(tmp_path, debounce=0.0).ready(now=0.0) == []


def test_a_second_batch_that_raises_the_toll_is_listed_with_old_and_new_values(
    tmp_path: Path,
) -> None:
    inbox, out, db = tmp_path / "inbox", tmp_path / "out", str(tmp_path / "news.duckdb")
    inbox.mkdir()
    (inbox / "first.txt").write_text(FIRST, encoding="utf-8")
    watch = ["watch", str(inbox), "--db", db, "-o", str(out), "--once"]
    result = runner.invoke(app, watch)
    assert result.exit_code == 0, result.output
    assert "1 file(s): 1 added, 1 story(ies) refreshed" in result.output
    (story,) = [p.name for p in out.iterdir()]
    shutil.copy(out / story / "dossier.json", tmp_path / "before.json")

    (inbox / "second.txt").write_text(SECOND, encoding="utf-8")
    result = runner.invoke(app, watch)
    assert result.exit_code == 0, result.output
    # a new run re-reads the folder; the stored article is not added twice
    assert "2 file(s): 1 added, 1 story(ies) refreshed" in result.output
    assert "change(s) since the last dossier written" in result.output
    assert "new source: Hill Courier — Tormund quarry blast toll rises to 5" in result.output
    assert "figure updated: killed" in result.output and "3 → 3–5" in result.output

    since = ["dossier", story, "--db", db, "-o", str(tmp_path / "now")]
    result = runner.invoke(app, [*since, "--since", str(tmp_path / "before.json")])
    assert result.exit_code == 0, result.output
    assert "3 → 3–5" in result.output
