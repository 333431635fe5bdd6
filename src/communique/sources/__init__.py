"""Where documents come from. `iter_inputs` is the one entry point every command uses.

Files, directories and stdin are read by `files`; web archives by `warc`, feeds by `feeds`, URLs by `urls`.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Failure

log = logging.getLogger(__name__)


def iter_inputs(
    inputs: Iterable[str],
    urls_file: str | None = None,
    feeds: Iterable[str] = (),
    allow_private: bool = False,
) -> Iterator[Document | Failure]:
    """Every input as Documents (or Failures), in the order given.

    `inputs`: paths, directories, `-` for stdin, or http(s) URLs. `urls_file`: a file of URLs, one a line.
    `feeds`: RSS/Atom URLs or files whose linked articles are fetched. `allow_private`: let URL fetches reach
    private, loopback and link-local addresses (refused by default).
    """
    from .urls import iter_urls, read_url_file

    urls: list[str] = []  # consecutive URLs are fetched together, concurrently
    for name in inputs:
        if name.startswith(("http://", "https://")):
            urls.append(name)
            continue
        if urls:
            yield from iter_urls(urls, allow_private=allow_private)
            urls = []
        yield from iter_local(name)
    if urls:
        yield from iter_urls(urls, allow_private=allow_private)
    if urls_file:
        listed = []
        for item in read_url_file(urls_file):
            if isinstance(item, Failure):
                yield item
            else:
                listed.append(item)
        yield from iter_urls(listed, allow_private=allow_private)
    feeds = list(feeds)
    if feeds:
        from .feeds import iter_feeds

        yield from iter_feeds(feeds, allow_private=allow_private)


def iter_local(name: str) -> Iterator[Document | Failure]:
    """One path, directory or `-`: web archives go to the WARC reader, everything else to `files`."""
    from .files import iter_documents

    path = Path(name)
    if name != "-" and path.is_dir():
        for file in input_files(path):
            yield from iter_file(file)
    elif name != "-" and path.is_file():
        yield from iter_file(path)
    else:
        yield from iter_documents([name])


def input_files(directory: Path) -> list[Path]:
    """The files of a directory that communique reads, in a stable order; hidden files and folders skipped."""
    from .files import READABLE_SUFFIXES
    from .warc import WARC_SUFFIXES

    found = []
    for file in sorted(directory.rglob("*")):
        if not file.is_file() or any(part.startswith(".") for part in file.relative_to(directory).parts):
            continue
        if file.suffix.lower() in READABLE_SUFFIXES or file.name.lower().endswith(WARC_SUFFIXES):
            found.append(file)
    return found


def iter_file(path: Path) -> Iterator[Document | Failure]:
    from .files import documents_from_file
    from .warc import WarcCounts, is_warc, iter_warc

    if not is_warc(path):
        yield from documents_from_file(path)
        return
    counts = WarcCounts()
    yield from iter_warc(path, counts)
    log.warning("%s: %s", path, counts.summary())
