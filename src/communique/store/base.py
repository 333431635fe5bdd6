"""The store interface and its SQL, shared by SQLite and PostgreSQL.

A backend supplies a connection per thread, a write transaction, the schema's types and the full-text clause;
everything else (upsert, filters, pages, timelines, the relations graph) is written once here, in SQL that
both speak. Statements use `?` placeholders; the PostgreSQL backend rewrites them.
"""
from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator

from ..record import Record
from .filters import Filters, InvalidQuery, event_types, name_pattern, quote_kind
from .rows import Rows, flatten

MAX_LIMIT = 500
LIKE = "LIKE ? ESCAPE '\\'"


@dataclass
class Page:
    items: list[dict]
    total: int
    limit: int
    offset: int

    def as_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


@dataclass
class Where:
    """WHERE clauses joined by AND, with their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(f"({c})" for c in self.clauses) if self.clauses else ""


QUOTE_COLUMNS = """a.id AS article_id, q.idx AS quote_index, a.title AS article_title, a.url AS article_url,
    a.published AS published, a.source_name AS outlet, q.speaker, sa.key AS speaker_actor,
    q.speaker_country, q.kind, q.field, q.text, q.start_char AS start, q.end_char AS "end",
    q.speaker_mention, q.cue"""
EVENT_COLUMNS = """e.pk AS event_pk, a.id AS article_id, e.idx AS event_index, a.title AS article_title,
    a.url AS article_url, a.published AS published, a.source_name AS outlet, e.type, e.quad_class, e.mode,
    e.cameo, e.date, e.date_precision, e.event_date, e.source_names, e.target_names, e.location_name,
    e.location_country, e.lat, e.lon, e.sentence_start, e.sentence_end, e.sentence, e.quote_idx AS quote_index,
    e."trigger" AS "trigger", e.classifier, e.reports """
ARTICLE_COLUMNS = """a.id, a.url, a.title, a.source_name AS outlet, a.source_domain, a.authors, a.published,
    a.section, a.language, a.quote_count, a.event_count, a.entity_count, a.path, a.ingested_at"""
ACTOR_COLUMNS = """x.key AS id, x.name, x.type, x.country, x.sector,
    (SELECT count(*) FROM entities n WHERE n.actor_pk = x.pk) AS articles,
    (SELECT count(*) FROM quotes q WHERE q.speaker_actor_pk = x.pk) AS quotes,
    (SELECT count(DISTINCT ea.event_pk) FROM event_actors ea WHERE ea.actor_pk = x.pk) AS events"""


class Store(ABC):
    """Records in, filtered pages out. One instance may be shared by threads (one connection each)."""

    url: str

    def __init__(self) -> None:
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()

    # --- what a backend provides -------------------------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _create_schema(self) -> None: ...

    @abstractmethod
    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        """A write transaction: yields the connection, commits on success, rolls back on error."""

    @abstractmethod
    def _fulltext(self, table: str, alias: str, text: str, scan_in_order: bool = False) -> tuple[str, list]:
        """A WHERE clause matching `text` in `table`'s full-text index, for rows aliased `alias`.
        `scan_in_order`: many rows match, so walking the table in the page's order finds a page sooner than
        sorting every match (a hint; a backend may ignore it)."""

    def _fulltext_count(self, table: str, text: str) -> int | None:
        """How many rows of `table` match `text`, when the index can tell cheaply; None otherwise."""
        return None

    def _sql(self, sql: str) -> str:
        return sql

    def optimize(self) -> None:
        """Refresh the planner's statistics after a batch of writes (the search plans depend on them)."""

    # --- connections and plain statements ---------------------------------------------------------------
    @property
    def connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                try:
                    conn.close()
                except Exception:  # closing from another thread may be refused; the process is ending
                    pass
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params: list | tuple = (), conn: Any = None) -> list[dict]:
        cursor = (conn or self.connection).execute(self._sql(sql), list(params))
        return [dict(row) for row in cursor.fetchall()]

    def _one(self, sql: str, params: list | tuple = (), conn: Any = None) -> dict | None:
        rows = self._rows(sql, params, conn)
        return rows[0] if rows else None

    def _value(self, sql: str, params: list | tuple = (), conn: Any = None) -> Any:
        row = self._one(sql, params, conn)
        return next(iter(row.values())) if row else None

    def _exec(self, conn: Any, sql: str, params: list | tuple = ()) -> Any:
        return conn.execute(self._sql(sql), list(params))

    # --- writing -----------------------------------------------------------------------------------------
    def upsert(self, record: Record) -> str:
        """Store one record in its own transaction: 'inserted', or 'updated' when the same id, url or text
        is already stored (duplicates found by any of the three are merged into one article)."""
        rows = flatten(record)
        article = rows.article
        with self._transaction() as conn:
            found = self._rows("SELECT pk, id FROM articles WHERE id = ? OR content_hash = ? OR url = ?",
                               [article["id"], article["content_hash"], article["url"]], conn)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            columns = [*article, "ingested_at"]
            values = [*article.values(), now]
            if found:
                keep = next((r for r in found if r["id"] == article["id"]), found[0])
                for other in found:
                    if other["pk"] != keep["pk"]:
                        self._exec(conn, "DELETE FROM articles WHERE pk = ?", [other["pk"]])
                self._exec(conn, "DELETE FROM quotes WHERE article_pk = ?", [keep["pk"]])
                self._exec(conn, "DELETE FROM events WHERE article_pk = ?", [keep["pk"]])
                self._exec(conn, "DELETE FROM entities WHERE article_pk = ?", [keep["pk"]])
                assignments = ", ".join(f"{c} = ?" for c in columns)
                self._exec(conn, f"UPDATE articles SET {assignments} WHERE pk = ?", [*values, keep["pk"]])
                article_pk, outcome = keep["pk"], "updated"
            else:
                marks = ", ".join("?" for _ in columns)
                article_pk = self._rows(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({marks}) RETURNING pk",
                                        values, conn)[0]["pk"]
                outcome = "inserted"
            self._write_children(conn, article_pk, rows)
        return outcome

    def _write_children(self, conn: Any, article_pk: int, rows: Rows) -> None:
        keys = sorted(rows.actors)  # a fixed order keeps concurrent writers from deadlocking
        pks = self._returning_many(
            conn, "INSERT INTO actors (key, name, name_lc, type, country, sector) VALUES (?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET type = COALESCE(actors.type, excluded.type), "
                  "country = COALESCE(actors.country, excluded.country), "
                  "sector = COALESCE(actors.sector, excluded.sector) RETURNING pk",
            [[k, a.name, a.name.casefold(), a.type, a.country, a.sector] for k, a in ((k, rows.actors[k]) for k in keys)])
        actor_pk = dict(zip(keys, pks))
        self._many(conn, "INSERT INTO entities (article_pk, entity_id, actor_pk, name, type, country, sector, "
                         "titles, affiliation, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [[article_pk, e["entity_id"], actor_pk.get(e["actor_key"]), e["name"], e["type"], e["country"],
                     e["sector"], e["titles"], e["affiliation"], e["mentions"]] for e in rows.entities])
        quote_rows = []
        for quote in rows.quotes:
            values = {k: v for k, v in quote.items() if k not in ("speaker_key", "mentioned_keys")}
            quote_rows.append({"article_pk": article_pk, **values, "speaker_actor_pk": actor_pk.get(quote["speaker_key"])})
        quote_pks = self._insert_many(conn, "quotes", quote_rows)
        self._many(conn, "INSERT INTO quote_mentions (quote_pk, actor_pk) VALUES (?, ?)",
                   [[pk, actor_pk[key]] for pk, quote in zip(quote_pks, rows.quotes) for key in quote["mentioned_keys"]])
        event_rows = [{"article_pk": article_pk, **{k: v for k, v in e.items() if k != "actors"}} for e in rows.events]
        event_pks = self._insert_many(conn, "events", event_rows)
        self._many(conn, "INSERT INTO event_actors (event_pk, role, position, actor_pk, text, name, name_lc, "
                         "country, sector, event_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [[pk, a["role"], a["position"], actor_pk.get(a["actor_key"]), a["text"], a["name"], a["name_lc"],
                     a["country"], a["sector"], event["event_date"]]
                    for pk, event in zip(event_pks, rows.events) for a in event["actors"]])

    def _insert_many(self, conn: Any, table: str, rows: list[dict]) -> list[int]:
        if not rows:
            return []
        columns = ", ".join(f'"{c}"' for c in rows[0])
        marks = ", ".join("?" for _ in rows[0])
        return self._returning_many(conn, f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING pk",
                                    [list(r.values()) for r in rows])

    def _returning_many(self, conn: Any, sql: str, rows: list[list]) -> list[int]:
        """Run an INSERT ... RETURNING pk once per row; the pks in row order. Backends may batch it."""
        return [self._rows(sql, row, conn)[0]["pk"] for row in rows]

    def _many(self, conn: Any, sql: str, rows: list[list]) -> None:
        if rows:
            conn.executemany(self._sql(sql), rows)

    # --- reading one thing -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS found FROM articles WHERE id = ?", [article_id]) is not None

    def get_record(self, article_id: str) -> Record | None:
        row = self._one("SELECT record FROM articles WHERE id = ?", [article_id])
        return Record.from_dict(json.loads(row["record"])) if row else None

    def get_article(self, article_id: str) -> dict | None:
        row = self._one(f"SELECT {ARTICLE_COLUMNS}, a.record FROM articles a WHERE a.id = ?", [article_id])
        if row is None:
            return None
        record = json.loads(row.pop("record"))
        return {**row, "record": record}

    def counts(self) -> dict[str, int]:
        return {table: int(self._value(f"SELECT count(*) AS n FROM {table}"))
                for table in ("articles", "quotes", "events", "actors", "entities")}

    # --- pages -------------------------------------------------------------------------------------------
    def _page(self, select: str, body: str, where: Where, order: str, limit: int, offset: int,
              total: int | None = None) -> Page:
        limit = _check_limit(limit)
        if offset < 0:
            raise InvalidQuery(f"offset must be 0 or more, not {offset}")
        sql = f"SELECT {select} {body}{where.sql()} ORDER BY {order}"
        items = self._rows(sql + (" LIMIT ? OFFSET ?" if limit else ""),
                           [*where.params, *([limit, offset] if limit else [])])
        if total is not None:
            pass
        elif limit and (offset or len(items) == limit):
            total = int(self._value(f"SELECT count(*) AS n {body}{where.sql()}", where.params))
        else:
            total = offset + len(items)
        return Page(items, total, limit, offset)

    def _keyed_page(self, table: str, alias: str, select: str, joins: str, where: Where, order: str, limit: int,
                    offset: int, total: int | None = None) -> Page:
        """A page found on `table` alone (its filters touch no other table), then joined for its rows only:
        sorting and counting matches never drags the joined columns along."""
        limit = _check_limit(limit)
        if offset < 0:
            raise InvalidQuery(f"offset must be 0 or more, not {offset}")
        body = f"FROM {table} {alias}{where.sql()}"
        keys = [r["pk"] for r in self._rows(f"SELECT {alias}.pk AS pk {body} ORDER BY {order}"
                                            + (" LIMIT ? OFFSET ?" if limit else ""),
                                            [*where.params, *([limit, offset] if limit else [])])]
        items: list[dict] = []
        for start in range(0, len(keys), MAX_LIMIT):  # bounded IN lists, also for exports without a limit
            chunk = keys[start:start + MAX_LIMIT]
            items += self._rows(f"SELECT {select} FROM {table} {alias} {joins} WHERE {alias}.pk IN ({_marks(chunk)}) "
                                f"ORDER BY {order}", chunk)
        if total is None:
            if limit and (offset or len(items) == limit):
                total = int(self._value(f"SELECT count(*) AS n {body}", where.params))
            else:
                total = offset + len(items)
        return Page(items, total, limit, offset)

    def articles(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0, with_text: bool = False) -> Page:
        where = Where()
        if filters.article:
            where.add("a.id = ?", filters.article)
        if filters.speaker:
            where.add(f"EXISTS (SELECT 1 FROM quotes q WHERE q.article_pk = a.pk AND q.speaker_lc {LIKE})",
                      name_pattern(filters.speaker))
        for name in ("actor", "about"):
            if getattr(filters, name):
                where.add("EXISTS (SELECT 1 FROM entities n JOIN actors x ON x.pk = n.actor_pk "
                          f"WHERE n.article_pk = a.pk AND x.name_lc {LIKE})", name_pattern(getattr(filters, name)))
        if filters.type:
            types = event_types(filters.type)
            where.add(f"EXISTS (SELECT 1 FROM events e WHERE e.article_pk = a.pk AND e.type IN ({_marks(types)}))",
                      *types)
        if filters.country:
            where.add("EXISTS (SELECT 1 FROM entities n WHERE n.article_pk = a.pk AND n.country = ?)", filters.country)
        self._common(where, filters, "a", "published_date")
        if filters.search:
            where.add(*self._fts("articles", "a", filters.search))
        return self._page(ARTICLE_COLUMNS + (", a.text" if with_text else ""), "FROM articles a", where,
                          "a.published_date DESC NULLS LAST, a.pk DESC", limit, offset)

    def quotes(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
        where = Where()
        if filters.article:
            where.add("q.article_pk IN (SELECT pk FROM articles WHERE id = ?)", filters.article)
        if filters.speaker:
            where.add(f"q.speaker_lc {LIKE}", name_pattern(filters.speaker))
        mentioned = (f"EXISTS (SELECT 1 FROM quote_mentions m JOIN actors x ON x.pk = m.actor_pk "
                     f"WHERE m.quote_pk = q.pk AND x.name_lc {LIKE})")
        if filters.actor:
            where.add(f"q.speaker_lc {LIKE} OR {mentioned}", name_pattern(filters.actor), name_pattern(filters.actor))
        if filters.about:
            fts, params = self._fulltext("quotes", "q", '"' + filters.about.replace('"', " ") + '"')
            where.add(f"{mentioned} OR {fts}", name_pattern(filters.about), *params)
        if filters.type:
            where.add("q.kind = ?", quote_kind(filters.type))
        if filters.country:
            where.add("q.speaker_country = ?", filters.country)
        self._common(where, filters, "q", "published_date")
        total = self._search(where, filters, "quotes", "q", limit, offset)
        return self._keyed_page("quotes", "q", QUOTE_COLUMNS, "JOIN articles a ON a.pk = q.article_pk "
                                "LEFT JOIN actors sa ON sa.pk = q.speaker_actor_pk", where,
                                "q.published_date DESC NULLS LAST, q.pk", limit, offset, total)

    def events(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
        where = Where()
        if filters.article:
            where.add("e.article_pk IN (SELECT pk FROM articles WHERE id = ?)", filters.article)
        for name, role in (("speaker", "source"), ("about", "target"), ("actor", None)):
            value = getattr(filters, name)
            if value:
                role_clause = " AND ea.role = ?" if role else ""
                where.add(f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_pk = e.pk{role_clause} "
                          f"AND ea.name_lc {LIKE})", *([role] if role else []), name_pattern(value))
        if filters.type:
            types = event_types(filters.type)
            where.add(f"e.type IN ({_marks(types)})", *types)
        if filters.country:
            where.add("e.location_country = ? OR EXISTS (SELECT 1 FROM event_actors ea "
                      "WHERE ea.event_pk = e.pk AND ea.country = ?)", filters.country, filters.country)
        self._common(where, filters, "e", "event_date")
        total = self._search(where, filters, "events", "e", limit, offset)
        page = self._keyed_page("events", "e", EVENT_COLUMNS, "JOIN articles a ON a.pk = e.article_pk", where,
                                "e.event_date DESC NULLS LAST, e.pk", limit, offset, total)
        self._attach_actors(page.items)
        return page

    def _attach_actors(self, events: list[dict]) -> None:
        by_pk = {e["event_pk"]: e for e in events}
        for event in events:
            event["source"], event["target"] = [], []
        if not by_pk:
            return
        keys = list(by_pk)
        rows = self._rows("SELECT ea.event_pk, ea.role, ea.text, ea.name, ea.country, ea.sector, x.key AS actor "
                          f"FROM event_actors ea LEFT JOIN actors x ON x.pk = ea.actor_pk "
                          f"WHERE ea.event_pk IN ({_marks(keys)}) ORDER BY ea.event_pk, ea.position", keys)
        for row in rows:
            event = by_pk[row.pop("event_pk")]
            event[row.pop("role")].append(row)
        for event in events:
            del event["event_pk"]

    def actors(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
        where = Where()
        for name in ("actor", "speaker", "search", "about"):
            if getattr(filters, name):
                where.add(f"x.name_lc {LIKE}", name_pattern(getattr(filters, name)))
        if filters.type:
            where.add("x.type = ?", filters.type.upper())
        if filters.country:
            where.add("x.country = ?", filters.country)
        return self._page(ACTOR_COLUMNS, "FROM actors x", where, "articles DESC, quotes DESC, x.name", limit, offset)

    def actor(self, key: str, limit: int = 50, offset: int = 0, filters: Filters = Filters()) -> dict | None:
        """One actor with counts and a timeline of what they said (quotes) and did or had done to them (events).
        Of the filters, only since and until apply."""
        filters = Filters(since=filters.since, until=filters.until)
        actor = self._one(f"SELECT x.pk, {ACTOR_COLUMNS} FROM actors x WHERE x.key = ?", [key])
        if actor is None:
            return None
        pk = actor.pop("pk")
        limit = _check_limit(limit) or MAX_LIMIT
        wanted = offset + limit
        quote_where, event_where = Where(["q.speaker_actor_pk = ?"], [pk]), Where(["ea.actor_pk = ?"], [pk])
        self._common(quote_where, filters, "q", "published_date")
        self._common(event_where, filters, "ea", "event_date")
        # Each half walks its (actor, date) index newest first and stops at offset + limit rows;
        # the halves are merged here in the same order: date (undated last), then kind, then text order.
        said = self._rows(
            "SELECT 'quote' AS kind, q.published_date AS date, a.id AS article_id, a.title AS article_title, "
            "q.idx AS item_index, q.text AS text, q.kind AS detail, 'speaker' AS role, q.pk AS pk "
            f"FROM quotes q JOIN articles a ON a.pk = q.article_pk{quote_where.sql()} "
            "ORDER BY q.published_date DESC NULLS LAST, q.pk LIMIT ?", [*quote_where.params, wanted])
        did = self._rows(
            "SELECT 'event' AS kind, ea.event_date AS date, a.id AS article_id, a.title AS article_title, "
            "e.idx AS item_index, e.sentence AS text, e.type AS detail, ea.role AS role, e.pk AS pk "
            "FROM event_actors ea JOIN events e ON e.pk = ea.event_pk JOIN articles a ON a.pk = e.article_pk"
            f"{event_where.sql()} ORDER BY ea.event_date DESC NULLS LAST, ea.event_pk LIMIT ?",
            [*event_where.params, wanted])
        timeline = sorted(said + did, key=lambda item: item["pk"])
        timeline.sort(key=lambda item: item["kind"])
        timeline.sort(key=lambda item: item["date"] or "", reverse=True)  # stable: ties keep the order above
        timeline = timeline[offset:offset + limit]
        for item in timeline:
            item.pop("pk")
        by_type = self._rows("SELECT e.type, count(*) AS n FROM event_actors ea JOIN events e ON e.pk = ea.event_pk "
                             "WHERE ea.actor_pk = ? GROUP BY e.type ORDER BY n DESC, e.type", [pk])
        total = int(self._value(f"SELECT count(*) AS n FROM quotes q{quote_where.sql()}", quote_where.params)) + \
            int(self._value(f"SELECT count(*) AS n FROM event_actors ea{event_where.sql()}", event_where.params))
        return {**actor, "event_types": {r["type"]: int(r["n"]) for r in by_type},
                "timeline": {"total": total, "limit": limit, "offset": offset, "items": timeline}}

    def graph(self, filters: Filters = Filters(), limit: int = 100) -> dict:
        """Who acts on whom: source -> target actor pairs with counts by event type and PLOVER class."""
        limit = _check_limit(limit) or MAX_LIMIT
        where = Where(["s.actor_pk IS NOT NULL", "t.actor_pk IS NOT NULL", "s.actor_pk <> t.actor_pk"])
        if filters.actor:
            where.add(f"sx.name_lc {LIKE} OR tx.name_lc {LIKE}", name_pattern(filters.actor), name_pattern(filters.actor))
        if filters.type:
            types = event_types(filters.type)
            where.add(f"e.type IN ({_marks(types)})", *types)
        if filters.country:
            where.add("sx.country = ? OR tx.country = ?", filters.country, filters.country)
        self._common(where, filters, "e", "event_date")
        rows = self._rows(
            "SELECT sx.key AS source, sx.name AS source_name, tx.key AS target, tx.name AS target_name, "
            "e.type, e.quad_class, count(DISTINCT e.pk) AS n FROM events e "
            "JOIN event_actors s ON s.event_pk = e.pk AND s.role = 'source' "
            "JOIN event_actors t ON t.event_pk = e.pk AND t.role = 'target' "
            "JOIN actors sx ON sx.pk = s.actor_pk JOIN actors tx ON tx.pk = t.actor_pk "
            f"JOIN articles a ON a.pk = e.article_pk{where.sql()} "
            "GROUP BY sx.key, sx.name, tx.key, tx.name, e.type, e.quad_class", where.params)
        edges: dict[tuple[str, str], dict] = {}
        names: dict[str, str] = {}
        for row in rows:
            names[row["source"]], names[row["target"]] = row["source_name"], row["target_name"]
            edge = edges.setdefault((row["source"], row["target"]), {
                "source": row["source"], "target": row["target"], "total": 0, "by_type": {},
                "by_class": {"cooperation": 0, "conflict": 0}, "by_quad_class": {}})
            n = int(row["n"])
            edge["total"] += n
            edge["by_type"][row["type"]] = edge["by_type"].get(row["type"], 0) + n
            if row["quad_class"]:
                edge["by_quad_class"][row["quad_class"]] = edge["by_quad_class"].get(row["quad_class"], 0) + n
                edge["by_class"][row["quad_class"].split()[1]] += n
        ranked = sorted(edges.values(), key=lambda e: (-e["total"], e["source"], e["target"]))[:limit]
        used = sorted({k for e in ranked for k in (e["source"], e["target"])})
        return {"nodes": [{"id": k, "name": names[k]} for k in used], "edges": ranked}

    def _common(self, where: Where, filters: Filters, alias: str, date_column: str) -> None:
        """The filters every resource shares: dates, outlet."""
        if filters.since:
            where.add(f"{alias}.{date_column} >= ?", filters.since)
        if filters.until:
            where.add(f"{alias}.{date_column} <= ?", filters.until)
        if filters.source:
            where.add(f"{alias}.source_lc {LIKE}", name_pattern(filters.source))

    def _search(self, where: Where, filters: Filters, table: str, alias: str, limit: int, offset: int) -> int | None:
        """Add the full-text clause; returns the total when the search is the only filter and the index counts it.

        When many rows match, sorting them all by date costs more than walking the date index until a page is
        full: with m matches among n rows a walk reads about (offset + limit) * n / m rows, a sort touches m."""
        if not filters.search:
            return None
        alone = not where.clauses
        matches = self._fulltext_count(table, filters.search) if alone else None
        scan = False
        if matches is not None and matches:
            rows = int(self._value(f"SELECT max(pk) AS n FROM {table}") or 0)
            scan = 6 * matches * matches > (offset + (limit or rows)) * rows
        where.add(*self._fts(table, alias, filters.search, scan))
        return matches

    def _fts(self, table: str, alias: str, text: str, scan_in_order: bool = False) -> tuple:
        clause, params = self._fulltext(table, alias, text, scan_in_order)
        return (clause, *params)


def _marks(values: list) -> str:
    return ", ".join("?" for _ in values)


def _check_limit(limit: int) -> int:
    if limit < 0 or limit > MAX_LIMIT:
        raise InvalidQuery(f"limit must be between 1 and {MAX_LIMIT} (0 for no limit in exports), not {limit}")
    return limit
