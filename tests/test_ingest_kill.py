"""An ingest killed with SIGKILL mid-run, then run again, ends with the store an uninterrupted
run writes: committed batches survive, the interrupted one leaves no trace, and every story
gets its results."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from accord.corpus import refresh
from accord.distributed import ingest_paths
from accord.ingest import read_paths
from accord.store import Store
from tests.models import here, loaded_models

SAMPLES = Path(__file__).resolve().parent.parent / "accord" / "samples"
BATCH_SIZE = 1  # one article per transaction: many commit points to be killed between
KILL_AFTER_BATCHES = 2


def ingest_command(folder: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "accord.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--batch-size",
        str(BATCH_SIZE),
    ]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_ingest_resumes_to_the_store_of_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLES, folder)
    killed_db = tmp_path / "killed.duckdb"

    run = subprocess.Popen(
        ingest_command(folder, killed_db),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert run.stderr is not None
    committed = 0
    for line in run.stderr:
        if line.startswith("batch "):
            committed += 1
            if committed == KILL_AFTER_BATCHES:
                run.send_signal(signal.SIGKILL)
                break
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store(killed_db) as partial:
        stored = partial.counts()["articles"]
    total = len(read_paths([folder]).articles)
    assert KILL_AFTER_BATCHES <= stored < total

    rerun = subprocess.run(
        ingest_command(folder, killed_db), capture_output=True, text=True, timeout=600, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} already stored" in rerun.stdout

    with Store(tmp_path / "whole.duckdb") as whole:
        ingest_paths(whole, [folder], *here(), batch_size=BATCH_SIZE)
        refresh(whole, embedder=loaded_models().embedder)  # as `accord ingest` does
        expected = whole.dump()
    with Store(killed_db) as resumed:
        assert resumed.dump() == expected
