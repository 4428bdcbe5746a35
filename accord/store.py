"""The corpus store: every ingested article, what extraction found in it, and its story.

One embedded DuckDB file (``news.duckdb``) holds the tables below; :meth:`Store.export_parquet`
and :meth:`Store.import_parquet` move them as Parquet files (DuckDB ``COPY``).

=================  ============================================================================
table              one row per
=================  ============================================================================
articles           article (``id`` = content hash of the original text; ``seq`` = ingest order)
removed            segment that cleaning dropped (offsets into ``original`` + reason)
mentions           sentence / figure / quote / date mention (article, start, end, text, JSON)
entities           named entity of an article (clustering signal)
embeddings         article embedding (unit vector; clustering signal)
paragraph_vectors  paragraph embedding reprint detection compared (offsets into ``original``)
stories            story: title, size, day span, running vector sum and entity counts
story_members      article in a story, with the score that put it there
story_results      computed version of a story's cross-source results (events, figures,
                   quotes, claims, timeline) with its member hash, time and members
quarantine         article a per-article stage failed on (content hash, stage, error): a
                   re-run passes it by unless asked to retry (``retry_quarantined``)
=================  ============================================================================

The store only reads and writes: it takes and returns model objects and plain rows
(:mod:`accord.storeschema`) and imports no analysis stage, so opening it loads no model.
What runs the stages over stored stories is :mod:`accord.corpus`.

The tables are read and written by job: :mod:`accord.storearticles` (articles, their
extractions, memberships, quarantine) and :mod:`accord.storestories` (stories and their
result versions), over one connection (:mod:`accord.storebase`); :class:`Store` joins them
and moves whole stores (dump, Parquet export and import).

Writes go through :meth:`Store.write_batch`, one transaction per batch: a run killed at any
point leaves the store exactly as it was after the last committed batch. Article ids are
content hashes, so re-ingesting the same text adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.errors import StoreError
from accord.storeschema import (
    OPTIONAL_TABLES,
    SORT_KEYS,
    TABLES,
    VOLATILE_COLUMNS,
    ArticleRecord,
)
from accord.storestories import StorySummary, StoryTables

__all__ = ["ArticleRecord", "Store", "StorySummary"]


class Store(StoryTables):
    """A DuckDB corpus store. Use as a context manager, or call :meth:`close`.

    >>> with Store("news.duckdb") as store:                 # doctest: +SKIP
    ...     for story in store.list_stories("dam"):
    ...         print(story.id, story.title)
    """

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- inspection, export, import -----------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: int(self._value(f"SELECT COUNT(*) FROM {t}")) for t in TABLES}

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted: two stores are equal when their dumps are (the time
        results were computed is left out: it says when, not what)."""
        return {
            t: self.con.execute(
                f"SELECT * {_excluding(t)} FROM {t} ORDER BY {SORT_KEYS[t]}"
            ).fetchall()
            for t in TABLES
        }

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Write one ``<table>.parquet`` per table into ``folder`` (created if needed)."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES:
            path = out / f"{table}.parquet"
            self.con.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {SORT_KEYS[table]}) "
                f"TO {_quote(path)} (FORMAT parquet)"
            )
            written.append(path)
        return written

    def import_parquet(self, folder: str | Path) -> dict[str, int]:
        """Load an export into this store, which must be empty (one transaction)."""
        src = Path(folder)
        found = [t for t in TABLES if (src / f"{t}.parquet").is_file()]
        missing = [t for t in TABLES if t not in found and t not in OPTIONAL_TABLES]
        if missing:
            raise StoreError(
                f"{src}: no {missing[0]}.parquet; pass a folder written by `accord export`"
            )
        if any(self.counts().values()):
            raise StoreError(f"{self.path} is not empty; import into a new --db file")
        with self.transaction():
            for table in found:
                self.con.execute(
                    f"INSERT INTO {table} BY NAME "
                    f"SELECT * FROM read_parquet({_quote(src / f'{table}.parquet')})"
                )
        return self.counts()


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _excluding(table: str) -> str:
    column = VOLATILE_COLUMNS.get(table)
    return f"EXCLUDE ({column})" if column else ""
