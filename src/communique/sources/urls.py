"""URLs -> Documents, fetched politely and safely with httpx.

Politeness: a user agent that names the tool, at most `per_host` requests in flight per host with a pause
between them, retries with exponential backoff on timeouts, refused connections, 429 and 5xx.
Safety: timeouts, a size limit, a bounded number of redirects, and no private, loopback, link-local or other
non-public address unless `allow_private` — checked on the resolved addresses of every hop, and again at the
moment of connecting (the checked address is the one connected to), so DNS cannot be made to point elsewhere
in between.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator
from urllib.parse import urlsplit

import httpcore
import httpx

from ..document import Document, Failure
from ..errors import FetchError
from .files import MAX_BYTES, content_id

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
RETRY_STATUSES = {429, 500, 502, 503, 504}


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("communique")
    except PackageNotFoundError:  # running from a source tree
        release = "dev"
    return f"communique/{release} (news article reader; python-httpx)"


class AddressRefused(FetchError):
    """A host resolves to an address that fetches may not reach (private, loopback, link-local...)."""


@dataclass
class FetchSettings:
    timeout: float = 20.0  # seconds per connect / read / write
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    attempts: int = 3  # tries per URL, counting the first
    backoff: float = 1.0  # seconds before the first retry; doubles after each
    per_host: int = 2  # requests in flight to one host
    host_delay: float = 0.5  # seconds between two request starts to one host
    threads: int = 8  # requests in flight in all
    allow_private: bool = False


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int, allow_private: bool) -> list[str]:
    """Every address `host` resolves to; AddressRefused when any is not public (unless allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve {host} ({error.strerror})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        refused = [a for a in addresses if not is_public(a)]
        if refused:
            raise AddressRefused(f"{host} resolves to a non-public address ({refused[0]}); "
                                 "fetching it needs --allow-private")
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses that passed the check, whatever the name resolves to by then."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in resolve(host, port, self.allow_private):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                last = error
        raise last or httpcore.ConnectError(f"no address for {host}")


def make_client(settings: FetchSettings) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    # httpx offers no public hook for the network backend; this pinned httpx/httpcore pair keeps it here.
    transport._pool._network_backend = GuardedBackend(settings.allow_private)

    def check_hop(request: httpx.Request) -> None:  # every request, redirects included
        if request.url.scheme not in ("http", "https"):
            raise FetchError(f"unsupported scheme {request.url.scheme!r}")
        resolve(request.url.host, request.url.port or (443 if request.url.scheme == "https" else 80),
                settings.allow_private)

    return httpx.Client(transport=transport, timeout=settings.timeout, follow_redirects=True,
                        max_redirects=settings.max_redirects, trust_env=False,
                        headers={"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
                        event_hooks={"request": [check_hop]})


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str
    body: bytes
    fetched: str  # ISO 8601, UTC


class HostGate:
    """At most `limit` requests in flight per host, and `delay` seconds between two starts to one host."""

    def __init__(self, limit: int, delay: float):
        self.limit, self.delay = limit, delay
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(host, threading.Semaphore(self.limit))
        with slot:
            with self._lock:  # book this request's start time, then wait for it outside the lock
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self.delay
            time.sleep(start - now)
            yield


class Fetcher:
    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self.client = make_client(self.settings)
        self.gate = HostGate(self.settings.per_host, self.settings.host_delay)

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def fetch(self, url: str, accept: tuple[str, ...] | None = PAGE_TYPES) -> Fetched:
        """The body at `url`; FetchError (one line) when it cannot be had. `accept=None` takes any type."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")
        delay = self.settings.backoff
        for attempt in range(1, self.settings.attempts + 1):
            try:
                with self.gate.hold(parts.hostname.lower()):
                    return self._fetch_once(url, accept)
            except _Retryable as error:
                if attempt == self.settings.attempts:
                    raise FetchError(f"{error} (gave up after {attempt} tries)") from None
                time.sleep(error.retry_after if error.retry_after is not None else delay)
                delay *= 2
        raise AssertionError("unreachable")

    def _fetch_once(self, url: str, accept: tuple[str, ...] | None) -> Fetched:
        limit = self.settings.max_bytes
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _Retryable(f"HTTP {response.status_code}", _retry_after(response))
                if response.status_code != 200:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if accept is not None and content_type and not content_type.startswith(accept):
                    raise FetchError(f"not an article page (Content-Type {content_type})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"too large ({int(declared) / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"too large (over {limit / 1e6:.0f} MB)")
                    chunks.append(chunk)
                return Fetched(str(response.url), content_type, b"".join(chunks),
                               datetime.now(timezone.utc).replace(microsecond=0).isoformat())
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.settings.max_redirects} redirects") from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as error:
            raise _Retryable(_describe(error), None) from None
        except httpx.HTTPError as error:
            raise FetchError(_describe(error)) from None


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None):
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return min(float(value), 60.0) if value.isdigit() else None


def _describe(error: Exception) -> str:
    kind = {httpx.ConnectTimeout: "connection timed out", httpx.ReadTimeout: "read timed out",
            httpx.ConnectError: "cannot connect"}.get(type(error), type(error).__name__)
    detail = str(error).splitlines()[0][:160] if str(error) else ""
    return f"{kind} ({detail})" if detail else kind


def page_document(url: str, page: Fetched) -> Document:
    return Document(origin=url, data=page.body, url=page.url, fetched=page.fetched,
                    fields={"id": content_id(page.body), "url": page.url})


def iter_urls(urls: Iterable[str], allow_private: bool = False,
              settings: FetchSettings | None = None) -> Iterator[Document | Failure]:
    """Each URL as a Document (or a Failure), in the order given, fetched concurrently."""
    settings = settings or FetchSettings(allow_private=allow_private)
    with Fetcher(settings) as fetcher, ThreadPoolExecutor(settings.threads) as pool:
        pending: deque[tuple[str, Future]] = deque()
        for url in urls:
            pending.append((url, pool.submit(fetch_document, fetcher, url)))
            # Keep a bounded window in flight: a file of a million URLs is not submitted at once.
            if len(pending) >= settings.threads * 4:
                yield pending.popleft()[1].result()
        while pending:
            yield pending.popleft()[1].result()


def fetch_document(fetcher: Fetcher, url: str) -> Document | Failure:
    try:
        return page_document(url, fetcher.fetch(url))
    except FetchError as error:
        return Failure(url, str(error))
    except Exception as error:  # a bug in one fetch must not stop the others
        return Failure(url, f"internal error while fetching ({type(error).__name__}: {error})")


def read_url_file(path: str) -> Iterator[str | Failure]:
    """The URLs in a file, one a line; blank lines and lines starting with # are skipped."""
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            for line in stream:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield line
    except OSError as error:
        yield Failure(path, f"cannot be read ({error.strerror or error})")
