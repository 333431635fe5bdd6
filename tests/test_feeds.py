"""Feeds: RSS and Atom from a file or a URL; linked articles fetched; broken entries reported, the rest read."""
from __future__ import annotations

import json

import pytest

from communique.document import Document, Failure
from communique.sources import iter_inputs
from communique.sources.feeds import iter_feeds
from communique.sources.urls import FetchSettings
from test_urls_server import LocalSite, Reply, closed_port

FAST = FetchSettings(allow_private=True, backoff=0.01, host_delay=0.0, timeout=2.0, attempts=2)


@pytest.fixture
def site():
    server = LocalSite()
    yield server
    server.close()


def rss(*items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coastline Courier</title>'
            '<link>https://courier.example/</link><description>Local news</description>'
            + "".join(items) + "</channel></rss>")


def item(title: str, link: str | None) -> str:
    return f"<item><title>{title}</title>" + (f"<link>{link}</link>" if link else "") + "</item>"


def test_rss_file_entries_are_fetched_and_broken_entries_reported(site, tmp_path):
    dead = f"http://127.0.0.1:{closed_port()}/gone"
    feed = tmp_path / "courier.rss"
    feed.write_text(rss(item("Ferry terminal", site.page("/harbour", "harbour.html")),
                        item("An entry that lost its link", None),
                        item("Server down", dead),
                        item("Not a web link", "ftp://files.courier.example/x"),
                        item("Libraries", site.page("/library", "library.html")),
                        item("Ferry terminal again", site.url("/harbour"))))
    results = list(iter_feeds([str(feed)], settings=FAST))
    failures = [r for r in results if isinstance(r, Failure)]
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.url for d in documents] == [site.url("/harbour"), site.url("/library")]  # the repeat fetched once
    assert site.hits("/harbour") == 1
    problems = {f.origin: f.problem for f in failures}
    assert problems[f"{feed} entry 2 (An entry that lost its link)"] == "entry has no link"
    assert "not an http(s) URL" in problems[f"{feed} entry 4"]
    assert "cannot connect" in problems[dead]


def test_atom_feed_from_a_url(site):
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title>'
            '<id>urn:herald</id><updated>2024-02-07T00:00:00Z</updated>'
            f'<entry><title>Libraries</title><id>urn:1</id><updated>2024-02-07T00:00:00Z</updated>'
            f'<link href="{site.page("/library", "library.html")}"/></entry>'
            f'<entry><title>Frost</title><id>urn:2</id><updated>2024-05-02T00:00:00Z</updated>'
            f'<link href="{site.page("/orchard", "orchard.html")}"/></entry></feed>')
    site.routes["/feed.atom"] = Reply(body=atom.encode(), headers={"Content-Type": "application/atom+xml"})
    results = list(iter_feeds([site.url("/feed.atom")], settings=FAST))
    assert [r.url for r in results] == [site.url("/library"), site.url("/orchard")]


def test_unreadable_feeds_are_one_failure_each(site, tmp_path):
    junk = tmp_path / "junk.xml"
    junk.write_text("this is not a feed <<<")
    site.routes["/broken"] = Reply(500, b"down")
    results = list(iter_feeds([str(junk), site.url("/broken"), str(tmp_path / "absent.rss")], settings=FAST))
    assert [type(r).__name__ for r in results] == ["Failure"] * 3
    assert "not a readable RSS/Atom feed" in results[0].problem
    assert "feed cannot be fetched" in results[1].problem and "HTTP 500" in results[1].problem
    assert "feed cannot be read" in results[2].problem


def test_feed_fetches_refuse_loopback_without_allow_private(site):
    site.routes["/feed.rss"] = Reply(body=rss(item("x", site.url("/harbour"))).encode())
    (failure,) = list(iter_inputs([], feeds=[site.url("/feed.rss")]))
    assert "--allow-private" in failure.problem and site.requests == []


def test_feed_records_through_the_pipeline(site, tmp_path, nlp):
    from communique.pipeline import Pipeline

    feed = tmp_path / "feed.rss"
    feed.write_text(rss(item("Frost", site.page("/orchard", "orchard.html")), item("no link", None)))
    results = list(Pipeline().run(iter_inputs([], feeds=[str(feed)], allow_private=True)))
    record = next(r for r in results if not isinstance(r, Failure))
    assert record.url == site.url("/orchard")
    assert record.title == "Late frost hits apple growers in the northern orchards"
    assert json.dumps(record.to_dict())
    assert sum(isinstance(r, Failure) for r in results) == 1


def test_ingest_feed_command_stores_the_articles_and_reports_the_broken_entry(site, tmp_path, nlp):
    from typer.testing import CliRunner

    from communique.cli import app
    from communique.store import open_store

    feed = tmp_path / "feed.rss"
    feed.write_text(rss(item("Libraries", site.page("/library", "library.html")), item("lost", None)))
    db = tmp_path / "news.db"
    result = CliRunner().invoke(app, ["ingest", "--feed", str(feed), "--db", str(db), "--allow-private"])
    assert result.exit_code == 1  # one entry failed; the other was stored
    assert "entry 2 (lost): entry has no link" in result.stderr
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 1
