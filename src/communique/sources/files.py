"""Files, directories and stdin -> Documents (or Failures), in a stable order.

Formats are told from the content: gzip by its magic bytes, JSON Lines / JSON by their first character,
so a `.txt` that holds JSON Lines is still split into its lines.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Failure

MAX_BYTES = 20 * 1024 * 1024  # larger inputs are refused: no news article is this long
READABLE_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".gz", ".xhtml", ".text", ""}
GZIP_MAGIC = b"\x1f\x8b"


def content_id(data: bytes) -> str:
    """A stable id from content: the same bytes always give the same id."""
    return hashlib.sha1(data).hexdigest()[:16]


def iter_documents(inputs: Iterable[str]) -> Iterator[Document | Failure]:
    for name in inputs:
        if name == "-":
            yield from documents_from_bytes("<stdin>", sys.stdin.buffer.read(MAX_BYTES + 1), path=None)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                if file.suffix.lower() in READABLE_SUFFIXES:
                    yield from documents_from_file(file)
        elif path.is_file():
            yield from documents_from_file(path)
        elif name.startswith(("http://", "https://")):
            yield Failure(name, "URLs are read by `--urls` sources; this build cannot fetch it")
        else:
            yield Failure(name, "no such file or directory")


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def documents_from_file(path: Path) -> Iterator[Document | Failure]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(origin, f"too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Failure(origin, f"cannot be read ({error.strerror or error})")
        return
    yield from documents_from_bytes(origin, data, path=origin)


def documents_from_bytes(origin: str, data: bytes, path: str | None) -> Iterator[Document | Failure]:
    if data.startswith(GZIP_MAGIC):
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as error:
            yield Failure(origin, f"broken gzip ({_reason(error)})")
            return
        if data is None:
            yield Failure(origin, f"too large once decompressed (over {MAX_BYTES / 1e6:.0f} MB)")
            return
    if len(data) > MAX_BYTES:
        yield Failure(origin, f"too large (over {MAX_BYTES / 1e6:.0f} MB)")
        return
    if not data.strip():
        yield Failure(origin, "empty")
        return
    if _is_json(origin, data):
        yield from _json_documents(origin, data, path)
        return
    yield Document(origin=origin, data=data, path=path, fields={"id": content_id(data)})


JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")


def _is_json(origin: str, data: bytes) -> bool:
    """JSON by name, or by content: a page that merely starts with '[' ("[Updated] Headline") stays text."""
    if data.lstrip()[:1] not in (b"{", b"["):
        return False
    if origin.lower().endswith(JSON_SUFFIXES):
        return True
    first = data.lstrip().split(b"\n", 1)[0]
    for candidate in (data, first):
        try:
            json.loads(candidate)
            return True
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
    return False


def _gunzip(data: bytes) -> bytes | None:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(MAX_BYTES + 1)
    return None if len(out) > MAX_BYTES else out


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]


def _json_documents(origin: str, data: bytes, path: str | None) -> Iterator[Document | Failure]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Failure(origin, f"JSON input is not valid UTF-8 (byte {error.start})")
        return
    # A whole-file JSON value (an object or a list of objects) first; otherwise one object per line.
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        yield _json_document(origin, whole, path)
        return
    if isinstance(whole, list):
        for index, item in enumerate(whole):
            where = f"{origin}[{index}]"
            yield _json_document(where, item, path) if isinstance(item, dict) else Failure(where, "not a JSON object")
        return
    # Split on "\n" only: str.splitlines would also cut at U+2028 and friends, which JSON strings may hold raw.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(item, dict):
            yield Failure(where, "not a JSON object")
            continue
        yield _json_document(where, item, path)


def _json_document(origin: str, item: dict, path: str | None) -> Document | Failure:
    body = item.get("text") if isinstance(item.get("text"), str) else item.get("html")
    if not isinstance(body, str) or not body.strip():
        return Failure(origin, "JSON object has neither `text` nor `html`")
    fields = dict(item)
    if fields.get("id") is None:
        fields["id"] = content_id(json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    else:
        fields["id"] = str(fields["id"])
    return Document(origin=origin, data=None, fields=fields, path=path, url=item.get("url"))
