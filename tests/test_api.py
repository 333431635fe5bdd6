"""The JSON API over SQLite and PostgreSQL: filters, pages, errors, and ingest behind the write token."""
from __future__ import annotations

import warnings

import pytest
from ledger_samples import db_url, filled_url, port_costs_classified  # noqa: F401

from communique.store import open_store
from communique.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "a-long-enough-test-token-0123456789"


@pytest.fixture
def client(filled_url):
    with open_store(filled_url) as store, TestClient(create_app(store)) as test_client:
        yield test_client


@pytest.fixture
def writer(db_url):
    with open_store(db_url) as store, TestClient(create_app(store, write_token=TOKEN)) as test_client:
        yield test_client


def test_quotes_by_speaker_and_full_text(client):
    body = client.get("/api/quotes", params={"speaker": "dushku"}).json()
    assert body["total"] == 2 and {q["speaker"] for q in body["items"]} == {"Elira Dushku"}
    found = client.get("/api/quotes", params={"q": '"walk away"'}).json()["items"]
    assert [q["quote_index"] for q in found] == [1]
    assert client.get("/api/quotes", params={"q": "table", "speaker": "rebane"}).json()["items"] == []


def test_pages_carry_total_and_next_offset(client):
    first = client.get("/api/quotes", params={"limit": 3}).json()
    assert (first["total"], len(first["items"]), first["next_offset"]) == (4, 3, 3)
    last = client.get("/api/quotes", params={"limit": 3, "offset": 3}).json()
    assert (len(last["items"]), last["next_offset"]) == (1, None)


def test_events_filters_and_shape(client):
    items = client.get("/api/events", params={"type": "ACCUSE"}).json()["items"]
    assert len(items) == 1
    event = items[0]
    assert event["source"][0]["name"] == "Tomas Rebane" and event["target"][0]["actor"] == "port-authority"
    assert event["quad_class"] == "verbal conflict" and event["sentence"].startswith("Mayor Tomas Rebane accused")
    assert {e["type"] for e in client.get("/api/events", params={"country": "XKX"}).json()["items"]} == \
        {"CONSULT", "REQUEST", "AGREE"}


def test_article_detail_holds_the_record(client):
    article = client.get("/api/articles/port-costs").json()
    assert article["outlet"] == "Coastal Ledger"
    assert article["record"]["quotes"][0]["speaker"] == "Tomas Rebane"
    listed = client.get("/api/articles", params={"since": "2025-01-01"}).json()["items"]
    assert [a["id"] for a in listed] == ["port-costs", "harbour-talks"]


def test_actor_timeline_and_graph(client):
    actor = client.get("/api/actors/tomas-rebane").json()
    assert (actor["quotes"], actor["events"]) == (1, 3)
    assert [i["kind"] for i in actor["timeline"]["items"]].count("event") == 3
    assert client.get("/api/actors", params={"q": "rebane"}).json()["items"][0]["id"] == "tomas-rebane"
    recent = client.get("/api/actors/elira-dushku", params={"since": "2025-01", "limit": 2}).json()["timeline"]
    assert (recent["total"], len(recent["items"])) == (3, 2)
    assert all(i["date"] >= "2025-01-01" for i in recent["items"])
    graph = client.get("/api/graph", params={"type": "conflict"}).json()
    assert {(e["source"], e["target"]) for e in graph["edges"]} == {
        ("tomas-rebane", "port-authority"), ("port-authority", "tomas-rebane"), ("european-union", "serbia")}
    assert all(e["by_class"]["cooperation"] == 0 for e in graph["edges"])


@pytest.mark.parametrize("path, params, status, words", [
    ("/api/quotes", {"since": "yesterday"}, 400, "since"),
    ("/api/quotes", {"country": "Kosovo"}, 422, "country"),
    ("/api/quotes", {"country": "XX1"}, 400, "alpha-3"),
    ("/api/quotes", {"limit": 0}, 422, "limit"),
    ("/api/quotes", {"offset": -1}, 422, "offset"),
    ("/api/quotes", {"type": "shouted"}, 400, "quote type"),
    ("/api/events", {"type": "PICNIC"}, 400, "event type"),
    ("/api/quotes", {"q": "*"}, 400, "search"),
    ("/api/quotes", {"speaker": "x" * 500}, 422, "speaker"),
    ("/api/articles/not-there", {}, 404, "no article"),
    ("/api/actors/not-there", {}, 404, "no actor"),
])
def test_bad_requests_get_a_clear_4xx(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_read_only_unless_a_token_was_given(client):
    response = client.post("/api/ingest", json={"text": "Someone said something."})
    assert response.status_code == 403 and "read-only" in response.json()["error"]


def test_ingest_needs_the_right_token_and_is_idempotent(writer):
    article = {"id": "api-1", "title": "Council meets", "published": "2025-06-01",
               "text": "The council met on Tuesday. \"We will publish the budget in June,\" Mayor Ilse Varga said."}
    assert writer.post("/api/ingest", json=article).status_code == 401
    wrong = writer.post("/api/ingest", json=article, headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    headers = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/ingest", json=article, headers=headers).json()
    assert (first["inserted"], first["ids"]) == (1, ["api-1"])
    again = writer.post("/api/ingest", json=[article], headers=headers).json()
    assert (again["inserted"], again["updated"]) == (0, 1)
    assert writer.get("/api/stats").json()["articles"] == 1
    assert writer.get("/api/articles/api-1").json()["title"] == "Council meets"
    empty = writer.post("/api/ingest", content=b"  ", headers=headers)
    assert empty.status_code == 400
    broken = writer.post("/api/ingest", content=b'{"id": "x"}', headers=headers)
    assert broken.status_code == 422 and "text" in broken.json()["error"]


def test_docs_and_assets_ship_with_the_app(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text
    assert client.get("/openapi.json").json()["paths"]["/api/graph"]
    assert client.get("/static/style.css").status_code == 200
    assert "default-src 'self'" in client.get("/").headers["content-security-policy"]


def test_events_found_by_the_classifier_are_marked_as_such(db_url):
    with open_store(db_url) as store, TestClient(create_app(store)) as client:
        store.upsert(port_costs_classified())
        listed = client.get("/api/events", params={"article": "port-costs"}).json()["items"]
        assert sorted((e["classifier"], e["reports"]) for e in listed if e["classifier"]) == [(0.61, 2)]
        page = client.get("/articles/port-costs").text
    assert page.count("found by the clause classifier") == 1 and "classifier 0.61" in page
