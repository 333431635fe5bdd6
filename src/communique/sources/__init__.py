"""Where documents come from. `iter_inputs` is the one entry point every command uses.

Files, directories and stdin are read by `files`; web archives, feeds and URLs by their own modules.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..document import Document, Failure


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
    from .files import iter_documents

    yield from iter_documents(list(inputs))
