"""A report writer killed with SIGKILL at any moment leaves no partial dossier file: each of
dossier.json, dossier.md and dossier.html is either absent or a whole rendering."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import accord
from accord.render.html import to_html
from accord.render.markdown import to_markdown

from .dossiers import sample_dossier

# The child rewrites the report in a loop and says "wrote" after each full set of files.
WRITER = """
import sys
from pathlib import Path
import accord
from tests.render.dossiers import sample_dossier

dossier = sample_dossier()
out = Path(sys.argv[1])
while True:
    accord.save(dossier, out)
    print("wrote", flush=True)
"""
ROOT = Path(__file__).resolve().parents[2]


def kill_while_writing(outdir: Path, writes_before_kill: int, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(outdir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for _ in range(writes_before_kill):
        line = child.stdout.readline()
        assert line == "wrote\n", child.stderr.read() if child.stderr else line
    time.sleep(delay)  # land the kill somewhere inside a later write
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def assert_whole_or_absent(outdir: Path) -> None:
    dossier = sample_dossier()
    expected = {
        "dossier.md": to_markdown(dossier),
        "dossier.html": to_html(dossier),
    }
    if (outdir / "dossier.json").exists():
        assert accord.load(outdir / "dossier.json") == dossier
    for name, text in expected.items():
        path = outdir / name
        if path.exists():
            assert path.read_text(encoding="utf-8") == text, f"{name} is partial"


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("delay", [0.0, 0.003, 0.011, 0.029])
def test_a_killed_report_write_leaves_whole_files_and_a_rerun_completes(
    tmp_path: Path, delay: float
) -> None:
    out = tmp_path / "report"
    kill_while_writing(out, writes_before_kill=2, delay=delay)
    assert_whole_or_absent(out)

    accord.save(sample_dossier(), out)
    assert_whole_or_absent(out)
    assert {p.name for p in out.iterdir() if not p.name.startswith(".")} == {
        "dossier.json",
        "dossier.md",
        "dossier.html",
    }


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_report_killed_before_its_first_write_finishes_leaves_no_dossier(
    tmp_path: Path,
) -> None:
    out = tmp_path / "report"
    kill_while_writing(out, writes_before_kill=0, delay=0.0)
    assert_whole_or_absent(out)
