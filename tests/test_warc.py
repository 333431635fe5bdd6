"""Web archives: HTML responses with status 200 become documents with the crawl's URL and date; everything else
is counted; broken archives are reported in one line and what came before is kept."""
from __future__ import annotations

import gzip
import zlib

import pytest

from communique.document import Document, Failure
from communique.pipeline import Pipeline
from communique.sources import iter_inputs
from communique.sources.warc import Response, WarcCounts, is_warc, iter_warc, write_warc
from test_urls_server import WEB

PAGES = {"harbour.html": "https://courier.example/news/harbour-ferry-terminal",
         "library.html": "https://herald.example/local/libraries-sunday-opening",
         "orchard.html": "https://farmweekly.example/crops/late-frost-apples"}


def page_responses() -> list[Response]:
    return [Response(url=url, body=(WEB / name).read_bytes(), date=f"2024-06-0{i}T08:00:00Z")
            for i, (name, url) in enumerate(PAGES.items(), start=1)]


def mixed_archive(path) -> None:
    pages = page_responses()
    write_warc(path, [pages[0],
                      Response("https://courier.example/gone", b"<html><p>gone</p></html>", status=404),
                      Response("https://courier.example/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf"),
                      pages[1],
                      Response("https://courier.example/moved", b"", status=301, content_type="text/html"),
                      pages[2]])


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_200_responses_become_documents_with_url_and_date(tmp_path, name):
    path = tmp_path / name
    mixed_archive(path)
    counts = WarcCounts()
    documents = list(iter_warc(path, counts))
    assert all(isinstance(d, Document) for d in documents)
    assert [d.url for d in documents] == list(PAGES.values())
    assert [d.fields["url"] for d in documents] == list(PAGES.values())
    assert [d.fetched for d in documents] == ["2024-06-01T08:00:00Z", "2024-06-02T08:00:00Z", "2024-06-03T08:00:00Z"]
    assert documents[0].data == (WEB / "harbour.html").read_bytes()
    assert documents[0].path == str(path)
    assert (counts.html, counts.not_ok, counts.not_html, counts.broken) == (3, 2, 1, 0)
    assert counts.summary() == "3 HTML pages; skipped 1 not HTML, 2 not status 200"


def test_warc_records_equal_extract_on_the_same_pages(tmp_path, nlp):
    """The same page gives the same record from a WARC as from its file, except `path` (the archive rather than
    the page file) and what the crawl adds: `url` agrees here because each page's canonical link is its
    WARC-Target-URI, and `source.domain` may be known from the crawl's URL where the bare file leaves it open."""
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc, page_responses())
    from_warc = list(Pipeline().run(iter_inputs([str(warc)])))
    from_files = list(Pipeline().run(iter_inputs([str(WEB / name) for name in PAGES])))
    assert len(from_warc) == len(from_files) == 3
    for archived, filed in zip(from_warc, from_files):
        a, f = archived.to_dict(), filed.to_dict()
        assert a.pop("path") == str(warc) and f.pop("path").endswith(".html")
        if f["source"]["domain"] is None:
            assert a["source"]["domain"] in (None, a["url"].split("/")[2])
            a["source"]["domain"] = None
        assert a == f
        assert a["entities"] and a["quotes"], "the comparison covers analysed records, not empty ones"


def test_a_truncated_archive_keeps_the_records_before_the_break(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, page_responses())
    cut = tmp_path / "cut.warc.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) - 400])
    results = list(iter_warc(cut))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Failure"]
    assert "cut.warc.gz" in results[2].origin and "truncated" in results[2].problem


def test_corrupt_and_non_warc_archives_give_one_failure_each(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, page_responses())
    data = whole.read_bytes()
    second = data.index(b"\x1f\x8b", 10)  # each record is its own gzip member: where the second one starts
    garbled = tmp_path / "garbled.warc.gz"
    garbled.write_bytes(data[:second + 30] + b"\x00garbage\xff" * 50 + data[second + 500:])
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("these are notes, not an archive\n" * 5)
    results = list(iter_inputs([str(garbled), str(not_warc), str(WEB / "library.html")]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "Failure", "Failure", "Document"]
    assert "corrupt archive" in results[1].problem and "1 pages before it were read" in results[1].problem
    assert results[2].origin == str(not_warc) and "corrupt archive" in results[2].problem


def test_encoded_bodies_are_decoded(tmp_path):
    body = (WEB / "orchard.html").read_bytes()
    packed = gzip.compress(body)
    path = tmp_path / "encoded.warc"
    write_warc(path, [Response("https://farmweekly.example/a", packed, headers={"Content-Encoding": "gzip"}),
                      Response("https://farmweekly.example/b", zlib.compress(body), headers={"Content-Encoding": "deflate"}),
                      Response("https://farmweekly.example/c", b"\x00" * 12 + packed[12:],
                               headers={"Content-Encoding": "gzip"}),
                      Response("https://farmweekly.example/d", body, headers={"Content-Encoding": "compress"})])
    gzipped, deflated, damaged, unknown = iter_warc(path)
    assert gzipped.data == body and deflated.data == body
    assert isinstance(damaged, Failure) and "cannot be decoded" in damaged.problem
    assert damaged.origin.endswith("https://farmweekly.example/c")
    assert "unsupported Content-Encoding 'compress'" in unknown.problem


def test_chunked_transfer_encoding_is_undone(tmp_path):
    body = (WEB / "library.html").read_bytes()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:100], body[100:])) + b"0\r\n\r\n"
    path = tmp_path / "chunked.warc.gz"
    write_warc(path, [Response("https://herald.example/x", chunked, headers={"Transfer-Encoding": "chunked"})])
    (document,) = iter_warc(path)
    assert document.data == body


def test_archives_are_told_by_name_or_content(tmp_path):
    hidden = tmp_path / "crawl-0001.gz"
    write_warc(hidden, page_responses()[:1], compress=True)
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((WEB / "harbour.html").read_bytes()))
    assert is_warc(hidden) and not is_warc(page) and is_warc(tmp_path / "absent.warc")
    results = list(iter_inputs([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["Document", "Document"]
    assert results[0].url == PAGES["harbour.html"] and results[1].url is None


def test_a_directory_mixes_archives_and_pages(tmp_path):
    write_warc(tmp_path / "a.warc.gz", page_responses())
    (tmp_path / "b.html").write_bytes((WEB / "library.html").read_bytes())
    results = list(iter_inputs([str(tmp_path)]))
    assert len(results) == 4 and all(isinstance(r, Document) for r in results)
