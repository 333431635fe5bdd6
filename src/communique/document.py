"""A document: the raw material of one article, before anything is understood about it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """Bytes (or given fields) from one source, with where they came from.

    `origin` names the input for messages: a path, `path:line` for a JSON Lines line, or a URL.
    `fields` holds values the input gave explicitly (JSON input, WARC headers, feeds); they win over extraction.
    """

    origin: str
    data: bytes | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    url: str | None = None
    fetched: str | None = None  # when a crawler fetched it (WARC date), ISO 8601


@dataclass
class Failure:
    """An input that gave no record, and why, in one line."""

    origin: str
    problem: str

    def line(self) -> str:
        return f"{self.origin}: {self.problem}"
