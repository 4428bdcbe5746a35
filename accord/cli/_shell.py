"""What every command shares: the Typer app, the consoles, progress bars, error lines and
the options several commands take; the models a test injects are read here (``_models``)."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.errors import AccordError
from accord.model import Dossier, Skipped
from accord.vocab import Stage

if TYPE_CHECKING:
    from accord.ingest.web import Fetcher
    from accord.nlp import Embedder, Models

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
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def reflow_command_help(typer_app: typer.Typer) -> None:
    """Give each command its docstring as help with every prose paragraph on one line, so the
    terminal wraps it: Typer's rich mode keeps a docstring's own line breaks, which cut
    sentences mid-line in a narrow terminal. Indented paragraphs (examples) keep theirs."""
    for command in typer_app.registered_commands:
        doc = command.callback.__doc__ if command.callback else None
        if command.help is None and doc:
            command.help = _reflowed(doc)


def _reflowed(doc: str) -> str:
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        p if any(line.startswith(" ") for line in p.splitlines()) else " ".join(p.splitlines())
        for p in paragraphs
    )


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A Rich progress bar on stderr, one task per pipeline stage."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    columns = (
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


class _StderrWarnings(logging.Handler):
    """Warnings from the library (a record's bad optional field) as one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(f"warning: {record.getMessage()}", markup=False, highlight=False, soft_wrap=True)


def _show_warnings() -> None:
    logger = logging.getLogger("accord")
    if not any(isinstance(h, _StderrWarnings) for h in logger.handlers):
        logger.addHandler(_StderrWarnings(logging.WARNING))


def _fail(exc: Exception) -> typer.Exit:
    # file names and reasons are data: escape them so "[x]" in a name is not read as markup
    err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FAILURE)


def _report(dossier: Dossier, written: list[Path]) -> None:
    """Summary table on stderr, skipped inputs listed one per line."""
    table = Table(title=dossier.title or "dossier", show_header=True)
    for col in ("articles", "figures", "quotes", "claims", "timeline", "skipped"):
        table.add_column(col, justify="right")
    table.add_row(
        *(
            str(len(getattr(dossier, name)))
            for name in ("articles", "figures", "quotes", "claims", "timeline", "skipped")
        )
    )
    err.print(table)
    for item in dossier.skipped:
        err.print(_skipped_line(item), markup=False, highlight=False, soft_wrap=True)
    for path in written:
        out.print(str(path), markup=False, highlight=False)


def _skipped_line(item: Skipped) -> str:
    """One line per input left out; a processing stage is named, reading is the default."""
    where = "" if item.stage == Stage.READ else f" ({item.stage})"
    return f"skipped {item.source}{where}: {item.reason}"


StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Stop at the first article a stage fails on, with the traceback (for developing "
        "accord); by default it is skipped and reported.",
    ),
]


# --- inputs: files, folders, URLs, feeds, web archives (see accord.ingest) -------------------

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .json, .rss/.atom/.xml feeds, .warc/.warc.gz), "
        "folders, or http(s) URLs of pages and feeds.",
        metavar="INPUT",
        show_default=False,
    ),
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        help="Keep fetched pages here and reuse them: the same run repeats offline.",
    ),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for a web page before skipping it.")
]


def _models(ctx: typer.Context) -> Models:
    """The models a caller injected (``CliRunner().invoke(app, args, obj=models)``, as the
    tests do), else the packaged ones, loaded once for this command."""
    from accord.nlp import Models

    return ctx.obj if isinstance(ctx.obj, Models) else Models.load()


def _injected_embedder(ctx: typer.Context) -> Embedder | None:
    """The embedder a caller injected, else None: stored results need no model, and stale
    ones load the packaged embedder only when a story is computed."""
    from accord.nlp import Models

    return ctx.obj.embedder if isinstance(ctx.obj, Models) else None


def _fetcher(cache: Path | None, timeout: float) -> Fetcher:
    from accord.ingest import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(timeout=timeout), cache=cache)


def _analyze_and_write(
    ctx: typer.Context,
    inputs: list[str] | list[Path],
    outdir: Path,
    quiet: bool,
    fetcher: Fetcher | None = None,
    strict: bool = False,
) -> None:
    import accord

    _show_warnings()
    try:
        models = _models(ctx)
        with _progress(not quiet) as progress:
            dossier = accord.analyze(
                inputs, progress=progress, fetcher=fetcher, strict=strict, models=models
            )
        written = accord.save(dossier, outdir)
    except AccordError as exc:
        raise _fail(exc) from None
    finally:
        if fetcher is not None:
            fetcher.close()
    _report(dossier, written)
