"""RSS and Atom feeds -> the articles they link to, fetched as URLs.

A feed is a URL (fetched under the same rules as any page) or a file. Each entry's link is fetched; an entry
without a usable link is reported as a Failure and the other entries go on. A feed that cannot be read at all
is one Failure.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Failure
from ..errors import FetchError
from .urls import FetchSettings, Fetcher, iter_urls

FEED_TYPES = None  # feeds come as application/rss+xml, application/atom+xml, text/xml, even text/html


def iter_feeds(feeds: Iterable[str], allow_private: bool = False,
               settings: FetchSettings | None = None) -> Iterator[Document | Failure]:
    settings = settings or FetchSettings(allow_private=allow_private)
    for feed in feeds:
        links: list[str] = []
        for item in feed_links(feed, settings):
            if isinstance(item, Failure):
                yield item
            else:
                links.append(item)
        yield from iter_urls(links, settings=settings)


def feed_links(feed: str, settings: FetchSettings) -> Iterator[str | Failure]:
    """The article links of one feed, in feed order, with a Failure for each entry that has none."""
    import feedparser

    try:
        data = _read_feed(feed, settings)
    except FetchError as error:
        yield Failure(feed, f"feed cannot be fetched: {error}")
        return
    except OSError as error:
        yield Failure(feed, f"feed cannot be read ({error.strerror or error})")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = _first_line(parsed.get("bozo_exception")) if parsed.get("bozo") else "no entries"
        yield Failure(feed, f"not a readable RSS/Atom feed ({reason})")
        return
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        where = f"{feed} entry {number}"
        if not link:
            title = (entry.get("title") or "").strip()
            yield Failure(where + (f" ({title[:60]})" if title else ""), "entry has no link")
        elif not link.startswith(("http://", "https://")):
            yield Failure(where, f"entry link is not an http(s) URL ({link[:80]})")
        elif link not in seen:
            seen.add(link)
            yield link


def _read_feed(feed: str, settings: FetchSettings) -> bytes:
    if feed.startswith(("http://", "https://")):
        with Fetcher(settings) as fetcher:
            return fetcher.fetch(feed, accept=FEED_TYPES).body
    path = Path(feed)
    if path.stat().st_size > settings.max_bytes:
        raise FetchError(f"feed file over {settings.max_bytes / 1e6:.0f} MB")
    return path.read_bytes()


def _first_line(error: object) -> str:
    text = str(error or "") or type(error).__name__
    return text.splitlines()[0][:160]
