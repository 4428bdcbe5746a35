"""Articles and spans: the text every mention points into (``original[start:end]``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Literal

from accord.vocab import Derivation, RemovalReason

SCHEMA_ID = "accord.dossier/1"

Precision = Literal["year", "month", "day", "range"]


def content_id(*parts: object, prefix: str = "", size: int = 16) -> str:
    """A stable id from content: the same input always gets the same id (idempotent ingest)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:size]}"


@dataclass(frozen=True)
class Span:
    """A piece of an article's original text: ``original[start:end] == text``."""

    article: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        # asdict's generic deep copy costs 5 µs a span; every mention holds one or more
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["article"], int(data["start"]), int(data["end"]), data["text"])

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        """Slice ``article.original``; the only sanctioned way to make a span from offsets."""
        if not 0 <= start < end <= len(article.original):
            raise ValueError(f"span {start}:{end} outside article {article.id}")
        return cls(article.id, start, end, article.original[start:end])

    def within(self, other: Span) -> bool:
        """This span lies inside ``other`` (the same article, or a copy of its text)."""
        return other.start <= self.start and self.end <= other.end


@dataclass(frozen=True)
class Removed:
    """A segment of the original text that cleaning dropped, and why."""

    start: int
    end: int
    reason: RemovalReason

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": str(self.reason)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removed:
        return cls(int(data["start"]), int(data["end"]), RemovalReason(data["reason"]))


@dataclass(frozen=True)
class Article:
    """One news report. ``original`` is never modified; cleaning only records ``removed``."""

    id: str
    source: str
    title: str
    original: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None  # only when stated; never today's date
    published_evidence: Span | None = None  # where in the text the date was read, if there
    removed: tuple[Removed, ...] = ()
    derived_from: str | None = None  # id of the article this one reprints or rewrites
    derivation: Derivation | None = None

    @classmethod
    def create(cls, source: str, original: str, title: str = "", **kwargs: Any) -> Article:
        return cls(
            id=content_id(original, prefix="a", size=16),
            source=source,
            title=title,
            original=original,
            **kwargs,
        )

    def masked(self) -> str:
        """The original text with removed segments blanked out, same length as ``original``.

        Stages run on this so that every offset they find is already an offset into
        ``original`` (newlines are kept so paragraph boundaries survive).
        """
        if not self.removed:
            return self.original
        chars = list(self.original)
        for seg in self.removed:
            for i in range(seg.start, seg.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def kept_blocks(self) -> list[tuple[int, int]]:
        """Non-empty paragraphs (one per line) that survive cleaning, as original offsets."""
        masked = self.masked()
        blocks: list[tuple[int, int]] = []
        pos = 0
        for line in masked.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                blocks.append((pos + lead, pos + lead + len(stripped)))
            pos += len(line) + 1
        return blocks

    @property
    def text(self) -> str:
        """The cleaned text: kept paragraphs joined by blank lines (for reading, not offsets)."""
        return "\n\n".join(self.original[s:e] for s, e in self.kept_blocks())

    def with_removed(self, removed: list[Removed] | tuple[Removed, ...]) -> Article:
        return replace(self, removed=tuple(sorted(removed, key=lambda r: (r.start, r.end))))

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["removed"] = [r.to_dict() for r in self.removed]
        data["published_evidence"] = (
            self.published_evidence.to_dict() if self.published_evidence else None
        )
        data["published"] = self.published.isoformat() if self.published else None
        data["derivation"] = str(self.derivation) if self.derivation else None
        data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["removed"] = tuple(Removed.from_dict(r) for r in data.get("removed", []))
        ev = data.get("published_evidence")
        kwargs["published_evidence"] = Span.from_dict(ev) if ev else None
        published = data.get("published")
        kwargs["published"] = date.fromisoformat(published[:10]) if published else None
        derivation = data.get("derivation")
        kwargs["derivation"] = Derivation(derivation) if derivation else None
        return cls(**kwargs)
