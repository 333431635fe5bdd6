"""JSON, JSON Lines and gzip inputs: given fields win, `text` is kept character for character."""
import gzip
import json

from communique.article import read_article
from communique.document import Document, Failure
from communique.sources.files import iter_documents

TEXT = "  The mayor said\u2028the bridge\r\nwill reopen.\tOfficials agreed.  "


def records(path):
    out = []
    for item in iter_documents([str(path)]):
        out.append(item if isinstance(item, Failure) else read_article(item))
    return out


def test_jsonl_text_is_verbatim_and_given_fields_win(tmp_path):
    lines = [
        {"id": "a1", "text": TEXT, "title": "Bridge to reopen", "authors": "Jane Roe", "published": "2024-05-01",
         "source": {"name": "Town Radio"}, "url": "https://townradio.example/a1"},
        {"id": 7, "text": "The second article says the council met on Tuesday and agreed on the budget."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    first, second = records(path)
    assert first.text == TEXT
    assert (first.id, first.title, first.authors, first.published) == ("a1", "Bridge to reopen", ["Jane Roe"], "2024-05-01")
    assert first.source.name == "Town Radio" and first.url == "https://townradio.example/a1"
    assert first.path == str(path)
    assert second.id == "7"


def test_gzip_of_jsonl_and_of_a_text_page(tmp_path):
    packed = tmp_path / "batch.jsonl.gz"
    packed.write_bytes(gzip.compress((json.dumps({"id": "z", "text": TEXT}) + "\n").encode("utf-8")))
    (record,) = records(packed)
    assert record.text == TEXT
    page = tmp_path / "page.txt.gz"
    page.write_bytes(gzip.compress("Harbour reopens\n\nBy Jane Roe\n\nThe harbour reopened on Monday after "
                                   "the storm.\n".encode("utf-8")))
    (record,) = records(page)
    assert record.title == "Harbour reopens" and record.authors == ["Jane Roe"]


def test_json_array_and_html_field(tmp_path):
    html = ("<html><head><title>Ferry strike ends | Coast News</title><meta property='og:site_name' "
            "content='Coast News'></head><body><article><h1>Ferry strike ends</h1><p>The ferry crews returned "
            "to work on Friday after the company and the union agreed on a new contract for next year.</p>"
            "</article></body></html>")
    path = tmp_path / "pages.json"
    path.write_text(json.dumps([{"id": "h", "html": html, "url": "https://coastnews.example/ferry"}]), encoding="utf-8")
    (record,) = records(path)
    assert record.title == "Ferry strike ends"
    assert record.source.domain == "coastnews.example"
    assert record.text.startswith("The ferry crews returned")


def test_a_text_page_that_starts_with_a_bracket_is_not_json(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("[Updated] Bridge closed for repairs\n\nThe bridge will stay closed until Friday, the city "
                    "said on Monday.\n", encoding="utf-8")
    (record,) = records(path)
    assert record.title == "[Updated] Bridge closed for repairs"


def test_content_id_is_stable(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Headline\n\nThe council met on Monday and agreed on the budget.\n", encoding="utf-8")
    assert records(path)[0].id == records(path)[0].id
    assert isinstance(Document(origin="x").fields, dict)


def test_utf16_text_with_a_byte_order_mark_is_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Harbour reopens\n\nThe harbour reopened on Monday after the storm.\n".encode("utf-16"))
    (record,) = records(path)
    assert record.title == "Harbour reopens"
