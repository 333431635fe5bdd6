"""The JSON API: pages of articles, quotes, events and actors with the CLI's filters, one actor's timeline,
the relations graph, and (only with the server's write token) ingest."""
from __future__ import annotations

import secrets
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ..store import Filters, Store, make_filters

router = APIRouter(prefix="/api")
MAX_INGEST_BYTES = 20_000_000
Text = Annotated[Optional[str], Query(max_length=200)]


def get_store(request: Request) -> Store:
    return request.app.state.store


def filters(
    speaker: Text = None, actor: Text = None, about: Text = None,
    type: Annotated[Optional[str], Query(max_length=40, description="Quote kind, or PLOVER type/class for events.")] = None,
    country: Annotated[Optional[str], Query(max_length=3, description="ISO 3166-1 alpha-3, e.g. XKX.")] = None,
    since: Annotated[Optional[str], Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")] = None,
    source: Text = None,
    q: Annotated[Optional[str], Query(max_length=200, description='Full text: words, "phrase", a OR b, pre*.')] = None,
    article: Text = None,
) -> Filters:
    return make_filters(speaker=speaker, actor=actor, about=about, type=type, country=country, since=since,
                        until=until, source=source, search=q, article=article)


class Paging:
    def __init__(self, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0):
        self.limit, self.offset = limit, offset


def _json(body: dict) -> JSONResponse:
    """The store already gives plain JSON values: skip FastAPI's generic (and slower) encoder."""
    return JSONResponse(body)


def _page(page) -> JSONResponse:
    body = page.as_dict()
    body["next_offset"] = page.offset + page.limit if page.offset + len(page.items) < page.total else None
    return _json(body)


@router.get("/articles", summary="Articles, newest first")
def list_articles(f: Filters = Depends(filters), paging: Paging = Depends(), store: Store = Depends(get_store)):
    return _page(store.articles(f, paging.limit, paging.offset))


@router.get("/articles/{article_id:path}", summary="One article: metadata and its whole record")
def get_article(article_id: str, store: Store = Depends(get_store)):
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return _json(article)


@router.get("/quotes", summary="Quotes: who said what (filters; q searches the quoted words)")
def list_quotes(f: Filters = Depends(filters), paging: Paging = Depends(), store: Store = Depends(get_store)):
    return _page(store.quotes(f, paging.limit, paging.offset))


@router.get("/events", summary="PLOVER events: speaker = source actor, about = target actor")
def list_events(f: Filters = Depends(filters), paging: Paging = Depends(), store: Store = Depends(get_store)):
    return _page(store.events(f, paging.limit, paging.offset))


@router.get("/actors", summary="Actors across articles, most mentioned first")
def list_actors(actor: Text = None, q: Text = None,
                type: Annotated[Optional[str], Query(max_length=20)] = None,
                country: Annotated[Optional[str], Query(max_length=3)] = None,
                paging: Paging = Depends(), store: Store = Depends(get_store)):
    found = make_filters(actor=actor, search=q, type=type, country=country)
    return _page(store.actors(found, paging.limit, paging.offset))


@router.get("/actors/{actor_id}", summary="One actor and the timeline of what they said and did")
def get_actor(actor_id: str, since: Annotated[Optional[str], Query(max_length=10)] = None,
              until: Annotated[Optional[str], Query(max_length=10)] = None,
              paging: Paging = Depends(), store: Store = Depends(get_store)):
    actor = store.actor(actor_id, paging.limit, paging.offset, make_filters(since=since, until=until))
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return _json(actor)


@router.get("/graph", summary="Actor-to-actor relations: counts by event type and by PLOVER class")
def get_graph(actor: Text = None, type: Annotated[Optional[str], Query(max_length=40)] = None,
              country: Annotated[Optional[str], Query(max_length=3)] = None,
              since: Annotated[Optional[str], Query(max_length=10)] = None,
              until: Annotated[Optional[str], Query(max_length=10)] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 100, store: Store = Depends(get_store)):
    found = make_filters(actor=actor, type=type, country=country, since=since, until=until)
    return _json(store.graph(found, limit))


@router.get("/stats", summary="How many articles, quotes, events, actors are stored")
def stats(store: Store = Depends(get_store)):
    return store.counts()


@router.post("/ingest", summary="Run the pipeline over posted articles and store them (needs the write token)",
             description="Body: a JSON object, a list of objects or JSON Lines with `text` or `html` (and optionally "
                         "id, url, title, published, authors, source), or a plain-text or HTML page. "
                         "Header: `Authorization: Bearer <token>`.")
async def ingest(request: Request):
    token = request.app.state.write_token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with --write-token to accept ingest")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "ingest needs the header Authorization: Bearer <write token>",
                            headers={"WWW-Authenticate": "Bearer"})
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
        raise HTTPException(413, f"the body is over {MAX_INGEST_BYTES // 1_000_000} MB")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"the body is over {MAX_INGEST_BYTES // 1_000_000} MB")
    if not body.strip():
        raise HTTPException(400, "the body is empty: post a JSON object with `text`, a list of them, or a page")
    from ..sources.files import documents_from_bytes
    from ..store.ingest import ingest as run_ingest

    store = request.app.state.store
    if getattr(request.app.state, "pipeline", None) is None:
        from ..pipeline import Pipeline

        request.app.state.pipeline = Pipeline()  # one per server: stages are set up once
    summary = await run_in_threadpool(lambda: run_ingest(
        store, documents_from_bytes("request", body, None), keep_ids=True, pipeline=request.app.state.pipeline))
    if summary.failed and not summary.stored:
        raise HTTPException(422, "nothing stored: " + "; ".join(summary.failures[:5]))
    return summary.as_dict()
