"""The corpus store's commands: ingest, stories, dossier, export, import, serve and watch
(see :mod:`accord.store` and :mod:`accord.corpus`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from accord.cli._shell import (
    EXIT_FAILURE,
    CacheOption,
    InputsArgument,
    StrictOption,
    TimeoutOption,
    _fail,
    _fetcher,
    _injected_embedder,
    _models,
    _report,
    _show_warnings,
    _skipped_line,
    app,
    err,
    out,
)
from accord.errors import AccordError

if TYPE_CHECKING:
    from accord.changes import Changes

DbOption = Annotated[Path, typer.Option("--db", help="The corpus store (a DuckDB file).")]


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: InputsArgument,
    db: DbOption = Path("news.duckdb"),
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray",
            help="Run clean/parse/extract on Ray, and read each WARC file in a Ray task: "
            "'local' starts a local instance; otherwise a cluster address ('auto', "
            "'ray://head:10001').",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Ray actors (each loads the models once).")] = 2,
    batch_size: Annotated[int, typer.Option(help="Articles per store transaction.")] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No per-batch lines.")] = False,
    cache: CacheOption = None,
    timeout: TimeoutOption = 10.0,
    strict: StrictOption = False,
    retry_quarantined: Annotated[
        bool,
        typer.Option(
            "--retry-quarantined",
            help="Process again the articles an earlier run quarantined (after a fix).",
        ),
    ] = False,
) -> None:
    """Add articles to a corpus store and sort them into stories; re-running adds nothing.

    Example:

        accord ingest feeds/ --db news.duckdb

        accord ingest feeds/ --db news.duckdb --ray local --workers 2

        accord ingest https://example.org/rss.xml crawl.warc.gz --cache web/ --db news.duckdb

    Each batch is one transaction: an interrupted run leaves every committed batch in place,
    and running the same command again finishes the job. An article a stage fails on is
    reported and quarantined in the store; later runs pass it by unless --retry-quarantined.

        accord ingest feeds/ --db news.duckdb --retry-quarantined
    """
    from accord.corpus import refresh
    from accord.distributed import (
        BatchReport,
        ingest_articles,
        local_batches,
        ray_batches,
        ray_read,
    )
    from accord.ingest import read_inputs
    from accord.store import Store

    def said(batch: BatchReport) -> None:
        if not quiet:
            err.print(
                f"batch {batch.number}: {batch.articles} articles, {batch.new_stories} new stories",
                markup=False,
                highlight=False,
            )

    _show_warnings()
    try:
        models = _models(ctx)  # the driver's, for reprint detection; Ray workers load their own
        stream = (
            local_batches(models)
            if ray is None
            else ray_batches(None if ray == "local" else ray, workers=workers)
        )
        with _fetcher(cache, timeout) as fetcher:
            read = (
                read_inputs(inputs, fetcher=fetcher, strict=strict)
                if ray is None
                else ray_read(inputs, None if ray == "local" else ray, fetcher, strict)
            )
        with Store(db) as store:
            report = ingest_articles(
                store,
                read.articles,
                stream,
                models.for_paragraphs,
                batch_size,
                said,
                strict,
                retry_quarantined,
            )
            # the results of every story that gained an article
            computed = refresh(store, embedder=models.embedder)
        report = replace(report, skipped=tuple(read.skipped))
    except AccordError as exc:
        raise _fail(exc) from None
    for item in report.skipped:
        err.print(_skipped_line(item), markup=False, highlight=False, soft_wrap=True)
    for failure in report.failures:
        line = _skipped_line(failure.skipped())
        err.print(f"{line} (quarantined)", markup=False, highlight=False, soft_wrap=True)
    held = f", {report.held} held in quarantine" if report.held else ""
    out.print(
        f"{report.added} added, {report.known} already stored{held}, "
        f"{report.new_stories} new stories, {len(computed)} dossiers computed ({db})",
        markup=False,
        highlight=False,
    )
    if report.read == 0:
        raise typer.Exit(EXIT_FAILURE)


@app.command()
def stories(
    db: DbOption = Path("news.duckdb"),
    query: Annotated[str | None, typer.Option(help="Only stories with this in a title.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many stories.")] = 50,
) -> None:
    """List the stories in a corpus store, most recent first.

    Example:

        accord stories --db news.duckdb --query dam
    """
    from accord.store import Store

    try:
        with Store(db, read_only=True) as store:
            found = store.list_stories(query, limit)
    except AccordError as exc:
        raise _fail(exc) from None
    table = Table(show_header=True)
    for col in ("story", "title", "articles", "independent", "first", "last", "outlets"):
        table.add_column(
            col,
            justify="right" if col in ("articles", "independent") else "left",
            no_wrap=col == "story",
        )
    for s in found:
        table.add_row(
            s.id,
            s.title,
            str(s.articles),
            str(s.independent),
            s.first_published or "",
            s.last_published or "",
            ", ".join(s.outlets),
        )
    out.print(table)


@app.command()
def dossier(
    ctx: typer.Context,
    story: Annotated[str, typer.Argument(help="A story id from `accord stories`.")],
    db: DbOption = Path("news.duckdb"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the dossier.")] = Path(
        "out"
    ),
    since: Annotated[
        str | None,
        typer.Option(
            help="List what changed since an earlier version of the story: its number (1, 2, "
            "…), a date or time (UTC: the version current then), or a dossier.json written "
            "before.",
            metavar="VERSION|DATE|FILE",
        ),
    ] = None,
) -> None:
    """Write one story's dossier (json, md, html) from the store, without re-parsing.

    Its results are computed and kept as a new version of the story when it gained articles
    since they were last computed (`accord ingest` computes them too). Example:

        accord dossier s00db7a0c3a2a5288 --db news.duckdb -o out/dam

        accord dossier s00db7a0c3a2a5288 --db news.duckdb --since 1

        accord dossier s00db7a0c3a2a5288 --db news.duckdb --since 2026-03-01

        accord dossier s00db7a0c3a2a5288 --db news.duckdb --since out/dam/dossier.json
    """
    from accord.changes import diff
    from accord.corpus import changes_since, story_dossier
    from accord.render import write_all
    from accord.render.json import read_dossier
    from accord.store import Store

    changes: Changes | None = None
    label = ""
    try:
        is_file = since is not None and (since.endswith(".json") or Path(since).is_file())
        earlier = Path(since) if since is not None and is_file else None
        before = read_dossier(earlier) if earlier is not None else None
        with Store(db) as store:
            if since is not None and earlier is None:
                found = changes_since(store, story, since, _injected_embedder(ctx))
                built, changes, label = found.dossier, found.changes, found.label
            else:
                built = story_dossier(store, story, _injected_embedder(ctx))
        written = write_all(built, output)
    except AccordError as exc:
        raise _fail(exc) from None
    _report(built, written)
    if before is not None:
        changes, label = diff(before, built), str(since)
    _print_changes(story, changes, label)


@app.command()
def export(
    db: DbOption = Path("news.duckdb"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the Parquet files.")
    ] = Path("out/parquet"),
) -> None:
    """Write every table of a corpus store as Parquet files (one per table).

    Example:

        accord export --db news.duckdb -o backup/
    """
    from accord.store import Store

    try:
        with Store(db, read_only=True) as store:
            written = store.export_parquet(output)
    except AccordError as exc:
        raise _fail(exc) from None
    for path in written:
        out.print(str(path), markup=False, highlight=False)


@app.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(help="A folder written by `accord export`.")],
    db: DbOption = Path("news.duckdb"),
) -> None:
    """Load Parquet files written by `accord export` into a new, empty corpus store.

    Example:

        accord import backup/ --db copy.duckdb
    """
    from accord.store import Store

    try:
        with Store(db) as store:
            counts = store.import_parquet(folder)
    except AccordError as exc:
        raise _fail(exc) from None
    out.print(
        f"{counts['articles']} articles, {counts['stories']} stories ({db})",
        markup=False,
        highlight=False,
    )


@app.command()
def serve(
    folder: Annotated[
        Path | None,
        typer.Argument(help="A folder of dossiers: <story>/dossier.json or <story>.json."),
    ] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Also list a corpus store's stories.")
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; loopback unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes (one serves one request at a time).")
    ] = 1,
) -> None:
    """Browse and search dossiers in a read-only web view (Ctrl-C stops it).

    Example:

        accord serve out/ --port 8000

        accord serve --db news.duckdb --workers 2

    A store's story pages show what changed between its stored versions
    (/store/STORY/changes). The server holds the store open read-only, so stop it before
    `accord ingest` writes to the store, and start it again to show what was added.
    """
    from accord.web import serve as run_server

    try:
        run_server(folder, db, host=host, port=port, workers=workers)
    except AccordError as exc:
        raise _fail(exc) from None


def _print_changes(story: str, changes: Changes | None, since: str) -> None:
    from accord.changes import summary_lines

    if changes is None:
        return
    lines = summary_lines(changes)
    out.print(
        f"{story}: {len(lines) or 'no'} change(s) since {since}", markup=False, highlight=False
    )
    for line in lines:
        out.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def watch(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="The folder new files arrive in.")],
    db: DbOption = Path("news.duckdb"),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write each touched story's dossier to OUT/<story>/."),
    ] = None,
    debounce: Annotated[
        float, typer.Option(help="Seconds a file must stay unchanged before it is read.")
    ] = 2.0,
    interval: Annotated[float, typer.Option(help="Seconds between looks at the folder.")] = 5.0,
    once: Annotated[bool, typer.Option("--once", help="Read what is there now and exit.")] = False,
) -> None:
    """Ingest new files in a folder as they appear and refresh the stories they touch
    (Ctrl-C stops it); with -o, each story's dossier is rewritten and what changed is listed.

    Example:

        accord watch inbox/ --db news.duckdb -o dossiers/

        accord watch inbox/ --db news.duckdb -o dossiers/ --once
    """
    from accord.store import Store
    from accord.watch import Round
    from accord.watch import watch as run_watch

    def said(done: Round) -> None:
        for item in done.report.skipped:
            err.print(_skipped_line(item), markup=False, highlight=False, soft_wrap=True)
        out.print(
            f"{len(done.files)} file(s): {done.report.added} added, "
            f"{len(done.updates)} story(ies) refreshed",
            markup=False,
            highlight=False,
        )
        for update in done.updates:
            _print_changes(update.story, update.changes, "the last dossier written")

    try:
        with Store(db) as store:
            run_watch(folder, store, output, debounce, interval, once, said, models=_models(ctx))
    except AccordError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        err.print("stopped", markup=False, highlight=False)
