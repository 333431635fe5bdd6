"""Plain-text pages (scraped or pasted): headline, byline, date line, body, credit, site menu lines.

Placeholder: the headline is the first line, the rest is the body. Replaced by the full reader.
"""
from __future__ import annotations

from ..record import Record


def read_text_page(text: str, record_id: str) -> Record:
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else None
    body = "\n\n".join(line.strip() for line in lines[1:] if line.strip())
    return Record(id=record_id, text=body, title=title)
