"""The tables, written once for both backends; each backend fills in its types and its full-text parts.

Articles own their entities, quotes and events (deleted with them); actors are shared across articles.
Flat columns are copied onto quotes and events (article date, source) so that the common filters need no join.
"""
from __future__ import annotations

SCHEMA_VERSION = "2"
# What brings a database made by an earlier version up to this one, by the version it was made with.
UPGRADES = {
    # 2: who found an event (the clause classifier's probability, null for the lexicon) and how many sentences
    # of its article report it
    "1": ["ALTER TABLE events ADD COLUMN classifier {real}", "ALTER TABLE events ADD COLUMN reports INTEGER"],
}

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    pk {pk}, id TEXT NOT NULL UNIQUE, url TEXT, content_hash TEXT NOT NULL, path TEXT, title TEXT,
    source_name TEXT, source_credit TEXT, source_domain TEXT, source_lc TEXT, authors TEXT, published TEXT,
    published_date TEXT, section TEXT, language TEXT, text TEXT NOT NULL, quote_count INTEGER,
    event_count INTEGER, entity_count INTEGER, record TEXT NOT NULL, ingested_at TEXT NOT NULL {articles_extra});
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles (published_date);
CREATE TABLE IF NOT EXISTS actors (
    pk {pk}, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_lc TEXT NOT NULL, type TEXT, country TEXT,
    sector TEXT);
CREATE TABLE IF NOT EXISTS entities (
    article_pk {ref} NOT NULL REFERENCES articles (pk) ON DELETE CASCADE, entity_id TEXT,
    actor_pk {ref} REFERENCES actors (pk), name TEXT, type TEXT, country TEXT, sector TEXT, titles TEXT,
    affiliation TEXT, mentions INTEGER);
CREATE INDEX IF NOT EXISTS entities_article ON entities (article_pk);
CREATE INDEX IF NOT EXISTS entities_actor ON entities (actor_pk);
CREATE TABLE IF NOT EXISTS quotes (
    pk {pk}, article_pk {ref} NOT NULL REFERENCES articles (pk) ON DELETE CASCADE, idx INTEGER NOT NULL,
    field TEXT, kind TEXT, text TEXT NOT NULL, start_char INTEGER, end_char INTEGER, speaker TEXT,
    speaker_lc TEXT, speaker_entity TEXT, speaker_actor_pk {ref} REFERENCES actors (pk), speaker_country TEXT,
    speaker_mention TEXT, cue TEXT, published_date TEXT, source_lc TEXT {quotes_extra});
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_pk);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_actor_pk, published_date{newest}, pk{then});
CREATE INDEX IF NOT EXISTS quotes_date ON quotes (published_date{newest}, pk{then});
CREATE TABLE IF NOT EXISTS quote_mentions (
    quote_pk {ref} NOT NULL REFERENCES quotes (pk) ON DELETE CASCADE, actor_pk {ref} NOT NULL REFERENCES actors (pk));
CREATE INDEX IF NOT EXISTS quote_mentions_quote ON quote_mentions (quote_pk);
CREATE INDEX IF NOT EXISTS quote_mentions_actor ON quote_mentions (actor_pk);
CREATE TABLE IF NOT EXISTS events (
    pk {pk}, article_pk {ref} NOT NULL REFERENCES articles (pk) ON DELETE CASCADE, idx INTEGER NOT NULL,
    type TEXT, quad_class TEXT, mode TEXT, cameo TEXT, date TEXT, date_precision TEXT, event_date TEXT,
    published_date TEXT, location_name TEXT, location_country TEXT, lat {real}, lon {real},
    sentence_start INTEGER, sentence_end INTEGER, sentence TEXT NOT NULL, quote_idx INTEGER, trigger TEXT,
    source_lc TEXT, source_names TEXT, target_names TEXT, classifier {real}, reports INTEGER {events_extra});
CREATE INDEX IF NOT EXISTS events_article ON events (article_pk);
CREATE INDEX IF NOT EXISTS events_date ON events (event_date{newest}, pk{then});
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE TABLE IF NOT EXISTS event_actors (
    event_pk {ref} NOT NULL REFERENCES events (pk) ON DELETE CASCADE, role TEXT NOT NULL, position INTEGER,
    actor_pk {ref} REFERENCES actors (pk), text TEXT, name TEXT, name_lc TEXT, country TEXT, sector TEXT,
    event_date TEXT);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_pk);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_pk, event_date{newest}, event_pk{then});
"""


def statements(**types: str) -> list[str]:
    """The table statements with the backend's types filled in, one statement each.

    Lists run newest first, undated rows last, and in text order within a day (the row key ascending).
    `newest` and `then` let a backend build its date indexes in exactly that order (PostgreSQL, whose NULLs
    sort high) or in its reverse, which SQLite walks backwards (its NULLs sort low)."""
    values = {"articles_extra": "", "quotes_extra": "", "events_extra": "", "newest": "", "then": "", **types}
    return [s.strip() for s in TABLES.format(**values).split(";") if s.strip()]


def upgrade_statements(found: str, **types: str) -> list[str]:
    """The statements that bring a database made at schema version `found` up to SCHEMA_VERSION."""
    if found == SCHEMA_VERSION:
        return []
    if found not in UPGRADES:
        raise ValueError(f"schema version {found!r} is not one this communique knows (it writes {SCHEMA_VERSION})")
    steps, version = [], found
    while version != SCHEMA_VERSION:
        steps += [s.format(**types) for s in UPGRADES[version]]
        version = str(int(version) + 1)
    return steps
