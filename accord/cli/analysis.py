"""``accord analyze`` and ``accord demo``: articles in, one dossier out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.cli._shell import (
    SAMPLES,
    CacheOption,
    InputsArgument,
    StrictOption,
    TimeoutOption,
    _analyze_and_write,
    _fetcher,
    app,
)


@app.command()
def analyze(
    ctx: typer.Context,
    inputs: InputsArgument,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the dossier.")] = Path(
        "out"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    cache: CacheOption = None,
    timeout: TimeoutOption = 10.0,
    strict: StrictOption = False,
) -> None:
    """Analyse articles about one story and write dossier.json, dossier.md and dossier.html.

    Example:

        accord analyze reports/*.txt -o out/

        accord analyze https://example.org/dam.html feed.xml crawl.warc.gz --cache web/

    Unreadable files and URLs that give no page (an HTTP error, a timeout, robots.txt says
    no), and articles a stage fails on, are reported one line each and skipped; the exit code
    is 1 only when no article could be processed.
    """
    _analyze_and_write(ctx, inputs, output, quiet, _fetcher(cache, timeout), strict)


@app.command()
def demo(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the dossier.")] = Path(
        "out/demo"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Analyse the sample corpus that ships with accord (a fictional story, six outlets).

    Example:

        accord demo -o out/demo && open out/demo/dossier.html
    """
    _analyze_and_write(ctx, [SAMPLES], output, quiet)
