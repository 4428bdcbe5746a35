"""Render a :class:`~accord.model.Dossier` for machines (JSON) and for people (Markdown, HTML).

``write_all(dossier, outdir)`` writes ``dossier.json``, ``dossier.md`` and ``dossier.html``;
each file is written atomically (temporary file + rename), so an interrupted run leaves either
the previous file or the new one, never a partial one.
"""

from __future__ import annotations

from pathlib import Path

from accord.model import Dossier
from accord.render.html import write_html
from accord.render.json import write_json
from accord.render.markdown import write_markdown

__all__ = ["write_all"]


def write_all(dossier: Dossier, outdir: str | Path) -> list[Path]:
    """Write the three renderings into ``outdir`` (created if needed); return their paths.

    The JSON is validated first, so an invalid dossier raises
    :class:`~accord.errors.SchemaError` before anything is written.
    """
    out = Path(outdir)
    json_path = write_json(dossier, out / "dossier.json")
    return [
        json_path,
        write_markdown(dossier, out / "dossier.md"),
        write_html(dossier, out / "dossier.html"),
    ]
