"""Helpers that check the span contract on a dossier's dict form (shared by several tests)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SECTIONS = ("figures", "quotes", "claims", "timeline")


def iter_mentions(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every mention of every section, with its section name."""
    for section in SECTIONS:
        for item in data.get(section, []):
            for mention in item.get("mentions", []):
                yield section, mention


def inexact_spans(data: dict[str, Any]) -> list[str]:
    """Mentions whose ``original[start:end]`` is not their ``text`` (empty when all exact)."""
    originals = {a["id"]: a["original"] for a in data["articles"]}
    bad: list[str] = []
    for section, m in iter_mentions(data):
        original = originals.get(m["article"])
        ok = (
            isinstance(original, str)
            and 0 <= m["start"] < m["end"] <= len(original)
            and original[m["start"] : m["end"]] == m["text"]
        )
        if not ok:
            bad.append(f"{section}: {m!r}")
    for art in data["articles"]:
        for seg in art["removed"]:
            if not 0 <= seg["start"] < seg["end"] <= len(art["original"]):
                bad.append(f"removed: {seg!r}")
    return bad
