"""The store on SQLite and PostgreSQL alike: idempotent upserts, filters, full text, timelines, the graph."""
from __future__ import annotations

import dataclasses

import pytest
from ledger_samples import (all_samples, db_url, filled_url, harbour_talks, port_costs,  # noqa: F401
                            port_costs_classified)

from communique.store import InvalidQuery, make_filters, open_store


@pytest.fixture
def store(filled_url):
    with open_store(filled_url) as opened:
        yield opened


def quotes(store, **filters):
    return store.quotes(make_filters(**filters)).items


def events(store, **filters):
    return store.events(make_filters(**filters)).items


def test_reingest_updates_and_never_duplicates(store):
    before = store.counts()
    assert before == {"articles": 3, "quotes": 4, "events": 5, "actors": 7, "entities": 9}
    assert [store.upsert(r) for r in all_samples()] == ["updated"] * 3
    assert store.counts() == before


def test_same_url_or_same_text_under_a_new_id_is_the_same_article(store):
    moved = dataclasses.replace(harbour_talks(), id="harbour-talks-v2", text=harbour_talks().text + " Later edit.")
    assert store.upsert(moved) == "updated"
    copied = dataclasses.replace(port_costs(), id="port-costs-copy", url=None)
    assert store.upsert(copied) == "updated"
    assert store.counts()["articles"] == 3
    assert store.has_article("harbour-talks-v2") and not store.has_article("harbour-talks")
    assert store.get_record("harbour-talks-v2").text.endswith("Later edit.")


def test_stored_record_comes_back_whole(store):
    assert store.get_record("port-costs").to_dict() == port_costs().to_dict()
    assert store.get_record("missing") is None and store.get_article("missing") is None


def test_speaker_matches_part_of_a_name_case_insensitively(store):
    found = quotes(store, speaker="dUsHkU")
    assert {q["speaker"] for q in found} == {"Elira Dushku"}
    assert len(found) == 2 and found[0]["speaker_actor"] == "elira-dushku"
    assert quotes(store, speaker="nobody") == []


def test_quote_filters(store):
    assert [q["text"] for q in quotes(store, about="Serbia")] == ["talks with Serbia would resume next week"]
    assert {q["kind"] for q in quotes(store, type="direct")} == {"direct"}
    assert {q["article_id"] for q in quotes(store, country="xkx")} == {"harbour-talks"}
    assert {q["article_id"] for q in quotes(store, since="2025-04")} == {"port-costs"}
    assert {q["article_id"] for q in quotes(store, until="2024")} == {"trade-accord"}
    assert {q["article_id"] for q in quotes(store, source="coastal")} == {"port-costs"}
    assert {q["article_id"] for q in quotes(store, actor="rebane")} == {"port-costs"}


def test_full_text_search_stems_and_quotes_user_input(store):
    assert [q["article_id"] for q in quotes(store, search="walking tables")] == ["harbour-talks"]
    assert [q["article_id"] for q in quotes(store, search="walk chair")] == []
    assert [q["article_id"] for q in quotes(store, search='"walk away"')] == ["harbour-talks"]
    assert len(quotes(store, search="numbers OR visits")) == 2
    assert [q["article_id"] for q in quotes(store, search="resum*")] == ["harbour-talks"]
    for odd in ['NEAR(a b', "table AND", "^table*:", 'a"b', "OR OR table"]:
        store.quotes(make_filters(search=odd))  # never a syntax error from the index
    with pytest.raises(InvalidQuery):
        store.quotes(make_filters(search='" ( *'))


def test_event_filters_and_actor_lists(store):
    conflict = events(store, type="conflict")
    assert sorted(e["type"] for e in conflict) == ["ACCUSE", "REJECT", "REQUEST"]
    assert [e["type"] for e in events(store, type="verbal-cooperation", speaker="dushku")] == ["CONSULT", "AGREE"]
    (accused,) = events(store, about="port authority")
    assert accused["type"] == "ACCUSE" and accused["source"][0]["actor"] == "tomas-rebane"
    assert {e["type"] for e in events(store, country="SRB")} == {"CONSULT", "REQUEST"}
    assert [e["type"] for e in events(store, since="2024-12-01", until="2024-12-31")] == ["AGREE"]
    assert [e["type"] for e in events(store, search="restraint")] == ["REQUEST"]
    (request,) = events(store, type="REQUEST")
    assert request["quad_class"] == "verbal conflict" and request["location_name"] == "Pristina"
    assert request["event_date"] == "2025-03-10"  # no date of its own: the article's


def test_articles_filters(store):
    def ids(**filters):
        return {a["id"] for a in store.articles(make_filters(**filters)).items}

    assert ids() == {"harbour-talks", "port-costs", "trade-accord"}
    assert ids(actor="rebane") == {"port-costs", "trade-accord"}
    assert ids(speaker="dushku") == {"harbour-talks"}
    assert ids(search="trade accords") == {"trade-accord"}
    assert ids(type="ACCUSE", country="EST") == {"port-costs"}


def test_pages_report_the_total(store):
    first = store.quotes(make_filters(), limit=3, offset=0)
    second = store.quotes(make_filters(), limit=3, offset=3)
    assert first.total == second.total == 4
    assert len(first.items) == 3 and len(second.items) == 1
    keys = [(q["article_id"], q["quote_index"]) for q in first.items + second.items]
    assert len(set(keys)) == 4


def test_actor_timeline_holds_what_they_said_and_did(store):
    actor = store.actor("elira-dushku")
    assert (actor["name"], actor["quotes"], actor["events"], actor["articles"]) == ("Elira Dushku", 2, 2, 2)
    items = actor["timeline"]["items"]
    assert [i["date"] for i in items] == sorted((i["date"] for i in items), reverse=True)
    assert {(i["kind"], i["detail"]) for i in items} == {("quote", "indirect"), ("quote", "direct"),
                                                          ("event", "CONSULT"), ("event", "AGREE")}
    assert store.actor("no-such-actor") is None
    assert {a["id"] for a in store.actors(make_filters(type="person")).items} == {"elira-dushku", "tomas-rebane"}


def test_unnamed_speakers_do_not_become_actors(store):
    assert "officials" not in {a["id"] for a in store.actors(limit=100).items}
    assert [q["speaker"] for q in quotes(store, speaker="officials")] == ["officials"]


def test_graph_counts_relations_by_type_and_class(store):
    graph = store.graph()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("tomas-rebane", "port-authority")]["by_type"] == {"ACCUSE": 1}
    assert edges[("european-union", "serbia")]["by_class"] == {"cooperation": 0, "conflict": 1}
    assert edges[("elira-dushku", "tomas-rebane")]["by_quad_class"] == {"verbal cooperation": 1}
    assert {n["id"] for n in graph["nodes"]} >= {"serbia", "european-union"}
    only = store.graph(make_filters(actor="union"))
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("european-union", "serbia")]


@pytest.mark.parametrize("values", [{"since": "2025-13"}, {"until": "March"}, {"country": "Kosovo"},
                                    {"since": "2025-05-01", "until": "2025-04-01"}, {"search": "x" * 300}])
def test_bad_filter_values_are_refused_with_a_reason(values):
    with pytest.raises(InvalidQuery) as error:
        make_filters(**values)
    assert str(error.value)


def test_bad_types_and_limits_are_refused(store):
    with pytest.raises(InvalidQuery, match="quote type"):
        store.quotes(make_filters(type="shouted"))
    with pytest.raises(InvalidQuery, match="event type"):
        store.events(make_filters(type="PARTY"))
    with pytest.raises(InvalidQuery, match="limit"):
        store.quotes(make_filters(), limit=100000)


def test_a_failed_article_rolls_back_alone(db_url, monkeypatch):
    with open_store(db_url) as store:
        store.upsert(harbour_talks())
        original = store._write_children

        def crash(conn, article_pk, rows):
            original(conn, article_pk, rows)
            raise RuntimeError("power cut")

        monkeypatch.setattr(store, "_write_children", crash)
        with pytest.raises(RuntimeError):
            store.upsert(port_costs())
        monkeypatch.undo()
        assert store.counts()["articles"] == 1 and store.counts()["quotes"] == 2
        assert store.upsert(port_costs()) == "inserted"
        assert store.counts()["articles"] == 2


def test_readers_query_while_a_writer_holds_a_transaction(filled_url):
    with open_store(filled_url) as writer, open_store(filled_url) as reader:
        with writer._transaction() as conn:
            writer._exec(conn, "DELETE FROM quotes")
            assert reader.counts()["quotes"] == 4  # the reader sees the last committed state, without waiting
        assert reader.counts()["quotes"] == 0


def test_events_keep_who_found_them_and_how_often_they_were_reported(db_url):
    with open_store(db_url) as store:
        store.upsert(port_costs_classified())
        found = events(store, article="port-costs")
    first, second = sorted(found, key=lambda e: e["event_index"])
    assert first["classifier"] == pytest.approx(0.61) and first["reports"] == 2
    assert second["classifier"] is None and second["reports"] == 1


def test_a_database_of_the_first_schema_is_upgraded_in_place(db_url):
    with open_store(db_url) as store:
        store.upsert(port_costs())
        for column in ("classifier", "reports"):  # back to how the first schema made the table
            store.connection.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with open_store(db_url) as store:
        assert store.counts()["events"] == 2  # what was stored stays
        assert store.upsert(port_costs_classified()) == "updated"
        assert {e["reports"] for e in events(store, article="port-costs")} == {1, 2}
        assert store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() \
            == {"value": "2"}


def test_a_database_of_a_newer_schema_is_refused_with_a_reason(db_url):
    from communique.errors import StoreError

    with open_store(db_url) as store:
        store.connection.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version '9'"):
        open_store(db_url)
