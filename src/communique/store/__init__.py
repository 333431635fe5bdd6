"""Where records are kept: SQLite by default, PostgreSQL when shared, behind one interface (`Store`)."""
from __future__ import annotations

from .base import Page, Store
from .filters import Filters, InvalidQuery, make_filters

DEFAULT_DB = "communique.db"

__all__ = ["DEFAULT_DB", "Filters", "InvalidQuery", "Page", "Store", "make_filters", "open_store"]


def open_store(url: str | None = None, create: bool = True) -> Store:
    """The store a --db value names: a postgresql:// URL, or a SQLite file path (default ./communique.db)."""
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite://"):
        from ..errors import StoreError

        raise StoreError(f"unknown database URL {url.split('://')[0]}://: give a file path or postgresql://...")
    from .sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"), create=create)
