"""Articles already in memory: records (dicts), :class:`Article` objects, pandas / Arrow tables.

A notebook user holds news as a list of dicts or a DataFrame, not as files. Each row or record
is the same object a JSONL line holds (``text`` and optional ``title``, ``url``, ``published``,
``outlet``) and becomes an article through the same :func:`article_from_record`, so a table
and the same rows written to JSONL give the same articles. Table cells are loosened first:
a missing value (``None``, ``NaN``, ``NaT``) is no value, and a date or timestamp cell is an
ISO date.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from accord.errors import InputError, MalformedInputError
from accord.ingest.jsonl import OPTIONAL_FIELDS, Parsed, article_from_record, reason_of
from accord.model import Article, Skipped

# How a table's rows are named in skip reports and ``Article.source``: ``records[3]``.
RECORDS_SOURCE = "records"
TABLE_SOURCE = "table"
COLUMNS = ("text", *OPTIONAL_FIELDS)
FIX_TABLE = "give the table a 'text' column (and optionally title, url, published, outlet)"


def is_table(value: object) -> bool:
    """A pandas DataFrame or a pyarrow Table (duck-typed, so neither needs importing)."""
    kind = type(value)
    return (kind.__module__.startswith("pandas") and kind.__name__ == "DataFrame") or (
        kind.__module__.startswith("pyarrow") and kind.__name__ in ("Table", "RecordBatch")
    )


def is_record(value: object) -> bool:
    """An in-memory article: a mapping (one JSONL-style record) or an :class:`Article`."""
    return isinstance(value, (Mapping, Article))


def _cell(value: Any) -> Any:
    """A table cell as a JSON-like value: missing becomes None, a date its ISO form."""
    # pandas.NaT is a datetime whose isoformat() is "NaT": test for it by type, first
    if value is None or type(value).__name__ == "NaTType":
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime, date)):  # pandas.Timestamp is a datetime
        return value.isoformat()
    return value


def table_rows(table: Any) -> Iterator[dict[str, Any]]:
    """The rows of a pandas DataFrame or pyarrow Table as records with the known columns."""
    if type(table).__module__.startswith("pyarrow"):
        names = list(table.schema.names)
        columns = {name: table.column(name).to_pylist() for name in COLUMNS if name in names}
        size = table.num_rows
    else:
        names = [str(c) for c in table.columns]
        columns = {name: table[name].tolist() for name in COLUMNS if name in names}
        size = len(table)
    if "text" not in columns:
        raise MalformedInputError(TABLE_SOURCE, f"no 'text' column (has {names})", FIX_TABLE)
    for i in range(size):
        yield {name: _cell(values[i]) for name, values in columns.items()}


def read_records(records: Iterable[Any], source: str = RECORDS_SOURCE, start: int = 0) -> Parsed:
    """Articles from records and Article objects; a bad record is skipped as ``source[i]``
    (``i`` counts from ``start``)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for index, record in enumerate(records, start):
        where = f"{source}[{index}]"
        if isinstance(record, Article):
            articles.append(record)
            continue
        try:
            data = dict(record) if isinstance(record, Mapping) else record
            articles.append(article_from_record(data, where))
        except InputError as exc:
            skipped.append(Skipped.unread(where, reason_of(exc)))
    return articles, skipped


def read_table(table: Any) -> Parsed:
    """Articles from a pandas DataFrame or pyarrow Table, one per row."""
    return read_records(table_rows(table), TABLE_SOURCE)
