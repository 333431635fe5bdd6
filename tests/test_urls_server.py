"""A real HTTP server on 127.0.0.1 for the URL, feed and batch tests (no test contacts any other address).

Routes map a path to a response (status, headers, body), or to a function of the request count that returns one
(for servers that fail first and recover). The server records each request's path and User-Agent, and the
most requests it had in flight at once.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

WEB = Path(__file__).resolve().parent / "fixtures" / "web"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


class LocalSite:
    def __init__(self):
        self.routes: dict[str, Reply | Callable[[int], Reply]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site._serve(self)

            def log_message(self, *args):  # keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, fixture: str) -> str:
        """Serve a fixture page at `path`; returns its URL."""
        self.routes[path] = Reply(body=(WEB / fixture).read_bytes())
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append((handler.path, handler.headers.get("User-Agent", "")))
            count = self.hits(handler.path)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        counted = True
        try:
            route = self.routes.get(handler.path)
            reply = route(count) if callable(route) else route
            if reply is None:
                reply = Reply(404, b"not here")
            if reply.delay:
                time.sleep(reply.delay)
            handler.send_response(reply.status)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            # done before the body goes out: once the client has the body it may start its next request, and
            # counting this one until after the write would see both in flight at once
            with self._lock:
                self.in_flight -= 1
            counted = False
            handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            if counted:
                with self._lock:
                    self.in_flight -= 1


def closed_port() -> int:
    """A local port with nothing listening on it (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
