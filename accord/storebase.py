"""The store's connection: opening a DuckDB file, transactions, and the bulk-insert helper.

:class:`accord.store.Store` is put together from the table groups that build on this
(:mod:`accord.storearticles`, :mod:`accord.storestories`); each group reads and writes its
own tables through the one connection held here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.storeschema import SCHEMA


class Connected:
    """One DuckDB connection to a store file (read-only when asked, else the schema is made)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the store ({exc}); close other programs using it, "
                "or pass a different --db"
            ) from exc
        if not read_only:
            for statement in SCHEMA:
                self.con.execute(statement)

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT; any exception rolls the whole block back."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: the write failed and was rolled back ({exc}); "
                "the store is as it was before it"
            ) from exc
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None (reads every row: DuckDB 2 refuses new
        work on a connection with a half-read result)."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Every row of a query as a dict by column name."""
        rows = self.con.execute(sql, list(params)).fetchall()
        names = [d[0] for d in self.con.description or ()]
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _ids_in(self, sql: str, ids: Iterable[str]) -> set[str]:
        """The first column of ``sql``, which joins the given ids as the table ``_ids``."""
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            rows = self.con.execute(sql).fetchall()
        finally:
            self.con.unregister("_ids")
        return {r[0] for r in rows}

    def _insert(self, table: str, columns: dict[str, Any]) -> None:
        data = pa.table(columns)
        if data.num_rows == 0:
            return
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
        except duckdb.Error:
            with suppress(duckdb.Error):  # an aborted transaction refuses even this
                self.con.unregister("_batch")
            raise
        self.con.unregister("_batch")
