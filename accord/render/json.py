"""``dossier.json``: the machine-readable contract, validated against ``dossier.schema.json``.

The schema (JSON Schema draft 2020-12, id ``accord.dossier/1``) checks shape; :func:`validate`
then checks what a schema cannot: that every mention's ``article`` exists and that
``original[start:end] == text``, so a dossier that loads is one whose evidence can be trusted.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from accord.errors import SchemaError
from accord.model import Dossier
from accord.render._atomic import write_text_atomic

__all__ = ["read_dossier", "schema", "to_json", "validate", "write_json"]

MAX_ERRORS_SHOWN = 3  # enough to fix the first problems without drowning the message
SPAN_KEYS = ("article", "start", "end", "text")


def schema() -> dict[str, Any]:
    """The published schema (a small file: read on each call, nothing kept)."""
    text = files("accord.render").joinpath("dossier.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def to_json(dossier: Dossier) -> str:
    """The dossier as pretty, UTF-8 JSON text (non-ASCII kept as is, keys in model order)."""
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_json(dossier: Dossier, path: str | Path) -> Path:
    """Validate, then write ``path`` atomically; returns the path written."""
    data = dossier.to_dict()
    validate(data)
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_dossier(path: str | Path) -> Dossier:
    """Read and validate a ``dossier.json``; raises :class:`SchemaError` naming the file."""
    path = Path(path)
    if path.is_dir():
        path = path / "dossier.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SchemaError(f"{path}: no such file (run `accord analyze` to write one)") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaError(f"{path}: not JSON ({exc}); is this a dossier.json?") from exc
    try:
        validate(data)
    except SchemaError as exc:
        raise SchemaError(f"{path}: {exc}") from exc
    return Dossier.from_dict(data)


def validate(data: Any) -> None:
    """Raise :class:`SchemaError` unless ``data`` is a valid ``accord.dossier/1`` dict."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        shown = "; ".join(
            f"at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:200]}"
            for e in errors[:MAX_ERRORS_SHOWN]
        )
        extra = len(errors) - MAX_ERRORS_SHOWN
        more = f" (and {extra} more)" if extra > 0 else ""
        raise SchemaError(
            f"not a valid accord.dossier/1 document: {shown}{more}. "
            "Regenerate it with `accord analyze`, or fix the listed fields."
        )
    _check_spans(data)


def _check_spans(data: dict[str, Any]) -> None:
    """Every span must point at an article in the dossier and slice its original text."""
    originals = {a["id"]: a["original"] for a in data["articles"]}
    for where, span in _spans(data):
        original = originals.get(span["article"])
        if original is None:
            raise SchemaError(
                f"{where} points at article {span['article']!r}, which the dossier lacks; "
                "every mention must cite an article listed under `articles`."
            )
        start, end = span["start"], span["end"]
        if not (start <= end <= len(original)) or original[start:end] != span["text"]:
            raise SchemaError(
                f"{where}: offsets {start}:{end} do not slice {span['text'][:40]!r} out of "
                f"article {span['article']!r}; offsets must index the article's original text."
            )


def _spans(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every span in the dossier with a JSON-pointer-like location for error messages."""
    found: list[tuple[str, dict[str, Any]]] = []

    def add(where: str, obj: Any) -> None:
        if isinstance(obj, dict) and all(k in obj for k in SPAN_KEYS):
            found.append((where, obj))
            for key in ("sentence", "speaker_span", "cue"):
                if isinstance(obj.get(key), dict):
                    add(f"{where}/{key}", obj[key])

    for i, art in enumerate(data["articles"]):
        add(f"/articles/{i}/published_evidence", art.get("published_evidence"))
    for section in ("figures", "quotes", "claims", "timeline"):
        for i, item in enumerate(data[section]):
            for j, mention in enumerate(item["mentions"]):
                add(f"/{section}/{i}/mentions/{j}", mention)
    return found
