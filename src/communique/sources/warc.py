"""Web archives (.warc, .warc.gz) -> Documents: the HTML pages a crawler fetched with status 200.

Each kept response becomes a Document whose `url` is the record's WARC-Target-URI and whose `fetched` is its
WARC-Date, so the record knows where and when the page was crawled. Everything else is counted, not read:
requests, metadata and other record types, non-HTML responses, responses with another status. A truncated or
corrupt archive gives one Failure naming where it broke; the records read before that point are kept.
"""
from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..document import Document, Failure
from .files import MAX_BYTES, content_id

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcCounts:
    """What one pass over an archive read and skipped, for the summary line and the batch's shard notes."""

    html: int = 0  # HTML responses with status 200: became Documents
    not_html: int = 0
    not_ok: int = 0  # HTML or not, a status other than 200
    not_response: int = 0  # request, warcinfo, metadata, revisit, ...
    broken: int = 0  # records cut short or undecodable
    statuses: dict[int, int] = field(default_factory=dict)

    def summary(self) -> str:
        skipped = [f"{n} {what}" for n, what in ((self.not_html, "not HTML"), (self.not_ok, "not status 200"),
                                                  (self.not_response, "not responses"), (self.broken, "broken"))
                   if n]
        return f"{self.html} HTML pages" + (f"; skipped {', '.join(skipped)}" if skipped else "")

    def to_dict(self) -> dict:
        return {"html": self.html, "not_html": self.not_html, "not_ok": self.not_ok,
                "not_response": self.not_response, "broken": self.broken}


def is_warc(path: Path) -> bool:
    """A WARC file by its name, or by its first bytes (a `.gz` or extensionless file that holds one)."""
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
            if head.startswith(b"\x1f\x8b"):
                stream.seek(0)
                with gzip.GzipFile(fileobj=stream) as inner:
                    head = inner.read(8)
    except (OSError, EOFError, zlib.error):
        return False
    return head.startswith(b"WARC/")


def iter_warc(path: str | Path, counts: WarcCounts | None = None) -> Iterator[Document | Failure]:
    """The archive's HTML pages as Documents, in archive order; `counts` (if given) is filled as it goes."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    counts = counts if counts is not None else WarcCounts()
    origin = str(path)
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield Failure(origin, f"cannot be read ({error.strerror or error})")
        return
    position = 0
    with stream:
        try:
            # Bodies are decoded here rather than by fastwarc so that a body cut short can be told apart.
            for record in ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=True,
                                          auto_decode="none"):
                position = record.stream_pos
                item = _document(origin, record, counts)
                if item is not None:
                    yield item
        except (OSError, ValueError, EOFError, zlib.error) as error:
            counts.broken += 1
            yield Failure(origin, f"corrupt archive after byte {position} ({_first_line(error)}); "
                                  f"{counts.html} pages before it were read")


def _document(origin: str, record, counts: WarcCounts) -> Document | Failure | None:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        counts.not_response += 1
        return None
    uri = record.headers.get("WARC-Target-URI") or None
    where = f"{origin}@{record.stream_pos}" + (f" {uri}" if uri else "")
    status = record.http_headers.status_code
    counts.statuses[status] = counts.statuses.get(status, 0) + 1
    if status != 200:
        counts.not_ok += 1
        return None
    content_type = (record.http_content_type or "").lower()
    if not content_type.startswith(HTML_TYPES):
        counts.not_html += 1
        return None
    if record.content_length > MAX_BYTES:
        counts.broken += 1
        return Failure(where, f"page too large ({record.content_length / 1e6:.0f} MB)")
    raw = record.reader.read()
    if len(raw) < record.content_length:
        counts.broken += 1
        return Failure(where, f"record cut short ({len(raw)} of {record.content_length} bytes): truncated archive")
    headers = record.http_headers
    try:
        body = _decode_body(raw, headers.get("Transfer-Encoding"), headers.get("Content-Encoding"))
    except (ValueError, zlib.error) as error:
        counts.broken += 1
        return Failure(where, f"page body cannot be decoded ({_first_line(error)})")
    counts.html += 1
    fields = {"id": content_id(body)}
    if uri:
        fields["url"] = uri
    return Document(origin=where, data=body, fields=fields, path=origin, url=uri,
                    fetched=record.headers.get("WARC-Date") or None)


def _decode_body(raw: bytes, transfer: str | None, encoding: str | None) -> bytes:
    # Common Crawl stores bodies already decoded (the original headers renamed); other crawlers may not.
    if transfer and "chunked" in transfer.lower():
        raw = _dechunk(raw)
    encoding = (encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        decompressor = zlib.decompressobj(47)  # gzip or zlib header, detected
        try:
            body = decompressor.decompress(raw, MAX_BYTES + 1)
        except zlib.error:
            if encoding != "deflate":
                raise
            body = zlib.decompressobj(-15).decompress(raw, MAX_BYTES + 1)  # raw deflate, as some servers send
        if len(body) > MAX_BYTES:
            raise ValueError(f"over {MAX_BYTES / 1e6:.0f} MB once decompressed")
        return body
    if encoding in ("", "identity", "none"):
        return raw
    raise ValueError(f"unsupported Content-Encoding {encoding!r}")


def _dechunk(raw: bytes) -> bytes:
    parts, at = [], 0
    while True:
        end = raw.find(b"\r\n", at)
        if end < 0:
            raise ValueError("chunked body without its size line")
        size = int(raw[at:end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(parts)
        parts.append(raw[end + 2:end + 2 + size])
        at = end + 2 + size + 2


def _first_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]


@dataclass
class Response:
    """One HTTP response to archive: what `write_warc` needs (tests and benchmarks pack pages with it)."""

    url: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-01-01T00:00:00Z"  # WARC-Date
    headers: dict[str, str] = field(default_factory=dict)  # more HTTP headers (Content-Encoding, ...)


def write_warc(path: str | Path, responses: list[Response], compress: bool | None = None) -> None:
    """Write `responses` as WARC/1.1 response records; gzip per record when the name ends in .gz."""
    import uuid

    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    compress = str(path).endswith(".gz") if compress is None else compress
    with open(path, "wb") as raw:
        for response in responses:
            record = WarcRecord()
            record.init_headers(WarcRecordType.response, record_urn=f"uuid:{uuid.uuid4()}".encode())
            record.headers["WARC-Target-URI"] = response.url
            record.headers["WARC-Date"] = response.date
            record.headers["Content-Type"] = "application/http; msgtype=response"
            head = (f"HTTP/1.1 {response.status} {'OK' if response.status == 200 else 'Other'}\r\n"
                    f"Content-Type: {response.content_type}\r\nContent-Length: {len(response.body)}\r\n"
                    + "".join(f"{name}: {value}\r\n" for name, value in response.headers.items()) + "\r\n")
            record.set_bytes_content(head.encode("latin-1") + response.body)
            if compress:
                member = GzipWriter(raw)  # one gzip member per record, as crawlers write them
                record.write(member, checksum_data=True)
                member.close()
            else:
                record.write(raw, checksum_data=True)
