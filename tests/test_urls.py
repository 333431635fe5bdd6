"""Fetching URLs: a real HTTP server on 127.0.0.1, reached only with allow_private; nothing else is contacted."""
from __future__ import annotations

import json

import pytest

from communique.document import Document, Failure
from communique.sources import iter_inputs
from communique.sources.urls import (AddressRefused, FetchSettings, GuardedBackend, is_public, iter_urls,
                                     user_agent)
from test_urls_server import WEB, LocalSite, Reply, closed_port

FAST = dict(allow_private=True, backoff=0.01, host_delay=0.0, timeout=2.0)


@pytest.fixture
def site():
    server = LocalSite()
    yield server
    server.close()


def fetch(*urls, **settings):
    return list(iter_urls(list(urls), settings=FetchSettings(**{**FAST, **settings})))


def test_a_page_becomes_a_document_with_its_final_url_and_fetch_time(site):
    url = site.page("/news/harbour", "harbour.html")
    (document,) = fetch(url)
    assert isinstance(document, Document)
    assert document.url == url and document.fields["url"] == url
    assert document.fetched and document.fetched.endswith("+00:00")
    assert b"ferry terminal" in document.data
    assert site.requests[0][1] == user_agent() and user_agent().startswith("communique/")


def test_loopback_is_refused_without_allow_private_and_never_contacted(site):
    url = site.page("/news/harbour", "harbour.html")
    (failure,) = fetch(url, allow_private=False)
    assert isinstance(failure, Failure) and failure.origin == url
    assert "non-public address (127.0.0.1)" in failure.problem and "--allow-private" in failure.problem
    assert site.requests == []


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::5", "::ffff:127.0.0.1",
                                     "224.0.0.1"])
def test_private_loopback_link_local_and_special_addresses_are_not_public(address):
    assert not is_public(address)


def test_global_addresses_are_public():  # a pure check: nothing is contacted
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1:248:1893:25c8:1946")


def test_the_connect_step_checks_the_address_it_connects_to(site):
    port = site.server.server_address[1]
    with pytest.raises(AddressRefused):
        GuardedBackend(allow_private=False).connect_tcp("localhost", port, timeout=2)
    GuardedBackend(allow_private=True).connect_tcp("localhost", port, timeout=2).close()


def test_each_redirect_hop_is_checked(site, monkeypatch):
    import communique.sources.urls as urls

    # Pretend only 127.0.0.1 is public, so the first hop passes and a hop to 127.0.0.2 is a private one.
    monkeypatch.setattr(urls, "is_public", lambda address: address == "127.0.0.1")
    port = site.server.server_address[1]
    site.routes["/go"] = Reply(302, headers={"Location": f"http://127.0.0.2:{port}/inside"})
    (failure,) = fetch(site.url("/go"), allow_private=False)
    assert isinstance(failure, Failure) and "non-public address (127.0.0.2)" in failure.problem
    assert site.hits("/go") == 1


def test_redirects_are_followed_and_bounded(site):
    site.page("/final", "library.html")
    site.routes["/moved"] = Reply(301, headers={"Location": "/final"})
    site.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    moved, loop = fetch(site.url("/moved"), site.url("/loop"), max_redirects=3)
    assert isinstance(moved, Document) and moved.url == site.url("/final")
    assert isinstance(loop, Failure) and "more than 3 redirects" in loop.problem
    assert site.hits("/loop") == 4


def test_size_limit_content_type_and_http_errors_are_reported(site):
    site.routes["/big"] = Reply(body=b"<p>" + b"x" * 5000 + b"</p>")
    site.routes["/big-unannounced"] = Reply(body=b"<p>" + b"y" * 5000 + b"</p>",
                                           headers={"Content-Type": "text/html", "Content-Length": ""})
    site.routes["/file.pdf"] = Reply(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    results = fetch(site.url("/big"), site.url("/file.pdf"), site.url("/missing"), max_bytes=1000)
    problems = [r.problem for r in results]
    assert "too large" in problems[0]
    assert "not an article page (Content-Type application/pdf)" in problems[1]
    assert problems[2].startswith("HTTP 404")


def test_server_errors_are_retried_with_backoff_then_succeed(site):
    body = (WEB / "orchard.html").read_bytes()
    site.routes["/flaky"] = lambda count: Reply(503, b"busy") if count < 3 else Reply(body=body)
    site.routes["/down"] = Reply(500, b"down")
    recovered, down = fetch(site.url("/flaky"), site.url("/down"), attempts=3)
    assert isinstance(recovered, Document) and site.hits("/flaky") == 3
    assert "HTTP 500" in down.problem and "gave up after 3 tries" in down.problem and site.hits("/down") == 3


def test_an_unreachable_url_is_reported_and_the_rest_fetched(site):
    good = site.page("/a", "harbour.html")
    dead = f"http://127.0.0.1:{closed_port()}/gone"
    results = fetch(good, dead, site.page("/b", "library.html"), attempts=2)
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert results[1].origin == dead and "cannot connect" in results[1].problem


def test_slow_pages_time_out(site):
    site.routes["/slow"] = Reply(body=b"<p>late</p>", delay=1.5)
    (failure,) = fetch(site.url("/slow"), timeout=0.3, attempts=1)
    assert "timed out" in failure.problem


def test_at_most_per_host_requests_in_flight_and_order_kept(site):
    paths = [f"/p{i}" for i in range(8)]
    for path in paths:
        site.routes[path] = Reply(body=f"<p>page {path}</p>".encode(), delay=0.15)
    results = fetch(*[site.url(p) for p in paths], per_host=2, threads=8)
    assert [r.url for r in results] == [site.url(p) for p in paths]
    assert site.most_in_flight == 2


def test_iter_inputs_reads_urls_and_a_urls_file(site, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# reading list\n{site.page('/h', 'harbour.html')}\n\n{site.page('/l', 'library.html')}\n")
    results = list(iter_inputs([site.page("/o", "orchard.html")], urls_file=str(listing), allow_private=True))
    assert [r.url for r in results] == [site.url("/o"), site.url("/h"), site.url("/l")]
    refused = list(iter_inputs([site.url("/o")], allow_private=False))
    assert isinstance(refused[0], Failure)


def test_extract_command_fetches_urls_with_allow_private(site, tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    listing = tmp_path / "urls.txt"
    listing.write_text(site.page("/l", "library.html") + "\n")
    result = CliRunner().invoke(app, ["extract", site.page("/h", "harbour.html"), "--urls", str(listing),
                                      "--allow-private"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == [site.url("/h"), site.url("/l")]
    assert records[0]["title"] == "Harbour board approves new ferry terminal"
    refused = CliRunner().invoke(app, ["extract", site.url("/h")])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
