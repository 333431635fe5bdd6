"""Bytes -> text, refusing what is not text (images, archives, undecodable bytes)."""
from __future__ import annotations

import codecs
import re

from ..errors import BadInput

BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF file",
    b"PK\x03\x04": "a zip archive", b"\x7fELF": "an executable", b"RIFF": "a RIFF media file",
}
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<!--|<meta|<article|<div|<p[\s>])", re.I)


def decode_bytes(data: bytes, origin: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-16 text is full of NUL bytes: not binary
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise BadInput(origin, f"undecodable bytes (broken UTF-16 at byte {error.start})") from None
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BadInput(origin, f"binary input ({what}), not an article")
    if b"\x00" in data[:4096]:
        raise BadInput(origin, "binary input (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        raise BadInput(origin, f"undecodable bytes (not UTF-8 at byte {error.start}, and no usable charset declared)")


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset=["']?([A-Za-z0-9_\-]+)""", data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(text: str) -> bool:
    head = text[:2048].encode("utf-8", "ignore")
    return bool(_HTML_START.match(head)) or ("<html" in text[:4096].lower() and "</" in text)
