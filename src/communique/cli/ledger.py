"""The ledger commands: ingest articles into a database, query it, export it, serve it.

`--db` takes a SQLite file (default ./communique.db) or a postgresql:// URL; COMMUNIQUE_DB sets it for a shell.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import CommuniqueError
from .output import err_console, fatal, progress, report_failure

DB_HELP = "SQLite file or postgresql://user@host/db URL."
DB = typer.Option("communique.db", "--db", envvar="COMMUNIQUE_DB", help=DB_HELP)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportKind(str, Enum):
    articles = "articles"
    quotes = "quotes"
    events = "events"


def register(app: typer.Typer) -> None:
    app.command(help="Run the pipeline over articles and store the records (re-ingesting updates, never duplicates). "
                     "Exit status 1 when any input failed.")(ingest)
    app.command(help="List stored articles.")(articles)
    app.command(help="List stored quotes: who said what, where.")(quotes)
    app.command(help="List stored PLOVER events: who did what to whom.")(events)
    app.command(help="List actors: the people, organisations and places across articles.")(actors)
    app.command(help="Export articles, quotes or events as flat CSV, JSON Lines or Parquet.")(export)
    app.command(help="Serve the JSON API and the web pages (read-only unless --write-token is given).")(serve)


def _open(db: str, create: bool = False):
    from ..store import open_store

    try:
        return open_store(db, create=create)
    except CommuniqueError as error:
        fatal(str(error))


def ingest(
    inputs: Optional[list[str]] = typer.Argument(None, help="Files, directories, URLs, or - for stdin."),
    db: str = DB,
    urls: Optional[str] = typer.Option(None, "--urls", help="A file of article URLs, one a line."),
    feed: Optional[list[str]] = typer.Option(None, "--feed", help="An RSS/Atom feed URL or file (repeatable)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URL fetches reach private addresses."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Local worker processes."),
    skip_existing: bool = typer.Option(False, "--skip-existing",
                                       help="Pass over inputs whose id is already stored (resume a long batch)."),
) -> None:
    from ..sources import iter_inputs
    from ..store.ingest import ingest as run_ingest

    if not inputs and not urls and not feed:
        fatal("nothing to ingest: give files, directories, URLs, --urls FILE or --feed URL")
    store = _open(db, create=True)
    try:
        with progress("ingesting") as advance:
            summary = run_ingest(store, iter_inputs(inputs or [], urls_file=urls, feeds=feed or (),
                                                    allow_private=allow_private),
                                 workers=workers, skip_existing=skip_existing, on_failure=report_failure,
                                 on_progress=advance)
    except CommuniqueError as error:
        fatal(str(error))
    finally:
        store.close()
    skipped = f", {summary.skipped} already stored" if summary.skipped else ""
    err_console.print(f"stored {summary.stored} articles in {db} ({summary.inserted} new, {summary.updated} updated"
                      f"{skipped}); {summary.failed} failed", markup=False)
    raise typer.Exit(1 if summary.failed else 0)


# --- queries ---------------------------------------------------------------------------------------------------
SPEAKER = typer.Option(None, "--speaker", help="Who said it (quotes) or did it (events); part of a name is enough.")
ACTOR = typer.Option(None, "--actor", help="Anyone involved: speaker, mentioned, source or target.")
ABOUT = typer.Option(None, "--about", help="Whom it concerns: named in a quote, or the target of an event.")
COUNTRY = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code, e.g. SRB; Kosovo is XKX.")
SINCE = typer.Option(None, "--since", help="From this date: 2025-03-11, 2025-03 or 2025.")
UNTIL = typer.Option(None, "--until", help="Up to and including this date (or month, or year).")
SOURCE = typer.Option(None, "--source", help="Outlet name or domain.")
SEARCH = typer.Option(None, "--search", help='Full text: words (stemmed), "a phrase", a OR b, prefix*.')
FORMAT = typer.Option(Format.table, "--format", "-f", help="table, json or csv.")
LIMIT = typer.Option(50, "--limit", min=0, max=500, help="How many rows (0: all).")
OFFSET = typer.Option(0, "--offset", min=0, help="Skip this many rows first.")


def _filters(**values):
    from ..store import make_filters

    try:
        return make_filters(**values)
    except CommuniqueError as error:
        fatal(str(error))


def _page(db: str, method: str, filters, limit: int, offset: int):
    store = _open(db)
    try:
        return getattr(store, method)(filters, limit=limit, offset=offset)
    except CommuniqueError as error:
        fatal(str(error))
    finally:
        store.close()


def _show(page, fmt: Format, columns: list[tuple[str, str]], title: str, flatten=None) -> None:
    from ..store.export import write_stream

    if fmt is Format.json:
        write_stream(page.items, "json", sys.stdout)
        return
    if fmt is Format.csv:
        write_stream((flatten(i) for i in page.items) if flatten else page.items, "csv", sys.stdout)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title}: {len(page.items)} of {page.total}", title_justify="left", show_lines=False)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for item in page.items:
        table.add_row(*[_short(item.get(key)) for key, _ in columns])
    Console(highlight=False).print(table)  # rich renders cell values as plain text, never as markup


def _short(value, width: int = 160):
    """A cell as rich Text, so that brackets in article text are never read as markup."""
    from rich.text import Text

    text = "" if value is None else str(value)
    return Text(text if len(text) <= width else text[: width - 1] + "…")


def articles(db: str = DB, speaker: Optional[str] = SPEAKER, actor: Optional[str] = ACTOR,
             about: Optional[str] = ABOUT,
             type: Optional[str] = typer.Option(None, "--type", help="Articles with an event of this PLOVER type or class."),
             country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
             source: Optional[str] = SOURCE, search: Optional[str] = SEARCH, format: Format = FORMAT,
             limit: int = LIMIT, offset: int = OFFSET) -> None:
    filters = _filters(speaker=speaker, actor=actor, about=about, type=type, country=country, since=since,
                       until=until, source=source, search=search)
    page = _page(db, "articles", filters, limit, offset)
    _show(page, format, [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"),
                         ("quote_count", "quotes"), ("event_count", "events")], "articles")


def quotes(db: str = DB, speaker: Optional[str] = SPEAKER, actor: Optional[str] = ACTOR, about: Optional[str] = ABOUT,
           type: Optional[str] = typer.Option(None, "--type", help="direct, indirect or mixed."),
           country: Optional[str] = typer.Option(None, "--country", help="The speaker's country (ISO alpha-3)."),
           since: Optional[str] = SINCE, until: Optional[str] = UNTIL, source: Optional[str] = SOURCE,
           search: Optional[str] = SEARCH, article: Optional[str] = typer.Option(None, "--article", help="One article id."),
           format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    filters = _filters(speaker=speaker, actor=actor, about=about, type=type, country=country, since=since,
                       until=until, source=source, search=search, article=article)
    page = _page(db, "quotes", filters, limit, offset)
    _show(page, format, [("published", "published"), ("speaker", "speaker"), ("kind", "kind"), ("text", "quote"),
                         ("article_id", "article")], "quotes")


def events(db: str = DB, speaker: Optional[str] = typer.Option(None, "--speaker", help="The source actor (who acted)."),
           actor: Optional[str] = ACTOR,
           about: Optional[str] = typer.Option(None, "--about", help="The target actor (acted upon)."),
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (ACCUSE), class (verbal-conflict) or "
                                                                   "cooperation/conflict."),
           country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           source: Optional[str] = SOURCE, search: Optional[str] = SEARCH,
           article: Optional[str] = typer.Option(None, "--article", help="One article id."),
           format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    from ..store.export import flat_event

    filters = _filters(speaker=speaker, actor=actor, about=about, type=type, country=country, since=since,
                       until=until, source=source, search=search, article=article)
    page = _page(db, "events", filters, limit, offset)
    _show(page, format, [("event_date", "date"), ("type", "type"), ("source_names", "source"),
                         ("target_names", "target"), ("sentence", "sentence"), ("article_id", "article")],
          "events", flatten=flat_event)


def actors(db: str = DB, actor: Optional[str] = typer.Option(None, "--actor", "--search", help="Part of a name."),
           type: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GPE, ..."),
           country: Optional[str] = COUNTRY, format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    filters = _filters(actor=actor, type=type, country=country)
    page = _page(db, "actors", filters, limit, offset)
    _show(page, format, [("id", "id"), ("name", "name"), ("type", "type"), ("country", "country"),
                         ("quotes", "quotes"), ("events", "events"), ("articles", "articles")], "actors")


def export(
    kind: ExportKind = typer.Argument(..., help="articles, quotes or events."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv, jsonl or parquet."),
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
    layout: str = typer.Option("flat", "--layout", help="flat, or gdelt for events (GDELT-like columns, CAMEO code)."),
    db: str = DB, speaker: Optional[str] = SPEAKER, actor: Optional[str] = ACTOR, about: Optional[str] = ABOUT,
    type: Optional[str] = typer.Option(None, "--type", help="Quote kind or event type/class, by kind."),
    country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    source: Optional[str] = SOURCE, search: Optional[str] = SEARCH,
) -> None:
    from ..store import export as exporter

    if layout not in ("flat", "gdelt") or (layout == "gdelt" and kind is not ExportKind.events):
        fatal("--layout gdelt is for events only; the other layout is flat")
    filters = _filters(speaker=speaker, actor=actor, about=about, type=type, country=country, since=since,
                       until=until, source=source, search=search)
    store = _open(db)
    try:
        count = exporter.write(exporter.rows(store, kind.value, filters, layout), format.value, output)
    except CommuniqueError as error:
        fatal(str(error))
    except OSError as error:
        fatal(f"cannot write {output}: {error.strerror or error}")
    finally:
        store.close()
    err_console.print(f"wrote {count} {kind.value} to {output}", markup=False)


def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default is reachable from this machine only."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    write_token: Optional[str] = typer.Option(None, "--write-token", envvar="COMMUNIQUE_WRITE_TOKEN",
                                              help="Enable POST /api/ingest for requests bearing this token."),
) -> None:
    import uvicorn

    from ..web import create_app

    if write_token is not None and len(write_token) < 16:
        fatal("--write-token must be at least 16 characters")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"warning: serving on {host}, reachable from other machines", markup=False)
    store = _open(db, create=True)
    app = create_app(store, write_token=write_token)
    uvicorn.run(app, host=host, port=port, log_level="info")
