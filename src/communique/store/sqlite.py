"""The default store: one SQLite file, WAL so that readers query while ingest writes, FTS5 for search.

Full-text tables use external content (the text is stored once, in quotes/events/articles) and are kept in
step by triggers, so deleting an article's rows also removes them from the indexes.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from .base import Store
from .fulltext import fts5_query
from .schema import SCHEMA_VERSION, statements, upgrade_statements

TOKENIZER = "porter unicode61 remove_diacritics 2"
FULLTEXT = {  # index -> (content table, indexed columns)
    "quotes_fts": ("quotes", ("text",)),
    "events_fts": ("events", ("sentence",)),
    "articles_fts": ("articles", ("title", "text")),
}


def _fulltext_statements() -> list[str]:
    found = []
    for index, (table, columns) in FULLTEXT.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        found += [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {index} USING fts5({cols}, content='{table}', content_rowid='pk', "
            f"tokenize='{TOKENIZER}')",
            f"CREATE TRIGGER IF NOT EXISTS {index}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {index} (rowid, {cols}) VALUES (new.pk, {new}); END",
            f"CREATE TRIGGER IF NOT EXISTS {index}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {index} ({index}, rowid, {cols}) VALUES ('delete', old.pk, {old}); END",
            f"CREATE TRIGGER IF NOT EXISTS {index}_update AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {index} ({index}, rowid, {cols}) VALUES ('delete', old.pk, {old}); "
            f"INSERT INTO {index} (rowid, {cols}) VALUES (new.pk, {new}); END",
        ]
    return found


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict:
    return {column[0]: value for column, value in zip(cursor.description, row)}


class SQLiteStore(Store):
    def __init__(self, path: str | Path, create: bool = True):
        super().__init__()
        self.path = Path(path)
        self.url = str(self.path)
        if not create and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `communique ingest` first or give --db")
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"cannot create the database {self.path}: folder {self.path.parent} does not exist")
        self._create_schema()

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = _dict_row
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a crash never corrupts, commits stay cheap
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the database {self.path}: {error}") from error
        return conn

    def _create_schema(self) -> None:
        try:
            with self._transaction() as conn:
                for statement in statements(pk="INTEGER PRIMARY KEY", ref="INTEGER", real="REAL", then=" DESC"):
                    conn.execute(statement)
                for statement in _fulltext_statements():
                    conn.execute(statement)
                found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                for statement in upgrade_statements(found["value"] if found else SCHEMA_VERSION, real="REAL"):
                    conn.execute(statement)
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except ValueError as error:
            raise StoreError(f"{self.path}: {error}") from error
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a communique database ({error})") from error

    def optimize(self) -> None:
        self.connection.execute("PRAGMA optimize")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.connection
        conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _fulltext(self, table: str, alias: str, text: str, scan_in_order: bool = False) -> tuple[str, list]:
        index = f"{table}_fts"
        # A unary + keeps the planner from driving the query by the match list, so it walks the page's order.
        plus = "+" if scan_in_order else ""
        return f"{plus}{alias}.pk IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)", [fts5_query(text)]

    def _fulltext_count(self, table: str, text: str) -> int | None:
        index = f"{table}_fts"
        return int(self._value(f"SELECT count(*) AS n FROM {index} WHERE {index} MATCH ?", [fts5_query(text)]))
