"""The HTML pages: search, an article with its quotes and events, an actor's timeline, the relations graph.

Pages are plain HTML forms and links (readable without JavaScript); values from the store reach the
templates as data and are escaped there.
"""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..store import Store, make_filters
from .api import get_store
from .highlight import pieces
from .layout import layout
from .render import render

router = APIRouter(include_in_schema=False)
PAGE = 25
Text = Annotated[Optional[str], Query(max_length=200)]
Short = Annotated[Optional[str], Query(max_length=40)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _params(**values) -> dict:
    return {k: v for k, v in values.items() if v not in (None, "")}


@router.get("/")
def home(request: Request, q: Text = None, speaker: Text = None, about: Text = None, since: Short = None,
         until: Short = None, store: Store = Depends(get_store)):
    params = _params(q=q, speaker=speaker, about=about, since=since, until=until)
    filters = make_filters(search=q, speaker=speaker, about=about, since=since, until=until)
    searching = bool(params)
    return render(request, "home.html", {
        "params": params, "searching": searching,
        "quotes": store.quotes(filters, limit=10), "events": store.events(filters, limit=10),
        "articles": None if searching else store.articles(limit=10),
        "actors": None if searching else store.actors(limit=12), "counts": store.counts(),
    })


@router.get("/quotes")
def quotes_page(request: Request, q: Text = None, speaker: Text = None, about: Text = None, type: Short = None,
                since: Short = None, until: Short = None, offset: Offset = 0, store: Store = Depends(get_store)):
    return _filtered_list(request, "quotes", store.quotes, offset,
                          q=q, speaker=speaker, about=about, type=type, since=since, until=until)


@router.get("/events")
def events_page(request: Request, q: Text = None, speaker: Text = None, about: Text = None, type: Short = None,
                since: Short = None, until: Short = None, offset: Offset = 0, store: Store = Depends(get_store)):
    return _filtered_list(request, "events", store.events, offset,
                          q=q, speaker=speaker, about=about, type=type, since=since, until=until)


def _filtered_list(request: Request, what: str, fetch, offset: int, q: str | None, **filters):
    """One page of quotes or events under the same filters; `q` is the full-text search."""
    page = fetch(make_filters(search=q, **filters), limit=PAGE, offset=offset)
    return render(request, "list.html", {"what": what, "params": _params(q=q, **filters), "page": page})


@router.get("/articles")
def articles_page(request: Request, q: Text = None, offset: Offset = 0, store: Store = Depends(get_store)):
    page = store.articles(make_filters(search=q), limit=PAGE, offset=offset)
    return render(request, "list.html", {"what": "articles", "params": _params(q=q), "page": page})


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, store: Store = Depends(get_store)):
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    record = store.get_record(article_id)
    text_quotes = [(i, q.content.start, q.content.end) for i, q in enumerate(record.quotes) if q.field != "title"]
    title_quotes = [(i, q.content.start, q.content.end) for i, q in enumerate(record.quotes) if q.field == "title"]
    events = [(i, e.sentence.start, e.sentence.end) for i, e in enumerate(record.events)]
    sentences = {}
    for i, event in enumerate(record.events):
        sentences.setdefault((event.sentence.start, event.sentence.end), []).append(i)
    actor_keys = _actor_keys(record)
    return render(request, "article.html", {
        "article": article, "record": record, "body": pieces(record.text, text_quotes, events),
        "title": pieces(record.title or "", title_quotes, []),
        "sentences": [(record.text[s:e], idx) for (s, e), idx in sorted(sentences.items())],
        "actor_keys": actor_keys,
    })


def _actor_keys(record) -> dict[str, str]:
    """Entity name -> actor page key, for links from the article page."""
    from ..store.rows import actor_key

    return {e.name: actor_key(e.name) for e in record.entities if actor_key(e.name)}


@router.get("/actors")
def actors_page(request: Request, q: Text = None, type: Short = None, offset: Offset = 0,
                store: Store = Depends(get_store)):
    page = store.actors(make_filters(actor=q, type=type), limit=PAGE, offset=offset)
    return render(request, "list.html", {"what": "actors", "params": _params(q=q, type=type), "page": page})


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, offset: Offset = 0, store: Store = Depends(get_store)):
    actor = store.actor(actor_id, limit=PAGE, offset=offset)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    graph = store.graph(make_filters(actor=actor["name"]), limit=30)
    relations = [e for e in graph["edges"] if actor_id in (e["source"], e["target"])]
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return render(request, "actor.html", {"actor": actor, "offset": offset, "page_size": PAGE,
                                          "relations": relations, "names": names})


@router.get("/graph")
def graph_page(request: Request, actor: Text = None, type: Short = None, since: Short = None, until: Short = None,
               store: Store = Depends(get_store)):
    params = _params(actor=actor, type=type, since=since, until=until)
    graph = store.graph(make_filters(actor=actor, type=type, since=since, until=until), limit=40)
    return render(request, "graph.html", {"params": params, "graph": layout(graph)})


@router.get("/docs")
def docs_page(request: Request):
    """The API reference, drawn from the OpenAPI schema by the server (no third-party script)."""
    schema = request.app.openapi()
    return render(request, "docs.html", {"schema": schema})
