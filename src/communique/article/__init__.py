"""Document -> article record: metadata, clean body and language, before any parsing.

`read_article` picks the reader from the content (HTML, a plain-text page, or fields given as JSON) and
applies the rule of the contract: values the input gives win over what extraction finds.
"""
from __future__ import annotations

from ..document import Document
from ..errors import BadInput
from ..record import Record, Source
from .decode import decode_bytes, looks_like_html
from .html import read_html
from .language import detect_language
from .textpage import read_text_page

GIVEN_FIELDS = ("url", "title", "published", "authors", "section", "language")
# No news article is this long; the parser would need gigabytes for it. Refused here, with a clear line.
MAX_TEXT_CHARS = 1_000_000


def read_article(document: Document) -> Record:
    given = document.fields
    if isinstance(given.get("text"), str):
        record = Record(id=given["id"], text=given["text"])  # verbatim: offsets in the input's coordinates stay valid
    elif isinstance(given.get("html"), str):
        record = read_html(given["html"], record_id=given["id"], url=given.get("url"), origin=document.origin)
    else:
        text = decode_bytes(document.data or b"", document.origin)
        if looks_like_html(text):
            record = read_html(text, record_id=given["id"], url=document.url, origin=document.origin)
        else:
            record = read_text_page(text, record_id=given["id"])
    _apply_given(record, document)
    if not record.text.strip():
        raise BadInput(document.origin, "no article text found")
    if len(record.text) > MAX_TEXT_CHARS:
        raise BadInput(document.origin, f"article text too long ({len(record.text):,} characters; "
                                        f"the limit is {MAX_TEXT_CHARS:,})")
    if not record.language:
        record.language = detect_language(record.text)
    if record.language and record.language != "en":
        record.warnings.append(f"body language is '{record.language}': quotes, entities and events need English")
    return record


def _apply_given(record: Record, document: Document) -> None:
    given = document.fields
    record.path = document.path
    record.url = given.get("url") or document.url or record.url
    for name in GIVEN_FIELDS[1:]:
        value = given.get(name)
        if value not in (None, "", []):
            if name == "authors" and isinstance(value, str):
                value = [value]
            setattr(record, name, value)
    source = given.get("source")
    if isinstance(source, dict):
        record.source = Source(**{**record.source.__dict__, **{k: v for k, v in source.items() if k in ("name", "credit", "domain")}})
    elif isinstance(source, str) and source:
        record.source.name = source
