"""The ``accord`` command line: a thin shell over the library API.

Commands parse options, call :mod:`accord`, and print. Errors raised on purpose
(:class:`accord.errors.AccordError`) become one line on stderr and exit code 1; a bad file in a
batch is reported and skipped, and the exit code is non-zero only when nothing was processed.
Progress goes to stderr so stdout stays clean for pipes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.errors import AccordError
from accord.model import Dossier

app = typer.Typer(
    name="accord",
    help="Read many news reports of the same events; write one sourced, reconciled dossier.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

EXIT_FAILURE = 1
SAMPLES = Path(__file__).resolve().parent / "samples"


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A Rich progress bar on stderr, one task per pipeline stage."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FAILURE)


def _report(dossier: Dossier, written: list[Path]) -> None:
    """Summary table on stderr, skipped inputs listed one per line."""
    table = Table(title=dossier.title or "dossier", show_header=True)
    for col in ("articles", "figures", "quotes", "claims", "timeline", "skipped"):
        table.add_column(col, justify="right")
    table.add_row(*(str(len(getattr(dossier, name))) for name in
                    ("articles", "figures", "quotes", "claims", "timeline", "skipped")))
    err.print(table)
    for item in dossier.skipped:
        err.print(f"skipped {item['source']}: {item['reason']}", markup=False, highlight=False)
    for path in written:
        out.print(str(path), markup=False, highlight=False)


def _analyze_and_write(paths: list[Path], outdir: Path, quiet: bool) -> None:
    import accord

    try:
        with _progress(not quiet) as progress:
            dossier = accord.analyze(paths, progress=progress)
        written = accord.save(dossier, outdir)
    except AccordError as exc:
        raise _fail(exc) from None
    _report(dossier, written)


@app.command()
def analyze(
    paths: Annotated[
        list[Path], typer.Argument(help="Files (.txt, .html, .jsonl) or directories.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the dossier.")] = Path(
        "out"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Analyse articles about one story and write dossier.json, dossier.md and dossier.html.

    Example:

        accord analyze reports/*.txt -o out/

    Unreadable files are reported and skipped; the exit code is 1 only when no file could be
    read.
    """
    _analyze_and_write(paths, output, quiet)


@app.command()
def demo(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the dossier.")] = Path(
        "out/demo"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Analyse the sample corpus that ships with accord (a fictional story, six outlets).

    Example:

        accord demo -o out/demo && open out/demo/dossier.html
    """
    _analyze_and_write([SAMPLES], output, quiet)


if __name__ == "__main__":  # pragma: no cover
    app()
