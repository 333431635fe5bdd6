"""Small invented articles with hand-made annotations, for the store, API, CLI and web tests.

The texts are written for these tests; offsets are found from the phrases so that they stay right when a
sentence is edited. They cover: two speakers, direct and indirect quotes, events of both PLOVER classes,
countries (Kosovo as XKX), dates in two months, two outlets, and article text with markup in it.
"""
from __future__ import annotations

from communique.record import Actor, Entity, Event, Location, Quote, Record, SentenceRef, Source, Span


def span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span(start, start + len(phrase), phrase)


def sentence(text: str, phrase: str) -> SentenceRef:
    at = text.index(phrase)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    return SentenceRef(start, len(text) if end < 0 else end + 1)


def harbour_talks() -> Record:
    text = ("Foreign Minister Elira Dushku said on Monday that talks with Serbia would resume next week. "
            "\"We will not walk away from the table,\" Dushku told reporters in Pristina. "
            "The European Union urged Belgrade to show restraint over the border crossings.")
    entities = [
        Entity("e1", "Elira Dushku", "PERSON", ["Foreign Minister"], None, "XKX", "GOV",
               [span(text, "Elira Dushku"), span(text, "Dushku", 100)]),
        Entity("e2", "Serbia", "GPE", country="SRB", sector="GOV",
               mentions=[span(text, "Serbia"), span(text, "Belgrade")]),
        Entity("e3", "Pristina", "GPE", country="XKX", mentions=[span(text, "Pristina")]),
        Entity("e4", "European Union", "ORG", sector="IGO", mentions=[span(text, "The European Union")]),
    ]
    quotes = [
        Quote(span(text, "talks with Serbia would resume next week"), "indirect", speaker="Elira Dushku",
              speaker_entity="e1", speaker_mention=span(text, "Foreign Minister Elira Dushku"), cue=span(text, "said")),
        Quote(span(text, "We will not walk away from the table,"), "direct", speaker="Elira Dushku",
              speaker_entity="e1", speaker_mention=span(text, "Dushku", 100), cue=span(text, "told")),
    ]
    events = [
        Event("CONSULT", sentence(text, "talks with Serbia"), [Actor("Elira Dushku", "e1", "Elira Dushku", "XKX", "GOV")],
              [Actor("Serbia", "e2", "Serbia", "SRB", "GOV")], cameo="040", date="2025-03-10", date_precision="day",
              trigger=span(text, "talks")),
        Event("REQUEST", sentence(text, "urged"), [Actor("The European Union", "e4", "European Union", None, "IGO")],
              [Actor("Belgrade", "e2", "Serbia", "SRB", "GOV")], cameo="010",
              location=Location("Pristina", "XKX", 42.67, 21.17), trigger=span(text, "urged")),
    ]
    return Record(id="harbour-talks", text=text, url="https://news.example.org/2025/03/harbour-talks",
                  source=Source("Example Wire", None, "news.example.org"), title="Talks to resume, minister says",
                  authors=["Ana Petri"], published="2025-03-10T09:30:00", section="Politics", language="en",
                  entities=entities, quotes=quotes, events=events)


def port_costs() -> Record:
    text = ("Mayor Tomas Rebane accused the port authority of hiding costs. "
            "\"The numbers <script>alert('x')</script> & <b>tags</b> do not add up,\" Rebane said. "
            "The port authority rejected the claim.")
    entities = [
        Entity("e1", "Tomas Rebane", "PERSON", ["Mayor"], None, "EST", "GOV",
               [span(text, "Tomas Rebane"), span(text, "Rebane said")]),
        Entity("e2", "port authority", "ORG", country="EST", sector="GOV",
               mentions=[span(text, "the port authority"), span(text, "The port authority")]),
    ]
    quotes = [Quote(span(text, "The numbers <script>alert('x')</script> & <b>tags</b> do not add up,"), "direct",
                    speaker="Tomas Rebane", speaker_entity="e1", speaker_mention=span(text, "Rebane", 70),
                    cue=span(text, "said"))]
    events = [
        Event("ACCUSE", sentence(text, "accused"), [Actor("Mayor Tomas Rebane", "e1", "Tomas Rebane", "EST", "GOV")],
              [Actor("the port authority", "e2", "port authority", "EST", "GOV")], cameo="112"),
        Event("REJECT", sentence(text, "rejected"), [Actor("The port authority", "e2", "port authority", "EST", "GOV")],
              [Actor("Tomas Rebane", "e1", "Tomas Rebane", "EST", "GOV")], cameo="120"),
    ]
    return Record(id="port-costs", text=text, url="https://coast.example.net/port-costs",
                  source=Source("Coastal Ledger", None, "coast.example.net"), title="Mayor <em>doubts</em> port costs",
                  published="2025-04-02", language="en", entities=entities, quotes=quotes, events=events)


def trade_accord() -> Record:
    text = "Elira Dushku met Tomas Rebane in Tallinn to sign a trade accord. Officials said more visits would follow."
    entities = [
        Entity("e1", "Elira Dushku", "PERSON", country="XKX", sector="GOV", mentions=[span(text, "Elira Dushku")]),
        Entity("e2", "Tomas Rebane", "PERSON", country="EST", sector="GOV", mentions=[span(text, "Tomas Rebane")]),
        Entity("e3", "Tallinn", "GPE", country="EST", mentions=[span(text, "Tallinn")]),
    ]
    quotes = [Quote(span(text, "more visits would follow"), "indirect", speaker="officials",
                    speaker_mention=span(text, "Officials"), cue=span(text, "said"))]
    events = [Event("AGREE", sentence(text, "trade accord"), [Actor("Elira Dushku", "e1", "Elira Dushku", "XKX", "GOV")],
                    [Actor("Tomas Rebane", "e2", "Tomas Rebane", "EST", "GOV")], cameo="057", date="2024-12-05",
                    location=Location("Tallinn", "EST", 59.44, 24.75))]
    return Record(id="trade-accord", text=text, url=None, source=Source("Example Wire", None, "news.example.org"),
                  title="A trade accord in Tallinn", published="2024-12-05", language="en",
                  entities=entities, quotes=quotes, events=events)


def all_samples() -> list[Record]:
    return [harbour_talks(), port_costs(), trade_accord()]


# --- one database per test, on each backend -------------------------------------------------------------------
def port_costs_classified() -> Record:
    """The port article with its first event found by the clause classifier and reported twice."""
    record = port_costs()
    record.events[0].classifier = 0.61
    record.events[0].also = [SentenceRef(0, 5)]
    return record


import uuid  # noqa: E402

import pytest  # noqa: E402

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file, or a PostgreSQL schema of its own (dropped afterwards)."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    base = request.getfixturevalue("pg_url")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def filled_url(db_url):
    """A database holding the three sample articles."""
    from communique.store import open_store

    with open_store(db_url) as store:
        for record in all_samples():
            store.upsert(record)
    return db_url
