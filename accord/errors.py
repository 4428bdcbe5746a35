"""accord's exceptions. Every message names the bad input, the reason, and the fix.

Exception tree::

    AccordError
    ├── InputError            a file or record cannot be read as an article
    │   ├── EmptyInputError       nothing but whitespace
    │   ├── BinaryInputError      not text (NUL bytes, undecodable)
    │   ├── TooLargeInputError    over the size limit
    │   ├── MalformedInputError   JSON line, HTML or date field that does not parse
    │   ├── UnreadableInputError  missing, a directory, permission denied, I/O error
    │   └── FetchError            a URL that gave no page (HTTP error, timeout, robots.txt)
    ├── NoArticlesError       a batch in which no file could be read
    ├── SchemaError           a dossier that does not validate against the published schema
    ├── StoreError            the corpus store refused a write or read
    └── ModelError            a model that is missing or does not load (names the command)

Only the command line (:mod:`accord.cli`) turns these into a one-line message and an exit code.

An exception while one article goes through a stage (cleaning, parsing, extraction,
embedding) is caught at the article boundary and becomes an :class:`ArticleFailure`: the
article is skipped, the batch goes on. A failure that is not an ``AccordError`` is a bug in
accord and says so (:data:`INTERNAL_HINT`); ``strict=True`` (``--strict``) lets it propagate
with its traceback instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from accord.model import Skipped
from accord.vocab import Stage as Stage  # where a failure happened, re-exported with the errors

INTERNAL_HINT = (
    "this is a bug in accord: please report it with the input that caused it and the "
    "traceback that `--strict` prints"
)
# A reason is one line; an exception message quoting a whole article is cut to this.
MAX_REASON_CHARS = 300


@dataclass(frozen=True)
class ArticleFailure:
    """One article that a stage could not process: what it was, where, and why.

    ``article`` is the content hash (:attr:`accord.model.Article.id`), so the store can
    recognise the same text on a re-run; ``internal`` marks an exception accord did not
    raise on purpose.
    """

    source: str
    article: str
    stage: Stage
    reason: str
    internal: bool

    @classmethod
    def of(cls, exc: BaseException, source: str, article: str, stage: Stage) -> ArticleFailure:
        internal = not isinstance(exc, AccordError)
        detail = str(exc) if not internal else f"{type(exc).__name__}: {exc}"
        detail = " ".join(detail.split())
        if len(detail) > MAX_REASON_CHARS:
            detail = detail[: MAX_REASON_CHARS - 1] + "…"
        reason = f"internal error ({detail}); {INTERNAL_HINT}" if internal else detail
        return cls(source, article, stage, reason, internal)

    def line(self) -> str:
        """The one line a report prints: file, stage and reason."""
        return f"{self.source}: {self.stage} failed: {self.reason}"

    def skipped(self) -> Skipped:
        """The entry of :attr:`accord.model.Dossier.skipped`."""
        return Skipped(self.source, self.stage, self.reason)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "stage": str(self.stage)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleFailure:
        return cls(
            str(data["source"]),
            str(data["article"]),
            Stage(data["stage"]),
            str(data["reason"]),
            bool(data["internal"]),
        )


class AccordError(Exception):
    """Base class: catch this to handle every error accord raises on purpose."""


class InputError(AccordError):
    """A file or record could not become an article; the batch goes on without it."""

    def __init__(self, source: str, reason: str, fix: str = "") -> None:
        self.source = source
        self.reason = reason
        self.fix = fix
        message = f"{source}: {reason}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeInputError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class UnreadableInputError(InputError):
    """The path cannot be opened at all (missing, permission denied, I/O error)."""


class FetchError(InputError):
    """A URL gave no page: an HTTP error, a timeout, a refused connection, or robots.txt."""


class NoArticlesError(AccordError):
    """Raised when every input was skipped: there is nothing to analyse."""

    def __init__(self, skipped: Sequence[Skipped]) -> None:
        self.skipped = tuple(skipped)
        detail = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5])
        more = f" (and {len(skipped) - 5} more)" if len(skipped) > 5 else ""
        super().__init__(
            f"no article could be read from {len(skipped)} input(s): {detail}{more}. "
            "Pass .txt, .html or .jsonl files, or a directory holding them."
        )


class SchemaError(AccordError):
    """A dossier failed validation against ``accord/render/dossier.schema.json``."""


class StoreError(AccordError):
    """The corpus store could not be opened, read or written."""


class ModelError(AccordError):
    """A model accord needs is not installed, not exported yet, or cannot be loaded."""
