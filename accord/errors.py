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
    └── StoreError            the corpus store refused a write or read

Only ``cli.py`` turns these into a one-line message and an exit code.
"""

from __future__ import annotations


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

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        self.skipped = skipped
        detail = "; ".join(f"{src}: {why}" for src, why in skipped[:5])
        more = f" (and {len(skipped) - 5} more)" if len(skipped) > 5 else ""
        super().__init__(
            f"no article could be read from {len(skipped)} input(s): {detail}{more}. "
            "Pass .txt, .html or .jsonl files, or a directory holding them."
        )


class SchemaError(AccordError):
    """A dossier failed validation against ``accord/render/dossier.schema.json``."""


class StoreError(AccordError):
    """The corpus store could not be opened, read or written."""
