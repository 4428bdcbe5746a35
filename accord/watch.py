"""Watch a folder: ingest files as they appear, refresh the stories they touch, say what changed.

A crawler or a feed reader drops files into a folder; a newsroom wants the dossiers to follow.
A file is read once it has stopped changing for ``debounce`` seconds (a download still being
written is left alone), then its articles go through the same ingest as ``accord ingest``.
Each story that gained an article gets its results computed and kept in the store (a new
version) and, with an output folder, its dossier written to ``OUT/<story>/`` next to what
changed since the dossier written there before (:mod:`accord.changes`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from accord.changes import Changes, diff
from accord.corpus import refresh as compute_results
from accord.corpus import story_dossier
from accord.distributed import IngestReport, ingest_articles, local_batches
from accord.errors import SchemaError
from accord.ingest import read_inputs
from accord.ingest.reader import list_files
from accord.model import Dossier, Skipped
from accord.store import Store

if TYPE_CHECKING:
    from accord.nlp import Models

# A file's identity for "has it changed": modification time (ns) and size.
Signature = tuple[int, int]


@dataclass
class FolderState:
    """Which files were read, and which are waiting to stop changing."""

    folder: Path
    debounce: float
    read: dict[Path, Signature] = field(default_factory=dict)
    pending: dict[Path, tuple[Signature, float]] = field(default_factory=dict)

    def ready(self, now: float) -> list[Path]:
        """Files new or changed since last read that have been still for ``debounce`` s."""
        files, _ = list_files(self.folder)
        due: list[Path] = []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between listing and looking: nothing to read
            signature = (stat.st_mtime_ns, stat.st_size)
            if self.read.get(path) == signature:
                continue
            waiting = self.pending.get(path)
            if waiting is None or waiting[0] != signature:
                self.pending[path] = (signature, now)
                waiting = self.pending[path]
            if now - waiting[1] >= self.debounce:
                due.append(path)
        return due

    def mark_read(self, paths: list[Path]) -> None:
        for path in paths:
            signature, _ = self.pending.pop(path)
            self.read[path] = signature


@dataclass(frozen=True)
class StoryUpdate:
    """One story refreshed: its dossier, and what changed since the one written before."""

    story: str
    dossier: Dossier
    changes: Changes | None  # None when no earlier dossier was written for it
    written: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Round:
    """What one pass over the folder did."""

    files: tuple[Path, ...]
    report: IngestReport
    updates: tuple[StoryUpdate, ...]


def _previous(path: Path) -> Dossier | None:
    from accord.render.json import read_dossier

    if not path.is_file():
        return None
    try:
        return read_dossier(path)
    except SchemaError:
        return None  # an unreadable old dossier is replaced, not compared


def refresh(store: Store, story: str, output: Path | None) -> StoryUpdate:
    """A story's dossier (from its stored results); write it and diff it when asked."""
    from accord.render import write_all

    dossier = story_dossier(store, story)
    if output is None:
        return StoryUpdate(story, dossier, None)
    folder = output / story
    before = _previous(folder / "dossier.json")
    written = write_all(dossier, folder)
    changes = diff(before, dossier) if before is not None else None
    return StoryUpdate(story, dossier, changes, tuple(written))


def ingest_round(store: Store, files: list[Path], output: Path | None, models: Models) -> Round:
    """Ingest ``files``, compute the results of every story that gained an article (a new
    version of each is kept in the store) and refresh those stories."""
    read = read_inputs(files)
    report = ingest_articles(store, read.articles, local_batches(models), models.for_paragraphs)
    touched = sorted({v.story for v in compute_results(store, embedder=models.embedder)})
    updates = tuple(refresh(store, story, output) for story in touched)
    return Round(tuple(files), _with_skipped(report, read.skipped), updates)


def _with_skipped(report: IngestReport, skipped: list[Skipped]) -> IngestReport:
    from dataclasses import replace

    return replace(report, skipped=tuple(skipped))


def watch(
    folder: str | Path,
    store: Store,
    output: Path | None = None,
    debounce: float = 2.0,
    interval: float = 5.0,
    once: bool = False,
    on_round: Callable[[Round], None] = lambda r: None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rounds: int | None = None,
    *,
    models: Models | None = None,
) -> None:
    """Poll ``folder`` every ``interval`` seconds until interrupted (or after ``rounds``).

    ``once`` reads what is there now, without waiting for files to settle, and returns: for
    a cron job, or a folder that is complete. ``models`` are loaded once, here, when not
    given.
    """
    from accord.nlp import Models

    models = models if models is not None else Models.load()
    state = FolderState(Path(folder), 0.0 if once else debounce)
    done = 0
    while rounds is None or done < rounds:
        files = state.ready(clock())
        if files:
            on_round(ingest_round(store, files, output, models))
            state.mark_read(files)
        done += 1
        if once:
            return
        sleep(interval)
