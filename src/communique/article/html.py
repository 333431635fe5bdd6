"""HTML pages: trafilatura for the body and a first guess of metadata.

Placeholder: trafilatura alone. Replaced by the full reader.
"""
from __future__ import annotations

import trafilatura

from ..errors import BadInput
from ..record import Record


def read_html(html: str, record_id: str, url: str | None, origin: str) -> Record:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise BadInput(origin, "HTML page with no article text")
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Record(id=record_id, text=document.text, title=document.title, authors=authors,
                  published=document.date, url=url or document.url)
